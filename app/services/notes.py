"""Notes about a client: written in a meeting, saved as they are typed, kept in the vault.

Why it is shaped so: a banker types notes in front of the client on a laptop that may
crash, lock or run flat, so the editor calls ``autosave`` every few seconds and on every
change of focus. An autosave is one row read by primary key and one UPDATE of that row
(plus the outbox entry the flush hook writes in the same transaction), and nothing when
the text has not changed, so it is cheap enough to call that often. Turning action
items into tasks is the separate, explicit ``finish`` step: a half-typed line must not
become a task.

A note's body is C1/C2 data and lives only inside the encrypted vault: it is never
logged, put in an audit event or written to any other file. A confidential note is
masked in every list (title "机密笔记 / Confidential note", no body or tags) and
opening it is recorded in the audit trail.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import note_markup
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services import config
from app.services.changes import Changes
from app.services.tasks import (
    OWNER_MAX,
    client_and_members,
    clip,
    live_client,
    new_task,
)
from app.services.tasks import TITLE_MAX as TASK_TITLE_MAX
from app.vault.models import Client, Meeting, Note, Task
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

CONFIDENTIAL_TITLE = "机密笔记 / Confidential note"
UNTITLED = "未命名笔记 / Untitled note"
TITLE_MAX = 200
TAGS_MAX = 400
BODY_MAX = 200_000  # characters: about a hundred printed pages
LANGS = ("zh", "en")


@dataclass(frozen=True)
class NoteTemplate:
    """A note template in one language: ``body`` is in the note markup."""

    key: str  # annual_review | onboarding | product_presentation | complaint
    name: str
    title: str
    body: str


@dataclass(frozen=True)
class NoteSaved:
    changes: Changes
    note_id: uuid.UUID


@dataclass(frozen=True)
class NoteFinished:
    """What ``finish`` did: the tasks it made (none twice), the tasks it completed because
    their line was ticked, and the warnings about items it could not fully read."""

    changes: Changes
    created: tuple[uuid.UUID, ...]
    completed: tuple[uuid.UUID, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class NoteSummary:
    """A note in a list. A confidential note shows ``CONFIDENTIAL_TITLE`` and an empty
    ``snippet`` and ``tags``: open it (audited) to read it."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    written_at: datetime
    updated_at: datetime
    title: str
    snippet: str
    tags: tuple[str, ...]
    confidential: bool
    meeting_id: uuid.UUID | None
    template: str | None


@dataclass(frozen=True)
class NoteView:
    """A note opened for reading or editing: the whole text."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    written_at: datetime
    updated_at: datetime
    title: str
    body: str
    tags: tuple[str, ...]
    confidential: bool
    meeting_id: uuid.UUID | None
    template: str | None


# --- templates, tags, text limits --------------------------------------------------


@lru_cache(maxsize=1)
def _template_doc() -> dict[str, Any]:
    path = config.resources_dir() / "note_templates.json"
    try:
        doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError(
            f"The note templates ({path}) cannot be read; reinstall Confidant."
        ) from exc
    return doc


def templates(lang: str = "zh") -> list[NoteTemplate]:
    """The note templates in ``lang`` ("zh" or "en"), in the file's order."""
    if lang not in LANGS:
        raise ValidationError(f"Templates come in zh and en, not “{lang}”; pick one.")
    return [
        NoteTemplate(t["key"], t[lang]["name"], t[lang]["title"], t[lang]["body"])
        for t in _template_doc()["templates"]
    ]


def note_template(key: str, lang: str = "zh") -> NoteTemplate:
    found = next((t for t in templates(lang) if t.key == key), None)
    if found is None:
        keys = ", ".join(t.key for t in templates(lang))
        raise ValidationError(f"There is no note template “{key}”; use one of {keys}.")
    return found


