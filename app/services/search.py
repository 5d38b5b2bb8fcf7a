"""One search over clients, notes, meetings, tasks and complaints (Ctrl+K and `confidant search`).

Why: a banker types a word — a Chinese word of one or two characters, a code such as
``TR-2023``, an English word, a name's pinyin or initials — and expects every record
that holds it, grouped by kind, best first. The results are exactly those of a
``LIKE '%term%'`` scan of the same normalised text (``like_scan``, the reference the
tests and the benchmark compare with), found through the index of
``app.vault.search_index``: a term of three or more characters as a trigram phrase, a
shorter one as a gram token; several terms must all match.

Ranking: within a kind, by relevance (bm25 over the trigram index) while the kind has at
most ``RANK_LIMIT`` matches and the query has a term of three or more characters (bm25
scores every match, and the gram index keeps no term counts); otherwise the freshest
entries first. Plain searches are not recorded in the audit trail: results show titles
and short snippets, never C2 data, and a confidential note shows neither its title nor
its text (opening it is audited where it is opened).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.domain.search_text import (
    Snippet,
    fts_phrase,
    gram_token,
    is_short,
    like_pattern,
    snippet,
    terms,
)
from app.vault import search_index
from app.vault.models import Client
from app.vault.search_index import ENTRIES, KINDS, MASKED_NOTE, kind_of, kind_range

if TYPE_CHECKING:
    from app.services.workspace import Workspace

RANK_LIMIT = 1000  # bm25 reads each match's length: ~20 µs a match when encrypted
MAX_PER_KIND = 500
Found = set[tuple[str, uuid.UUID]]


@dataclass(frozen=True)
class SearchHit:
    """One record found: what it is, whose, a title, an excerpt around the match."""

    kind: str  # client | note | meeting | task | complaint
    ref_id: uuid.UUID
    client_id: ClientId | None
    client_name: str | None
    title: str
    snippet: Snippet
    rank: int  # 1 = best in its group
    when: datetime | date | None  # written, starts, due or received; None for clients
    masked: bool = False  # a confidential note: title and text withheld


@dataclass(frozen=True)
class SearchGroup:
    kind: str
    total: int  # every match of this kind; ``hits`` holds the best of them
    ranked_by: str  # relevance | recency
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    groups: tuple[SearchGroup, ...]  # in KINDS order, kinds without matches left out

    @property
    def total(self) -> int:
        return sum(g.total for g in self.groups)

    def group(self, kind: str) -> SearchGroup | None:
        return next((g for g in self.groups if g.kind == kind), None)


@dataclass(frozen=True)
class _Plan:
    """The SQL that selects the entry ids matching all terms, one kind at a time.

    A kind is a range of entry ids, which FTS5 seeks directly in its doclists; so each
    kind is counted and paged without visiting the others' matches.
    """

    tri: str  # FTS5 query over the trigram index ('' when every term is short)
    gram: str  # FTS5 query over the gram index ('' when every term is long)

    @classmethod
    def of(cls, words: list[str]) -> _Plan:
        return cls(
            " AND ".join(fts_phrase(w) for w in words if not is_short(w)),
            " AND ".join(gram_token(w) for w in words if is_short(w)),
        )

    @property
    def table(self) -> str:
        return "search_tri" if self.tri else "search_gram"

    def select(self, kind: str, what: str = "rowid") -> tuple[str, dict[str, Any]]:
        """``SELECT what`` over the matches of one kind, and its parameters."""
        lo, hi = kind_range(kind)
        k = kind  # parameter names carry the kind: one statement can hold several kinds
        bounds = f"rowid BETWEEN :lo_{k} AND :hi_{k}"
        gram = f"SELECT rowid FROM search_gram WHERE search_gram MATCH :gram AND {bounds}"
        if not self.tri:
            sql = f"SELECT {what} FROM search_gram WHERE search_gram MATCH :gram AND {bounds}"
        else:
            sql = f"SELECT {what} FROM search_tri WHERE search_tri MATCH :tri AND {bounds}"
            if self.gram:  # `+rowid`: filter by the gram matches, never seek one by one
                sql += f" AND +rowid IN ({gram})"
        params = {"tri": self.tri, "gram": self.gram, f"lo_{k}": lo, f"hi_{k}": hi}
        return sql, {key: v for key, v in params.items() if v != ""}

    def counts(self, conn: Connection, kinds: Collection[str]) -> dict[str, int]:
        """Matches per kind; a kind with no entries at all is not searched."""
        parts = [self.select(k, "count(*)") for k in kinds]
        sql = "SELECT " + ", ".join(
            f"CASE WHEN EXISTS (SELECT 1 FROM search_entries WHERE id BETWEEN :lo_{k} "
            f"AND :hi_{k}) THEN ({part}) ELSE 0 END"
            for k, (part, _) in zip(kinds, parts, strict=True)
        )
        params = {key: v for _, p in parts for key, v in p.items()}
        # Straight to the driver: on a rare word SQLAlchemy's own work is most of the time.
        row = conn.exec_driver_sql(sql, params).one()
        return {k: int(n) for k, n in zip(kinds, row, strict=True) if n}

    def top(self, conn: Connection, kind: str, limit: int, ranked: bool) -> list[int]:
        sql, params = self.select(kind)
        order = f"bm25({self.table}), rowid DESC" if ranked else "rowid DESC"
        stmt = f"{sql} ORDER BY {order} LIMIT :limit"
        return [i for (i,) in conn.exec_driver_sql(stmt, {**params, "limit": limit})]


def _kinds(kinds: Collection[str] | None) -> tuple[str, ...]:
    if not kinds:
        return KINDS
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValidationError(f"There is no kind {unknown[0]!r} to search; use {', '.join(KINDS)}.")
    return tuple(k for k in KINDS if k in kinds)


def _found(session: Session, sql: str, params: dict[str, Any]) -> Found:
    stmt = text(sql).columns(ENTRIES.c.id, ENTRIES.c.ref_id)
    return {(kind_of(i), r) for i, r in session.execute(stmt, params)}


def matches(session: Session, query: str, kinds: Collection[str] | None = None) -> Found:
    """Every (kind, id) the index finds for ``query`` (no ranking, no limit)."""
    words = terms(query)
    found: Found = set()
    if not words:
        return found
    plan = _Plan.of(words)
    for kind in _kinds(kinds):
        sql, params = plan.select(kind)
        found |= _found(
            session, f"SELECT id, ref_id FROM search_entries WHERE id IN ({sql})", params
        )
    return found


def count_matches(
    session: Session, query: str, kinds: Collection[str] | None = None
) -> dict[str, int]:
    """How many entries of each kind the index finds for ``query`` (kinds without
    matches left out): the totals of the search page."""
    words = terms(query)
    if not words:
        return {}
    return _Plan.of(words).counts(session.connection(), _kinds(kinds))


def like_scan(session: Session, query: str, kinds: Collection[str] | None = None) -> Found:
    """The reference: every (kind, id) whose normalised text contains every term, by a
    ``LIKE '%term%'`` scan of ``search_entries`` without the full-text indexes."""
    words = terms(query)
    found: Found = set()
    if not words:
        return found
    like = " AND ".join(f"text LIKE :p{i} ESCAPE '\\'" for i in range(len(words)))
    params: dict[str, Any] = {f"p{i}": like_pattern(w) for i, w in enumerate(words)}
    for kind in _kinds(kinds):
        lo, hi = kind_range(kind)
        sql = f"SELECT id, ref_id FROM search_entries WHERE id BETWEEN {lo} AND {hi} AND {like}"
        found |= _found(session, sql, params)
    return found


class SearchService:
    """Search of the open vault; one worker thread calls it, like every service."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def search(
        self, query: str, kinds: Collection[str] | None = None, limit_per_kind: int = 20
    ) -> SearchResults:
        """The best ``limit_per_kind`` matches of each kind, with every kind's total.

        Args:
            query: words separated by spaces; every word must occur (case, width and
                spacing do not matter).
            kinds: search only these kinds (client, note, meeting, task, complaint).
            limit_per_kind: hits shown per kind, 1 to 500.

        Raises:
            ValidationError: an unknown kind or a limit out of range.
        """
        if not 1 <= limit_per_kind <= MAX_PER_KIND:
            raise ValidationError(f"Show between 1 and {MAX_PER_KIND} results per kind.")
        chosen = _kinds(kinds)
        words = terms(query)
        if not words:
            return SearchResults(query, (), ())
        plan = _Plan.of(words)
        groups: list[SearchGroup] = []
        with self._ws.begin() as s:
            conn = s.connection()
            for kind, total in plan.counts(conn, chosen).items():
                ranked = bool(plan.tri) and total <= RANK_LIMIT
                hits = _hits(conn, kind, plan.top(conn, kind, limit_per_kind, ranked), words)
                groups.append(SearchGroup(kind, total, "relevance" if ranked else "recency", hits))
        return SearchResults(query, tuple(words), tuple(groups))

    def matches(self, query: str, kinds: Collection[str] | None = None) -> Found:
        """Every (kind, id) the index finds; for checks against ``like_scan``."""
        with self._ws.begin() as s:
            return matches(s, query, kinds)

    def like_scan(self, query: str, kinds: Collection[str] | None = None) -> Found:
        """The LIKE-scan reference for ``query`` (slow on a large book; for checks)."""
        with self._ws.begin() as s:
            return like_scan(s, query, kinds)

    def rebuild(self) -> int:
        """Rebuild the whole index from the records (a repair; never needed normally)."""
        with self._ws.begin() as s:
            return search_index.rebuild(s.connection())


