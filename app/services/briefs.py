"""The meeting brief: what the banker should know walking into a meeting with a client.

``BriefService.document`` gathers the facts straight from the vault (the client with
identifiers masked, the portfolio, the risk level, the last three notes, the open tasks,
large transactions, birthdays and other dates worth a greeting, the meeting) and derives
the talking points by simple rules (``talking_points``); ``render`` lays them out as a
PDF (``app.reports.brief``) and ``export`` writes it where the banker asks, whole or
not at all, and records the export in the audit trail.

A confidential note keeps its secret: the brief says only that there is one.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from app.domain import names
from app.domain import portfolio as calc
from app.domain import risk_profile as rp
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.masking import mask_id_number, mask_mobile
from app.domain.money import AMOUNT_SCALE, quantize
from app.reports.brief import (
    BriefDocument,
    BriefMeeting,
    BriefNote,
    BriefTask,
    BriefTransaction,
    page_count,
    render_brief,
)
from app.reports.page import Lang
from app.services.config import tier_table
from app.services.home import next_solar_birthday
from app.services.portfolio import latest_rates
from app.services.risk import RESIDENT_ID, client_age, write_export
from app.services.talking_points import (
    LARGE_CNY,
    TRANSACTION_KINDS,
    CareLine,
    MoneyMove,
    named,
    risk_status,
    risk_status_text,
    short_date,
    talking_points,
    word,
)
from app.vault.models import (
    Account,
    CareDate,
    Client,
    HouseholdMember,
    IdentityDocument,
    Instrument,
    Meeting,
    Note,
    Task,
    Transaction,
)
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

NOTES = 3
TRANSACTION_DAYS = 90
LARGEST = 5  # shown when no transaction reaches LARGE_CNY
CARE_DAYS = 30
LANGS: tuple[Lang, ...] = ("zh", "en")
PERFORMANCE_PERIODS = ("YTD", "1Y")
HOUSEHOLD = "household"  # assessed member by member, never as a whole

ASSET_CLASSES = {
    "cash": ("现金", "Cash"),
    "fixed_income": ("固定收益", "Fixed income"),
    "equity": ("权益", "Equity"),
    "alternative": ("另类", "Alternatives"),
    "commodity": ("商品", "Commodities"),
    "insurance": ("保险", "Insurance"),
}
CHANNELS = {
    "branch": ("网点", "Branch"),
    "client_office": ("客户办公室", "Client's office"),
    "phone": ("电话", "Phone"),
    "video": ("视频", "Video call"),
    "wechat": ("微信", "WeChat"),
}
PRIORITIES = {"high": ("高", "High"), "normal": ("中", "Normal"), "low": ("低", "Low")}
CONFIDENTIAL_TITLE = ("机密笔记", "Confidential note")
PERIOD_NAMES = {"YTD": ("今年以来收益", "Return YTD"), "1Y": ("近一年收益", "Return, 1 year")}


_MARKUP = (
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE), ""),  # headings
    (re.compile(r"^\s*[-*]\s+", re.MULTILINE), ""),  # list items
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),  # bold
)


def plain_text(body: str) -> str:
    """A note's body without its small markup (``# ``, ``- ``, ``**bold**``), one line."""
    text = body
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def agenda_items(agenda: str) -> str:
    """The agenda's items, one a line, without headings or markup."""
    lines = (line for line in agenda.splitlines() if not _HEADING.match(line))
    return "\n".join(item for line in lines if (item := plain_text(line)))


@dataclass(frozen=True)
class BriefFile:
    """What ``write`` put on disk."""

    path: Path
    document_number: str
    bytes: int
    pages: int
    sha256: str


