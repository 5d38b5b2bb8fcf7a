"""The one-page risk assessment record (风险承受能力评估结果确认书).

What the client signs after the questionnaire: who was assessed, by whom, where and when;
every question with the chosen answer and its score; the resulting level with what it
means and which products suit it; and the confirmation line. The client's own name is
shown in full (it is their document); the ID number arrives masked and is masked here
again if it does not look masked, so a careless caller cannot leak it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.domain.masking import mask_id_number
from app.reports.fonts import string_width
from app.reports.page import (
    INK,
    MUTED,
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


@dataclass(frozen=True)
class AssessmentAnswer:
    """One question as asked and answered, already in the document's language."""

    question: str
    answer: str
    score: int
    part: str  # e.g. 风险承受意愿 / Willingness


@dataclass(frozen=True)
class AssessmentDocument:
    """Everything the assessment record shows; plain, already-translated values."""

    lang: Lang
    document_number: str
    client_name: str
    client_id_masked: str
    questionnaire_title: str
    questionnaire_version: str
    answers: Sequence[AssessmentAnswer]
    willingness_score: int
    capacity_score: int
    willingness_level: str  # "C4"
    capacity_level: str  # "C2"
    final_level: str  # "C2"
    final_level_name: str  # "稳健型"
    reason: str  # why the final level is what it is
    meaning: str  # what the level means for the client
    suitable_ratings: str  # "R1–R2"
    max_loss_pct: int | None  # the largest 6-month loss the client can bear
    assessed_at: datetime
    assessed_by: str
    place: str
    confirmed_at: datetime | None
    expires_on: date
    extra_care_note: str | None  # elderly or vulnerable client: shown in a visible box
    lowest_class: bool  # the lowest risk class: only matching products, even on request


_LABELS: dict[Lang, dict[str, str]] = {
    "zh": {
        "title": "风险承受能力评估结果确认书",
        "client": "客户姓名",
        "id": "证件号码",
        "questionnaire": "评估问卷",
        "assessed_at": "评估时间",
        "assessed_by": "评估人员",
        "place": "评估地点",
        "answers": "问卷作答明细",
        "no": "序号",
        "part": "类别",
        "question": "题目",
        "answer": "所选答案",
        "score": "得分",
        "result": "评估结果",
        "final": "最终风险承受能力等级",
        "willingness": "风险承受意愿",
        "capacity": "风险承受能力",
        "points": "{level} · {score} 分",
        "reason": "定级依据",
        "meaning": "等级含义",
        "suitable": "适合的产品风险等级",
        "loss": "可承受的6个月最大亏损",
        "loss_value": "{pct}%",
        "valid": "评估结果有效期至",
        "valid_note": "有效期内如财务状况、投资目标等发生重大变化，请告知我们重新评估。",
        "lowest": "您属于最低风险承受能力类别：本行仅可向您销售与此等级相匹配的产品，"
        "即使您主动要求，也不得向您销售高于此等级的产品。",
        "extra_care": "特别关注",
        "confirm": "客户确认：本人已如实填写并确认上述评估结果。",
        "client_sign": "客户签字：",
        "banker_sign": "客户经理签字：",
        "date": "日期：",
        "confirmed": "客户已于 {when} 确认本评估结果。",
        "subject": "风险承受能力评估",
    },
    "en": {
        "title": "Risk tolerance assessment – confirmation",
        "client": "Client",
        "id": "ID number",
        "questionnaire": "Questionnaire",
        "assessed_at": "Assessed on",
        "assessed_by": "Assessed by",
        "place": "Place",
        "answers": "Questions and answers",
        "no": "No.",
        "part": "Part",
        "question": "Question",
        "answer": "Answer chosen",
        "score": "Score",
        "result": "Result",
        "final": "Final risk tolerance level",
        "willingness": "Willingness to take risk",
        "capacity": "Capacity to bear risk",
        "points": "{level} · {score} points",
        "reason": "Why this level",
        "meaning": "What it means",
        "suitable": "Suitable product ratings",
        "loss": "Largest 6-month loss you can bear",
        "loss_value": "{pct}%",
        "valid": "Valid until",
        "valid_note": "If your finances or goals change materially before then, tell us "
        "and we will reassess.",
        "lowest": "This is the lowest risk tolerance class: only products matching it may be "
        "sold to you, even if you ask for a riskier one.",
        "extra_care": "Extra care",
        "confirm": "Client confirmation: I have answered truthfully and confirm the result above.",
        "client_sign": "Client signature:",
        "banker_sign": "Banker's signature:",
        "date": "Date:",
        "confirmed": "Confirmed by the client on {when}.",
        "subject": "Risk tolerance assessment",
    },
}

