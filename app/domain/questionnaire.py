"""The versioned risk questionnaire (风险承受能力评估问卷) and its scoring.

A questionnaire is bank data (``resources/questionnaires/*.json``, format in the README
there), parsed here from a plain dict so a bank can replace it without code. Parsing
checks everything scoring relies on, so a bad file fails when it is loaded, never after
a client has answered it.

Scoring (regulation.md §1.3, §1.6):
- two parts, each the sum of its chosen scores, mapped to C1–C5 by the part's own bands:
  ``willingness`` (experience, goals, attitude to loss) and ``capacity`` (horizon, share
  of wealth, dependants, reserve). The final level is the LOWER of the two: a client
  willing to take a risk they cannot afford is not offered it, nor the reverse.
- a knockout answer (no loss bearable, money needed back within months) puts the client
  in the lowest class (最低类别): final C1 whatever the scores.
- the result carries a reason code and the data to explain it in Chinese or English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import Any

from app.domain.bilingual import Text
from app.domain.errors import ConfidantError
from app.domain.risk_profile import LEVELS, level_code, level_name

FORMAT = 1
WILLINGNESS = "willingness"
CAPACITY = "capacity"
PART_KEYS = (WILLINGNESS, CAPACITY)

# The bank minimum content (regulation.md §1.6) plus the capacity topics we require of
# our default; ``missing_topics`` reports gaps so a replacement file can be warned about.
REQUIRED_TOPICS: Mapping[str, tuple[str, ...]] = {
    WILLINGNESS: (
        "age",
        "income",
        "financial_situation",
        "experience",
        "knowledge",
        "purpose",
        "return_expectation",
        "risk_preference",
        "liquidity",
        "risk_understanding",
        "loss_tolerance",
    ),
    CAPACITY: ("horizon", "wealth_share", "dependants", "liquidity_reserve"),
}


class QuestionnaireError(ConfidantError):
    """A questionnaire file is malformed, or answers do not fit the questionnaire."""


@dataclass(frozen=True)
class Choice:
    key: str
    text: Text
    score: int
    knockout: bool = False
    max_loss_pct: int | None = None  # only on the loss-tolerance question
    # Money must be available within this many days (liquidity answers); the suitability
    # lock-up rule compares products against the shortest such need.
    liquidity_need_days: int | None = None


@dataclass(frozen=True)
class Question:
    key: str
    part: str
    topic: str
    text: Text
    choices: tuple[Choice, ...]

    def choice(self, key: str) -> Choice:
        for choice in self.choices:
            if choice.key == key:
                return choice
        known = ", ".join(c.key for c in self.choices)
        raise QuestionnaireError(
            f"Question {self.key!r} has no choice {key!r}; the choices are {known}."
        )


@dataclass(frozen=True)
class Band:
    """Scores ``min_score``..``max_score`` (both inclusive) give ``level``."""

    level: int
    min_score: int
    max_score: int


@dataclass(frozen=True)
class Part:
    key: str
    title: Text
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]  # ordered by score, covering min_score..max_score exactly once

    @property
    def min_score(self) -> int:
        return sum(min(c.score for c in q.choices) for q in self.questions)

    @property
    def max_score(self) -> int:
        return sum(max(c.score for c in q.choices) for q in self.questions)

    def level_for(self, score: int) -> int:
        for band in self.bands:
            if band.min_score <= score <= band.max_score:
                return band.level
        raise QuestionnaireError(
            f"Score {score} is outside part {self.key!r} ({self.min_score}-{self.max_score})."
        )


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: str
    title: Text
    intro: Text | None
    validity_months: int
    parts: tuple[Part, ...]  # willingness, then capacity
    loss_tolerance_question: str | None

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in the order asked."""
        return tuple(q for part in self.parts for q in part.questions)

    def question(self, key: str) -> Question:
        for question in self.questions:
            if question.key == key:
                return question
        raise QuestionnaireError(f"Questionnaire {self.id} {self.version} has no question {key!r}.")

    def part(self, key: str) -> Part:
        for part in self.parts:
            if part.key == key:
                return part
        raise QuestionnaireError(f"Questionnaire {self.id} {self.version} has no part {key!r}.")


# --- Parsing -------------------------------------------------------------------------


