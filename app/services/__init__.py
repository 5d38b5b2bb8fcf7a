"""Use cases: the only door through which ``ui/`` and ``cli.py`` touch data.

Open a vault with ``Workspace.open`` (or ``create``); each area is a sub-service
(``ws.clients``, ``ws.portfolio``, …). Services take and return plain values
(dataclasses), never live ORM objects.
"""
