"""One search over the book: exact (the same hits as a LIKE scan), kept in step with
every write in the same transaction, grouped, ranked, with snippets; confidential notes
stay masked; an upgraded vault finds what it already held."""

from __future__ import annotations

import random
import shutil
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from app.domain.errors import ValidationError
from app.services.clients import NewClient
from app.services.search import like_scan, matches
from app.services.workspace import Workspace
from app.vault import engine as vault_engine
from app.vault import migrate, search_index
from app.vault.keys import KeyFile
from app.vault.models import Client, Complaint, Meeting, Note, Task
from app.vault.outbox import applying_remote
from app.vault.search_index import SearchEntry
from tests.app.vault.test_migrations import FIXTURE, FIXTURE_PASSPHRASE

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def note(client: uuid.UUID, title: str, body: str, **extra: Any) -> Note:
    return Note(client_id=client, written_at=T0, title=title, body=body, **extra)


def meeting(
    client: uuid.UUID, title: str, agenda: str = "", location: str | None = None
) -> Meeting:
    return Meeting(
        client_id=client,
        title=title,
        starts_at=T0,
        ends_at=T0 + timedelta(hours=1),
        channel="branch",
        agenda=agenda,
        location=location,
    )


def complaint(client: uuid.UUID, reference: str, description: str) -> Complaint:
    return Complaint(
        client_id=client,
        reference=reference,
        received_on=date(2025, 2, 3),
        channel="phone",
        category="服务态度",
        description=description,
        owner="rm",
    )


@pytest.fixture
def book(ws: Workspace) -> dict[str, uuid.UUID]:
    zhang = ws.clients.add(
        NewClient(name="张伟", city="上海", mobile="13912345678", id_number="11010519491231002X")
    )
    shan = ws.clients.add(NewClient(name="单伟", city="北京"))
    li = ws.clients.add(NewClient(name="李娜", city="深圳"))
    with ws.begin() as s:
        items = [
            note(zhang, "年度回顾", "客户希望 Rebalance 组合，加仓基金定投。"),
            note(li, "家族信托", "讨论 TR-2023-0137 信托计划的收益分配", tags="信托 KYC"),
            note(li, "私密", "离婚财产分割的安排", confidential=True),
            meeting(zhang, "季度检视", "基金表现与回撤", "陆家嘴办公室"),
            Task(client_id=shan, title="寄送 annual review 材料", owner="rm"),
            complaint(li, "TR-2023-0099", "对理财产品的风险揭示不满"),
        ]
        s.add_all(items)
        s.flush()
        ids = {f"{type(i).__name__.lower()}{n}": i.id for n, i in enumerate(items)}
    return {"zhang": zhang, "shan": shan, "li": li, **ids}


def found(ws: Workspace, query: str, **kw: Any) -> set[tuple[str, uuid.UUID]]:
    results = ws.search.search(query, **kw)
    return {(h.kind, h.ref_id) for g in results.groups for h in g.hits}


def test_one_two_and_three_character_chinese_words(ws: Workspace, book: dict[str, Any]) -> None:
    assert found(ws, "伟") == {("client", book["zhang"]), ("client", book["shan"])}
    assert found(ws, "基金") == {("note", book["note0"]), ("meeting", book["meeting3"])}
    assert found(ws, "年度回") == {("note", book["note0"])}
    assert found(ws, "回撤") == {("meeting", book["meeting3"])}


def test_codes_english_words_and_full_width_input(ws: Workspace, book: dict[str, Any]) -> None:
    both = {("note", book["note1"]), ("complaint", book["complaint5"])}
    assert found(ws, "TR-2023") == both
    assert found(ws, "ＴＲ－２０２３") == both
    assert found(ws, "tr-2023-0137") == {("note", book["note1"])}
    assert found(ws, "-0") == both
    assert found(ws, "rebalance") == {("note", book["note0"])}
    assert found(ws, "Annual REVIEW") == {("task", book["task4"])}
    assert found(ws, "kyc") == {("note", book["note1"])}


