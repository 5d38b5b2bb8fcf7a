"""Interactions, the last contact they drive, care dates and Home's reminders."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.book import BookFilter, BookService
from app.services.clients import NewClient
from app.services.contacts import CareReminder
from app.services.demo import build_demo_book
from app.services.workspace import Workspace
from app.vault.keys import KdfParams
from app.vault.models import (
    AuditEvent,
    CareDate,
    Client,
    ClientEvent,
    Complaint,
    Interaction,
    Invitation,
    Meeting,
    Note,
    Task,
)
from app.vault.types import utc_now

TODAY = date.today()
CHEAP = KdfParams(memory_kib=8192, passes=1, lanes=1)


def person(ws: Workspace, name: str, **kwargs: object) -> ClientId:
    kwargs.setdefault("onboarded_on", TODAY - timedelta(days=400))
    return ws.clients.add(NewClient(name=name, **kwargs))  # type: ignore[arg-type]


def overdue_names(ws: Workspace) -> set[str]:
    return {o.name for o in ws.home.summary().overdue}


def meeting(ws: Workspace, client_id: uuid.UUID, starts: datetime, status: str) -> uuid.UUID:
    with ws.begin() as s:
        row = Meeting(
            client_id=client_id,
            title="季度资产检视",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            channel="branch",
            status=status,
        )
        s.add(row)
        s.flush()
        return row.id


def set_meeting_status(ws: Workspace, meeting_id: uuid.UUID, status: str) -> None:
    with ws.begin() as s:
        row = s.get(Meeting, meeting_id)
        assert row is not None
        row.status = status


def local(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


# --- Logging interactions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "direction"), [("fax", "outbound"), ("phone", "sideways"), ("", "inbound")]
)
def test_an_unknown_channel_or_direction_is_refused(
    ws: Workspace, channel: str, direction: str
) -> None:
    client = person(ws, "张伟")
    with pytest.raises(ValidationError, match="one of"):
        ws.contacts.log(client, utc_now(), channel, direction, "电话回访")
    assert ws.contacts.for_client(client) == []


def test_every_channel_and_direction_is_accepted_in_any_case(ws: Workspace) -> None:
    client = person(ws, "张伟")
    channels = ("phone", "email", "WeChat", "sms", "visit", "event")
    for n, channel in enumerate(channels):
        direction = "Inbound" if n % 2 else "outbound"
        ws.contacts.log(client, utc_now() - timedelta(hours=n), channel, direction, f"第{n}次")
    logged = ws.contacts.for_client(client)
    assert [i.channel for i in logged] == [c.lower() for c in channels]  # newest first
    assert {i.direction for i in logged} == {"inbound", "outbound"}
    assert [i.summary for i in ws.contacts.for_client(client, limit=2)] == ["第0次", "第1次"]


def test_a_naive_or_future_time_and_an_unknown_client_are_refused(ws: Workspace) -> None:
    client = person(ws, "张伟")
    with pytest.raises(ValidationError, match="time zone"):
        ws.contacts.log(client, datetime(2025, 1, 2, 10, 0), "phone", "outbound", "")
    with pytest.raises(ValidationError, match="meeting or task"):
        ws.contacts.log(client, utc_now() + timedelta(days=1), "phone", "outbound", "")
    with pytest.raises(NotFound):
        ws.contacts.log(ClientId(uuid.uuid4()), utc_now(), "phone", "outbound", "")


def test_logging_returns_changes_and_is_audited_without_the_summary(ws: Workspace) -> None:
    client = person(ws, "张伟")
    changes = ws.contacts.log(client, utc_now(), "wechat", "inbound", "询问美元存款利率")
    assert changes.clients and changes.contacts and changes.client_ids == {client}
    with ws.begin() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "interaction.logged")).one()
    assert event.subject == str(client)
    assert "wechat" in event.details and "美元" not in event.details


# --- The last contact ------------------------------------------------------------------


def test_an_interaction_today_takes_a_client_off_the_overdue_list(ws: Workspace) -> None:
    client = person(ws, "张伟")
    assert "张伟" in overdue_names(ws)
    ws.contacts.log(client, utc_now(), "phone", "outbound", "电话回访")
    assert "张伟" not in overdue_names(ws)
    row = BookService(ws).rows([client])[0]
    assert (row.last_contact, row.overdue) == (TODAY, False)


def test_an_old_interaction_leaves_the_client_overdue(ws: Workspace) -> None:
    client = person(ws, "张伟")  # no tier: the lowest, contacted every 180 days
    ws.contacts.log(client, local(TODAY - timedelta(days=200)), "phone", "outbound", "")
    assert "张伟" in overdue_names(ws)
    assert BookService(ws).rows([client])[0].last_contact == TODAY - timedelta(days=200)


def test_a_planned_meeting_is_not_a_contact_a_held_one_is(ws: Workspace) -> None:
    client = person(ws, "张伟")
    yesterday = local(TODAY - timedelta(days=1), 10)
    met = meeting(ws, client, yesterday, "planned")
    meeting(ws, client, local(TODAY, 10) - timedelta(days=2), "cancelled")
    assert "张伟" in overdue_names(ws)
    assert BookService(ws).rows([client])[0].last_contact is None
    set_meeting_status(ws, met, "held")
    assert "张伟" not in overdue_names(ws)
    assert BookService(ws).rows([client])[0].last_contact == TODAY - timedelta(days=1)


def test_the_latest_of_note_interaction_and_held_meeting_counts(ws: Workspace) -> None:
    client = person(ws, "张伟")
    ws.contacts.log(client, local(TODAY - timedelta(days=30)), "visit", "outbound", "")
    meeting(ws, client, local(TODAY - timedelta(days=10)), "held")
    meeting(ws, client, local(TODAY - timedelta(days=3)), "planned")
    book = BookService(ws)
    assert book.rows([client])[0].last_contact == TODAY - timedelta(days=10)
    assert book.ids(BookFilter(overdue_only=True)) == []


def test_a_tombstoned_interaction_is_no_contact(ws: Workspace) -> None:
    client = person(ws, "张伟")
    ws.contacts.log(client, utc_now(), "phone", "outbound", "打错了")
    with ws.begin() as s:
        s.scalars(select(Interaction)).one().deleted_at = utc_now()
    assert "张伟" in overdue_names(ws)
    assert ws.contacts.for_client(client) == []


def test_a_household_is_contacted_through_a_member(ws: Workspace) -> None:
    wife = person(ws, "李娜")
    husband = person(ws, "王强")
    family = ws.clients.add_household("王家", [(husband, "head"), (wife, "spouse")])
    book = BookService(ws)
    late = BookFilter(overdue_only=True, kinds=frozenset({"household"}))
    assert book.ids(late) == [family]
    ws.contacts.log(wife, local(TODAY - timedelta(days=5)), "wechat", "outbound", "节日问候")
    assert book.ids(late) == []
    assert book.rows([family])[0].last_contact == TODAY - timedelta(days=5)
    meeting(ws, husband, local(TODAY - timedelta(days=2)), "held")
    assert book.rows([family])[0].last_contact == TODAY - timedelta(days=2)
    assert book.rows([wife])[0].last_contact == TODAY - timedelta(days=5)  # not the reverse
    listed = ws.contacts.for_client(family)
    assert [(i.client_name, i.summary) for i in listed] == [("李娜", "节日问候")]


def test_last_contact_sorts_the_book(ws: Workspace) -> None:
    for name, days in (("甲一", 3), ("乙二", 40), ("丙三", None)):
        client = person(ws, name)
        if days is not None:
            ws.contacts.log(client, local(TODAY - timedelta(days=days)), "sms", "outbound", "")
    rows = BookService(ws).page(BookFilter(), sort="last_contact", descending=True)
    assert [r.name for r in rows] == ["甲一", "乙二", "丙三"]


# --- Care dates and reminders ----------------------------------------------------------


def test_care_reminders_merge_birthdays_and_care_dates(ws: Workspace) -> None:
    today = date(2025, 9, 20)
    # Born 1970-09-15 = lunar 8/15 (中秋); in 2025 lunar 8/15 falls on 6 October.
    moon = person(ws, "中秋", birth_date=date(1970, 9, 15), observes_lunar_birthday=True)
    solar = person(ws, "国庆", birth_date=date(1980, 10, 1))
    couple = person(ws, "结婚")
    ws.contacts.add_care_date(couple, "anniversary", "结婚纪念日", date(2015, 9, 25))
    ws.contacts.add_care_date(couple, "milestone", "女儿赴英留学", date(2025, 10, 10), False)
    ws.contacts.add_care_date(couple, "milestone", "儿子高考", date(2024, 9, 21), False)  # past
    ws.contacts.add_care_date(couple, "other", "公司周年", date(2010, 12, 1))  # outside window
    reminders = ws.contacts.care_reminders(today, days=30)
    assert reminders == [
        CareReminder(couple, "结婚", "anniversary", "结婚纪念日", date(2025, 9, 25), 10),
        CareReminder(solar, "国庆", "birthday", "", date(2025, 10, 1), 45),
        CareReminder(moon, "中秋", "lunar_birthday", "", date(2025, 10, 6), 55),
        CareReminder(couple, "结婚", "milestone", "女儿赴英留学", date(2025, 10, 10), None),
    ]
    assert ws.contacts.care_reminders(today, days=5) == reminders[:1]


def test_a_care_date_on_29_february_and_across_the_new_year(ws: Workspace) -> None:
    client = person(ws, "闰日")
    ws.contacts.add_care_date(client, "anniversary", "结婚纪念日", date(2016, 2, 29))
    ws.contacts.add_care_date(client, "other", "开户纪念", date(2020, 1, 3))
    common = ws.contacts.care_reminders(date(2025, 2, 20), days=10)
    assert [(r.on, r.years) for r in common] == [(date(2025, 2, 28), 9)]
    new_year = ws.contacts.care_reminders(date(2025, 12, 28), days=10)
    assert [(r.label, r.on, r.years) for r in new_year] == [("开户纪念", date(2026, 1, 3), 6)]


def test_a_future_first_occurrence_counts_zero_years(ws: Workspace) -> None:
    client = person(ws, "新婚")
    ws.contacts.add_care_date(client, "anniversary", "婚礼", date(2025, 10, 1))
    [reminder] = ws.contacts.care_reminders(date(2025, 9, 20))
    assert (reminder.on, reminder.years) == (date(2025, 10, 1), 0)
    assert ws.contacts.care_reminders(date(2024, 9, 20)) == []  # not before it happens


def test_removed_care_dates_and_removed_clients_give_no_reminders(ws: Workspace) -> None:
    kept = person(ws, "留下")
    gone = person(ws, "离开")
    saved = ws.contacts.add_care_date(kept, "anniversary", "结婚纪念日", date(2000, 5, 5))
    ws.contacts.add_care_date(kept, "other", "生意开张", date(2001, 5, 6))
    ws.contacts.add_care_date(gone, "anniversary", "结婚纪念日", date(2000, 5, 5))
    with ws.begin() as s:
        client = s.get(Client, gone)
        assert client is not None
        client.deleted_at = utc_now()
    assert saved.changes.contacts and saved.changes.client_ids == {kept}
    ws.contacts.remove_care_date(saved.care_date_id)
    assert [r.label for r in ws.contacts.care_reminders(date(2025, 5, 1))] == ["生意开张"]
    assert [c.label for c in ws.contacts.care_dates(kept)] == ["生意开张"]
    with pytest.raises(NotFound):
        ws.contacts.remove_care_date(saved.care_date_id)


def test_care_dates_are_validated(ws: Workspace) -> None:
    client = person(ws, "张伟")
    with pytest.raises(ValidationError, match="one of"):
        ws.contacts.add_care_date(client, "birthday", "生日", date(1980, 1, 1))
    with pytest.raises(ValidationError, match="Say what"):
        ws.contacts.add_care_date(client, "other", "  ", date(1980, 1, 1))
    with pytest.raises(NotFound):
        ws.contacts.add_care_date(ClientId(uuid.uuid4()), "other", "x", date(1980, 1, 1))


def test_home_reminders_are_care_dates_and_open_complaints(ws: Workspace) -> None:
    client = person(ws, "张伟", birth_date=date(1985, 7, 5))
    ws.contacts.add_care_date(client, "anniversary", "结婚纪念日", date(2012, 7, 2))
    ws.complaints.receive(client, TODAY, "phone", "service", "排队时间过长", "王经理")
    care, complaints = ws.home.reminders(date(2025, 6, 30))
    assert [(r.kind, r.years) for r in care] == [("anniversary", 13), ("birthday", 40)]
    assert [c.client_name for c in complaints] == ["张伟"]


# --- The demo book's relationship side -------------------------------------------------

DEMO_TODAY = date(2025, 6, 30)
RELATIONSHIP_TABLES = (Interaction, Meeting, Task, CareDate, ClientEvent, Invitation, Complaint)


@dataclass(frozen=True)
class DemoSnapshot:
    counts: dict[str, int]
    complaints: list[tuple[str, date, str]]  # reference, received on, status
    summaries: list[str]


def _check_and_snapshot(ws: Workspace) -> DemoSnapshot:
    with ws.begin() as s:
        counts = {
            m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
            for m in RELATIONSHIP_TABLES
        }
        complaints = s.scalars(select(Complaint).order_by(Complaint.reference)).all()
        summaries = sorted(s.scalars(select(Interaction.summary)))
        notes = select(Note.client_id, func.max(Note.written_at)).group_by(Note.client_id)
        last_note = {client: at for client, at in s.execute(notes)}
        contacts = [*s.execute(select(Interaction.client_id, Interaction.at))]
        held = select(Meeting.client_id, Meeting.starts_at).where(Meeting.status == "held")
        contacts += s.execute(held)
        planned = list(s.scalars(select(Meeting.starts_at).where(Meeting.status == "planned")))
        tasks = s.execute(select(Task.status, Task.due_on, Task.completed_at)).all()
        care = set(s.scalars(select(CareDate.kind)))
        attended = s.scalar(select(func.count()).where(Invitation.attended.is_(True)))
    # Every contact lies on or before the client's latest note (the demo's promise).
    assert contacts and all(when <= last_note[client] for client, when in contacts)
    soon = DEMO_TODAY + timedelta(days=15)
    assert planned and all(DEMO_TODAY < t.astimezone().date() <= soon for t in planned)
    open_due = {due for status, due, _ in tasks if status == "open" and due is not None}
    assert DEMO_TODAY in open_due and min(open_due) < DEMO_TODAY  # due today, overdue
    assert all(done is not None for status, _, done in tasks if status == "done")
    assert care == {"anniversary", "milestone"}
    statuses = {c.status for c in complaints}
    assert "resolved" in statuses and statuses & {"open", "in_progress"}
    assert all(c.resolution and c.resolved_on for c in complaints if c.status == "resolved")
    assert all(re.fullmatch(r"CP-20[0-9]{2}-[0-9]{4}", c.reference) for c in complaints)
    assert attended and counts["client_events"] == 3
    return DemoSnapshot(
        counts, [(c.reference, c.received_on, c.status) for c in complaints], summaries
    )


def test_the_demo_book_has_each_kind_of_row_and_is_deterministic(tmp_path: Path) -> None:
    snapshots = []
    for n in (1, 2):
        with Workspace.create(tmp_path / f"demo{n}", "test passphrase 123", CHEAP) as demo:
            stats = build_demo_book(demo, clients=50, seed=11, today=DEMO_TODAY)
            snapshot = _check_and_snapshot(demo)
            assert (stats.interactions, stats.complaints, stats.client_events) == (
                snapshot.counts["interactions"],
                len(snapshot.complaints),
                3,
            )
            for event in demo.events.events():
                assert demo.events.new_money(event.id).total_cny is not None
            assert demo.home.reminders(DEMO_TODAY, days=60).care
            snapshots.append(snapshot)
    assert snapshots[0] == snapshots[1]
