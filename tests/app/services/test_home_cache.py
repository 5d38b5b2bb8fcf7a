"""Home's cached figures: stored with every summary, read back exactly, never synced,
encrypted like everything else, and ignored rather than trusted when malformed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from app.services import home_cache
from app.services.clients import NewClient
from app.services.demo import build_demo_book
from app.services.workspace import Workspace
from app.vault.connection import read_meta


def test_a_summary_is_cached_and_reads_back_equal(ws: Workspace) -> None:
    assert ws.home.cached() is None  # nothing computed yet
    build_demo_book(ws, clients=12, seed=5)
    assert ws.home.cached() is not None  # the demo book sums itself up for Home
    pending = ws.pending_changes()
    summary = ws.home.summary()
    cached = ws.home.cached()
    assert cached is not None and cached.summary == summary
    assert summary.overdue or summary.birthdays or summary.movers  # something to compare
    assert ws.pending_changes() == pending  # derived data: never in the outbox
    raw = read_meta(ws.vault.paths.db, ws.vault.data_key, home_cache.META_KEY)
    assert home_cache.load(raw) == cached  # what the app reads before the ORM loads


def test_the_cache_follows_the_book(ws: Workspace) -> None:
    ws.home.summary()
    ws.clients.add(NewClient(name="新客户"))
    assert ws.home.cached().summary.clients == 0  # type: ignore[union-attr]
    ws.home.summary()
    assert ws.home.cached().summary.clients == 1  # type: ignore[union-attr]


def test_the_cached_names_are_encrypted_on_disk(ws: Workspace, vault_dir: Path) -> None:
    build_demo_book(ws, clients=12, seed=5)
    summary = ws.home.summary()
    names = [o.name for o in summary.overdue] + [m.name for m in summary.movers]
    assert names
    ws.close()
    blobs = b"".join(p.read_bytes() for p in vault_dir.iterdir() if p.is_file())
    for name in names:
        assert name.encode() not in blobs


def test_malformed_or_other_formats_read_as_no_cache(ws: Workspace) -> None:
    text = home_cache.dump(ws.home.summary(), datetime(2026, 1, 1, tzinfo=UTC))
    data = json.loads(text)
    assert home_cache.load(text) is not None
    assert home_cache.load(None) is None
    assert home_cache.load("") is None
    assert home_cache.load("{not json") is None
    assert home_cache.load(json.dumps({**data, "format": home_cache.FORMAT + 1})) is None
    assert home_cache.load(json.dumps({**data, "total": "a lot"})) is None
    assert home_cache.load(json.dumps({k: v for k, v in data.items() if k != "tiers"})) is None
