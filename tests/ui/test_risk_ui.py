"""The risk-tolerance screens: the in-meeting wizard, the Risk tab, the header badge, the
portfolio's suitability box, Home's risk lists, the household comparison and the PDF."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.domain.questionnaire import Question, score
from app.services.book import BookFilter

sys.path.insert(0, str(Path(__file__).parent))
from helpers import unlock

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(make_window, qtbot, book: Path):  # type: ignore[no-untyped-def]
    window = make_window(book)
    unlock(window, qtbot)
    return window


def run(window, fn):  # type: ignore[no-untyped-def]
    return window.session.worker.run_sync(fn)


def ordinary_client(window, skip: int = 0, unassessed: bool = False):  # type: ignore[no-untyped-def]
    """A person who needs no extra care (the ``skip``-th such, by assets)."""

    def find(ws):  # type: ignore[no-untyped-def]
        found = [
            r.id
            for r in ws.book.rows(ws.book.ids(BookFilter()))
            if r.kind == "person"
            and not ws.risk.care(r.id).extra_care
            and not (unassessed and r.risk_level)
        ]
        return found[skip]

    return run(window, find)


def client_named(window, name: str):  # type: ignore[no-untyped-def]
    return run(window, lambda ws: ws.book.quick_find(name)[0].id)


def open_client(window, qtbot, client_id):  # type: ignore[no-untyped-def]
    window.open_client(client_id)
    view = window.client_view
    qtbot.waitUntil(
        lambda: (
            view.risk_tab.data is not None
            and view.profile_tab.profile is not None
            and view.portfolio_tab.data is not None
            and view.assess.isEnabled()
        ),
        timeout=15000,
    )
    return view


def open_wizard(view, qtbot):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.assess, LEFT)
    qtbot.waitUntil(lambda: view.risk_tab.wizard is not None, timeout=10000)
    wizard = view.risk_tab.wizard
    qtbot.waitUntil(wizard.isVisible, timeout=5000)
    return wizard


def middle(question: Question) -> int:
    """A middle choice: never a knockout in the bank's questionnaire."""
    index = len(question.choices) // 2
    assert not question.choices[index].knockout
    return index


def answer_all(wizard, qtbot, choose=middle) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """From the setup page to the summary, answering each question as ``choose`` says."""
    assert wizard.page is wizard.setup_page
    qtbot.mouseClick(wizard.next, LEFT)
    answers = {}
    for number, page in enumerate(wizard.questions, start=1):
        assert wizard.page is page
        assert wizard.progress_text.text() == f"Question {number} of {len(wizard.questions)}"
        assert not wizard.next.isEnabled()  # Next waits for an answer
        index = choose(page.question)
        page.radios[index].click()
        answers[page.question.key] = page.question.choices[index].key
        assert wizard.next.isEnabled()
        qtbot.mouseClick(wizard.next, LEFT)
    assert wizard.page is wizard.summary
    return answers


