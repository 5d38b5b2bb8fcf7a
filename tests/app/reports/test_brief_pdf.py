"""The meeting brief PDF: at most two A4 pages, the client's figures extractable, the ID
and mobile masked, confidential notes without their body, fonts embedded as subsets and
the same document giving the same bytes."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.money import Money
from app.reports.brief import (
    BriefDocument,
    BriefMeeting,
    BriefNote,
    BriefTask,
    BriefTransaction,
    format_cny,
    format_cny_short,
    page_count,
    render_brief,
)
from app.reports.charts import allocation_doughnut, fit_text, shares

SHANGHAI = ZoneInfo("Asia/Shanghai")
FULL_ID = "11010519561231002X"
MASKED_ID = "110105********002X"
FULL_MOBILE = "13812345678"
MASKED_MOBILE = "138****5678"
SECRET = "客户透露家族内部股权纠纷"

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed",
)


def zh_document(**changes: object) -> BriefDocument:
    doc = BriefDocument(
        lang="zh",
        document_number="MB-20261129-0A1B2C3D",
        generated_at=datetime(2026, 11, 29, 9, 30, tzinfo=SHANGHAI),
        as_of=date(2026, 11, 29),
        banker="李明",
        client_name="王建国",
        client_masked_id=MASKED_ID,
        client_masked_mobile=MASKED_MOBILE,
        tier_name="私人银行",
        relationship_manager="李明",
        age=70,
        total_assets_cny=Decimal("62187272.94"),
        at_bank_cny=Decimal("60175171.25"),
        cash_cny=Decimal("1012101.69"),
        by_asset_class=(
            ("保险", Decimal("24590334.05")),
            ("固定收益", Decimal("19646031.89")),
            ("商品", Decimal("6853041.56")),
            ("权益", Decimal("6281466.80")),
            ("现金", Decimal("4816398.64")),
        ),
        performance=(("今年以来收益", "+2.54%"), ("近一年收益", "+4.58%")),
        risk_level_code="C3",
        risk_level_name="平衡型",
        risk_expires_on=date(2026, 12, 10),
        risk_status="expiring",
        risk_status_text="11天后到期，请重新评估",
        notes=(
            BriefNote(datetime(2026, 11, 28, 14, 0, tzinfo=SHANGHAI), "机密笔记", "", True),
            BriefNote(
                datetime(2026, 11, 20, 10, 15, tzinfo=SHANGHAI),
                "到期资金安排",
                "电话回访王总，沟通约二十分钟。到期资金拟分三笔配置，工银理财·恒睿悦享两年定开"
                "固收增强理财为首选，剩余部分放在现金管理类。客户计划将部分到期资金约50万元用于"
                "购房，需保留流动性，暂不做长期锁定。" * 2,
            ),
            BriefNote(
                datetime(2026, 10, 8, 16, 40, tzinfo=SHANGHAI),
                "家族信托方案沟通",
                "客户有意设立家族信托，初步规模1,600万元，受益人为配偶及子女。",
            ),
        ),
        tasks=(
            BriefTask("寄送家族信托方案书", date(2026, 11, 24), "高", "李明", overdue=True),
            BriefTask("预约税务顾问面谈", date(2026, 12, 6), "中", "李明"),
            BriefTask("更新客户联系地址", None, "低", "张伟"),
        ),
        care_lines=("12月3日生日（71岁）",),
        large_transactions=(
            BriefTransaction(
                date(2026, 11, 13),
                "赎回",
                "中银理财·稳富颐享365天持有期理财",
                Decimal("1507582.42"),
            ),
            BriefTransaction(date(2026, 10, 12), "转出", "", Decimal("3524317.56")),
        ),
        talking_points=(
            "重新评估风险承受能力（2026年12月10日到期）",
            "跟进：寄送家族信托方案书（2026年11月24日到期）",
            "中银理财·稳富颐享365天持有期理财于11月13日赎回¥150.76万：商讨再投资安排",
            "讨论集中度：友邦人寿御享财富年金保险占总资产33%",
            "12月3日是客户生日（71岁）：送上祝福",
        ),
        meeting=BriefMeeting(
            "年度资产检视",
            datetime(2026, 12, 1, 10, 0, tzinfo=SHANGHAI),
            "客户办公室",
            "浦东新区世纪大道88号",
            "回顾今年收益\n讨论到期资金再投资\n家族信托方案",
        ),
        occupation="董事长 · 上海建国实业有限公司",
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def en_document(**changes: object) -> BriefDocument:
    doc = zh_document(
        lang="en",
        client_name="王建国 (Wang Jianguo)",
        tier_name="Private Banking",
        by_asset_class=(
            ("Insurance", Decimal("24590334.05")),
            ("Fixed income", Decimal("19646031.89")),
            ("Commodities", Decimal("6853041.56")),
            ("Equity", Decimal("6281466.80")),
            ("Cash", Decimal("4816398.64")),
        ),
        performance=(("Return YTD", "+2.54%"), ("Return, 1 year", "+4.58%")),
        risk_level_name="Balanced",
        risk_status_text="Expires in 11 days: reassess",
        talking_points=("Reassess risk tolerance (expires 10 Dec 2026)",),
        meeting=None,
        care_lines=("Birthday 3 Dec (turns 71)",),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def busy_document() -> BriefDocument:
    """A client with a long history: many tasks, transactions and points, long notes."""
    base = zh_document()
    long_body = "客户关心留学换汇额度，已说明每人每年五万美元便利化额度的规定。" * 12
    return replace(
        base,
        notes=tuple(
            BriefNote(datetime(2026, 11, 20 - n, 10, tzinfo=SHANGHAI), f"长篇笔记{n}", long_body)
            for n in range(3)
        ),
        tasks=tuple(
            BriefTask(
                f"事项{n}：" + "准备产品说明书及风险揭示书" * 2, date(2026, 12, n + 1), "中", "李明"
            )
            for n in range(25)
        ),
        large_transactions=tuple(
            BriefTransaction(date(2026, 11, n + 1), "申购", f"产品{n}", Decimal(2_000_000 + n))
            for n in range(12)
        ),
        talking_points=tuple(
            f"要点{n}：" + "复核适当性并与客户确认可承受的亏损" * 2 for n in range(12)
        ),
    )


def extreme_document() -> BriefDocument:
    """Every field at its longest: the brief still ends on the second page."""
    busy = busy_document()
    long = "很长的文字" * 60
    return replace(
        busy,
        client_name="欧阳" + "长" * 30,
        occupation=long,
        care_lines=tuple(f"12月{n}日{long}" for n in range(1, 6)),
        by_asset_class=tuple((f"类别{n}" * 6, Decimal(1_000_000 * (n + 1))) for n in range(8)),
        performance=tuple((f"收益{n}", "+1.00%") for n in range(4)),
        talking_points=tuple(long for _ in range(20)),
        notes=tuple(replace(n, title=long) for n in busy.notes),
        tasks=tuple(replace(t, title=long, owner="欧阳" * 10) for t in busy.tasks),
        large_transactions=tuple(replace(t, instrument=long) for t in busy.large_transactions),
        meeting=BriefMeeting(long, busy.generated_at, "客户办公室", long, "\n".join([long] * 10)),
    )


def _write(tmp_path: Path, pdf: bytes, name: str = "brief.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _text(path: Path) -> str:
    return _run("pdftotext", "-layout", path, "-")


def _squeezed(text: str) -> str:
    """``text`` without whitespace: pdftotext drops some spaces between CJK and digits."""
    return "".join(text.split())


def _pages(path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", path), re.MULTILINE)
    assert match
    return int(match.group(1))


def test_same_document_gives_the_same_bytes() -> None:
    first = render_brief(zh_document())
    assert first.startswith(b"%PDF")
    assert render_brief(zh_document()) == first
    assert render_brief(en_document()) == render_brief(en_document())
    assert render_brief(zh_document(document_number="MB-20261129-FFFFFFFF")) != first


def test_money_is_grouped_with_the_yuan_sign_and_chinese_units() -> None:
    assert format_cny(Decimal("62187272.94"), "zh") == "¥62,187,272.94（6,218.73万）"
    assert format_cny(Decimal("123456789.00"), "zh") == "¥123,456,789.00（1.23亿）"
    assert format_cny(Decimal("9999.5"), "zh") == "¥9,999.50"
    assert format_cny(Decimal("62187272.94"), "en") == "¥62,187,272.94"
    assert format_cny_short(Decimal("24590334.05"), "zh") == "¥2,459.03万"
    assert format_cny_short(Decimal("24590334.05"), "en") == "¥24.59m"
    assert format_cny_short(Decimal("48163.98"), "en") == "¥48.2k"


@needs_poppler
def test_chinese_brief_shows_the_client_and_masks_identifiers(tmp_path: Path) -> None:
    doc = zh_document()
    path = _write(tmp_path, render_brief(doc))
    text = _text(path)
    squeezed = _squeezed(text)
    for expected in (
        "客户会谈简报",
        "王建国",
        MASKED_ID,
        MASKED_MOBILE,
        "私人银行",
        "C3",
        "平衡型",
        "2026年12月10日",
        "到期资金安排",
        "家族信托方案沟通",
        "机密笔记",
        "寄送家族信托方案书",
        "逾期",
        "会谈要点",
        "讨论集中度",
        "年度资产检视",
        "12月3日生日",
        "近90日主要交易",
        "机密 · 仅供客户本人及其客户经理使用",
        "MB-20261129-0A1B2C3D",
    ):
        assert expected in text, expected
    assert Money(doc.total_assets_cny).format() in text
    assert "6,218.73万" in text
    assert "¥3,524,317.56" in text
    for label, _ in doc.by_asset_class:
        assert label in text
    assert "39.5%" in text  # the insurance share in the chart's legend
    assert "第1页/共1页" in squeezed
    for leaked in (FULL_ID, FULL_MOBILE):
        assert leaked not in text
        assert leaked.encode() not in path.read_bytes()


@needs_poppler
def test_identifiers_are_masked_even_when_given_in_full(tmp_path: Path) -> None:
    doc = zh_document(client_masked_id=FULL_ID, client_masked_mobile=FULL_MOBILE)
    text = _text(_write(tmp_path, render_brief(doc)))
    assert MASKED_ID in text and MASKED_MOBILE in text
    assert FULL_ID not in text and FULL_MOBILE not in text


@needs_poppler
def test_long_note_bodies_are_trimmed(tmp_path: Path) -> None:
    doc = zh_document()
    text = _squeezed(_text(_write(tmp_path, render_brief(doc))))
    body = doc.notes[1].body_plain
    assert body[:20] in text
    assert body not in text  # cut to a few lines
    assert "…" in text


@needs_poppler
def test_english_brief(tmp_path: Path) -> None:
    path = _write(tmp_path, render_brief(en_document()))
    text = _text(path)
    for expected in (
        "Meeting brief",
        "王建国 (Wang Jianguo)",
        "Balanced",
        "Valid until 10 Dec 2026",
        "Expires in 11 days: reassess",
        "Reassess risk tolerance (expires 10 Dec 2026)",
        "Total assets",
        "¥62,187,272.94",
        "Fixed income",
        "24 Nov 2026 (overdue)",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    assert "6,218.73万" not in text  # no Chinese units in English figures


@needs_poppler
def test_busy_client_fits_two_pages_and_says_what_was_left_out(tmp_path: Path) -> None:
    path = _write(tmp_path, render_brief(busy_document()))
    assert _pages(path) <= 2
    text = _squeezed(_text(path))
    assert "另有" in text and "项未列出" in text
    assert "第1页/共2页" in text or "第1页/共1页" in text


@needs_poppler
def test_the_longest_brief_still_fits_two_pages(tmp_path: Path) -> None:
    path = _write(tmp_path, render_brief(extreme_document()))
    assert _pages(path) <= 2
    text = _squeezed(_text(path))
    assert "…" in text


@needs_poppler
def test_pages_are_counted_as_poppler_counts_them(tmp_path: Path) -> None:
    for doc in (zh_document(), busy_document(), extreme_document()):
        pdf = render_brief(doc)
        assert page_count(pdf) == _pages(_write(tmp_path, pdf))


@needs_poppler
def test_empty_client_reads_plainly(tmp_path: Path) -> None:
    doc = zh_document(
        by_asset_class=(),
        total_assets_cny=Decimal(0),
        at_bank_cny=Decimal(0),
        cash_cny=Decimal(0),
        performance=(),
        risk_level_code=None,
        risk_level_name="",
        risk_expires_on=None,
        risk_status="missing",
        risk_status_text="尚未评估：推荐产品前须先完成评估",
        notes=(),
        tasks=(),
        care_lines=(),
        large_transactions=(),
        talking_points=(),
        meeting=None,
        client_masked_id="",
        client_masked_mobile="",
        age=None,
        occupation="",
    )
    path = _write(tmp_path, render_brief(doc))
    text = _text(path)
    for expected in ("暂无持仓与现金", "暂无笔记", "暂无未完成事项", "近90日无交易", "未评估"):
        assert expected in text, expected
    assert _pages(path) == 1


@needs_poppler
def test_fonts_are_embedded_as_subsets(tmp_path: Path) -> None:
    output = _run("pdffonts", _write(tmp_path, render_brief(zh_document())))
    rows = [line.split() for line in output.splitlines()[2:] if line.strip()]
    assert any("Droid" in row[0] for row in rows), output
    for row in rows:  # name type encoding emb sub uni object-id
        name, emb, sub = row[0], row[-5], row[-4]
        assert re.match(r"^[A-Z]{6}\+", name), output
        assert (emb, sub) == ("yes", "yes"), output


def test_pdf_properties_keep_client_data_out() -> None:
    pdf = render_brief(zh_document())
    assert "王建国".encode("utf-16-be") not in pdf
    assert b"Wang" not in render_brief(en_document())


def test_chart_shares_and_labels() -> None:
    slices = [("保险", Decimal(3)), ("现金", Decimal(1)), ("负数", Decimal(-1))]
    assert shares(slices) == [Decimal("75.0"), Decimal("25.0"), Decimal("0.0")]
    assert shares([("空", Decimal(0))]) == [Decimal(0)]
    assert fit_text("固定收益类资产配置", 8, 30).endswith("…")
    assert fit_text("Cash", 8, 100) == "Cash"
    drawing = allocation_doughnut(slices, width=300, height=100)
    assert drawing.width == 300
    assert not allocation_doughnut([], width=300, height=100).contents