def test_pinyin_initials_and_both_surname_readings(ws: Workspace, book: dict[str, Any]) -> None:
    assert found(ws, "zhangwei") == {("client", book["zhang"])}
    assert found(ws, "zw") == {("client", book["zhang"])}
    assert found(ws, "zhang wei") == {("client", book["zhang"])}
    assert found(ws, "shanwei") == found(ws, "danwei") == {("client", book["shan"])}
    assert found(ws, "dw") == {("client", book["shan"])}


def test_c2_data_is_not_indexed(ws: Workspace, book: dict[str, Any]) -> None:
    assert found(ws, "5678") == set()
    assert found(ws, "002x") == set()
    with ws.begin() as s:
        texts = " ".join(s.scalars(select(SearchEntry.text)))
    assert "13912345678" not in texts and "002x" not in texts


def test_results_are_grouped_ranked_and_snippeted(ws: Workspace, book: dict[str, Any]) -> None:
    results = ws.search.search("基金")
    assert [g.kind for g in results.groups] == ["note", "meeting"]
    assert results.total == 2
    hit = results.groups[0].hits[0]
    assert hit.client_name == "张伟" and hit.client_id == book["zhang"]
    assert hit.title == "年度回顾" and hit.rank == 1 and hit.when == T0
    assert "【基金】" in hit.snippet.marked()
    assert results.groups[0].ranked_by == "recency"  # two characters: no bm25
    english = ws.search.search("Rebalance")
    assert english.groups[0].ranked_by == "relevance"
    assert "【Rebalance】" in english.groups[0].hits[0].snippet.marked()  # original capitals
    complaints = ws.search.search("TR-2023").group("complaint")
    assert complaints is not None and complaints.hits[0].when == date(2025, 2, 3)


def test_kinds_and_limit(ws: Workspace, book: dict[str, Any]) -> None:
    assert found(ws, "TR-2023", kinds={"complaint"}) == {("complaint", book["complaint5"])}
    assert found(ws, "伟", limit_per_kind=1) <= {
        ("client", book["zhang"]),
        ("client", book["shan"]),
    }
    assert len(found(ws, "伟", limit_per_kind=1)) == 1
    assert ws.search.search("伟", limit_per_kind=1).groups[0].total == 2
    with pytest.raises(ValidationError, match="kind"):
        ws.search.search("伟", kinds={"holding"})
    with pytest.raises(ValidationError):
        ws.search.search("伟", limit_per_kind=0)
    assert ws.search.search("   ").groups == ()


def test_confidential_note_is_found_but_masked(ws: Workspace, book: dict[str, Any]) -> None:
    results = ws.search.search("离婚")
    [group] = results.groups
    [hit] = group.hits
    assert hit.ref_id == book["note2"] and hit.masked
    assert hit.title == "机密笔记" and hit.snippet.text == "机密笔记"
    assert "离婚" not in hit.title + hit.snippet.text and "私密" not in hit.title


def test_an_edit_reindexes_in_the_same_transaction(ws: Workspace, book: dict[str, Any]) -> None:
    class Undo(Exception):
        pass

    with pytest.raises(Undo), ws.begin() as s:
        n = s.get(Note, book["note0"])
        assert n is not None
        n.body = "改为讨论养老规划"
        s.flush()
        assert matches(s, "养老") == like_scan(s, "养老") == {("note", book["note0"])}
        assert matches(s, "基金") == {("meeting", book["meeting3"])}
        raise Undo
    # Rolled back: the old text is indexed again, the new one never was.
    assert found(ws, "养老") == set()
    assert ("note", book["note0"]) in found(ws, "基金")
    with ws.begin() as s:
        n = s.get(Note, book["note0"])
        assert n is not None
        n.body = "改为讨论养老规划"
    assert found(ws, "养老") == {("note", book["note0"])}
    assert ws.search.matches("基金") == ws.search.like_scan("基金")


