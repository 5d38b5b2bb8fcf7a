"""Complaints from receipt to resolution, on Home and in the client header."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.clients import NewClient
from app.services.workspace import Workspace
from app.vault.models import AuditEvent, Complaint
from app.vault.types import utc_now

TODAY = date.today()
RECEIVED = TODAY - timedelta(days=20)


def person(ws: Workspace, name: str) -> ClientId:
    return ws.clients.add(NewClient(name=name))


def receive(ws: Workspace, client: ClientId, on: date = RECEIVED) -> uuid.UUID:
    saved = ws.complaints.receive(
        client, on, "phone", "fees", "客户对赎回费用收取有异议。", "王经理"
    )
    return saved.complaint_id


def actions(ws: Workspace, client: ClientId) -> list[str]:
    with ws.begin() as s:
        return list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.subject == str(client), AuditEvent.action.like("complaint.%"))
                .order_by(AuditEvent.seq)
            )
        )


def test_a_complaint_from_receipt_to_resolution(ws: Workspace) -> None:
    client = person(ws, "张伟")
    saved = ws.complaints.receive(
        client, RECEIVED, "Hotline", "fees", "  客户对赎回费用收取有异议。 ", ""
    )
    assert saved.reference == f"CP-{RECEIVED.year}-0001"
    assert saved.changes.complaints and saved.changes.client_ids == {client}
    complaint = ws.complaints.get(saved.complaint_id)
    assert (complaint.status, complaint.channel, complaint.owner) == ("open", "hotline", ws.actor)
    assert complaint.description == "客户对赎回费用收取有异议。"
    assert complaint.days_to_resolve is None and complaint.days_open(TODAY) == 20
    ws.complaints.start(saved.complaint_id)
    assert ws.complaints.get(saved.complaint_id).status == "in_progress"
    with pytest.raises(ValidationError, match="how the complaint was resolved"):
        ws.complaints.resolve(saved.complaint_id, "   ", TODAY)
    ws.complaints.resolve(
        saved.complaint_id, "经申请减免部分赎回费，客户接受。", RECEIVED + timedelta(days=6)
    )
    done = ws.complaints.get(saved.complaint_id)
    assert (done.status, done.resolved_on, done.days_to_resolve) == (
        "resolved",
        RECEIVED + timedelta(days=6),
        6,
    )
    assert done.resolution == "经申请减免部分赎回费，客户接受。"
    assert not done.is_open and done.days_open(TODAY) == 6
    assert actions(ws, client) == ["complaint.received", "complaint.started", "complaint.resolved"]


def test_references_count_up_within_a_year_and_restart_the_next(ws: Workspace) -> None:
    client = person(ws, "张伟")
    last_year = date(TODAY.year - 1, 12, 31)
    refs = [
        ws.complaints.receive(client, on, "phone", "service", "排队太久", "王经理").reference
        for on in (last_year, TODAY, last_year, TODAY)
    ]
    y, prev = TODAY.year, TODAY.year - 1
    assert refs == [f"CP-{prev}-0001", f"CP-{y}-0001", f"CP-{prev}-0002", f"CP-{y}-0002"]
    with ws.begin() as s:  # a tombstoned complaint keeps its number
        row = s.scalars(select(Complaint).where(Complaint.reference == refs[-1])).one()
        row.deleted_at = utc_now()
    assert ws.complaints.receive(client, TODAY, "email", "other", "x", "王经理").reference == (
        f"CP-{y}-0003"
    )


def test_references_past_9999_keep_counting(ws: Workspace) -> None:
    client = person(ws, "张伟")
    with ws.begin() as s:
        s.add(
            Complaint(
                client_id=client,
                reference=f"CP-{TODAY.year}-9999",
                received_on=TODAY,
                channel="phone",
                category="other",
                description="x",
                owner="王经理",
            )
        )
    saved = ws.complaints.receive(client, TODAY, "phone", "other", "x", "王经理")
    assert saved.reference == f"CP-{TODAY.year}-10000"


def test_status_moves_only_along_the_allowed_transitions(ws: Workspace) -> None:
    client = person(ws, "张伟")
    complaint = receive(ws, client)
    with pytest.raises(ValidationError, match="still open"):
        ws.complaints.reopen(complaint)
    ws.complaints.start(complaint)
    with pytest.raises(ValidationError, match="already in progress"):
        ws.complaints.start(complaint)
    with pytest.raises(ValidationError, match="on or after"):
        ws.complaints.resolve(complaint, "已处理", RECEIVED - timedelta(days=1))
    with pytest.raises(ValidationError, match="today or earlier"):
        ws.complaints.resolve(complaint, "已处理", TODAY + timedelta(days=1))
    ws.complaints.resolve(complaint, "已处理", RECEIVED)  # same day: 0 days
    assert ws.complaints.get(complaint).days_to_resolve == 0
    with pytest.raises(ValidationError, match="already resolved"):
        ws.complaints.resolve(complaint, "再次处理", TODAY)
    with pytest.raises(ValidationError, match="reopen it"):
        ws.complaints.start(complaint)
    ws.complaints.reopen(complaint, "客户不满意处理结果")
    again = ws.complaints.get(complaint)
    assert (again.status, again.resolution, again.resolved_on) == ("open", None, None)
    ws.complaints.resolve(complaint, "退还全部费用", TODAY)  # straight from open
    assert ws.complaints.get(complaint).days_to_resolve == 20
    assert actions(ws, client) == [
        "complaint.received",
        "complaint.started",
        "complaint.resolved",
        "complaint.reopened",
        "complaint.resolved",
    ]


def test_a_complaint_is_validated_on_receipt(ws: Workspace) -> None:
    client = person(ws, "张伟")
    with pytest.raises(ValidationError, match="one of"):
        ws.complaints.receive(client, TODAY, "pigeon", "fees", "x", "王经理")
    with pytest.raises(ValidationError, match="one of"):
        ws.complaints.receive(client, TODAY, "phone", "weather", "x", "王经理")
    with pytest.raises(ValidationError, match="Describe"):
        ws.complaints.receive(client, TODAY, "phone", "fees", " ", "王经理")
    with pytest.raises(ValidationError, match="today or earlier"):
        ws.complaints.receive(client, TODAY + timedelta(days=1), "phone", "fees", "x", "王经理")
    with pytest.raises(NotFound):
        ws.complaints.receive(ClientId(uuid.uuid4()), TODAY, "phone", "fees", "x", "王经理")
    with pytest.raises(NotFound):
        ws.complaints.start(uuid.uuid4())
    assert ws.complaints.open_complaints() == []


def test_open_complaints_on_home_and_in_the_client_header(ws: Workspace) -> None:
    zhang, li = person(ws, "张伟"), person(ws, "李娜")
    older = receive(ws, zhang, RECEIVED - timedelta(days=5))
    newer = receive(ws, zhang)
    hers = receive(ws, li, RECEIVED - timedelta(days=1))
    ws.complaints.start(newer)
    ws.complaints.resolve(hers, "已致歉", TODAY)
    assert ws.clients.show(str(zhang), with_portfolio=False).open_complaints == 2
    assert ws.clients.show(str(li), with_portfolio=False).open_complaints == 0
    assert [c.id for c in ws.complaints.open_complaints()] == [older, newer]  # oldest first
    assert ws.complaints.open_complaints(li) == []
    assert [c.id for c in ws.complaints.for_client(zhang)] == [newer, older]  # newest first
    assert [c.id for c in ws.home.reminders().complaints] == [older, newer]
    ws.complaints.resolve(older, "已处理", TODAY)
    assert ws.clients.show(str(zhang), with_portfolio=False).open_complaints == 1
