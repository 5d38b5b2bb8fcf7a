"""Tasks against a real vault: adding, completing from anywhere (idempotent), the Tasks
view's today / overdue / this week, and a client's (or household's) open tasks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.clients import NewClient
from app.services.workspace import Workspace
from app.vault.models import AuditEvent, OutboxEntry, Task

TODAY = date(2026, 3, 18)  # a Wednesday
SUNDAY = date(2026, 3, 22)


def person(ws: Workspace, name: str = "王建国") -> ClientId:
    return ws.clients.add(NewClient(name=name))


def titles(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.title for r in rows]


def test_add_validates_and_defaults_the_owner(ws: Workspace) -> None:
    cid = person(ws)
    saved = ws.tasks.add("寄送基金资料", due_on=TODAY, priority="high", client_id=cid)
    assert saved.changes.tasks and saved.changes.client_ids == {cid}
    row = ws.tasks.get(saved.task_id, TODAY)
    assert (row.title, row.owner, row.priority, row.status) == (
        "寄送基金资料",
        ws.actor,
        "high",
        "open",
    )
    assert row.client_name == "王建国" and not row.overdue
    with pytest.raises(ValidationError, match="title"):
        ws.tasks.add("   ")
    with pytest.raises(ValidationError, match="high, normal, low"):
        ws.tasks.add("x", priority="urgent")


def test_complete_is_idempotent_and_reopen_undoes_it(ws: Workspace) -> None:
    task_id = ws.tasks.add("回电", owner="李经理").task_id
    first = ws.tasks.complete(task_id)
    assert first.tasks
    done = ws.tasks.get(task_id)
    assert done.done and done.completed_at is not None
    assert not ws.tasks.complete(task_id).any  # again: nothing changes
    assert ws.tasks.get(task_id).completed_at == done.completed_at
    assert ws.tasks.reopen(task_id).tasks
    again = ws.tasks.get(task_id)
    assert again.status == "open" and again.completed_at is None
    assert not ws.tasks.reopen(task_id).any
    with ws.begin() as s:
        actions = list(
            s.scalars(select(AuditEvent.action).where(AuditEvent.subject == str(task_id)))
        )
    assert actions == ["task.created", "task.completed", "task.reopened"]


def test_views_today_overdue_week_open(ws: Workspace) -> None:
    cid = person(ws)
    add = ws.tasks.add
    add("yesterday", due_on=TODAY - timedelta(days=1), client_id=cid)
    add("monday", due_on=date(2026, 3, 16))
    add("today low", due_on=TODAY, priority="low")
    add("today high", due_on=TODAY, priority="high")
    add("sunday", due_on=SUNDAY)
    add("next monday", due_on=SUNDAY + timedelta(days=1))
    add("undated")
    done = add("done today", due_on=TODAY).task_id
    ws.tasks.complete(done)

    assert titles(ws.tasks.view("today", TODAY)) == ["today high", "today low"]
    overdue = ws.tasks.view("overdue", TODAY)
    assert titles(overdue) == ["monday", "yesterday"]
    assert all(r.overdue for r in overdue)
    assert overdue[1].client_name == "王建国" and overdue[0].client_name is None
    assert titles(ws.tasks.view("week", TODAY)) == ["today high", "today low", "sunday"]
    assert titles(ws.tasks.view("open", TODAY)) == [
        "monday",
        "yesterday",
        "today high",
        "today low",
        "sunday",
        "next monday",
        "undated",
    ]
    assert ws.tasks.counts(TODAY) == {"today": 2, "overdue": 2, "week": 3, "open": 7}
    # On Sunday the week is that one day.
    assert titles(ws.tasks.view("week", SUNDAY)) == ["sunday"]
    with pytest.raises(ValidationError, match="today, overdue, week, open"):
        ws.tasks.view("month", TODAY)


def test_open_for_a_household_includes_its_members(ws: Workspace) -> None:
    husband, wife, other = person(ws, "张伟"), person(ws, "李娜"), person(ws, "赵敏")
    family = ws.clients.add_household("张伟家庭", [(husband, "head"), (wife, "spouse")])
    ws.tasks.add("家庭信托方案", client_id=family)
    ws.tasks.add("续保", client_id=wife)
    ws.tasks.add("别人的", client_id=other)
    closed = ws.tasks.add("已完成", client_id=husband).task_id
    ws.tasks.complete(closed)
    assert sorted(titles(ws.tasks.open_for(family))) == ["家庭信托方案", "续保"]
    assert titles(ws.tasks.open_for(wife)) == ["续保"]


def test_reschedule_and_delete(ws: Workspace) -> None:
    task_id = ws.tasks.add("回电", due_on=TODAY).task_id
    assert ws.tasks.reschedule(task_id, SUNDAY).tasks
    assert ws.tasks.get(task_id).due_on == SUNDAY
    assert not ws.tasks.reschedule(task_id, SUNDAY).any
    ws.tasks.delete(task_id)
    assert ws.tasks.view("open", TODAY) == []
    with pytest.raises(NotFound):
        ws.tasks.complete(task_id)
    with ws.begin() as s:  # a tombstone, not a hard delete, and the server hears of it
        assert s.get(Task, task_id) is not None
        ops = list(s.scalars(select(OutboxEntry.op).where(OutboxEntry.row_id == str(task_id))))
    assert ops == ["create", "patch", "delete"]


def test_a_task_for_an_unknown_client_is_refused(ws: Workspace) -> None:
    import uuid

    with pytest.raises(NotFound, match="not in this vault"):
        ws.tasks.add("x", client_id=ClientId(uuid.uuid4()))