def test_a_client_edit_reindexes_name_pinyin_and_city(ws: Workspace, book: dict[str, Any]) -> None:
    ws.edits.update(book["li"], {"name": "黎娜", "city": "杭州"})
    assert found(ws, "杭州") == found(ws, "黎娜") == {("client", book["li"])}
    assert found(ws, "深圳") == found(ws, "李娜") == set()
    assert ("client", book["li"]) in found(ws, "lina")
    with ws.begin() as s:  # a change of other columns leaves the entry alone
        entry = s.scalar(select(SearchEntry.id).where(SearchEntry.ref_id == book["li"]))
    ws.edits.update(book["li"], {"occupation": "企业主"})
    with ws.begin() as s:
        assert s.scalar(select(SearchEntry.id).where(SearchEntry.ref_id == book["li"])) == entry


def test_a_tombstone_removes_the_entry(ws: Workspace, book: dict[str, Any]) -> None:
    with ws.begin() as s:
        m = s.get(Meeting, book["meeting3"])
        assert m is not None
        m.deleted_at = datetime.now(UTC)
    assert found(ws, "陆家嘴") == set()
    assert ws.search.like_scan("陆家嘴") == set()
    with ws.begin() as s:
        assert s.scalar(select(SearchEntry).where(SearchEntry.ref_id == book["meeting3"])) is None


def test_bulk_inserts_are_indexed(ws: Workspace, book: dict[str, Any]) -> None:
    rows = [
        {"client_id": book["zhang"], "written_at": T0, "title": "批量", "body": "导入的笔记一"},
        {"client_id": book["li"], "written_at": T0, "title": "批量", "body": "导入的笔记二"},
    ]
    with ws.begin() as s:
        s.execute(insert(Note), rows)
    with ws.begin() as s, applying_remote(s):
        s.execute(insert(Note), {**rows[0], "id": uuid.uuid4(), "body": "来自服务器的笔记"})
    assert len(found(ws, "导入的笔记")) == 2
    assert len(found(ws, "服务器")) == 1
    assert all(r.ok for r in ws.verify())  # FTS5 external content agrees with its table