def _field(doc: object, key: str, where: str) -> Any:
    if not isinstance(doc, Mapping):
        raise QuestionnaireError(f"{where} must be a JSON object.")
    if key not in doc:
        raise QuestionnaireError(f"{where} has no {key!r}.")
    return doc[key]


def _string(doc: object, key: str, where: str) -> str:
    value = _field(doc, key, where)
    if not isinstance(value, str) or not value.strip():
        raise QuestionnaireError(f"{key!r} of {where} must be a non-empty string.")
    return value


def _int(value: object, what: str) -> int:
    # bool is an int in Python, but ``true`` as a score is a mistake in the file
    if not isinstance(value, int) or isinstance(value, bool):
        raise QuestionnaireError(f"{what} must be a whole number, not {value!r}.")
    return value


def _list(doc: object, key: str, where: str) -> list[Any]:
    value = _field(doc, key, where)
    if not isinstance(value, list) or not value:
        raise QuestionnaireError(f"{key!r} of {where} must be a non-empty list.")
    return value


def _text(value: object, where: str) -> Text:
    if not isinstance(value, Mapping):
        raise QuestionnaireError(f"The text of {where} must be an object with 'zh' and 'en'.")
    for lang, label in (("zh", "Chinese (zh)"), ("en", "English (en)")):
        words = value.get(lang)
        if not isinstance(words, str) or not words.strip():
            raise QuestionnaireError(f"The {label} text of {where} is missing.")
    return Text(zh=value["zh"], en=value["en"])