_CELL_PADDING = 2.5
_SIGN_PADDING = 2


def render_assessment(doc: AssessmentDocument) -> bytes:
    """The assessment record as a one-page A4 PDF (for up to about 15 questions).

    The same document always gives the same bytes.
    """
    labels = _LABELS[doc.lang]
    styles = document_styles(doc.lang)
    story: list[Flowable] = [
        para(labels["title"], styles.title),
        Spacer(1, 3 * mm),
        _header_block(doc, labels, styles),
        para(labels["answers"], styles.heading),
        _answers_table(doc, labels, styles),
        para(labels["result"], styles.heading),
        _result_box(doc, labels, styles),
    ]
    if doc.extra_care_note:
        story += [Spacer(1, 3 * mm), _extra_care_box(doc.extra_care_note, labels, styles)]
    story += [Spacer(1, 4 * mm), _confirmation(doc, labels, styles)]
    return render_story(
        story,
        PageFurniture(lang=doc.lang, document_number=doc.document_number),
        title=labels["title"],
        subject=f"{labels['subject']} {doc.document_number}",
    )


def _masked_id(value: str) -> str:
    """The ID as given when it is masked already, else masked here."""
    return value if "*" in value or not value.strip() else mask_id_number(value)


def _header_block(doc: AssessmentDocument, labels: dict[str, str], st: DocumentStyles) -> Table:
    questionnaire = f"{doc.questionnaire_title}（{doc.questionnaire_version}）"
    if doc.lang == "en":
        questionnaire = f"{doc.questionnaire_title} (version {doc.questionnaire_version})"
    pairs = [
        (labels["client"], doc.client_name, labels["id"], _masked_id(doc.client_id_masked)),
        (
            labels["questionnaire"],
            questionnaire,
            labels["assessed_at"],
            format_datetime(doc.assessed_at, doc.lang),
        ),
        (labels["assessed_by"], doc.assessed_by, labels["place"], doc.place),
    ]
    rows = [
        [para(a, st.label), para(b, st.body), para(c, st.label), para(d, st.body)]
        for a, b, c, d in pairs
    ]
    label_width = 22 * mm if doc.lang == "zh" else 27 * mm
    value_width = (frame_width() - 2 * label_width) / 2
    table = Table(rows, colWidths=[label_width, value_width, label_width, value_width])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        )
    )
    return table


def _answers_table(doc: AssessmentDocument, labels: dict[str, str], st: DocumentStyles) -> Table:
    head = [labels[key] for key in ("no", "part", "question", "answer", "score")]
    rows: list[list[Paragraph]] = [[para(text, st.table_head) for text in head]]
    for number, answer in enumerate(doc.answers, start=1):
        rows.append(
            [
                para(str(number), st.table),
                para(answer.part, st.table),
                para(answer.question, st.table),
                para(answer.answer, st.table),
                para(str(answer.score), st.table),
            ]
        )
    part_width = 20 * mm if doc.lang == "zh" else 22 * mm
    fixed = 9 * mm + part_width + 11 * mm
    question_width = (frame_width() - fixed) * 0.56
    widths = [9 * mm, part_width, question_width, frame_width() - fixed - question_width, 11 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        )
    )
    return table


