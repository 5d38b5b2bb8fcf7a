"""The search index: a local, derived copy of searchable text, kept in step with every write.

Why: one search over clients, notes, meetings, tasks and complaints must find exactly
what a ``LIKE '%term%'`` scan finds, fast (app.domain.search_text explains the two
indexes). The index is derived data: it never syncs and can be rebuilt at any time.

Storage (built by migration 0006):

- ``search_entries``: one row per live indexed record: its id (``ref_id``) and
  ``text``, the normalised searchable document. The entry id holds the kind in its
  high bits (``kind_range``), so the full-text tables count and page through one kind
  by a row-id range, which FTS5 seeks directly; within a kind, ids grow with each write,
  so a larger id is a fresher entry. Titles, clients and times are read from the records
  themselves when results are shown, so they are never stale.
- ``search_tri``: FTS5 trigram (case-sensitive: the text is lower-cased already) over
  ``search_entries.text`` (external content), for terms of three or more characters.
- ``search_gram``: contentless FTS5 (``detail=none``) of the 1–2 character grams.

Maintenance, in the same transaction as the write: an ``after_flush`` hook re-indexes
every new, changed or tombstoned row of an indexed model, and a ``do_orm_execute`` hook
indexes ORM bulk inserts (``session.execute(insert(Note), rows)``), which skip the flush.
Writes that bypass the ORM (raw SQL, ``INSERT … SELECT``) must call ``index_rows`` or
``rebuild`` in their transaction.

What is indexed (never mobile or identity numbers: C2 data stays out of the index):
client: name, pinyin with and without spaces, initials, surname-reading keys, city;
note: title, body, tags (a confidential note is found, but shows no title or text);
meeting: title, agenda, location; task: title; complaint: reference, category,
description, resolution.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Integer, Table, Text, Uuid, event, inspect, select, text
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column, sessionmaker

from app.domain import names
from app.domain.ids import new_id
from app.domain.search_text import grams, normalise
from app.vault.models import Base, Client, Complaint, Meeting, Note, Task

KIND_SHIFT = 40  # entry id = kind code << 40 | sequence number
MASKED_NOTE = "机密笔记"
_BATCH = 2000
# A transaction that indexes this many entries, and at least a quarter of the index,
# merges the full-text segments before it commits (a bulk load leaves dozens, and
# every query visits each: 2× slower; merging 100,000 notes takes about 2 s).
OPTIMIZE_AFTER = 5000
_WRITTEN = "confidant.search_entries_written"
Row = Mapping[Any, Any]


class SearchEntry(Base):
    """One indexed record (local and derived: never synced, rebuilt at will)."""

    __tablename__ = "search_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ref_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    text: Mapped[str] = mapped_column(Text)


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


ENTRIES = _table(SearchEntry)


def _join(*parts: Any) -> str:
    return "\n".join(str(p) for p in parts if p)


def _client_document(r: Row) -> str:
    name = r["name"] or ""
    pinyin = r["name_pinyin"] or names.name_pinyin(name)
    keys = r["search_keys"] or names.name_search_keys(name)
    initials = r["name_initials"] or names.name_initials(name)
    words = dict.fromkeys([pinyin.replace(" ", ""), initials, *keys.split()])
    return _join(name, pinyin, " ".join(words), r["city"])


@dataclass(frozen=True)
class Record:
    """An indexed record as results show it (read from the record, never from the index)."""

    title: str
    client_id: uuid.UUID | None
    when: datetime | date | None
    masked: bool  # a confidential note: show neither title nor text
    document: str  # the searchable text as written (for snippets)


@dataclass(frozen=True)
class Source:
    """How one kind of record becomes an entry, and how it is shown."""

    kind: str
    code: int
    model: type[Base]
    fields: tuple[str, ...]  # the columns the document and title are made from
    document: Callable[[Row], str]
    title: Callable[[Row], str]
    at: str | None = None
    client: str = "client_id"

    @property
    def watched(self) -> frozenset[str]:
        """Columns whose change re-indexes the row."""
        return frozenset(self.fields) | {"deleted_at"}

    def columns(self) -> list[Any]:
        table = _table(self.model)
        wanted = dict.fromkeys(("id", self.client, *self.fields, *([self.at] if self.at else [])))
        return [table.c[name] for name in wanted]

    def record(self, row: Row) -> Record:
        masked = bool(row.get("confidential"))
        return Record(
            title=MASKED_NOTE if masked else self.title(row),
            client_id=row[self.client],
            when=row[self.at] if self.at else None,
            masked=masked,
            document="" if masked else self.document(row),
        )


SOURCES: dict[str, Source] = {
    s.kind: s
    for s in (
        Source(
            "client",
            1,
            Client,
            ("name", "name_pinyin", "name_initials", "search_keys", "city"),
            _client_document,
            lambda r: r["name"],
            client="id",
        ),
        Source(
            "note",
            2,
            Note,
            ("title", "body", "tags", "confidential"),
            lambda r: _join(r["title"], r["body"], r["tags"]),
            lambda r: r["title"],
            at="written_at",
        ),
        Source(
            "meeting",
            3,
            Meeting,
            ("title", "agenda", "location"),
            lambda r: _join(r["title"], r["agenda"], r["location"]),
            lambda r: r["title"],
            at="starts_at",
        ),
        Source(
            "task",
            4,
            Task,
            ("title",),
            lambda r: _join(r["title"]),
            lambda r: r["title"],
            at="due_on",
        ),
        Source(
            "complaint",
            5,
            Complaint,
            ("reference", "category", "description", "resolution"),
            lambda r: _join(r["reference"], r["category"], r["description"], r["resolution"]),
            lambda r: f"{r['reference']} {r['category']}",
            at="received_on",
        ),
    )
}
KINDS = tuple(SOURCES)
_SOURCE_OF_MODEL: dict[type[Any], Source] = {s.model: s for s in SOURCES.values()}


def kind_range(kind: str) -> tuple[int, int]:
    """The lowest and highest entry id a kind's entries can have."""
    code = SOURCES[kind].code
    return code << KIND_SHIFT, ((code + 1) << KIND_SHIFT) - 1