def clean_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags as stored: split on spaces and commas, a leading ``#`` dropped, duplicates
    (ignoring case) removed, in the order given; cut to fit the column."""
    words = tags.replace(",", " ").replace("，", " ").split() if isinstance(tags, str) else tags
    out: list[str] = []
    seen: set[str] = set()
    for word in words:
        for part in word.replace(",", " ").replace("，", " ").split():
            tag = part.lstrip("#＃")[:40]
            if tag and tag.casefold() not in seen and len(" ".join([*out, tag])) <= TAGS_MAX:
                seen.add(tag.casefold())
                out.append(tag)
    return tuple(out)


def _split_tags(stored: str) -> tuple[str, ...]:
    return tuple(stored.split())


def _check_body(body: str) -> str:
    if len(body) > BODY_MAX:
        raise ValidationError(
            f"This note is longer than {BODY_MAX:,} characters; split it into two notes."
        )
    return body


def _title(title: str) -> str:
    return clip(title, TITLE_MAX)


def display_title(title: str, confidential: bool) -> str:
    if confidential:
        return CONFIDENTIAL_TITLE
    return title or UNTITLED


def summaries(s: Session, where: Sequence[Any], limit: int | None) -> list[NoteSummary]:
    """Live notes matching ``where``, newest first, confidential ones masked."""
    stmt = (
        select(Note, Client.name)
        .join(Client, Client.id == Note.client_id)
        .where(Note.deleted_at.is_(None), *where)
        .order_by(Note.written_at.desc(), Note.id.desc())
        .limit(limit)
    )
    return [summary(n, name) for n, name in s.execute(stmt)]


def summary(n: Note, client_name: str) -> NoteSummary:
    return NoteSummary(
        id=n.id,
        client_id=ClientId(n.client_id),
        client_name=client_name,
        written_at=n.written_at,
        updated_at=n.updated_at,
        title=display_title(n.title, n.confidential),
        snippet="" if n.confidential else note_markup.snippet(n.body),
        tags=() if n.confidential else _split_tags(n.tags),
        confidential=n.confidential,
        meeting_id=n.meeting_id,
        template=n.template,
    )


# --- the service -------------------------------------------------------------------


class NoteService:
    """Notes of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def templates(self, lang: str = "zh") -> list[NoteTemplate]:
        return templates(lang)

    def create(
        self,
        client_id: ClientId,
        title: str,
        body: str,
        *,
        meeting_id: uuid.UUID | None = None,
        tags: Iterable[str] = (),
        confidential: bool = False,
        template: str | None = None,
        lang: str = "zh",
        written_at: datetime | None = None,
    ) -> NoteSaved:
        """Start a note about the client (of a meeting with them, if given).

        With a ``template`` and an empty title or body, the template's (in ``lang``) is
        used, so the editor can open a new note straight from a template.
        """
        chosen = note_template(template, lang) if template else None
        if chosen is not None:
            title = title.strip() or chosen.title
            body = body if body.strip() else chosen.body
        with self._ws.begin() as s:
            client = live_client(s, client_id)
            if meeting_id is not None:
                self._check_meeting(s, meeting_id, client.id)
            note = Note(
                client_id=client.id,
                written_at=written_at or utc_now(),
                title=_title(title),
                body=_check_body(body),
                meeting_id=meeting_id,
                tags=" ".join(clean_tags(tags)),
                confidential=confidential,
                template=template,
            )
            s.add(note)
            s.flush()
            self._ws.record(
                s,
                "note.created",
                str(client.id),
                {"note": str(note.id), "confidential": confidential},
            )
            note_id = note.id
        return NoteSaved(Changes(notes=True, client_ids=frozenset({client_id})), note_id)

    def autosave(
        self,
        note_id: uuid.UUID,
        title: str,
        body: str,
        tags: Iterable[str],
        confidential: bool,
    ) -> Changes:
        """Save the editor's current state (call it every few seconds and on focus loss).

        Every field is the editor's whole current value (no defaults: leaving out
        ``confidential`` must never unmark a confidential note).

        Idempotent: the same text again writes nothing and returns an empty Changes.
        Never makes tasks (``finish`` does). Raises NotFound if the note was deleted
        meanwhile, so the editor can keep the text and offer to save it as a new note.
        """
        with self._ws.begin() as s:
            note = self._note(s, note_id)
            values = {
                "title": _title(title),
                "body": _check_body(body),
                "tags": " ".join(clean_tags(tags)),
                "confidential": bool(confidential),
            }
            changed = [k for k, v in values.items() if getattr(note, k) != v]
            for key in changed:
                setattr(note, key, values[key])
            if "confidential" in changed:
                self._ws.record(
                    s,
                    "note.confidentiality_changed",
                    str(note.client_id),
                    {"note": str(note.id), "confidential": note.confidential},
                )
            if not changed:
                return Changes()
            return Changes(notes=True, client_ids=frozenset({ClientId(note.client_id)}))

    def finish(self, note_id: uuid.UUID, today: date | None = None) -> NoteFinished:
        """Turn the note's open action items (``- [ ]``) into tasks, each once.

        An item already made into a task from this note (same title, ignoring case and
        spacing, even if that task was since completed or deleted) is not made again, so
        ``finish`` may be called after every edit. An item ticked in the note (``- [x]``)
        completes its open task. The note's text is not changed.
        """
        today = today or date.today()
        with self._ws.begin() as s:
            note = self._note(s, note_id)
            parsed = note_markup.action_items(note.body, today, clip(self._ws.actor, OWNER_MAX))
            existing = {
                note_markup.normalise_title(t.title): t
                for t in s.scalars(select(Task).where(Task.note_id == note.id))
            }
            created: list[uuid.UUID] = []
            completed: list[uuid.UUID] = []
            for item in parsed.items:
                key = note_markup.normalise_title(clip(item.title, TASK_TITLE_MAX))
                task = existing.get(key)
                if task is None and not item.done:
                    task = new_task(
                        item.title, item.owner, item.due_on, item.priority, note.client_id, note.id
                    )
                    s.add(task)
                    s.flush()
                    existing[key] = task
                    created.append(task.id)
                elif task is not None and item.done and _completable(task):
                    task.status, task.completed_at = "done", utc_now()
                    completed.append(task.id)
            if created or completed:
                self._ws.record(
                    s,
                    "note.finished",
                    str(note.client_id),
                    {"note": str(note.id), "tasks_created": len(created), "done": len(completed)},
                )
            client_id = ClientId(note.client_id)
        changes = (
            Changes(tasks=True, client_ids=frozenset({client_id}))
            if created or completed
            else Changes()
        )
        return NoteFinished(changes, tuple(created), tuple(completed), parsed.warnings)

    def open(self, note_id: uuid.UUID, reason: str = "") -> NoteView:
        """The whole note. Opening a confidential note is recorded in the audit trail
        (with ``reason``, e.g. "meeting" or "review")."""
        with self._ws.begin() as s:
            note = self._note(s, note_id)
            client = live_client(s, note.client_id)
            if note.confidential:
                self._ws.record(
                    s,
                    "note.confidential_opened",
                    str(note.client_id),
                    {"note": str(note.id), "reason": reason},
                )
            return NoteView(
                id=note.id,
                client_id=ClientId(note.client_id),
                client_name=client.name,
                written_at=note.written_at,
                updated_at=note.updated_at,
                title=note.title,
                body=note.body,
                tags=_split_tags(note.tags),
                confidential=note.confidential,
                meeting_id=note.meeting_id,
                template=note.template,
            )

    def list_for(
        self, client_id: ClientId, limit: int | None = 50, *, include_members: bool = True
    ) -> list[NoteSummary]:
        """The client's notes, newest first, confidential ones masked; a household's
        include its members' (``include_members=False``: the client's own only)."""
        with self._ws.begin() as s:
            live_client(s, client_id)
            ids = client_and_members(s, client_id) if include_members else [client_id]
            return summaries(s, [Note.client_id.in_(ids)], limit)

    def for_meeting(self, meeting_id: uuid.UUID) -> list[NoteSummary]:
        """The notes of one meeting, newest first (meeting mode reopens the latest)."""
        with self._ws.begin() as s:
            return summaries(s, [Note.meeting_id == meeting_id], None)

    def count_for(self, client_id: ClientId) -> int:
        with self._ws.begin() as s:
            return (
                s.scalar(
                    select(func.count())
                    .select_from(Note)
                    .where(Note.client_id == client_id, Note.deleted_at.is_(None))
                )
                or 0
            )

    def delete(self, note_id: uuid.UUID) -> Changes:
        """Tombstone the note (its tasks stay: a promise outlives the note it came from)."""
        with self._ws.begin() as s:
            note = self._note(s, note_id)
            note.deleted_at = utc_now()
            self._ws.record(s, "note.deleted", str(note.client_id), {"note": str(note.id)})
            return Changes(notes=True, client_ids=frozenset({ClientId(note.client_id)}))

    # --- helpers ----------------------------------------------------------------------

    def _note(self, s: Session, note_id: uuid.UUID) -> Note:
        note = s.get(Note, note_id)
        if note is None or note.deleted_at is not None:
            raise NotFound(
                "This note is not in the vault any more (deleted, perhaps on another "
                "device); copy its text into a new note to keep it."
            )
        return note

    @staticmethod
    def _check_meeting(s: Session, meeting_id: uuid.UUID, client_id: uuid.UUID) -> None:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None or meeting.deleted_at is not None:
            raise NotFound("That meeting is not in this vault; pick it from the calendar again.")
        if meeting.client_id != client_id and client_id not in client_and_members(
            s, meeting.client_id
        ):
            raise ValidationError(
                "That meeting is with another client; attach the note to one of this "
                "client's meetings, or to none."
            )


def _completable(task: Task) -> bool:
    return task.deleted_at is None and task.status == "open"


__all__ = [
    "CONFIDENTIAL_TITLE",
    "UNTITLED",
    "NoteFinished",
    "NoteSaved",
    "NoteService",
    "NoteSummary",
    "NoteTemplate",
    "NoteView",
    "clean_tags",
    "display_title",
    "note_template",
    "summaries",
    "summary",
    "templates",
]
