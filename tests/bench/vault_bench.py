"""What encryption costs the vault: encrypted vs the same sqlcipher3 engine without a key.

    python tests/bench/vault_bench.py [--clients 10000] [--holdings 200000] [--reps 5]
                                      [--quick] [--markdown]

Method (performance.md §2.1–2.3): one process, the same deterministic data for both
variants, the app's schema (Alembic) and PRAGMAs (app.vault.engine), a fresh file per
variant per rep, variant order shuffled per rep, medians. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, bindparam, func, insert, or_, select

from app.vault import engine as vault_engine
from app.vault import migrate
from app.vault.keys import DEFAULT_KDF, KdfParams, derive_wrapping_key
from app.vault.models import Base

T = Base.metadata.tables
CLIENTS, ACCOUNTS, HOLDINGS = T["clients"], T["accounts"], T["holdings"]
KEY = bytes(range(32))
VARIANTS: dict[str, bytes | None] = {"encrypted": KEY, "plain": None}
GOAL_CRM, GOAL_OPEN = 1.15, 3.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志红玉文辉鹏斌宇浩凯俊峰琳晨"
TERMS = [
    "理财",
    "保险",
    "信托",
    "家族办公室",
    "资产配置",
    "增额终身寿",
    "子女教育",
    "养老规划",
    "税务筹划",
    "房产",
    "股权",
    "基金定投",
    "风险偏好",
    "回撤",
    "流动性",
    "KYC",
    "rebalance",
    "review",
    "留学",
    "二代传承",
    "企业主",
    "分红",
    "债券",
    "美元资产",
]
CITIES = ["上海", "北京", "深圳", "杭州", "广州", "南京", "成都", "苏州", "宁波", "武汉"]
STAMP = datetime(2025, 1, 1, tzinfo=UTC)
PHASES = {
    "insert": "insert (9 txns)",
    "point_pk": "1,000 clients by id",
    "point_name": "1,000 clients by name",
    "agg_page": "AUM per client (cold)",
    "agg_full": "full GROUP BY ×6",
    "like": "LIKE '%xx%' scans",
}
Rows = list[dict[str, Any]]


def id_maker(seed: int) -> Callable[[], dict[str, Any]]:
    """Sync columns with deterministic ids, UUIDv7-shaped and time-ordered like new_id()."""
    rng, ms = random.Random(seed), itertools.count(1_735_689_600_000)

    def new() -> dict[str, Any]:
        r = rng.getrandbits(74)
        value = (next(ms) << 80) | (7 << 76) | ((r >> 62) << 64) | (2 << 62) | (r & ((1 << 62) - 1))
        return {"id": uuid.UUID(int=value), "updated_at": STAMP, "updated_by": "bench"}

    return new


def money(rng: random.Random, top: int, scale: int) -> Decimal:
    return Decimal(rng.randrange(1, top)).scaleb(-scale)


def make_book(n_clients: int, n_holdings: int, seed: int) -> dict[str, Rows]:
    """The data set, by table in insert order; the same for every variant and rep."""
    rng, new = random.Random(seed), id_maker(seed + 9)
    n_instr, n_accounts = 400, n_clients * 2
    per_acct = max(1, min(n_instr, round(n_holdings / n_accounts)))
    instruments = [
        {
            **new(),
            "code": f"P{i:05d}",
            "name": f"稳健{i}号",
            "type": "wmp",
            "asset_class": "fixed_income",
            "currency": "CNY",
            "risk_rating": 1 + i % 5,
            "lockup_days": 90,
        }
        for i in range(n_instr)
    ]
    clients: Rows = []
    for i in range(n_clients):
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
        needs = ""
        while len(needs) < 140:
            needs += rng.choice(TERMS) + rng.choice("，。、；")
        clients.append(
            {
                **new(),
                "name": name,
                "name_pinyin": f"client{i}",
                "search_keys": name,
                "gender": rng.choice("MF"),
                "mobile": f"13{rng.randrange(10**9):09d}",
                "birth_date": date(1950, 1, 1) + timedelta(days=rng.randrange(20000)),
                "email": f"c{i}@example.cn",
                "city": rng.choice(CITIES),
                "occupation": "企业主",
                "onboarded_on": date(2020, 1, 1),
                "needs": needs,
                "preferences": rng.choice(TERMS),
                "financial_assets_cny": money(rng, 10**11, 2),
                "tier": "私行",
            }
        )
    accounts = [
        {
            **new(),
            "client_id": clients[i // 2]["id"],
            "name": "综合账户",
            "institution": "本行",
            "number": f"6222{rng.randrange(10**12):012d}",
            "cash_balance": money(rng, 10**10, 2),
        }
        for i in range(n_accounts)
    ]
    # Holdings are bought over time, so one client's rows scatter over the table.
    slots = [(a, j) for a in range(n_accounts) for j in range(per_acct)]
    picks = [rng.sample(range(n_instr), per_acct) for _ in range(n_accounts)]
    rng.shuffle(slots)
    holdings = [
        {
            **new(),
            "account_id": accounts[a]["id"],
            "instrument_id": instruments[picks[a][j]]["id"],
            "quantity": money(rng, 10**12, 6),
            "cost_basis": money(rng, 10**10, 2),
        }
        for a, j in slots
    ]
    return {
        "instruments": instruments,
        "clients": clients,
        "accounts": accounts,
        "holdings": holdings,
    }


@dataclass
class Plan:
    """The queries' parameters, drawn once: both variants run exactly the same queries."""

    ids: list[uuid.UUID]
    names: list[str]
    agg: list[uuid.UUID]
    likes: list[str]