def _unique(keys: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise QuestionnaireError(f"{what} {key!r} appears twice; keys must be unique.")
        seen.add(key)


def _parse_choice(doc: object, where: str) -> Choice:
    key = _string(doc, "key", where)
    here = f"choice {key!r} of {where}"
    assert isinstance(doc, Mapping)  # _string checked it
    knockout = doc.get("knockout", False)
    if not isinstance(knockout, bool):
        raise QuestionnaireError(f"'knockout' of {here} must be true or false.")
    max_loss = doc.get("max_loss_pct")
    if max_loss is not None and not 0 <= _int(max_loss, f"'max_loss_pct' of {here}") <= 100:
        raise QuestionnaireError(f"'max_loss_pct' of {here} must be 0 to 100, not {max_loss}.")
    need = doc.get("liquidity_need_days")
    if need is not None and _int(need, f"'liquidity_need_days' of {here}") < 0:
        raise QuestionnaireError(f"'liquidity_need_days' of {here} cannot be negative.")
    return Choice(
        key=key,
        text=_text(_field(doc, "text", here), here),
        score=_int(_field(doc, "score", here), f"The score of {here}"),
        knockout=knockout,
        max_loss_pct=max_loss,
        liquidity_need_days=need,
    )


def _parse_question(doc: object, part: str) -> Question:
    key = _string(doc, "key", f"a question of part {part!r}")
    where = f"question {key!r}"
    choices = tuple(_parse_choice(c, where) for c in _list(doc, "choices", where))
    if len(choices) < 2:
        raise QuestionnaireError(f"{where} needs at least 2 choices, not {len(choices)}.")
    _unique((c.key for c in choices), f"In {where}, choice")
    return Question(
        key=key,
        part=part,
        topic=_string(doc, "topic", where),
        text=_text(_field(doc, "text", where), where),
        choices=choices,
    )


def _parse_band(doc: object, where: str) -> Band:
    return Band(
        level=_int(_field(doc, "level", where), f"A band level of {where}"),
        min_score=_int(_field(doc, "min", where), f"A band 'min' of {where}"),
        max_score=_int(_field(doc, "max", where), f"A band 'max' of {where}"),
    )


def _check_bands(part: str, bands: Sequence[Band], low: int, high: int) -> None:
    """Bands must give each level once, rise with the score and tile ``low..high``."""
    expected = list(range(1, len(LEVELS) + 1))
    if sorted(b.level for b in bands) != expected:
        found = sorted(b.level for b in bands)
        raise QuestionnaireError(
            f"The bands of part {part!r} must give each level 1-{len(LEVELS)} exactly once; "
            f"they give {found}."
        )
    for band in bands:
        if band.min_score > band.max_score:
            raise QuestionnaireError(
                f"The band for C{band.level} of part {part!r} runs backwards "
                f"({band.min_score} > {band.max_score})."
            )
    if bands[0].min_score != low:
        raise QuestionnaireError(
            f"The bands of part {part!r} start at {bands[0].min_score}, "
            f"but the lowest possible score is {low}."
        )
    for below, above in pairwise(bands):
        _check_neighbours(part, below, above)
    if bands[-1].max_score != high:
        raise QuestionnaireError(
            f"The bands of part {part!r} end at {bands[-1].max_score}, "
            f"but the highest possible score is {high}."
        )


def _check_neighbours(part: str, below: Band, above: Band) -> None:
    if above.min_score > below.max_score + 1:
        first, last = below.max_score + 1, above.min_score - 1
        scores = f"score {first}" if first == last else f"scores {first}-{last}"
        raise QuestionnaireError(
            f"The bands of part {part!r} leave a gap: no band covers {scores}."
        )
    if above.min_score <= below.max_score:
        raise QuestionnaireError(
            f"The bands of part {part!r} overlap: score {above.min_score} is in both "
            f"C{below.level} and C{above.level}."
        )
    if above.level < below.level:
        raise QuestionnaireError(
            f"The bands of part {part!r} must rise with the score, but C{above.level} "
            f"({above.min_score}-{above.max_score}) is above C{below.level}."
        )


def _parse_part(doc: object) -> Part:
    key = _string(doc, "key", "a part")
    if key not in PART_KEYS:
        raise QuestionnaireError(f"Unknown part {key!r}; the parts are {', '.join(PART_KEYS)}.")
    where = f"part {key!r}"
    questions = tuple(_parse_question(q, key) for q in _list(doc, "questions", where))
    bands = sorted(
        (_parse_band(b, where) for b in _list(doc, "bands", where)),
        key=lambda b: (b.min_score, b.max_score),
    )
    part = Part(
        key=key,
        title=_text(_field(doc, "title", where), where),
        questions=questions,
        bands=tuple(bands),
    )
    _check_bands(key, part.bands, part.min_score, part.max_score)
    return part


def _parse_parts(doc: object) -> tuple[Part, ...]:
    parts = [_parse_part(p) for p in _list(doc, "parts", "the questionnaire")]
    _unique((p.key for p in parts), "Part")
    if len(parts) != len(PART_KEYS):
        missing = ", ".join(k for k in PART_KEYS if k not in {p.key for p in parts})
        raise QuestionnaireError(f"The questionnaire has no {missing} part.")
    return tuple(sorted(parts, key=lambda p: PART_KEYS.index(p.key)))


def _check_loss_question(parts: Sequence[Part], key: str | None) -> None:
    """Loss limits belong on the loss-tolerance question only, and on all its choices."""
    for question in (q for part in parts for q in part.questions):
        with_loss = [c.key for c in question.choices if c.max_loss_pct is not None]
        if question.key == key and len(with_loss) != len(question.choices):
            raise QuestionnaireError(
                f"Every choice of the loss-tolerance question {key!r} needs 'max_loss_pct'."
            )
        if question.key != key and with_loss:
            raise QuestionnaireError(
                f"Question {question.key!r} has 'max_loss_pct', which only the "
                f"loss-tolerance question ({key!r}) may carry."
            )
    if key is not None and key not in {q.key for part in parts for q in part.questions}:
        raise QuestionnaireError(f"The loss-tolerance question {key!r} is not in the file.")


def _parse(doc: object) -> Questionnaire:
    fmt = _field(doc, "format", "the questionnaire")
    if fmt != FORMAT:
        raise QuestionnaireError(f"File format {fmt!r} is not supported; this app reads {FORMAT}.")
    validity = _int(_field(doc, "validity_months", "the questionnaire"), "'validity_months'")
    if validity < 1:
        raise QuestionnaireError(f"'validity_months' must be at least 1, not {validity}.")
    parts = _parse_parts(doc)
    _unique((q.key for part in parts for q in part.questions), "Question")
    assert isinstance(doc, Mapping)  # _field checked it
    loss_key = doc.get("loss_tolerance_question")
    if loss_key is not None and not isinstance(loss_key, str):
        raise QuestionnaireError("'loss_tolerance_question' must be a question key or null.")
    _check_loss_question(parts, loss_key)
    intro = doc.get("intro")
    return Questionnaire(
        id=_string(doc, "id", "the questionnaire"),
        version=_string(doc, "version", "the questionnaire"),
        title=_text(_field(doc, "title", "the questionnaire"), "the questionnaire title"),
        intro=None if intro is None else _text(intro, "the questionnaire introduction"),
        validity_months=validity,
        parts=parts,
        loss_tolerance_question=loss_key,
    )


def parse_questionnaire(doc: Mapping[str, Any]) -> Questionnaire:
    """Build and validate a questionnaire from its JSON document (already loaded).

    Raises:
        QuestionnaireError: naming the first problem found: a missing field or
            translation, duplicate keys, fewer than 2 choices, bands that leave a gap,
            overlap, miss a level or do not span the possible scores, and so on.
    """
    label = f"{doc.get('id', '?')} {doc.get('version', '?')}" if isinstance(doc, Mapping) else "?"
    try:
        return _parse(doc)
    except QuestionnaireError as exc:
        raise QuestionnaireError(f"Questionnaire {label}: {exc}") from None


def missing_topics(questionnaire: Questionnaire) -> tuple[str, ...]:
    """``REQUIRED_TOPICS`` that no question of the right part covers (empty when complete)."""
    missing: list[str] = []
    for part_key, topics in REQUIRED_TOPICS.items():
        covered = {q.topic for q in questionnaire.part(part_key).questions}
        missing.extend(f"{part_key}.{t}" for t in topics if t not in covered)
    return tuple(missing)


# --- Scoring -------------------------------------------------------------------------


class ReasonCode(StrEnum):
    KNOCKOUT = "knockout"  # a knockout answer: lowest class, C1
    CAPACITY_LOWER = "capacity_lower"  # capacity below willingness decides
    WILLINGNESS_LOWER = "willingness_lower"  # willingness below capacity decides
    PARTS_AGREE = "parts_agree"  # both parts give the same level


@dataclass(frozen=True)
class Reason:
    """Why the final level is what it is; enough to store and to explain in zh or en."""

    code: ReasonCode
    willingness_level: int
    capacity_level: int
    level: int
    knockout_questions: tuple[Text, ...] = ()  # the texts of the questions, for the UI


@dataclass(frozen=True)
class Scoring:
    questionnaire_id: str
    version: str
    willingness_score: int
    capacity_score: int
    willingness_level: int
    capacity_level: int
    level: int  # the final level: the lower part, or 1 with any knockout
    knockouts: tuple[str, ...]  # keys of questions answered with a knockout choice
    lowest_class: bool
    max_loss_pct: int | None  # from the loss-tolerance answer; None without that question
    reason: Reason
    liquidity_need_days: int | None = None  # the shortest need any answer states

    @property
    def code(self) -> str:
        """``"C3"``."""
        return level_code(self.level)


def _check_answer_keys(questionnaire: Questionnaire, answers: Mapping[str, str]) -> None:
    keys = [q.key for q in questionnaire.questions]
    unknown = [k for k in answers if k not in keys]
    if unknown:
        raise QuestionnaireError(
            f"Questionnaire {questionnaire.id} {questionnaire.version} has no question "
            f"{', '.join(map(repr, unknown))}; the answers belong to another version."
        )
    missing = [k for k in keys if k not in answers]
    if missing:
        raise QuestionnaireError(
            f"{len(missing)} question(s) not answered: {', '.join(missing)}; "
            "every question needs an answer."
        )


def _reason(willingness: int, capacity: int, knockouts: Sequence[Question]) -> tuple[int, Reason]:
    if knockouts:
        code, level = ReasonCode.KNOCKOUT, 1
    elif capacity < willingness:
        code, level = ReasonCode.CAPACITY_LOWER, capacity
    elif willingness < capacity:
        code, level = ReasonCode.WILLINGNESS_LOWER, willingness
    else:
        code, level = ReasonCode.PARTS_AGREE, willingness
    return level, Reason(code, willingness, capacity, level, tuple(q.text for q in knockouts))


def score(questionnaire: Questionnaire, answers: Mapping[str, str]) -> Scoring:
    """Score ``answers`` (question key → choice key) against ``questionnaire``.

    Raises:
        QuestionnaireError: an unanswered question, an unknown question, or a choice the
            question does not have.
    """
    _check_answer_keys(questionnaire, answers)
    chosen = {q.key: q.choice(answers[q.key]) for q in questionnaire.questions}
    totals = {
        part.key: sum(chosen[q.key].score for q in part.questions) for part in questionnaire.parts
    }
    willingness = questionnaire.part(WILLINGNESS).level_for(totals[WILLINGNESS])
    capacity = questionnaire.part(CAPACITY).level_for(totals[CAPACITY])
    knocked = [q for q in questionnaire.questions if chosen[q.key].knockout]
    level, reason = _reason(willingness, capacity, knocked)
    loss_key = questionnaire.loss_tolerance_question
    return Scoring(
        questionnaire_id=questionnaire.id,
        version=questionnaire.version,
        willingness_score=totals[WILLINGNESS],
        capacity_score=totals[CAPACITY],
        willingness_level=willingness,
        capacity_level=capacity,
        level=level,
        knockouts=tuple(q.key for q in knocked),
        lowest_class=bool(knocked),
        max_loss_pct=None if loss_key is None else chosen[loss_key].max_loss_pct,
        reason=reason,
        liquidity_need_days=min(
            (c.liquidity_need_days for c in chosen.values() if c.liquidity_need_days is not None),
            default=None,
        ),
    )


def _labelled(level: int, lang: str) -> str:
    return (
        f"{level_code(level)}（{level_name(level, lang)}）"
        if lang.lower().startswith("zh")
        else f"{level_code(level)} ({level_name(level, lang)})"
    )


def _reason_zh(reason: Reason) -> str:
    if reason.code is ReasonCode.KNOCKOUT:
        asked = "、".join(f"“{t.zh}”" for t in reason.knockout_questions)
        return (
            f"问题{asked}的回答属于最低类别情形：无论得分如何（风险承受意愿"
            f"{level_code(reason.willingness_level)}，风险承受能力"
            f"{level_code(reason.capacity_level)}），最终风险等级均为C1（最低类别），只能购买R1产品。"
        )
    w, c = _labelled(reason.willingness_level, "zh"), _labelled(reason.capacity_level, "zh")
    final = _labelled(reason.level, "zh")
    if reason.code is ReasonCode.CAPACITY_LOWER:
        return f"风险承受能力{c}低于风险承受意愿{w}，按孰低原则，最终风险等级为{final}。"
    if reason.code is ReasonCode.WILLINGNESS_LOWER:
        return f"风险承受意愿{w}低于风险承受能力{c}，按孰低原则，最终风险等级为{final}。"
    return f"风险承受意愿与风险承受能力均为{final}，最终风险等级为{final}。"


def _reason_en(reason: Reason) -> str:
    if reason.code is ReasonCode.KNOCKOUT:
        asked = " and ".join(f"“{t.en}”" for t in reason.knockout_questions)
        plural = "answers" if len(reason.knockout_questions) > 1 else "answer"
        return (
            f"Knockout {plural} to {asked}: the client is in the lowest class, so the final "
            f"level is C1 whatever the scores (willingness {level_code(reason.willingness_level)}, "
            f"capacity {level_code(reason.capacity_level)}), with R1 products only."
        )
    w, c = _labelled(reason.willingness_level, "en"), _labelled(reason.capacity_level, "en")
    final = _labelled(reason.level, "en")
    if reason.code is ReasonCode.CAPACITY_LOWER:
        return (
            f"Risk capacity {c} is lower than risk willingness {w}, so the final level is {final}."
        )
    if reason.code is ReasonCode.WILLINGNESS_LOWER:
        return (
            f"Risk willingness {w} is lower than risk capacity {c}, so the final level is {final}."
        )
    return f"Risk willingness and risk capacity both give {final}, so the final level is {final}."


def reason_text(scoring: Scoring, lang: str = "zh") -> str:
    """One sentence, in Chinese (``zh*``) or English, on why the final level is what it is."""
    if lang.lower().startswith("zh"):
        return _reason_zh(scoring.reason)
    return _reason_en(scoring.reason)


# --- Re-assessment -------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerChange:
    """One answer that differs; ``None`` where a question was not in that assessment."""

    question: str
    old: str | None
    new: str | None


def diff_answers(previous: Mapping[str, str], current: Mapping[str, str]) -> list[AnswerChange]:
    """What changed since the previous assessment, in the current answers' order, then
    questions only the previous assessment had (e.g. from an older version)."""
    changes = [
        AnswerChange(key, previous.get(key), choice)
        for key, choice in current.items()
        if previous.get(key) != choice
    ]
    changes.extend(
        AnswerChange(key, old, None) for key, old in previous.items() if key not in current
    )
    return changes
