"""The audit chain: any edit, removal, reordering or truncation is detected by verify."""

from __future__ import annotations

import pytest

from app.services.workspace import Workspace


@pytest.fixture
def audited(ws: Workspace) -> Workspace:
    """A vault with five events: seq 1 is vault.created, then four views."""
    with ws.begin() as s:
        ws.record(s, "client.viewed", "client-1", {"reason": "meeting"})
        ws.record(s, "client.viewed", "client-2", {"reason": "review"})
    for n in (3, 4):
        with ws.begin() as s:
            ws.record(s, "client.viewed", f"client-{n}")
    return ws


def tamper(ws: Workspace, *statements: str) -> None:
    with ws.vault.engine.begin() as c:
        for sql in statements:
            c.exec_driver_sql(sql)


def audit_chain_ok(ws: Workspace) -> tuple[bool, str]:
    [check] = [r for r in ws.verify() if r.name == "audit_chain"]
    return check.ok, check.detail


def test_untampered_chain_verifies(audited: Workspace) -> None:
    ok, detail = audit_chain_ok(audited)
    assert ok, detail
    assert "5 events" in detail


def test_chain_still_verifies_after_verify_records_itself(audited: Workspace) -> None:
    audit_chain_ok(audited)
    ok, detail = audit_chain_ok(audited)
    assert ok, detail
    assert "6 events" in detail


def test_edited_details_are_detected(audited: Workspace) -> None:
    tamper(audited, "UPDATE audit_events SET details='{}' WHERE seq=2")
    ok, detail = audit_chain_ok(audited)
    assert not ok
    assert "#2" in detail and "altered" in detail


def test_edited_actor_is_detected(audited: Workspace) -> None:
    tamper(audited, "UPDATE audit_events SET actor='intruder' WHERE seq=3")
    ok, detail = audit_chain_ok(audited)
    assert not ok
    assert "#3" in detail


def test_event_removed_from_the_middle_is_detected(audited: Workspace) -> None:
    tamper(audited, "DELETE FROM audit_events WHERE seq=3")
    ok, detail = audit_chain_ok(audited)
    assert not ok
    assert "#4 does not follow" in detail


def test_swapped_events_are_detected(audited: Workspace) -> None:
    tamper(
        audited,
        "UPDATE audit_events SET seq = -seq WHERE seq IN (2, 3)",
        "UPDATE audit_events SET seq = 3 WHERE seq = -2",
        "UPDATE audit_events SET seq = 2 WHERE seq = -3",
    )
    ok, detail = audit_chain_ok(audited)
    assert not ok
    assert "does not follow" in detail


def test_removed_last_event_is_detected_through_the_head(audited: Workspace) -> None:
    tamper(audited, "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)")
    ok, detail = audit_chain_ok(audited)
    assert not ok
    assert "removed from the end" in detail


def test_removed_head_record_is_detected(audited: Workspace) -> None:
    tamper(audited, "DELETE FROM vault_meta WHERE key='audit_head'")
    ok, _ = audit_chain_ok(audited)
    assert not ok
