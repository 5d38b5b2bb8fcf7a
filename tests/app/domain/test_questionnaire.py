"""The default risk questionnaire file, its validation and scoring, level by level."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ConfidantError
from app.domain.questionnaire import (
    CAPACITY,
    WILLINGNESS,
    AnswerChange,
    Part,
    Questionnaire,
    QuestionnaireError,
    ReasonCode,
    diff_answers,
    missing_topics,
    parse_questionnaire,
    reason_text,
    score,
)

DEFAULT_FILE = (
    Path(__file__).resolve().parents[3] / "resources" / "questionnaires" / "bank-wm-2026.1.json"
)


def load_doc() -> dict[str, Any]:
    with DEFAULT_FILE.open(encoding="utf-8") as handle:
        doc: dict[str, Any] = json.load(handle)
    return doc


DOC = load_doc()
QN = parse_questionnaire(DOC)


def answers_for(part: Part, target: int) -> dict[str, str] | None:
    """Choices of ``part`` whose scores sum to exactly ``target``, or ``None``.

    Tries without knockout choices first, so the part's level can be seen in the final
    level too; a dynamic programme over questions keeps one answer set per reachable sum.
    """
    for allow_knockout in (False, True):
        reachable: dict[int, dict[str, str]] = {0: {}}
        for question in part.questions:
            step: dict[int, dict[str, str]] = {}
            for total, chosen in reachable.items():
                for choice in question.choices:
                    if choice.knockout and not allow_knockout:
                        continue
                    step.setdefault(total + choice.score, {**chosen, question.key: choice.key})
            reachable = step
        if target in reachable:
            return reachable[target]
    return None


def top_answers(part: Part) -> dict[str, str]:
    """The highest-scoring choice of every question of ``part``."""
    return {q.key: max(q.choices, key=lambda c: c.score).key for q in part.questions}


def full_answers(willingness: dict[str, str], capacity: dict[str, str]) -> dict[str, str]:
    return {**willingness, **capacity}


def at_level(part: Part, level: int) -> dict[str, str]:
    """Answers of ``part`` scoring the top of the band for ``level``, without knockouts."""
    band = next(b for b in part.bands if b.level == level)
    answers = answers_for(part, band.max_score)
    assert answers is not None
    return answers


# --- The default file ------------------------------------------------------------------


def test_default_file_parses_with_both_parts_and_all_topics() -> None:
    assert QN.id == "bank-wm"
    assert QN.version == "2026.1"
    assert QN.validity_months == 12
    assert [p.key for p in QN.parts] == [WILLINGNESS, CAPACITY]
    assert missing_topics(QN) == ()
    assert QN.loss_tolerance_question == "loss_tolerance"
    assert QN.intro is not None and "代" in QN.intro.zh


def test_default_file_marks_the_knockouts_of_the_regulation() -> None:
    knockouts = {(q.key, c.key) for q in QN.questions for c in q.choices if c.knockout}
    assert ("loss_tolerance", "a") in knockouts  # no loss of principal bearable
    assert ("liquidity", "a") in knockouts  # money needed back within 3 months
    loss = QN.question("loss_tolerance")
    assert [c.max_loss_pct for c in loss.choices] == [0, 5, 10, 20, 30, 50]


def test_every_text_is_bilingual_and_every_question_has_choices() -> None:
    for question in QN.questions:
        assert question.text.zh and question.text.en
        assert len(question.choices) >= 2
        for choice in question.choices:
            assert choice.text.get("zh") == choice.text.zh
            assert choice.text.get("zh_CN") == choice.text.zh
            assert choice.text.get("en") == choice.text.en


# --- Scoring at every band boundary --------------------------------------------------


def _boundaries(part_key: str) -> list[tuple[int, int]]:
    part = QN.part(part_key)
    return [(s, b.level) for b in part.bands for s in (b.min_score, b.max_score)]


@pytest.mark.parametrize(("target", "level"), _boundaries(WILLINGNESS))
def test_willingness_band_boundaries(target: int, level: int) -> None:
    part = QN.part(WILLINGNESS)
    answers = answers_for(part, target)
    assert answers is not None, f"no answers reach willingness score {target}"
    result = score(QN, full_answers(answers, top_answers(QN.part(CAPACITY))))
    assert result.willingness_score == target
    assert result.willingness_level == level
    assert result.capacity_level == 5
    expected_final = 1 if result.knockouts else level
    assert result.level == expected_final


@pytest.mark.parametrize(("target", "level"), _boundaries(CAPACITY))
def test_capacity_band_boundaries(target: int, level: int) -> None:
    part = QN.part(CAPACITY)
    answers = answers_for(part, target)
    assert answers is not None, f"no answers reach capacity score {target}"
    result = score(QN, full_answers(top_answers(QN.part(WILLINGNESS)), answers))
    assert result.capacity_score == target
    assert result.capacity_level == level
    assert result.willingness_level == 5
    assert result.level == level
    assert not result.lowest_class


def test_all_top_answers_give_c5() -> None:
    answers = full_answers(top_answers(QN.part(WILLINGNESS)), top_answers(QN.part(CAPACITY)))
    result = score(QN, answers)
    assert (result.level, result.code) == (5, "C5")
    assert result.reason.code is ReasonCode.PARTS_AGREE
    assert result.max_loss_pct == 50


# --- Final level: lower part, knockouts ------------------------------------------------


def test_capacity_lower_than_willingness_decides() -> None:
    answers = full_answers(at_level(QN.part(WILLINGNESS), 4), at_level(QN.part(CAPACITY), 2))
    result = score(QN, answers)
    assert (result.willingness_level, result.capacity_level, result.level) == (4, 2, 2)
    assert result.reason.code is ReasonCode.CAPACITY_LOWER
    assert "C2" in reason_text(result, "zh") and "C4" in reason_text(result, "zh")
    assert "孰低" in reason_text(result, "zh")
    en = reason_text(result, "en")
    assert en.startswith("Risk capacity C2") and "final level is C2" in en and "C4" in en


def test_willingness_lower_than_capacity_decides() -> None:
    answers = full_answers(at_level(QN.part(WILLINGNESS), 2), at_level(QN.part(CAPACITY), 5))
    result = score(QN, answers)
    assert (result.willingness_level, result.capacity_level, result.level) == (2, 5, 2)
    assert result.reason.code is ReasonCode.WILLINGNESS_LOWER
    assert "C2" in reason_text(result, "zh") and "C5" in reason_text(result, "zh")
    assert "final level is C2" in reason_text(result, "en")


def test_equal_parts_agree() -> None:
    answers = full_answers(at_level(QN.part(WILLINGNESS), 3), at_level(QN.part(CAPACITY), 3))
    result = score(QN, answers)
    assert result.level == 3
    assert result.reason.code is ReasonCode.PARTS_AGREE
    assert "C3" in reason_text(result, "en") and "C3" in reason_text(result, "zh")


def test_a_knockout_answer_forces_the_lowest_class_whatever_the_scores() -> None:
    answers = full_answers(top_answers(QN.part(WILLINGNESS)), top_answers(QN.part(CAPACITY)))
    answers["loss_tolerance"] = "a"  # cannot bear any loss of principal
    result = score(QN, answers)
    assert result.willingness_level == 5 and result.capacity_level == 5
    assert result.level == 1
    assert result.lowest_class
    assert result.knockouts == ("loss_tolerance",)
    assert result.max_loss_pct == 0
    assert result.reason.code is ReasonCode.KNOCKOUT
    zh = reason_text(result, "zh")
    assert "最低类别" in zh and "C1" in zh and "C5" in zh
    assert QN.question("loss_tolerance").text.zh in zh
    en = reason_text(result, "en")
    assert "lowest class" in en and "C1" in en and "C5" in en
    assert en.startswith("Knockout answer to")


def test_two_knockouts_are_both_named() -> None:
    answers = full_answers(top_answers(QN.part(WILLINGNESS)), top_answers(QN.part(CAPACITY)))
    answers["loss_tolerance"] = "a"
    answers["liquidity"] = "a"
    result = score(QN, answers)
    assert result.knockouts == ("liquidity", "loss_tolerance")
    en = reason_text(result, "en")
    assert en.startswith("Knockout answers to")
    assert QN.question("liquidity").text.en in en
    assert QN.question("loss_tolerance").text.en in en


def test_c1_by_score_alone_is_not_the_lowest_class() -> None:
    answers = full_answers(at_level(QN.part(WILLINGNESS), 1), top_answers(QN.part(CAPACITY)))
    result = score(QN, answers)
    assert result.level == 1
    assert not result.lowest_class
    assert result.reason.code is ReasonCode.WILLINGNESS_LOWER


# --- Answers that do not fit ---------------------------------------------------------


def _valid_answers() -> dict[str, str]:
    return full_answers(top_answers(QN.part(WILLINGNESS)), top_answers(QN.part(CAPACITY)))


def test_a_missing_answer_raises_naming_the_question() -> None:
    answers = _valid_answers()
    del answers["debt"]
    with pytest.raises(QuestionnaireError, match="debt"):
        score(QN, answers)


def test_an_unknown_question_raises() -> None:
    answers = _valid_answers() | {"shoe_size": "a"}
    with pytest.raises(QuestionnaireError, match="shoe_size"):
        score(QN, answers)


def test_an_unknown_choice_raises() -> None:
    answers = _valid_answers() | {"age": "z"}
    with pytest.raises(QuestionnaireError, match="'z'"):
        score(QN, answers)


def test_questionnaire_error_is_a_confidant_error() -> None:
    assert issubclass(QuestionnaireError, ConfidantError)


# --- Parse errors --------------------------------------------------------------------


def _broken(change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(DOC)
    change(doc)
    return doc


def _bands(doc: dict[str, Any], part: int = 0) -> list[dict[str, Any]]:
    bands: list[dict[str, Any]] = doc["parts"][part]["bands"]
    return bands


def _set(target: dict[str, Any], key: str, value: Any) -> None:
    target[key] = value


def _swap_first_levels(doc: dict[str, Any]) -> None:
    _set(_bands(doc)[0], "level", 2)
    _set(_bands(doc)[1], "level", 1)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: _set(_bands(d)[1], "min", 22), "gap: no band covers score 21"),
        (lambda d: _set(_bands(d)[1], "min", 25), "scores 21-24"),
        (lambda d: _set(_bands(d, 1)[2], "min", 20), "overlap"),
        (lambda d: _set(_bands(d)[0], "min", 1), "start at 1"),
        (lambda d: _set(_bands(d, 1)[4], "max", 49), "end at 49"),
        (lambda d: _bands(d).pop(), "each level"),
        (lambda d: _set(_bands(d)[4], "level", 4), "each level"),
        (lambda d: _set(_bands(d)[0], "max", -1), "backwards"),
        (_swap_first_levels, "rise"),
        (
            lambda d: _set(d["parts"][1]["questions"][0], "key", "age"),
            "Question 'age' appears twice",
        ),
        (
            lambda d: _set(d["parts"][0]["questions"][0]["choices"][1], "key", "a"),
            "choice 'a' appears twice",
        ),
        (lambda d: d["parts"][0]["questions"][0]["text"].pop("en"), "English"),
        (lambda d: _set(d["parts"][0]["questions"][0]["choices"][0]["text"], "zh", ""), "Chinese"),
        (lambda d: d["title"].pop("zh"), "Chinese"),
        (lambda d: d["parts"][1]["title"].pop("en"), "English"),
        (
            lambda d: d["parts"][0]["questions"][0]["choices"].__delitem__(slice(1, None)),
            "2 choices",
        ),
        (lambda d: _set(d, "loss_tolerance_question", "nope"), "nope"),
        (lambda d: _set(d["parts"][0]["questions"][0]["choices"][0], "max_loss_pct", 5), "age"),
        (lambda d: d["parts"].pop(), "capacity"),
        (lambda d: _set(d["parts"][1], "key", "mood"), "mood"),
        (lambda d: _set(d["parts"][0]["questions"][0]["choices"][0], "score", "6"), "whole"),
        (lambda d: _set(d["parts"][0]["questions"][0]["choices"][0], "score", True), "whole"),
        (lambda d: _set(d, "format", 2), "format"),
        (lambda d: d.pop("version"), "version"),
        (lambda d: _set(d, "validity_months", 0), "validity_months"),
    ],
)
def test_parse_errors_name_the_problem(change: Any, message: str) -> None:
    with pytest.raises(QuestionnaireError, match=message) as caught:
        parse_questionnaire(_broken(change))
    assert str(caught.value).startswith("Questionnaire ")


def test_band_order_in_the_file_does_not_matter() -> None:
    parsed = parse_questionnaire(_broken(lambda d: _bands(d).reverse()))
    assert parsed == QN


def test_missing_topics_reports_gaps() -> None:
    doc = _broken(lambda d: _set(d["parts"][1]["questions"][2], "topic", "pets"))
    assert missing_topics(parse_questionnaire(doc)) == ("capacity.dependants",)


# --- Re-assessment ---------------------------------------------------------------------


def test_diff_answers_lists_changed_added_and_dropped_questions() -> None:
    previous = {"age": "b", "income": "c", "old_question": "a", "debt": "d"}
    current = {"age": "c", "income": "c", "debt": "d", "horizon": "b"}
    assert diff_answers(previous, current) == [
        AnswerChange("age", "b", "c"),
        AnswerChange("horizon", None, "b"),
        AnswerChange("old_question", "a", None),
    ]
    assert diff_answers(current, current) == []


# --- Property -----------------------------------------------------------------------


def _answer_sets(questionnaire: Questionnaire) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries(
        {q.key: st.sampled_from([c.key for c in q.choices]) for q in questionnaire.questions}
    )


@given(_answer_sets(QN))
def test_final_level_never_exceeds_either_part(answers: dict[str, str]) -> None:
    result = score(QN, answers)
    assert result.level <= result.willingness_level
    assert result.level <= result.capacity_level
    if result.knockouts:
        assert result.level == 1 and result.lowest_class
    else:
        assert result.level == min(result.willingness_level, result.capacity_level)
        assert not result.lowest_class
    assert result.reason.level == result.level
