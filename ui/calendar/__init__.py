"""The calendar: the week, the next fortnight and the meeting dialog."""
