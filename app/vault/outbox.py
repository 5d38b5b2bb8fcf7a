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

import base64
import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from app.domain.errors import VaultError
from app.domain.ids import new_id
from app.vault.models import AuditEvent, OutboxEntry, Synced
from app.vault.types import utc_now

REMOTE = "confidant.applying_remote"
# Derived on the device (financial assets, tier, and the current risk level copied from
# the newest assessment, which syncs on its own): the server computes its own values,
# so these never travel in the outbox.
LOCAL_ONLY_COLUMNS = frozenset(
    {
        "financial_assets_cny",
        "tier",
        "assets_valued_at",
        "risk_level",
        "risk_lowest_class",
        "risk_expires_on",
    }
)
DEVICE = "confidant.device_id"


@contextmanager
def applying_remote(session: Session) -> Iterator[Session]:
    """Within this block, changes come from the server and are not queued for push.

    The block flushes before it ends, so rows added in it are written while the mark
    is still on, even when the transaction commits later.
    """
    session.info[REMOTE] = True
    try:
        yield session
        session.flush()
    finally:
        session.info.pop(REMOTE, None)


def to_json_value(value: Any) -> Any:
    """A column value as JSON: decimals and ids as text, times in ISO 8601, bytes (a
    stored document) as base64, the way a sync payload carries them."""
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _is_synced(obj: object) -> bool:
    return bool(getattr(type(obj), "__synced__", False))


def _changed_values(obj: object) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            changed[attr.key] = to_json_value(getattr(obj, attr.key))
    return changed


def _entry(
    table: str, row_id: Any, op: str, base_rev: int | None, payload: dict[str, Any]
) -> OutboxEntry:
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


def _scalar_defaults(cls: Any) -> dict[str, Any]:
    """Column defaults that are plain values (not functions): what an INSERT will store."""
    found = {}
    for attr in inspect(cls).column_attrs:
        default = attr.columns[0].default
        if default is not None and default.is_scalar:
            found[attr.key] = default.arg
    return found


def _create_payload(cls: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {k: to_json_value(v) for k, v in values.items() if k not in LOCAL_ONLY_COLUMNS}


def _capture_new(session: Session, obj: Any) -> None:
    if isinstance(obj, Synced):
        _stamp(session, obj)
    if getattr(obj, "id", None) is None:
        obj.id = new_id()
    # Apply scalar defaults now, so the payload says what the row will hold.
    for key, value in _scalar_defaults(type(obj)).items():
        if getattr(obj, key) is None:
            setattr(obj, key, value)
    values = {attr.key: getattr(obj, attr.key) for attr in inspect(type(obj)).column_attrs}
    session.add(
        _entry(obj.__tablename__, obj.id, "create", None, _create_payload(type(obj), values))
    )


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
    for obj in list(session.new):
        # Audit events are the device's own record of use: pushed even while
        # server rows are being applied.
        if _is_synced(obj) and (not remote or isinstance(obj, AuditEvent)):
            _capture_new(session, obj)
    if remote:
        return
    for obj in list(session.dirty):
        if _is_synced(obj) and session.is_modified(obj, include_collections=False):
            _capture_dirty(session, obj)


def _bulk_rows(state: ORMExecuteState) -> list[dict[str, Any]]:
    params = state.parameters
    if not params:
        return []
    if isinstance(params, Mapping):
        return [dict(params)]
    return [dict(row) for row in params]


def _inline_keys(state: ORMExecuteState) -> set[str]:
    """Columns set by ``.values(...)`` on the statement itself (not by parameters)."""
    stmt: Any = state.statement
    keys = {getattr(c, "key", str(c)) for c in (getattr(stmt, "_values", None) or {})}
    for row in getattr(stmt, "_multi_values", None) or ():
        for values in row:
            keys.update(
                getattr(c, "key", str(c)) for c in (values if isinstance(values, dict) else {})
            )
    return keys


def _only_local_columns(state: ORMExecuteState) -> bool:
    rows = _bulk_rows(state)
    if not state.is_update or not rows:
        return False
    keys = set().union(*(row.keys() for row in rows)) | _inline_keys(state)
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
    if not rows or _inline_keys(state):
        raise VaultError(
            "An INSERT with inline values would bypass the outbox; pass the rows as "
            "parameters (session.execute(insert(Model), rows)) or add objects."
        )
    return _capture_bulk_insert(state, mapper.class_, rows)


def _capture_bulk_insert(state: ORMExecuteState, cls: Any, rows: list[dict[str, Any]]) -> Any:
    session = state.session
    device = session.info.get(DEVICE, "")
    now = utc_now()
    defaults = _scalar_defaults(cls)
    stamped = [
        {**defaults, "id": new_id(), **row, "updated_at": now, "updated_by": device} for row in rows
    ]
    params: Any = stamped if len(stamped) > 1 or isinstance(state.parameters, list) else stamped[0]
    result = state.invoke_statement(params=params)
    # The outbox rows go in the same transaction, after the rows they describe, as one
    # bulk insert too (an object per row would cost a third of a large import).
    session.execute(
        insert(OutboxEntry).execution_options(render_nulls=True),
        [
            {
                "table_name": cls.__tablename__,
                "row_id": str(row["id"]),
                "op": "create",
                "base_rev": None,
                "created_at": now,
                "payload": json.dumps(
                    _create_payload(cls, row), sort_keys=True, ensure_ascii=False
                ),
            }
            for row in stamped
        ],
    )
    return result


def install(factory: sessionmaker[Session]) -> None:
    """Attach the capture hooks to every session the factory makes."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _do_orm_execute)
