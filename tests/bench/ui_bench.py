"""How the desktop UI scales: client list, search, start-up and memory, side by side.

    python tests/bench/ui_bench.py [--quick] [--markdown] [--reps 5]

Method (performance.md §2.5, §2.7, §4): two demo vaults (100 and 10,000 clients; cheap
Argon2id, which is not what is measured) made once up front; every trial but the search
runs in a fresh child process (tests/bench/ui_bench_child.py) on the offscreen platform,
cases alternating in a shuffled order each repetition after one untimed warm-up each;
medians. Start-up is timed from ``subprocess`` start to the child's ``READY`` line.
The project's bytecode is compiled first, as it is in an installed app (pip compiles
an installed package; tools/setup.sh the editable checkout), so that neither side of a
start-up ratio pays for compiling its modules. ``--quick`` (100 vs 2,000 clients,
2 reps) is a smoke check. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
CHILD = Path(__file__).with_name("ui_bench_child.py")
ROOT = Path(__file__).resolve().parents[2]
PASS = "ui bench passphrase"
CHILD_TIMEOUT = 240.0
GOAL_PAINT, GOAL_SEARCH_MS, GOAL_START, GOAL_RSS = 1.2, 50.0, 2.5, 1.5


class Row(NamedTuple):
    measure: str
    base: str
    value: str
    ratio: str
    goal: str
    ok: bool | None  # None: information only


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def compile_project() -> None:
    """Write the project's bytecode, which PYTHONDONTWRITEBYTECODE=1 would leave unwritten."""
    import compileall

    for package in ("app", "ui"):
        if not compileall.compile_dir(str(ROOT / package), quiet=1):
            raise RuntimeError(f"{package}: could not compile the project's modules")


def make_vault(folder: Path, clients: int) -> float:
    from app.services.demo import build_demo_book
    from app.services.workspace import KdfParams, Workspace

    started = time.perf_counter()
    with Workspace.create(folder, PASS, KdfParams(memory_kib=8192, passes=1, lanes=1)) as ws:
        build_demo_book(ws, clients=clients, seed=7)
        ws.home.summary()  # as after any session: the next unlock paints these figures
    return time.perf_counter() - started


def child(mode: str, vault: Path, root: Path, passes: int = 1) -> tuple[float, str]:
    """Run one child; (ms from process start to its first stdout line, its last line)."""
    work = Path(tempfile.mkdtemp(dir=root))
    env = {**os.environ, "UI_BENCH_PASSES": str(passes)}
    cmd = [sys.executable, str(CHILD), mode, str(vault), str(work), str(CHILD_TIMEOUT)]
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        killer = threading.Timer(CHILD_TIMEOUT + 20, proc.kill)
        killer.start()
        try:
            assert proc.stdout is not None
            first = proc.stdout.readline()
            at = time.perf_counter()
            lines = [first, *proc.stdout.read().splitlines()]
            proc.wait()
        finally:
            killer.cancel()
            shutil.rmtree(work, ignore_errors=True)
        if proc.returncode or not first:
            err.seek(0)
            tail = err.read().decode(errors="replace")[-3000:]
            raise RuntimeError(f"child {mode} failed ({proc.returncode}):\n{tail}")
    return (at - started) * 1000, lines[-1].strip().removeprefix("RESULT ")


def alternate(cases: dict[str, Callable[[], Any]], reps: int, what: str) -> dict[str, list[Any]]:
    """Each case once per repetition, order shuffled; one untimed warm-up each first."""
    for run in cases.values():
        run()
    out: dict[str, list[Any]] = {name: [] for name in cases}
    for rep in range(reps):
        for name in random.sample(list(cases), len(cases)):
            out[name].append(cases[name]())
        log(f"{what} rep {rep + 1}/{reps}: {', '.join(f'{k} {v[-1]}' for k, v in out.items())}")
    return out


