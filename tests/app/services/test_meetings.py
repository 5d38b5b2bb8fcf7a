"""Meetings against a real vault: scheduling and status, the week and agenda boundaries in
the banker's zone, the meeting brief and its presentation variant, and the .ics export."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.clients import NewClient
from app.services.meetings import MeetingBrief
from app.services.notes import CONFIDENTIAL_TITLE
from app.services.risk import questionnaire
from app.services.workspace import Workspace
from app.vault.models import Account, AuditEvent, Client, FxRate, Instrument, Transaction

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 3, 18)  # a Wednesday
NOW = datetime(2026, 3, 18, 4, 0, tzinfo=UTC)  # noon in Shanghai


@pytest.fixture
def in_shanghai() -> Iterator[None]:
    """The process's local zone set to Asia/Shanghai (UTC+8)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def person(ws: Workspace, name: str = "王建国", birth: date | None = None) -> ClientId:
    return ws.clients.add(NewClient(name=name, birth_date=birth))


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SHANGHAI)


def schedule(
    ws: Workspace, cid: ClientId, start: datetime, title: str = "年度回顾", **kw: str
) -> uuid.UUID:
    channel = kw.pop("channel", "branch")
    return ws.meetings.schedule(
        cid,
        title,
        start,
        start + timedelta(hours=1),
        channel,
        kw.get("location"),
        kw.get("agenda", ""),
    ).meeting_id


def audit(ws: Workspace, action: str) -> list[AuditEvent]:
    with ws.begin() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# --- scheduling ------------------------------------------------------------------------


def test_schedule_update_cancel_and_hold(ws: Workspace) -> None:
    cid = person(ws)
    saved = ws.meetings.schedule(
        cid,
        "年度回顾",
        NOW,
        NOW + timedelta(hours=1),
        "client_office",
        "浦东新区世纪大道100号",
        "1. 回顾",
    )
    assert saved.changes.meetings and saved.changes.client_ids == {cid}
    row = ws.meetings.get(saved.meeting_id)
    assert (row.client_name, row.channel, row.status) == ("王建国", "client_office", "planned")
    assert row.starts_at == NOW and row.channel_name("zh") == "客户办公室"

    later = NOW + timedelta(days=1)
    assert ws.meetings.update(
        saved.meeting_id, starts_at=later, ends_at=later + timedelta(hours=2)
    ).meetings
    assert not ws.meetings.update(saved.meeting_id, starts_at=later).any  # no change
    assert ws.meetings.update(saved.meeting_id, location="").meetings
    assert ws.meetings.get(saved.meeting_id).location is None
    with pytest.raises(ValidationError, match="end after it starts"):
        ws.meetings.update(saved.meeting_id, ends_at=later - timedelta(minutes=1))

    assert ws.meetings.cancel(saved.meeting_id, reason="客户出差").meetings
    assert not ws.meetings.cancel(saved.meeting_id).any  # idempotent
    with pytest.raises(ValidationError, match="reopen it"):
        ws.meetings.mark_held(saved.meeting_id)
    ws.meetings.reopen(saved.meeting_id)
    assert ws.meetings.mark_held(saved.meeting_id).meetings
    assert ws.meetings.get(saved.meeting_id).status == "held"
    assert [e.action for e in audit(ws, "meeting.status_changed")] == ["meeting.status_changed"] * 3


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"channel": "telegram"}, "branch, client_office, phone, video, wechat"),
        ({"title": "  "}, "title"),
        ({"ends_at": NOW}, "end after it starts"),
        ({"ends_at": NOW + timedelta(days=8)}, "more than a week"),
    ],
)
def test_schedule_validation(ws: Workspace, change: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "title": "回顾",
        "starts_at": NOW,
        "ends_at": NOW + timedelta(hours=1),
        "channel": "phone",
    }
    args.update(change)
    with pytest.raises(ValidationError, match=message):
        ws.meetings.schedule(person(ws), **args)  # type: ignore[arg-type]


