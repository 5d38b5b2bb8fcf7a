"""The advice pack (财富规划建议书): the tailored plan document the client takes home.

What it holds, in order (regulation.md §3.3): a cover (client, masked ID, date, banker and
licence, branch, document number, versions); a letter to the client; the goals with their
chances under the current and the proposed allocation; the risk profile and what it
means; the current portfolio (allocation doughnut, holdings, performance); proposed
against current allocation (grouped bars and the trades); each recommended product with
its rating, suitability result, key terms, fees, liquidity and risks; projections (a fan
chart of the 5th, 50th and 95th percentiles); the risk disclosure (风险揭示书, with
“理财非存款、产品有风险、投资须谨慎”); disclaimers; the acknowledgement with the hand-copied
sentence and signature blocks. Every page carries the confidentiality line, "page x of y"
and the document number.

The input is plain data (the frozen dataclasses below): already computed, already
translated and masked; a service maps a plan onto them. ``lang`` picks Chinese, English or
both (Chinese with English beneath). The same document gives the same bytes unless a
password is set, since encryption adds a random owner password. The pack is the last
line of the suitability gate: a recommendation marked unsuitable is refused.
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, partial
from typing import Any, Literal

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

from app.domain.masking import mask_id_number
from app.reports.brief import format_cny, format_cny_short
from app.reports.fonts import font_runs, markup, register_fonts, string_width
from app.reports.pack_text import HEADLINE, LABELS, Text
from app.reports.page import (
    CONFIDENTIALITY,
    INK,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    NOTE_RULE,
    NOTE_TINT,
    PAGE_SIZE,
    TINT,
    FurnishedCanvas,
    Lang,
    PageFurniture,
    document_styles,
    format_date,
    frame_width,
    table_style,
)

PackLang = Literal["zh", "en", "both"]
_CJK_START = 0x2E80  # CJK radicals; everything Chinese lies above


@dataclass(frozen=True)
class PackGoal:
    """A goal as the pack shows it; amounts in CNY, chances as fractions (0.72 = 72 %)."""

    name: str
    target_amount: Decimal
    target_year: int
    priority: str  # already translated: 高 / High
    earmarked: Decimal  # CNY set aside for this goal today
    probability_current: float | None  # None: not simulated
    probability_proposed: float | None


@dataclass(frozen=True)
class PackHolding:
    """One position today; ``weight`` is its share of total assets (0.1234 = 12.34 %)."""

    name: str
    code: str
    asset_class: str  # already translated label: 固定收益 / Fixed income
    rating: str  # the product's risk rating, "R2"; "" where none applies (cash)
    value_cny: Decimal
    weight: Decimal


@dataclass(frozen=True)
class PackAllocationRow:
    """One asset class, current against proposed; weights are fractions of the total."""

    asset_class_label: str
    current_weight: Decimal
    proposed_weight: Decimal
    difference: Decimal  # proposed − current
    trade_cny: Decimal  # positive: buy; negative: sell


@dataclass(frozen=True)
class PackRecommendation:
    """A recommended product; the pack refuses one that is not ``suitable``."""

    name: str
    code: str
    rating: str  # "R3"
    amount_cny: Decimal
    rationale: str
    suitable: bool
    suitability_notes: Sequence[str]  # e.g. the rule results or an override reference
    key_terms: str  # type, minimum, term, dealing, benchmark, lock-up
    fees: str
    liquidity: str
    risks: str
    sales_process: str = ""  # 双录, cooling-off, follow-up call; "" when none applies


@dataclass(frozen=True)
class PackProjection:
    """Simulated total value (CNY) at each year, percentiles and expected-return paths.

    Every sequence has one value per year in ``years``.
    """

    years: Sequence[int]
    current_p5: Sequence[float]
    current_p50: Sequence[float]
    current_p95: Sequence[float]
    proposed_p5: Sequence[float]
    proposed_p50: Sequence[float]
    proposed_p95: Sequence[float]
    deterministic_current: Sequence[float]
    deterministic_proposed: Sequence[float]


@dataclass(frozen=True)
class AdvicePackDocument:
    """Everything the pack shows: plain values, already translated, identifiers masked.

    Strings coming from data (names, labels, notes) are shown as given; for ``"both"``
    give them in Chinese, or as "中文\\nEnglish" (each line becomes its own paragraph).
    The ID is masked again here if it arrives unmasked.
    """

    lang: PackLang
    document_number: str
    date: dt.date
    client_name: str
    client_masked_id: str
    banker: str
    banker_licence: str  # 从业资格 number
    branch: str
    risk_level_code: str  # "C3"
    risk_level_name: str  # "平衡型"
    risk_meaning: str
    risk_assessed_on: dt.date
    risk_expires_on: dt.date
    suitable_ratings: str  # "R1–R3"
    max_loss_pct: int | None  # the largest 6-month loss the client can bear, per cent
    total_assets_cny: Decimal
    holdings: Sequence[PackHolding]
    performance: Sequence[tuple[str, str]]  # (label, value): ("今年以来收益", "+2.54%")
    allocation: Sequence[PackAllocationRow]  # by asset class, current against proposed
    goals: Sequence[PackGoal]
    recommendations: Sequence[PackRecommendation]
    projection: PackProjection | None
    assumptions_version: str  # the market assumptions behind chances and projections
    plan_title: str  # "家庭财富规划建议书"
    plan_version: str  # "v3"
    reasons: Sequence[str] = field(default=())  # why the bank proposes this, for the letter


class _BilingualFurniture(PageFurniture):
    """The footer of a "both" pack: each line in Chinese and English."""

    def confidentiality_line(self) -> str:
        return f"{CONFIDENTIALITY['zh']} · Confidential"

    def number_line(self) -> str:
        return f"文件编号 No. {self.document_number}"

    def page_line(self, page: int, pages: int) -> str:
        return f"第 {page} 页 / 共 {pages} 页 · Page {page} of {pages}"


def format_pct(fraction: Decimal, *, signed: bool = False) -> str:
    """``0.4512`` → ``45.1%`` (``+45.1%`` when ``signed``)."""
    value = (fraction * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    sign = "+" if signed and value > 0 else ""
    return f"{sign}{value}%"


def format_probability(chance: float | None) -> str:
    """``0.7249`` → ``72%``; ``—`` when not simulated."""
    if chance is None:
        return "—"
    return f"{Decimal(repr(chance)).scaleb(2).quantize(Decimal(1), ROUND_HALF_UP)}%"


# Marks that must not start a line: they stay with the character before them.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〉…％”’,.;:!?)%]")
_NO_LINE_END = frozenset("（《「『【〈“‘([")  # and these stay with the character after them


@lru_cache(maxsize=4096)
def _char_width(char: str, bold: bool) -> float:
    """The width of ``char`` at 1 point in the font ``font_runs`` gives it."""
    return string_width(char, 1.0, bold=bold)


def _atoms(text: str) -> list[str]:
    """Unbreakable pieces: each Chinese character, each Latin word with its spaces."""
    atoms: list[str] = []
    for char in text:
        cjk = ord(char) >= _CJK_START
        if atoms and (char in _NO_LINE_START or char == " " or atoms[-1][-1] in _NO_LINE_END):
            atoms[-1] += char
        elif atoms and not cjk and ord(atoms[-1][-1]) < _CJK_START and atoms[-1][-1] != " ":
            atoms[-1] += char  # the Latin word goes on
        else:
            atoms.append(char)
    return atoms


def break_lines(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """``text`` broken greedily into lines no wider than ``width`` at ``size`` points."""
    lines: list[str] = []
    line, used = "", 0.0
    for atom in _atoms(text):
        atom_width = sum(_char_width(c, bold) for c in atom.rstrip()) * size
        if line and used + atom_width > width:
            lines.append(line.rstrip())
            line, used = "", 0.0
            atom = atom.lstrip()
        if not line and atom_width > width:  # a word longer than the line: cut it
            for char in atom:
                step = _char_width(char, bold) * size
                if line and used + step > width:
                    lines.append(line)
                    line, used = "", 0.0
                line += char
                used += step
            continue
        line += atom
        used += sum(_char_width(c, bold) for c in atom) * size
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


class TextCell(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Plain text in a Paragraph's style, much cheaper than a Paragraph in a table.

    No markup to parse: the text is broken with ``break_lines`` and drawn run by run in
    the font that has each character (``font_runs``), baselines as a Paragraph's.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> None:
        super().__init__()
        self.text = " ".join(text.split())
        self.style = style
        self.bold = bold
        self.lines: list[str] = []
        self._wrapped_at = -1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._wrapped_at:  # tables wrap each cell more than once
            self._wrapped_at = self.width = avail_width
            self.lines = break_lines(self.text, self.style.fontSize, avail_width, bold=self.bold)
            self.height = len(self.lines) * self.style.leading
        return avail_width, self.height

    def draw(self) -> None:
        text = self.canv.beginText()
        self.write(text, 0.0, self.height)
        self.canv.drawText(text)

    def write(self, text: Any, x: float, top: float) -> None:
        """Add the wrapped lines to a text object, the first line's top at (x, top)."""
        size, bold, leading = self.style.fontSize, self.bold, self.style.leading
        share = {TA_RIGHT: 1.0, TA_CENTER: 0.5}.get(self.style.alignment, 0.0)
        text.setFillColor(self.style.textColor)
        for index, line in enumerate(self.lines):
            free = self.width - sum(_char_width(c, bold) for c in line) * size if share else 0
            text.setTextOrigin(x + free * share, top - size - index * leading)
            for font, run in _runs(line, bold):
                text.setFont(font, size)
                text.textOut(run)


