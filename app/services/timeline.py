"""A client's timeline: everything that happened with them, newest first, in one stream.

Why: before a call the banker scrolls one list — meetings, notes, contacts, tasks,
transactions, risk assessments, documents handed over and complaints — instead of eight
tabs. Each kind is one indexed query cut at ``limit``; the streams are merged in Python.

Decisions:

- A household's timeline holds the household's own rows and its members' (meeting the
  wife is meeting the family); each item names whose it is. A person's timeline holds
  the person's own rows only.
- Where a row has a day but no time (a transaction's trade date, a complaint's receipt,
  a task's due date), it is placed at the start of that local day.
- A task is placed at its completion when done, else at its due day, else when it was
  last changed; planned meetings and tasks due later sit at the top (the future first).
- Documents: there is no documents table yet, so the documents are the risk assessment
  records exported as PDF, from the audit trail (``risk.document_exported``).
- Confidential notes are masked (title "机密笔记 / Confidential note", no detail).
"""

from __future__ import annotations

import heapq
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.domain import note_markup
from app.domain import risk_profile as rp
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.services.book import local_day, local_midnight
from app.services.notes import display_title
from app.services.tasks import client_and_members, clip, live_client
from app.vault.models import (
    Account,
    AuditEvent,
    Client,
    Complaint,
    Instrument,
    Interaction,
    Meeting,
    Note,
    RiskAssessment,
    Task,
    Transaction,
)

if TYPE_CHECKING:
    from app.services.workspace import Workspace

KINDS = (
    "meeting",
    "note",
    "interaction",
    "task",
    "transaction",
    "assessment",
    "document",
    "complaint",
)
KIND_NAMES = {
    "meeting": ("会面", "Meeting"),
    "note": ("笔记", "Note"),
    "interaction": ("联络", "Contact"),
    "task": ("任务", "Task"),
    "transaction": ("交易", "Transaction"),
    "assessment": ("风险测评", "Risk assessment"),
    "document": ("文件", "Document"),
    "complaint": ("投诉", "Complaint"),
}
CHANNEL_WORDS = {
    "phone": "电话",
    "email": "邮件",
    "wechat": "微信",
    "sms": "短信",
    "visit": "拜访",
    "event": "活动",
    "branch": "网点",
    "client_office": "客户办公室",
    "video": "视频会议",
}
TRANSACTION_WORDS = {
    "buy": "买入",
    "sell": "卖出",
    "subscription": "申购",
    "redemption": "赎回",
    "dividend": "分红",
    "interest": "利息",
    "fee": "费用",
    "transfer_in": "转入",
    "transfer_out": "转出",
}
DETAIL_MAX = 200
DIRECTION_WORDS = {"inbound": "来电/来访", "outbound": "主动联系"}
STATUS_WORDS = {
    "planned": "计划中",
    "held": "已举行",
    "cancelled": "已取消",
    "open": "待办",
    "done": "已完成",
    "in_progress": "处理中",
    "resolved": "已解决",
}


@dataclass(frozen=True)
class TimelineItem:
    """One event in a client's timeline, ``at`` in UTC; ``ref_id`` is the row's id (for a
    document, the assessment's), ``status`` the row's state where it has one."""

    kind: str
    at: datetime
    title: str
    detail: str
    ref_id: uuid.UUID
    client_id: ClientId
    client_name: str
    status: str | None = None


@dataclass
class _Query:
    """What every kind's query gets: the owners, the cut-off and the row limit."""

    s: Session
    owners: list[uuid.UUID]
    names: dict[uuid.UUID, str]
    before: datetime | None
    limit: int

    def item(self, kind: str, at: datetime, title: str, detail: str, **kw: Any) -> TimelineItem:
        owner = kw.pop("owner")
        return TimelineItem(
            kind,
            at.astimezone(UTC),
            title,
            detail,
            kw.pop("ref"),
            ClientId(owner),
            self.names[owner],
            **kw,
        )

    def time_cut(self, column: Any) -> list[ColumnElement[bool]]:
        return [] if self.before is None else [column < self.before]

    def day_cut(self, column: Any) -> list[ColumnElement[bool]]:
        # Rows of the cut-off's own day may still fall before it: refined in ``_before``.
        return [] if self.before is None else [column <= local_day(self.before)]


