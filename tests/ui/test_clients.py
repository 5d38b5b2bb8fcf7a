"""The client list (search, filters, lazy model), the client view and audited reveals."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.book import BookFilter
from app.vault.models import AuditEvent

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    window.show_page(1)
    # The first rows paint before the whole query's ids (and so the count) arrive.
    qtbot.waitUntil(lambda: window.clients.count.text() != "", timeout=10000)
    return window


def names_after_search(window, qtbot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The names listed once the query for ``text`` (not an earlier one) has finished."""
    model = window.clients.model
    window.clients.search.setText(text)
    qtbot.waitUntil(lambda: model.query.filter.text == text and not model.busy, timeout=10000)
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


@pytest.mark.parametrize("text", ["张伟", "zhangwei", "zw", "5678", "002X", "002x"])
def test_search_finds_the_client(window, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "张伟" in names_after_search(window, qtbot, text)


def test_two_reading_surname_matches_both(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert "单伟" in names_after_search(window, qtbot, "shanwei")
    assert "单伟" in names_after_search(window, qtbot, "danwei")


def test_filters_and_count(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.clients
    total = window.session.worker.run_sync(lambda ws: ws.book.count(BookFilter()))
    assert page.count.text() == f"{total:,} clients"
    index = page.tier.findData("private")
    with qtbot.waitSignal(page.model.sig_counted, timeout=10000) as blocker:
        page.tier.setCurrentIndex(index)
    private = blocker.args[0]
    assert 0 < private < total
    model = page.model
    assert {model.data(model.index(r, 1)) for r in range(model.rowCount())} == {"私人银行"}


def test_lazy_model_fetches_in_batches(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.clients.list_model as lm

    # A model of its own: a view would fetch further batches by itself while it has room.
    model = lm.ClientListModel(window.session)
    monkeypatch.setattr(lm, "FIRST", 3)
    monkeypatch.setattr(lm, "BATCH", 5)
    with qtbot.waitSignal(model.sig_counted, timeout=10000):
        model.refresh()
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 8, timeout=10000)


def test_models_pass_qtmodeltester(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.clients.model)
    window.open_client(window.clients.model.client_id(0))
    view = window.client_view
    qtbot.waitUntil(lambda: view.portfolio_tab.data is not None, timeout=15000)
    qtmodeltester.check(view.portfolio_tab.holdings)


def test_client_view_shows_what_the_services_compute(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client_id = window.clients.model.client_id(1)
    window.open_client(client_id)
    view = window.client_view
    qtbot.waitUntil(
        lambda: view.portfolio_tab.data is not None and view.profile_tab.profile is not None,
        timeout=15000,
    )
    expected = window.session.worker.run_sync(
        lambda ws: (
            ws.portfolio.summary(client_id),
            ws.portfolio.performance_table(client_id),
            ws.book.rows([client_id])[0],
        )
    )
    summary, table, row = expected
    assert f"{row.financial_assets_cny:,.2f}" in view.assets.text()
    holdings = view.portfolio_tab.holdings
    assert holdings.rowCount() == len(summary.holdings)
    top = summary.holdings[0]
    assert holdings.data(holdings.index(0, 5)) == f"{top.market_value_cny:,.2f}"
    shown = view.portfolio_tab.data.performance
    assert [f.twr for f in shown] == [f.twr for f in table]
    assert [f.xirr for f in shown] == [f.xirr for f in table]
    grid = view.portfolio_tab.figures
    cells = {
        grid.itemAtPosition(row, 0).widget().text(): grid.itemAtPosition(row, 2).widget().text()
        for row in range(1, len(table) + 1)
    }
    for f in table:  # money-weighted: per year only for a year or more
        mwr = "—" if f.mwr is None else f"{float(f.mwr) * 100:+.2f}%"
        assert cells[f.period] == (f"{mwr} p.a." if f.annualised and f.mwr is not None else mwr)
    assert sum(view.portfolio_tab.data.allocations["asset_class"].values()) == pytest.approx(
        summary.total_cny, abs=Decimal("0.05")
    )


def count_events(window, action: str) -> int:  # type: ignore[no-untyped-def]
    def query(ws) -> int:  # type: ignore[no-untyped-def]
        with ws.begin() as s:
            return len(list(s.scalars(select(AuditEvent).where(AuditEvent.action == action))))

    return int(window.session.worker.run_sync(query))


def test_opening_a_profile_writes_one_viewed_event(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = count_events(window, "client.viewed")
    window.open_client(window.clients.model.client_id(0))
    qtbot.waitUntil(lambda: window.client_view.profile_tab.profile is not None, timeout=10000)
    for _ in range(5):
        window.client_view.repaint()
        qtbot.wait(20)
    assert count_events(window, "client.viewed") == before + 1


def test_reveal_is_audited_and_masks_again(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.clients.profile_tab as profile_tab

    monkeypatch.setattr(profile_tab, "REVEAL_SECONDS", 0.3)
    names_after_search(window, qtbot, "张伟")
    window.open_client(window.clients.model.client_id(0))
    tab = window.client_view.profile_tab
    qtbot.waitUntil(lambda: tab.profile is not None, timeout=10000)
    mobile = tab.inputs["mobile"]
    assert mobile.text() == "138****5678"
    before = count_events(window, "client.revealed")
    tab.reveal("mobile")
    qtbot.waitUntil(lambda: mobile.text() == "+8613812345678", timeout=5000)
    assert count_events(window, "client.revealed") == before + 1
    qtbot.waitUntil(lambda: mobile.text() == "138****5678", timeout=5000)
    assert tab.is_masked("mobile")


def test_profile_edit_shows_validation_beside_the_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    names_after_search(window, qtbot, "张伟")
    window.open_client(window.clients.model.client_id(0))
    tab = window.client_view.profile_tab
    qtbot.waitUntil(lambda: tab.profile is not None, timeout=10000)
    tab.inputs["birth_date"].setText("2031-01-01")
    tab._edited("birth_date")
    tab.save_changes()
    qtbot.waitUntil(lambda: tab.errors["birth_date"].text() != "", timeout=10000)
    tab.inputs["birth_date"].setText("1949-12-31")
    tab.inputs["occupation"].setText("企业家")
    tab._edited("occupation")
    tab.save_changes()
    qtbot.waitUntil(lambda: tab.saved.text() == "Saved", timeout=10000)
    occupation = window.session.worker.run_sync(lambda ws: ws.clients.show("张伟").occupation)
    assert occupation == "企业家"
