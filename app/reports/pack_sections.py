"""The sections of the advice pack, each a list of flowables (see ``advice_pack``).

Why long lists are not ReportLab Tables: a Table lays every cell out again each time it
splits across a page and draws each cell as a Paragraph in its own graphics state, so a
holdings page cost about three times a page of prose. Long lists (holdings, goals,
allocation) are ``RowTable``s of ``TextCell``s instead: measured once, split by cutting
the row list, each page's text one text object; a 100-page pack then costs about ten
times a 10-page one (performance.md §2.6, tests/bench/pack_bench.py). Small framed blocks
(cover facts, risk profile, each recommendation) stay Tables. In a "both" pack every
template sentence is in Chinese with the English beneath it, smaller and grey; headings
and labels carry both.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from app.domain.money import Money
from app.reports.advice_pack import format_pct, format_probability, masked_id
from app.reports.charts import Fan, allocation_bars, allocation_doughnut, projection_fan
from app.reports.pack_text import (
    LABELS,
    TEMPLATE_VERSION,
    acknowledgement,
    disclaimers,
    disclosure,
    letter,
)
from app.reports.page import INK, RULE, TINT, frame_width, table_style

if TYPE_CHECKING:
    from app.reports.advice_pack import PackHolding, Writer

CURRENT_COLOUR = HexColor("#b08a3e")  # the current allocation in charts: a muted gold


def grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    """A ruled table with a tinted header row that repeats when it splits."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
        ]
    table.setStyle(table_style(*commands))
    return table


Cell = Any  # a TextCell, or a list of TextCells stacked (name over code)
_PAD_X, _PAD_TOP, _PAD_BOTTOM = 3.0, 1.8, 2.2


