"""Documents kept in the vault: stored with their SHA-256, listed without their bytes,
read back only when the hash still matches, exported where the banker chooses (audited),
tombstoned on delete, and never in plaintext on disk."""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import NotFound, ValidationError, VaultError
from app.domain.ids import ClientId
from app.services.clients import NewClient
from app.services.documents import document_number
from app.services.workspace import KdfParams, Workspace
from app.vault.models import AuditEvent, Document, OutboxEntry, Plan

SECRET_NAME = "欧阳明远"
PASSPHRASE = "test passphrase 123"
PDF = b"%PDF-1.4\n" + "欧阳明远 的理财规划建议书".encode() + b"\n%%EOF\n"


def events(ws: Workspace, action: str) -> list[AuditEvent]:
    with ws.begin() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        )


def plaintext_hits(folder: Path, marker: str) -> list[str]:
    needles = [marker.encode(e) for e in ("utf-8", "utf-16-le", "gb18030")]
    return [
        str(path)
        for path in folder.rglob("*")
        if path.is_file() and any(n in path.read_bytes() for n in needles)
    ]


@pytest.fixture
def client(ws: Workspace) -> ClientId:
    return ws.clients.add(NewClient(name="王建国"))


def store(ws: Workspace, cid: ClientId, content: bytes = PDF, **kwargs: Any) -> uuid.UUID:
    args: dict[str, Any] = {
        "kind": "advice_pack",
        "title": "理财规划建议书",
        "lang": "zh",
        "document_number": "AP-20260315-0000ABCD",
        "content": content,
        **kwargs,
    }
    return ws.documents.store(cid, **args)


def test_store_keeps_the_bytes_with_their_hash(ws: Workspace, client: ClientId) -> None:
    doc_id = store(ws, client)

    (row,) = ws.documents.list_for(client)
    assert row.id == doc_id and row.client_id == client
    assert row.sha256 == hashlib.sha256(PDF).hexdigest()
    assert row.size == len(PDF)
    assert (row.kind, row.lang, row.title) == ("advice_pack", "zh", "理财规划建议书")
    assert row.document_number == "AP-20260315-0000ABCD"
    assert row.created_by == ws.actor and row.created_at.tzinfo is not None
    assert row.plan_id is None and row.plan_version is None
    assert ws.documents.content(doc_id) == PDF
    assert ws.documents.row(doc_id) == row


def test_store_is_audited_without_the_title_and_queued_for_sync(
    ws: Workspace, client: ClientId
) -> None:
    doc_id = store(ws, client, title=f"{SECRET_NAME}的规划")

    (event,) = events(ws, "document.stored")
    assert event.subject == str(client)
    details = json.loads(event.details)
    assert details["document"] == str(doc_id)
    assert details["document_number"] == "AP-20260315-0000ABCD"
    assert details["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert SECRET_NAME not in event.details
    with ws.begin() as s:
        (entry,) = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == str(doc_id)))
    payload = json.loads(entry.payload)
    assert entry.op == "create" and payload["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert base64.b64decode(payload["content"]) == PDF  # bytes travel as base64


def test_list_is_newest_first_and_a_household_sees_its_members(ws: Workspace) -> None:
    a = ws.clients.add(NewClient(name="张三"))
    b = ws.clients.add(NewClient(name="李四"))
    family = ws.clients.add_household("张家", [(a, "head"), (b, "spouse")])
    first = store(ws, a, document_number="RA-1", kind="assessment")
    second = store(ws, family, document_number="AP-2")

    assert [r.id for r in ws.documents.list_for(family)] == [second, first]
    assert [r.id for r in ws.documents.list_for(family, include_members=False)] == [second]
    assert [r.id for r in ws.documents.list_for(b)] == []


def test_a_plan_document_records_the_plan_version(ws: Workspace, client: ClientId) -> None:
    with ws.begin() as s:
        plan = Plan(
            client_id=client,
            title="2026",
            year=2026,
            version=3,
            model_level=3,
            assumptions_version="2026.1",
            models_version="2026.1",
        )
        s.add(plan)
        s.flush()
        plan_id = plan.id
    doc_id = store(ws, client, plan_id=plan_id)
    row = ws.documents.row(doc_id)
    assert (row.plan_id, row.plan_version) == (plan_id, 3)

    other = ws.clients.add(NewClient(name="赵六"))
    with pytest.raises(ValidationError, match="another client"):
        store(ws, other, plan_id=plan_id)
    with pytest.raises(NotFound):
        store(ws, client, plan_id=uuid.uuid4())


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"kind": "poem"}, "Unknown document kind"),
        ({"lang": "fr"}, "zh, en or both"),
        ({"document_number": "  "}, "document number"),
        ({"content": b""}, "empty"),
    ],
)
def test_bad_documents_are_refused(
    ws: Workspace, client: ClientId, changes: dict[str, Any], match: str
) -> None:
    with pytest.raises(ValidationError, match=match):
        store(ws, client, **changes)
    assert ws.documents.list_for(client) == []


