"""A laptop that dies mid-meeting loses at most the last autosave interval of the note.

A child process opens meeting mode on a client and types a note a few characters at a
time, printing after each step what it has typed and when. The test kills it with
SIGKILL at a random moment, reopens the vault and checks that the saved note is exactly
what had been typed at some moment, and no older than one autosave interval (plus a
small margin for the save itself) before the kill.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from app.services.clients import NewClient
from app.services.workspace import KdfParams, Workspace

ROOT = Path(__file__).parents[2]
PASS = "test passphrase 123"
AUTOSAVE_MS = 500
STEP_MS = 40
MARGIN_S = 0.4  # the save's own time on the worker, and the event loop's latency

CHILD = textwrap.dedent(
    """
    import json, sys, time, uuid
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from ui.events import AppEvents
    from ui.meeting import editor as editor_module
    from ui.meeting.mode import MeetingMode
    from ui.session import VaultSession

    vault, state, client, interval, step = sys.argv[1:6]
    editor_module.AUTOSAVE_MS = int(interval)
    session = VaultSession(AppEvents(), state_dir=Path(state))
    keep = {}

    def chunk(n):
        return f"第{n}句，客户关注美元债。"

    def failed(error):
        print(json.dumps({"error": str(error)}), flush=True)
        app.exit(2)

    def type_more():
        editor = keep["mode"].editor
        if editor.target is None:
            return  # the brief and the editor are still loading
        n = keep["n"]
        editor.body.insertPlainText(chunk(n))
        keep["n"] = n + 1
        text = editor.body.toPlainText()
        print(json.dumps({"t": time.monotonic(), "n": n + 1, "text": text}), flush=True)

    def unlocked(_info):
        mode = MeetingMode(session, client_id=uuid.UUID(client))
        mode.show()
        keep.update(mode=mode, n=0)
        timer = QTimer(interval=int(step))
        timer.timeout.connect(type_more)
        timer.start()
        keep["timer"] = timer

    session.sig_error.connect(failed)
    session.events.vault_did_unlock.connect(unlocked)
    session.unlock(Path(vault), "test passphrase 123", failed)
    sys.exit(app.exec())
    """
)


def chunk(n: int) -> str:
    return f"第{n}句，客户关注美元债。"


def typed(n: int) -> str:
    return "".join(chunk(i) for i in range(n))


def run_and_kill(cmd: list[str], typing_for: float) -> tuple[list[dict], float, str]:
    """Start the child; SIGKILL it ``typing_for`` seconds after it starts typing."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: list[dict] = []
    errors: list[bytes] = []

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            lines.append(json.loads(raw))

    def read_errors() -> None:
        assert proc.stderr is not None
        errors.append(proc.stderr.read())

    threads = [threading.Thread(target=f, daemon=True) for f in (read, read_errors)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while not lines and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() < started + typing_for:
        time.sleep(0.005)
    killed_at = time.monotonic()
    alive = proc.poll() is None
    if alive:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    for thread in threads:
        thread.join(timeout=10)
    stderr = b"".join(errors).decode(errors="replace")
    assert alive, f"the child ended before the kill: {lines[-1:]!r} {stderr[-800:]}"
    return lines, killed_at, stderr


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("seed", [1, 2])
def test_sigkill_while_typing_loses_at_most_one_interval(
    tmp_path: Path, kdf: KdfParams, seed: int
) -> None:
    vault, state = tmp_path / "vault", tmp_path / "state"
    with Workspace.create(vault, PASS, kdf) as ws:
        client = ws.clients.add(NewClient(name="王芳", mobile="13800001111"))
    typing_for = random.Random(seed).uniform(2.5, 5.0)
    cmd = [
        sys.executable,
        "-c",
        CHILD,
        str(vault),
        str(state),
        str(client),
        str(AUTOSAVE_MS),
        str(STEP_MS),
    ]
    lines, killed_at, stderr = run_and_kill(cmd, typing_for)
    assert lines and all("error" not in line for line in lines), (lines[-1:], stderr[-800:])
    assert all(line["text"] == typed(line["n"]) for line in lines)
    assert lines[-1]["n"] >= 20, "the child typed too little to test anything"

    with Workspace.open(vault, PASS, state) as ws:
        notes = ws.notes.list_for(client)
        assert len(notes) == 1  # created once, on the first keystroke
        body = ws.notes.open(notes[0].id).body
        assert all(r.ok for r in ws.verify())

    # What was saved is what had been typed at some moment (whole steps, in order)...
    last = lines[-1]["n"]
    saved_steps = next((n for n in range(last + 2) if typed(n) == body), None)
    assert saved_steps is not None, f"saved text is no typed prefix: {body[-60:]!r}"
    # ...and no older than one interval (plus the margin) before the kill.
    cutoff = killed_at - AUTOSAVE_MS / 1000 - MARGIN_S
    required = max((line["n"] for line in lines if line["t"] <= cutoff), default=0)
    assert saved_steps >= required, (
        f"saved {saved_steps} steps, but {required} had been typed by {AUTOSAVE_MS} ms + "
        f"{MARGIN_S}s before the kill (typed {last}; killed after {typing_for:.2f}s)"
    )
    lost = len(typed(last)) - len(body)
    print(f"typed {last} steps, saved {saved_steps}; {lost} characters lost")
