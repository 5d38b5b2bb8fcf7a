"""The Home screen: the book at a glance and who needs the banker's attention today.

Why: a banker opens the app to see the book's size by tier and asset class, whom they
owe a call (contact cadence per tier, tiers.json), whose birthday is coming (solar or
lunar 农历), and whose portfolio moved most in the last month. Book figures count
persons only: a household's value is its members', so adding both would count twice.
Each part is one or two queries. Movers need each holding, so one pass over persons'
at-bank holdings (raw ids and scaled integers, exact) feeds both the asset classes
(summed per instrument, valued once each) and the movers. ``reminders`` (care dates and
open complaints) is a separate call, so the first paint does not wait for it. Each
summary is also stored in the vault for the next unlock's first paint (``home_cache``).
"""

from __future__ import annotations

import calendar
import heapq
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from lunardate import LunarDate
from sqlalchemy import Integer, Row, String, func, select, type_coerce
from sqlalchemy.orm import Session

from app.domain import names
from app.domain import portfolio as calc
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.domain.money import AMOUNT_SCALE, REPORTING_CURRENCY, quantize
from app.services import home_cache
from app.services.book import (
    days_overdue,
    last_contact_at,
    local_day,
    overdue_clause,
    tier_cadence,
    tier_for,
)
from app.services.config import tier_table
from app.services.home_types import Birthday, HomeSummary, Mover, OverdueClient, TierTotal
from app.services.portfolio import latest_rates
from app.vault.models import Account, Client, FxRate, Holding, Instrument, Price, VaultMeta
from app.vault.types import ScaledDecimal, utc_now

if TYPE_CHECKING:
    from app.services.complaints import ComplaintRecord
    from app.services.contacts import CareReminder
    from app.services.workspace import Workspace

PERSON = "person"
MOVER_DAYS = 30  # "the last month" for movers
CASH = "cash"
FxRates = Mapping[str, Decimal]


def _stored_scale(column_type: object) -> int:
    assert isinstance(column_type, ScaledDecimal)
    return column_type.scale


QUANTITY_SCALE = _stored_scale(Holding.__table__.c.quantity.type)  # 6: millionths of a unit
# A unit's CNY value is a price times an FX rate, exact at the sum of their scales (6 + 8).
UNIT_SCALE = _stored_scale(Price.__table__.c.close.type) + _stored_scale(
    FxRate.__table__.c.rate_to_cny.type
)


class Reminders(NamedTuple):
    """Home's second panel: greetings due (birthdays and care dates, soonest first) and
    open complaints (oldest first)."""

    care: tuple[CareReminder, ...]
    complaints: tuple[ComplaintRecord, ...]


def _persons() -> tuple[Any, ...]:
    return (Client.kind == PERSON, Client.deleted_at.is_(None))


# --- Totals ------------------------------------------------------------------------


def tier_totals(s: Session) -> tuple[TierTotal, ...]:
    """Persons and their financial assets per tier, highest tier first (every tier listed)."""
    lowest = tier_table().tiers[-1].code
    tier = func.coalesce(Client.tier, lowest)
    rows = s.execute(
        select(tier, func.count(), func.sum(Client.financial_assets_cny))
        .where(*_persons())
        .group_by(tier)
    ).all()
    found = {code: (n, assets or Decimal(0)) for code, n, assets in rows}
    totals = [
        TierTotal(t.code, t.name_zh, *found.pop(t.code, (0, Decimal(0))))
        for t in tier_table().tiers
    ]
    totals += [TierTotal(code, code, n, assets) for code, (n, assets) in sorted(found.items())]
    return tuple(totals)


@dataclass
class Positions:
    """One pass over persons' live holdings in live at-bank accounts, summed two ways.

    Raw column values (ids as the 32 hex digits SQLAlchemy's ``Uuid`` stores on SQLite,
    quantities in millionths) and Python ints keep 70,000 holdings cheap and exact: a
    UUID and a Decimal per row would cost more than the query.
    """

    units: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # per instrument
    change: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # per client
    before: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # per client

    @classmethod
    def scan(cls, s: Session, moves: Mapping[str, UnitMove]) -> Positions:
        persons = select(Client.id).where(*_persons())
        rows = s.execute(
            select(
                type_coerce(Account.client_id, String()),
                type_coerce(Holding.instrument_id, String()),
                type_coerce(Holding.quantity, Integer()),
            )
            .join(Account, Account.id == Holding.account_id)
            .where(
                Account.at_this_bank.is_(True),
                Account.deleted_at.is_(None),
                Holding.deleted_at.is_(None),
                Account.client_id.in_(persons),
            )
        )
        out = cls()
        for client, instrument, quantity in rows:
            out.units[instrument] += quantity
            move = moves.get(instrument)
            if move is not None:
                out.change[client] += quantity * move.change
                out.before[client] += quantity * move.before
        return out


