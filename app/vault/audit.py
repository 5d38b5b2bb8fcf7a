"""The audit trail: append-only events chained by SHA-256.

Each event's hash covers the previous event's hash and the event's own content, so
editing, removing or reordering an event breaks the chain. The chain head (count and
last hash) is kept in ``vault_meta`` in the same transaction, so cutting events off the
end is detected too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.ids import new_id
from app.vault.models import AuditEvent, VaultMeta
from app.vault.types import utc_now

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def event_hash(event: AuditEvent) -> str:
    content = {
        "id": str(event.id),
        "at": event.at.isoformat(timespec="microseconds"),
        "actor": event.actor,
        "device": event.device,
        "action": event.action,
        "subject": event.subject,
        "details": event.details,
    }
    blob = event.prev_hash + json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _head(session: Session) -> tuple[int, str]:
    meta = session.get(VaultMeta, HEAD_KEY)
    if meta is None:
        return 0, GENESIS
    count, _, last = meta.value.partition(":")
    return int(count), last


def append(
    session: Session,
    *,
    actor: str,
    device: str,
    action: str,
    subject: str,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one event at the end of the chain (in the caller's transaction)."""
    count, last = _head(session)
    event = AuditEvent(
        id=new_id(),
        at=utc_now(),
        actor=actor,
        device=device,
        action=action,
        subject=subject,
        details=json.dumps(details or {}, sort_keys=True, ensure_ascii=False, default=str),
        prev_hash=last,
    )
    event.hash = event_hash(event)
    session.add(event)
    session.merge(VaultMeta(key=HEAD_KEY, value=f"{count + 1}:{event.hash}"))
    return event


@dataclass(frozen=True)
class ChainReport:
    events: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(session: Session, limit_problems: int = 20) -> ChainReport:
    """Walk the chain in order; report every broken link, edited event or missing tail."""
    problems: list[str] = []
    prev = GENESIS
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        if event.prev_hash != prev:
            problems.append(
                f"event #{event.seq} does not follow the one before it "
                "(an event was removed or the order changed)"
            )
        if event_hash(event) != event.hash:
            problems.append(f"event #{event.seq} ({event.action}) was altered after it was written")
        prev = event.hash
        if len(problems) >= limit_problems:
            break
    head_count, head_hash = _head(session)
    total = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    if (head_count, head_hash) != (total, prev if total else GENESIS) and not problems:
        problems.append(
            f"the chain should hold {head_count} events ending in {head_hash[:12]}…, "
            f"but holds {total}: events were removed from the end"
        )
    return ChainReport(events=total, problems=tuple(problems))
