"""Tasks: the promises a banker keeps — from a note's action items or typed in.

Why: a promise made in a meeting ("I'll send you the factsheet by Friday") must not live
only in the note. A task has an owner, a due date and a priority; the Tasks view shows
today's, the overdue and this week's, and a task can be completed wherever it shows
(the Tasks view, the meeting brief, a client's timeline), so ``complete`` and ``reopen``
take only the task's id and are idempotent.

Days are the banker's local calendar days; "this week" runs from today to Sunday (the
overdue are their own view, so a week's list does not repeat them). A household's open
tasks include its members' (a promise to the wife is a promise to the family).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.note_markup import PRIORITIES
from app.services.changes import Changes
from app.vault.models import Client, HouseholdMember, Note, Task
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

VIEWS = ("today", "overdue", "week", "open")
TITLE_MAX = 300
OWNER_MAX = 60


@dataclass(frozen=True)
class TaskRow:
    """One task as lists show it; ``overdue`` is against the ``today`` it was read for."""

    id: uuid.UUID
    title: str
    owner: str
    due_on: date | None
    priority: str  # high | normal | low
    status: str  # open | done
    completed_at: datetime | None
    client_id: ClientId | None
    client_name: str | None
    note_id: uuid.UUID | None
    overdue: bool

    @property
    def done(self) -> bool:
        return self.status == "done"


@dataclass(frozen=True)
class TaskSaved:
    changes: Changes
    task_id: uuid.UUID


# --- helpers shared by the relationship services --------------------------------------


def client_and_members(s: Session, client_id: uuid.UUID) -> list[uuid.UUID]:
    """The client, and for a household its live members (the household first)."""
    members = s.scalars(
        select(HouseholdMember.member_id).where(
            HouseholdMember.household_id == client_id, HouseholdMember.deleted_at.is_(None)
        )
    )
    return [client_id, *members]


def live_client(s: Session, client_id: uuid.UUID) -> Client:
    client = s.get(Client, client_id)
    if client is None or client.deleted_at is not None:
        raise NotFound("That client is not in this vault; pick the client from the book again.")
    return client


def check_priority(priority: str) -> str:
    value = (priority or "normal").strip().lower()
    if value not in PRIORITIES:
        raise ValidationError(f"Priority “{priority}” is not one of high, normal, low; pick one.")
    return value


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…"."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def new_task(
    title: str,
    owner: str,
    due_on: date | None,
    priority: str,
    client_id: uuid.UUID | None,
    note_id: uuid.UUID | None,
) -> Task:
    """A validated, unsaved task row."""
    clean = clip(title, TITLE_MAX)
    if not clean:
        raise ValidationError("A task needs a title: say what is to be done.")
    who = clip(owner, OWNER_MAX)
    if not who:
        raise ValidationError("A task needs an owner: name who will do it.")
    return Task(
        title=clean,
        owner=who,
        due_on=due_on,
        priority=check_priority(priority),
        status="open",
        client_id=client_id,
        note_id=note_id,
    )


def _priority_rank() -> ColumnElement[int]:
    return case({"high": 0, "normal": 1, "low": 2}, value=Task.priority, else_=1)


def task_rows(s: Session, where: Sequence[Any], today: date, limit: int | None) -> list[TaskRow]:
    """Live tasks matching ``where``: due first (soonest first, undated last), then by
    priority and title."""
    stmt = (
        select(Task, Client.name)
        .outerjoin(Client, Client.id == Task.client_id)
        .where(Task.deleted_at.is_(None), *where)
        .order_by(Task.due_on.is_(None), Task.due_on, _priority_rank(), Task.title, Task.id)
        .limit(limit)
    )
    return [_row(t, name, today) for t, name in s.execute(stmt)]


def _row(t: Task, client_name: str | None, today: date) -> TaskRow:
    return TaskRow(
        id=t.id,
        title=t.title,
        owner=t.owner,
        due_on=t.due_on,
        priority=t.priority,
        status=t.status,
        completed_at=t.completed_at,
        client_id=ClientId(t.client_id) if t.client_id else None,
        client_name=client_name,
        note_id=t.note_id,
        overdue=t.status == "open" and t.due_on is not None and t.due_on < today,
    )


def _view_clause(kind: str, today: date) -> list[ColumnElement[bool]]:
    is_open = Task.status == "open"
    if kind == "today":
        return [is_open, Task.due_on == today]
    if kind == "overdue":
        return [is_open, Task.due_on < today]
    if kind == "week":
        sunday = today + timedelta(days=6 - today.weekday())
        return [is_open, Task.due_on >= today, Task.due_on <= sunday]
    if kind == "open":
        return [is_open]
    raise ValidationError(f"Unknown task view “{kind}”; use one of {', '.join(VIEWS)}.")


class TaskService:
    """Tasks of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def add(
        self,
        title: str,
        owner: str = "",
        due_on: date | None = None,
        priority: str = "normal",
        client_id: ClientId | None = None,
        note_id: uuid.UUID | None = None,
    ) -> TaskSaved:
        """A new open task; ``owner`` defaults to the banker using the app."""
        with self._ws.begin() as s:
            if client_id is not None:
                live_client(s, client_id)
            if note_id is not None:
                note = s.get(Note, note_id)
                if note is None or note.deleted_at is not None:
                    raise NotFound("That note is not in this vault; open it again.")
                client_id = client_id or ClientId(note.client_id)
            task = new_task(title, owner or self._ws.actor, due_on, priority, client_id, note_id)
            s.add(task)
            s.flush()
            self._ws.record(s, "task.created", str(task.id), _subject(client_id))
            task_id = task.id
        return TaskSaved(_changes(client_id), task_id)

    def complete(self, task_id: uuid.UUID) -> Changes:
        """Mark the task done (a done task stays done: nothing changes, nothing is returned)."""
        with self._ws.begin() as s:
            task = self._task(s, task_id)
            if task.status == "done":
                return Changes()
            task.status, task.completed_at = "done", utc_now()
            self._ws.record(s, "task.completed", str(task.id), _subject(task.client_id))
            return _changes(task.client_id)

    def reopen(self, task_id: uuid.UUID) -> Changes:
        """Open a done task again (an open task is left as it is)."""
        with self._ws.begin() as s:
            task = self._task(s, task_id)
            if task.status == "open":
                return Changes()
            task.status, task.completed_at = "open", None
            self._ws.record(s, "task.reopened", str(task.id), _subject(task.client_id))
            return _changes(task.client_id)

    def reschedule(self, task_id: uuid.UUID, due_on: date | None) -> Changes:
        """Move the due date (None: no due date)."""
        with self._ws.begin() as s:
            task = self._task(s, task_id)
            if task.due_on == due_on:
                return Changes()
            task.due_on = due_on
            return _changes(task.client_id)

    def delete(self, task_id: uuid.UUID) -> Changes:
        """Tombstone the task (the server learns of the deletion at the next sync)."""
        with self._ws.begin() as s:
            task = self._task(s, task_id)
            task.deleted_at = utc_now()
            self._ws.record(s, "task.deleted", str(task.id), _subject(task.client_id))
            return _changes(task.client_id)

    def get(self, task_id: uuid.UUID, today: date | None = None) -> TaskRow:
        today = today or date.today()
        with self._ws.begin() as s:
            rows = task_rows(s, [Task.id == task_id], today, 1)
        if not rows:
            raise NotFound("That task is not in this vault; refresh the list.")
        return rows[0]

    def view(self, kind: str, today: date | None = None, limit: int | None = 500) -> list[TaskRow]:
        """Open tasks for the Tasks view.

        Args:
            kind: "today" (due today), "overdue" (due before today), "week" (due from
                today to Sunday) or "open" (every open task, undated ones last).
            today: the banker's local day (default: today).
        """
        today = today or date.today()
        where = _view_clause(kind, today)
        with self._ws.begin() as s:
            return task_rows(s, where, today, limit)

    def open_for(self, client_id: ClientId, today: date | None = None) -> list[TaskRow]:
        """The client's open tasks (a household's include its members')."""
        today = today or date.today()
        with self._ws.begin() as s:
            ids = client_and_members(s, client_id)
            return task_rows(s, [Task.status == "open", Task.client_id.in_(ids)], today, None)

    def counts(self, today: date | None = None) -> dict[str, int]:
        """How many open tasks each view holds (for the navigation's badges)."""
        today = today or date.today()
        with self._ws.begin() as s:
            dues = list(
                s.scalars(
                    select(Task.due_on).where(Task.deleted_at.is_(None), Task.status == "open")
                )
            )
        sunday = today + timedelta(days=6 - today.weekday())
        return {
            "today": sum(1 for d in dues if d == today),
            "overdue": sum(1 for d in dues if d is not None and d < today),
            "week": sum(1 for d in dues if d is not None and today <= d <= sunday),
            "open": len(dues),
        }

    def _task(self, s: Session, task_id: uuid.UUID) -> Task:
        task = s.get(Task, task_id)
        if task is None or task.deleted_at is not None:
            raise NotFound("That task is not in this vault any more; refresh the list.")
        return task


def _subject(client_id: uuid.UUID | None) -> dict[str, str]:
    return {"client": str(client_id)} if client_id else {}


def _changes(client_id: uuid.UUID | None) -> Changes:
    ids: Iterable[ClientId] = (ClientId(client_id),) if client_id else ()
    return Changes(tasks=True, client_ids=frozenset(ids))


__all__ = [
    "VIEWS",
    "TaskRow",
    "TaskSaved",
    "TaskService",
    "check_priority",
    "client_and_members",
    "live_client",
    "new_task",
    "task_rows",
]