def make_plan(clients: Rows, seed: int, n_agg: int, n_like: int) -> Plan:
    rng = random.Random(seed + 1)
    n = min(1000, len(clients))
    texts = [c["name"] + c["needs"] for c in rng.sample(clients, n_like)]
    return Plan(
        [c["id"] for c in rng.sample(clients, n)],
        [c["name"] for c in rng.sample(clients, n)],
        [c["id"] for c in rng.sample(clients, min(n_agg, len(clients)))],
        [f"%{t[k : k + 2]}%" for t in texts for k in [rng.randrange(len(t) - 1)]],
    )


AUM_FROM = HOLDINGS.join(ACCOUNTS, HOLDINGS.c.account_id == ACCOUNTS.c.id)
AUM_COLS = (func.sum(HOLDINGS.c.quantity), func.sum(HOLDINGS.c.cost_basis), func.count())
Q_PK = select(CLIENTS).where(CLIENTS.c.id == bindparam("v"))
Q_NAME = select(CLIENTS).where(CLIENTS.c.name == bindparam("v"))
Q_FULL = (
    select(ACCOUNTS.c.client_id, *AUM_COLS).select_from(AUM_FROM).group_by(ACCOUNTS.c.client_id)
)
Q_AUM = Q_FULL.where(ACCOUNTS.c.client_id == bindparam("v"))
Q_BY_INSTR = select(HOLDINGS.c.instrument_id, *AUM_COLS).group_by(HOLDINGS.c.instrument_id)
Q_LIKE = (
    select(func.count())
    .select_from(CLIENTS)
    .where(or_(CLIENTS.c.name.like(bindparam("v")), CLIENTS.c.needs.like(bindparam("v"))))
)


Times = tuple[float, float]  # (wall, CPU of this process) seconds


def since(t0: Times) -> Times:
    return time.perf_counter() - t0[0], time.process_time() - t0[1]


