"""Advice pack: how generation time grows with length, the standard pack's time, memory.

    .venv/bin/python tests/bench/pack_bench.py [--reps 7] [--quick] [--markdown]

Method (performance.md §2.6): packs from tests/app/reports/pack_samples.py, rendered into
memory with ``render_advice_pack``. The 10- and 100-page packs scale the standard
client's lists together (holdings, recommendations, goals), sized once up front by
counting pages; the standard pack is a typical client (25 holdings, 3 goals, 4
recommendations, a 20-year projection). After one untimed warm-up each (font loading
and style caches are paid there), ``--reps`` repetitions with the cases in a shuffled
order; medians. Linear growth means 100 pages ≈ 10× 10 pages (goal ≤ 11). Memory is
tracemalloc's peak over one render of each size, traced separately from the timings.
Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "app" / "reports")]

import reportlab  # noqa: E402
from pack_samples import both_pack, recommendations, sized_pack, zh_pack  # noqa: E402

from app.reports.advice_pack import AdvicePackDocument, render_advice_pack  # noqa: E402
from app.reports.brief import page_count  # noqa: E402

GOAL_RATIO, GOAL_STANDARD_S = 11.0, 1.0


class Row(NamedTuple):
    measure: str
    base: str
    value: str
    ratio: str
    goal: str
    ok: bool | None  # None: information only


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def scaled(scale: float) -> AdvicePackDocument:
    """The standard client with every list ``scale`` times as long."""
    return sized_pack(round(25 * scale), max(1, round(4 * scale)), max(1, round(3 * scale)))


def sized(pages: int) -> tuple[AdvicePackDocument, int]:
    """A scaled pack of about ``pages`` pages, and its page count (secant steps on the
    scale, since pages grow about linearly with it)."""

    def count(scale: float) -> int:
        return page_count(render_advice_pack(scaled(scale)))

    points = [(0.5, count(0.5)), (4.0, count(4.0))]
    for _ in range(8):
        (s0, p0), (s1, p1) = points[-2:]
        if p1 == pages:
            break
        guess = s1 + (pages - p1) * (s1 - s0) / ((p1 - p0) or 1)
        points.append((max(0.05, guess), count(max(0.05, guess))))
    scale, got = min(points, key=lambda point: (abs(point[1] - pages), point[0]))
    return scaled(scale), got


def timed(render: Callable[[], bytes]) -> Callable[[], float]:
    def run() -> float:
        gc.collect()
        started = time.perf_counter()
        render()
        return time.perf_counter() - started

    return run


def alternate(cases: dict[str, Callable[[], float]], reps: int) -> dict[str, list[float]]:
    """Each case once per repetition, order shuffled; one untimed warm-up each first."""
    for run in cases.values():
        run()
    out: dict[str, list[float]] = {name: [] for name in cases}
    for rep in range(reps):
        for name in random.sample(list(cases), len(cases)):
            out[name].append(cases[name]())
        log(f"rep {rep + 1}/{reps}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in out.items()))
    return out


def peak_mb(doc: AdvicePackDocument) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        render_advice_pack(doc)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def measure(reps: int) -> tuple[list[Row], dict[str, int]]:
    standard = zh_pack()
    assert len(standard.holdings) == 25 and len(standard.goals) == 3
    assert len(standard.recommendations) == len(recommendations()) == 4
    ten, ten_pages = sized(10)
    hundred, hundred_pages = sized(100)
    pages = {
        "10": ten_pages,
        "100": hundred_pages,
        "standard": page_count(render_advice_pack(standard)),
        "both": page_count(render_advice_pack(both_pack())),
    }
    log(f"sized: {pages}")
    cases = {
        "10p": timed(lambda: render_advice_pack(ten)),
        "100p": timed(lambda: render_advice_pack(hundred)),
        "standard": timed(lambda: render_advice_pack(standard)),
        "both": timed(lambda: render_advice_pack(both_pack())),
        "password": timed(lambda: render_advice_pack(standard, password="bench-Pa55")),
    }
    res = {name: statistics.median(times) for name, times in alternate(cases, reps).items()}
    memory = {"standard": peak_mb(standard), "100p": peak_mb(hundred)}
    ratio = res["100p"] / res["10p"]
    per_page = res["100p"] / pages["100"]
    rows = [
        Row(
            f"{pages['100']}-page pack ÷ {pages['10']}-page pack "
            f"({len(hundred.holdings)} vs {len(ten.holdings)} holdings)",
            f"{res['10p']:.3f} s",
            f"{res['100p']:.3f} s",
            f"{ratio:.2f}",
            f"≤ {GOAL_RATIO:g}",
            ratio <= GOAL_RATIO,
        ),
        Row(
            "  per page, normalised (100-page ÷ 10-page, per page)",
            "",
            f"{per_page * 1000:.1f} ms/page",
            f"{ratio * pages['10'] / pages['100']:.2f}",
            "",
            None,
        ),
        Row(
            f"Standard pack (25 holdings, 3 goals, 4 products; {pages['standard']} pages, zh)",
            "",
            f"{res['standard']:.3f} s",
            "",
            f"< {GOAL_STANDARD_S:g} s",
            res["standard"] < GOAL_STANDARD_S,
        ),
        Row(
            f"  same client, Chinese + English ({pages['both']} pages)",
            "",
            f"{res['both']:.3f} s",
            f"{res['both'] / res['standard']:.2f}",
            "",
            None,
        ),
        Row(
            "  same pack with a password (RC4-128)",
            "",
            f"{res['password']:.3f} s",
            f"{res['password'] / res['standard']:.2f}",
            "",
            None,
        ),
        Row(
            "Peak memory (tracemalloc), standard → 100-page pack",
            f"{memory['standard']:.1f} MB",
            f"{memory['100p']:.1f} MB",
            f"{memory['100p'] / memory['standard']:.2f}",
            "",
            None,
        ),
    ]
    return rows, pages


def print_report(rows: list[Row], head: list[str], markdown: bool) -> None:
    verdicts = ["info" if r.ok is None else "PASS" if r.ok else "**MISS**" for r in rows]
    print("\n".join(head))
    for r, v in zip(rows, verdicts, strict=True):
        goal = f"  [goal {r.goal}: {v.strip('*')}]" if r.goal else ""
        base = r.base + " → " if r.base else ""
        print(f"- {r.measure}: {base}{r.value}{' = ' + r.ratio if r.ratio else ''}{goal}")
    if markdown:
        print("\n" + "  \n".join(head) + "\n")
        print("| Measure | Baseline | Confidant | Ratio | Goal | Result |")
        print("|---|---:|---:|---:|---|---|")
        for r, v in zip(rows, verdicts, strict=True):
            print(f"| {r.measure} | {r.base} | {r.value} | {r.ratio} | {r.goal} | {v} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reps", type=int, help="repetitions per case (default 7; quick 2)")
    parser.add_argument("--quick", action="store_true", help="2 repetitions, a smoke check")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args()
    reps = args.reps or (2 if args.quick else 7)
    rows, _ = measure(reps)
    head = [
        f"Confidant advice pack benchmark — {time.strftime('%Y-%m-%d')}",
        f"Machine: {os.cpu_count()} CPUs {platform.machine()}, {platform.system()}, Python "
        f"{platform.python_version()}, ReportLab {reportlab.Version}",
        f"Data: tests/app/reports/pack_samples.py; {reps} reps per case after a warm-up, "
        "order shuffled, medians; rendered into memory",
    ]
    print_report(rows, head, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
