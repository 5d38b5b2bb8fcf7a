"""Saving the note being typed: create it on the first save, update it after.

Every save runs on the vault worker, in order. The note's id lives in a ``NoteRef`` the
worker fills when it creates the note, so a save queued before the creation's reply has
reached the window still updates the same note, and a save queued straight on the
worker as the vault locks (or the language changes) needs no reply at all.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.domain.errors import NotFound
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.workspace import Workspace


class NoteRef:
    """The note being edited; ``id`` is set on the vault worker when it is created."""

    def __init__(self, note_id: uuid.UUID | None = None) -> None:
        self.id = note_id


@dataclass(frozen=True)
class Draft:
    title: str
    body: str
    tags: str
    confidential: bool

    @property
    def empty(self) -> bool:
        return not (self.title.strip() or self.body.strip() or self.tags.strip())


@dataclass(frozen=True)
class Target:
    """Where a new note goes: the client, the meeting (if any) and the template used."""

    client_id: ClientId
    meeting_id: uuid.UUID | None
    template: str | None
    lang: str


def save_draft(ws: Workspace, ref: NoteRef, target: Target, draft: Draft) -> Changes:
    """Create the note on the first save, then update it (runs on the vault worker). A
    note deleted meanwhile (on another device) is saved again as a new note."""
    if ref.id is not None:
        try:
            return ws.notes.autosave(
                ref.id, draft.title, draft.body, [draft.tags], draft.confidential
            )
        except NotFound:
            ref.id = None
    saved = ws.notes.create(
        target.client_id,
        draft.title,
        draft.body,
        meeting_id=target.meeting_id,
        tags=[draft.tags],
        confidential=draft.confidential,
        template=target.template,
        lang=target.lang,
    )
    ref.id = saved.note_id
    return saved.changes