@lru_cache(maxsize=8192)
def _runs(line: str, bold: bool) -> tuple[tuple[str, str], ...]:
    """``font_runs`` of a line, remembered: table cells repeat (classes, ratings, labels)."""
    return tuple(font_runs(line, bold=bold))


class Writer:
    """Styles and the wording of one pack, in its language or both."""

    def __init__(self, doc: AdvicePackDocument) -> None:
        self.doc = doc
        self.both = doc.lang == "both"
        self.main: Lang = "en" if doc.lang == "en" else "zh"
        self.langs: tuple[Lang, ...] = ("zh", "en") if self.both else (self.main,)
        self.st = {lang: _styles(lang) for lang in ("zh", "en")}

    # -- words -------------------------------------------------------------------------
    def words(self, text: Text, **fields: object) -> list[tuple[Lang, str]]:
        return [(lang, text.get(lang).format(**fields)) for lang in self.langs]

    def inline(self, key: str, **fields: object) -> str:
        """A label on one line: ``风险等级`` or ``风险等级 Rating``."""
        return " ".join(text for _, text in self.words(LABELS[key], **fields))

    def lines(self, key: str, **fields: object) -> str:
        """A label as lines (for ``data``): the English under the Chinese in "both"."""
        return "\n".join(text for _, text in self.words(LABELS[key], **fields))

    @staticmethod
    def pick(text: str, lang: Lang) -> str:
        """One language of data given as "中文\nEnglish": the last line for English."""
        lines = [line for line in text.splitlines() if line.strip()] or [""]
        return lines[-1] if lang == "en" else lines[0]

    def money(self, amount: Decimal) -> str:
        return format_cny(amount, self.main)

    def short(self, amount: Decimal) -> str:
        return format_cny_short(amount, self.main)

    def date(self, day: Any) -> str:
        return format_date(day, self.main)

    # -- flowables ---------------------------------------------------------------------
    def pct(self, fraction: Decimal, *, signed: bool = False) -> str:
        return format_pct(fraction, signed=signed)

    def para(
        self, text: str, style: str, lang: Lang | None = None, *, bold: bool = False
    ) -> Flowable:
        """Plain ``text`` in ``style``: a ``TextCell`` when the style has no spacing (in
        tables and boxes), else a Paragraph (prose).

        Wrapping follows the text, not ``lang`` (kept for the callers' clarity): Chinese
        between any two characters, Latin only at spaces.
        """
        style_lang: Lang = "zh" if any(ord(c) >= _CJK_START for c in text) else "en"
        chosen = self.st[style_lang][style]
        if not (chosen.spaceBefore or chosen.spaceAfter or chosen.firstLineIndent):
            return TextCell(text, chosen, bold=bold)
        return Paragraph(markup(text, bold=bold), chosen)

    def rich(self, text: str, style: str, lang: Lang | None = None) -> Paragraph:
        """A Paragraph of ready markup (the caller escaped the words)."""
        return Paragraph(text, self.st[lang or self.main][style])

    def data(self, text: str, style: str = "cell") -> list[Flowable]:
        """Client data as given: each line its own paragraph."""
        lines = [line for line in text.splitlines() if line.strip()] or ["—"]
        return [self.para(line, style) for line in lines]

    def prose(self, text: Text, style: str = "body", **fields: object) -> list[Flowable]:
        """Template wording: Chinese, then the English beneath in a "both" pack."""
        out: list[Flowable] = []
        for lang, words in self.words(text, **fields):
            second = self.both and lang == "en"
            out.append(self.para(words, "second" if second else style, lang))
        return out

    def heading(self, key: str, style: str = "section") -> Flowable:
        parts = self.words(LABELS[key])
        text = markup(parts[0][1])
        if len(parts) > 1:
            text += f'<font size="{self.st["en"][style].fontSize * 0.72:.1f}" color="#5f6b76">'
            text += "  " + markup(parts[1][1]) + "</font>"
        return Paragraph(text, self.st["zh" if self.main == "zh" else "en"][style])

    def head(self, key: str, *, right: bool = False, center: bool = False) -> list[Flowable]:
        """A table header cell; in "both" the English under the Chinese."""
        suffix = "_right" if right else "_center" if center else ""
        return [
            self.para(words, ("head_en" if lang == "en" and self.both else "head") + suffix, lang)
            for lang, words in self.words(LABELS[key])
        ]

    def boxed(
        self, parts: list[Flowable], *, tint: Any = NOTE_TINT, rule: Any = NOTE_RULE
    ) -> Table:
        """``parts`` in a tinted box with a coloured rule at its left."""
        box = Table([[parts]], colWidths=[frame_width()])
        box.setStyle(
            table_style(
                ("BACKGROUND", (0, 0), (-1, -1), tint),
                ("LINEBEFORE", (0, 0), (0, 0), 2.5, rule),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            )
        )
        return box

    def headline(self) -> Table:
        """理财非存款、产品有风险、投资须谨慎, boxed (and in English beneath)."""
        lines = [
            self.para(words, "headline", lang, bold=True) for lang, words in self.words(HEADLINE)
        ]
        return self.boxed(lines, tint=TINT, rule=INK)

    def label(self, key: str) -> list[Flowable]:
        return [
            self.para(words, "label_en" if lang == "en" and self.both else "label", lang)
            for lang, words in self.words(LABELS[key])
        ]