def asset_classes(
    s: Session, units: Mapping[str, int], prices: Mapping[uuid.UUID, Decimal], rates: FxRates
) -> dict[str, Decimal]:
    """Persons' assets at the bank per asset class (cash as "cash"), largest first: each
    instrument valued once, on its total units."""
    by_class: dict[str, Decimal] = defaultdict(Decimal)
    shelf = s.execute(select(Instrument.id, Instrument.asset_class, Instrument.currency))
    for instrument_id, asset_class, currency in shelf:
        held = units.get(instrument_id.hex)
        if held:
            price = prices.get(instrument_id, Decimal(0))
            by_class[asset_class] += _units(held) * price * calc.fx_rate(currency, rates)
    cash = s.execute(
        select(Account.currency, func.sum(Account.cash_balance))
        .join(Client, Client.id == Account.client_id)
        .where(Account.at_this_bank.is_(True), Account.deleted_at.is_(None), *_persons())
        .group_by(Account.currency)
    )
    for currency, balance in cash:
        by_class[CASH] += balance * calc.fx_rate(currency, rates)
    rounded = {k: quantize(v, AMOUNT_SCALE) for k, v in by_class.items() if v}
    return dict(sorted(rounded.items(), key=lambda kv: -kv[1]))


# --- Overdue contacts --------------------------------------------------------------


def overdue_clients(s: Session, today: date, limit: int) -> tuple[OverdueClient, ...]:
    """Persons owed a contact by their tier's cadence: the never contacted first (longest
    onboarded first), then the most overdue.

    The persons and their last contact are materialized first, so the correlated contact
    is computed once a person rather than once for each use below.
    """
    people = (
        select(
            Client.id,
            Client.name,
            Client.name_pinyin,
            Client.tier,
            Client.onboarded_on,
            last_contact_at().label("last_at"),
        )
        .where(*_persons())
        .cte("people")
        .prefix_with("MATERIALIZED")
    )
    p = people.c
    due = func.julianday(func.coalesce(p.last_at, p.onboarded_on)) + tier_cadence(p.tier)
    rows = s.execute(
        select(p.id, p.name, p.tier, p.onboarded_on, p.last_at)
        .where(overdue_clause(p.last_at, p.tier, today))
        .order_by(p.last_at.is_not(None), due, p.name_pinyin, p.id)
        .limit(limit)
    )
    return tuple(_overdue(r, today) for r in rows)


def _overdue(r: Row[Any, Any, Any, Any, Any], today: date) -> OverdueClient:
    tier = tier_for(r.tier)
    last = local_day(r.last_at) if r.last_at is not None else None
    late = days_overdue(last, tier, today)
    if late is None:  # never contacted: due a cadence after onboarding
        since = (today - r.onboarded_on).days if r.onboarded_on else 0
        late = max(0, since - tier.contact_every_days)
    return OverdueClient(ClientId(r.id), r.name, tier.name_zh, last, late)


# --- Birthdays ---------------------------------------------------------------------


