"""Who the vault belongs to, as the documents it makes print it: the banker's name, their
qualification certificate number (从业资格证书编号) and the bank entity or branch they act
for (所属机构).

Why it is shaped so: an advice pack's cover must name the banker with their certificate
number and the entity (regulation.md §3.3), and a meeting brief says who prepared it.
Without these the documents printed the operating system's user name ("root") and a
dash. The details live in the vault (``vault_meta``, encrypted with everything else),
so they travel with the vault and its backups; they are not client data. Changing them
is audited. Nothing set, the documents fall back to the operating system's user name
and a dash, as before.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from app.domain.errors import ValidationError
from app.services.changes import Changes
from app.vault.models import VaultMeta

if TYPE_CHECKING:
    from app.services.workspace import Workspace

META_KEY = "banker"
LIMITS = {"name": 30, "licence": 40, "branch": 60}
WHAT = {"name": "The name", "licence": "The certificate number", "branch": "The branch"}


def _clean(field: str, value: str) -> str:
    text = " ".join(value.split())
    if len(text) > LIMITS[field]:
        raise ValidationError(
            f"{WHAT[field]} has at most {LIMITS[field]} characters, not {len(text)}."
        )
    if any(unicodedata.category(char).startswith("C") for char in text):
        raise ValidationError(f"{WHAT[field]} cannot contain control characters.")
    return text


@dataclass(frozen=True)
class BankerDetails:
    """What documents print about the banker; "" is "not set"."""

    name: str = ""
    licence: str = ""  # 从业资格证书编号
    branch: str = ""  # 所属机构

    def __post_init__(self) -> None:
        for field, value in asdict(self).items():
            object.__setattr__(self, field, _clean(field, value))


class BankerService:
    """The vault owner's details; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def get(self) -> BankerDetails:
        with self._ws.begin() as s:
            meta = s.get(VaultMeta, META_KEY)
            stored = meta.value if meta is not None else None
        if not stored:
            return BankerDetails()
        try:
            doc = json.loads(stored)
            return BankerDetails(**{k: str(doc.get(k, "")) for k in LIMITS})
        except (ValueError, AttributeError, ValidationError):
            return BankerDetails()  # unreadable: as if never set, and set again

    def set(self, details: BankerDetails) -> Changes:
        """Keep ``details`` (audited, with which fields changed, not their values)."""
        before = self.get()
        changed = [k for k in LIMITS if getattr(before, k) != getattr(details, k)]
        if not changed:
            return Changes()
        with self._ws.begin() as s:
            value = json.dumps(asdict(details), ensure_ascii=False)
            s.merge(VaultMeta(key=META_KEY, value=value))
            self._ws.record(s, "banker.updated", "vault", {"fields": changed})
        return Changes(settings=True)

    def display_name(self) -> str:
        """The name documents print: the one set here, else the system's user name."""
        return self.get().name or self._ws.actor


__all__ = ["BankerDetails", "BankerService"]
