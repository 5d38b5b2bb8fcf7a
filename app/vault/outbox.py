"""The outbox: every local change of every synced table, captured in one place.

A SQLAlchemy ``before_flush`` hook turns each new, changed or tombstoned row of a
``Synced`` table into an ``OutboxEntry`` in the same transaction as the change, and
stamps ``updated_at``/``updated_by``. ORM bulk inserts (``session.execute(insert(M),
rows)``) are captured by a ``do_orm_execute`` hook. No feature calls this module: it
cannot forget to.

Rows that arrive from the bank's server (a pull, or the demo book, which stands in
for one) are applied inside ``applying_remote(session)`` and are not echoed back.

Hard deletes of synced rows are refused: the server must receive a tombstone first
(set ``deleted_at``). Bulk UPDATE/DELETE statements are refused for the same reason:
they would change rows the outbox cannot see.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from app.domain.errors import VaultError
from app.domain.ids import new_id
from app.vault.models import OutboxEntry, Synced
from app.vault.types import utc_now

REMOTE = "confidant.applying_remote"
# Derived on the device (financial assets, tier): the server computes its own values,
# so these never travel in the outbox.
LOCAL_ONLY_COLUMNS = frozenset({"financial_assets_cny", "tier", "assets_valued_at"})
DEVICE = "confidant.device_id"


@contextmanager
def applying_remote(session: Session) -> Iterator[Session]:
    """Within this block, changes come from the server and are not queued for push."""
    session.info[REMOTE] = True
    try:
        yield session
    finally:
        session.info.pop(REMOTE, None)


def to_json_value(value: Any) -> Any:
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _is_synced(obj: object) -> bool:
    return bool(getattr(type(obj), "__synced__", False))


def _column_values(obj: object) -> dict[str, Any]:
    mapper = inspect(type(obj))
    return {attr.key: to_json_value(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _changed_values(obj: object) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            changed[attr.key] = to_json_value(getattr(obj, attr.key))
    return changed


def _entry(table: str, row_id: Any, op: str, base_rev: int | None, payload: dict[str, Any]) -> OutboxEntry:
    return OutboxEntry(
        table_name=table,
        row_id=str(row_id),
        op=op,
        base_rev=base_rev,
        payload=json.dumps(payload, sort_keys=True, ensure_ascii=False),
    )


def _stamp(session: Session, obj: Synced) -> None:
    obj.updated_at = utc_now()
    obj.updated_by = session.info.get(DEVICE, "")


def _capture_new(session: Session, obj: Any) -> None:
    if isinstance(obj, Synced):
        _stamp(session, obj)
    if getattr(obj, "id", None) is None:
        obj.id = new_id()
    session.add(_entry(obj.__tablename__, obj.id, "create", None, _column_values(obj)))


def _capture_dirty(session: Session, obj: Any) -> None:
    changed = _changed_values(obj)
    for name in ("updated_at", "updated_by", *LOCAL_ONLY_COLUMNS):
        changed.pop(name, None)
    if not changed:
        return
    deleting = "deleted_at" in changed and obj.deleted_at is not None
    _stamp(session, obj)
    op = "delete" if deleting else "patch"
    session.add(_entry(obj.__tablename__, obj.id, op, obj.rev, changed))


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    remote = session.info.get(REMOTE, False)
    for obj in list(session.deleted):
        if _is_synced(obj):
            raise VaultError(
                f"{type(obj).__name__} rows are never deleted outright: set deleted_at so "
                "the bank's server receives the deletion."
            )
    if remote:
        return
    for obj in list(session.new):
        if _is_synced(obj):
            _capture_new(session, obj)
    for obj in list(session.dirty):
        if _is_synced(obj) and session.is_modified(obj, include_collections=False):
            _capture_dirty(session, obj)


def _bulk_rows(state: ORMExecuteState) -> list[dict[str, Any]] | None:
    params = state.parameters
    if isinstance(params, dict):
        return [params]
    return list(params) if params else None


def _only_local_columns(state: ORMExecuteState) -> bool:
    rows = _bulk_rows(state)
    if not rows or not state.is_update:
        return False
    keys = set().union(*(row.keys() for row in rows))
    return keys <= LOCAL_ONLY_COLUMNS | {"id"}


def _do_orm_execute(state: ORMExecuteState) -> Any:
    mapper = state.bind_mapper
    if mapper is None or not getattr(mapper.class_, "__synced__", False):
        return None
    if (state.is_update or state.is_delete) and not _only_local_columns(state):
        raise VaultError(
            "Bulk UPDATE or DELETE of synced rows would bypass the outbox; "
            "change the rows through the session instead."
        )
    if not state.is_insert or state.session.info.get(REMOTE, False):
        return None
    rows = _bulk_rows(state)
    if not rows:
        return None
    return _capture_bulk_insert(state, mapper.class_, rows)


def _capture_bulk_insert(state: ORMExecuteState, cls: Any, rows: list[dict[str, Any]]) -> Any:
    session = state.session
    device = session.info.get(DEVICE, "")
    now = utc_now()
    stamped = []
    for row in rows:
        full = {"id": new_id(), **row, "updated_at": now, "updated_by": device}
        stamped.append(full)
    result = state.invoke_statement(params=stamped)
    # The outbox rows go in the same transaction, after the rows they describe.
    session.add_all(
        _entry(cls.__tablename__, row["id"], "create", None,
               {k: to_json_value(v) for k, v in row.items()})
        for row in stamped
    )
    return result


def install(factory: sessionmaker[Session]) -> None:
    """Attach the capture hooks to every session the factory makes."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _do_orm_execute)
