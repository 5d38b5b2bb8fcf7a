"""The client book: the lazy list, the quick-open palette and the client view."""
