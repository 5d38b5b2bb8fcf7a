"""The risk assessment record: one A4 page, Chinese text extractable, fonts embedded as
subsets, the ID number masked, the same input giving the same bytes."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.reports.assessment import AssessmentAnswer, AssessmentDocument, render_assessment

SHANGHAI = ZoneInfo("Asia/Shanghai")
FULL_ID = "11010519561231002X"
MASKED_ID = "110105********002X"

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed",
)

_ZH_ANSWERS = [
    ("客观能力", "您的年龄处于哪个区间？", "60（含）至70周岁", 2),
    ("客观能力", "您家庭的年收入（税后）大约是多少？", "50万至100万元", 4),
    ("客观能力", "您可用于投资的金融资产约占家庭总资产的比例？", "30%至50%", 3),
    ("客观能力", "您家庭目前的负债情况如何？", "有房贷，月供低于家庭月收入的30%", 3),
    (
        "客观能力",
        "未来三年内，您是否有大额支出计划（如购房、子女教育、医疗等）？",
        "有，约占可投资金融资产的20%至40%，需要在一年内陆续支取",
        1,
    ),
    ("客观能力", "您有多少年投资股票、基金等风险产品的经验？", "5至10年", 4),
    ("客观能力", "您曾经投资过以下哪些产品？", "银行理财、公募基金、股票", 3),
    ("客观能力", "您对金融产品的了解程度？", "了解大部分金融产品的风险与收益特征", 3),
    ("风险意愿", "您投资的主要目标是？", "资产稳健增值，可承受一定波动", 3),
    ("风险意愿", "您计划的投资期限是多长？", "1至3年", 3),
    (
        "风险意愿",
        "如果您的投资组合在6个月内下跌15%，您会怎么做？",
        "继续持有，等待市场回升，必要时少量补仓",
        4,
    ),
    ("风险意愿", "您能接受的最大年度亏损是多少？", "10%至20%", 4),
    ("风险意愿", "您如何看待投资收益的波动？", "可接受较大波动以换取更高的长期收益", 4),
    (
        "风险意愿",
        "以下哪种预期收益与可能亏损的组合最符合您的偏好？",
        "预期年化收益约8%，最大可能亏损约15%",
        4,
    ),
    ("风险意愿", "当投资出现亏损时，您通常的感受是？", "视为市场正常波动的一部分", 4),
]


def zh_document(**changes: object) -> AssessmentDocument:
    doc = AssessmentDocument(
        lang="zh",
        document_number="RA-2026-001234",
        client_name="王建国",
        client_id_masked=MASKED_ID,
        questionnaire_title="个人客户风险承受能力评估问卷",
        questionnaire_version="2026版",
        answers=[AssessmentAnswer(q, a, s, part) for part, q, a, s in _ZH_ANSWERS],
        willingness_score=42,
        capacity_score=18,
        willingness_level="C4",
        capacity_level="C2",
        final_level="C2",
        final_level_name="稳健型",
        reason="最终等级取风险承受意愿（C4）与风险承受能力（C2）中较低者，即C2。",
        meaning="您希望在控制风险的前提下获取稳定收益，可承受小幅本金波动，"
        "不适合投资净值波动较大的产品。",
        suitable_ratings="R1–R2",
        max_loss_pct=10,
        assessed_at=datetime(2026, 11, 29, 14, 30, tzinfo=SHANGHAI),
        assessed_by="李明（客户经理）",
        place="上海分行私人银行中心",
        confirmed_at=datetime(2026, 11, 29, 14, 52, tzinfo=SHANGHAI),
        expires_on=date(2027, 11, 28),
        extra_care_note="客户年满65周岁：已放慢讲解节奏，逐题确认理解，客户之女在场陪同。",
        lowest_class=False,
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def en_document(**changes: object) -> AssessmentDocument:
    answers = [
        AssessmentAnswer("How old are you?", "60 to 69", 2, "Capacity"),
        AssessmentAnswer("Household income after tax?", "RMB 0.5m to 1m a year", 4, "Capacity"),
        AssessmentAnswer(
            "What share of your household's assets can you invest?", "30% to 50%", 3, "Capacity"
        ),
        AssessmentAnswer(
            "If your portfolio fell 15% in six months, what would you do?",
            "Hold on and wait for the market to recover",
            4,
            "Willingness",
        ),
        AssessmentAnswer("What is your main goal?", "Steady growth", 3, "Willingness"),
    ]
    doc = zh_document(
        lang="en",
        client_name="王建国 (Wang Jianguo)",
        questionnaire_title="Individual client risk tolerance questionnaire",
        questionnaire_version="2026",
        answers=answers,
        final_level_name="Balanced",
        reason="The final level is the lower of willingness (C4) and capacity (C2): C2.",
        meaning="You want steady returns with limited risk and can bear small swings in value.",
        assessed_by="Li Ming (relationship manager)",
        place="Shanghai private banking centre",
        extra_care_note=None,
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def _write(tmp_path: Path, pdf: bytes, name: str = "assessment.pdf") -> Path:
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


def test_same_input_gives_the_same_bytes() -> None:
    first = render_assessment(zh_document())
    assert first.startswith(b"%PDF")
    assert render_assessment(zh_document()) == first
    assert render_assessment(en_document()) == render_assessment(en_document())


@needs_poppler
def test_chinese_record_shows_the_result_and_masks_the_id(tmp_path: Path) -> None:
    path = _write(tmp_path, render_assessment(zh_document()))
    text = _text(path)
    for expected in (
        "风险承受能力评估结果确认书",
        "王建国",
        "C2",
        "稳健型",
        "C4",
        "2026年11月29日 14:30",
        "2027年11月28日",
        "R1–R2",
        "上海分行私人银行中心",
        "客户签字",
        "已于 2026年11月29日 14:52 确认",
        "客户年满65周岁",
        "机密 · 仅供客户本人及其客户经理使用",
        "RA-2026-001234",
    ):
        assert expected in text, expected
    assert "第1页/共1页" in _squeezed(text)
    assert MASKED_ID in text
    assert FULL_ID not in text
    assert FULL_ID.encode() not in path.read_bytes()


@needs_poppler
def test_fifteen_questions_fit_one_page(tmp_path: Path) -> None:
    assert len(zh_document().answers) == 15
    assert _pages(_write(tmp_path, render_assessment(zh_document()))) == 1
    lowest = zh_document(lowest_class=True)
    assert _pages(_write(tmp_path, render_assessment(lowest), "lowest.pdf")) == 1


@needs_poppler
def test_fonts_are_embedded_as_subsets(tmp_path: Path) -> None:
    output = _run("pdffonts", _write(tmp_path, render_assessment(zh_document())))
    rows = [line.split() for line in output.splitlines()[2:] if line.strip()]
    assert rows
    cjk = [row for row in rows if "Droid" in row[0]]
    assert cjk, output
    for row in rows:  # name type encoding emb sub uni object-id
        name, emb, sub = row[0], row[-5], row[-4]
        assert re.match(r"^[A-Z]{6}\+", name), output
        assert (emb, sub) == ("yes", "yes"), output


@needs_poppler
def test_unmasked_id_is_masked_anyway(tmp_path: Path) -> None:
    path = _write(tmp_path, render_assessment(zh_document(client_id_masked=FULL_ID)))
    text = _text(path)
    assert MASKED_ID in text
    assert FULL_ID not in text


@needs_poppler
def test_lowest_class_and_unconfirmed_record(tmp_path: Path) -> None:
    doc = zh_document(lowest_class=True, confirmed_at=None, extra_care_note=None)
    text = _text(_write(tmp_path, render_assessment(doc)))
    assert "最低风险承受能力类别" in text
    assert "确认本评估结果" not in text
    assert "特别关注" not in text


@needs_poppler
def test_english_record(tmp_path: Path) -> None:
    path = _write(tmp_path, render_assessment(en_document()))
    text = _text(path)
    for expected in (
        "Risk tolerance assessment – confirmation",
        "王建国 (Wang Jianguo)",
        "Balanced",
        "29 Nov 2026, 14:30",
        "28 Nov 2027",
        "Confirmed by the client on 29 Nov 2026, 14:52",
        "Page 1 of 1",
        MASKED_ID,
    ):
        assert expected in text, expected
    assert _pages(path) == 1


@needs_poppler
def test_long_questionnaire_numbers_every_page(tmp_path: Path) -> None:
    answers = list(zh_document().answers) * 3
    path = _write(tmp_path, render_assessment(zh_document(answers=answers)))
    pages = _pages(path)
    assert pages >= 2
    text = _text(path)
    for page in range(1, pages + 1):
        assert f"第{page}页/共{pages}页" in _squeezed(text)


def test_mixed_text_is_split_into_font_runs() -> None:
    from app.reports.fonts import CJK_FONT, LATIN_FONT, font_runs, markup

    assert list(font_runs("第 1 页")) == [(CJK_FONT, "第 "), (LATIN_FONT, "1 "), (CJK_FONT, "页")]
    assert markup("R1<R2") == f'<font face="{LATIN_FONT}">R1&lt;R2</font>'
