"""The client book as the desktop list pages through it: filter, sort, count, page, find.

Why: the client list is a lazy Qt model over a book of up to ~10,000 clients, and every
search keystroke asks for a count and a first page again, so each call is one or two
Core queries (no ORM objects) that touch only the columns a row shows. Search follows
how bankers type: a name or part of it, pinyin with or without spaces, initials
(``zw`` finds 张伟), either reading of a two-reading surname (单 is Shan or Dan), or
the last digits of a mobile or identity number.

"Last contact" is derived in one place, ``last_contact_at``: a client's latest note,
interaction or held meeting (for a household, its members' too). Dates are the
banker's local calendar days.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, overload

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    String,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain import names
from app.domain.ids import ClientId
from app.domain.tiers import Tier
from app.services.config import tier_table
from app.vault.models import (
    Client,
    HouseholdMember,
    IdentityDocument,
    Interaction,
    Meeting,
    Note,
)
from app.vault.types import UtcDateTime

if TYPE_CHECKING:
    from app.services.workspace import Workspace

SORT_KEYS = ("name", "tier", "assets", "risk", "last_contact", "rm", "city")
RISK_LEVELS = ("C1", "C2", "C3", "C4", "C5")
NO_RISK = "none"
DEFAULT_KINDS = frozenset({"person", "household"})
Column = ColumnElement[Any] | InstrumentedAttribute[Any]  # what SQL expressions take
_TAIL = re.compile(r"[0-9]{3,}[0-9x]")  # ≥ 4 digits, an ID's check letter X allowed last
_CHUNK = 500  # ids per IN (...) list
HELD = "held"  # a meeting that took place (Meeting.status)


@dataclass(frozen=True)
class BookFilter:
    """What the client list shows; the empty filter is the whole book (people and households).

    ``text`` matches the name, its pinyin (with or without spaces), initials, both readings
    of a two-reading surname, and the tail (≥ 4 digits) of a mobile or identity number.
    ``risk_levels`` holds "C1".."C5" or "none"; ``overdue_only`` keeps clients whose last
    contact is older than their tier's cadence (tiers.json) or who were never contacted.
    """

    text: str = ""
    tiers: frozenset[str] = frozenset()
    risk_levels: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    overdue_only: bool = False
    kinds: frozenset[str] = DEFAULT_KINDS


@dataclass(frozen=True)
class BookRow:
    """One line of the client list (``mobile`` is raw C2 data: the UI masks it)."""

    id: ClientId
    name: str
    kind: str
    tier: str | None
    tier_name: str
    financial_assets_cny: Decimal
    risk_level: str | None
    last_contact: date | None
    overdue: bool
    relationship_manager: str | None
    city: str | None
    mobile: str | None


# --- Last contact and the contact cadence ------------------------------------------


def _latest(at: Column, model: type[Any], *where: ColumnElement[bool]) -> ColumnElement[Any]:
    """SQL, correlated to ``clients``: the latest ``at`` of the live ``model`` rows that
    ``where`` picks, NULL if none."""
    return (
        select(func.max(at))
        .where(model.deleted_at.is_(None), *where)
        .correlate(Client)
        .scalar_subquery()
    )


def _contacts() -> list[tuple[Column, type[Any], tuple[ColumnElement[bool], ...]]]:
    """What counts as a contact: (its time, its table, which of its rows)."""
    return [
        (Note.written_at, Note, ()),
        (Interaction.at, Interaction, ()),
        (Meeting.starts_at, Meeting, (Meeting.status == HELD,)),
    ]


def last_contact_at() -> ColumnElement[Any]:
    """SQL, correlated to ``clients``: the client's latest contact (UTC), NULL if none.

    THE definition of a contact, used by the list, its filters and sorts, and Home.
    A contact is a note about the client, a logged interaction (phone, email, WeChat,
    SMS, visit, event), or a meeting marked held (at its start; planned and cancelled
    meetings are not contacts). For a household it is any of these about the household
    or any of its members (meeting the wife is meeting the family). Correlated per
    client, so a narrow filter pays only for the clients it keeps: a person costs one
    index seek per table (interactions on their (client_id, at) index), a household one
    more per member.
    """
    members = (
        select(HouseholdMember.member_id)
        .where(HouseholdMember.household_id == Client.id, HouseholdMember.deleted_at.is_(None))
        .correlate(Client)
    )
    own: list[ColumnElement[Any]] = []
    via_members: list[ColumnElement[Any]] = []
    for at, model, which in _contacts():
        own.append(_latest(at, model, model.client_id == Client.id, *which))
        via_members.append(_latest(at, model, model.client_id.in_(members), *which))

    # SQLite's many-argument max() is NULL if any is: compare '' for "none" instead.
    def latest_of(times: list[ColumnElement[Any]]) -> ColumnElement[Any]:
        return func.nullif(func.max(*(func.coalesce(t, "") for t in times)), "")

    at = case((Client.kind == "household", latest_of(own + via_members)), else_=latest_of(own))
    return type_coerce(at, UtcDateTime())


def local_day(at: datetime) -> date:
    """The banker's calendar day of an aware time (the machine's time zone)."""
    return at.astimezone().date()


def local_midnight(day: date) -> datetime:
    """The aware moment the banker's ``day`` begins."""
    return datetime.combine(day, time()).astimezone()