def _hits(conn: Connection, kind: str, ids: list[int], words: list[str]) -> tuple[SearchHit, ...]:
    """These entries of one kind as hits, in the given order, read from their records."""
    stmt = select(ENTRIES.c.id, ENTRIES.c.ref_id).where(ENTRIES.c.id.in_(ids))
    refs: dict[int, uuid.UUID] = {i: ref for i, ref in conn.execute(stmt)}
    found = search_index.records(conn, kind, refs.values())
    owners = {r.client_id for r in found.values() if r.client_id is not None}
    stmt = select(Client.id, Client.name).where(Client.id.in_(owners))
    names: dict[uuid.UUID, str] = {i: name for i, name in conn.execute(stmt)}
    shown = [(refs[i], found[refs[i]]) for i in ids if i in refs and refs[i] in found]
    hits = (
        SearchHit(
            kind=kind,
            ref_id=ref,
            client_id=ClientId(record.client_id) if record.client_id else None,
            client_name=names.get(record.client_id) if record.client_id else None,
            title=record.title,
            snippet=Snippet(MASKED_NOTE) if record.masked else snippet(record.document, words),
            rank=rank,
            when=record.when,
            masked=record.masked,
        )
        for rank, (ref, record) in enumerate(shown, 1)
    )
    return tuple(hits)
