"""Typed ids, so that a client id cannot be passed where a holding id belongs.

Ids are UUIDs made on the device (UUIDv7 where available: time-ordered, so new rows
land at the end of the primary-key index instead of scattering over it).
"""

from __future__ import annotations

import os
import time
import uuid
from typing import NewType

ClientId = NewType("ClientId", uuid.UUID)
HoldingId = NewType("HoldingId", uuid.UUID)
AccountId = NewType("AccountId", uuid.UUID)
InstrumentId = NewType("InstrumentId", uuid.UUID)


def new_id() -> uuid.UUID:
    """A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 64) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # rand_b
    return uuid.UUID(int=value)
