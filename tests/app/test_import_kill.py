"""A process killed with SIGKILL in the middle of a large import leaves a vault that
verifies and holds all of the batch or none of it."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.domain.validation import resident_id_check_char
from app.services.workspace import KdfParams, Workspace

PASS = "test passphrase 123"
ROWS = 6_000


GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def name(i: int) -> str:
    """A distinct Chinese name for each i (surname + two given-name characters)."""
    n = len(GIVEN)
    return (
        "王李张刘陈杨黄赵吴周"[i % 10]
        + GIVEN[(i // 10) % n]
        + GIVEN[(i // (10 * n)) % n]
        + "文子明"[i // (10 * n * n)]
    )


def write_book(path: Path, rows: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["姓名", "性别", "证件号码", "手机", "城市"])
        for i in range(rows):
            # Unique 17-digit bodies: vary the birth date and the sequence number.
            month, day = 1 + (i // 50) % 12, 1 + (i // 600) % 28
            body = f"110105{1950 + i % 50}{month:02d}{day:02d}{i % 1000:03d}"
            out.writerow(
                [name(i), "男", body + resident_id_check_char(body), f"139{i:08d}", "北京"]
            )


def run_until_writing(cmd: list[str], env: dict[str, str], marker: str) -> tuple[bool, str]:
    """Start ``cmd``; SIGKILL it as soon as its progress shows ``marker``."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen: list[bytes] = []

    def read() -> None:
        assert proc.stderr is not None
        while chunk := proc.stderr.read1(4096):  # type: ignore[attr-defined]
            seen.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 240
    killed = False
    while proc.poll() is None and time.monotonic() < deadline:
        if marker.encode() in b"".join(seen):
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.02)
    proc.wait(timeout=60)
    reader.join(timeout=5)
    return killed, b"".join(seen).decode(errors="replace")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("marker", ["Writing 2,000", "Writing 4,000"])
def test_sigkill_mid_import_leaves_all_or_nothing(
    tmp_path: Path, kdf: KdfParams, marker: str
) -> None:
    vault = tmp_path / "v"
    Workspace.create(vault, PASS, kdf).close()
    book = tmp_path / "book.csv"
    write_book(book, ROWS)
    env = {**os.environ, "CONFIDANT_PASSPHRASE": PASS}
    killed, output = run_until_writing(
        [sys.executable, "-m", "app.cli", "import", "clients", str(book), "--vault", str(vault)],
        env,
        marker,
    )
    assert killed, f"the import ended before it could be killed: {output[-300:]}"
    with Workspace.open(vault, PASS, Path(os.environ["CONFIDANT_STATE_DIR"])) as ws:
        assert all(r.ok for r in ws.verify()), [r for r in ws.verify() if not r.ok]
        assert ws.clients.count() in (0, ROWS)
        imported = ws.clients.count()
    # The import can simply be run again and completes (nothing half-done blocks it).
    if imported == 0:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "app.cli",
                "import",
                "clients",
                str(book),
                "--vault",
                str(vault),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-500:]
