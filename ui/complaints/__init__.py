"""Complaints in the app: the client's Complaints tab (receipt to resolution), its
dialogs, and the header badge for open complaints."""
