"""The Tasks page: today, overdue, this week and every open task."""
