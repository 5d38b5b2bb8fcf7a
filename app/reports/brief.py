"""The meeting brief (会谈简报): one or two A4 pages the banker takes into a meeting.

What it shows, top to bottom: who the client is (ID and mobile masked), the meeting when
there is one, the risk level and how long it stays valid, the points to raise, the
portfolio (a doughnut of the allocation and the key figures), the large transactions of
the last 90 days, the last three notes and the open tasks. Everything arrives as plain,
already translated values (``BriefDocument``); the service gathers them.

Two pages at most: when a busy client's brief runs longer, it is laid out again with
shorter notes and fewer rows (``_LAYOUTS``), and the rows left out are counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from app.domain.masking import mask_id_number, mask_mobile
from app.domain.money import Money, chinese_units
from app.reports.charts import allocation_doughnut, fit_text
from app.reports.fonts import markup, register_fonts, string_width
from app.reports.page import (
    INK,
    NOTE_RULE,
    NOTE_TINT,
    RULE,
    TINT,
    DocumentStyles,
    Lang,
    PageFurniture,
    document_styles,
    format_date,
    format_datetime,
    frame_width,
    para,
    render_story,
    table_style,
)

ALERT: Color = HexColor("#b3261e")  # expired or expiring assessments, overdue tasks
RISK_ALERTS = frozenset({"expiring", "expired", "missing"})
MAX_PAGES = 2


@dataclass(frozen=True)
class BriefNote:
    """A note as the brief shows it: a confidential one has a neutral title and no body."""

    written_at: datetime
    title: str
    body_plain: str
    confidential: bool = False


@dataclass(frozen=True)
class BriefTask:
    title: str
    due_on: date | None
    priority: str  # already translated: 高 / High
    owner: str
    overdue: bool = False


@dataclass(frozen=True)
class BriefTransaction:
    on: date
    kind: str  # already translated: 赎回 / Redemption
    instrument: str
    amount_cny: Decimal


@dataclass(frozen=True)
class BriefMeeting:
    title: str
    starts_at: datetime  # in the banker's time zone
    channel: str  # already translated
    location: str
    agenda: str


@dataclass(frozen=True)
class BriefDocument:
    """Everything the brief shows; plain values, already in ``lang``."""

    lang: Lang
    document_number: str
    generated_at: datetime  # in the banker's time zone
    as_of: date
    banker: str
    client_name: str
    client_masked_id: str
    client_masked_mobile: str
    tier_name: str
    relationship_manager: str
    age: int | None
    total_assets_cny: Decimal
    at_bank_cny: Decimal
    cash_cny: Decimal
    by_asset_class: Sequence[tuple[str, Decimal]]  # (label, CNY), largest first
    performance: Sequence[tuple[str, str]]  # (label, value), e.g. ("今年以来", "+2.54%")
    risk_level_code: str | None  # None: never assessed
    risk_level_name: str
    risk_expires_on: date | None
    risk_status: str  # valid | expiring | expired | missing | not_applicable (households)
    risk_status_text: str
    notes: Sequence[BriefNote]
    tasks: Sequence[BriefTask]
    care_lines: Sequence[str]  # birthdays and other dates worth a greeting
    large_transactions: Sequence[BriefTransaction]
    talking_points: Sequence[str]
    meeting: BriefMeeting | None = None
    occupation: str = ""  # occupation and employer


def format_cny(amount: Decimal, lang: Lang) -> str:
    """``¥62,187,272.94``, and in Chinese also ``（6,218.73万）`` from ten thousand up."""
    text = Money(amount).format()
    if lang == "zh" and abs(amount) >= 10_000:
        text += f"（{chinese_units(amount)}）"
    return text


def format_cny_short(amount: Decimal, lang: Lang) -> str:
    """For charts and tables: ``¥6,218.73万`` in Chinese, ``¥62.19m`` in English."""
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    if lang == "zh":
        return f"{sign}¥{chinese_units(value)}"
    if value >= 1_000_000:
        return f"{sign}¥{value / 1_000_000:,.2f}m"
    if value >= 10_000:
        return f"{sign}¥{value / 1_000:,.1f}k"
    return f"{sign}¥{value:,.2f}"


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF ReportLab wrote (page objects are not compressed)."""
    return len(re.findall(rb"/Type /Page\b", pdf))


