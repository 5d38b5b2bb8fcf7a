"""Client events: invitations, replies, attendance and the new money that followed."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.posting import TransactionKind as K
from app.services.book import BookService
from app.services.clients import NewClient
from app.services.workspace import Workspace
from app.vault.models import Account, AuditEvent, FxRate, Instrument, Interaction
from app.vault.types import utc_now

D = Decimal
TODAY = date.today()
EVENT_DAY = TODAY - timedelta(days=200)


def person(ws: Workspace, name: str) -> ClientId:
    return ws.clients.add(NewClient(name=name, onboarded_on=TODAY - timedelta(days=900)))


def at(day: date, hour: int = 14) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def salon(ws: Workspace, day: date = EVENT_DAY) -> uuid.UUID:
    return ws.events.create("私享茶会·家族财富传承", "salon", at(day), "本行贵宾会所").event_id


def account(
    ws: Workspace, client_id: uuid.UUID, currency: str = "CNY", here: bool = True
) -> uuid.UUID:
    with ws.begin() as s:
        row = Account(
            client_id=client_id,
            name="综合账户",
            institution="本行" if here else "他行",
            at_this_bank=here,
            currency=currency,
        )
        s.add(row)
        s.flush()
        return row.id


def book(
    ws: Workspace, account_id: uuid.UUID, kind: K, day: date, amount: str, **kwargs: object
) -> None:
    with ws.begin() as s:
        ws.portfolio.book_transaction(s, account_id, kind, day, amount=D(amount), **kwargs)  # type: ignore[arg-type]


# --- Events and invitations ----------------------------------------------------------------


def test_an_event_needs_a_title_a_known_kind_and_an_aware_time(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="title"):
        ws.events.create("  ", "salon", at(TODAY))
    with pytest.raises(ValidationError, match="one of"):
        ws.events.create("高尔夫邀请赛", "golf", at(TODAY))
    with pytest.raises(ValidationError, match="time zone"):
        ws.events.create("策略会", "seminar", datetime(2026, 1, 1, 14))
    saved = ws.events.create("策略会", "Seminar", at(TODAY + timedelta(days=3)), " ")
    assert saved.changes.events
    [event] = ws.events.events()
    assert (event.title, event.kind, event.location, event.invited) == (
        "策略会",
        "seminar",
        None,
        0,
    )


def test_invitations_are_idempotent_per_client_and_keep_replies(ws: Workspace) -> None:
    event = salon(ws)
    a, b, c = person(ws, "张伟"), person(ws, "李娜"), person(ws, "王芳")
    changes = ws.events.invite(event, [a, b, a])
    assert changes.events and changes.client_ids == {a, b}
    ws.events.reply(event, a, "yes")
    again = ws.events.invite(event, [a, b, c])
    assert again.client_ids == {c}
    replies = {i.name: i.reply for i in ws.events.invitations(event)}
    assert replies == {"张伟": "yes", "李娜": "none", "王芳": "none"}
    with ws.begin() as s:
        audited = s.scalars(select(AuditEvent).where(AuditEvent.action == "event.invited")).all()
    assert len(audited) == 2


def test_replies_are_validated_and_need_an_invitation(ws: Workspace) -> None:
    event = salon(ws)
    invited, stranger = person(ws, "张伟"), person(ws, "李娜")
    ws.events.invite(event, [invited])
    with pytest.raises(ValidationError, match="one of"):
        ws.events.reply(event, invited, "perhaps")
    with pytest.raises(ValidationError, match="invite them first"):
        ws.events.reply(event, stranger, "yes")
    with pytest.raises(NotFound):
        ws.events.reply(uuid.uuid4(), invited, "yes")
    for reply in ("maybe", "no", "yes"):
        ws.events.reply(event, invited, reply)
    [summary] = ws.events.events()
    assert (summary.invited, summary.replied_yes, summary.replied_no) == (1, 1, 0)


def test_attending_logs_an_event_interaction_once_and_undoing_removes_it(ws: Workspace) -> None:
    event = salon(ws, TODAY - timedelta(days=1))
    client = person(ws, "张伟")
    ws.events.invite(event, [client])
    changes = ws.events.mark_attended(event, client)
    assert changes.contacts and changes.events and changes.client_ids == {client}
    ws.events.mark_attended(event, client)  # again: nothing more
    [logged] = ws.contacts.for_client(client)
    assert (logged.channel, logged.direction, logged.at) == (
        "event",
        "outbound",
        at(TODAY - timedelta(days=1)),
    )
    assert "私享茶会" in logged.summary
    assert BookService(ws).rows([client])[0].last_contact == TODAY - timedelta(days=1)
    assert ws.events.events()[0].attended == 1
    ws.events.mark_attended(event, client, attended=False)
    assert ws.contacts.for_client(client) == []
    assert ws.events.invitations(event)[0].attended is False
    assert BookService(ws).rows([client])[0].last_contact is None


def test_a_walk_in_is_invited_and_a_future_event_cannot_be_attended(ws: Workspace) -> None:
    past, future = salon(ws), salon(ws, TODAY + timedelta(days=10))
    client = person(ws, "张伟")
    ws.events.mark_attended(past, client)
    assert [(i.name, i.attended) for i in ws.events.invitations(past)] == [("张伟", True)]
    ws.events.invite(future, [client])
    with pytest.raises(ValidationError, match="not begun"):
        ws.events.mark_attended(future, client)
    assert [e.title for e in ws.events.events(upcoming_only=True)] == ["私享茶会·家族财富传承"]
    assert [e.id for e in ws.events.events()] == [future, past]  # newest first


# --- New money ------------------------------------------------------------------------------


def test_new_money_is_attendees_net_transfers_in_the_90_days_after(ws: Workspace) -> None:
    event = salon(ws)
    came, stayed_home = person(ws, "张伟"), person(ws, "李娜")
    ws.events.invite(event, [came, stayed_home])
    ws.events.reply(event, stayed_home, "yes")
    ws.events.mark_attended(event, came)
    cny, elsewhere = account(ws, came), account(ws, came, here=False)
    book(ws, cny, K.TRANSFER_IN, EVENT_DAY - timedelta(days=1), "999999")  # before: no
    book(ws, cny, K.TRANSFER_IN, EVENT_DAY, "100000.10")  # the day itself
    book(ws, cny, K.TRANSFER_IN, EVENT_DAY + timedelta(days=89), "2000000")
    book(ws, cny, K.TRANSFER_IN, EVENT_DAY + timedelta(days=91), "5000000")  # too late
    book(ws, cny, K.TRANSFER_OUT, EVENT_DAY + timedelta(days=30), "300000")  # taken away
    book(ws, cny, K.INTEREST, EVENT_DAY + timedelta(days=30), "1234")  # not new money
    book(ws, elsewhere, K.TRANSFER_IN, EVENT_DAY + timedelta(days=5), "777")  # not here
    book(ws, account(ws, stayed_home), K.TRANSFER_IN, EVENT_DAY + timedelta(days=5), "888")
    money = ws.events.new_money(event)
    assert (money.first_day, money.last_day) == (EVENT_DAY, EVENT_DAY + timedelta(days=90))
    assert money.by_client == [(came, "张伟", D("1800000.10"))]
    assert money.total_cny == D("1800000.10")
    assert ws.events.new_money(event, days=91).total_cny == D("6800000.10")


def test_new_money_converts_foreign_currency_at_the_days_rate(ws: Workspace) -> None:
    event = salon(ws)
    a, b = person(ws, "张伟"), person(ws, "李娜")
    for client in (a, b):
        ws.events.mark_attended(event, client)
    with ws.begin() as s:
        s.add_all(
            [
                FxRate(currency="USD", day=EVENT_DAY, rate_to_cny=D("7.12345678")),
                FxRate(currency="USD", day=EVENT_DAY + timedelta(days=20), rate_to_cny=D("7.3")),
                FxRate(currency="HKD", day=TODAY, rate_to_cny=D("0.91")),
            ]
        )
    usd = account(ws, a, "USD")
    book(ws, usd, K.TRANSFER_IN, EVENT_DAY + timedelta(days=10), "100000.01")
    book(ws, usd, K.TRANSFER_IN, EVENT_DAY + timedelta(days=20), "10")
    # No HKD rate that old: the latest one is used rather than none.
    book(ws, account(ws, b, "HKD"), K.TRANSFER_IN, EVENT_DAY + timedelta(days=1), "1000")
    money = ws.events.new_money(event)
    exact_a = D("100000.01") * D("7.12345678") + D("10") * D("7.3")
    assert [(c.name, c.amount_cny) for c in money.by_client] == [
        ("张伟", exact_a.quantize(D("0.01"))),
        ("李娜", D("910.00")),
    ]
    assert money.total_cny == exact_a.quantize(D("0.01")) + D("910.00")


def test_securities_transferred_in_are_new_money_and_a_missing_rate_is_explained(
    ws: Workspace,
) -> None:
    event = salon(ws)
    client = person(ws, "张伟")
    ws.events.mark_attended(event, client)
    with ws.begin() as s:
        fund = Instrument(
            code="F1",
            name="稳健债基",
            type="mutual_fund",
            asset_class="fixed_income",
            risk_rating=2,
        )
        s.add(fund)
        s.flush()
        fund_id = fund.id
    cny = account(ws, client)
    book(
        ws,
        cny,
        K.TRANSFER_IN,
        EVENT_DAY + timedelta(days=3),
        "50000",
        instrument_id=fund_id,
        quantity=D("40000"),
    )
    assert ws.events.new_money(event).total_cny == D("50000.00")
    book(ws, account(ws, client, "EUR"), K.TRANSFER_IN, EVENT_DAY + timedelta(days=3), "10")
    with pytest.raises(ValidationError, match="No EUR exchange rate"):
        ws.events.new_money(event)


def test_an_event_nobody_attended_brought_nothing(ws: Workspace) -> None:
    event = salon(ws)
    ws.events.invite(event, [person(ws, "张伟")])
    money = ws.events.new_money(event)
    assert (money.total_cny, money.by_client) == (D(0), [])
    with pytest.raises(NotFound):
        ws.events.new_money(uuid.uuid4())


def test_attendance_is_audited(ws: Workspace) -> None:
    event = salon(ws)
    client = person(ws, "张伟")
    ws.events.mark_attended(event, client)
    with ws.begin() as s:
        actions = list(
            s.scalars(select(AuditEvent.action).where(AuditEvent.subject == str(client)))
        )
        logged = s.scalars(select(Interaction)).all()
    assert "event.attendance" in actions
    assert len(logged) == 1 and logged[0].at <= utc_now()