def tier_for(code: str | None) -> Tier:
    """The tier of a code; no tier (or an unknown one) counts as the lowest tier."""
    table = tier_table()
    return next((t for t in table.tiers if t.code == code), table.tiers[-1])


def days_overdue(last_contact: date | None, tier: Tier, today: date) -> int | None:
    """Days past the tier's contact cadence (≤ 0: not yet due); None if never contacted."""
    if last_contact is None:
        return None
    return (today - last_contact).days - tier.contact_every_days


def tier_cadence(tier: Column) -> ColumnElement[int]:
    """SQL: the contact cadence in days of a row's tier."""
    table = tier_table()
    whens = {t.code: t.contact_every_days for t in table.tiers}
    return case(whens, value=tier, else_=table.tiers[-1].contact_every_days)


def overdue_clause(last_at: Column, tier: Column, today: date) -> ColumnElement[bool]:
    """SQL: never contacted, or last contacted before the day the tier's cadence allows."""
    table = tier_table()

    def due_by(t: Tier) -> ColumnElement[Any]:
        return literal(local_midnight(today - timedelta(days=t.contact_every_days)), UtcDateTime())

    cutoff = case(
        {t.code: due_by(t) for t in table.tiers}, value=tier, else_=due_by(table.tiers[-1])
    )
    # "Never" as '' (before every time) so the correlated contact is computed once a row.
    last_or_never = type_coerce(func.coalesce(type_coerce(last_at, String()), ""), UtcDateTime())
    return last_or_never < cutoff


def risk_level_column() -> ColumnElement[Any]:
    """SQL: the client's current risk level as "C1".."C5" (copied onto the client from its
    newest assessment), NULL if never assessed."""
    return case(
        (Client.risk_level.is_(None), null()), else_="C" + cast(Client.risk_level, String())
    )


# --- Text search -------------------------------------------------------------------