_CJK_START = 0x2E80  # CJK radicals; everything Chinese lies above


def _para(text: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """``para`` that wraps Chinese between characters even in an English brief (client
    data such as notes stays in the language it was written in)."""
    return para(text, _style_for(text, style), bold=bold)


def _style_for(text: str, style: ParagraphStyle) -> ParagraphStyle:
    if style.wordWrap != "CJK" and any(ord(c) >= _CJK_START for c in text):
        return _cjk(style)
    return style


@lru_cache(maxsize=32)
def _cjk(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")


@dataclass(frozen=True)
class _Layout:
    note_lines: int
    tasks: int
    transactions: int
    talking_points: int


_LAYOUTS = (_Layout(3, 10, 5, 8), _Layout(2, 6, 4, 6), _Layout(1, 4, 3, 5))


def render_brief(doc: BriefDocument) -> bytes:
    """The brief as a PDF of one or two A4 pages; the same document gives the same bytes."""
    pdf = b""
    for layout in _LAYOUTS:
        pdf = _render(doc, layout)
        if page_count(pdf) <= MAX_PAGES:
            break
    return pdf


_LABELS: dict[Lang, dict[str, str]] = {
    "zh": {
        "title": "客户会谈简报",
        "subject": "会谈简报",
        "prepared": "客户经理 {banker} · 生成于 {when}",
        "meeting": "本次会谈",
        "client": "客户姓名",
        "id": "证件号码",
        "mobile": "手机号码",
        "tier": "客户等级",
        "age": "年龄",
        "age_value": "{age}岁",
        "rm": "客户经理",
        "care": "近期关怀",
        "occupation": "职业",
        "agenda": "议程",
        "risk": "风险承受能力",
        "valid_to": "有效期至 {day}",
        "not_assessed": "未评估",
        "points": "会谈要点",
        "no_points": "暂无特别提示。",
        "portfolio": "资产概况（截至 {day}）",
        "no_holdings": "暂无持仓与现金。",
        "total": "总资产",
        "at_bank": "本行资产",
        "cash": "现金",
        "transactions": "近90日主要交易",
        "no_transactions": "近90日无交易。",
        "date": "日期",
        "kind": "类型",
        "instrument": "产品",
        "amount": "金额（人民币）",
        "notes": "最近笔记",
        "no_notes": "暂无笔记。",
        "confidential_body": "机密内容不在简报中显示。",
        "tasks": "未完成事项",
        "no_tasks": "暂无未完成事项。",
        "task": "事项",
        "due": "截止日期",
        "priority": "优先级",
        "owner": "负责人",
        "overdue": "（逾期）",
        "more": "另有 {n} 项未列出。",
    },
    "en": {
        "title": "Meeting brief",
        "subject": "Meeting brief",
        "prepared": "Prepared by {banker} · {when}",
        "meeting": "This meeting",
        "client": "Client",
        "id": "ID number",
        "mobile": "Mobile",
        "tier": "Tier",
        "age": "Age",
        "age_value": "{age}",
        "rm": "RM",
        "care": "Coming up",
        "occupation": "Occupation",
        "agenda": "Agenda",
        "risk": "Risk tolerance",
        "valid_to": "Valid until {day}",
        "not_assessed": "Not assessed",
        "points": "Talking points",
        "no_points": "Nothing in particular to raise.",
        "portfolio": "Portfolio (as of {day})",
        "no_holdings": "No holdings or cash.",
        "total": "Total assets",
        "at_bank": "At this bank",
        "cash": "Cash",
        "transactions": "Main transactions, last 90 days",
        "no_transactions": "No transactions in the last 90 days.",
        "date": "Date",
        "kind": "Type",
        "instrument": "Product",
        "amount": "Amount (CNY)",
        "notes": "Latest notes",
        "no_notes": "No notes yet.",
        "confidential_body": "Confidential: not shown in the brief.",
        "tasks": "Open tasks",
        "no_tasks": "No open tasks.",
        "task": "Task",
        "due": "Due",
        "priority": "Priority",
        "owner": "Owner",
        "overdue": " (overdue)",
        "more": "{n} more not listed.",
    },
}


@dataclass(frozen=True)
class _Styles:
    base: DocumentStyles
    title: ParagraphStyle
    name: ParagraphStyle
    right: ParagraphStyle
    alert: ParagraphStyle
    alert_small: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    note_title: ParagraphStyle
    bullet: ParagraphStyle
    risk_code: ParagraphStyle
    risk_name: ParagraphStyle


@lru_cache(maxsize=2)
def _styles(lang: Lang) -> _Styles:
    base = document_styles(lang)

    def derive(name: str, parent: ParagraphStyle, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(f"brief-{lang}-{name}", parent=parent, **changes)

    return _Styles(
        base=base,
        title=derive("title", base.title, alignment=TA_LEFT, fontSize=17, leading=21),
        name=derive("name", base.level_name, alignment=TA_LEFT),
        right=derive("right", base.small, alignment=TA_RIGHT),
        alert=derive("alert", base.body, textColor=ALERT),
        alert_small=derive("alert-small", base.small, textColor=ALERT),
        figure=derive("figure", base.body, alignment=TA_RIGHT),
        figure_label=derive("figure-label", base.label),
        note_title=derive("note-title", base.body, textColor=INK),
        bullet=derive(
            "bullet",
            base.body,
            leftIndent=10,
            bulletIndent=0,
            spaceAfter=1.5,
            bulletFontName=register_fonts().latin,  # else Helvetica, unembedded
            bulletColor=NOTE_RULE,
        ),
        risk_code=derive("risk-code", base.level_code, fontSize=22, leading=25),
        risk_name=derive("risk-name", base.level_name, fontSize=11, leading=14),
    )


def _render(doc: BriefDocument, layout: _Layout) -> bytes:
    labels = _LABELS[doc.lang]
    st = _styles(doc.lang)
    story: list[Flowable] = [_header(doc, labels, st), Spacer(1, 3 * mm)]
    if doc.meeting is not None:
        story += [_meeting_box(doc.meeting, doc.lang, labels, st), Spacer(1, 3 * mm)]
    story += [
        _snapshot(doc, labels, st),
        Spacer(1, 3 * mm),
        _talking_points(doc, labels, st, layout),
        _portfolio(doc, labels, st),
        *_transactions(doc, labels, st, layout),
        *_notes(doc, labels, st, layout),
        *_tasks(doc, labels, st, layout),
    ]
    return render_story(
        story,
        PageFurniture(lang=doc.lang, document_number=doc.document_number),
        title=labels["title"],
        subject=f"{labels['subject']} {doc.document_number}",
    )


# --- the parts ----------------------------------------------------------------------


def _header(doc: BriefDocument, labels: dict[str, str], st: _Styles) -> Table:
    when = format_datetime(doc.generated_at, doc.lang)
    prepared = labels["prepared"].format(banker=doc.banker, when=when)
    left = [_para(labels["title"], st.title), _para(doc.client_name, st.name)]
    table = Table(
        [[left, _para(prepared, st.right)]],
        colWidths=[frame_width() * 0.55, frame_width() * 0.45],
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return table


def _meeting_box(meeting: BriefMeeting, lang: Lang, labels: dict[str, str], st: _Styles) -> Table:
    facts = " · ".join(
        part
        for part in (format_datetime(meeting.starts_at, lang), meeting.channel, meeting.location)
        if part
    )
    colon = "：" if lang == "zh" else ": "
    parts: list[Flowable] = [
        _para(
            _clip(f"{labels['meeting']}{colon}{meeting.title}", st.note_title, frame_width(), 2),
            st.note_title,
            bold=True,
        ),
        _para(_clip(facts, st.base.label, frame_width() - 16, 2), st.base.label),
    ]
    items = [line.strip() for line in meeting.agenda.splitlines() if line.strip()]
    if items:
        agenda = _clip(
            f"{labels['agenda']}{colon}" + " · ".join(items), st.base.body, frame_width() - 16, 3
        )
        parts.append(_para(agenda, st.base.body))
    box = Table([[parts]], colWidths=[frame_width()])
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LINEBEFORE", (0, 0), (0, 0), 2.5, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    return box


def _masked(value: str, mask: Any) -> str:
    """The value as given when masked already, else masked here (a careless caller
    cannot leak it)."""
    text = value.strip()
    return text if "*" in text or not text else str(mask(text))


def _snapshot(doc: BriefDocument, labels: dict[str, str], st: _Styles) -> Table:
    age = labels["age_value"].format(age=doc.age) if doc.age is not None else "—"
    pairs = [
        (labels["client"], doc.client_name, labels["tier"], doc.tier_name or "—"),
        (
            labels["id"],
            _masked(doc.client_masked_id, mask_id_number) or "—",
            labels["mobile"],
            _masked(doc.client_masked_mobile, mask_mobile) or "—",
        ),
        (labels["age"], age, labels["rm"], doc.relationship_manager or "—"),
    ]
    risk_width = 44 * mm
    label_width = 19 * mm if doc.lang == "zh" else 25 * mm
    value_width = (frame_width() - risk_width - 2 * label_width) / 2
    wide_width = frame_width() - risk_width - label_width - 12  # a value across the row
    rows: list[list[Any]] = [
        [
            _para(a, st.base.label),
            _para(b, st.base.body),
            _para(c, st.base.label),
            _para(d, st.base.body),
        ]
        for a, b, c, d in pairs
    ]
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    separator = "；" if doc.lang == "zh" else "; "
    wide = [
        (labels["occupation"], _clip(doc.occupation, st.base.body, wide_width, 1)),
        (labels["total"], format_cny(doc.total_assets_cny, doc.lang)),
        (labels["care"], _clip(separator.join(doc.care_lines), st.base.body, wide_width, 2)),
    ]
    for label, value in wide:  # one value across the row
        if value:
            rows.append([_para(label, st.base.label), _para(value, st.base.body), "", ""])
            style.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
    facts = Table(rows, colWidths=[label_width, value_width, label_width, value_width])
    facts.setStyle(table_style(*style))
    outer = Table(
        [[facts, _risk_box(doc, labels, st)]], colWidths=[frame_width() - risk_width, risk_width]
    )
    outer.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("RIGHTPADDING", (0, 0), (0, 0), 6),
            ("LEFTPADDING", (1, 0), (1, 0), 0),
            ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return outer


def _risk_box(doc: BriefDocument, labels: dict[str, str], st: _Styles) -> Table:
    alert = doc.risk_status in RISK_ALERTS
    code = doc.risk_level_code or "—"
    name = doc.risk_level_name or labels["not_assessed"]
    parts: list[Flowable] = [
        _para(labels["risk"], st.base.small),
        _para(code, st.risk_code, bold=True),
        _para(name, st.risk_name),
        Spacer(1, 1.5 * mm),
    ]
    if doc.risk_expires_on is not None:
        expiry = labels["valid_to"].format(day=format_date(doc.risk_expires_on, doc.lang))
        parts.append(_para(expiry, st.alert_small if alert else st.base.small))
    if doc.risk_status_text:
        parts.append(_para(doc.risk_status_text, st.alert_small if alert else st.base.small))
    box = Table([[parts]], colWidths=[44 * mm])
    box.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.9, ALERT if alert else INK),
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    return box


def _talking_points(
    doc: BriefDocument, labels: dict[str, str], st: _Styles, layout: _Layout
) -> Flowable:
    points = list(doc.talking_points[: layout.talking_points])
    body: list[Flowable] = [_para(labels["points"], st.base.heading)]
    if not points:
        body.append(_para(labels["no_points"], st.base.body))
    for point in (_clip(p, st.bullet, frame_width() - 26, 2) for p in points):
        body.append(Paragraph(markup(point), _style_for(point, st.bullet), bulletText="•"))
    body += _more(len(doc.talking_points) - len(points), labels, st)
    box = Table([[body]], colWidths=[frame_width()])
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), NOTE_TINT),
            ("LINEBEFORE", (0, 0), (0, 0), 2.5, NOTE_RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    return box


def _portfolio(doc: BriefDocument, labels: dict[str, str], st: _Styles) -> Flowable:
    heading = _para(
        labels["portfolio"].format(day=format_date(doc.as_of, doc.lang)), st.base.heading
    )
    money = [
        (labels["total"], doc.total_assets_cny),
        (labels["at_bank"], doc.at_bank_cny),
        (labels["cash"], doc.cash_cny),
    ]
    figure_rows: list[list[Any]] = [
        [_para(label, st.figure_label), _amount_cell(amount, doc.lang, st)]
        for label, amount in money
    ]
    figure_rows += [[_para(a, st.figure_label), _para(b, st.figure)] for a, b in doc.performance]
    figures_width = 62 * mm
    figure_table = Table(figure_rows, colWidths=[24 * mm, figures_width - 24 * mm])
    figure_table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        )
    )
    chart_width = frame_width() - figures_width - 6 * mm
    slices = [(label, value) for label, value in doc.by_asset_class if value > 0]
    chart: Flowable
    if slices:
        rows = max(len(slices), 4)
        chart = allocation_doughnut(
            slices,
            width=chart_width,
            height=max(34 * mm, rows * 15 + 14),
            centre=(labels["total"], format_cny_short(doc.total_assets_cny, doc.lang)),
            value_text=lambda value: format_cny_short(value, doc.lang),
        )
    else:
        chart = _para(labels["no_holdings"], st.base.body)
    row = Table([[chart, figure_table]], colWidths=[chart_width + 6 * mm, figures_width])
    row.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return KeepTogether([heading, row])


