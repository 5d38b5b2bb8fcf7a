"""Search: the app's index against a LIKE scan of the same text, at 100,000 notes.

    .venv/bin/python tests/bench/search_bench.py [--notes 100000] [--reps 5] [--markdown]
                                                 [--vault DIR] [--quick]

Method (performance.md §2.4, goals G7–G11): an encrypted vault (the app's engine,
PRAGMAs and migrations; cheap Argon2id, which is not measured) with 2,000 clients and
``--notes`` notes of generated Chinese/English text (about 90 characters; ~60 % of
tokens Chinese finance words, ~30 % English, some three-character names, 5 % with a code
like ``TR-2023-0137``; a few rare names and words planted a handful of times). Notes go
in as the demo book writes them (ORM bulk inserts, indexed by the hook in the same
transaction). For each query: the hits of the index equal the hits of a LIKE scan of
the same normalised text (as sets, not only counts), and a LIKE over the notes' own
columns gives the same count. Timed, each query's matches counted per kind (the totals
the search page shows): ``LIKE '%term%'`` over ``search_entries.text`` against the
index; plus the whole search page (totals, best 20 per kind, snippets). One untimed
warm-up, then ``--reps`` repetitions with the cases shuffled; medians. Size: the vault
vacuumed with and without the index, against the bytes of the indexed text. ``--vault``
keeps the built vault there and reuses it on the next run. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, insert, text

from app.domain import names
from app.domain.search_text import like_pattern, terms
from app.services.search import count_matches, like_scan, matches
from app.services.workspace import KdfParams, Workspace
from app.vault import engine as vault_engine
from app.vault import search_index
from app.vault.models import Client, Note
from app.vault.outbox import applying_remote

PASS = "search bench passphrase"
CHEAP = KdfParams(memory_kib=8192, passes=1, lanes=1)
GOAL_RARE, GOAL_COMMON = 50.0, 10.0
CN = [
    "理财", "保险", "信托", "基金", "收益", "回撤", "客户", "家族办公室",
    "资产配置", "增额终身寿", "子女教育", "养老规划", "税务筹划", "房产", "股权", "基金定投",
    "风险偏好", "流动性", "留学", "二代传承", "企业主", "分红", "债券", "美元资产",
    "年度回顾", "到期", "赎回", "申购", "净值", "波动", "久期", "私募",
    "结构性存款", "大额存单", "现金管理", "固收", "权益", "港股", "美股", "黄金",
    "外汇", "汇率", "通胀", "降息", "配置比例", "再平衡", "止盈", "止损",
    "定期", "贷款", "按揭", "遗嘱", "慈善", "婚前财产", "公司治理", "并购",
    "退休", "医疗", "重疾险", "年金", "客户经理", "产品说明", "风险揭示", "双录",
    "适当性",
]  # fmt: skip
EN = [
    "rebalance", "review", "KYC", "portfolio", "liquidity", "allocation", "dividend",
    "maturity", "hedge", "bond", "equity", "meeting", "follow-up", "proposal",
    "AUM", "ETF", "duration", "yield", "risk", "trust", "estate",
    "tax", "insurance", "pension",
]  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志红玉文辉鹏斌宇浩凯俊峰琳晨"
TITLES = ["年度回顾", "季度检视", "产品到期沟通", "家庭保障规划", "子女留学安排", "KYC 更新",
          "Portfolio review", "电话回访", "理财经理面谈", "Estate planning call"]  # fmt: skip
CITIES = ["上海", "北京", "深圳"]
TAGS = ["重要", "跟进", "信托", "保险", "KYC", "到期", "vip", ""]
PLANTED = {"陈勇涛": 6, "欧阳明月": 3, "escrow": 5, "ZX-7781": 4}
T0 = datetime(2023, 1, 1, tzinfo=UTC)

# (query, class): rare = selective (≤ 0.1 % of entries), common = a two-character word
# in ≥ 10 % of entries; other = the rest of the fixed set (still checked for exactness).
QUERIES: list[tuple[str, str]] = [
    ("TR-2023-0137", "rare"), ("TR-2023-01", "rare"), ("陈勇涛", "rare"),
    ("欧阳明月", "rare"), ("escrow", "rare"), ("ZX-7781", "rare"), ("勇涛", "rare"),
    ("客户", "common"), ("基金", "common"), ("收益", "common"), ("理财", "common"),
    ("信托", "common"), ("回撤", "common"), ("配置", "common"),
    ("伟", "other"), ("金", "other"), ("家族办公室", "other"), ("资产配置", "other"),
    ("增额终身寿", "other"), ("rebalance", "other"), ("KYC", "other"), ("tr", "other"),
    ("基金 收益", "other"), ("客户 rebalance", "other"), ("ＥＴＦ", "other"),
]  # fmt: skip


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- The corpus ---------------------------------------------------------------------------


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2))


def note_text(rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < rng.randint(60, 120):
        roll = rng.random()
        if roll < 0.62:
            word = rng.choice(CN) + rng.choice("，。、；")
        elif roll < 0.92:
            word = f" {rng.choice(EN)} "
        elif roll < 0.96:
            word = person_name(rng)
        else:
            word = rng.choice(["沪深300", "50%", "3.5%", "Q3", "2025年"])
        parts.append(word)
        size += len(word)
    if rng.random() < 0.05:
        parts.insert(
            rng.randrange(len(parts)), f" TR-{rng.randint(2021, 2024)}-{rng.randrange(10_000):04d} "
        )
    return "".join(parts).strip()


def clients(rng: random.Random, n: int) -> list[dict[str, Any]]:
    rows = []
    for _ in range(n):
        name = person_name(rng)
        rows.append({
            "id": uuid.uuid4(), "kind": "person", "name": name,
            "name_pinyin": names.name_pinyin(name), "name_initials": names.name_initials(name),
            "search_keys": names.name_search_keys(name), "city": rng.choice(CITIES),
            "status": "active", "lunar_birth_leap": False, "vulnerable": False,
            "risk_lowest_class": False,
        })  # fmt: skip
    return rows


def notes(rng: random.Random, n: int, owners: list[uuid.UUID]) -> Iterator[list[dict[str, Any]]]:
    planted = {i: word for word, k in PLANTED.items() for i in rng.sample(range(n), k)}
    chunk: list[dict[str, Any]] = []
    for i in range(n):
        body = note_text(rng)
        if i in planted:
            body += f"，{planted[i]}"
        chunk.append({
            "id": uuid.uuid4(), "client_id": rng.choice(owners),
            "written_at": T0 + timedelta(minutes=10 * i), "title": rng.choice(TITLES),
            "body": body, "tags": " ".join(rng.sample(TAGS, 2)).strip(),
            "confidential": rng.random() < 0.02,
        })  # fmt: skip
        if len(chunk) == 2000:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build(folder: Path, n_notes: int, n_clients: int) -> float:
    rng = random.Random(20251129)
    started = time.perf_counter()
    with Workspace.create(folder, PASS, CHEAP) as ws, ws.begin() as s, applying_remote(s):
        people = clients(rng, n_clients)
        s.execute(insert(Client), people)
        owners = [p["id"] for p in people]
        for done, chunk in enumerate(notes(rng, n_notes, owners)):
            s.execute(insert(Note), chunk)
            if done % 10 == 0:
                log(f"  {done * 2000 + len(chunk):,} notes")
    return time.perf_counter() - started


# --- Measuring ----------------------------------------------------------------------------


def like_counts(conn: Connection, query: str) -> dict[str, int]:
    """The reference, timed: matches per kind by LIKE over the same normalised text (each
    kind's id range scanned once, so the whole table is read once)."""
    words = terms(query)
    like = " AND ".join(f"text LIKE :p{i} ESCAPE '\\'" for i in range(len(words)))
    params = {f"p{i}": like_pattern(w) for i, w in enumerate(words)}
    ranges = [search_index.kind_range(k) for k in search_index.KINDS]
    parts = [
        f"(SELECT count(*) FROM search_entries WHERE id BETWEEN {lo} AND {hi} AND {like})"
        for lo, hi in ranges
    ]
    row = conn.exec_driver_sql("SELECT " + ", ".join(parts), params).one()  # as the index does
    return {k: n for k, n in zip(search_index.KINDS, row, strict=True) if n}


def raw_note_count(conn: Connection, query: str) -> int:
    """LIKE over the notes' own columns (no normalisation): a cross-check of the counts."""
    words = terms(query)
    doc = "(title || ' ' || body || ' ' || tags)"
    where = " AND ".join(f"{doc} LIKE :p{i} ESCAPE '\\'" for i in range(len(words)))
    params = {f"p{i}": like_pattern(w) for i, w in enumerate(words)}
    sql = f"SELECT count(*) FROM notes WHERE deleted_at IS NULL AND {where}"
    return int(conn.execute(text(sql), params).scalar_one())


class Check(NamedTuple):
    query: str
    klass: str
    like_hits: int
    index_hits: int
    exact: bool  # the same (kind, id) sets, not only the same counts
    raw_ok: bool  # LIKE over the notes table agrees on the notes


def check(ws: Workspace, query: str, klass: str) -> Check:
    with ws.begin() as s:
        reference, found = like_scan(s, query), matches(s, query)
        notes_found = sum(1 for kind, _ in reference if kind == "note")
        raw = raw_note_count(s.connection(), query)
    return Check(query, klass, len(reference), len(found), reference == found, raw == notes_found)


def time_queries(ws: Workspace, reps: int) -> dict[tuple[str, str], list[float]]:
    times: dict[tuple[str, str], list[float]] = {}
    cases: list[tuple[str, str, Callable[[], object]]] = []
    with ws.begin() as s:
        conn = s.connection()
        for q, _ in QUERIES:
            cases += [
                (q, "like", lambda q=q: like_counts(conn, q)),
                (q, "index", lambda q=q: count_matches(s, q)),
            ]
        for _, _, fn in cases:  # warm-up: every page in the cache
            fn()
        for rep in range(reps):
            random.shuffle(cases)
            for q, how, fn in cases:
                t0 = time.perf_counter()
                fn()
                times.setdefault((q, how), []).append(time.perf_counter() - t0)
            log(f"  rep {rep + 1}/{reps}")
    for _ in range(reps):  # the whole page: its own transaction, as the app runs it
        for q, _ in random.sample(QUERIES, len(QUERIES)):
            t0 = time.perf_counter()
            ws.search.search(q)
            times.setdefault((q, "page"), []).append(time.perf_counter() - t0)
    return times


def vacuumed_bytes(ws: Workspace) -> int:
    vault_engine.checkpoint(ws.vault.engine)
    raw = ws.vault.engine.raw_connection()
    try:
        driver: Any = raw.driver_connection
        driver.execute("VACUUM")
        pages = driver.execute("PRAGMA page_count").fetchone()[0]
        size = driver.execute("PRAGMA page_size").fetchone()[0]
    finally:
        raw.close()
    return int(pages) * int(size)


def sizes(ws: Workspace) -> dict[str, float]:
    """Bytes of indexed text; the vault vacuumed with and without the index; rebuild time."""
    with ws.begin() as s:
        conn = s.connection()
        text_bytes = conn.execute(
            text("SELECT sum(length(CAST(text AS BLOB))) FROM search_entries")
        ).scalar_one()
        parts = {
            name: conn.execute(text(sql)).scalar_one() or 0
            for name, sql in {
                "trigram": "SELECT sum(length(block)) FROM search_tri_data",
                "gram": "SELECT sum(length(block)) FROM search_gram_data",
            }.items()
        }
    with_index = vacuumed_bytes(ws)
    with ws.begin() as s:
        conn = s.connection()
        conn.execute(text("DELETE FROM search_entries"))
        conn.execute(text("INSERT INTO search_tri(search_tri) VALUES ('delete-all')"))
        conn.execute(text("INSERT INTO search_gram(search_gram) VALUES ('delete-all')"))
    without = vacuumed_bytes(ws)
    t0 = time.perf_counter()
    with ws.begin() as s:
        entries = search_index.rebuild(s.connection())
    rebuild_s = time.perf_counter() - t0
    return {
        "text": text_bytes, "with": with_index, "without": without, "rebuild_s": rebuild_s,
        "entries": entries, **{f"{k}_payload": v for k, v in parts.items()},
    }  # fmt: skip


# --- Reporting ----------------------------------------------------------------------------

Times = dict[tuple[str, str], list[float]]
HEADERS = ["Query", "class", "LIKE hits", "share", "hits ÷ LIKE", "LIKE ms", "index ms",
           "speed-up", "page ms"]  # fmt: skip
SHARES = {"rare": (0.0, 0.001), "common": (0.10, 1.0), "other": (0.0, 1.0)}


def med_ms(times: Times, q: str, how: str) -> float:
    return statistics.median(times[(q, how)]) * 1000


def speedup(times: Times, q: str) -> float:
    return med_ms(times, q, "like") / med_ms(times, q, "index")


def table(checks: list[Check], times: Times, total: int) -> list[list[str]]:
    out = []
    for c in checks:
        share = c.like_hits / total
        lo, hi = SHARES[c.klass]
        note = "" if lo <= share <= hi else " (class?)"
        ratio = c.index_hits / c.like_hits if c.like_hits else float(c.exact)
        exact = "" if c.exact and c.raw_ok else " NOT EXACT"
        like, idx, page = (med_ms(times, c.query, h) for h in ("like", "index", "page"))
        out.append([
            c.query, c.klass + note, f"{c.like_hits:,}", f"{100 * share:.2f} %",
            f"{ratio:.3f}{exact}", f"{like:.1f}", f"{idx:.2f}", f"{like / idx:.0f}×",
            f"{page:.1f}",
        ])  # fmt: skip
    return out


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def summary(checks: list[Check], times: Times, size: dict[str, float]) -> list[str]:
    exact = all(c.exact and c.raw_ok and c.index_hits == c.like_hits for c in checks)
    rare = [speedup(times, c.query) for c in checks if c.klass == "rare"]
    common = [speedup(times, c.query) for c in checks if c.klass == "common"]
    r, m = statistics.median(rare), statistics.median(common)
    pages = [med_ms(times, q, "page") for q, _ in QUERIES]
    mb = 1024 * 1024
    index_mb = (size["with"] - size["without"]) / mb
    text_mb, tri_mb = size["text"] / mb, size["trigram_payload"] / mb
    return [
        f"- Hits ÷ LIKE hits, {len(checks)} queries (equal id sets; LIKE over the notes' "
        f"columns agrees): {'1.0 for every query' if exact else 'NOT 1.0'}  "
        f"[goal = 1.0 exactly: {verdict(exact)}]",
        f"- Speed-up over LIKE, rare terms (≤ 0.1 %), median of {len(rare)}: {r:.0f}×  "
        f"[goal ≥ {GOAL_RARE:g}: {verdict(r >= GOAL_RARE)}]",
        f"- Speed-up over LIKE, common two-character words (≥ 10 %), median of {len(common)}: "
        f"{m:.0f}×  [goal ≥ {GOAL_COMMON:g}: {verdict(m >= GOAL_COMMON)}]",
        f"- Search page (totals, best 20 per kind, snippets): median "
        f"{statistics.median(pages):.1f} ms, max {max(pages):.1f} ms  [info]",
        f"- Index size ÷ text size: {index_mb / text_mb:.2f} ({index_mb:.1f} MB: vault "
        f"vacuumed with and without the index; indexed text {text_mb:.1f} MB)  [info]",
        f"-   of which the trigram index ÷ text: {tri_mb / text_mb:.2f}  "
        f"[G11 ≤ 2.5: {verdict(tri_mb / text_mb <= 2.5)}]; grams "
        f"{size['gram_payload'] / mb / text_mb:.2f}; the rest is search_entries (the "
        "normalised text the trigram index reads, and record ids)",
        f"- Rebuild of the whole index ({int(size['entries']):,} entries): "
        f"{size['rebuild_s']:.1f} s  [info]",
    ]


def print_table(rows: list[list[str]], markdown: bool) -> None:
    if markdown:
        print("| " + " | ".join(HEADERS) + " |")
        print("|---|---|" + "---:|" * (len(HEADERS) - 2))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    from app.cli_output import pad, width

    sizes = [max(width(row[i]) for row in [HEADERS, *rows]) for i in range(len(HEADERS))]
    for row in [HEADERS, *rows]:
        print("  ".join(pad(cell, sizes[i], right=i >= 2) for i, cell in enumerate(row)).rstrip())


def header(args: argparse.Namespace, total: int, build_s: float | None) -> list[str]:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    conn.execute(f"PRAGMA key = \"x'{bytes(32).hex()}'\"")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    lite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    built = f"built in {build_s:.1f} s, index hook on" if build_s else "reused"
    return [
        f"Machine: {os.cpu_count()} CPUs {platform.machine()}, Python "
        f"{platform.python_version()}, SQLCipher {cipher}, SQLite {lite}",
        f"Data: {args.notes:,} notes + {args.clients:,} clients = {total:,} entries, encrypted "
        f"vault ({built}); cache {vault_engine.DEFAULT_CACHE_MIB} MiB; medians of {args.reps} "
        "reps (order shuffled); LIKE and index ms count the matches of each kind",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--notes", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=2_000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--vault", type=Path, help="build the vault here once and reuse it")
    ap.add_argument("--quick", action="store_true", help="10,000 notes, 3 reps: a smoke check")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = ap.parse_args(argv)
    if args.quick:
        args.notes, args.reps = 10_000, 3
    tmp = Path(tempfile.mkdtemp(prefix="search-bench-"))
    folder: Path = args.vault or tmp / "vault"
    state = folder.parent / "state"
    os.environ.setdefault("CONFIDANT_STATE_DIR", str(state))
    try:
        build_s = None
        if not (folder / "keys.json").exists():
            log(f"building {args.notes:,} notes…")
            build_s = build(folder, args.notes, args.clients)
        with Workspace.open(folder, PASS, state) as ws:
            with ws.begin() as s:
                total = s.scalar(text("SELECT count(*) FROM search_entries")) or 0
            log("checking every query against the LIKE scan…")
            checks = [check(ws, q, k) for q, k in QUERIES]
            log("timing…")
            times = time_queries(ws, args.reps)
            log("sizes and a full rebuild…")
            size = sizes(ws)
        print("\n".join(header(args, total, build_s)))
        print_table(table(checks, times, total), args.markdown)
        print("\n".join(summary(checks, times, size)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
