"""The Plan tab on the demo book: creating a plan, goals and flows, the allocation within
the model's bands, products through the suitability gate, the review cycle with its
dates and the copy for next year, the live projection, and nothing left after a lock.
Every check compares what the screen shows with what the services compute."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyleOptionViewItem

from app.services.book import BookFilter
from ui.formatting import format_money_short

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock, visible_texts

D = Decimal
LEFT = Qt.MouseButton.LeftButton
TODAY = date.today()
YEAR = TODAY.year


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    return window


def run(window, fn):  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(fn)


def person(window, *, planned: bool = False, below: int = 6):  # type: ignore[no-untyped-def]
    """A person with a valid assessment below C``below``, no extra care, with or
    without plans."""

    def find(ws):  # type: ignore[no-untyped-def]
        for r in ws.book.rows(ws.book.ids(BookFilter())):
            if r.kind != "person" or r.risk_level is None or int(r.risk_level[1]) >= below:
                continue
            if not ws.risk.current(r.id).validity.usable or ws.risk.care(r.id).extra_care:
                continue
            if bool(ws.plans.list_for(r.id)) == planned:
                return r.id
        raise AssertionError("no such person in the demo book")

    return run(window, find)


def open_plan_tab(window, qtbot, client_id):  # type: ignore[no-untyped-def]
    window.open_client(client_id)
    view = window.client_view
    view.tabs.setCurrentWidget(view.plan_tab)
    tab = view.plan_tab
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.client_id == client_id, timeout=15000)
    return tab


def projected(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the projection of the plan shown, with nothing newer on its way."""
    qtbot.waitUntil(
        lambda: (
            tab.plan is not None
            and tab.projection.projections is not None
            and tab.projection.projections.plan_id == tab.plan.id
            and not tab.runner.busy
        ),
        timeout=15000,
    )


def new_plan(tab, qtbot, title: str = "年度规划 UI"):  # type: ignore[no-untyped-def]
    dialog = tab.new_plan()
    dialog.title.setText(title)
    dialog.save()
    qtbot.waitUntil(lambda: tab.plan is not None and tab.plan.title == title, timeout=15000)
    return tab.plan


def median(projection) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    return tuple({float(k): v for k, v in projection.real_bands.items()}[50.0])


# --- a new plan --------------------------------------------------------------------------