def _result_details(doc: AssessmentDocument, labels: dict[str, str]) -> list[tuple[str, str]]:
    loss = "—" if doc.max_loss_pct is None else labels["loss_value"].format(pct=doc.max_loss_pct)
    points = labels["points"]
    return [
        (
            labels["willingness"],
            points.format(level=doc.willingness_level, score=doc.willingness_score),
        ),
        (labels["capacity"], points.format(level=doc.capacity_level, score=doc.capacity_score)),
        (labels["reason"], doc.reason),
        (labels["meaning"], doc.meaning),
        (labels["suitable"], doc.suitable_ratings),
        (labels["loss"], loss),
        (labels["valid"], format_date(doc.expires_on, doc.lang)),
    ]


def _result_box(doc: AssessmentDocument, labels: dict[str, str], st: DocumentStyles) -> Table:
    level_width = 40 * mm
    label_width = 38 * mm if doc.lang == "zh" else 44 * mm
    value_width = frame_width() - level_width - label_width
    detail_rows: list[list[Flowable | str]] = [
        [para(label, st.label), para(value, st.body)]
        for label, value in _result_details(doc, labels)
    ]
    detail_rows[-1][1] = [
        para(format_date(doc.expires_on, doc.lang), st.body),
        para(labels["valid_note"], st.small),
    ]
    if doc.lowest_class:
        detail_rows.append([para(labels["lowest"], st.body), ""])
    details = Table(detail_rows, colWidths=[label_width, value_width])
    detail_style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),  # room for hanging punctuation
    ]
    if doc.lowest_class:
        detail_style += [("SPAN", (0, -1), (-1, -1)), ("LINEBELOW", (0, -2), (-1, -2), 0.3, RULE)]
    details.setStyle(table_style(*detail_style))
    level = [
        para(labels["final"], st.small),
        Spacer(1, 2 * mm),
        para(doc.final_level, st.level_code, bold=True),
        para(doc.final_level_name, st.level_name),
    ]
    box = Table([[level, details]], colWidths=[level_width, label_width + value_width])
    box.setStyle(
        table_style(
            ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
            ("VALIGN", (1, 0), (1, 0), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.9, INK),
            ("BACKGROUND", (0, 0), (0, 0), TINT),
            ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE),
            ("LEFTPADDING", (1, 0), (1, 0), 0),
            ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return box


def _extra_care_box(note: str, labels: dict[str, str], st: DocumentStyles) -> Table:
    box = Table(
        [[[para(labels["extra_care"], st.heading), para(note, st.body)]]],
        colWidths=[frame_width()],
    )
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), NOTE_TINT),
            ("LINEBEFORE", (0, 0), (0, 0), 2.5, NOTE_RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    return box


def _confirmation(doc: AssessmentDocument, labels: dict[str, str], st: DocumentStyles) -> Flowable:
    blank = ""

    def label_width(text: str) -> float:  # the label's own width plus the cell's padding
        return string_width(text, st.label.fontSize) + _SIGN_PADDING + 8 + 2

    client_label, banker_label, date_label = (
        label_width(labels[key]) for key in ("client_sign", "banker_sign", "date")
    )
    line = (frame_width() - client_label - banker_label - 2 * date_label) / 4
    signatures = Table(
        [
            [
                para(labels["client_sign"], st.label),
                blank,
                para(labels["date"], st.label),
                blank,
                para(labels["banker_sign"], st.label),
                blank,
                para(labels["date"], st.label),
                blank,
            ]
        ],
        colWidths=[
            *(client_label, line * 1.3, date_label, line * 0.7),
            *(banker_label, line * 1.3, date_label, line * 0.7),
        ],
        rowHeights=[11 * mm],
    )
    signatures.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            *[("LINEBELOW", (col, 0), (col, 0), 0.5, MUTED) for col in (1, 3, 5, 7)],
            ("LEFTPADDING", (0, 0), (-1, -1), _SIGN_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        )
    )
    parts: list[Flowable] = [para(labels["confirm"], st.body), signatures]
    if doc.confirmed_at is not None:
        when = format_datetime(doc.confirmed_at, doc.lang)
        parts += [Spacer(1, 2 * mm), para(labels["confirmed"].format(when=when), st.small)]
    return KeepTogether(parts)