def test_an_unknown_client_is_refused(ws: Workspace) -> None:
    with pytest.raises(NotFound):
        store(ws, ClientId(uuid.uuid4()))


def test_a_tampered_document_is_refused(ws: Workspace, client: ClientId) -> None:
    doc_id = store(ws, client)
    with ws.begin() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        doc.content = PDF.replace(b"%%EOF", b"%%EOX")  # one byte changed, same size

    with pytest.raises(VaultError, match="SHA-256") as err:
        ws.documents.content(doc_id)
    assert "AP-20260315-0000ABCD" in str(err.value)
    (event,) = events(ws, "document.integrity_failed")
    assert json.loads(event.details)["document"] == str(doc_id)


def test_a_tampered_document_is_not_exported(
    ws: Workspace, client: ClientId, tmp_path: Path
) -> None:
    doc_id = store(ws, client)
    with ws.begin() as s:
        doc = s.get(Document, doc_id)
        assert doc is not None
        doc.content = b"%PDF forged"
    target = tmp_path / "out.pdf"
    with pytest.raises(VaultError):
        ws.documents.export(doc_id, target)
    assert not target.exists()
    assert events(ws, "document.exported") == []


def test_export_writes_the_file_and_audits_it(
    ws: Workspace, client: ClientId, tmp_path: Path
) -> None:
    doc_id = store(ws, client)
    target = tmp_path / "pack.pdf"

    assert ws.documents.export(doc_id, target) == target

    assert target.read_bytes() == PDF
    (event,) = events(ws, "document.exported")
    assert event.subject == str(client)
    assert json.loads(event.details) == {
        "document": str(doc_id),
        "document_number": "AP-20260315-0000ABCD",
        "file": "pack.pdf",
        "bytes": len(PDF),
    }
    assert list(tmp_path.glob(".*.partial")) == []


def test_export_into_a_missing_folder_fails_cleanly(
    ws: Workspace, client: ClientId, tmp_path: Path
) -> None:
    doc_id = store(ws, client)
    target = tmp_path / "missing" / "pack.pdf"
    with pytest.raises(ValidationError, match="nothing was written"):
        ws.documents.export(doc_id, target)
    assert not target.parent.exists()
    assert events(ws, "document.exported") == []


def test_delete_is_a_tombstone(ws: Workspace, client: ClientId) -> None:
    doc_id = store(ws, client)

    changes = ws.documents.delete(doc_id)

    assert changes.documents and changes.any and changes.client_ids == {client}
    assert ws.documents.list_for(client) == []
    with pytest.raises(NotFound):
        ws.documents.content(doc_id)
    with ws.begin() as s:
        row = s.get(Document, doc_id)
        assert row is not None and row.deleted_at is not None
        ops = list(s.scalars(select(OutboxEntry.op).where(OutboxEntry.row_id == str(doc_id))))
    assert ops == ["create", "delete"]
    assert len(events(ws, "document.deleted")) == 1


def test_document_numbers_are_dated_and_prefixed() -> None:
    number = document_number("advice_pack")
    assert number.startswith("AP-") and len(number) == len("AP-20260315-0000ABCD")
    assert document_number("brief").startswith("MB-")
    assert document_number("brief") != document_number("brief")
    with pytest.raises(ValidationError):
        document_number("poem")


def test_a_stored_document_leaves_no_plaintext_on_disk(
    vault_dir: Path, kdf: KdfParams, state_dir: Path
) -> None:
    ws = Workspace.create(vault_dir, PASSPHRASE, kdf)
    try:
        cid = ws.clients.add(NewClient(name=SECRET_NAME))
        doc_id = store(ws, cid, title=f"{SECRET_NAME}的理财规划")
        assert ws.documents.content(doc_id) == PDF
        assert (vault_dir / "vault.db-wal").exists()
        assert plaintext_hits(vault_dir, SECRET_NAME) == []
    finally:
        ws.close()
    assert plaintext_hits(vault_dir, SECRET_NAME) == []
    reopened = Workspace.open(vault_dir, PASSPHRASE, state_dir)
    try:
        assert reopened.documents.content(doc_id) == PDF
    finally:
        reopened.close()
    assert plaintext_hits(vault_dir, SECRET_NAME) == []