def _word(table: dict[str, str], key: str | None) -> str:
    return table.get(key or "", key or "")


def _meetings(q: _Query) -> Iterable[TimelineItem]:
    rows = q.s.scalars(
        select(Meeting)
        .where(
            Meeting.client_id.in_(q.owners),
            Meeting.deleted_at.is_(None),
            *q.time_cut(Meeting.starts_at),
        )
        .order_by(Meeting.starts_at.desc())
        .limit(q.limit)
    )
    for m in rows:
        place = " · ".join(p for p in (_word(CHANNEL_WORDS, m.channel), m.location) if p)
        yield q.item(
            "meeting", m.starts_at, m.title, place, ref=m.id, owner=m.client_id, status=m.status
        )


def _notes(q: _Query) -> Iterable[TimelineItem]:
    rows = q.s.scalars(
        select(Note)
        .where(
            Note.client_id.in_(q.owners), Note.deleted_at.is_(None), *q.time_cut(Note.written_at)
        )
        .order_by(Note.written_at.desc())
        .limit(q.limit)
    )
    for n in rows:
        detail = "" if n.confidential else note_markup.snippet(n.body)
        title = display_title(n.title, n.confidential)
        yield q.item("note", n.written_at, title, detail, ref=n.id, owner=n.client_id)


def _interactions(q: _Query) -> Iterable[TimelineItem]:
    rows = q.s.scalars(
        select(Interaction)
        .where(
            Interaction.client_id.in_(q.owners),
            Interaction.deleted_at.is_(None),
            *q.time_cut(Interaction.at),
        )
        .order_by(Interaction.at.desc())
        .limit(q.limit)
    )
    for i in rows:
        title = f"{_word(CHANNEL_WORDS, i.channel)} · {_word(DIRECTION_WORDS, i.direction)}"
        yield q.item(
            "interaction", i.at, title, clip(i.summary, DETAIL_MAX), ref=i.id, owner=i.client_id
        )


def _task_at(t: Task) -> datetime:
    if t.status == "done" and t.completed_at is not None:
        return t.completed_at
    if t.due_on is not None:
        return local_midnight(t.due_on)
    return t.updated_at


def _tasks(q: _Query) -> Iterable[TimelineItem]:
    # Few tasks a client: read them all, place each, and let the merge cut them.
    rows = q.s.scalars(select(Task).where(Task.client_id.in_(q.owners), Task.deleted_at.is_(None)))
    for t in rows:
        due = f"截止 {t.due_on.isoformat()}" if t.due_on else ""
        detail = " · ".join(p for p in (t.owner, due) if p)
        yield q.item(
            "task", _task_at(t), t.title, detail, ref=t.id, owner=t.client_id, status=t.status
        )


def _transactions(q: _Query) -> Iterable[TimelineItem]:
    rows = q.s.execute(
        select(Transaction, Account.client_id, Instrument.name)
        .join(Account, Account.id == Transaction.account_id)
        .outerjoin(Instrument, Instrument.id == Transaction.instrument_id)
        .where(
            Account.client_id.in_(q.owners),
            Account.deleted_at.is_(None),
            Transaction.deleted_at.is_(None),
            *q.day_cut(Transaction.trade_date),
        )
        .order_by(Transaction.trade_date.desc())
        .limit(q.limit)
    )
    for t, owner, instrument in rows:
        title = " · ".join(p for p in (_word(TRANSACTION_WORDS, t.kind), instrument) if p)
        detail = f"{t.amount:,.2f} {t.currency}"
        yield q.item(
            "transaction", local_midnight(t.trade_date), title, detail, ref=t.id, owner=owner
        )


