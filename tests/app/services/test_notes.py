"""Notes against a real vault: autosave (one UPDATE, idempotent, synced), finish() making
tasks exactly once, confidential notes masked and audited, templates, and no note text
on disk in plaintext."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.clients import NewClient
from app.services.notes import CONFIDENTIAL_TITLE, clean_tags
from app.services.workspace import KdfParams, Workspace
from app.vault.models import AuditEvent, Note, OutboxEntry, Task

TODAY = date(2026, 3, 18)
BODY = "# 年度回顾\n- 理财 **到期** 300万\n- [ ] 寄送基金资料 @李经理 due:2026-03-20 !high\n"


def person(ws: Workspace, name: str = "王建国") -> ClientId:
    return ws.clients.add(NewClient(name=name))


def outbox_count(ws: Workspace) -> int:
    with ws.begin() as s:
        return s.scalar(select(func.count()).select_from(OutboxEntry)) or 0


def actions(ws: Workspace, action: str) -> list[AuditEvent]:
    with ws.begin() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def tasks_of(ws: Workspace, note_id: uuid.UUID) -> list[Task]:
    with ws.begin() as s:
        return list(s.scalars(select(Task).where(Task.note_id == note_id).order_by(Task.title)))


def write_target(statement: str) -> tuple[str, str] | None:
    """("UPDATE", table) or ("INSERT", table) for a write statement, else None."""
    words = statement.replace("(", " ").split()
    if words[0] == "UPDATE":
        return ("UPDATE", words[1])
    if words[0] in ("INSERT", "DELETE"):
        return (words[0], words[2])
    return None


@pytest.fixture
def statements(ws: Workspace) -> Iterator[list[str]]:
    """The SQL statements the engine runs while the test body runs."""
    seen: list[str] = []

    def capture(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(ws.vault.engine, "before_cursor_execute", capture)
    try:
        yield seen
    finally:
        event.remove(ws.vault.engine, "before_cursor_execute", capture)


# --- create, list, templates ----------------------------------------------------------


def test_create_and_list(ws: Workspace) -> None:
    cid = person(ws)
    saved = ws.notes.create(cid, "年度回顾", BODY, tags=["#复盘", "理财, 复盘"])
    assert saved.changes.notes and saved.changes.client_ids == {cid}
    (row,) = ws.notes.list_for(cid)
    assert row.id == saved.note_id and row.title == "年度回顾"
    assert row.snippet.startswith("年度回顾 • 理财 到期 300万")
    assert row.tags == ("复盘", "理财")
    assert actions(ws, "note.created")[0].subject == str(cid)
    assert "年度回顾" not in actions(ws, "note.created")[0].details  # no text in the audit


def test_templates_load_in_both_languages(ws: Workspace) -> None:
    keys = ["annual_review", "onboarding", "product_presentation", "complaint"]
    zh, en = ws.notes.templates("zh"), ws.notes.templates("en")
    assert [t.key for t in zh] == keys and [t.key for t in en] == keys
    assert zh[0].title == "年度回顾" and zh[0].body.startswith("# 年度回顾")
    assert en[0].title == "Annual review" and "## Risk tolerance" in en[0].body
    assert "风险揭示" in zh[2].body and "客户投诉" in zh[3].title
    with pytest.raises(ValidationError, match="zh and en"):
        ws.notes.templates("fr")


def test_create_from_a_template_fills_title_and_body(ws: Workspace) -> None:
    cid = person(ws)
    note_id = ws.notes.create(cid, "", "", template="onboarding", lang="en").note_id
    view = ws.notes.open(note_id)
    assert view.title == "First meeting with a new client" and view.template == "onboarding"
    assert "## Compliance and documents" in view.body
    with pytest.raises(ValidationError, match="annual_review"):
        ws.notes.create(cid, "x", "y", template="nope")


def test_clean_tags() -> None:
    assert clean_tags("#VIP  家族信托,vip，教育") == ("VIP", "家族信托", "教育")


# --- autosave --------------------------------------------------------------------------


def test_autosave_is_one_update_idempotent_and_synced(ws: Workspace, statements: list[str]) -> None:
    cid = person(ws)
    note_id = ws.notes.create(cid, "会议", "第一稿").note_id
    before = outbox_count(ws)
    statements.clear()

    changes = ws.notes.autosave(note_id, "会议", "第一稿，补充：客户关心养老", ["养老"], False)

    assert changes.notes and changes.client_ids == {cid}
    # Writes to the synced tables (the derived search index, which never syncs and is
    # kept in step by its own hook, is not counted).
    writes = [w for w in map(write_target, statements) if w and not w[1].startswith("search")]
    assert writes == [("UPDATE", "notes"), ("INSERT", "outbox")]
    assert outbox_count(ws) == before + 1
    with ws.begin() as s:
        entry = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()
        assert entry is not None
        assert (entry.table_name, entry.op, entry.row_id) == ("notes", "patch", str(note_id))
        assert "养老" in entry.payload
    assert ws.notes.open(note_id).body == "第一稿，补充：客户关心养老"

    statements.clear()
    again = ws.notes.autosave(note_id, "会议", "第一稿，补充：客户关心养老", ["养老"], False)
    assert not again.any
    assert [w for w in map(write_target, statements) if w] == []
    assert outbox_count(ws) == before + 1


def test_autosave_makes_no_tasks_and_refuses_a_deleted_note(ws: Workspace) -> None:
    cid = person(ws)
    note_id = ws.notes.create(cid, "会议", "").note_id
    ws.notes.autosave(note_id, "会议", BODY, (), False)
    assert tasks_of(ws, note_id) == []
    ws.notes.delete(note_id)
    with pytest.raises(NotFound, match="copy its text"):
        ws.notes.autosave(note_id, "会议", BODY + "more", (), False)
    assert ws.notes.list_for(cid) == []


def test_a_huge_body_is_refused(ws: Workspace) -> None:
    note_id = ws.notes.create(person(ws), "x", "").note_id
    with pytest.raises(ValidationError, match="split it"):
        ws.notes.autosave(note_id, "x", "字" * 200_001, (), False)


# --- finish: action items into tasks ---------------------------------------------------


def test_finish_turns_action_items_into_tasks_exactly_once(ws: Workspace) -> None:
    cid = person(ws)
    body = (
        BODY
        + "- [ ] 预约体检 截止:3月25日 !低\n"
        + "- [ ] 回电 due:2026-13-45\n"
        + "- [x] 已经做完的事\n"
    )
    note_id = ws.notes.create(cid, "会议", body).note_id

    first = ws.notes.finish(note_id, today=TODAY)

    assert first.changes.tasks and first.changes.client_ids == {cid}
    assert len(first.created) == 3 and first.completed == ()
    assert first.warnings and "2026-13-45" in first.warnings[0]
    made = {t.title: t for t in tasks_of(ws, note_id)}
    assert set(made) == {"寄送基金资料", "预约体检", "回电"}
    fund = made["寄送基金资料"]
    assert (fund.owner, fund.due_on, fund.priority) == ("李经理", date(2026, 3, 20), "high")
    assert (made["预约体检"].owner, made["预约体检"].priority) == (ws.actor, "low")
    assert made["回电"].due_on is None
    assert all(t.client_id == cid and t.status == "open" for t in made.values())

    second = ws.notes.finish(note_id, today=TODAY)
    assert second.created == () and not second.changes.any
    # Extra spacing does not make a new task; a new item does.
    edited = body.replace("寄送基金资料", "寄送基金资料  ") + "- [ ] 新事项\n"
    ws.notes.autosave(note_id, "会议", edited, (), False)
    third = ws.notes.finish(note_id, today=TODAY)
    assert len(third.created) == 1
    assert len(tasks_of(ws, note_id)) == 4


def test_a_ticked_item_completes_its_task_and_a_deleted_task_is_not_made_again(
    ws: Workspace,
) -> None:
    cid = person(ws)
    note_id = ws.notes.create(cid, "会议", "- [ ] 回电\n- [ ] 寄卡\n").note_id
    ws.notes.finish(note_id, today=TODAY)
    call, card = sorted(tasks_of(ws, note_id), key=lambda t: t.title)
    assert (call.title, card.title) == ("回电", "寄卡")
    ws.tasks.delete(card.id)
    ws.notes.autosave(note_id, "会议", "- [x] 回电\n- [ ] 寄卡\n", (), False)
    done = ws.notes.finish(note_id, today=TODAY)
    assert done.completed == (call.id,) and done.created == ()
    assert ws.tasks.get(call.id).done


# --- confidential notes ----------------------------------------------------------------


def test_confidential_note_is_masked_in_lists_and_audited_when_opened(ws: Workspace) -> None:
    cid = person(ws)
    secret = ws.notes.create(
        cid, "家事：离婚财产分割", "客户正在办理离婚", tags=["家事"], confidential=True
    ).note_id
    plain = ws.notes.create(cid, "普通", "普通笔记").note_id

    rows = {r.id: r for r in ws.notes.list_for(cid)}
    masked = rows[secret]
    assert masked.title == CONFIDENTIAL_TITLE == "机密笔记 / Confidential note"
    assert (masked.snippet, masked.tags, masked.confidential) == ("", (), True)
    assert rows[plain].title == "普通"

    assert actions(ws, "note.confidential_opened") == []
    ws.notes.open(plain)
    assert actions(ws, "note.confidential_opened") == []
    view = ws.notes.open(secret, reason="meeting")
    assert view.title == "家事：离婚财产分割" and view.body == "客户正在办理离婚"
    (opened,) = actions(ws, "note.confidential_opened")
    assert opened.subject == str(cid)
    assert str(secret) in opened.details and "meeting" in opened.details
    assert "离婚" not in opened.details


def test_making_a_note_confidential_is_audited(ws: Workspace) -> None:
    note_id = ws.notes.create(person(ws), "x", "y").note_id
    ws.notes.autosave(note_id, "x", "y", (), True)
    assert len(actions(ws, "note.confidentiality_changed")) == 1
    assert ws.notes.list_for(ws.notes.open(note_id).client_id)[0].title == CONFIDENTIAL_TITLE


def test_a_household_lists_its_members_notes(ws: Workspace) -> None:
    husband, wife = person(ws, "张伟"), person(ws, "李娜")
    family = ws.clients.add_household("张伟家庭", [(husband, "head"), (wife, "spouse")])
    ws.notes.create(wife, "李娜的笔记", "x")
    ws.notes.create(family, "家庭笔记", "y")
    assert {r.title for r in ws.notes.list_for(family)} == {"李娜的笔记", "家庭笔记"}
    assert [r.title for r in ws.notes.list_for(family, include_members=False)] == ["家庭笔记"]
    assert [r.client_name for r in ws.notes.list_for(wife)] == ["李娜"]


def test_a_note_of_another_clients_meeting_is_refused(ws: Workspace) -> None:
    from datetime import UTC, datetime

    a, b = person(ws, "甲客户"), person(ws, "乙客户")
    start = datetime(2026, 3, 18, 2, 0, tzinfo=UTC)
    meeting = ws.meetings.schedule(a, "回顾", start, start.replace(hour=3), "branch").meeting_id
    with pytest.raises(ValidationError, match="another client"):
        ws.notes.create(b, "x", "y", meeting_id=meeting)
    note_id = ws.notes.create(a, "x", "y", meeting_id=meeting).note_id
    assert [n.id for n in ws.notes.for_meeting(meeting)] == [note_id]


# --- nothing in plaintext on disk ------------------------------------------------------

PHRASE = "紫藤花园七号楼的秘密约定"
PASSPHRASE = "test passphrase 123"


def plaintext_hits(folder: Path, marker: str) -> list[str]:
    needles = [marker.encode(e) for e in ("utf-8", "utf-16-le", "gb18030")]
    return [
        str(path)
        for path in folder.rglob("*")
        if path.is_file() and any(n in path.read_bytes() for n in needles)
    ]


def test_scan_finds_plaintext(tmp_path: Path) -> None:
    (tmp_path / "x.db-wal").write_bytes(f"..{PHRASE}..".encode())
    assert plaintext_hits(tmp_path, PHRASE)


def test_a_note_leaves_no_plaintext_on_disk(
    vault_dir: Path, kdf: KdfParams, state_dir: Path
) -> None:
    ws = Workspace.create(vault_dir, PASSPHRASE, kdf)
    try:
        cid = ws.clients.add(NewClient(name="欧阳明远"))
        note_id = ws.notes.create(cid, "会议", "").note_id
        for n in range(3):
            ws.notes.autosave(note_id, "会议", f"{PHRASE} 第{n}稿\n- [ ] {PHRASE}的回访", (), False)
        ws.notes.finish(note_id, today=TODAY)
        assert (vault_dir / "vault.db-wal").exists()
        names = {p.name for p in vault_dir.iterdir()}
        assert {"vault.db", "vault.db-wal"} <= names
        assert plaintext_hits(vault_dir, PHRASE) == []
    finally:
        ws.close()
    assert plaintext_hits(vault_dir, PHRASE) == []
    reopened = Workspace.open(vault_dir, PASSPHRASE, state_dir)
    try:
        assert PHRASE in reopened.notes.open(note_id).body
    finally:
        reopened.close()
    assert plaintext_hits(vault_dir, PHRASE) == []


def test_note_rows_are_never_hard_deleted(ws: Workspace) -> None:
    note_id = ws.notes.create(person(ws), "x", "y").note_id
    ws.notes.delete(note_id)
    with ws.begin() as s:
        row = s.get(Note, note_id)
        assert row is not None and row.deleted_at is not None