def measure(small: Path, large: Path, root: Path, reps: int) -> dict[str, Any]:
    def trial(mode: str, vault: Path) -> Callable[[], Any]:
        if mode == "clients":
            return lambda: {k: round(v) for k, v in json.loads(child(mode, vault, root)[1]).items()}
        return lambda: round(child(mode, vault, root)[0])

    res: dict[str, Any] = {
        "list": alternate({"small": trial("clients", small), "large": trial("clients", large)},
                          reps, "client list"),
        "start": alternate({"bare": trial("bare", large), "app": trial("app", large),
                            "app_small": trial("app", small), "fresh": trial("fresh", large),
                            "shell": trial("shell", large)}, reps, "start-up"),
        "search": json.loads(child("search", large, root, reps // 2 + 1)[1]),
    }  # fmt: skip
    from app.services.workspace import DEFAULT_KDF, Workspace

    with Workspace.open(large, PASS, root / "rekey") as ws:  # the default, costly Argon2id
        ws.change_passphrase(PASS, PASS, DEFAULT_KDF)
    res["start_kdf"] = child("app", large, root)[0]
    return res


def report_rows(sizes: tuple[int, int], res: dict[str, Any]) -> list[Row]:
    n_small, n_large = (f"{n:,} clients" for n in sizes)
    lst, st = res["list"], res["start"]
    paint = {k: statistics.median([r["paint_ms"] for r in v]) for k, v in lst.items()}
    rss = {k: statistics.median([r["rss_mb"] for r in v]) for k, v in lst.items()}
    found = lst["small"][0]["clients"], lst["large"][0]["clients"]
    times = sorted(ms for _, ms, _ in res["search"])
    p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else times[0]
    keys: dict[str, list[Any]] = {}
    for text, ms, hits in res["search"]:
        keys.setdefault(text, [hits]).append(ms)
    slow = sorted(keys.items(), key=lambda kv: -statistics.median(kv[1][1:]))[:4]
    start = {k: statistics.median(v) for k, v in st.items()}
    return [
        Row(f"Client list first paint ({found[0]:,} vs {found[1]:,} clients listed)",
            f"{paint['small']:.0f} ms ({n_small})", f"{paint['large']:.0f} ms ({n_large})",
            f"{paint['large'] / paint['small']:.2f}", f"≤ {GOAL_PAINT}",
            paint["large"] / paint["small"] <= GOAL_PAINT),
        Row(f"Search keystroke → result, {n_large} ({len(times)} keystrokes)", "",
            f"median {statistics.median(times):.0f} ms, p90 {p90:.0f}, max {times[-1]:.0f}", "",
            f"median < {GOAL_SEARCH_MS:.0f} ms", statistics.median(times) < GOAL_SEARCH_MS),
        Row("  slowest keys (median)", "", ", ".join(f"{t!r} {statistics.median(v[1:]):.0f} ms"
            f" ({v[0]:,} hits)" for t, v in slow), "", "", None),
        Row(f"Start → unlocked, Home painted ({n_large}; last session's figures)",
            f"{start['bare']:.0f} ms bare Qt",
            f"{start['app']:.0f} ms", f"{start['app'] / start['bare']:.2f}",
            f"≤ {GOAL_START}", start["app"] / start["bare"] <= GOAL_START),
        Row(f"  same, {n_small}", f"{start['bare']:.0f} ms bare Qt",
            f"{start['app_small']:.0f} ms", f"{start['app_small'] / start['bare']:.2f}",
            "", None),
        Row(f"  same, {n_large}, until the fresh figures are painted",
            f"{start['bare']:.0f} ms bare Qt", f"{start['fresh']:.0f} ms",
            f"{start['fresh'] / start['bare']:.2f}", "", None),
        Row(f"  same, {n_large}, default Argon2id KDF (1 run)", "",
            f"{res['start_kdf']:.0f} ms", f"{res['start_kdf'] / start['bare']:.2f}", "", None),
        Row("  start → unlock page painted (no unlock)", f"{start['bare']:.0f} ms bare Qt",
            f"{start['shell']:.0f} ms", f"{start['shell'] / start['bare']:.2f}", "", None),
        Row("RSS: Home, Clients painted, one client's Profile + Portfolio",
            f"{rss['small']:.0f} MB ({n_small})", f"{rss['large']:.0f} MB ({n_large})",
            f"{rss['large'] / rss['small']:.2f}", f"≤ {GOAL_RSS}",
            rss["large"] / rss["small"] <= GOAL_RSS),
    ]  # fmt: skip


def machine() -> str:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    return (
        f"{os.cpu_count()} CPUs {platform.machine()}, {platform.system()}, Python "
        f"{platform.python_version()}, PySide6 {pyside} (Qt {qVersion()}), "
        f"QPA {os.environ['QT_QPA_PLATFORM']}"
    )


def print_report(rows: list[Row], head: list[str], markdown: bool) -> None:
    verdicts = ["info" if r.ok is None else "PASS" if r.ok else "**MISS**" for r in rows]
    print("\n".join(head))
    for r, v in zip(rows, verdicts, strict=True):
        goal = f"  [goal {r.goal}: {v.strip('*')}]" if r.goal else ""
        print(f"- {r.measure}: {r.base + ' → ' if r.base else ''}{r.value}"
              f"{' = ' + r.ratio if r.ratio else ''}{goal}")  # fmt: skip
    if markdown:
        print("\n" + "  \n".join(head) + "\n")
        print("| Measure | Baseline | Confidant | Ratio | Goal | Result |")
        print("|---|---:|---:|---:|---|---|")
        for r, v in zip(rows, verdicts, strict=True):
            print(f"| {r.measure} | {r.base} | {r.value} | {r.ratio} | {r.goal} | {v} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 vs 2,000 clients, 2 reps")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--reps", type=int, help="repetitions per case (default 5; quick 2)")
    args = parser.parse_args()
    sizes = (100, 2000) if args.quick else (100, 10_000)
    reps = args.reps or (2 if args.quick else 5)
    compile_project()
    with tempfile.TemporaryDirectory(prefix="ui-bench-") as tmp:
        root = Path(tmp)
        small, large = root / "small", root / "large"
        built = [make_vault(small, sizes[0]), make_vault(large, sizes[1])]
        log(f"vaults built in {built[0]:.1f} s and {built[1]:.1f} s")
        res = measure(small, large, root, reps)
    head = [
        f"Confidant UI benchmark — {time.strftime('%Y-%m-%d')}",
        f"Machine: {machine()}",
        f"Data: demo books of {sizes[0]:,} and {sizes[1]:,} clients (seed 7), cheap Argon2id "
        f"key slots; {reps} reps per case, order shuffled, fresh process per trial, medians",
    ]
    print_report(report_rows(sizes, res), head, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