class RowTable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A long list as rows of plain text under a header repeated on every page.

    Why not a Table: a Table lays every cell out again when it splits and draws each cell
    in its own graphics state; here the rows are measured once, a split only cuts the
    list, and the text of a page is one text object. Looks like ``grid``: tinted header,
    ink rule above it, thin rules under each row, text at the top of its cell.
    """

    def __init__(
        self,
        head: Sequence[Cell],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        heights: tuple[float, list[float]] | None = None,
    ) -> None:
        super().__init__()
        self.head, self.rows, self.widths = [_lines(c) for c in head], rows, list(widths)
        self._heights = heights

    def _measure(self) -> tuple[float, list[float]]:
        if self._heights is None:
            self._heights = (
                self._row_height(self.head),
                [self._row_height([_lines(c) for c in row]) for row in self.rows],
            )
        return self._heights

    def _row_height(self, cells: Sequence[list[Any]]) -> float:
        tallest = 0.0
        for cell, width in zip(cells, self.widths, strict=True):
            tallest = max(tallest, sum(part.wrap(width - 2 * _PAD_X, 0)[1] for part in cell))
        return tallest + _PAD_TOP + _PAD_BOTTOM

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        head, rows = self._measure()
        self.width, self.height = sum(self.widths), head + sum(rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        head, rows = self._measure()
        used, fits = head, 0
        while fits < len(rows) and used + rows[fits] <= avail_height:
            used += rows[fits]
            fits += 1
        if fits == 0 or fits == len(rows):
            return []
        return [
            RowTable(self.head, self.rows[:fits], self.widths, (head, rows[:fits])),
            RowTable(self.head, self.rows[fits:], self.widths, (head, rows[fits:])),
        ]

    def draw(self) -> None:
        head, rows = self._measure()
        canvas, width = self.canv, sum(self.widths)
        canvas.setFillColor(TINT)
        canvas.rect(0, self.height - head, width, head, stroke=0, fill=1)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.line(0, self.height, width, self.height)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        top, text = self.height, canvas.beginText()
        for cells, height in [(self.head, head), *zip(self.rows, rows, strict=True)]:
            x = 0.0
            for cell, col_width in zip(cells, self.widths, strict=True):
                y = top - _PAD_TOP
                for part in _lines(cell):
                    part.wrap(col_width - 2 * _PAD_X, 0)
                    part.write(text, x + _PAD_X, y)
                    y -= part.height
                x += col_width
            top -= height
            canvas.line(0, top, width, top)
        canvas.drawText(text)


def _lines(cell: Cell) -> list[Any]:
    return list(cell) if isinstance(cell, list | tuple) else [cell]


def listing(head: list[Any], rows: Sequence[list[Any]], widths: Sequence[float]) -> list[Flowable]:
    """A list of rows under a header (see ``RowTable``)."""
    return [RowTable(head, rows, widths)] if rows else []


def facts(pairs: Sequence[tuple[list[Flowable], list[Flowable]]], label_width: float) -> Table:
    """A two-column table of labels and values with thin rules."""
    table = Table(
        [list(pair) for pair in pairs], colWidths=[label_width, frame_width() - label_width]
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return table


# --- the sections ---------------------------------------------------------------------


def build_story(w: Writer) -> list[Flowable]:
    """Every section of the pack, top to bottom."""
    return [
        *cover(w),
        PageBreak(),
        *letter(w),
        PageBreak(),
        *goals(w),
        CondPageBreak(70 * mm),
        *risk_profile(w),
        PageBreak(),
        *current_portfolio(w),
        CondPageBreak(90 * mm),
        *proposed(w),
        PageBreak(),
        *recommendations(w),
        PageBreak(),
        *projections(w),
        PageBreak(),
        *disclosure(w),
        *disclaimers(w),
        PageBreak(),
        *acknowledgement(w),
    ]


def cover(w: Writer) -> list[Flowable]:
    doc = w.doc
    licence = doc.banker_licence or "—"
    rows = [
        ("client", doc.client_name),
        ("id", masked_id(doc.client_masked_id) or "—"),
        ("date", w.date(doc.date)),
        ("banker", doc.banker),
        ("licence", licence),
        ("branch", doc.branch),
        ("doc_no", doc.document_number),
        ("plan_version", doc.plan_version),
        ("assumptions", doc.assumptions_version),
        ("template", TEMPLATE_VERSION),
    ]
    table = facts([(w.label(key), w.data(value)) for key, value in rows], 46 * mm)
    kicker = " · ".join(words for _, words in w.words(LABELS["pdf_title"]))
    return [
        Spacer(1, 38 * mm),
        w.para(kicker, "cover_kicker"),
        Spacer(1, 3 * mm),
        *w.data(doc.plan_title, "cover_title"),
        Spacer(1, 5 * mm),
        w.para(f"{w.inline('prepared_for')}  {doc.client_name}", "cover_client"),
        Spacer(1, 22 * mm),
        table,
        Spacer(1, 14 * mm),
        w.headline(),
        Spacer(1, 4 * mm),
        *w.prose(LABELS["cover_note"], "small"),
    ]


def goals(w: Writer) -> list[Flowable]:
    doc = w.doc
    out: list[Flowable] = [w.heading("h_goals")]
    if not doc.goals:
        return [*out, *w.prose(LABELS["no_goals"])]
    keys = ("goal", "target", "year", "priority", "earmarked", "p_current", "p_proposed")
    head = [w.head(key, right=index not in (0, 3)) for index, key in enumerate(keys)]
    rows = [
        [
            w.data(goal.name, "table"),
            w.para(Money(goal.target_amount).format(), "right"),
            w.para(str(goal.target_year), "right"),
            w.data(goal.priority, "table"),
            w.para(Money(goal.earmarked).format(), "right"),
            w.para(format_probability(goal.probability_current), "right"),
            w.para(format_probability(goal.probability_proposed), "right"),
        ]
        for goal in doc.goals
    ]
    fw = frame_width()
    widths = [fw * 0.22, fw * 0.17, fw * 0.09, fw * 0.09, fw * 0.17, fw * 0.13, fw * 0.13]
    out += listing(head, rows, widths)
    out += [
        Spacer(1, 2 * mm),
        *w.prose(LABELS["goals_note"], "small", version=doc.assumptions_version),
    ]
    return out


def risk_profile(w: Writer) -> list[Flowable]:
    doc = w.doc
    loss = "—"
    if doc.max_loss_pct is not None:
        loss = w.lines("max_loss_value", pct=doc.max_loss_pct)
    rows = [
        ("meaning", w.data(doc.risk_meaning)),
        ("assessed_on", w.data(w.date(doc.risk_assessed_on))),
        ("expires_on", w.data(w.date(doc.risk_expires_on))),
        ("ratings", w.data(doc.suitable_ratings)),
        ("max_loss", w.data(loss)),
    ]
    label_width = 38 * mm
    level_width = 40 * mm
    details = Table(
        [[w.label(key), value] for key, value in rows],
        colWidths=[label_width, frame_width() - level_width - label_width],
    )
    details.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        )
    )
    level = [
        *w.label("level"),
        Spacer(1, 2 * mm),
        w.para(doc.risk_level_code, "level_code", bold=True),
        *w.data(doc.risk_level_name, "level_name"),
    ]
    box = Table([[level, details]], colWidths=[level_width, frame_width() - level_width])
    box.setStyle(
        table_style(
            ("VALIGN", (0, 0), (0, 0), "MIDDLE"),
            ("VALIGN", (1, 0), (1, 0), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.9, INK),
            ("BACKGROUND", (0, 0), (0, 0), TINT),
            ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE),
            ("LEFTPADDING", (1, 0), (1, 0), 0),
            ("RIGHTPADDING", (1, 0), (1, 0), 0),
        )
    )
    rule = w.prose(LABELS["match_rule"], ratings=doc.suitable_ratings)
    return [w.heading("h_risk"), box, Spacer(1, 3 * mm), *rule]


def _by_class(holdings: Sequence[PackHolding]) -> list[tuple[str, Decimal]]:
    totals: dict[str, Decimal] = {}
    for holding in holdings:
        totals[holding.asset_class] = (
            totals.get(holding.asset_class, Decimal(0)) + holding.value_cny
        )
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))


def current_portfolio(w: Writer) -> list[Flowable]:
    """The doughnut of asset classes with the key figures beside it (under it in
    "both", where the legend needs the width), then the holdings."""
    doc = w.doc
    total = [w.para(Money(doc.total_assets_cny).format(), "right")]
    if w.main == "zh" and abs(doc.total_assets_cny) >= 10_000:
        total.append(w.para(w.short(doc.total_assets_cny).lstrip("¥"), "small_right"))
    figures = [[w.label("total"), total]]
    figures += [
        [w.data(label, "label"), w.para(value, "right")] for label, value in doc.performance
    ]
    side = frame_width() if w.both else 66 * mm
    label_width = 50 * mm if w.both else 26 * mm
    figure_table = Table(figures, colWidths=[label_width, side - label_width])
    figure_table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        )
    )
    slices = [(" ".join(label.split()), value) for label, value in _by_class(doc.holdings)]
    chart_width = frame_width() if w.both else frame_width() - side - 6 * mm
    chart: Any = w.para(w.inline("no_holdings"), "body")
    if slices:
        chart = allocation_doughnut(
            slices,
            width=chart_width,
            height=max(40 * mm, min(len(slices), 12) * 15 + 14),
            centre=(w.inline("total"), w.short(doc.total_assets_cny)),
            value_text=w.short,
        )
    out: list[Flowable] = [w.heading("h_current"), w.heading("allocation", "sub")]
    if w.both:
        out += [chart, Spacer(1, 3 * mm), figure_table, Spacer(1, 2 * mm)]
    else:
        row = Table([[chart, figure_table]], colWidths=[chart_width + 6 * mm, side])
        row.setStyle(
            table_style(
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            )
        )
        out += [row, Spacer(1, 2 * mm)]
    if doc.holdings:
        out += [CondPageBreak(30 * mm), w.heading("holdings", "sub"), *_holdings(w)]
    return out


def _holdings(w: Writer) -> list[Table]:
    keys = ("product", "asset_class", "rating", "value", "weight")
    head = [w.head(key, right=key in ("value", "weight")) for key in keys]
    rows = [
        [
            [w.para(h.name, "table"), w.para(h.code, "small")]
            if h.code
            else w.para(h.name, "table"),
            w.data(h.asset_class, "table"),
            w.para(h.rating or "—", "table"),
            w.para(Money(h.value_cny).format(), "right"),
            w.para(format_pct(h.weight), "right"),
        ]
        for h in w.doc.holdings
    ]
    fw = frame_width()
    return listing(head, rows, [fw * 0.42, fw * 0.17, fw * 0.1, fw * 0.2, fw * 0.11])


def proposed(w: Writer) -> list[Flowable]:
    rows = list(w.doc.allocation)
    out: list[Flowable] = [w.heading("h_proposed")]
    if not rows:
        return out
    chart = allocation_bars(
        [row.asset_class_label.replace("\n", " ") for row in rows],
        [
            (w.inline("current"), [float(row.current_weight * 100) for row in rows]),
            (w.inline("proposed"), [float(row.proposed_weight * 100) for row in rows]),
        ],
        width=frame_width(),
        height=36 + len(rows) * 24,
        value_text=lambda value: format_pct(Decimal(repr(value)) / 100),
        colours=(CURRENT_COLOUR, INK),
    )
    keys = ("asset_class", "current", "proposed", "difference", "trade")
    head = [w.head(key, right=key != "asset_class") for key in keys]
    body = [
        [
            w.data(row.asset_class_label, "table"),
            w.para(format_pct(row.current_weight), "right"),
            w.para(format_pct(row.proposed_weight), "right"),
            w.para(format_pct(row.difference, signed=True), "right"),
            w.para(Money(row.trade_cny).format(), "right"),
        ]
        for row in rows
    ]
    fw = frame_width()
    out += [chart, Spacer(1, 3 * mm)]
    out += listing(head, body, [fw * 0.3, fw * 0.15, fw * 0.15, fw * 0.15, fw * 0.25])
    return [*out, Spacer(1, 1 * mm), *w.prose(LABELS["trade_note"], "small")]


def recommendations(w: Writer) -> list[Flowable]:
    out: list[Flowable] = [w.heading("h_recs"), *w.prose(LABELS["recs_note"], "small")]
    if not w.doc.recommendations:
        return [*out, *w.prose(LABELS["no_recs"])]
    for rec in w.doc.recommendations:
        out += [Spacer(1, 3 * mm), KeepTogether([_recommendation(w, rec)])]
    return out


def _recommendation(w: Writer, rec: Any) -> Table:
    title = rec.name + (f"（{rec.code}）" if w.main == "zh" else f" ({rec.code})") * bool(rec.code)
    verdict = w.words(LABELS["suitable_yes"], level=w.doc.risk_level_code, rating=rec.rating)
    suitability = [w.para(words, "cell", lang, bold=True) for lang, words in verdict]
    suitability += [w.para(f"· {note}", "small") for note in rec.suitability_notes]
    label_width = 30 * mm
    rows: list[list[Any]] = [
        [w.para(title, "rec_title", bold=True), "", "", ""],
        [
            w.label("rating"),
            w.para(rec.rating, "cell", bold=True),
            w.label("amount"),
            w.para(w.money(rec.amount_cny), "cell"),
        ],
        [w.label("suitability"), suitability, "", ""],
    ]
    for key in ("rationale", "key_terms", "fees", "liquidity", "risks", "sales_process"):
        if key == "sales_process" and not rec.sales_process:
            continue  # nothing to record, wait for or confirm
        rows.append([w.label(key), w.data(getattr(rec, key)), "", ""])
    value_width = (frame_width() - 2 * label_width) / 2
    table = Table(rows, colWidths=[label_width, value_width, label_width, value_width])
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("SPAN", (0, 0), (-1, 0)),
            *[("SPAN", (1, r), (-1, r)) for r in range(2, len(rows))],
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return table


def _sampled(years: Sequence[int]) -> Iterator[int]:
    """Indexes of the first year, every fifth after it and the last."""
    last = len(years) - 1
    for index, year in enumerate(years):
        if index in (0, last) or (year - years[0]) % 5 == 0:
            yield index


def projections(w: Writer) -> list[Flowable]:
    doc = w.doc
    proj = doc.projection
    out: list[Flowable] = [w.heading("h_projection")]
    if proj is None or len(proj.years) < 2:
        return [*out, *w.prose(LABELS["no_projection"])]
    out += w.prose(LABELS["projection_note"], "small", version=doc.assumptions_version)
    divisor, unit = (10_000.0, "unit_zh") if w.main == "zh" else (1_000_000.0, "unit_en")
    fans = [
        Fan(
            w.inline("current"),
            proj.current_p5,
            proj.current_p50,
            proj.current_p95,
            proj.deterministic_current,
            CURRENT_COLOUR,
        ),
        Fan(
            w.inline("proposed"),
            proj.proposed_p5,
            proj.proposed_p50,
            proj.proposed_p95,
            proj.deterministic_proposed,
            INK,
        ),
    ]
    legend = (w.inline("median"), w.inline("band"), w.inline("path"))
    out.append(
        projection_fan(
            proj.years,
            fans,
            width=frame_width(),
            height=80 * mm,
            unit=w.inline(unit),
            divisor=divisor,
            legend=legend,
        )
    )
    out += [Spacer(1, 3 * mm), _projection_table(w, divisor, unit)]
    if doc.goals:
        fw = frame_width()
        keys = ("goal", "year", "p_current", "p_proposed")
        head = [w.head(key, right=index > 0) for index, key in enumerate(keys)]
        rows = [
            [
                w.data(g.name, "table"),
                w.para(str(g.target_year), "right"),
                w.para(format_probability(g.probability_current), "right"),
                w.para(format_probability(g.probability_proposed), "right"),
            ]
            for g in doc.goals
        ]
        out += [Spacer(1, 4 * mm), *listing(head, rows, [fw * 0.46, fw * 0.14, fw * 0.2, fw * 0.2])]
    return out


def _projection_table(w: Writer, divisor: float, unit: str) -> Table:
    """Percentiles at the first year, every fifth year and the last, in the chart's unit."""
    proj = w.doc.projection
    assert proj is not None
    keys = ("proj_year", "p5", "p50", "p95", "p5", "p50", "p95")
    head = [w.head(key, right=index > 0) for index, key in enumerate(keys)]
    group: list[Any] = [
        w.data(w.lines(unit), "small"),
        w.head("current", center=True),
        "",
        "",
        w.head("proposed", center=True),
        "",
        "",
    ]
    series = (
        proj.current_p5,
        proj.current_p50,
        proj.current_p95,
        proj.proposed_p5,
        proj.proposed_p50,
        proj.proposed_p95,
    )
    rows = [
        [w.para(str(proj.years[i]), "table")]
        + [w.para(f"{s[i] / divisor:,.2f}", "right") for s in series]
        for i in _sampled(proj.years)
    ]
    fw = frame_width()
    table = grid([group, head, *rows], [fw * 0.13] + [fw * 0.145] * 6)
    table.setStyle(
        table_style(
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (4, 0), (6, 0)),
            ("BACKGROUND", (0, 1), (-1, 1), TINT),
            ("VALIGN", (0, 0), (-1, 1), "BOTTOM"),
            ("LINEAFTER", (3, 0), (3, -1), 0.5, RULE),
        )
    )
    return table