def test_unknown_meeting(ws: Workspace) -> None:
    with pytest.raises(NotFound):
        ws.meetings.get(uuid.uuid4())


# --- week and agenda -------------------------------------------------------------------


def test_week_runs_monday_to_sunday_2359_local(ws: Workspace, in_shanghai: None) -> None:
    cid = person(ws)
    schedule(ws, cid, local(2026, 3, 15, 23, 59), "previous sunday")
    schedule(ws, cid, local(2026, 3, 16, 0, 0), "monday 00:00")
    schedule(ws, cid, local(2026, 3, 18, 9, 30), "wednesday")
    schedule(ws, cid, local(2026, 3, 22, 23, 59), "sunday 23:59")
    schedule(ws, cid, local(2026, 3, 23, 0, 0), "next monday")
    cancelled = schedule(ws, cid, local(2026, 3, 19, 10, 0), "cancelled")
    ws.meetings.cancel(cancelled)

    expected = ["monday 00:00", "wednesday", "sunday 23:59"]
    for day in (date(2026, 3, 16), TODAY, date(2026, 3, 22)):
        assert [m.title for m in ws.meetings.week(day)] == expected
    with_cancelled = ws.meetings.week(TODAY, include_cancelled=True)
    assert [m.title for m in with_cancelled] == [
        "monday 00:00",
        "wednesday",
        "cancelled",
        "sunday 23:59",
    ]
    assert [m.title for m in ws.meetings.week(date(2026, 3, 23))] == ["next monday"]
    # Monday 00:00 in Shanghai is Sunday 16:00 UTC: the local zone decides the week.
    assert ws.meetings.week(TODAY)[0].starts_at == datetime(2026, 3, 15, 16, 0, tzinfo=UTC)


def test_agenda_covers_from_day_for_days(ws: Workspace, in_shanghai: None) -> None:
    cid = person(ws)
    schedule(ws, cid, local(2026, 3, 17, 23, 59), "before")
    schedule(ws, cid, local(2026, 3, 18, 0, 0), "first")
    schedule(ws, cid, local(2026, 3, 31, 23, 59), "last")
    schedule(ws, cid, local(2026, 4, 1, 0, 0), "after")
    assert [m.title for m in ws.meetings.agenda(TODAY)] == ["first", "last"]
    assert [m.title for m in ws.meetings.agenda(TODAY, days=1)] == ["first"]
    with pytest.raises(ValidationError):
        ws.meetings.agenda(TODAY, days=0)


def test_a_naive_time_is_the_bankers_local_time(ws: Workspace, in_shanghai: None) -> None:
    cid = person(ws)
    meeting_id = ws.meetings.schedule(
        cid, "回顾", datetime(2026, 3, 18, 9, 0), datetime(2026, 3, 18, 10, 0), "video"
    ).meeting_id
    assert ws.meetings.get(meeting_id).starts_at == datetime(2026, 3, 18, 1, 0, tzinfo=UTC)


# --- the .ics file ---------------------------------------------------------------------


def test_ics_parses_back_with_utc_times_and_no_full_name(ws: Workspace, tmp_path: Path) -> None:
    cid = person(ws, "欧阳明远")
    start = datetime(2026, 3, 18, 1, 30, tzinfo=UTC)
    meeting_id = ws.meetings.schedule(
        cid,
        "与欧阳明远年度回顾",
        start,
        start + timedelta(minutes=90),
        "client_office",
        "上海市浦东新区世纪大道100号环球金融中心",
        "讨论 500 万理财到期",
    ).meeting_id

    data = ws.meetings.to_ics(meeting_id)

    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    text = data.decode("utf-8")
    assert "欧阳明远" not in text.replace("\r\n ", "")
    assert "世纪大道" not in text and "理财到期" not in text  # no address, no agenda
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["UID"]) == str(meeting_id)
    assert event.decoded("DTSTART") == start and event.decoded("DTSTART").utcoffset() == timedelta(
        0
    )
    assert event.decoded("DTEND") == start + timedelta(minutes=90)
    assert str(event["SUMMARY"]) == "与欧***年度回顾 · 欧***"
    assert str(event["LOCATION"]) == "上海市浦东新区****"
    assert str(event["STATUS"]) == "CONFIRMED"
    (exported,) = audit(ws, "meeting.exported")
    assert exported.subject == str(cid) and str(meeting_id) in exported.details

    out = ws.meetings.export_ics(meeting_id, tmp_path / "meeting.ics")
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert len(audit(ws, "meeting.exported")) == 2
    assert "meeting.ics" in audit(ws, "meeting.exported")[1].details


