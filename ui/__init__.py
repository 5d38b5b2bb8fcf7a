"""Confidant's PySide6 front end. It talks to ``app.services`` and ``app.domain`` only."""
