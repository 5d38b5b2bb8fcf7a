"""Meetings: the calendar (week and agenda), meeting mode's client brief, and ``.ics``.

Why it is shaped so: a banker plans the week by meetings — who, when, and where or over
which channel (branch, the client's office, phone, video, WeChat) — each with an agenda.
Opening a meeting shows the client's brief beside the note editor; in presentation mode
the screen faces the client, so the brief keeps only what is the client's own and
meant for them (see ``MeetingService.brief``). A calendar file leaves the vault, so it
names the client only masked (``张**``) and carries no agenda, notes or figures.

Times are stored in UTC; days and weeks are the banker's local calendar (Monday to
Sunday). A meeting belongs to the day and week in which it starts.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from lunardate import LunarDate
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.domain import masking, names
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.money import AMOUNT_SCALE, REPORTING_CURRENCY, quantize
from app.domain.portfolio import fx_rate
from app.services.book import local_midnight, tier_for
from app.services.changes import Changes
from app.services.home import next_solar_birthday
from app.services.home_types import Birthday
from app.services.notes import NoteSummary, summaries
from app.services.portfolio import latest_rates
from app.services.risk import CurrentRisk
from app.services.tasks import TaskRow, client_and_members, clip, live_client, task_rows
from app.vault.models import (
    Account,
    Client,
    HouseholdMember,
    Instrument,
    Meeting,
    Note,
    Task,
    Transaction,
)
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

CHANNELS = ("branch", "client_office", "phone", "video", "wechat")
CHANNEL_NAMES = {
    "branch": ("网点", "Branch"),
    "client_office": ("客户办公室", "Client's office"),
    "phone": ("电话", "Phone"),
    "video": ("视频会议", "Video call"),
    "wechat": ("微信", "WeChat"),
}
STATUSES = ("planned", "held", "cancelled")
MAX_LENGTH = timedelta(days=7)
ICS_DESCRIPTION = "详情见私行知己 Confidant。Details are in Confidant."


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as the calendar shows it (times aware, in UTC: show them local)."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    title: str
    starts_at: datetime
    ends_at: datetime
    channel: str
    location: str | None
    agenda: str
    status: str  # planned | held | cancelled

    def channel_name(self, lang: str = "zh") -> str:
        zh, en = CHANNEL_NAMES.get(self.channel, (self.channel, self.channel))
        return zh if lang == "zh" else en


@dataclass(frozen=True)
class MeetingSaved:
    changes: Changes
    meeting_id: uuid.UUID


def aware(moment: datetime) -> datetime:
    """An aware time; a naive one is read as the banker's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def check_times(starts_at: datetime, ends_at: datetime) -> tuple[datetime, datetime]:
    start, end = aware(starts_at), aware(ends_at)
    if end <= start:
        raise ValidationError("A meeting must end after it starts; check the end time.")
    if end - start > MAX_LENGTH:
        raise ValidationError("A meeting cannot last more than a week; check the dates.")
    return start, end


def check_channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise ValidationError(
            f"“{channel}” is not a meeting channel; use one of {', '.join(CHANNELS)}."
        )
    return channel


def _title(title: str) -> str:
    clean = clip(title, 200)
    if not clean:
        raise ValidationError("Give the meeting a title, e.g. 年度回顾 or 产品推介.")
    return clean


def _location(location: str | None) -> str | None:
    return clip(location, 200) or None if location is not None else None


def _row(m: Meeting, client_name: str) -> MeetingRow:
    return MeetingRow(
        id=m.id,
        client_id=ClientId(m.client_id),
        client_name=client_name,
        title=m.title,
        starts_at=m.starts_at,
        ends_at=m.ends_at,
        channel=m.channel,
        location=m.location,
        agenda=m.agenda,
        status=m.status,
    )