class BriefService:
    """Meeting briefs of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def document(
        self,
        client_id: ClientId,
        lang: str = "zh",
        meeting_id: uuid.UUID | None = None,
        today: date | None = None,
        *,
        now: datetime | None = None,
    ) -> BriefDocument:
        """The brief's facts for ``client_id`` in ``lang`` ("zh" or "en").

        Args:
            meeting_id: a meeting with this client, shown at the top.
            today: the day the brief is for (default: the banker's local date).
            now: the moment it is generated (default: now); with ``today`` and the vault,
                it decides the document number, so the same inputs give the same brief.

        Raises:
            NotFound: no such client, or the meeting is not one of this client's.
            ValidationError: an unknown language.
        """
        language = _language(lang)
        now = now or utc_now()
        today = today or now.astimezone().date()
        with self._ws.begin() as s:
            client = _client(s, client_id)
            facts = _ClientFacts.read(s, client, today, language)
            household = client.kind == HOUSEHOLD
            notes = _notes(s, client_id, language)
            tasks = _tasks(s, client_id, today, language)
            meeting = _meeting(s, client_id, meeting_id, language) if meeting_id else None
            transactions = _transactions(s, client_id, today)
            care = _care(s, client, today, language)
        summary = self._ws.portfolio.summary(client_id)
        risk = self._ws.risk.current(client_id, today)
        performance = self._performance(client_id, today, language)
        large = _large(transactions)
        points = talking_points(
            language,
            risk=risk,
            household=household,
            tasks=tasks,
            transactions=transactions,
            summary=summary,
            concentration=self._ws.portfolio.concentration(client_id, summary),
            care=care,
        )
        return BriefDocument(
            lang=language,
            document_number=_document_number(client_id, now, language, meeting_id),
            generated_at=now.astimezone(),
            as_of=today,
            banker=self._ws.banker.display_name(),
            client_name=client.name,
            client_masked_id=facts.masked_id,
            client_masked_mobile=facts.masked_mobile,
            tier_name=facts.tier_name,
            relationship_manager=client.relationship_manager or "",
            age=facts.age,
            total_assets_cny=summary.total_cny,
            at_bank_cny=summary.at_bank_cny,
            cash_cny=summary.cash_cny,
            by_asset_class=tuple(
                (named(ASSET_CLASSES, key, language), value)
                for key, value in summary.by_asset_class.items()
            ),
            performance=performance,
            risk_level_code=risk.code if risk else None,
            risk_level_name=risk.name(language) if risk else "",
            risk_expires_on=risk.expires_on if risk else None,
            risk_status=risk_status(risk, household),
            risk_status_text=risk_status_text(risk, language, household),
            notes=notes,
            tasks=tasks,
            care_lines=tuple(c.line for c in care),
            large_transactions=tuple(
                BriefTransaction(
                    t.on, named(TRANSACTION_KINDS, t.kind, language), t.instrument, t.amount_cny
                )
                for t in large
            ),
            talking_points=points,
            meeting=meeting,
            occupation=" · ".join(p for p in (client.occupation, client.employer) if p),
        )

    def render(
        self,
        client_id: ClientId,
        lang: str = "zh",
        meeting_id: uuid.UUID | None = None,
        *,
        today: date | None = None,
        now: datetime | None = None,
    ) -> bytes:
        """The brief as PDF bytes (nothing is written to disk)."""
        return render_brief(self.document(client_id, lang, meeting_id, today, now=now))

    def export(
        self,
        client_id: ClientId,
        path: Path,
        lang: str = "zh",
        meeting_id: uuid.UUID | None = None,
        *,
        today: date | None = None,
        now: datetime | None = None,
    ) -> Path:
        """Write the brief to ``path`` (whole or not at all) and record the export."""
        doc = self.document(client_id, lang, meeting_id, today, now=now)
        return self.write(client_id, doc, path, meeting_id).path

    def write(
        self,
        client_id: ClientId,
        doc: BriefDocument,
        path: Path,
        meeting_id: uuid.UUID | None = None,
    ) -> BriefFile:
        """Render ``doc``, write it to ``path`` whole or not at all, and audit the export.

        Raises:
            ValidationError: the folder is missing or not writable, or the disk is full;
                nothing was written.
        """
        data = render_brief(doc)
        digest = hashlib.sha256(data).hexdigest()
        write_export(path, data)
        with self._ws.begin() as s:
            self._ws.record(
                s,
                "brief.exported",
                str(client_id),
                {
                    "file": path.name,
                    "bytes": len(data),
                    "sha256": digest,
                    "document_number": doc.document_number,
                    "lang": doc.lang,
                    "meeting": str(meeting_id) if meeting_id else None,
                },
            )
        return BriefFile(path, doc.document_number, len(data), page_count(data), digest)

    def _performance(
        self, client_id: ClientId, today: date, lang: Lang
    ) -> tuple[tuple[str, str], ...]:
        """Time-weighted returns this year and over a year, where the history has them."""
        table = {f.period: f for f in self._ws.portfolio.performance_table(client_id, today)}
        lines = []
        for period in PERFORMANCE_PERIODS:
            found = table.get(period)
            if found is None or found.twr is None:
                continue
            value = f"{found.twr * 100:+.2f}%"
            if found.reconstructed:
                value += "*"
            lines.append((word(PERIOD_NAMES[period], lang), value))
        return tuple(lines)


# --- reading the vault ---------------------------------------------------------------


def _language(lang: str) -> Lang:
    for known in LANGS:
        if lang == known:
            return known
    raise ValidationError(f"A brief is written in zh or en, not {lang!r}; choose one of them.")


def _client(s: Session, client_id: ClientId) -> Client:
    client = s.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound("That client is not in this vault; check `confidant clients list`.")
    return client


@dataclass(frozen=True)
class _ClientFacts:
    masked_id: str
    masked_mobile: str
    tier_name: str
    age: int | None

    @classmethod
    def read(cls, s: Session, client: Client, today: date, lang: Lang) -> _ClientFacts:
        number = s.scalar(
            select(IdentityDocument.number)
            .where(IdentityDocument.client_id == client.id, IdentityDocument.deleted_at.is_(None))
            .order_by(
                case((IdentityDocument.doc_type == RESIDENT_ID, 0), else_=1),
                IdentityDocument.doc_type,
            )
            .limit(1)
        )
        tier_name = ""
        if client.tier:
            try:
                tier = tier_table().by_code(client.tier)
                tier_name = tier.name_zh if lang == "zh" else tier.name_en
            except KeyError:
                tier_name = client.tier
        return cls(
            masked_id=mask_id_number(number) if number else "",
            masked_mobile=mask_mobile(client.mobile) if client.mobile else "",
            tier_name=tier_name,
            age=client_age(s, client, today),
        )


def _notes(s: Session, client_id: ClientId, lang: Lang) -> tuple[BriefNote, ...]:
    rows = s.scalars(
        select(Note)
        .where(Note.client_id == client_id, Note.deleted_at.is_(None))
        .order_by(Note.written_at.desc(), Note.id.desc())
        .limit(NOTES)
    )
    return tuple(
        BriefNote(n.written_at.astimezone(), word(CONFIDENTIAL_TITLE, lang), "", True)
        if n.confidential
        else BriefNote(n.written_at.astimezone(), n.title, plain_text(n.body))
        for n in rows
    )


def _tasks(s: Session, client_id: ClientId, today: date, lang: Lang) -> tuple[BriefTask, ...]:
    """Open tasks, soonest due first (overdue ones come first, no due date last)."""
    rank = case((Task.priority == "high", 0), (Task.priority == "normal", 1), else_=2)
    rows = s.scalars(
        select(Task)
        .where(Task.client_id == client_id, Task.status == "open", Task.deleted_at.is_(None))
        .order_by(Task.due_on.is_(None), Task.due_on, rank, Task.title, Task.id)
    )
    return tuple(
        BriefTask(
            title=t.title,
            due_on=t.due_on,
            priority=named(PRIORITIES, t.priority, lang),
            owner=t.owner,
            overdue=t.due_on is not None and t.due_on < today,
        )
        for t in rows
    )


def _meeting(s: Session, client_id: ClientId, meeting_id: uuid.UUID, lang: Lang) -> BriefMeeting:
    row = s.get(Meeting, meeting_id)
    if row is None or row.deleted_at is not None or row.client_id != client_id:
        raise NotFound("That meeting is not one of this client's; choose it from the calendar.")
    return BriefMeeting(
        title=row.title,
        starts_at=row.starts_at.astimezone(),
        channel=named(CHANNELS, row.channel, lang),
        location=row.location or "",
        agenda=agenda_items(row.agenda),
    )


def _owners(s: Session, client_id: ClientId) -> list[uuid.UUID]:
    """The client and, for a household, its members (whose accounts it holds)."""
    members = s.scalars(
        select(HouseholdMember.member_id).where(
            HouseholdMember.household_id == client_id, HouseholdMember.deleted_at.is_(None)
        )
    )
    return [client_id, *members]


def _transactions(s: Session, client_id: ClientId, today: date) -> list[MoneyMove]:
    """The client's transactions of the last 90 days (today included), in CNY."""
    rates = latest_rates(s)
    rows = s.execute(
        select(Transaction, Instrument.name)
        .join(Account, Account.id == Transaction.account_id)
        .outerjoin(Instrument, Instrument.id == Transaction.instrument_id)
        .where(
            Account.client_id.in_(_owners(s, client_id)),
            Account.deleted_at.is_(None),
            Transaction.deleted_at.is_(None),
            Transaction.trade_date > today - timedelta(days=TRANSACTION_DAYS),
            Transaction.trade_date <= today,
        )
    ).all()
    return [
        MoneyMove(
            t.trade_date,
            t.kind,
            name or "",
            quantize(abs(t.amount) * calc.fx_rate(t.currency, rates), AMOUNT_SCALE),
        )
        for t, name in rows
    ]


def _large(transactions: Sequence[MoneyMove]) -> list[MoneyMove]:
    """Those of 1,000,000 CNY or more, else the five largest; newest first."""
    by_size = sorted(transactions, key=lambda t: (-t.amount_cny, t.on, t.kind, t.instrument))
    large = [t for t in by_size if t.amount_cny >= LARGE_CNY] or by_size[:LARGEST]
    return sorted(large, key=lambda t: (t.on, t.amount_cny), reverse=True)


def _birthday(client: Client, today: date, lang: Lang) -> CareLine | None:
    """The client's next birthday (lunar for those who keep it) within 30 days."""
    last = today + timedelta(days=CARE_DAYS)
    lunar = bool(client.lunar_birth_month and client.lunar_birth_day)
    on: date | None = None
    if client.lunar_birth_month and client.lunar_birth_day:
        try:
            on = names.next_lunar_birthday(
                client.lunar_birth_month, client.lunar_birth_day, client.lunar_birth_leap, today
            )
        except ValidationError:
            on = None
    elif client.birth_date is not None:
        on = next_solar_birthday(client.birth_date, today)
    if on is None or on > last:
        return None
    born = client.birth_date
    age = rp.age_on(born, on) if born is not None and born <= on else None
    day = short_date(on, lang)
    if lang == "zh":
        kind = "农历生日" if lunar else "生日"
        line = f"{day}{kind}" + (f"（{age}岁）" if age is not None else "")
        point = f"{day}是客户{kind}" + (f"（{age}岁）" if age is not None else "") + "：送上祝福"
    else:
        kind = "lunar birthday" if lunar else "birthday"
        line = f"{kind.capitalize()} {day}" + (f" (turns {age})" if age is not None else "")
        point = f"{kind.capitalize()} on {day}" + (f" (turns {age})" if age is not None else "")
        point += ": send greetings"
    return CareLine(on, line, point)


def _care(s: Session, client: Client, today: date, lang: Lang) -> list[CareLine]:
    """The birthday and other dates worth a greeting within 30 days, soonest first."""
    last = today + timedelta(days=CARE_DAYS)
    found: list[CareLine] = []
    birthday = _birthday(client, today, lang)
    if birthday is not None:
        found.append(birthday)
    rows = s.scalars(
        select(CareDate)
        .where(CareDate.client_id == client.id, CareDate.deleted_at.is_(None))
        .order_by(CareDate.on, CareDate.label)
    )
    for row in rows:
        on = next_solar_birthday(row.on, today) if row.recurs else row.on
        if not today <= on <= last:
            continue
        day = short_date(on, lang)
        if lang == "zh":
            found.append(CareLine(on, f"{day}{row.label}", f"{day}{row.label}：致以问候"))
        else:
            found.append(
                CareLine(on, f"{row.label} {day}", f"{row.label} on {day}: send greetings")
            )
    found.sort(key=lambda c: c.on)
    return found


def _document_number(
    client_id: ClientId, now: datetime, lang: Lang, meeting_id: uuid.UUID | None
) -> str:
    """MB-YYYYMMDD-XXXXXXXX: the local day, then a digest of who, when and how (unique
    without a central counter, and the same for the same inputs)."""
    seed = f"{client_id}|{now.isoformat()}|{lang}|{meeting_id or ''}"
    digest = hashlib.sha256(seed.encode()).hexdigest()[:8].upper()
    return f"MB-{now.astimezone():%Y%m%d}-{digest}"