def query_phases(conn: Connection, plan: Plan) -> dict[str, Times]:
    def timed(fn: Callable[[], object]) -> Times:
        t0 = time.perf_counter(), time.process_time()
        fn()
        conn.rollback()
        return since(t0)

    return {
        "point_pk": timed(lambda: [conn.execute(Q_PK, {"v": v}).first() for v in plan.ids]),
        "point_name": timed(lambda: [conn.execute(Q_NAME, {"v": v}).all() for v in plan.names]),
        "agg_page": timed(lambda: [conn.execute(Q_AUM, {"v": v}).all() for v in plan.agg]),
        "agg_full": timed(
            lambda: [conn.execute(q).all() for _ in range(3) for q in (Q_FULL, Q_BY_INSTR)]
        ),
        "like": timed(lambda: [conn.execute(Q_LIKE, {"v": v}).scalar() for v in plan.likes]),
    }


def db_mb(path: Path) -> float:
    files = (path, path.with_name(path.name + "-wal"))
    return sum(p.stat().st_size for p in files if p.exists()) / 1e6


def run_crm(
    path: Path, key: bytes | None, book: dict[str, Rows], plan: Plan
) -> tuple[dict[str, Times], float]:
    engine = vault_engine.make_engine(path, key)
    migrate.upgrade(engine)
    gc.collect()
    holdings = book["holdings"]
    step = -(-len(holdings) // 8)
    t0 = time.perf_counter(), time.process_time()
    with engine.begin() as conn:
        for name in ("instruments", "clients", "accounts"):
            conn.execute(insert(T[name]), book[name])
    for i in range(0, len(holdings), step):
        with engine.begin() as conn:
            conn.execute(insert(HOLDINGS), holdings[i : i + step])
    times = {"insert": since(t0)}
    engine.dispose()
    engine = vault_engine.make_engine(path, key)  # closed and reopened: a cold page cache
    with engine.connect() as conn:
        times.update(query_phases(conn, plan))
    vault_engine.checkpoint(engine)
    engine.dispose()
    return times, db_mb(path)


def time_open(path: Path, key: bytes | None) -> float:
    t0 = time.perf_counter()
    conn = vault_engine.connect(path, key)
    # A fixed, small read: what opening costs, not how big the book is.
    conn.execute("SELECT id FROM clients LIMIT 1").fetchone()
    try:
        return time.perf_counter() - t0
    finally:
        conn.close()


@dataclass
class Results:
    args: argparse.Namespace
    rows: dict[str, int] = field(default_factory=dict)
    phases: dict[str, dict[str, list[Times]]] = field(default_factory=dict)
    rep_ratios: list[float] = field(default_factory=list)
    size: dict[str, float] = field(default_factory=dict)
    opens: dict[str, list[float]] = field(default_factory=dict)
    unlock_s: float = 0.0
    demo: dict[str, Any] = field(default_factory=dict)

    def med(self, variant: str, phase: str | None = None, cpu: bool = False) -> float:
        """Median over reps of one phase, or of each rep's sum of phases; wall or CPU."""
        runs = self.phases[variant]
        per_rep = zip(*(runs[p] for p in ([phase] if phase else PHASES)), strict=True)
        return float(statistics.median([sum(t[cpu] for t in rep) for rep in per_rep]))


def bench_crm(res: Results, tmp: Path) -> None:
    a = res.args
    book = make_book(a.clients, a.holdings, a.seed)
    plan = make_plan(book["clients"], a.seed, n_agg=200, n_like=50)
    res.rows = {t: len(rows) for t, rows in book.items()}
    res.phases = {v: {p: [] for p in PHASES} for v in VARIANTS}
    order_rng = random.Random(a.seed + 2)
    small = make_book(50, 1000, a.seed)  # warm-up: compile and cache every statement once
    run_crm(tmp / "warm-up.db", None, small, make_plan(small["clients"], a.seed, 20, 5))
    for rep in range(a.reps):
        order = list(VARIANTS)
        order_rng.shuffle(order)
        total: dict[str, float] = {}
        for v in order:
            times, res.size[v] = run_crm(tmp / f"{v}-{rep}.db", VARIANTS[v], book, plan)
            for phase, t in times.items():
                res.phases[v][phase].append(t)
            total[v] = sum(wall for wall, _ in times.values())
            print(f"rep {rep + 1}/{a.reps} {v:9} {total[v]:7.2f} s", file=sys.stderr)
        res.rep_ratios.append(total["encrypted"] / total["plain"])
        if rep < a.reps - 1:
            for p in tmp.glob(f"*-{rep}.db*"):
                p.unlink()
    # Second connections, while the app's own connection stays open (WAL, warm OS cache).
    last = {v: tmp / f"{v}-{a.reps - 1}.db" for v in VARIANTS}
    holders = [vault_engine.connect(p, VARIANTS[v]) for v, p in last.items()]
    res.opens = {v: [] for v in VARIANTS}
    for _ in range(a.opens):
        order = list(VARIANTS)
        order_rng.shuffle(order)
        for v in order:
            res.opens[v].append(time_open(last[v], VARIANTS[v]))
    for conn in holders:
        conn.close()


def bench_demo(res: Results, tmp: Path) -> None:
    try:
        from app.services.demo import build_demo_book
    except ImportError as exc:
        res.demo = {"error": f"not run: {exc}"}
        return
    from app.services.workspace import Workspace

    folder, cheap = tmp / "demo", KdfParams(memory_kib=8 * 1024, passes=1, lanes=1)
    t0 = time.perf_counter()
    try:
        with Workspace.create(folder, "bench passphrase", cheap) as ws:
            t1 = time.perf_counter()
            build_demo_book(ws, clients=res.args.demo_clients, seed=7)
            t2 = time.perf_counter()
            with ws.vault.engine.connect() as conn:
                counts = {
                    t: conn.execute(select(func.count()).select_from(T[t])).scalar() or 0
                    for t in sorted(T)
                }
    except Exception as exc:  # a demo in progress elsewhere must not lose the CRM results
        res.demo = {"error": f"failed: {type(exc).__name__}: {exc}"}
        return
    res.demo = {
        "create_s": t1 - t0,
        "build_s": t2 - t1,
        "mb": db_mb(folder / "vault.db"),
        "counts": {t: c for t, c in counts.items() if c},
    }


def verdict(ratio: float, goal: float) -> str:
    return f"≤ {goal:g}: {'PASS' if ratio <= goal else 'MISS'}"


def table_rows(res: Results) -> list[tuple[str, str, str, str, str]]:
    """(measure, encrypted, plain, ratio, goal or note): shared by both outputs."""
    rows = []

    def cpu(phase: str | None) -> str:
        return f"CPU {res.med('encrypted', phase, True) / res.med('plain', phase, True):.2f}"

    for phase, label in PHASES.items():
        e, p = res.med("encrypted", phase), res.med("plain", phase)
        rows.append((label, f"{e * 1000:.1f} ms", f"{p * 1000:.1f} ms", f"{e / p:.2f}", cpu(phase)))
    e, p = res.med("encrypted"), res.med("plain")
    rows.append(
        (
            "**CRM workload total**",
            f"{e:.2f} s",
            f"{p:.2f} s",
            f"**{e / p:.2f}**",
            f"{verdict(e / p, GOAL_CRM)} ({cpu(None)})",
        )
    )
    e, p = (statistics.median(res.opens[v]) for v in VARIANTS)
    rows.append(
        (
            "2nd connection: connect + first row",
            f"{e * 1000:.2f} ms",
            f"{p * 1000:.2f} ms",
            f"{e / p:.2f}",
            verdict(e / p, GOAL_OPEN),
        )
    )
    k = DEFAULT_KDF
    rows.append(
        (
            f"Argon2id unlock, {k.memory_kib // 1024} MiB t={k.passes} p={k.lanes}",
            f"{res.unlock_s:.2f} s",
            "",
            "",
            "info",
        )
    )
    e, p = res.size["encrypted"], res.size["plain"]
    rows.append(
        ("CRM vault on disk (db + wal)", f"{e:.1f} MB", f"{p:.1f} MB", f"{e / p:.3f}", "info")
    )
    d, n = res.demo, res.args.demo_clients
    if "error" in d:
        rows.append((f"demo book, {n:,} clients", "", "", "", d["error"]))
    elif d:
        c = d["counts"]
        rows.append(
            (
                f"demo book, {n:,} clients",
                f"{d['create_s'] + d['build_s']:.1f} s",
                "",
                "",
                f"build {d['build_s']:.1f} s; {c.get('clients', 0):,} clients, "
                f"{c.get('holdings', 0):,} holdings",
            )
        )
        rows.append(("demo vault on disk (db + wal)", f"{d['mb']:.1f} MB", "", "", "info"))
    return rows


def header(res: Results) -> list[str]:
    conn = sqlcipher3.connect(":memory:")
    conn.execute(f"PRAGMA key = \"x'{KEY.hex()}'\"")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    lite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    r, a = res.rows, res.args
    return [
        f"Machine: {os.cpu_count()} CPUs {platform.machine()}, Python "
        f"{platform.python_version()}, SQLCipher {cipher}, SQLite {lite}",
        f"Data: {r['clients']:,} clients, {r['accounts']:,} accounts, {r['holdings']:,} "
        f"holdings; cache {vault_engine.DEFAULT_CACHE_MIB} MiB; medians of {a.reps} reps "
        f"(order shuffled), {a.opens} opens each",
    ]


def report(res: Results) -> None:
    print("\n".join(header(res)))
    rows = [tuple(c.replace("**", "") for c in row) for row in table_rows(res)]
    w = [max(len(row[i]) for row in rows) for i in range(4)]
    print(f"{'':{w[0]}}  {'encrypted':>{w[1]}}  {'plain':>{w[2]}}  {'ratio':>{w[3]}}")
    for m, e, p, r, g in rows:
        print(f"{m:{w[0]}}  {e:>{w[1]}}  {p:>{w[2]}}  {r:>{w[3]}}  {g}".rstrip())
    print("CRM total ratio per rep: " + " ".join(f"{r:.2f}" for r in res.rep_ratios))
    if "counts" in res.demo:
        print("demo rows: " + ", ".join(f"{t} {c:,}" for t, c in res.demo["counts"].items()))


def markdown(res: Results) -> None:
    print("\n" + "  \n".join(header(res)) + "\n")
    print("| Measure | Encrypted | Plain (same engine, no key) | Ratio | Goal / note |")
    print("|---|---:|---:|---:|---|")
    for row in table_rows(res):
        print("| " + " | ".join(row) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--clients", type=int, default=10_000)
    ap.add_argument("--holdings", type=int, default=200_000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--opens", type=int, default=30, help="connection opens per variant (≥ 20)")
    ap.add_argument("--demo-clients", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--quick", action="store_true", help="1k clients, 20k holdings, 3 reps")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = ap.parse_args(argv)
    quick = {"clients": 1_000, "holdings": 20_000, "reps": 3, "demo_clients": 500}
    for name, value in quick.items() if args.quick else ():
        if getattr(args, name) == ap.get_default(name):  # explicit options win
            setattr(args, name, value)
    res = Results(args)
    with tempfile.TemporaryDirectory(prefix="vault-bench-") as tmp:
        bench_crm(res, Path(tmp))
        print("Argon2id unlock…", file=sys.stderr)
        t0 = time.perf_counter()
        derive_wrapping_key("correct horse battery staple", bytes(16), DEFAULT_KDF)
        res.unlock_s = time.perf_counter() - t0
        print(f"demo book, {args.demo_clients:,} clients…", file=sys.stderr)
        bench_demo(res, Path(tmp))
    report(res)
    if args.markdown:
        markdown(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
