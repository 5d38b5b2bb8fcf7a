"""Documents of one client, shown as a tab of the client view: the list, the preview,
exporting, and making a new advice pack."""
