"""The banker's own details, as packs and briefs print them: kept in the vault, checked,
and audited by field (never by value)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.domain.errors import ValidationError
from app.services.banker import META_KEY, BankerDetails
from app.services.workspace import Workspace
from app.vault.models import AuditEvent, VaultMeta


def audit(ws: Workspace) -> list[tuple[str, object]]:
    with ws.begin() as s:
        rows = s.execute(select(AuditEvent.action, AuditEvent.details).order_by(AuditEvent.seq))
        return [(a, d) for a, d in rows if a.startswith("banker")]


def test_nothing_set_prints_the_system_user(ws: Workspace) -> None:
    assert ws.banker.get() == BankerDetails()
    assert ws.banker.display_name() == ws.actor


def test_set_keeps_them_and_audits_the_fields_changed(ws: Workspace) -> None:
    details = BankerDetails("  周雅琴 ", "F3021456", "某某银行深圳分行  私人银行中心")
    changes = ws.banker.set(details)
    assert changes.settings
    kept = ws.banker.get()
    assert kept == BankerDetails("周雅琴", "F3021456", "某某银行深圳分行 私人银行中心")
    assert ws.banker.display_name() == "周雅琴"
    ws.banker.set(BankerDetails("周雅琴", "F3021457", "某某银行深圳分行 私人银行中心"))
    assert not ws.banker.set(ws.banker.get()).any  # nothing changed: nothing recorded
    events = audit(ws)
    assert [a for a, _ in events] == ["banker.updated", "banker.updated"]
    details_json = json.dumps([d for _, d in events], ensure_ascii=False)
    assert "name" in details_json and "licence" in details_json
    assert "F3021457" not in details_json and "周雅琴" not in details_json


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "周" * 31}, "at most 30 characters"),
        ({"licence": "F" * 41}, "at most 40 characters"),
        ({"branch": "分行\x00"}, "control characters"),
    ],
)
def test_bad_details_are_refused(fields: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        BankerDetails(**fields)


def test_an_unreadable_stored_value_reads_as_not_set(ws: Workspace) -> None:
    with ws.begin() as s:
        s.merge(VaultMeta(key=META_KEY, value="{not json"))
    assert ws.banker.get() == BankerDetails()