@lru_cache(maxsize=2)
def _styles(lang: Lang) -> dict[str, ParagraphStyle]:
    base = document_styles(lang)

    def derive(name: str, parent: ParagraphStyle, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(f"pack-{lang}-{name}", parent=parent, **changes)

    right = {"alignment": TA_RIGHT}
    return {
        "body": derive("body", base.body, spaceAfter=3),
        "cell": base.body,
        "second": derive(
            "second", base.body, fontSize=8, leading=11, textColor=MUTED, spaceAfter=4
        ),
        "small": base.small,
        "label": base.label,
        "label_en": derive("label-en", base.label, fontSize=7, leading=9),
        "table": base.table,
        "right": derive("right", base.table, **right),
        "head": base.table_head,
        "head_right": derive("head-right", base.table_head, **right),
        "head_en": derive("head-en", base.table_head, fontSize=6.5, leading=8, textColor=MUTED),
        "head_en_right": derive(
            "head-en-right", base.table_head, fontSize=6.5, leading=8, textColor=MUTED, **right
        ),
        "head_center": derive("head-center", base.table_head, alignment=TA_CENTER),
        "head_en_center": derive(
            "head-en-center",
            base.table_head,
            fontSize=6.5,
            leading=8,
            textColor=MUTED,
            alignment=TA_CENTER,
        ),
        "letter": derive("letter", base.body, fontSize=9.5, leading=15, spaceAfter=5),
        "letter_indent": derive(
            "letter-indent", base.body, fontSize=9.5, leading=15, firstLineIndent=19
        ),
        "small_right": derive("small-right", base.small, **right),
        "section": derive(
            "section", base.heading, fontSize=13, leading=17, spaceBefore=10, spaceAfter=6
        ),
        "sub": base.heading,
        "cover_kicker": derive("cover-kicker", base.body, fontSize=11, leading=15, textColor=MUTED),
        "cover_title": derive("cover-title", base.title, fontSize=24, leading=31, alignment=0),
        "cover_client": derive(
            "cover-client",
            base.level_name,
            fontSize=15,
            leading=20,
            alignment=0,
            textColor=base.body.textColor,
        ),
        "headline": derive(
            "headline",
            base.heading,
            fontSize=12,
            leading=16,
            alignment=TA_CENTER,
            spaceBefore=0,
            spaceAfter=0,
        ),
        "level_code": base.level_code,
        "level_name": base.level_name,
        "rec_title": derive(
            "rec-title", base.heading, fontSize=10, leading=13, spaceBefore=0, spaceAfter=0
        ),
    }


def masked_id(value: str) -> str:
    """The ID as given when it is masked already, else masked here."""
    text = value.strip()
    return text if "*" in text or not text else mask_id_number(text)


def furniture(doc: AdvicePackDocument) -> PageFurniture:
    """The footer every page of ``doc`` carries."""
    if doc.lang == "both":
        return _BilingualFurniture(lang="zh", document_number=doc.document_number)
    return PageFurniture(lang=doc.lang, document_number=doc.document_number)


def check_recommendations(doc: AdvicePackDocument) -> None:
    """Raise ``ValueError`` when any recommendation failed the suitability check."""
    refused = [rec for rec in doc.recommendations if not rec.suitable]
    if refused:
        names = ", ".join(f"{rec.name} ({rec.code})" for rec in refused)
        raise ValueError(
            f"The advice pack cannot include products that failed the suitability check: "
            f"{names}. Remove them from the plan or record an approved override first."
        )


def render_advice_pack(
    doc: AdvicePackDocument,
    password: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """The advice pack as an A4 PDF.

    Args:
        doc: the pack's content.
        password: when given, the PDF opens only with it (AES-256, printing allowed,
            copying and changes not); the bytes then differ from run to run.
        progress: called with a fraction from 0 to 1 as pages are laid out (from the
            calling thread, which may be a worker); last with 1.0.

    Raises:
        ValueError: a recommendation is not suitable.
    """
    from app.reports.pack_sections import build_story  # the sections import this module

    check_recommendations(doc)
    story = build_story(Writer(doc))
    title = LABELS["pdf_title"].get("en" if doc.lang == "en" else "zh")
    return _build(story, furniture(doc), title, password, progress)


def _build(
    story: list[Any],
    footer: PageFurniture,
    title: str,
    password: str | None,
    progress: Callable[[float], None] | None,
) -> bytes:
    """``page.render_story`` with encryption and progress (both need the template)."""
    fonts = register_fonts()
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=f"{title} {footer.document_number}",
        author="Confidant",
        creator="Confidant",
        invariant=1,
        initialFontName=fonts.latin,
        lang="en"
        if footer.lang == "en" and not isinstance(footer, _BilingualFurniture)
        else "zh-CN",
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        frame_width(),
        PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    if progress is not None:
        template.setProgressCallBack(_progress_relay(progress))
    template.build(story, canvasmaker=partial(FurnishedCanvas, furniture=footer))
    data = buffer.getvalue() if not password else lock(buffer.getvalue(), password)
    if progress is not None:
        progress(1.0)
    return data


def lock(data: bytes, password: str) -> bytes:
    """The PDF encrypted with AES-256 (PDF 2.0 / ISO 32000-2), openable only with
    ``password``; printing allowed, copying and changes not (a random owner password).

    ReportLab's own encryption is RC4 unless the unmaintained pure-Python ``pyaes`` is
    installed; pypdf does AES-256 through the ``cryptography`` package the vault uses.
    """
    from pypdf import PdfReader, PdfWriter  # only packs with a password pay the import
    from pypdf.constants import UserAccessPermissions as Allow

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(24),
        algorithm="AES-256",
        permissions_flag=Allow.PRINT | Allow.PRINT_TO_REPRESENTATION,
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _progress_relay(progress: Callable[[float], None]) -> Callable[[str, int], None]:
    """ReportLab's (kind, value) callbacks as fractions; layout is 95 %, saving the rest."""
    total = [1]
    last = [-1.0]

    def relay(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            total[0] = max(1, value)
        elif kind == "PROGRESS":
            fraction = round(0.95 * min(value, total[0]) / total[0], 2)
            if fraction > last[0]:
                last[0] = fraction
                progress(fraction)

    return relay
