"""Confidant (私行知己): the Qt-free core of a private banker's encrypted workbench.

Layers (imports point down only): ``cli`` → ``services`` → ``vault`` / ``reports`` /
``sync`` → ``domain``. Nothing here imports PySide6; ``ui/`` is the Qt front end.
"""

__version__ = "0.1.0"
