"""`confidant clients show --json` carries the risk level; `clients assessment` writes
the record as PDF. Real processes, as bank IT would call them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from app.services.clients import NewClient
from app.services.workspace import Workspace
from tests.app.test_cli import CHEAP, PASS, assert_user_error, ok, run


def answers_at(position: str) -> dict[str, str]:
    """Every question answered with its highest-scoring (or lowest non-knockout) choice."""
    from app.services.risk import questionnaire

    pick = max if position == "high" else min
    return {
        q.key: pick((c for c in q.choices if not c.knockout), key=lambda c: c.score).key
        for q in questionnaire().questions
    }


@pytest.fixture
def assessed(tmp_path: Path) -> Path:
    folder = tmp_path / "v"
    ok(run("init", "--vault", str(folder), *CHEAP))
    state = Path(os.environ["CONFIDANT_STATE_DIR"])
    with Workspace.open(folder, PASS, state) as ws:
        client = ws.clients.add(NewClient(name="欧阳明月", birth_date=date(1980, 5, 1)))
        ws.clients.add(NewClient(name="司马未评", birth_date=date(1985, 5, 1)))
        ws.risk.record(client, answers_at("high"), place="branch", client_confirmed=True)
    return folder


def test_show_json_has_the_current_level_date_and_expiry(assessed: Path) -> None:
    data = json.loads(ok(run("clients", "show", "欧阳明月", "--json", "--vault", str(assessed))))
    risk = data["risk"]
    assert risk["level"] == "C5" and risk["name_zh"] == "进取型"
    assessed_on = date.fromisoformat(risk["assessed_on"])
    assert date.fromisoformat(risk["expires_on"]) == assessed_on.replace(year=assessed_on.year + 1)
    assert risk["status"] == "valid"
    text = ok(run("clients", "show", "欧阳明月", "--vault", str(assessed)))
    assert "C5 进取型" in text
    never = json.loads(ok(run("clients", "show", "司马未评", "--json", "--vault", str(assessed))))
    assert never["risk"] is None


def test_assessment_pdf(assessed: Path, tmp_path: Path) -> None:
    out = tmp_path / "record.pdf"
    args = ("clients", "assessment", "欧阳明月", "--out", str(out), "--vault", str(assessed))
    data = json.loads(ok(run(*args, "--json")))
    assert data["level"] == "C5" and out.read_bytes().startswith(b"%PDF")
    assert_user_error(run(*args), "already exists")
    assert_user_error(
        run("clients", "assessment", "司马未评", "--out", str(tmp_path / "n.pdf"),
            "--vault", str(assessed)),
        "never been assessed",
    )  # fmt: skip
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "C5" in text and "进取型" in text and "欧阳明月" in text
