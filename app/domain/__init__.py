"""Pure values and rules of private banking: no I/O, no database, no Qt."""
