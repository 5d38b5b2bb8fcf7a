"""Risk tolerance in the app: the in-meeting assessment wizard, the client's Risk tab,
the household comparison and the portfolio's suitability box."""