def kind_of(entry_id: int) -> str:
    code = entry_id >> KIND_SHIFT
    return next(s.kind for s in SOURCES.values() if s.code == code)


def _entry(source: Source, row: Row) -> dict[str, Any]:
    body = normalise(source.document(row))
    return {"kind": source.kind, "ref_id": row["id"], "text": body, "grams": grams(body)}


# --- Writing entries --------------------------------------------------------------------


def _insert(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Add entries (with fresh ids) to the table and both full-text indexes."""
    if not entries:
        return
    for kind in {e["kind"] for e in entries}:
        lo, hi = kind_range(kind)
        top = conn.execute(
            text("SELECT max(id) FROM search_entries WHERE id BETWEEN :lo AND :hi"),
            {"lo": lo, "hi": hi},
        ).scalar_one()
        next_id = int(top) + 1 if top is not None else lo + 1
        for entry in (e for e in entries if e["kind"] == kind):
            entry["id"] = next_id
            next_id += 1
    conn.execute(ENTRIES.insert(), [{k: e[k] for k in ("id", "ref_id", "text")} for e in entries])
    conn.execute(text("INSERT INTO search_tri(rowid, text) VALUES (:id, :text)"), entries)
    conn.execute(text("INSERT INTO search_gram(rowid, grams) VALUES (:id, :grams)"), entries)


def _chunks(items: Sequence[Any], size: int = _BATCH) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _drop(conn: Connection, ref_ids: Iterable[uuid.UUID]) -> None:
    """Remove the entries of these records from the table and both indexes."""
    for chunk in _chunks(list(ref_ids)):
        old = [
            {"id": r.id, "text": r.text}
            for r in conn.execute(
                select(ENTRIES.c.id, ENTRIES.c.text).where(ENTRIES.c.ref_id.in_(chunk))
            )
        ]
        if not old:
            continue
        conn.execute(
            text("INSERT INTO search_tri(search_tri, rowid, text) VALUES ('delete', :id, :text)"),
            old,
        )
        conn.execute(text("DELETE FROM search_gram WHERE rowid = :id"), old)
        conn.execute(ENTRIES.delete().where(ENTRIES.c.id.in_([r["id"] for r in old])))


def index_rows(conn: Connection, kind: str, ids: Iterable[uuid.UUID]) -> None:
    """Re-index these records of ``kind`` from their rows (tombstoned or gone: removed).

    For writers that bypass the ORM hooks (raw SQL); call it in the same transaction.
    """
    source = SOURCES[kind]
    wanted = list(ids)
    _drop(conn, wanted)
    table = _table(source.model)
    for chunk in _chunks(wanted):
        stmt = select(*source.columns()).where(table.c.id.in_(chunk), table.c.deleted_at.is_(None))
        _insert(conn, [_entry(source, r._mapping) for r in conn.execute(stmt)])


def rebuild(conn: Connection) -> int:
    """Rebuild the whole index from the live rows; returns the number of entries.

    Each kind is read oldest first, so entry ids follow the records' own times.
    """
    conn.execute(ENTRIES.delete())
    conn.execute(text("INSERT INTO search_tri(search_tri) VALUES ('delete-all')"))
    conn.execute(text("INSERT INTO search_gram(search_gram) VALUES ('delete-all')"))
    count = 0
    for source in SOURCES.values():
        table = _table(source.model)
        order = [table.c[source.at]] if source.at else []
        stmt = (
            select(*source.columns())
            .where(table.c.deleted_at.is_(None))
            .order_by(*order, table.c.id)
        )
        result = conn.execute(stmt)
        while batch := result.fetchmany(_BATCH):
            entries = [_entry(source, r._mapping) for r in batch]
            _insert(conn, entries)
            count += len(entries)
    optimize(conn)
    return count


def optimize(conn: Connection) -> None:
    """Merge the full-text segments into one (after a rebuild or a large load)."""
    conn.execute(text("INSERT INTO search_tri(search_tri) VALUES ('optimize')"))
    conn.execute(text("INSERT INTO search_gram(search_gram) VALUES ('optimize')"))


def records(conn: Connection, kind: str, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Record]:
    """These records of ``kind`` as results show them, read from their own rows."""
    source = SOURCES[kind]
    table = _table(source.model)
    found: dict[uuid.UUID, Record] = {}
    for chunk in _chunks(list(ids)):
        stmt = select(*source.columns()).where(table.c.id.in_(chunk))
        found.update((r.id, source.record(r._mapping)) for r in conn.execute(stmt))
    return found


# --- The hooks -------------------------------------------------------------------------


def _values(source: Source, obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in source.columns()}


def _changed(source: Source, obj: Any) -> bool:
    state = inspect(obj)
    return any(state.attrs[key].history.has_changes() for key in source.watched)


def _after_flush(session: Session, flush_context: Any) -> None:
    """Re-index what this flush wrote, on the flush's own connection."""
    stale: list[uuid.UUID] = []
    fresh: list[dict[str, Any]] = []
    for obj in session.new:
        source = _SOURCE_OF_MODEL.get(type(obj))
        if source is not None and obj.deleted_at is None:
            fresh.append(_entry(source, _values(source, obj)))
    for obj in session.dirty:
        source = _SOURCE_OF_MODEL.get(type(obj))
        if source is not None and _changed(source, obj):
            stale.append(obj.id)
            if obj.deleted_at is None:
                fresh.append(_entry(source, _values(source, obj)))
    stale += [obj.id for obj in session.deleted if type(obj) in _SOURCE_OF_MODEL]
    if stale or fresh:
        conn = session.connection()
        _drop(conn, stale)
        _insert(conn, fresh)
        _written(session, len(fresh))


def _written(session: Session, count: int) -> None:
    session.info[_WRITTEN] = session.info.get(_WRITTEN, 0) + count


def _before_commit(session: Session) -> None:
    """After a bulk load, merge the index segments in the same transaction."""
    session.flush()
    written = session.info.pop(_WRITTEN, 0)
    if written < OPTIMIZE_AFTER:
        return
    conn = session.connection()
    total = conn.execute(text("SELECT count(*) FROM search_entries")).scalar_one()
    if written * 4 >= total:
        optimize(conn)


def _do_orm_execute(state: ORMExecuteState) -> Any:
    """Index the rows of an ORM bulk insert of an indexed model, after inserting them.

    The rows are read back, so what is indexed is what was stored (defaults included,
    and an upsert's result rather than its parameters).
    """
    mapper = state.bind_mapper
    source = _SOURCE_OF_MODEL.get(mapper.class_) if mapper is not None else None
    if source is None or not state.is_insert:
        return None
    params = state.parameters
    if not params:
        return None  # INSERT … SELECT or inline values: the writer calls index_rows
    rows = [dict(params)] if isinstance(params, Mapping) else [dict(r) for r in params]
    for row in rows:
        if row.get("id") is None:
            row["id"] = new_id()
    result = state.invoke_statement(params=rows[0] if isinstance(params, Mapping) else rows)
    index_rows(state.session.connection(), source.kind, [row["id"] for row in rows])
    _written(state.session, len(rows))
    return result


def install(factory: sessionmaker[Session]) -> None:
    """Keep the index in step with every session the factory makes.

    Install after ``outbox.install``: the outbox stamps ids on bulk rows first.
    """
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _do_orm_execute)
    event.listen(factory, "before_commit", _before_commit)


# The FTS5 virtual tables and their shadow tables are made by migration 0006 in SQL;
# they are not models, so schema comparison (autogenerate, the migration test) skips them.
FTS_TABLES = re.compile(r"search_(tri|gram)(_(data|idx|content|docsize|config))?")


def not_fts_table(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name``: False for the full-text tables, True for the rest."""
    return not (type_ == "table" and name is not None and FTS_TABLES.fullmatch(name))