def test_a_client_without_a_plan_is_told_why_and_starts_one(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.plans.tab import EDITOR, EMPTY

    cid = person(window)
    tab = open_plan_tab(window, qtbot, cid)
    name = run(window, lambda ws: ws.book.rows([cid])[0].name)
    assert tab.stack.currentIndex() == EMPTY
    assert name in tab.empty_text.text() and "risk assessment" in tab.empty_text.text()
    qtbot.mouseClick(tab.empty_new, LEFT)
    dialog = tab.dialog
    assert dialog is not None and dialog.year.value() == YEAR
    dialog.title.setText("年度规划 UI")
    dialog.save()
    qtbot.waitUntil(lambda: tab.plan is not None, timeout=15000)

    (summary,) = run(window, lambda ws: ws.plans.list_for(cid))
    assert (summary.title, summary.year, summary.version, summary.status) == (
        "年度规划 UI",
        YEAR,
        1,
        "draft",
    )
    assert tab.plan.id == summary.id and tab.stack.currentIndex() == EDITOR
    assert tab.bar.chooser.currentText() == f"{YEAR} · v1 · Draft — 年度规划 UI"
    assert tab.bar.badge.text() == "Draft" and tab.bar.dates.text() == "not yet presented"
    assert [s for s, b in tab.bar.moves.items() if not b.isHidden()] == ["presented"]
    model = run(window, lambda ws: ws.plans.model(summary.id))
    assert tab.allocation.model.weights() == dict(model.weights)
    # The projection arrives and the chart draws the service's own numbers.
    projected(tab, qtbot)
    expected = run(window, lambda ws: ws.plans.projections(summary.id))
    chart = tab.projection.chart
    assert chart is not None and chart.years == expected.years
    assert chart.series["proposed"].median == median(expected.proposed)
    assert chart.series["current"].median == median(expected.current)
    assert "5–95%" in [item.text for _, item in chart.legend.items][1]
    # The figures under the mouse are the year's medians and range, as the service has them.
    year = YEAR + 5
    t = expected.years.index(year)
    words = chart.describe(year)
    assert words.startswith(str(year))
    assert format_money_short(D(round(median(expected.proposed)[t], 2))) in words


def test_a_plan_for_an_unassessed_client_is_refused_in_the_dialog(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = run(window, lambda ws: ws.book.quick_find("单伟")[0].id)
    tab = open_plan_tab(window, qtbot, cid)
    dialog = tab.new_plan()
    dialog.title.setText("没有评估的规划")
    dialog.save()
    qtbot.waitUntil(lambda: "Assess the client first" in dialog.error.text(), timeout=10000)
    assert dialog.isVisible() and dialog.title.text() == "没有评估的规划"
    assert run(window, lambda ws: ws.plans.list_for(cid)) == []


# --- goals and flows ---------------------------------------------------------------------


def test_goals_with_their_chances_and_cash_flows(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.plans.goals_model import COLUMNS
    from ui.plans.words import chance

    tab = open_plan_tab(window, qtbot, person(window))
    plan = new_plan(tab, qtbot)
    dialog = tab.add_goal()
    dialog.kind.setCurrentIndex(dialog.kind.findData("education"))
    dialog.target.setText("两百万")
    dialog.save()
    assert "Type the target amount" in dialog.error.text()
    dialog.target.setText("200万")
    dialog.year.setValue(YEAR + 8)
    dialog.priority.setValue(2)
    dialog.save()  # no name: the service refuses, the form keeps what was typed
    qtbot.waitUntil(lambda: "name cannot be empty" in dialog.error.text(), timeout=10000)
    assert dialog.isVisible() and dialog.target.text() == "200万"
    dialog.name.setText("女儿留学")
    dialog.save()
    qtbot.waitUntil(lambda: tab.goals.rowCount() == 1, timeout=10000)

    goal = tab.goals.row_item(0)
    assert (goal.kind, goal.name, goal.target_amount, goal.target_year, goal.priority) == (
        "education",
        "女儿留学",
        D("2000000"),
        YEAR + 8,
        2,
    )
    projected(tab, qtbot)
    (outlook,) = run(window, lambda ws: ws.plans.projections(plan.id)).goals
    for column, p in (
        ("now", outlook.probability_current),
        ("planned", outlook.probability_proposed),
    ):
        assert tab.goals.data(tab.goals.index(0, COLUMNS.index(column))) == chance(p)
    assert [(g.name, g.target_year) for g, _ in tab.projection.chart.goals] == [
        ("女儿留学", YEAR + 8)
    ]
    # Edit it: the new target is saved and shown.
    tab.goals_page.table.selectRow(0)
    edit = tab.edit_goal()
    assert edit.target.text() == "2,000,000"
    edit.target.setText("2,500,000")
    edit.save()
    qtbot.waitUntil(lambda: tab.goals.row_item(0).target_amount == D("2500000"), timeout=10000)
    # A one-off sum: one year, its sign kept.
    flow = tab.add_flow()
    flow.kind.setCurrentIndex(flow.kind.findData("lump_sum"))
    assert not flow.end.isEnabled()
    flow.label.setText("出售房产")
    flow.amount.setText("300万")
    flow.start.setValue(YEAR + 3)
    flow.save()
    qtbot.waitUntil(lambda: tab.flows.rowCount() == 1, timeout=10000)
    (saved,) = run(window, lambda ws: ws.plans.get(plan.id)).flows
    assert (saved.amount, saved.start_year, saved.end_year) == (D("3000000"), YEAR + 3, None)
    assert tab.flows.data(tab.flows.index(0, 3)) == str(YEAR + 3)
    tab.flows_page.table.selectRow(0)
    tab.remove_flow()
    qtbot.waitUntil(lambda: tab.flows.rowCount() == 0, timeout=10000)


# --- the allocation ----------------------------------------------------------------------


def test_the_allocation_moves_within_the_bands_and_the_chart_follows(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.plans.allocation_model import PROPOSED, BandDelegate

    tab = open_plan_tab(window, qtbot, person(window))
    plan = new_plan(tab, qtbot)
    tab.pages.setCurrentWidget(tab.allocation)
    projected(tab, qtbot)
    before = tab.projection.chart.series["proposed"].median
    model = tab.allocation.model
    step = D("0.02")
    up = next(x for x in plan.allocation if x.weight + step <= x.band_max and x.weight)
    down = next(
        x for x in plan.allocation if x.weight - step >= x.band_min and x is not up and x.weight
    )
    row_up, row_down = model.row_of(up.asset_class), model.row_of(down.asset_class)

    # Outside the band: the spin box cannot reach it, and setData refuses with words.
    index = model.index(row_up, PROPOSED)
    editor = BandDelegate().createEditor(
        tab.allocation.table.viewport(), QStyleOptionViewItem(), index
    )
    assert (editor.minimum(), editor.maximum()) == (
        float(up.band_min * 100),
        float(up.band_max * 100),
    )
    editor.setValue(999)
    assert editor.value() == float(up.band_max * 100)
    assert not model.setData(index, f"{(up.band_max + D('0.01')) * 100}")
    assert "outside the band" in tab.allocation.message.text()
    assert model.weights()[up.asset_class] == up.weight

    # Inside the band but not adding up to 100%: the service refuses, the edit stays.
    assert model.setData(index, f"{(up.weight + step) * 100}")
    qtbot.waitUntil(lambda: "Not saved" in tab.allocation.message.text(), timeout=10000)
    assert "100%" in tab.allocation.message.text() and model.dirty
    assert "over" in tab.allocation.total.text()
    assert run(window, lambda ws: ws.plans.get(plan.id)).weights[up.asset_class] == up.weight

    # The other side of the move: saved (once, after the last edit), the chart follows.
    runs, loads = tab.runner.runs, tab.loads
    for fifth in range(1, 6):  # five quick steps down to -2%
        weight = down.weight - step * fifth / 5
        model.setData(model.index(row_down, PROPOSED), f"{weight * 100}")
    qtbot.waitUntil(lambda: not model.dirty and tab.loads > loads, timeout=10000)
    saved = run(window, lambda ws: ws.plans.get(plan.id)).weights
    assert saved[up.asset_class] == up.weight + step
    assert saved[down.asset_class] == down.weight - step
    projected(tab, qtbot)
    assert tab.allocation.message.text() == ""
    after = tab.projection.chart.series["proposed"].median
    assert after != before
    assert after == median(run(window, lambda ws: ws.plans.projections(plan.id)).proposed)
    assert tab.runner.runs - runs <= 2  # debounced: not one projection per step
    # The trades shown are the service's for the saved allocation.
    trades = run(window, lambda ws: ws.plans.trades(plan.id))
    shown = sorted(
        tab.allocation.trades.data(tab.allocation.trades.index(r, 0), Qt.ItemDataRole.UserRole)
        for r in range(tab.allocation.trades.rowCount())
    )
    assert shown == sorted(t.amount_cny for t in trades)

    # Reset to model: back to the model's weights.
    qtbot.mouseClick(tab.allocation.reset_button, LEFT)
    qtbot.waitUntil(lambda: model.weights()[up.asset_class] == up.model_weight, timeout=10000)
    assert run(window, lambda ws: ws.plans.get(plan.id)).weights[up.asset_class] == up.weight


# --- products and the gate ---------------------------------------------------------------


def test_a_product_that_fails_the_gate_cannot_be_added(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.plans.words import said

    cid = person(window, below=5)
    tab = open_plan_tab(window, qtbot, cid)
    plan = new_plan(tab, qtbot)
    dialog = tab.add_product()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    blocked = next(c for c in dialog.model.rows if c.risk_rating == 5)
    assert dialog.select_code(blocked.code)
    assert not dialog.add_button.isEnabled()
    gate = run(window, lambda ws: ws.suitability.check_product(cid, blocked.code, D("100000")))
    assert not gate.suitable
    why = said(gate.blocking[0].why)
    assert why in dialog.detail.text() and "cannot be added" in dialog.detail.text()
    dialog.save()
    assert "cannot be added" in dialog.error.text() and dialog.isVisible()
    assert run(window, lambda ws: ws.plans.get(plan.id)).recommendations == ()

    # A product that passes for 100,000 but not for 1亿: the service refuses and says why.
    passing = next(c for c in dialog.model.rows if c.can_add and c.type != "deposit")
    dialog.search.setText(passing.code)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)
    dialog.select_code(passing.code)
    assert dialog.add_button.isEnabled()
    dialog.amount.setText("1亿")
    dialog.save()  # before the list is checked again for the new amount
    qtbot.waitUntil(lambda: "Nothing was saved" in dialog.error.text(), timeout=10000)
    assert "does not pass the suitability check" in dialog.error.text()
    qtbot.waitUntil(lambda: not dialog.add_button.isEnabled(), timeout=10000)

    dialog.amount.setText("100,000")
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled(), timeout=10000)
    dialog.rationale.setPlainText("稳健配置")
    dialog.save()
    qtbot.waitUntil(lambda: tab.recommendations.model.rowCount() == 1, timeout=10000)
    (rec,) = run(window, lambda ws: ws.plans.get(plan.id)).recommendations
    shown = tab.recommendations.model.row_item(0)
    assert (shown.code, shown.amount_cny, shown.rationale) == (
        passing.code,
        D("100000"),
        "稳健配置",
    )
    assert shown == rec and rec.suitable
    assert tab.recommendations.model.check_text(rec).startswith("Passed")
    assert passing.code in tab.recommendations.findings.text()


# --- the review cycle ----------------------------------------------------------------------


def test_the_picker_shows_each_products_minimum_and_management_fee(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.domain.product_terms import percent
    from ui.plans.candidates_model import COLUMNS

    tab = open_plan_tab(window, qtbot, person(window))
    new_plan(tab, qtbot)
    dialog = tab.add_product()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
    model = dialog.model
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[COLUMNS.index("minimum")] == "Minimum"
    assert heads[COLUMNS.index("fee")] == "Mgmt fee/yr"

    def shown(row: int, column: str) -> str:
        return str(model.data(model.index(row, COLUMNS.index(column))))

    rows = {c.code: row for row, c in enumerate(model.rows)}
    trust = next(c for c in model.rows if c.type == "trust")
    assert trust.min_investment_cny is not None and trust.management_fee_pct is not None
    assert shown(rows[trust.code], "minimum") == format_money_short(trust.min_investment_cny)
    assert shown(rows[trust.code], "fee") == percent(trust.management_fee_pct)
    equity = next(c for c in model.rows if c.type == "equity")  # no fee recorded
    assert shown(rows[equity.code], "fee") == "—"
    dialog.reject()


def test_status_moves_with_dates_and_a_copy_for_next_year(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.plans.allocation_model import PROPOSED

    cid = person(window)
    tab = open_plan_tab(window, qtbot, cid)
    first = new_plan(tab, qtbot, f"{YEAR}年度规划")
    yesterday = TODAY - timedelta(days=1)
    present = tab.move_to("presented")
    present.day.setDate(QDate(yesterday))
    present.save()
    qtbot.waitUntil(lambda: tab.plan.status == "presented", timeout=10000)
    assert run(window, lambda ws: ws.plans.get(first.id)).presented_on == yesterday
    assert tab.bar.badge.text() == "Presented"
    assert tab.bar.dates.text() == f"presented {yesterday.isoformat()}"
    visible = [s for s, b in tab.bar.moves.items() if not b.isHidden()]
    assert visible == ["accepted", "declined", "draft"] and tab.bar.delete_button.isHidden()
    # Read-only, saying why and what to do.
    assert "read-only" in tab.read_only.text() and "back to draft" in tab.read_only.text()
    assert not tab.read_only.isHidden()
    assert not tab.goals_page.add_button.isEnabled()
    assert not tab.recommendations.add_button.isEnabled()
    assert not tab.allocation.reset_button.isEnabled()
    model = tab.allocation.model
    assert not model.flags(model.index(0, PROPOSED)) & Qt.ItemFlag.ItemIsEditable

    # Back to draft clears the date; present again today; the client accepts.
    tab.move_to("draft")
    qtbot.waitUntil(lambda: tab.plan.status == "draft", timeout=10000)
    assert tab.plan.presented_on is None and tab.read_only.isHidden()
    present = tab.move_to("presented")
    present.save()
    qtbot.waitUntil(lambda: tab.plan.status == "presented", timeout=10000)
    accept = tab.move_to("accepted")
    assert accept.day.minimumDate() == QDate(TODAY)  # not before it was presented
    accept.save()
    qtbot.waitUntil(lambda: tab.plan.status == "accepted", timeout=10000)
    decided = run(window, lambda ws: ws.plans.get(first.id))
    assert (decided.presented_on, decided.decided_on) == (TODAY, TODAY)
    assert [s for s, b in tab.bar.moves.items() if not b.isHidden()] == []
    assert "Copy it for the next review" in tab.read_only.text()

    # Copy for the next review: version 2, next year, a draft, the notes shown.
    copy = tab.copy_plan()
    assert copy.year.value() == YEAR + 1 and copy.title.text() == f"{YEAR + 1}年度规划"
    copy.save()
    qtbot.waitUntil(lambda: tab.plan.version == 2, timeout=15000)
    plans = run(window, lambda ws: ws.plans.list_for(cid))
    assert [(p.version, p.year, p.status) for p in plans] == [
        (2, YEAR + 1, "draft"),
        (1, YEAR, "accepted"),
    ]
    assert tab.plan.previous_id == first.id and tab.plan.title == f"{YEAR + 1}年度规划"
    assert "Copied as version 2" in tab.notice.text() and not tab.notice.isHidden()
    assert tab.bar.chooser.count() == 2 and tab.read_only.isHidden()
    # The draft copy is deleted (after confirming); the accepted plan is shown again.
    tab.confirm = lambda question: True
    tab.delete_plan()
    qtbot.waitUntil(lambda: tab.plan is not None and tab.plan.id == first.id, timeout=10000)
    assert [p.version for p in run(window, lambda ws: ws.plans.list_for(cid))] == [1]


def test_a_household_plan_is_checked_for_its_most_cautious_member(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    def find(ws):  # type: ignore[no-untyped-def]
        for r in ws.book.rows(ws.book.ids(BookFilter(kinds=frozenset({"household"})))):
            members = ws.clients.show(str(r.id), with_portfolio=False, record_view=False).members
            assessed = [m for m in members if ws.risk.current(m.client_id) is not None]
            if assessed and all(ws.risk.current(m.client_id).validity.usable for m in assessed):
                return r.id
        raise AssertionError("no household with assessed members")

    household = run(window, find)
    tab = open_plan_tab(window, qtbot, household)
    assert "for a household" in tab.empty_text.text()
    plan = new_plan(tab, qtbot, "家庭规划")
    view = run(window, lambda ws: ws.plans.get(plan.id))
    gate = run(window, lambda ws: ws.book.rows([view.gate_client_id])[0].name)
    assert view.client_kind == "household" and view.gate_client_id != household
    assert f"suitability checked for {gate}" in tab.bar.facts.text()


# --- demo plans, models and the lock ----------------------------------------------------


def test_demo_plans_and_every_model(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = person(window, planned=True)
    tab = open_plan_tab(window, qtbot, cid)
    projected(tab, qtbot)
    plan = tab.plan
    assert plan.goals and plan.flows and plan.recommendations
    assert all(r.suitable for r in plan.recommendations)
    assert tab.goals.rowCount() == len(plan.goals)
    dialog = tab.add_product() if plan.editable else None
    if dialog is not None:
        qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)
        qtmodeltester.check(dialog.model)
        dialog.reject()
    for model in (
        tab.goals,
        tab.flows,
        tab.allocation.model,
        tab.allocation.trades,
        tab.recommendations.model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_lock_leaves_no_plan_data_behind(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = person(window, planned=True)
    tab = open_plan_tab(window, qtbot, cid)
    projected(tab, qtbot)
    tab.pages.setCurrentWidget(tab.recommendations)
    plan = tab.plan
    secrets = [
        tab.data.client_name,
        plan.title,
        *(g.name for g in plan.goals),
        *(f.label for f in plan.flows),
        *(r.name for r in plan.recommendations),
    ]
    before = visible_texts(window)
    assert all(any(s in t for t in before) for s in secrets[2:])  # the models hold them
    qtbot.keySequence(window, QKeySequence("Ctrl+L"))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock, timeout=5000)
    assert tab.data is None and tab.client_id is None and tab.bar.chooser.count() == 0
    for model in (
        tab.goals,
        tab.flows,
        tab.allocation.model,
        tab.allocation.trades,
        tab.recommendations.model,
    ):
        assert model.rowCount() == 0
    assert tab.projection.projections is None and tab.projection.chart.series == {}
    assert tab.notes.text.toPlainText() == ""
    texts = visible_texts(window)
    assert [t for t in texts if any(s in t for s in secrets)] == []
