"""What makes a vault passphrase acceptable, and how strong it looks.

The vault's secrecy rests on the passphrase (Argon2id only slows guessing), so the
rules are few but firm: at least 12 characters, not one repeated character, not a
well-known password. ``strength`` (0–4) feeds the meter on the welcome screen.
"""

from __future__ import annotations

import math
import string

MIN_LENGTH = 12
COMMON = frozenset(
    {
        "123456789012",
        "password1234",
        "qwertyuiop12",
        "1q2w3e4r5t6y",
        "iloveyou1234",
        "woaini1314520",
        "abcdefghijkl",
        "passwordpassword",
        "confidant123",
        "admin1234567",
    }
)


def problems(passphrase: str) -> list[str]:
    """Every rule the passphrase breaks, as sentences; empty when acceptable."""
    found: list[str] = []
    if len(passphrase) < MIN_LENGTH:
        found.append(f"Use at least {MIN_LENGTH} characters (this has {len(passphrase)}).")
    if passphrase and len(set(passphrase)) == 1:
        found.append("Do not repeat a single character.")
    if passphrase.lower() in COMMON:
        found.append("This is a well-known password; choose something of your own.")
    return found


def _alphabet(passphrase: str) -> int:
    size = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        size += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        size += 26
    if any(c in string.digits for c in passphrase):
        size += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        size += 33
    if any(ord(c) > 127 for c in passphrase):
        size += 3000  # a CJK character is worth far more than a letter
    return max(size, 1)


def strength(passphrase: str) -> int:
    """0 (unacceptable) to 4 (strong), from a rough entropy estimate."""
    if problems(passphrase):
        return 0
    distinct = len(set(passphrase))
    bits = min(len(passphrase), distinct * 2) * math.log2(_alphabet(passphrase))
    return 1 if bits < 50 else 2 if bits < 70 else 3 if bits < 90 else 4
