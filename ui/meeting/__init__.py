"""Meeting mode: the client brief beside the note editor."""