def test_a_bulk_load_merges_the_index_before_it_commits(
    ws: Workspace, book: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    merged: list[object] = []
    monkeypatch.setattr(search_index, "OPTIMIZE_AFTER", 3)
    monkeypatch.setattr(search_index, "optimize", merged.append)
    with ws.begin() as s:  # one edit: nothing to merge
        s.add(note(book["zhang"], "一条", "单条笔记"))
    assert merged == []
    rows = [
        {"client_id": book["li"], "written_at": T0, "title": "批量", "body": f"第{i}条"}
        for i in range(6)
    ]
    with ws.begin() as s:
        s.execute(insert(Note), rows)
    assert len(merged) == 1
    assert len(found(ws, "批量")) == 6


# --- Exactness against the LIKE scan on a generated corpus -------------------------------

WORDS = [
    "基金", "理财", "信托", "保险", "回撤", "收益", "家族办公室", "资产配置", "增额终身寿",
    "子女教育", "客户", "风险", "伟", "王", "张伟", "陈勇涛", "KYC", "rebalance", "Review",
    "ＥＴＦ", "TR-2023-0137", "TR-2024-0001", "50%", "a_b", "Ｑ３", "年度回顾", "沪深300",
]  # fmt: skip
QUERIES = [
    "伟", "王", "金", "基金", "信托", "回撤", "收益", "客户", "年度回", "家族办公室",
    "资产配置", "陈勇涛", "kyc", "REBALANCE", "review", "etf", "tr-2023", "TR-2023-01",
    "tr", "-2", "50%", "%", "a_b", "_", "q3", "ｑ３", "300", "沪深", "基金 客户",
    "tr 伟", "rebalance 收益 客户", "不存在的词", "王 zhangwei",
]  # fmt: skip


def _text(rng: random.Random) -> str:
    return rng.choice(" ，。\n").join(rng.choices(WORDS, k=rng.randint(1, 8)))


def test_results_equal_a_like_scan(ws: Workspace) -> None:
    rng = random.Random(20250301)
    clients = [ws.clients.add(NewClient(name=n)) for n in ("王伟", "张伟", "陈勇涛", "Wang Fang")]
    with ws.begin() as s:
        for i in range(150):
            c = rng.choice(clients)
            kind = rng.randrange(4)
            if kind == 0:
                s.add(note(c, _text(rng), _text(rng), tags=_text(rng), confidential=i % 9 == 0))
            elif kind == 1:
                s.add(meeting(c, _text(rng), _text(rng), rng.choice([None, _text(rng)])))
            elif kind == 2:
                s.add(Task(client_id=rng.choice([c, None]), title=_text(rng), owner="rm"))
            else:
                s.add(complaint(c, f"C-{i}", _text(rng)))
    with ws.begin() as s:  # some edits and tombstones
        for n in s.scalars(select(Note).limit(20)):
            n.body = _text(rng)
        for t in s.scalars(select(Task).limit(5)):
            t.deleted_at = datetime.now(UTC)
    for query in QUERIES:
        expected = ws.search.like_scan(query)
        assert ws.search.matches(query) == expected, query
        results = ws.search.search(query, limit_per_kind=500)
        assert results.total == len(expected), query
        assert {(h.kind, h.ref_id) for g in results.groups for h in g.hits} == expected, query
    assert sum(1 for q in QUERIES if ws.search.like_scan(q)) >= 25  # the queries do hit


def test_rebuild_gives_the_same_index(ws: Workspace, book: dict[str, Any]) -> None:
    before = {q: ws.search.matches(q) for q in ("伟", "基金", "TR-2023", "zw", "离婚")}
    assert ws.search.rebuild() == 9  # 3 clients + 6 records
    assert {q: ws.search.matches(q) for q in before} == before
    assert all(r.ok for r in ws.verify())


# --- An upgraded vault -------------------------------------------------------------------


def test_an_upgraded_vault_finds_what_it_already_held(tmp_path: Path, state_dir: Path) -> None:
    folder = tmp_path / "old-vault"
    shutil.copytree(FIXTURE, folder)
    key = KeyFile.load(folder / "keys.json").unlock(FIXTURE_PASSPHRASE)
    engine = vault_engine.make_engine(folder / "vault.db", key)
    migrate.upgrade(engine, "0005_relationship")  # the vault as the previous release left it
    with engine.begin() as conn:
        chen = conn.scalar(select(Client.id).where(Client.name == "陈建国"))
        stamp = {"updated_at": T0, "updated_by": "old", "rev": None, "deleted_at": None}
        conn.execute(
            insert(Note.__table__),
            [
                {"id": uuid.uuid4(), "client_id": chen, "written_at": T0, "title": "旧笔记",
                 "body": "讨论基金定投", "tags": "", "confidential": False, **stamp},
                {"id": uuid.uuid4(), "client_id": chen, "written_at": T0, "title": "已删除",
                 "body": "基金赎回", "tags": "", "confidential": False,
                 **{**stamp, "deleted_at": T0}},
            ],
        )  # fmt: skip
    vault_engine.checkpoint(engine)
    engine.dispose()
    with Workspace.open(folder, FIXTURE_PASSPHRASE, state_dir) as ws:
        assert ws.vault.migrated_from == "0005_relationship"
        results = ws.search.search("基金")
        assert [(g.kind, g.total) for g in results.groups] == [("note", 1)]
        assert results.groups[0].hits[0].client_name == "陈建国"
        # Clients from before pinyin keys were stored are found by pinyin all the same.
        assert {h.title for g in ws.search.search("chenjianguo").groups for h in g.hits} == {
            "陈建国"
        }
        assert {h.title for g in ws.search.search("北京").groups for h in g.hits} == {"陈建国"}
        assert all(r.ok for r in ws.verify())
