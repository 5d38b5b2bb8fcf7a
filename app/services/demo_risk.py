"""Demo risk assessments: most people assessed in the last thirteen months, so the book
shows valid, expiring and expired levels, a few mismatches and a few never assessed.

Answers are drawn from the real questionnaire (so scoring is the app's own) with a
temperament that leans toward the riskiest product the person holds: in a real book
most holdings were sold after an assessment that allowed them. A few draws are kept
even when they fall below a holding, which is how mismatches arise in practice (a
later, more cautious assessment).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.domain import questionnaire as qn
from app.domain import risk_profile as rp
from app.services.demo_data import PersonDraft
from app.services.demo_market import Product
from app.services.demo_notes import at_beijing
from app.services.risk import questionnaire

NEVER_ASSESSED = 0.06  # share of people with no assessment yet
KEPT_BELOW = 0.04  # share keeping a level below a product they hold
DRAWS = 8
PLACES = ("branch", "branch", "client_site", "remote")


@dataclass(frozen=True)
class DemoAssessment:
    row: dict[str, Any]  # a risk_assessments row (without the sync stamp)
    client: dict[str, Any]  # the level copied onto the client


class AssessmentMaker:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.form = questionnaire()

    def assessment(
        self, person: PersonDraft, client_id: Any, held: list[Product], banker: str
    ) -> DemoAssessment | None:
        if self.rng.random() < NEVER_ASSESSED:
            return None
        riskiest = max((p.risk for p in held if p.type != "deposit"), default=1)
        answers, scoring = self._answers(riskiest)
        day = self.today - timedelta(days=self.rng.randrange(14, 400))
        at = at_beijing(day, self.rng)
        expiry = rp.expires_on(at.astimezone().date(), self.form.validity_months)
        born = person.data.birth_date
        age = rp.age_on(born, self.today) if born else None
        care = rp.needs_extra_care(age, False)
        row = {
            "client_id": client_id,
            "questionnaire_id": self.form.id,
            "questionnaire_version": self.form.version,
            "answers": json.dumps(answers, ensure_ascii=False, sort_keys=True),
            "willingness_score": scoring.willingness_score,
            "capacity_score": scoring.capacity_score,
            "willingness_level": scoring.willingness_level,
            "capacity_level": scoring.capacity_level,
            "level": scoring.level,
            "lowest_class": scoring.lowest_class,
            "max_loss_pct": scoring.max_loss_pct,
            "liquidity_need_days": scoring.liquidity_need_days,
            "assessed_at": at,
            "assessed_by": banker,
            "place": self.rng.choice(PLACES),
            "place_detail": None,
            "client_confirmed_at": at,
            "expires_on": expiry,
            "extra_care": care,
            "extra_care_note": rp.extra_care_reason(age, False, "zh") if care else None,
            "extra_care_confirmed_at": at if care else None,
            "changes": "[]",
            "previous_id": None,
            "document_number": f"RA-{at:%Y%m%d}-{self.rng.getrandbits(32):08X}",
        }
        client = {
            "risk_level": scoring.level,
            "risk_lowest_class": scoring.lowest_class,
            "risk_expires_on": expiry,
        }
        return DemoAssessment(row, client)

    def _answers(self, riskiest: int) -> tuple[dict[str, str], qn.Scoring]:
        """The first draw whose level allows ``riskiest`` (or, rarely, the last one)."""
        keep_below = self.rng.random() < KEPT_BELOW
        lean = 0.25 + 0.17 * riskiest
        best: tuple[dict[str, str], qn.Scoring] | None = None
        for _ in range(DRAWS):
            answers = {q.key: self._choice(q, lean) for q in self.form.questions}
            scoring = qn.score(self.form, answers)
            best = (answers, scoring)
            if (scoring.level < riskiest) == keep_below:
                break
            lean = min(lean + 0.05, 0.95) if scoring.level < riskiest else lean
        assert best is not None
        return best

    def _choice(self, question: qn.Question, lean: float) -> str:
        """A choice near ``lean`` of the way from the lowest to the highest score."""
        usable = sorted((c for c in question.choices if not c.knockout), key=lambda c: c.score)
        spot = min(max(self.rng.gauss(lean, 0.2), 0.0), 0.999)
        return usable[int(spot * len(usable))].key