def meeting_rows(s: Session, *where: ColumnElement[bool]) -> list[MeetingRow]:
    """Live meetings matching ``where``, in order of their start."""
    stmt = (
        select(Meeting, Client.name)
        .join(Client, Client.id == Meeting.client_id)
        .where(Meeting.deleted_at.is_(None), *where)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [_row(m, name) for m, name in s.execute(stmt)]


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


# --- meeting mode's brief ---------------------------------------------------------------

LARGE_CNY = Decimal(1_000_000)
LARGE_DAYS = 90
LARGE_MAX = 10
LARGEST_FALLBACK = 5
BIRTHDAY_DAYS = 30
LAST_NOTES = 3


@dataclass(frozen=True)
class BriefTransaction:
    """A recent transaction; ``amount`` in the account's currency, ``amount_cny`` its
    absolute size in CNY at the latest rate."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    trade_date: date
    kind: str
    instrument: str | None
    amount: Decimal
    currency: str
    amount_cny: Decimal


@dataclass(frozen=True)
class MeetingBrief:
    """What meeting mode shows beside the note editor (see ``MeetingService.brief``).

    In a presentation brief ``last_notes``, ``open_tasks`` and ``birthdays`` are empty
    and ``large_transactions`` holds only the client's own."""

    client_id: ClientId
    client_name: str
    client_kind: str
    tier: str | None
    tier_name_zh: str
    tier_name_en: str
    assets_cny: Decimal
    assets_valued_at: datetime | None
    risk: CurrentRisk | None
    meeting: MeetingRow | None
    last_notes: tuple[NoteSummary, ...]
    open_tasks: tuple[TaskRow, ...]
    birthdays: tuple[Birthday, ...]
    large_transactions: tuple[BriefTransaction, ...]
    presentation: bool
    as_of: date


def build_brief(
    s: Session,
    client_id: ClientId,
    meeting: MeetingRow | None,
    risk: CurrentRisk | None,
    today: date,
    presentation: bool,
) -> MeetingBrief:
    client = live_client(s, client_id)
    family = client_and_members(s, client.id)
    tier = tier_for(client.tier)
    notes: tuple[NoteSummary, ...] = ()
    tasks: tuple[TaskRow, ...] = ()
    birthdays: tuple[Birthday, ...] = ()
    if not presentation:
        notes = tuple(summaries(s, [Note.client_id.in_(family)], LAST_NOTES))
        tasks = tuple(
            task_rows(s, [Task.status == "open", Task.client_id.in_(family)], today, None)
        )
        birthdays = coming_birthdays(s, client, family, today)
    owners = [client.id] if presentation else family
    return MeetingBrief(
        client_id=client_id,
        client_name=client.name,
        client_kind=client.kind,
        tier=client.tier,
        tier_name_zh=tier.name_zh,
        tier_name_en=tier.name_en,
        assets_cny=client.financial_assets_cny,
        assets_valued_at=client.assets_valued_at,
        risk=risk,
        meeting=meeting,
        last_notes=notes,
        open_tasks=tasks,
        birthdays=birthdays,
        large_transactions=large_transactions(s, owners, today),
        presentation=presentation,
        as_of=today,
    )


def _people_around(s: Session, client: Client, family: list[uuid.UUID]) -> list[uuid.UUID]:
    """A household's members; a person and the other members of their households."""
    if client.kind == "household":
        return family
    households = select(HouseholdMember.household_id).where(
        HouseholdMember.member_id == client.id, HouseholdMember.deleted_at.is_(None)
    )
    others = s.scalars(
        select(HouseholdMember.member_id).where(
            HouseholdMember.household_id.in_(households), HouseholdMember.deleted_at.is_(None)
        )
    )
    return list(dict.fromkeys([client.id, *others]))


def _lunar_age(birth: date | None, on: date) -> int | None:
    if birth is None:
        return None
    try:
        then = LunarDate.from_solar_date(birth.year, birth.month, birth.day)
        now = LunarDate.from_solar_date(on.year, on.month, on.day)
    except ValueError:
        return None
    return int(now.year) - int(then.year)


def _next_birthday(c: Client, today: date) -> Birthday | None:
    if c.lunar_birth_month and c.lunar_birth_day:
        try:
            on = names.next_lunar_birthday(
                c.lunar_birth_month, c.lunar_birth_day, c.lunar_birth_leap, today
            )
        except ValidationError:
            return None
        return Birthday(ClientId(c.id), c.name, on, True, _lunar_age(c.birth_date, on))
    if c.birth_date is None:
        return None
    on = next_solar_birthday(c.birth_date, today)
    return Birthday(ClientId(c.id), c.name, on, False, on.year - c.birth_date.year)


def coming_birthdays(
    s: Session, client: Client, family: list[uuid.UUID], today: date
) -> tuple[Birthday, ...]:
    """Birthdays (solar, or lunar 农历 for those who keep it) in the next 30 days."""
    people = s.scalars(
        select(Client).where(
            Client.id.in_(_people_around(s, client, family)),
            Client.kind == "person",
            Client.deleted_at.is_(None),
        )
    )
    last = today + timedelta(days=BIRTHDAY_DAYS)
    found = [b for c in people if (b := _next_birthday(c, today)) is not None and b.on <= last]
    return tuple(sorted(found, key=lambda b: (b.on, b.name)))


def large_transactions(
    s: Session, owners: list[uuid.UUID], today: date
) -> tuple[BriefTransaction, ...]:
    """The last 90 days' transactions of ``owners`` of ¥1,000,000 or more (largest
    first, at most ten); if none is that large, the five largest. A transaction in a
    currency without an FX rate cannot be sized and is left out."""
    rows = s.execute(
        select(Transaction, Account.client_id, Client.name, Instrument.name)
        .join(Account, Account.id == Transaction.account_id)
        .join(Client, Client.id == Account.client_id)
        .outerjoin(Instrument, Instrument.id == Transaction.instrument_id)
        .where(
            Account.client_id.in_(owners),
            Account.deleted_at.is_(None),
            Transaction.deleted_at.is_(None),
            Transaction.trade_date >= today - timedelta(days=LARGE_DAYS),
            Transaction.trade_date <= today,
        )
    )
    rates = latest_rates(s)
    found = []
    for t, owner, owner_name, instrument in rows:
        if t.currency != REPORTING_CURRENCY and t.currency not in rates:
            continue
        cny = quantize(abs(t.amount) * fx_rate(t.currency, rates), AMOUNT_SCALE)
        found.append(
            BriefTransaction(
                t.id,
                ClientId(owner),
                owner_name,
                t.trade_date,
                t.kind,
                instrument,
                t.amount,
                t.currency,
                cny,
            )
        )
    found.sort(key=lambda x: (-x.amount_cny, -x.trade_date.toordinal(), str(x.id)))
    large = [x for x in found if x.amount_cny >= LARGE_CNY]
    return tuple(large[:LARGE_MAX] if large else found[:LARGEST_FALLBACK])


class MeetingService:
    """Meetings of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    # --- the calendar ---------------------------------------------------------------

    def schedule(
        self,
        client_id: ClientId,
        title: str,
        starts_at: datetime,
        ends_at: datetime,
        channel: str,
        location: str | None = None,
        agenda: str = "",
    ) -> MeetingSaved:
        """Plan a meeting. A naive time is read as the banker's local time."""
        start, end = check_times(starts_at, ends_at)
        with self._ws.begin() as s:
            client = live_client(s, client_id)
            meeting = Meeting(
                client_id=client.id,
                title=_title(title),
                starts_at=start,
                ends_at=end,
                channel=check_channel(channel),
                location=_location(location),
                agenda=agenda.strip(),
                status="planned",
            )
            s.add(meeting)
            s.flush()
            self._ws.record(s, "meeting.scheduled", str(client.id), {"meeting": str(meeting.id)})
            meeting_id = meeting.id
        return MeetingSaved(_changes(client_id), meeting_id)

    def update(
        self,
        meeting_id: uuid.UUID,
        *,
        title: str | None = None,
        starts_at: datetime | None = None,
        ends_at: datetime | None = None,
        channel: str | None = None,
        location: str | None = None,
        agenda: str | None = None,
    ) -> Changes:
        """Change what is given (None leaves a field as it is; ``location=""`` clears it)."""
        with self._ws.begin() as s:
            meeting = self._meeting(s, meeting_id)
            start, end = check_times(starts_at or meeting.starts_at, ends_at or meeting.ends_at)
            values: dict[str, object] = {"starts_at": start, "ends_at": end}
            if title is not None:
                values["title"] = _title(title)
            if channel is not None:
                values["channel"] = check_channel(channel)
            if location is not None:
                values["location"] = _location(location)
            if agenda is not None:
                values["agenda"] = agenda.strip()
            changed = sorted(k for k, v in values.items() if getattr(meeting, k) != v)
            for key in changed:
                setattr(meeting, key, values[key])
            if not changed:
                return Changes()
            self._ws.record(
                s,
                "meeting.updated",
                str(meeting.client_id),
                {"meeting": str(meeting.id), "fields": changed},
            )
            return _changes(meeting.client_id)

    def cancel(self, meeting_id: uuid.UUID, reason: str = "") -> Changes:
        """Cancel the meeting (a cancelled one stays cancelled; it stays in the history)."""
        return self._set_status(meeting_id, "cancelled", reason)

    def mark_held(self, meeting_id: uuid.UUID) -> Changes:
        """Record that the meeting took place (what was said goes in its notes)."""
        return self._set_status(meeting_id, "held")

    def reopen(self, meeting_id: uuid.UUID) -> Changes:
        """Plan a cancelled meeting again."""
        return self._set_status(meeting_id, "planned")

    def get(self, meeting_id: uuid.UUID) -> MeetingRow:
        with self._ws.begin() as s:
            rows = meeting_rows(s, Meeting.id == meeting_id)
        if not rows:
            raise NotFound("That meeting is not in this vault; refresh the calendar.")
        return rows[0]

    def week(self, day: date, *, include_cancelled: bool = False) -> list[MeetingRow]:
        """The meetings that start in the local week (Monday 00:00 to Sunday 24:00)
        containing ``day``, in order."""
        monday, _ = week_of(day)
        return self._between(monday, 7, include_cancelled)

    def agenda(
        self, from_day: date, days: int = 14, *, include_cancelled: bool = False
    ) -> list[MeetingRow]:
        """The meetings that start on ``from_day`` or the ``days - 1`` local days after."""
        if days < 1:
            raise ValidationError("An agenda covers at least one day.")
        return self._between(from_day, days, include_cancelled)

    def for_client(self, client_id: ClientId, *, include_members: bool = True) -> list[MeetingRow]:
        """Every meeting with the client (and, for a household, its members), in order."""
        with self._ws.begin() as s:
            ids = client_and_members(s, client_id) if include_members else [client_id]
            return meeting_rows(s, Meeting.client_id.in_(ids))

    # --- meeting mode ---------------------------------------------------------------

    def brief(
        self, ref: uuid.UUID, today: date | None = None, *, presentation: bool = False
    ) -> MeetingBrief:
        """The client's brief for meeting mode; ``ref`` is a meeting id or a client id.

        The banker's brief (``presentation=False``): the client's name, tier, financial
        assets (CNY), risk level and its expiry, the last three notes (confidential ones
        masked), open tasks, birthdays in the next 30 days (solar or lunar; for a
        household its members', for a person also their household's other members), and
        the large transactions of the last 90 days (≥ ¥1,000,000 in CNY, at most ten;
        if none is that large, the five largest).

        The presentation brief (``presentation=True``) is what may face the client in the
        room: their own name, tier, total financial assets, risk level and expiry (their
        own profile, and an expiry they must act on), the meeting and its agenda, and the
        transactions in their own accounts. It drops everything internal — notes, tasks,
        birthdays (the banker's talking points) — and every figure about anyone else:
        other clients and, for a household, its individual members' transactions.

        Reading a brief is a use of client data and is recorded in the audit trail.
        """
        today = today or date.today()
        with self._ws.begin() as s:
            meeting = s.get(Meeting, ref)
            row: MeetingRow | None = None
            if meeting is not None and meeting.deleted_at is None:
                client_id = ClientId(meeting.client_id)
                row = _row(meeting, live_client(s, client_id).name)
            else:
                client_id = ClientId(live_client(s, ref).id)
        risk = self._ws.risk.current(client_id, today)
        with self._ws.begin() as s:
            brief = build_brief(s, client_id, row, risk, today, presentation)
            details = {"meeting": str(row.id) if row else None, "presentation": presentation}
            self._ws.record(s, "meeting.brief_viewed", str(client_id), details)
        return brief

    # --- the calendar file ----------------------------------------------------------

    def to_ics(self, meeting_id: uuid.UUID) -> bytes:
        """The meeting as an RFC 5545 calendar file (UTC times, UID = the meeting id).

        It leaves the vault, so it holds no C2 data: the client's name masked (also
        where the title repeats it), no agenda or notes, the location only for a branch
        or a video link (an office address is masked to its district; a phone number or
        WeChat id is left out). The export is recorded in the audit trail.
        """
        return self._export(meeting_id, None)

    def export_ics(self, meeting_id: uuid.UUID, path: Path) -> Path:
        """Write the ``.ics`` where the banker chose (whole or not at all), audited."""
        from app.services.risk import write_export

        data = self._export(meeting_id, path.name)
        write_export(path, data)
        return path

    def _export(self, meeting_id: uuid.UUID, file_name: str | None) -> bytes:
        with self._ws.begin() as s:
            meeting = self._meeting(s, meeting_id)
            family = client_and_members(s, meeting.client_id)
            found = {
                i: n
                for i, n in s.execute(select(Client.id, Client.name).where(Client.id.in_(family)))
            }
            people = [found[i] for i in family if i in found]
            data = meeting_ics(_row(meeting, people[0]), people, meeting.updated_at)
            self._ws.record(
                s,
                "meeting.exported",
                str(meeting.client_id),
                {"meeting": str(meeting.id), "format": "ics", "file": file_name},
            )
        return data

    # --- helpers --------------------------------------------------------------------

    def _between(self, first: date, days: int, include_cancelled: bool) -> list[MeetingRow]:
        start = local_midnight(first)
        end = local_midnight(first + timedelta(days=days))
        where = [Meeting.starts_at >= start, Meeting.starts_at < end]
        if not include_cancelled:
            where.append(Meeting.status != "cancelled")
        with self._ws.begin() as s:
            return meeting_rows(s, *where)

    def _set_status(self, meeting_id: uuid.UUID, status: str, reason: str = "") -> Changes:
        with self._ws.begin() as s:
            meeting = self._meeting(s, meeting_id)
            if meeting.status == status:
                return Changes()
            if status == "held" and meeting.status == "cancelled":
                raise ValidationError(
                    "This meeting was cancelled; reopen it before marking it held."
                )
            meeting.status = status
            details = {"meeting": str(meeting.id), "status": status}
            if reason:
                details["reason"] = reason
            self._ws.record(s, "meeting.status_changed", str(meeting.client_id), details)
            return _changes(meeting.client_id)

    def _meeting(self, s: Session, meeting_id: uuid.UUID) -> Meeting:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None or meeting.deleted_at is not None:
            raise NotFound("That meeting is not in this vault; refresh the calendar.")
        return meeting


# --- the calendar file ------------------------------------------------------------------


def _mask_names(text: str, names: Sequence[str]) -> str:
    """``text`` with every occurrence of the given names masked (longest name first)."""
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        text = text.replace(name, masking.mask_name(name))
    return text


def _ics_location(meeting: MeetingRow, names: Sequence[str]) -> str | None:
    if not meeting.location or meeting.channel in ("phone", "wechat"):
        return None  # a phone number or a WeChat id is the client's contact detail (C2)
    if meeting.channel == "client_office":
        return masking.mask_address(_mask_names(meeting.location, names))
    return _mask_names(meeting.location, names)


def meeting_ics(
    meeting: MeetingRow, names: Sequence[str], modified: datetime, now: datetime | None = None
) -> bytes:
    """RFC 5545 bytes (CRLF lines, folded at 75 octets) for one meeting.

    Args:
        names: the client's name first, then any other names to mask (a household's
            members), wherever they appear in the title or location.
    """
    from icalendar import Calendar, Event

    zh, en = CHANNEL_NAMES.get(meeting.channel, (meeting.channel, meeting.channel))
    event = Event()
    event.add("uid", str(meeting.id))
    event.add("dtstamp", (now or utc_now()).astimezone(UTC))
    event.add("last-modified", modified.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    title = _mask_names(meeting.title, names)
    event.add("summary", f"{title} · {masking.mask_name(names[0])}")
    location = _ics_location(meeting, names)
    if location:
        event.add("location", location)
    event.add("description", f"{zh} / {en}. {ICS_DESCRIPTION}")
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    event.add("class", "PRIVATE")
    calendar = Calendar()
    calendar.add("prodid", "-//Confidant//Confidant meetings//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def _changes(client_id: uuid.UUID) -> Changes:
    return Changes(meetings=True, client_ids=frozenset({ClientId(client_id)}))


__all__ = [
    "CHANNELS",
    "CHANNEL_NAMES",
    "STATUSES",
    "BriefTransaction",
    "MeetingBrief",
    "MeetingRow",
    "MeetingSaved",
    "MeetingService",
    "meeting_ics",
    "week_of",
]