def _assessments(q: _Query) -> Iterable[TimelineItem]:
    rows = q.s.scalars(
        select(RiskAssessment)
        .where(
            RiskAssessment.client_id.in_(q.owners),
            RiskAssessment.deleted_at.is_(None),
            *q.time_cut(RiskAssessment.assessed_at),
        )
        .order_by(RiskAssessment.assessed_at.desc())
        .limit(q.limit)
    )
    for r in rows:
        title = f"{rp.level_code(r.level)} {rp.level_name(r.level, 'zh', r.lowest_class)}"
        detail = f"有效期至 {r.expires_on.isoformat()} · {r.document_number}"
        yield q.item("assessment", r.assessed_at, title, detail, ref=r.id, owner=r.client_id)


def _documents(q: _Query) -> Iterable[TimelineItem]:
    rows = q.s.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.action == "risk.document_exported",
            AuditEvent.subject.in_([str(o) for o in q.owners]),
            *q.time_cut(AuditEvent.at),
        )
        .order_by(AuditEvent.seq.desc())
        .limit(q.limit)
    )
    for e in rows:
        details = json.loads(e.details or "{}")
        try:
            ref = uuid.UUID(details.get("assessment", ""))
        except ValueError:
            continue
        title = "风险测评记录 PDF"
        detail = str(details.get("file") or "")
        yield q.item("document", e.at, title, detail, ref=ref, owner=uuid.UUID(e.subject))


def _complaints(q: _Query) -> Iterable[TimelineItem]:
    rows = q.s.scalars(
        select(Complaint)
        .where(
            Complaint.client_id.in_(q.owners),
            Complaint.deleted_at.is_(None),
            *q.day_cut(Complaint.received_on),
        )
        .order_by(Complaint.received_on.desc())
        .limit(q.limit)
    )
    for c in rows:
        title = f"{c.category} · {c.reference}"
        text = c.resolution if c.status == "resolved" and c.resolution else c.description
        detail = clip(text, DETAIL_MAX)
        at = local_midnight(c.received_on)
        yield q.item("complaint", at, title, detail, ref=c.id, owner=c.client_id, status=c.status)


_SOURCES: dict[str, Callable[[_Query], Iterable[TimelineItem]]] = {
    "meeting": _meetings,
    "note": _notes,
    "interaction": _interactions,
    "task": _tasks,
    "transaction": _transactions,
    "assessment": _assessments,
    "document": _documents,
    "complaint": _complaints,
}


def _order(item: TimelineItem) -> tuple[float, str, str]:
    return (-item.at.timestamp(), item.kind, str(item.ref_id))


def check_kinds(kinds: Iterable[str] | None) -> Sequence[str]:
    if kinds is None:
        return KINDS
    chosen = set(kinds)
    unknown = chosen - set(KINDS)
    if unknown:
        raise ValidationError(
            f"Unknown timeline filter {', '.join(sorted(unknown))}; use {', '.join(KINDS)}."
        )
    return [k for k in KINDS if k in chosen]


class TimelineService:
    """Client timelines; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def for_client(
        self,
        client_id: ClientId,
        kinds: set[str] | frozenset[str] | None = None,
        limit: int = 200,
        before: datetime | None = None,
    ) -> list[TimelineItem]:
        """The newest ``limit`` items (strictly before ``before``, for the next page) of
        the chosen ``kinds`` (None: all of ``KINDS``), newest first."""
        chosen = check_kinds(kinds)
        if limit < 1:
            return []
        with self._ws.begin() as s:
            live_client(s, client_id)
            owners = client_and_members(s, client_id)
            names = {
                i: n
                for i, n in s.execute(select(Client.id, Client.name).where(Client.id.in_(owners)))
            }
            q = _Query(s, owners, names, before, limit)
            streams = [sorted(_SOURCES[k](q), key=_order) for k in chosen]
        merged = heapq.merge(*streams, key=_order)
        items = (i for i in merged if before is None or i.at < before)
        return [item for _, item in zip(range(limit), items, strict=False)]


def day_of(item: TimelineItem) -> date:
    """The banker's local day of an item (to group the stream under day headings)."""
    return local_day(item.at)


__all__ = ["KINDS", "KIND_NAMES", "TimelineItem", "TimelineService", "check_kinds", "day_of"]
