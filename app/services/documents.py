"""Documents kept in the vault: advice packs, assessment records and meeting briefs.

Why it is shaped so: a document handed to a client is evidence of the advice given, so
the exact bytes are kept inside the encrypted vault with their SHA-256, size, the plan
version they came from, who made them and when, and listed under the client's
Documents. Reading them back checks the SHA-256, so a changed or damaged copy is
refused rather than shown. Nothing is written outside the vault except by ``export``,
to a file the banker chose, whole or not at all, and recorded in the audit trail.
Deleting tombstones the row (the server must hear of it); titles and contents never go
into audit details (they may name the client).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, ValidationError, VaultError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.risk import write_export
from app.services.tasks import client_and_members, clip, live_client
from app.vault.models import Document, Plan
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

KINDS = ("advice_pack", "assessment", "brief")
LANGS = ("zh", "en", "both")
NUMBER_PREFIXES = {"advice_pack": "AP", "assessment": "RA", "brief": "MB"}
TITLE_MAX = 200
NUMBER_MAX = 40
MAX_BYTES = 64 * 1024 * 1024  # a pack with charts is well under a megabyte


@dataclass(frozen=True)
class DocumentRow:
    """A document in the client's list (its bytes stay in the vault: see ``content``)."""

    id: uuid.UUID
    client_id: ClientId
    plan_id: uuid.UUID | None
    kind: str
    title: str
    lang: str
    document_number: str
    plan_version: int | None
    sha256: str
    size: int
    created_by: str
    created_at: datetime


def document_number(kind: str, at: datetime | None = None) -> str:
    """``AP-YYYYMMDD-XXXXXXXX`` (advice pack; ``RA`` assessment, ``MB`` brief): dated by
    the banker's local day, unique without a central counter, short enough to read out."""
    prefix = NUMBER_PREFIXES.get(kind)
    if prefix is None:
        raise ValidationError(f"Unknown document kind “{kind}”; use one of {', '.join(KINDS)}.")
    at = at or utc_now()
    return f"{prefix}-{at.astimezone():%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"


def _row(d: Document) -> DocumentRow:
    return DocumentRow(
        id=d.id,
        client_id=ClientId(d.client_id),
        plan_id=d.plan_id,
        kind=d.kind,
        title=d.title,
        lang=d.lang,
        document_number=d.document_number,
        plan_version=d.plan_version,
        sha256=d.sha256,
        size=d.size,
        created_by=d.created_by,
        created_at=d.created_at,
    )


# The listed columns: a list never loads the bytes.
_LISTED = (
    Document.id,
    Document.client_id,
    Document.plan_id,
    Document.kind,
    Document.title,
    Document.lang,
    Document.document_number,
    Document.plan_version,
    Document.sha256,
    Document.size,
    Document.created_by,
    Document.created_at,
)