def test_ics_leaves_out_phone_details_and_marks_cancelled(ws: Workspace) -> None:
    cid = person(ws, "李娜")
    meeting_id = schedule(ws, cid, NOW, "电话回访", channel="phone", location="13812345678")
    ws.meetings.cancel(meeting_id)
    (event,) = Calendar.from_ical(ws.meetings.to_ics(meeting_id)).walk("VEVENT")
    assert "LOCATION" not in event
    assert str(event["STATUS"]) == "CANCELLED"
    assert "13812345678" not in ws.meetings.to_ics(meeting_id).decode()


# --- the brief -------------------------------------------------------------------------


def give_risk_level(ws: Workspace, cid: ClientId) -> None:
    form = questionnaire()
    answers = {q.key: max(q.choices, key=lambda c: c.score).key for q in form.questions}
    ws.risk.record(
        cid, answers, place="branch", client_confirmed=True, now=NOW - timedelta(days=30)
    )


def add_transactions(ws: Workspace, cid: ClientId, rows: list[tuple[int, str, str]]) -> None:
    """``rows``: (days ago, amount, currency); one account per currency."""
    with ws.begin() as s:
        fund = Instrument(
            code=f"F{uuid.uuid4().hex[:6]}",
            name="稳健理财1号",
            type="wmp",
            asset_class="fixed_income",
            risk_rating=2,
        )
        s.add(fund)
        s.add(FxRate(currency="USD", day=TODAY, rate_to_cny=Decimal("7.2")))
        accounts: dict[str, Account] = {}
        for currency in {c for _, _, c in rows}:
            accounts[currency] = Account(
                client_id=cid, name=currency, institution="本行", currency=currency
            )
            s.add(accounts[currency])
        s.flush()
        for days, amount, currency in rows:
            s.add(
                Transaction(
                    account_id=accounts[currency].id,
                    instrument_id=fund.id,
                    kind="subscription",
                    trade_date=TODAY - timedelta(days=days),
                    amount=Decimal(amount),
                    currency=currency,
                )
            )
        client = s.get(Client, cid)
        assert client is not None
        client.financial_assets_cny = Decimal("8800000.00")
        client.tier = "private"


@pytest.fixture
def briefed(ws: Workspace) -> tuple[ClientId, uuid.UUID]:
    cid = person(ws, "王建国", date(1980, 4, 1))  # birthday in 14 days
    give_risk_level(ws, cid)
    add_transactions(
        ws,
        cid,
        [
            (5, "2000000.00", "CNY"),
            (10, "500000.00", "CNY"),
            (20, "200000.00", "USD"),  # 1,440,000 CNY
            (100, "9000000.00", "CNY"),  # older than 90 days
        ],
    )
    for n in range(4):
        ws.notes.create(cid, f"笔记{n}", f"内容{n}", written_at=NOW - timedelta(days=10 - n))
    ws.notes.create(cid, "家事", "机密内容", confidential=True, written_at=NOW)
    ws.tasks.add("寄送资料", due_on=TODAY, client_id=cid)
    meeting_id = schedule(ws, cid, NOW, agenda="1. 回顾组合\n2. 风险测评到期")
    return cid, meeting_id


