"""The Home screen: book totals, overdue contacts, birthdays (solar and lunar), movers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.ids import ClientId
from app.services.book import BookFilter, BookService
from app.services.clients import NewClient
from app.services.demo import build_demo_book
from app.services.home import HomeService
from app.services.home_types import Birthday, HomeSummary
from app.services.workspace import Workspace
from app.vault.keys import KdfParams
from app.vault.models import Account, Client, FxRate, Holding, Instrument, Note, Price
from app.vault.types import utc_now

D = Decimal
TODAY = date(2025, 6, 30)


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12)).astimezone()


def person(ws: Workspace, name: str, **kwargs: object) -> ClientId:
    return ws.clients.add(NewClient(name=name, **kwargs))  # type: ignore[arg-type]


def set_client(ws: Workspace, client_id: uuid.UUID, **values: object) -> None:
    with ws.begin() as s:
        client = s.get(Client, client_id)
        assert client is not None
        for key, value in values.items():
            setattr(client, key, value)


def contact(ws: Workspace, client_id: uuid.UUID, day: date) -> None:
    with ws.begin() as s:
        s.add(Note(client_id=client_id, written_at=at_noon(day), title="拜访", body="面谈"))


def summary(ws: Workspace, today: date = TODAY, days: int = 30) -> HomeSummary:
    return HomeService(ws).summary(today=today, birthday_days=days)


# --- Totals ----------------------------------------------------------------------------


def test_an_empty_vault_has_every_tier_at_zero(ws: Workspace) -> None:
    home = summary(ws)
    assert (home.total_assets_cny, home.clients, home.as_of) == (D(0), 0, TODAY)
    assert [t.code for t in home.by_tier] == ["private", "wealth", "vip", "mass"]
    assert all(t.clients == 0 and t.assets_cny == 0 for t in home.by_tier)
    assert (home.by_asset_class, home.overdue, home.birthdays, home.movers) == ({}, (), (), ())


def test_tier_totals_add_up_to_the_book_of_persons_only(ws: Workspace) -> None:
    rich = person(ws, "钱多多")
    comfortable = person(ws, "孙小美")
    person(ws, "周小")
    gone = person(ws, "赵六")
    set_client(ws, rich, financial_assets_cny=D("7000000"), tier="private")
    set_client(ws, comfortable, financial_assets_cny=D("800000.50"), tier="wealth")
    set_client(ws, gone, financial_assets_cny=D("9000000"), tier="private", deleted_at=utc_now())
    family = ws.clients.add_household("钱家", [(rich, "head"), (comfortable, "spouse")])
    set_client(ws, family, financial_assets_cny=D("7800000.50"), tier="private")
    home = summary(ws)
    assert home.total_assets_cny == D("7800000.50")
    assert home.clients == 3
    assert [(t.code, t.name, t.clients, t.assets_cny) for t in home.by_tier] == [
        ("private", "私人银行", 1, D("7000000")),
        ("wealth", "财富", 1, D("800000.50")),
        ("vip", "贵宾", 0, D(0)),
        ("mass", "大众", 1, D(0)),
    ]
    assert sum(t.assets_cny for t in home.by_tier) == home.total_assets_cny
    counts = ws.clients.counts()  # what the status bar says beside Home's total
    assert (counts.persons, counts.households) == (home.clients, 1)


# --- A priced book: asset classes and movers ---------------------------------------


def _instrument(code: str, asset_class: str, currency: str) -> Instrument:
    return Instrument(
        code=code, name=code, type="fund", asset_class=asset_class, currency=currency, risk_rating=3
    )


@pytest.fixture
def priced(ws: Workspace) -> dict[str, ClientId]:
    """钱多多 holds 1,000 of a CNY fund and 20 of a USD bond at the bank (plus 500 of the
    fund elsewhere, and 10 USD of cash); 孙小美 holds 2,000 of the fund. Their household
    has 1,000,000 of its own cash, which the book (persons only) leaves out.

    The fund closed 1.00 on TODAY-30 and 1.25 yesterday; the bond 100 then (7.0 CNY/USD)
    and 110 now (7.2).
    """
    ids = {"钱多多": person(ws, "钱多多"), "孙小美": person(ws, "孙小美")}
    family = ws.clients.add_household("钱家", [(ids["钱多多"], "head")])
    with ws.begin() as s:
        fund = _instrument("F1", "equity", "CNY")
        bond = _instrument("B1", "fixed_income", "USD")
        rich_cny = Account(
            client_id=ids["钱多多"], name="a", institution="本行", cash_balance=D("100000")
        )
        rich_usd = Account(
            client_id=ids["钱多多"],
            name="b",
            institution="本行",
            currency="USD",
            cash_balance=D(10),
        )
        rich_away = Account(
            client_id=ids["钱多多"], name="c", institution="他行", at_this_bank=False
        )
        sun = Account(client_id=ids["孙小美"], name="d", institution="本行")
        own = Account(client_id=family, name="e", institution="本行", cash_balance=D("1000000"))
        s.add_all([fund, bond, rich_cny, rich_usd, rich_away, sun, own])
        s.flush()
        for day, close in ((45, "0.95"), (30, "1.00"), (29, "1.10"), (1, "1.25")):
            s.add(Price(instrument_id=fund.id, day=TODAY - timedelta(days=day), close=D(close)))
        for day, close, rate in ((35, "100", "7.0"), (2, "110", "7.2")):
            s.add(Price(instrument_id=bond.id, day=TODAY - timedelta(days=day), close=D(close)))
            s.add(FxRate(currency="USD", day=TODAY - timedelta(days=day), rate_to_cny=D(rate)))
        for account, instrument, quantity in (
            (rich_cny, fund, "1000"),
            (rich_usd, bond, "20"),
            (rich_away, fund, "500"),
            (sun, fund, "2000"),
        ):
            s.add(Holding(account_id=account.id, instrument_id=instrument.id, quantity=D(quantity)))
    return ids


def test_asset_classes_value_at_bank_holdings_at_latest_prices_plus_cash(
    ws: Workspace, priced: dict[str, ClientId]
) -> None:
    home = summary(ws)
    assert home.by_asset_class == {
        "cash": D("100072.00"),  # 100,000 CNY + 10 USD x 7.2
        "fixed_income": D("15840.00"),  # 20 x 110 x 7.2
        "equity": D("3750.00"),  # (1,000 + 2,000) x 1.25; the 500 elsewhere do not count
    }


def test_movers_by_hand_from_two_prices_and_two_rates(
    ws: Workspace, priced: dict[str, ClientId]
) -> None:
    movers = summary(ws).movers
    # 钱多多: fund 1,000 x (1.25 - 1.00) = 250; bond 20 x (110 x 7.2 - 100 x 7.0) = 1,840.
    # A month ago: 1,000 x 1.00 + 20 x 700 = 15,000, so +2,090 is +13.93 %.
    assert [(m.name, m.change_cny, m.change_pct) for m in movers] == [
        ("钱多多", D("2090.00"), D("13.93")),
        ("孙小美", D("500.00"), D("25.00")),  # 2,000 x 0.25 on 2,000
    ]
    assert movers[0].id == priced["钱多多"]


def test_movers_are_the_largest_changes_either_way(
    ws: Workspace, priced: dict[str, ClientId]
) -> None:
    with ws.begin() as s:
        fund = s.scalar(select(Instrument).where(Instrument.code == "F1"))
        assert fund is not None
        s.add(Price(instrument_id=fund.id, day=TODAY, close=D("0.50")))  # the fund halves
    movers = HomeService(ws).summary(today=TODAY, limit=1).movers
    # 孙小美: 2,000 x -0.50 = -1,000; 钱多多: -500 + 1,840 = +1,340.
    assert [(m.name, m.change_cny) for m in movers] == [("钱多多", D("1340.00"))]
    both = summary(ws).movers
    assert [(m.name, m.change_cny, m.change_pct) for m in both][1] == (
        "孙小美",
        D("-1000.00"),
        D("-50.00"),
    )


def test_movers_use_the_close_on_or_before_the_day_a_month_ago(
    ws: Workspace, priced: dict[str, ClientId]
) -> None:
    movers = summary(ws, today=TODAY - timedelta(days=1)).movers  # month start: TODAY-31
    # The fund's close on or before TODAY-31 is 0.95 (TODAY-45): 2,000 x 0.30 = 600.
    assert ("孙小美", D("600.00")) in [(m.name, m.change_cny) for m in movers]


# --- Overdue contacts ------------------------------------------------------------------


def test_overdue_by_tier_cadence_never_contacted_first_then_most_overdue(ws: Workspace) -> None:
    late_private = person(ws, "周私", onboarded_on=TODAY - timedelta(days=400))
    late_wealth = person(ws, "吴富", onboarded_on=TODAY - timedelta(days=400))
    never = person(ws, "郑新", onboarded_on=TODAY - timedelta(days=200))
    fine_vip = person(ws, "王贵", onboarded_on=TODAY - timedelta(days=400))
    fine_mass = person(ws, "冯众", onboarded_on=TODAY - timedelta(days=400))
    set_client(ws, late_private, tier="private")
    set_client(ws, late_wealth, tier="wealth")
    set_client(ws, fine_vip, tier="vip")
    contact(ws, late_private, TODAY - timedelta(days=31))  # private: every 30 days
    contact(ws, late_wealth, TODAY - timedelta(days=100))  # wealth: every 60 days
    contact(ws, late_wealth, TODAY - timedelta(days=200))
    contact(ws, fine_vip, TODAY - timedelta(days=90))  # vip: every 90 days, due today
    contact(ws, fine_mass, TODAY - timedelta(days=170))  # mass: every 180 days
    ws.clients.add_household("周家", [(late_private, "head")])  # households are not listed
    overdue = summary(ws).overdue
    assert [(o.name, o.tier_name, o.last_contact, o.days_overdue) for o in overdue] == [
        ("郑新", "大众", None, 20),  # onboarded 200 days ago, due after 180
        ("吴富", "财富", TODAY - timedelta(days=100), 40),
        ("周私", "私人银行", TODAY - timedelta(days=31), 1),
    ]
    assert overdue[0].id == never


def test_overdue_on_home_agrees_with_the_book(ws: Workspace) -> None:
    for name, days in (("甲一", 10), ("乙二", 200), ("丙三", None)):
        client = person(ws, name)
        if days is not None:
            contact(ws, client, TODAY - timedelta(days=days))
    book = BookService(ws, clock=lambda: TODAY)
    late = book.page(BookFilter(overdue_only=True, kinds=frozenset({"person"})))
    assert {o.name for o in summary(ws).overdue} == {r.name for r in late} == {"乙二", "丙三"}


# --- Birthdays ---------------------------------------------------------------------------


def test_a_birthday_tomorrow_is_listed_one_in_40_days_is_not(ws: Workspace) -> None:
    tomorrow = person(ws, "明天", birth_date=date(1980, 7, 1))
    person(ws, "四十", birth_date=date(1970, 8, 9))
    assert summary(ws).birthdays == (
        Birthday(tomorrow, "明天", date(2025, 7, 1), lunar=False, age=45),
    )


def test_todays_birthday_counts_and_the_window_end_is_included(ws: Workspace) -> None:
    person(ws, "今天", birth_date=date(1990, 6, 30))
    person(ws, "最后", birth_date=date(1990, 7, 30))
    person(ws, "昨天", birth_date=date(1990, 6, 29))
    assert [(b.name, b.on) for b in summary(ws).birthdays] == [
        ("今天", date(2025, 6, 30)),
        ("最后", date(2025, 7, 30)),
    ]


def test_birthdays_across_the_new_year(ws: Workspace) -> None:
    person(ws, "元旦", birth_date=date(1990, 1, 5))
    birthdays = summary(ws, today=date(2025, 12, 20)).birthdays
    assert [(b.name, b.on, b.age) for b in birthdays] == [("元旦", date(2026, 1, 5), 36)]


def test_29_february_is_kept_on_the_28th_in_common_years(ws: Workspace) -> None:
    person(ws, "闰日", birth_date=date(1984, 2, 29))
    common = summary(ws, today=date(2025, 2, 20), days=10).birthdays
    assert [(b.on, b.age) for b in common] == [(date(2025, 2, 28), 41)]
    leap = summary(ws, today=date(2028, 2, 20), days=10).birthdays
    assert [(b.on, b.age) for b in leap] == [(date(2028, 2, 29), 44)]


def test_a_lunar_birthday_falls_on_its_solar_date_this_year(ws: Workspace) -> None:
    # Born 1970-09-15 = lunar 8/15 (中秋); in 2025 lunar 8/15 is 6 October.
    moon = person(ws, "中秋", birth_date=date(1970, 9, 15), observes_lunar_birthday=True)
    birthdays = summary(ws, today=date(2025, 10, 1)).birthdays
    assert [(b.id, b.on, b.lunar, b.age) for b in birthdays] == [
        (moon, date(2025, 10, 6), True, 55)
    ]
    # Who keeps the lunar birthday is not listed on the solar one (15 September).
    assert summary(ws, today=date(2025, 9, 10), days=10).birthdays == ()


def test_birthdays_soonest_first_persons_only_and_limited(ws: Workspace) -> None:
    for name, day in (("二十", 20), ("初五", 5), ("十二", 12)):
        person(ws, name, birth_date=date(1980, 7, day))
    gone = person(ws, "已删", birth_date=date(1980, 7, 1))
    set_client(ws, gone, deleted_at=utc_now())
    names = [b.name for b in HomeService(ws).summary(today=TODAY, limit=2).birthdays]
    assert names == ["初五", "十二"]


# --- A 40-client demo book -----------------------------------------------------------------

DEMO_KDF = KdfParams(memory_kib=8192, passes=1, lanes=1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder: Path = tmp_path_factory.mktemp("home-demo") / "vault"
    ws = Workspace.create(folder, "test passphrase 123", DEMO_KDF)
    build_demo_book(ws, clients=40, seed=7, today=TODAY)
    yield ws
    ws.close()


def test_demo_totals_add_up(demo: Workspace) -> None:
    home = summary(demo)
    with demo.begin() as s:
        people = s.scalars(select(Client).where(Client.kind == "person")).all()
    assert home.clients == len(people) == sum(t.clients for t in home.by_tier) == 40
    assert home.total_assets_cny == sum(c.financial_assets_cny for c in people)
    assert sum(t.assets_cny for t in home.by_tier) == home.total_assets_cny
    # Per-client and per-class rounding to the fen are the only difference.
    classes = sum(home.by_asset_class.values(), D(0))
    assert abs(classes - home.total_assets_cny) <= D("0.01") * 50


def test_demo_lists_are_in_order_and_limited(demo: Workspace) -> None:
    home = HomeService(demo).summary(today=TODAY, birthday_days=60, limit=5)
    assert len(home.overdue) <= 5 and len(home.movers) <= 5 and len(home.birthdays) <= 5
    never = [o for o in home.overdue if o.last_contact is None]
    assert home.overdue[: len(never)] == tuple(never)
    contacted = [o.days_overdue for o in home.overdue[len(never) :]]
    assert contacted == sorted(contacted, reverse=True) and all(d > 0 for d in contacted)
    days = [b.on for b in home.birthdays]
    assert days == sorted(days) and all(TODAY <= d <= TODAY + timedelta(days=60) for d in days)
    changes = [abs(m.change_cny) for m in home.movers]
    assert changes == sorted(changes, reverse=True) and len(changes) == 5


def test_demo_top_mover_recomputed_with_the_orm(demo: Workspace) -> None:
    top = summary(demo).movers[0]
    then = TODAY - timedelta(days=30)
    with demo.begin() as s:
        rows = s.execute(
            select(Holding.quantity, Instrument.id, Instrument.currency)
            .join(Account, Account.id == Holding.account_id)
            .join(Instrument, Instrument.id == Holding.instrument_id)
            .where(Account.client_id == top.id, Account.at_this_bank.is_(True))
        ).all()

        def close(instrument: uuid.UUID, day: date) -> Decimal:
            price = s.scalars(
                select(Price.close)
                .where(Price.instrument_id == instrument, Price.day <= day)
                .order_by(Price.day.desc())
            ).first()
            assert price is not None
            return price

        def rate(currency: str, day: date) -> Decimal:
            if currency == "CNY":
                return D(1)
            found = s.scalars(
                select(FxRate.rate_to_cny)
                .where(FxRate.currency == currency, FxRate.day <= day)
                .order_by(FxRate.day.desc())
            ).first()
            assert found is not None
            return found

        change = sum(
            (
                q * (close(i, TODAY) * rate(c, TODAY) - close(i, then) * rate(c, then))
                for q, i, c in rows
            ),
            D(0),
        )
    assert top.change_cny == change.quantize(D("0.01"))
