"""A client's timeline against a real vault: every kind in one newest-first stream,
filters, paging with ``before``, a household's members, and confidential notes masked."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.services.book import local_midnight
from app.services.clients import NewClient
from app.services.notes import CONFIDENTIAL_TITLE
from app.services.risk import questionnaire
from app.services.timeline import KINDS
from app.services.workspace import Workspace
from app.vault.models import Account, Complaint, Instrument, Interaction, Transaction

# Yesterday at 04:00 UTC: the assessment PDF is exported at the real "now", after it.
NOW = (datetime.now(UTC) - timedelta(days=1)).replace(hour=4, minute=0, second=0, microsecond=0)
TODAY = NOW.date()


def person(ws: Workspace, name: str) -> ClientId:
    return ws.clients.add(NewClient(name=name, birth_date=date(1980, 5, 6)))


def days_ago(n: int, hours: int = 0) -> datetime:
    return NOW - timedelta(days=n, hours=hours)


def populate(ws: Workspace, cid: ClientId, tmp_path: Path) -> dict[str, uuid.UUID]:
    """One row of each kind, each on its own day (the number is days ago)."""
    ids: dict[str, uuid.UUID] = {}
    ids["meeting"] = ws.meetings.schedule(
        cid, "年度回顾", days_ago(1), days_ago(1) + timedelta(hours=1), "branch", "陆家嘴支行"
    ).meeting_id
    ids["note"] = ws.notes.create(
        cid, "会议纪要", "# 要点\n- 养老规划", written_at=days_ago(2)
    ).note_id
    form = questionnaire()
    answers = {q.key: max(q.choices, key=lambda c: c.score).key for q in form.questions}
    recorded = ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=days_ago(6))
    ids["assessment"] = recorded.assessment_id
    ws.risk.export_document(recorded.assessment_id, tmp_path / "risk.pdf")  # now: newest
    with ws.begin() as s:
        interaction = Interaction(
            client_id=cid, at=days_ago(3), channel="phone", direction="outbound", summary="约见"
        )
        fund = Instrument(
            code="WMP001", name="稳健理财1号", type="wmp", asset_class="fixed_income", risk_rating=2
        )
        account = Account(client_id=cid, name="活期", institution="本行", currency="CNY")
        s.add_all([interaction, fund, account])
        s.flush()
        txn = Transaction(
            account_id=account.id,
            instrument_id=fund.id,
            kind="subscription",
            trade_date=TODAY - timedelta(days=5),
            amount=Decimal("1000000.00"),
            currency="CNY",
        )
        complaint = Complaint(
            client_id=cid,
            reference="TS-2026-001",
            received_on=TODAY - timedelta(days=7),
            channel="phone",
            category="服务态度",
            description="等候时间过长",
            owner="李经理",
        )
        s.add_all([txn, complaint])
        s.flush()
        ids["interaction"], ids["transaction"], ids["complaint"] = (
            interaction.id,
            txn.id,
            complaint.id,
        )
    task = ws.tasks.add("寄送资料", due_on=TODAY - timedelta(days=4), client_id=cid)
    ids["task"] = task.task_id
    return ids


def test_every_kind_newest_first(ws: Workspace, tmp_path: Path) -> None:
    cid = person(ws, "王建国")
    ids = populate(ws, cid, tmp_path)
    items = ws.timeline.for_client(cid)
    assert [i.kind for i in items] == [
        "document",  # exported just now
        "meeting",
        "note",
        "interaction",
        "task",
        "transaction",
        "assessment",
        "complaint",
    ]
    assert set(KINDS) == {i.kind for i in items}
    by_kind = {i.kind: i for i in items}
    for kind in ("meeting", "note", "interaction", "task", "transaction", "complaint"):
        assert by_kind[kind].ref_id == ids[kind]
    assert by_kind["document"].ref_id == ids["assessment"]
    assert by_kind["meeting"].title == "年度回顾" and "陆家嘴支行" in by_kind["meeting"].detail
    assert by_kind["note"].detail.startswith("要点")
    assert by_kind["transaction"].title == "申购 · 稳健理财1号"
    assert by_kind["transaction"].at == local_midnight(TODAY - timedelta(days=5))
    assert by_kind["assessment"].title.startswith("C5")
    assert by_kind["complaint"].status == "open" and by_kind["complaint"].detail == "等候时间过长"
    assert by_kind["task"].status == "open"
    assert all(i.client_id == cid and i.client_name == "王建国" for i in items)
    assert items == sorted(items, key=lambda i: i.at, reverse=True)


def test_filters_limit_and_paging(ws: Workspace, tmp_path: Path) -> None:
    cid = person(ws, "王建国")
    populate(ws, cid, tmp_path)
    for n in range(5):
        ws.notes.create(cid, f"旧笔记{n}", "x", written_at=days_ago(30 + n))
    notes = ws.timeline.for_client(cid, kinds={"note"})
    assert [i.title for i in notes] == ["会议纪要", *(f"旧笔记{n}" for n in range(5))]
    mixed = ws.timeline.for_client(cid, kinds={"meeting", "complaint"})
    assert [i.kind for i in mixed] == ["meeting", "complaint"]

    first = ws.timeline.for_client(cid, limit=4)
    assert len(first) == 4
    rest = ws.timeline.for_client(cid, before=first[-1].at)
    assert first + rest == ws.timeline.for_client(cid)
    assert ws.timeline.for_client(cid, kinds={"note"}, limit=2, before=days_ago(31))[0].title == (
        "旧笔记2"
    )
    with pytest.raises(ValidationError, match="Unknown timeline filter"):
        ws.timeline.for_client(cid, kinds={"email"})


def test_a_done_task_sits_at_its_completion(ws: Workspace) -> None:
    cid = person(ws, "王建国")
    due = date.today() + timedelta(days=30)
    task_id = ws.tasks.add("回电", due_on=due, client_id=cid).task_id
    (open_item,) = ws.timeline.for_client(cid, kinds={"task"})
    assert open_item.at == local_midnight(due)
    ws.tasks.complete(task_id)
    (done_item,) = ws.timeline.for_client(cid, kinds={"task"})
    assert done_item.status == "done" and done_item.at < open_item.at


def test_confidential_notes_are_masked(ws: Workspace) -> None:
    cid = person(ws, "王建国")
    ws.notes.create(cid, "家事", "机密内容", confidential=True)
    (item,) = ws.timeline.for_client(cid)
    assert (item.title, item.detail) == (CONFIDENTIAL_TITLE, "")


def test_a_household_includes_its_members_and_a_person_only_their_own(ws: Workspace) -> None:
    husband, wife = person(ws, "张伟"), person(ws, "李娜")
    family = ws.clients.add_household("张伟家庭", [(husband, "head"), (wife, "spouse")])
    ws.notes.create(family, "家庭会议", "x", written_at=days_ago(1))
    ws.notes.create(wife, "李娜电话", "y", written_at=days_ago(2))
    ws.notes.create(husband, "张伟拜访", "z", written_at=days_ago(3))
    items = ws.timeline.for_client(family)
    assert [(i.title, i.client_name) for i in items] == [
        ("家庭会议", "张伟家庭"),
        ("李娜电话", "李娜"),
        ("张伟拜访", "张伟"),
    ]
    assert [i.title for i in ws.timeline.for_client(wife)] == ["李娜电话"]


def test_an_empty_timeline(ws: Workspace) -> None:
    assert ws.timeline.for_client(person(ws, "王建国")) == []
