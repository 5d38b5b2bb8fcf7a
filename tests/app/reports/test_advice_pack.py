"""The advice pack PDF: the client's figures and the disclosures extractable in each
language, identifiers masked, fonts embedded as subsets, the same input giving the same
bytes, unsuitable products refused, the password working, every page furnished."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pack_samples import FULL_ID, MASKED_ID, both_pack, en_pack, sized_pack, zh_pack

from app.reports.advice_pack import (
    break_lines,
    format_pct,
    format_probability,
    render_advice_pack,
)
from app.reports.brief import format_cny, page_count
from app.reports.charts import Fan, allocation_bars, projection_fan

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed",
)
HEADLINE_ZH = "理财非存款、产品有风险、投资须谨慎"
HEADLINE_EN = "Wealth management products are not deposits; investment products carry risk"
RISKS_ZH = (
    "政策风险",
    "市场风险",
    "信用风险",
    "流动性风险",
    "延期风险",
    "提前终止风险",
    "信息传递风险",
    "不可抗力风险",
)
PROMISES = ("保本", "无风险", "稳赚", "guaranteed return", "risk-free")


@pytest.fixture(scope="module")
def zh_pdf() -> bytes:
    return render_advice_pack(zh_pack())


def _write(tmp_path: Path, pdf: bytes, name: str = "pack.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _squeezed(text: str) -> str:
    """``text`` without whitespace: lines wrap anywhere in Chinese, and pdftotext drops
    some spaces between CJK and digits."""
    return "".join(text.split())


def _text(path: Path, *extra: str) -> str:
    return _squeezed(_run("pdftotext", *extra, path, "-"))


def _pages(path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", path), re.MULTILINE)
    assert match
    return int(match.group(1))


def test_formats() -> None:
    assert format_pct(Decimal("0.4512")) == "45.1%"
    assert format_pct(Decimal("0.1595")) == "16.0%"  # half up, as the chart labels
    assert format_pct(Decimal("0.05"), signed=True) == "+5.0%"
    assert format_pct(Decimal("-0.0795"), signed=True) == "-8.0%"
    assert format_probability(0.7249) == "72%"
    assert format_probability(0.425) == "43%"
    assert format_probability(None) == "—"


def test_lines_break_between_chinese_characters_and_at_latin_spaces() -> None:
    assert break_lines("", 8, 100) == [""]
    assert break_lines("Fixed income", 8, 200) == ["Fixed income"]
    assert break_lines("Fixed income fund", 8, 40) == ["Fixed", "income", "fund"]
    lines = break_lines("招银理财·招睿季季开固收增强（第12期），季度开放", 8, 60)
    assert "".join(lines) == "招银理财·招睿季季开固收增强（第12期），季度开放"
    assert all(not line.startswith(("，", "）")) for line in lines)
    assert all(not line.endswith("（") for line in lines)
    assert all(len(line) <= 8 for line in lines)
    assert break_lines("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8, 40)[0] == "ABCDEFG"  # too long: cut


def test_same_document_gives_the_same_bytes(zh_pdf: bytes) -> None:
    assert zh_pdf.startswith(b"%PDF")
    assert render_advice_pack(zh_pack()) == zh_pdf
    assert render_advice_pack(both_pack()) == render_advice_pack(both_pack())
    assert render_advice_pack(zh_pack(document_number="AP-20261129-FFFFFFFF")) != zh_pdf


def test_an_unsuitable_recommendation_is_refused() -> None:
    doc = zh_pack()
    bad = replace(doc.recommendations[2], suitable=False)
    with pytest.raises(ValueError, match="suitability"):
        render_advice_pack(replace(doc, recommendations=(*doc.recommendations[:2], bad)))


def test_progress_rises_to_one() -> None:
    seen: list[float] = []
    render_advice_pack(zh_pack(), progress=seen.append)
    assert seen[-1] == 1.0
    assert seen == sorted(seen) and len(seen) > 5
    assert all(0.0 <= value <= 1.0 for value in seen)


def test_pdf_properties_keep_client_data_out(zh_pdf: bytes) -> None:
    assert "王建国".encode("utf-16-be") not in zh_pdf
    assert b"Wang" not in render_advice_pack(en_pack())


@needs_poppler
def test_chinese_pack_shows_the_client_figures_and_disclosures(
    tmp_path: Path, zh_pdf: bytes
) -> None:
    doc = zh_pack()
    text = _text(_write(tmp_path, zh_pdf))
    for expected in (
        "家庭财富规划建议书",
        "王建国",
        MASKED_ID,
        "C3",
        "平衡型",
        "李明",
        "F3250000123",
        "上海浦东私人银行中心",
        "AP-20261129-7F3C2A19",
        "2026年11月29日",
        "2027年3月10日",
        "R1–R3",
        "6个月内不超过15%",
        format_cny(doc.total_assets_cny, "zh"),  # ¥62,187,272.94（6,218.73万）
        HEADLINE_ZH,
        "过往业绩不代表未来表现",
        "本人已经阅读风险揭示，愿意承担投资风险",
        "风险揭示书",
        "免责声明",
        "客户签字",
        "客户经理签字",
        "不构成要约",
        "不是存款",
    ):
        assert _squeezed(expected) in text, expected
    for risk in RISKS_ZH:
        assert risk in text, risk
    for rec in doc.recommendations:
        assert rec.name in text and rec.rating in text
        assert _squeezed(format_cny(rec.amount_cny, "zh")) in text
    for goal in doc.goals:
        assert goal.name in text
        for chance in (goal.probability_current, goal.probability_proposed):
            assert format_probability(chance) in text
    for holding in doc.holdings[:3]:
        assert holding.name in text and holding.code in text
    for row in doc.allocation:
        assert format_pct(row.proposed_weight) in text
    for promise in PROMISES:
        assert promise not in text, promise


@needs_poppler
def test_english_pack(tmp_path: Path) -> None:
    doc = en_pack()
    text = _text(_write(tmp_path, render_advice_pack(doc)))
    for expected in (
        "Family wealth plan",
        "王建国 (Wang Jianguo)",
        "Balanced",
        "C3",
        format_cny(doc.total_assets_cny, "en"),
        format_cny(doc.recommendations[0].amount_cny, "en"),
        HEADLINE_EN,
        "invest with care",
        "Past performance does not indicate future results",
        "I have read the risk disclosure and am willing to bear the investment risk",
        "no promise or guarantee of your capital",
        "Policy risk",
        "Force majeure",
        "not an offer",
        "Page 1 of",
    ):
        assert _squeezed(expected) in text, expected
    assert "6,218.73万" not in text
    assert HEADLINE_ZH not in text


@needs_poppler
def test_both_languages(tmp_path: Path) -> None:
    text = _text(_write(tmp_path, render_advice_pack(both_pack())))
    for expected in (
        HEADLINE_ZH,
        HEADLINE_EN,
        "过往业绩不代表未来表现",
        "Past performance does not indicate future results",
        "本人已经阅读风险揭示，愿意承担投资风险",
        "I have read the risk disclosure",
        "风险揭示书",
        "7. Risk disclosure",
        "Balanced",
        "Retirement",
        "Dear 王建国",
        "尊敬的王建国",
    ):
        assert _squeezed(expected) in text, expected


@needs_poppler
def test_identifiers_are_masked_even_when_given_in_full(tmp_path: Path) -> None:
    for doc in (zh_pack(client_masked_id=FULL_ID), en_pack(client_masked_id=FULL_ID)):
        path = _write(tmp_path, render_advice_pack(doc))
        text = _text(path)
        assert MASKED_ID in text
        assert FULL_ID not in text
        assert FULL_ID.encode() not in path.read_bytes()


@needs_poppler
def test_fonts_are_embedded_as_subsets(tmp_path: Path) -> None:
    for doc in (zh_pack(), en_pack(), both_pack()):
        output = _run("pdffonts", _write(tmp_path, render_advice_pack(doc)))
        rows = [line.split() for line in output.splitlines()[2:] if line.strip()]
        assert any("Droid" in row[0] for row in rows), output
        for row in rows:  # name type encoding emb sub uni object-id
            name, emb, sub = row[0], row[-5], row[-4]
            assert re.match(r"^[A-Z]{6}\+", name), output
            assert (emb, sub) == ("yes", "yes"), output


@needs_poppler
@pytest.mark.parametrize(
    ("make", "line"),
    [
        (zh_pack, "第{page}页/共{pages}页"),
        (en_pack, "Page{page}of{pages}"),
        (both_pack, "第{page}页/共{pages}页·Page{page}of{pages}"),
    ],
)
def test_every_page_has_the_footer(tmp_path: Path, make: object, line: str) -> None:
    doc = make()  # type: ignore[operator]
    path = _write(tmp_path, render_advice_pack(doc))
    pages = _pages(path)
    assert pages >= 8
    confidential = "机密" if doc.lang != "en" else "Confidential"
    for page in range(1, pages + 1):
        text = _text(path, "-f", str(page), "-l", str(page))
        assert line.format(page=page, pages=pages) in text, page
        assert doc.document_number in text, page
        assert confidential in text, page


@needs_poppler
def test_page_count_grows_with_holdings(tmp_path: Path) -> None:
    small = render_advice_pack(sized_pack(25, 4, 3))
    large = render_advice_pack(sized_pack(400, 4, 3))
    assert page_count(small) == _pages(_write(tmp_path, small, "small.pdf"))
    assert _pages(_write(tmp_path, large, "large.pdf")) >= page_count(small) + 8
    text = _text(tmp_path / "large.pdf")
    assert "华夏沪深300ETF联接A（第50期）" in text  # the last holdings are there too
    holding_pages = [
        page
        for page in range(1, _pages(tmp_path / "large.pdf") + 1)
        if "AIA-YX-" in _text(tmp_path / "large.pdf", "-f", str(page), "-l", str(page))
    ]
    assert len(holding_pages) >= 8
    for page in holding_pages:  # the header repeats on every page of the list
        assert "市值（人民币）" in _text(tmp_path / "large.pdf", "-f", str(page), "-l", str(page))


@needs_poppler
def test_a_password_protects_the_pack(tmp_path: Path) -> None:
    path = _write(tmp_path, render_advice_pack(zh_pack(), password="s3cret-Pa55"))
    info = _squeezed(_run("pdfinfo", "-upw", "s3cret-Pa55", path))
    assert "Encrypted:yes" in info and "algorithm:AES-256" in info  # not RC4
    assert "print:yes" in info and "copy:no" in info and "change:no" in info
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert refused.returncode != 0
    assert "王建国" not in refused.stdout
    wrong = subprocess.run(
        ["pdftotext", "-upw", "wrong", str(path), "-"], capture_output=True, text=True
    )
    assert wrong.returncode != 0
    text = _text(path, "-upw", "s3cret-Pa55")
    assert "王建国" in text and HEADLINE_ZH in text
    assert "王建国".encode("utf-16-be") not in path.read_bytes()


def test_empty_lists_still_render() -> None:
    doc = zh_pack(
        holdings=(),
        allocation=(),
        goals=(),
        recommendations=(),
        projection=None,
        performance=(),
        reasons=(),
    )
    assert page_count(render_advice_pack(doc)) >= 6


def test_charts_draw_nothing_without_data() -> None:
    assert not allocation_bars([], [], width=300, height=100, value_text=str).contents
    fan = Fan("x", [1.0], [1.0], [1.0])
    drawing = projection_fan(
        [2026], [fan], width=300, height=100, unit="", divisor=1.0, legend=("m", "b", "p")
    )
    assert not drawing.contents
