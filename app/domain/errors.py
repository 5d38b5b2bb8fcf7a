"""Errors a banker can act on: each carries one sentence that says what to do."""

from __future__ import annotations


class ConfidantError(Exception):
    """Base for every expected failure; ``str(err)`` is shown to the user as is."""


class ValidationError(ConfidantError):
    """A value a banker typed or imported is not acceptable; the message says why."""


class VaultError(ConfidantError):
    """The vault cannot be used as asked (missing, locked, damaged)."""


class VaultNotFound(VaultError):
    """No vault exists at the given path."""


class VaultExists(VaultError):
    """A vault already exists where a new one was to be made."""


class WrongPassphrase(VaultError):
    """The passphrase did not unwrap any key slot; the next try waits ``seconds_left``."""

    def __init__(self, message: str, seconds_left: float = 0.0) -> None:
        super().__init__(message)
        self.seconds_left = seconds_left


class UnlockThrottled(VaultError):
    """Too many wrong passphrases: the next try is allowed only after a delay."""

    def __init__(self, message: str, seconds_left: float) -> None:
        super().__init__(message)
        self.seconds_left = seconds_left


class VaultShredded(VaultError):
    """The key slots were destroyed: the data can never be read again."""


class VaultInUse(VaultError):
    """Another Confidant process has this vault open."""


class NotFound(ConfidantError):
    """A client, holding or other record named by the user does not exist."""


class Ambiguous(ConfidantError):
    """A name matches more than one record; the user must give an id."""


class DiskFull(ConfidantError):
    """The disk ran out of space; nothing was changed."""


class RuleDataError(ConfidantError):
    """A rule table or assumption file (suitability limits, market assumptions) is not usable."""