def confirm_and_save(wizard, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert wizard.page is wizard.confirm
    assert not wizard.confirm.save.isEnabled()
    wizard.confirm.tick.setChecked(True)
    assert wizard.confirm.save.isEnabled()
    qtbot.mouseClick(wizard.confirm.save, LEFT)
    qtbot.waitUntil(lambda: wizard.page is wizard.results, timeout=10000)


def test_wizard_saves_what_the_client_answered(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = ordinary_client(window)
    view = open_client(window, qtbot, client)
    before = run(window, lambda ws: ws.risk.history(client))
    rows_before = view.risk_tab.model.rowCount()
    wizard = open_wizard(view, qtbot)
    assert wizard.care is None  # no extra-care step for this client
    wizard.setup_page.place_buttons["client_site"].click()
    wizard.setup_page.detail.setText("客户办公室")
    answers = answer_all(wizard, qtbot)
    form = wizard.form
    # The summary marks the answers that differ from the previous assessment.
    previous = before[0].answers if before else {}
    assert wizard.summary.changed == [k for k, v in answers.items() if previous.get(k) != v]
    qtbot.mouseClick(wizard.next, LEFT)
    confirm_and_save(wizard, qtbot)
    expected = score(form, answers)
    current = run(window, lambda ws: ws.risk.current(client))
    assert current.level == expected.level
    assert wizard.results.code.text() == expected.code
    assert not wizard.nav.isVisible()  # locked: the results only
    newest = run(window, lambda ws: ws.risk.history(client)[0])
    assert newest.answers == answers
    assert (newest.place, newest.place_detail) == ("client_site", "客户办公室")
    # The view reloads: the Risk tab lists it, the header badge shows the level.
    qtbot.waitUntil(lambda: view.risk_tab.model.rowCount() == rows_before + 1, timeout=10000)
    assert view.risk_tab.model.record(0).id == newest.id
    assert expected.code in view.risk_tab.model.data(view.risk_tab.model.index(0, 1))
    qtbot.waitUntil(lambda: view.risk.text().startswith(expected.code), timeout=10000)
    assert f"valid to {current.expires_on.isoformat()}" in view.risk.text()
    qtbot.mouseClick(wizard.results.close_button, LEFT)
    qtbot.waitUntil(lambda: view.risk_tab.wizard is None, timeout=5000)


def test_next_waits_for_an_answer_and_back_keeps_answers(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_client(window, qtbot, ordinary_client(window, skip=1))
    wizard = open_wizard(view, qtbot)
    qtbot.mouseClick(wizard.next, LEFT)
    first, second = wizard.questions[0], wizard.questions[1]
    assert not wizard.next.isEnabled()
    qtbot.mouseClick(first.radios[1], LEFT)  # a real click on the radio button
    assert wizard.next.isEnabled()
    qtbot.mouseClick(wizard.next, LEFT)
    assert wizard.page is second and not wizard.next.isEnabled()
    second.cards[2].radio.click()
    qtbot.mouseClick(wizard.back, LEFT)
    assert wizard.page is first
    assert first.radios[1].isChecked() and wizard.next.isEnabled()
    qtbot.mouseClick(wizard.next, LEFT)
    assert wizard.page is second and second.radios[2].isChecked()
    assert wizard.answers == {
        first.question.key: first.question.choices[1].key,
        second.question.key: second.question.choices[2].key,
    }
    assert wizard.progress.value() == 2


def test_summary_jumps_back_to_a_question(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = open_client(window, qtbot, ordinary_client(window, skip=2))
    wizard = open_wizard(view, qtbot)
    answer_all(wizard, qtbot)
    wizard.jump(2)
    page = wizard.questions[2]
    assert wizard.page is page and wizard.next.text() == "Back to summary"
    page.radios[0].click()
    qtbot.mouseClick(wizard.next, LEFT)
    assert wizard.page is wizard.summary
    assert wizard.answers[page.question.key] == page.question.choices[0].key


def test_elderly_client_needs_the_extra_care_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = client_named(window, "张伟")
    view = open_client(window, qtbot, client)
    assert view.care.isVisible() and "76" in view.care.text()
    assert "not assessed" in view.risk.text()
    wizard = open_wizard(view, qtbot)
    assert wizard.care is not None
    answer_all(wizard, qtbot)
    qtbot.mouseClick(wizard.next, LEFT)
    assert wizard.page is wizard.care
    assert not wizard.next.isEnabled()  # no way on without the extra-care tick
    wizard.care.tick.setChecked(True)
    qtbot.mouseClick(wizard.next, LEFT)
    assert wizard.page is wizard.confirm
    wizard.confirm.tick.setChecked(True)
    wizard.care.tick.setChecked(False)
    assert not wizard.confirm.save.isEnabled()
    wizard.save()  # ignored while disabled
    assert run(window, lambda ws: ws.risk.history(client)) == []
    wizard.care.tick.setChecked(True)
    wizard.confirm.tick.setChecked(False)
    confirm_and_save(wizard, qtbot)
    newest = run(window, lambda ws: ws.risk.history(client)[0])
    assert newest.extra_care is True
    assert newest.extra_care_note


def test_history_model_and_pdf(window, qtbot, qtmodeltester, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = ordinary_client(window)
    form = run(window, lambda ws: ws.risk.questionnaire())
    answers = {q.key: q.choices[middle(q)].key for q in form.questions}
    run(
        window,
        lambda ws: ws.risk.record(client, answers, place="remote", client_confirmed=True),
    )
    view = open_client(window, qtbot, client)
    tab = view.risk_tab
    assert tab.model.rowCount() >= 1
    assert tab.model.data(tab.model.index(0, 5)) == "Remote"
    qtmodeltester.check(tab.model)
    target = tmp_path / "assessment"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    assert tab.selected() is not None
    qtbot.mouseClick(tab.pdf, LEFT)
    saved = target.with_name("assessment.pdf")
    qtbot.waitUntil(lambda: "Saved to" in tab.status.text(), timeout=15000)
    assert saved.read_bytes().startswith(b"%PDF")


def test_results_page_saves_the_pdf(window, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = open_client(window, qtbot, ordinary_client(window, skip=3))
    wizard = open_wizard(view, qtbot)
    answer_all(wizard, qtbot)
    qtbot.mouseClick(wizard.next, LEFT)
    confirm_and_save(wizard, qtbot)
    target = tmp_path / "result.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    qtbot.mouseClick(wizard.results.pdf, LEFT)
    qtbot.waitUntil(lambda: "Saved to" in wizard.results.saved.text(), timeout=15000)
    assert target.read_bytes()[:4] == b"%PDF"


def held_ratings(ws, client_id) -> set[int]:  # type: ignore[no-untyped-def]
    return {h.risk_rating for h in ws.portfolio.summary(client_id).holdings}


def test_home_lists_expiring_assessments_and_mismatches(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = window.home
    qtbot.waitUntil(lambda: home.alerts is not None, timeout=10000)
    # Never assessed before, so the back-dated assessment is the newest one.
    expiring = ordinary_client(window, unassessed=True)
    form = run(window, lambda ws: ws.risk.questionnaire())
    answers = {q.key: q.choices[middle(q)].key for q in form.questions}
    ago = datetime.now(UTC) - timedelta(days=350)  # about 11.5 months: expires in ~15 days
    run(
        window,
        lambda ws: ws.risk.record(
            expiring, answers, place="branch", client_confirmed=True, now=ago
        ),
    )

    def knockout(ws):  # type: ignore[no-untyped-def]
        mismatched = {m.client_id for m in ws.suitability.book_alerts().mismatches}
        for row in ws.book.rows(ws.book.ids(BookFilter())):
            if (
                row.kind == "person"
                and row.id not in mismatched
                and row.id != expiring
                and not ws.risk.care(row.id).extra_care
                and max(held_ratings(ws, row.id), default=0) >= 3
            ):
                lowest = {**answers, "liquidity": "a"}  # money needed within 3 months
                ws.risk.record(row.id, lowest, place="branch", client_confirmed=True)
                return row.id
        raise AssertionError("no client holds R3 or above")

    knocked = run(window, knockout)
    names = run(window, lambda ws: {r.id: r.name for r in ws.book.rows([expiring, knocked])})
    home.refresh()
    qtbot.waitUntil(lambda: home.alerts is not None, timeout=10000)
    texts = [home.expiring.item(i).text() for i in range(home.expiring.count())]
    mine = [t for t in texts if t.startswith(names[expiring])]
    assert mine and "expires in" in mine[0]
    mismatches = [home.mismatches.item(i).text() for i in range(home.mismatches.count())]
    assert any(t.startswith(names[knocked]) and "lowest class" in t for t in mismatches)
    row = next(i for i, t in enumerate(texts) if t.startswith(names[expiring]))
    home.expiring.itemActivated.emit(home.expiring.item(row))
    qtbot.waitUntil(
        lambda: window.client_view is not None and window.client_view.client_id == expiring,
        timeout=5000,
    )
    view = window.client_view
    qtbot.waitUntil(lambda: view.risk.text().startswith("C"), timeout=10000)
    assert "expires in" in view.risk.text()
    assert "#fdf0c2" in view.risk.styleSheet()  # amber while expiring
    # The portfolio's suitability box names the knocked-out client's blocked holdings.
    view = open_client(window, qtbot, knocked)
    findings = [label.text() for label in view.portfolio_tab.suitability.finding_labels]
    assert any(text.startswith("⛔") for text in findings)


def test_compare_household_members(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    def household(ws):  # type: ignore[no-untyped-def]
        for row in ws.book.rows(ws.book.ids(BookFilter())):
            if row.kind == "household":
                members = ws.clients.show(str(row.id), with_portfolio=False).members
                assessed = [m.client_id for m in members if ws.risk.history(m.client_id)]
                if len(assessed) >= 2:
                    return assessed[:2]
        raise AssertionError("no household with two assessed members")

    first, second = run(window, household)
    view = open_client(window, qtbot, first)
    assert view.risk_tab.compare_button.isEnabled()
    qtbot.mouseClick(view.risk_tab.compare_button, LEFT)
    qtbot.waitUntil(
        lambda: view.risk_tab.compare is not None and view.risk_tab.compare.sides is not None,
        timeout=10000,
    )
    dialog = view.risk_tab.compare
    assert dialog.ids[0] == first and dialog.ids[1] != first
    dialog.pickers[1].setCurrentIndex(dialog.pickers[1].findData(str(second)))
    qtbot.waitUntil(lambda: dialog.sides[1].client_id == second, timeout=10000)
    left, right = run(window, lambda ws: (ws.risk.history(first)[0], ws.risk.history(second)[0]))
    keys = [q.key for q in left.questionnaire.questions]
    assert dialog.differing == [k for k in keys if left.answers[k] != right.answers[k]]
    assert f"{len(dialog.differing)} of" in dialog.note.text()
    dialog.close()


def test_locking_closes_the_wizard_unsaved(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    client = ordinary_client(window)
    view = open_client(window, qtbot, client)
    before = run(window, lambda ws: len(ws.risk.history(client)))
    wizard = open_wizard(view, qtbot)
    qtbot.mouseClick(wizard.next, LEFT)
    wizard.questions[0].radios[0].click()
    window.lock()
    qtbot.waitUntil(lambda: view.risk_tab.wizard is None, timeout=5000)
    unlock(window, qtbot)
    assert run(window, lambda ws: len(ws.risk.history(client))) == before
