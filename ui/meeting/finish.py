""" "Finish note": the note's open action items become tasks (on the vault worker)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services.changes import Changes
from app.services.tasks import TaskRow
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from ui.meeting.autosave import NoteRef


@dataclass(frozen=True)
class FinishReport:
    """What finishing did: a line per task created, how many were completed, warnings."""

    changes: Changes
    created: tuple[str, ...]
    completed: int
    warnings: tuple[str, ...]
    tasks: tuple[TaskRow, ...]


def task_line(task: TaskRow) -> str:
    parts = [task.title, task.owner]
    if task.due_on is not None:
        parts.append(task.due_on.isoformat())
    if task.priority != "normal":
        parts.append(f"!{task.priority}")
    return " · ".join(parts)


def finish_note(ws: Workspace, ref: NoteRef) -> FinishReport | None:
    """Finish the note ``ref`` names (None if nothing was written yet)."""
    if ref.id is None:
        return None
    finished = ws.notes.finish(ref.id)
    tasks = tuple(ws.tasks.get(task_id) for task_id in finished.created)
    return FinishReport(
        finished.changes,
        tuple(task_line(t) for t in tasks),
        len(finished.completed),
        finished.warnings,
        tasks,
    )