def _amount_cell(amount: Decimal, lang: Lang, st: _Styles) -> list[Flowable]:
    """The exact amount; in Chinese with 万/亿 underneath from ten thousand up."""
    cell = [_para(Money(amount).format(), st.figure)]
    if lang == "zh" and abs(amount) >= 10_000:
        cell.append(_para(chinese_units(amount), _right(st.base.small)))
    return cell


def _grid(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return table


def _section(heading: Flowable, body: list[Flowable], keep: float = 20 * mm) -> list[Flowable]:
    """A heading and its body, which may flow onto the next page (tables split between
    rows, repeating their header); the heading goes there too unless ``keep`` fits."""
    return [CondPageBreak(keep), heading, *body]


def _more(count: int, labels: dict[str, str], st: _Styles) -> list[Flowable]:
    return [_para(labels["more"].format(n=count), st.base.small)] if count > 0 else []


def _transactions(
    doc: BriefDocument, labels: dict[str, str], st: _Styles, layout: _Layout
) -> list[Flowable]:
    heading = _para(labels["transactions"], st.base.heading)
    shown = list(doc.large_transactions[: layout.transactions])
    if not shown:
        return _section(heading, [_para(labels["no_transactions"], st.base.body)])
    amount_width = 52 * mm if doc.lang == "zh" else 34 * mm
    widths = [26 * mm, 20 * mm, frame_width() - 46 * mm - amount_width, amount_width]
    head = [labels[key] for key in ("date", "kind", "instrument", "amount")]
    rows: list[list[Any]] = [
        [_para(text, st.base.table_head) for text in head[:3]]
        + [_para(head[3], _right(st.base.table_head))]
    ]
    for txn in shown:
        rows.append(
            [
                _para(format_date(txn.on, doc.lang), st.base.table),
                _para(txn.kind, st.base.table),
                _para(_clip(txn.instrument or "—", st.base.table, widths[2] - 6, 1), st.base.table),
                _para(format_cny(txn.amount_cny, doc.lang), _right(st.base.table)),
            ]
        )
    more = _more(len(doc.large_transactions) - len(shown), labels, st)
    return _section(heading, [_grid(rows, widths), *more])


@lru_cache(maxsize=8)
def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


def _clip(text: str, style: ParagraphStyle, width: float, lines: int) -> str:
    """``text`` on one line, cut with an ellipsis to about ``lines`` lines of ``width``.

    Wrapping wastes a little of each line (a word or a closing mark that must not start
    the next one), so the budget keeps a margin.
    """
    flat = " ".join(text.split())
    budget = width * lines * 0.9 - style.fontSize
    if string_width(flat, style.fontSize) <= budget:
        return flat
    return fit_text(flat, style.fontSize, budget)


def _notes(
    doc: BriefDocument, labels: dict[str, str], st: _Styles, layout: _Layout
) -> list[Flowable]:
    heading = _para(labels["notes"], st.base.heading)
    if not doc.notes:
        return _section(heading, [_para(labels["no_notes"], st.base.body)])
    date_width = 30 * mm if doc.lang == "zh" else 32 * mm
    text_width = frame_width() - date_width - 6
    rows: list[list[Any]] = []
    for note in doc.notes:
        title = _clip(note.title, st.note_title, text_width, 1)
        cell: list[Flowable] = [_para(title, st.note_title, bold=True)]
        if note.confidential:
            cell.append(_para(labels["confidential_body"], st.base.small))
        elif note.body_plain.strip():
            cell.append(
                _para(
                    _clip(note.body_plain, st.base.body, text_width, layout.note_lines),
                    st.base.body,
                )
            )
        rows.append([_para(format_datetime(note.written_at, doc.lang), st.base.label), cell])
    table = Table(rows, colWidths=[date_width, frame_width() - date_width])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return _section(heading, [table], keep=32 * mm)


def _tasks(
    doc: BriefDocument, labels: dict[str, str], st: _Styles, layout: _Layout
) -> list[Flowable]:
    heading = _para(labels["tasks"], st.base.heading)
    shown = list(doc.tasks[: layout.tasks])
    if not shown:
        return _section(heading, [_para(labels["no_tasks"], st.base.body)])
    due_width = 36 * mm
    widths = [frame_width() - due_width - 16 * mm - 24 * mm, due_width, 16 * mm, 24 * mm]
    head = [labels[key] for key in ("task", "due", "priority", "owner")]
    rows: list[list[Any]] = [[_para(text, st.base.table_head) for text in head]]
    alert_table = ParagraphStyle("brief-alert-table", parent=st.base.table, textColor=ALERT)
    for task in shown:
        due = format_date(task.due_on, doc.lang) if task.due_on else "—"
        if task.overdue:
            due += labels["overdue"]
        rows.append(
            [
                _para(_clip(task.title, st.base.table, widths[0] - 6, 2), st.base.table),
                _para(due, alert_table if task.overdue else st.base.table),
                _para(task.priority, st.base.table),
                _para(_clip(task.owner, st.base.table, widths[3] - 6, 1), st.base.table),
            ]
        )
    more = _more(len(doc.tasks) - len(shown), labels, st)
    return _section(heading, [_grid(rows, widths), *more])