def test_brief_contents(ws: Workspace, briefed: tuple[ClientId, uuid.UUID]) -> None:
    cid, meeting_id = briefed
    brief = ws.meetings.brief(meeting_id, TODAY)
    assert isinstance(brief, MeetingBrief)
    assert (brief.client_id, brief.client_name, brief.tier, brief.tier_name_zh) == (
        cid,
        "王建国",
        "private",
        "私人银行",
    )
    assert brief.assets_cny == Decimal("8800000.00")
    assert brief.risk is not None and brief.risk.code == "C5"
    assert brief.risk.expires_on == date(2027, 2, 16)
    assert brief.meeting is not None and brief.meeting.id == meeting_id
    assert "风险测评到期" in brief.meeting.agenda
    assert [n.title for n in brief.last_notes] == [CONFIDENTIAL_TITLE, "笔记3", "笔记2"]
    assert brief.last_notes[0].snippet == ""
    assert [t.title for t in brief.open_tasks] == ["寄送资料"]
    (birthday,) = brief.birthdays
    assert (birthday.on, birthday.lunar, birthday.age) == (date(2026, 4, 1), False, 46)
    assert [(t.amount_cny, t.currency) for t in brief.large_transactions] == [
        (Decimal("2000000.00"), "CNY"),
        (Decimal("1440000.00"), "USD"),
    ]
    assert brief.large_transactions[0].instrument == "稳健理财1号"
    # The same brief by client id, without a meeting.
    by_client = ws.meetings.brief(cid, TODAY)
    assert by_client.meeting is None and by_client.last_notes == brief.last_notes
    assert len(audit(ws, "meeting.brief_viewed")) == 2


def test_without_large_transactions_the_five_largest_show(ws: Workspace) -> None:
    cid = person(ws)
    add_transactions(ws, cid, [(d, f"{d}000.00", "CNY") for d in range(1, 8)])
    brief = ws.meetings.brief(cid, TODAY)
    assert [t.amount for t in brief.large_transactions] == [
        Decimal(f"{d}000.00") for d in (7, 6, 5, 4, 3)
    ]


def test_presentation_brief_hides_internal_items(
    ws: Workspace, briefed: tuple[ClientId, uuid.UUID]
) -> None:
    _, meeting_id = briefed
    shown = ws.meetings.brief(meeting_id, TODAY, presentation=True)
    assert shown.presentation
    assert (shown.last_notes, shown.open_tasks, shown.birthdays) == ((), (), ())
    assert shown.client_name == "王建国" and shown.assets_cny == Decimal("8800000.00")
    assert shown.risk is not None and shown.risk.expires_on == date(2027, 2, 16)
    assert len(shown.large_transactions) == 2  # the client's own
    details = json.loads(audit(ws, "meeting.brief_viewed")[-1].details)
    assert details == {"meeting": str(meeting_id), "presentation": True}


def test_household_brief_members_and_presentation(ws: Workspace) -> None:
    husband = person(ws, "张伟", date(1975, 6, 1))
    wife = ws.clients.add(NewClient(name="李娜"))
    with ws.begin() as s:  # the wife keeps a lunar birthday: 二月初十 is 2026-03-28
        row = s.get(Client, wife)
        assert row is not None
        row.birth_date, row.lunar_birth_month, row.lunar_birth_day = date(1978, 3, 18), 2, 10
    family = ws.clients.add_household("张伟家庭", [(husband, "head"), (wife, "spouse")])
    add_transactions(ws, wife, [(3, "1500000.00", "CNY")])
    ws.notes.create(wife, "李娜的笔记", "x")

    brief = ws.meetings.brief(family, TODAY)
    assert [(b.name, b.lunar, b.on) for b in brief.birthdays] == [("李娜", True, date(2026, 3, 28))]
    assert [t.client_name for t in brief.large_transactions] == ["李娜"]
    assert [n.title for n in brief.last_notes] == ["李娜的笔记"]
    # A person's brief names the spouse's birthday too.
    assert [b.name for b in ws.meetings.brief(husband, TODAY).birthdays] == ["李娜"]

    shown = ws.meetings.brief(family, TODAY, presentation=True)
    assert shown.large_transactions == () and shown.last_notes == () and shown.birthdays == ()
