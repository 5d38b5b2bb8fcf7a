"""`confidant search QUERY [--kind K] [--limit N] [--json]`, run as bank IT would run it."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.services.clients import NewClient
from app.services.workspace import Workspace
from app.vault.models import Note, Task
from tests.app.test_cli import CHEAP, PASS, assert_user_error, ok, run

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "v"
    ok(run("init", "--vault", str(folder), *CHEAP))
    with Workspace.open(folder, PASS, Path(os.environ["CONFIDANT_STATE_DIR"])) as ws:
        zhang = ws.clients.add(NewClient(name="张伟", city="上海", mobile="13912345678"))
        with ws.begin() as s:
            s.add(Note(client_id=zhang, written_at=T0, title="年度回顾", body="加仓基金定投"))
            s.add(Note(client_id=zhang, written_at=T0, title="私事", body="基金与离婚安排",
                       confidential=True))  # fmt: skip
            s.add(Task(client_id=zhang, title="寄送 TR-2023-0137 基金合同", owner="rm"))
    return folder


def test_json_groups_hits_by_kind(vault: Path) -> None:
    data = json.loads(ok(run("search", "基金", "--json", "--vault", str(vault))))
    assert data["terms"] == ["基金"] and data["total"] == 3
    groups = {g["kind"]: g for g in data["groups"]}
    assert list(groups) == ["note", "task"]
    assert groups["note"]["total"] == 2
    hit = groups["task"]["hits"][0]
    assert hit["client_name"] == "张伟" and hit["title"] == "寄送 TR-2023-0137 基金合同"
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "基金"
    masked = [h for h in groups["note"]["hits"] if h["masked"]]
    assert [(h["title"], h["snippet"]) for h in masked] == [("机密笔记", "机密笔记")]
    assert "离婚" not in json.dumps(data, ensure_ascii=False)


def test_text_output_kind_limit_and_pinyin(vault: Path) -> None:
    text = ok(run("search", "TR-2023", "--vault", str(vault)))
    assert "Tasks 待办 (1)" in text and "【TR-2023】" in text
    one = ok(run("search", "基金", "--kind", "note", "--limit", "1", "--vault", str(vault)))
    assert one.startswith("Notes 笔记 (2, ") and "Tasks" not in one
    client = json.loads(ok(run("search", "zw", "--json", "--vault", str(vault))))
    assert [g["kind"] for g in client["groups"]] == ["client"]
    assert "13912345678" not in json.dumps(client)
    assert "Nothing matches" in ok(run("search", "没有的词", "--vault", str(vault)))
    several = json.loads(ok(run("search", "基金", "合同", "--json", "--vault", str(vault))))
    assert several["total"] == 1


def test_mistakes_say_what_to_do(vault: Path) -> None:
    assert_user_error(run("search", "  ", "--vault", str(vault)), "Say what to search for")
    assert_user_error(run("search", "基金", "--limit", "0", "--vault", str(vault)), "between 1")
    bad = run("search", "基金", "--kind", "holding", "--vault", str(vault))
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    assert "QUERY" in ok(run("search", "--help"))