def solar_birthday(birth: date, year: int) -> date:
    """The birthday in ``year``; 29 February falls on the 28th in common years."""
    if (birth.month, birth.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return birth.replace(year=year)


def next_solar_birthday(birth: date, after: date) -> date:
    """The first birthday on or after ``after``."""
    this_year = solar_birthday(birth, after.year)
    return this_year if this_year >= after else solar_birthday(birth, after.year + 1)


def _days(first: date, last: date) -> Iterable[date]:
    return (first + timedelta(days=n) for n in range((last - first).days + 1))


def solar_month_days(first: date, last: date) -> list[str]:
    """The ``MM-DD`` of every birth date whose birthday falls in [first, last]."""
    keys = set()
    for day in _days(first, last):
        keys.add(day.strftime("%m-%d"))
        if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
            keys.add("02-29")
    return sorted(keys)


def _lunar_months(first: date, last: date) -> list[int]:
    """Lunar month numbers met in [first, last] (a superset test: exact dates follow)."""
    if (last - first).days > 366:
        return list(range(1, 13))
    months = set()
    for day in _days(first, last):
        try:
            months.add(names.lunar_birthday(day)[0])
        except ValidationError:
            continue
    return sorted(months)


def _lunar_age(birth: date | None, on: date) -> int | None:
    """The lunar years from ``birth`` to ``on`` (a lunar birthday's age), None if unknown."""
    if birth is None:
        return None
    try:
        then = LunarDate.from_solar_date(birth.year, birth.month, birth.day)
        now = LunarDate.from_solar_date(on.year, on.month, on.day)
    except ValueError:
        return None
    return int(now.year) - int(then.year)


def birthdays(s: Session, today: date, days: int, limit: int) -> tuple[Birthday, ...]:
    """Persons' next birthdays in [today, today + days], soonest first: lunar (农历) for
    those who keep it, else solar."""
    last = today + timedelta(days=days)
    found = [*_solar_birthdays(s, today, last), *_lunar_birthdays(s, today, last)]
    found.sort(key=lambda b: (b.on, b.name))
    return tuple(found[:limit])


def _solar_birthdays(s: Session, today: date, last: date) -> list[Birthday]:
    month_day = func.substr(Client.birth_date, 6, 5)
    rows = s.execute(
        select(Client.id, Client.name, Client.birth_date).where(
            *_persons(),
            Client.lunar_birth_month.is_(None),
            Client.birth_date.is_not(None),
            month_day.in_(solar_month_days(today, last)),
        )
    )
    out = []
    for client_id, name, birth in rows:
        if birth is None:
            continue
        on = next_solar_birthday(birth, today)
        if on <= last:
            out.append(Birthday(ClientId(client_id), name, on, False, on.year - birth.year))
    return out


def _lunar_birthdays(s: Session, today: date, last: date) -> list[Birthday]:
    rows = s.execute(
        select(
            Client.id,
            Client.name,
            Client.birth_date,
            Client.lunar_birth_month,
            Client.lunar_birth_day,
            Client.lunar_birth_leap,
        ).where(
            *_persons(),
            Client.lunar_birth_day.is_not(None),
            Client.lunar_birth_month.in_(_lunar_months(today, last)),
        )
    )
    out = []
    for client_id, name, birth, month, day, leap in rows:
        if month is None or day is None:
            continue
        try:
            on = names.next_lunar_birthday(month, day, leap, today)
        except ValidationError:
            continue
        if on <= last:
            out.append(Birthday(ClientId(client_id), name, on, True, _lunar_age(birth, on)))
    return out


# --- Movers ------------------------------------------------------------------------


def closes_on(s: Session, day: date | None = None) -> dict[uuid.UUID, Decimal]:
    """Each instrument's last close on or before ``day`` (None: its latest close).

    One primary-key seek per instrument; grouping the whole price history instead costs
    two orders of magnitude more (three years of daily closes for the shelf).
    """
    last = (
        select(Price.close)
        .where(Price.instrument_id == Instrument.id)
        .order_by(Price.day.desc())
        .limit(1)
    )
    if day is not None:
        last = last.where(Price.day <= day)
    rows = s.execute(select(Instrument.id, last.correlate(Instrument).scalar_subquery()))
    return {i: c for i, c in rows if c is not None}


def rates_on(s: Session, day: date) -> dict[str, Decimal]:
    """Each currency's last rate to CNY on or before ``day``."""
    last = (
        select(FxRate.currency, func.max(FxRate.day).label("day"))
        .where(FxRate.day <= day)
        .group_by(FxRate.currency)
        .subquery()
    )
    rows = s.execute(
        select(FxRate.currency, FxRate.rate_to_cny).join(
            last, (FxRate.currency == last.c.currency) & (FxRate.day == last.c.day)
        )
    )
    return {c: r for c, r in rows}


@dataclass(frozen=True)
class UnitMove:
    """One unit of an instrument in CNY a month ago, and its change since, as exact
    integers in units of 10**-14 CNY (a 6-decimal price times an 8-decimal rate)."""

    before: int
    change: int


def unit_moves(s: Session, today: date) -> dict[str, UnitMove]:
    """Per instrument (hex id) with a close and a rate at both ends of the month."""
    then = today - timedelta(days=MOVER_DAYS)
    now_px, then_px = closes_on(s, today), closes_on(s, then)
    now_fx, then_fx = rates_on(s, today), rates_on(s, then)
    moves = {}
    for instrument_id, currency in s.execute(select(Instrument.id, Instrument.currency)):
        before = _in_cny(then_px.get(instrument_id), currency, then_fx)
        after = _in_cny(now_px.get(instrument_id), currency, now_fx)
        if before is not None and after is not None:
            moves[instrument_id.hex] = UnitMove(before, after - before)
    return moves


def _in_cny(price: Decimal | None, currency: str, rates: FxRates) -> int | None:
    """``price`` in CNY in units of 10**-14, or None without a price or a rate."""
    if price is None or (currency != REPORTING_CURRENCY and currency not in rates):
        return None
    return int((price * calc.fx_rate(currency, rates)).scaleb(UNIT_SCALE))


def _units(millionths: int) -> Decimal:
    return Decimal(millionths).scaleb(-QUANTITY_SCALE)


def movers(s: Session, positions: Positions, limit: int) -> tuple[Mover, ...]:
    """The persons whose at-bank holdings gained or lost most over the month from price
    and FX moves (today's quantities: flows do not count), largest change first."""
    change = positions.change
    moved = (c for c, v in change.items() if v)
    top = heapq.nlargest(limit, moved, key=lambda c: abs(change[c]))
    ids = [uuid.UUID(hex=c) for c in top]
    names_of = {
        i: n for i, n in s.execute(select(Client.id, Client.name).where(Client.id.in_(ids)))
    }
    return tuple(_mover(i, names_of[i], change[i.hex], positions.before[i.hex]) for i in ids)


def _mover(client_id: uuid.UUID, name: str, change: int, before: int) -> Mover:
    scale = -(QUANTITY_SCALE + UNIT_SCALE)
    pct = quantize(Decimal(change * 100) / Decimal(before), AMOUNT_SCALE) if before else None
    return Mover(
        ClientId(client_id), name, quantize(Decimal(change).scaleb(scale), AMOUNT_SCALE), pct
    )


# --- The service -------------------------------------------------------------------


class HomeService:
    """The Home screen's figures; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def summary(
        self, today: date | None = None, birthday_days: int = 30, limit: int = 20
    ) -> HomeSummary:
        """The book at ``today`` (default: the local date); each list has at most ``limit``
        entries, birthdays within ``birthday_days`` days (today included)."""
        today = today or date.today()
        with self._ws.begin() as s:
            by_tier = tier_totals(s)
            positions = Positions.scan(s, unit_moves(s, today))
            by_class = asset_classes(s, positions.units, closes_on(s), latest_rates(s))
            summary = HomeSummary(
                total_assets_cny=sum((t.assets_cny for t in by_tier), Decimal(0)),
                clients=sum(t.clients for t in by_tier),
                by_tier=by_tier,
                by_asset_class=by_class,
                overdue=overdue_clients(s, today, limit),
                birthdays=birthdays(s, today, birthday_days, limit),
                movers=movers(s, positions, limit),
                as_of=today,
            )
            # Kept for the next unlock's first paint (see home_cache).
            s.merge(VaultMeta(key=home_cache.META_KEY, value=home_cache.dump(summary, utc_now())))
        return summary

    def cached(self) -> home_cache.CachedHome | None:
        """The figures the last ``summary`` stored, if any (what the next unlock shows)."""
        with self._ws.begin() as s:
            meta = s.get(VaultMeta, home_cache.META_KEY)
            return home_cache.load(meta.value if meta else None)

    def reminders(self, today: date | None = None, days: int = 30) -> Reminders:
        """Care reminders within ``days`` days (today included) and the open complaints;
        a call of its own, so that ``summary`` (Home's first paint) stays as fast."""
        today = today or date.today()
        care = self._ws.contacts.care_reminders(today, days)
        return Reminders(tuple(care), tuple(self._ws.complaints.open_complaints()))
