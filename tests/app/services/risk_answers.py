"""Answer sets for the default questionnaire that land on a chosen level, shared by the
service tests (pytest puts this folder on sys.path, as tests/ui does for helpers.py)."""

from __future__ import annotations

from app.domain import questionnaire as qn


def safe_choices(question: qn.Question) -> list[qn.Choice]:
    """The question's choices without knockouts, lowest score first."""
    return sorted((c for c in question.choices if not c.knockout), key=lambda c: c.score)


def highest(form: qn.Questionnaire) -> dict[str, str]:
    """Every question answered with its highest-scoring choice."""
    return {q.key: max(q.choices, key=lambda c: c.score).key for q in form.questions}


def lowest_safe(form: qn.Questionnaire) -> dict[str, str]:
    """Every question answered with its lowest-scoring choice that is not a knockout."""
    return {q.key: safe_choices(q)[0].key for q in form.questions}


def knockout_choice(question: qn.Question) -> qn.Choice:
    return next(c for c in question.choices if c.knockout)


def answers_for_level(form: qn.Questionnaire, level: int) -> dict[str, str]:
    """Answers (no knockout, no stated liquidity need) whose two parts both score in
    ``level``'s band, so the final level is ``level``: start from the lowest safe answers
    and raise them, question by question, as far as the band's upper bound allows."""
    answers: dict[str, str] = {}
    for part in form.parts:
        band = next(b for b in part.bands if b.level == level)
        chosen = {q.key: safe_choices(q)[0] for q in part.questions}
        total = sum(c.score for c in chosen.values())
        for question in part.questions:
            if total >= band.min_score:
                break
            room = band.max_score - total + chosen[question.key].score
            best = max(
                (c for c in safe_choices(question) if c.score <= room), key=lambda c: c.score
            )
            total += best.score - chosen[question.key].score
            chosen[question.key] = best
        answers.update({key: choice.key for key, choice in chosen.items()})
    scoring = qn.score(form, answers)
    assert (scoring.level, scoring.lowest_class) == (level, False), "helper failed"
    return answers
