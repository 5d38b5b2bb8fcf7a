"""Contacts and care in the app: the client's Contacts tab (every call, message and visit,
and the dates worth a greeting) and the small form dialog the relationship screens share."""