def normalise_query(text: str) -> str:
    """NFKC-folded (full-width letters and digits become ASCII), spaces removed, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _pinyin_compact() -> ColumnElement[str]:
    return func.replace(Client.name_pinyin, " ", "")


def _tail_clause(q: str, document_owners: Sequence[uuid.UUID]) -> ColumnElement[bool]:
    """The last digits of a mobile or an identity number (or, just in case, the name)."""
    clauses = [Client.name.like(f"%{q}%")]
    if q.isdigit():
        clauses.append(Client.mobile.like("%" + q))
    if document_owners:
        clauses.append(Client.id.in_(document_owners))
    return or_(*clauses)


def document_owners(s: Session, q: str) -> list[uuid.UUID]:
    """Clients with a live identity document ending in ``q`` (SQLite's LIKE ignores ASCII
    case, so ``002x`` finds ``…002X``). Looked up first: a handful of ids in the client
    query costs far less than probing a subquery for every client."""
    return list(
        s.scalars(
            select(IdentityDocument.client_id)
            .where(IdentityDocument.number.like("%" + q), IdentityDocument.deleted_at.is_(None))
            .distinct()
        )
    )


def _name_clause(q: str) -> ColumnElement[bool]:
    """Name substring; for Latin letters also pinyin, initials and the surname readings.

    ``search_keys`` holds, per surname reading, the pinyin without spaces and the
    initials (``"shanwei sw danwei dw"``), and is written with ``name_pinyin`` and
    ``name_initials`` wherever a name is set; so a substring of it covers a pinyin
    substring and an initials prefix, without a costly ``replace()`` per row.
    """
    inside = f"%{_escape_like(q)}%"
    if not q.isascii():
        return Client.name.like(inside, escape="\\")
    return or_(
        Client.search_keys.like(inside, escape="\\"),
        Client.name.like(inside, escape="\\"),
    )


def text_clause(s: Session, text: str) -> ColumnElement[bool] | None:
    """SQL for a search text, or None when the text is empty."""
    q = normalise_query(text)
    if not q:
        return None
    if _TAIL.fullmatch(q):
        return _tail_clause(q, document_owners(s, q))
    return _name_clause(q)


def _match_rank(text: str) -> ColumnElement[int]:
    """0 exact name, 1 name prefix, 2 pinyin/initials/reading prefix, 3 the rest."""
    q = normalise_query(text)
    start = _escape_like(q) + "%"
    compact_name = func.lower(func.replace(Client.name, " ", ""))
    return case(
        (compact_name == q, 0),
        (compact_name.like(start, escape="\\"), 1),
        (
            or_(
                Client.name_initials.like(start, escape="\\"),
                _pinyin_compact().like(start, escape="\\"),
                Client.search_keys.like(start, escape="\\"),
                Client.search_keys.like("% " + start, escape="\\"),
            ),
            2,
        ),
        else_=3,
    )


# --- Filtering and sorting ---------------------------------------------------------


def _risk_clause(levels: frozenset[str]) -> ColumnElement[bool]:
    risk = risk_level_column()
    clauses = [risk.in_(sorted(levels - {NO_RISK}))]
    if NO_RISK in levels:
        clauses.append(risk.is_(None))
    return or_(*clauses)


def _where(s: Session, f: BookFilter) -> list[ColumnElement[bool]]:
    """Every condition of the filter except ``overdue_only`` (which needs the contacts)."""
    clauses: list[ColumnElement[bool]] = [
        Client.deleted_at.is_(None),
        Client.kind.in_(sorted(f.kinds)),
    ]
    if f.tiers:
        clauses.append(Client.tier.in_(sorted(f.tiers)))
    if f.cities:
        clauses.append(Client.city.in_(sorted(f.cities)))
    if f.risk_levels:
        clauses.append(_risk_clause(f.risk_levels))
    text = text_clause(s, f.text)
    if text is not None:
        clauses.append(text)
    return clauses


def _tier_rank() -> ColumnElement[int]:
    """Higher tiers rank higher: private > wealth > vip > mass > none."""
    codes = tier_table().codes()
    return case({code: len(codes) - i for i, code in enumerate(codes)}, value=Client.tier, else_=0)


def _pinyin_rank(session: Session, column: Any) -> ColumnElement[Any]:
    """SQL ranking a short-listed text column (city, RM) by its pinyin, not code points.

    The first character is read as a surname would be (乐山 sorts as Yue-), which is
    close enough to order a handful of cities.
    """
    values = [v for v in session.scalars(select(column).distinct()) if v is not None]
    values.sort(key=lambda v: (names.name_pinyin(v), v))
    if not values:
        return type_coerce(column, String())
    return case({v: i for i, v in enumerate(values)}, value=column)  # no value: NULL


_SORT_COLUMNS: dict[str, Callable[[Session], Column]] = {
    "name": lambda s: Client.name_pinyin,
    "tier": lambda s: _tier_rank(),
    "assets": lambda s: Client.financial_assets_cny,
    "risk": lambda s: risk_level_column(),
    "last_contact": lambda s: last_contact_at(),
    "rm": lambda s: _pinyin_rank(s, Client.relationship_manager),
    "city": lambda s: _pinyin_rank(s, Client.city),
}
# No value sorts last either way; "never contacted" instead sorts as the oldest contact.
_NULLS_LAST = ("risk", "rm", "city")


def order_keys(s: Session, sort: str, descending: bool) -> list[ColumnElement[Any]]:
    """ORDER BY for a sort key; ties broken by assets, pinyin and id so pages are stable."""
    if sort not in _SORT_COLUMNS:
        raise ValueError(f"Unknown sort key {sort!r}; use one of {', '.join(SORT_KEYS)}.")
    column = _SORT_COLUMNS[sort](s)
    keys: list[ColumnElement[Any]] = [column.is_(None)] if sort in _NULLS_LAST else []
    keys.append(column.desc() if descending else column.asc())
    if sort != "assets":
        keys.append(Client.financial_assets_cny.desc())
    return [*keys, Client.name_pinyin.asc(), Client.name.asc(), Client.id.asc()]


def _filtered(s: Session, stmt: Select[Any], f: BookFilter, today: date) -> Select[Any]:
    """``stmt`` over clients narrowed by ``f``."""
    stmt = stmt.where(*_where(s, f))
    if f.overdue_only:
        stmt = stmt.where(overdue_clause(last_contact_at(), Client.tier, today))
    return stmt


def _row_columns() -> tuple[Column, ...]:
    """What a list row shows (the last contact is a correlated subquery: select it only
    for the rows wanted, as SQLite computes every selected column before sorting)."""
    return (
        Client.id,
        Client.name,
        Client.kind,
        Client.tier,
        Client.financial_assets_cny,
        risk_level_column().label("risk_level"),
        last_contact_at().label("last_at"),
        Client.relationship_manager,
        Client.city,
        Client.mobile,
    )


class HexIds(Sequence[ClientId]):
    """Client ids kept as the vault's 32 hex digits and parsed one at a time when read:
    a list screen needs all of them in order, but reads only those scrolled to."""

    __slots__ = ("_hex",)

    def __init__(self, hex_ids: Sequence[str]) -> None:
        self._hex = hex_ids

    def __len__(self) -> int:
        return len(self._hex)

    @overload
    def __getitem__(self, index: int) -> ClientId: ...
    @overload
    def __getitem__(self, index: slice) -> list[ClientId]: ...
    def __getitem__(self, index: int | slice) -> ClientId | list[ClientId]:
        if isinstance(index, slice):
            return [ClientId(uuid.UUID(hex=h)) for h in self._hex[index]]
        return ClientId(uuid.UUID(hex=self._hex[index]))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like a list

    def __repr__(self) -> str:
        return f"HexIds({len(self)} ids)"


class BookService:
    """The client list and the Ctrl+K palette; one worker thread calls it."""

    def __init__(self, ws: Workspace, *, clock: Callable[[], date] = date.today) -> None:
        self._ws = ws
        self._clock = clock

    def count(self, f: BookFilter) -> int:
        with self._ws.begin() as s:
            stmt = _filtered(s, select(func.count()).select_from(Client), f, self._clock())
            return int(s.scalar(stmt) or 0)

    def page(
        self,
        f: BookFilter,
        sort: str = "assets",
        descending: bool = True,
        offset: int = 0,
        limit: int = 256,
    ) -> list[BookRow]:
        """Rows ``offset`` to ``offset + limit`` of the filtered, sorted book."""
        with self._ws.begin() as s:
            return self._page(s, f, order_keys(s, sort, descending), offset, limit)

    def ids(self, f: BookFilter, sort: str = "assets", descending: bool = True) -> HexIds:
        """Every matching id in list order (one column: cheap even for the whole book)."""
        with self._ws.begin() as s:
            # The stored hex read as text: SQLAlchemy's Uuid result processing costs ~3x
            # as much on a whole book, and even uuid.UUID() on 10,000 ids costs more than
            # the query, so ids are parsed only when read (see ``HexIds``).
            raw = type_coerce(Client.id, String)
            stmt = _filtered(s, select(raw), f, self._clock())
            stmt = stmt.order_by(*order_keys(s, sort, descending))
            return HexIds(s.scalars(stmt).all())

    def rows(self, ids: Sequence[ClientId]) -> list[BookRow]:
        """Rows for ``ids``, in that order (ids no longer in the book are left out)."""
        found: dict[uuid.UUID, Any] = {}
        with self._ws.begin() as s:
            for start in range(0, len(ids), _CHUNK):
                chunk = list(ids[start : start + _CHUNK])
                stmt = select(*_row_columns()).where(
                    Client.id.in_(chunk), Client.deleted_at.is_(None)
                )
                found.update((r.id, r) for r in s.execute(stmt))
            return self._rows([found[i] for i in ids if i in found])

    def cities(self) -> list[str]:
        """Distinct cities of the people and households in the book, the most frequent first."""
        n = func.count().label("n")
        stmt = (
            select(Client.city, n)
            .where(
                Client.deleted_at.is_(None),
                Client.kind.in_(sorted(DEFAULT_KINDS)),
                Client.city.is_not(None),
            )
            .group_by(Client.city)
            .order_by(n.desc(), Client.city)
        )
        with self._ws.begin() as s:
            return [city for city, _ in s.execute(stmt) if city]

    def quick_find(self, text: str, limit: int = 12) -> list[BookRow]:
        """The best matches for a palette: exact name, name prefix, pinyin/initials prefix,
        then the rest; the wealthiest first within each."""
        if not normalise_query(text):
            return []
        order: list[ColumnElement[Any]] = [
            _match_rank(text),
            Client.financial_assets_cny.desc(),
            Client.name_pinyin.asc(),
            Client.id.asc(),
        ]
        with self._ws.begin() as s:
            return self._page(s, BookFilter(text=text), order, 0, limit)

    # --- helpers --------------------------------------------------------------------

    def _page(
        self, s: Session, f: BookFilter, order: list[ColumnElement[Any]], offset: int, limit: int
    ) -> list[BookRow]:
        """Sort the matching ids alone, then read the rows of the chosen slice only."""
        ids = _filtered(s, select(Client.id), f, self._clock()).order_by(*order)
        chosen = ids.offset(offset).limit(limit).subquery("chosen")
        stmt = select(*_row_columns()).join(chosen, chosen.c.id == Client.id)
        return self._rows(s.execute(stmt.order_by(*order)))

    def _rows(self, found: Iterable[Row[Any]]) -> list[BookRow]:
        today = self._clock()
        tiers = {t.code: t for t in tier_table().tiers}
        return [_book_row(r, tiers.get(r.tier) or tier_for(r.tier), today) for r in found]


def _book_row(r: Row[Any], tier: Tier, today: date) -> BookRow:
    last_contact = local_day(r.last_at) if r.last_at is not None else None
    late = days_overdue(last_contact, tier, today)
    return BookRow(
        id=ClientId(r.id),
        name=r.name,
        kind=r.kind,
        tier=r.tier,
        tier_name=tier.name_zh if r.tier else "",
        financial_assets_cny=r.financial_assets_cny,
        risk_level=r.risk_level,
        last_contact=last_contact,
        overdue=late is None or late > 0,
        relationship_manager=r.relationship_manager,
        city=r.city,
        mobile=r.mobile,
    )