class DocumentService:
    """Documents of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def store(
        self,
        client_id: ClientId,
        kind: str,
        title: str,
        lang: str,
        document_number: str,
        content: bytes,
        plan_id: uuid.UUID | None = None,
        plan_version: int | None = None,
    ) -> uuid.UUID:
        """Keep ``content`` in the vault under the client's documents; its SHA-256 and
        size are computed here. With a ``plan_id`` and no ``plan_version``, the plan's
        current version is recorded."""
        if kind not in KINDS:
            raise ValidationError(f"Unknown document kind “{kind}”; use one of {', '.join(KINDS)}.")
        if lang not in LANGS:
            raise ValidationError(f"A document is in zh, en or both, not “{lang}”.")
        number = document_number.strip()
        if not number or len(number) > NUMBER_MAX:
            raise ValidationError(
                f"A document needs a document number of 1 to {NUMBER_MAX} characters."
            )
        if not content:
            raise ValidationError("The document is empty; generate it again before saving it.")
        if len(content) > MAX_BYTES:
            raise ValidationError(
                f"The document is larger than {MAX_BYTES // (1024 * 1024)} MB; "
                "it cannot be kept in the vault."
            )
        digest = hashlib.sha256(content).hexdigest()
        with self._ws.begin() as s:
            client = live_client(s, client_id)
            if plan_id is not None:
                plan = self._plan(s, plan_id, client.id)
                plan_version = plan.version if plan_version is None else plan_version
            doc = Document(
                client_id=client.id,
                plan_id=plan_id,
                kind=kind,
                title=clip(title, TITLE_MAX) or number,
                lang=lang,
                document_number=number,
                plan_version=plan_version,
                sha256=digest,
                size=len(content),
                created_by=clip(self._ws.actor, 60),
                created_at=utc_now(),
            )
            doc.content = content
            s.add(doc)
            s.flush()
            details: dict[str, object] = {
                "document": str(doc.id),
                "kind": kind,
                "document_number": number,
                "sha256": digest,
                "bytes": len(content),
            }
            if plan_id is not None:
                details["plan"] = str(plan_id)
                details["plan_version"] = plan_version
            self._ws.record(s, "document.stored", str(client.id), details)
            return doc.id

    def list_for(self, client_id: ClientId, *, include_members: bool = True) -> list[DocumentRow]:
        """The client's documents, newest first, without their bytes; a household's
        include its members' (``include_members=False``: the client's own only)."""
        with self._ws.begin() as s:
            live_client(s, client_id)
            ids = client_and_members(s, client_id) if include_members else [client_id]
            rows = s.execute(
                select(*_LISTED)
                .where(Document.client_id.in_(ids), Document.deleted_at.is_(None))
                .order_by(Document.created_at.desc(), Document.id.desc())
            ).all()
        return [
            DocumentRow(
                id=r.id,
                client_id=ClientId(r.client_id),
                plan_id=r.plan_id,
                kind=r.kind,
                title=r.title,
                lang=r.lang,
                document_number=r.document_number,
                plan_version=r.plan_version,
                sha256=r.sha256,
                size=r.size,
                created_by=r.created_by,
                created_at=r.created_at,
            )
            for r in rows
        ]

    def row(self, doc_id: uuid.UUID) -> DocumentRow:
        """One document's facts (no bytes)."""
        with self._ws.begin() as s:
            return _row(self._document(s, doc_id))

    def content(self, doc_id: uuid.UUID) -> bytes:
        """The document's bytes, checked against the SHA-256 taken when it was stored.

        Raises VaultError (and records ``document.integrity_failed``) if they differ.
        """
        with self._ws.begin() as s:
            doc = self._document(s, doc_id)
            data, expected, client_id = doc.content, doc.sha256, doc.client_id
            number = doc.document_number
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected:
            with self._ws.begin() as s:
                self._ws.record(
                    s,
                    "document.integrity_failed",
                    str(client_id),
                    {"document": str(doc_id), "document_number": number, "sha256": actual},
                )
            raise VaultError(
                f"Document {number} no longer matches the SHA-256 recorded when it was "
                "stored: it was changed or damaged. Do not hand it out; generate it again, "
                "or restore the vault from a backup, and tell bank IT."
            )
        return data

    def export(self, doc_id: uuid.UUID, path: Path) -> Path:
        """Write the (checked) document to ``path``, whole or not at all, and record the
        export in the audit trail."""
        data = self.content(doc_id)
        write_export(path, data)
        with self._ws.begin() as s:
            doc = self._document(s, doc_id)
            self._ws.record(
                s,
                "document.exported",
                str(doc.client_id),
                {
                    "document": str(doc.id),
                    "document_number": doc.document_number,
                    "file": path.name,
                    "bytes": len(data),
                },
            )
        return path

    def delete(self, doc_id: uuid.UUID) -> Changes:
        """Tombstone the document (the server receives the deletion)."""
        with self._ws.begin() as s:
            doc = self._document(s, doc_id)
            doc.deleted_at = utc_now()
            self._ws.record(
                s,
                "document.deleted",
                str(doc.client_id),
                {"document": str(doc.id), "document_number": doc.document_number},
            )
            return Changes(documents=True, client_ids=frozenset({ClientId(doc.client_id)}))

    # --- helpers ----------------------------------------------------------------------

    @staticmethod
    def _document(s: Session, doc_id: uuid.UUID) -> Document:
        doc = s.get(Document, doc_id)
        if doc is None or doc.deleted_at is not None:
            raise NotFound(
                "That document is not in this vault (deleted, perhaps on another device); "
                "refresh the client's Documents."
            )
        return doc

    @staticmethod
    def _plan(s: Session, plan_id: uuid.UUID, client_id: uuid.UUID) -> Plan:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.deleted_at is not None:
            raise NotFound("That plan is not in this vault; open the client's plan again.")
        if plan.client_id != client_id:
            raise ValidationError(
                "That plan belongs to another client; store the document under the plan's client."
            )
        return plan


__all__ = [
    "KINDS",
    "LANGS",
    "DocumentRow",
    "DocumentService",
    "document_number",
]
