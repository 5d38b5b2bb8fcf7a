"""Risk-tolerance assessments: the questionnaire, recording a confirmed assessment, the
client's current level, its history and its one-page PDF.

Why it is shaped so: an assessment is evidence (regulation.md §1.5–1.6). It is saved
only once the client has confirmed the answers, and never edited: a change is a new
assessment that records what changed from the one before. The scoring is stored with
the answers (the questionnaire file of that version is kept beside newer ones), and the
current level is copied onto the client in the same transaction, so the book can sort,
filter and warn on it. Clients of 65 or over (from the birth date, else the ID number)
and clients flagged vulnerable need an extra confirmation step, recorded with the note.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import questionnaire as qn
from app.domain import risk_profile as rp
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.domain.masking import mask_id_number
from app.services import config
from app.services.changes import Changes
from app.vault.models import Client, IdentityDocument, RiskAssessment
from app.vault.types import utc_now

if TYPE_CHECKING:
    from app.services.workspace import Workspace

PLACES = ("branch", "client_site", "remote")
PLACE_NAMES = {
    "branch": ("网点", "Branch"),
    "client_site": ("客户处", "Client's premises"),
    "remote": ("远程", "Remote"),
}
RESIDENT_ID = "resident_id"


class ExtraCareRequired(ValidationError):
    """An elderly or vulnerable client's assessment lacks the extra confirmation."""


class NotConfirmed(ValidationError):
    """The client has not confirmed the answers: nothing is saved before they do."""


# --- The questionnaire files ---------------------------------------------------------


@lru_cache(maxsize=8)
def questionnaire(qid: str | None = None, version: str | None = None) -> qn.Questionnaire:
    """A questionnaire from ``resources/questionnaires``: the given version, else the
    newest version of ``qid`` (else of any questionnaire)."""
    found = []
    for path in sorted((config.resources_dir() / "questionnaires").glob("*.json")):
        parsed = qn.parse_questionnaire(json.loads(path.read_text(encoding="utf-8")))
        if (qid is None or parsed.id == qid) and (version is None or parsed.version == version):
            found.append(parsed)
    if not found:
        wanted = f"{qid or 'any'} {version or '(newest)'}"
        raise ValidationError(
            f"No questionnaire {wanted} in {config.resources_dir() / 'questionnaires'}; "
            "reinstall Confidant or ask the bank for the questionnaire file."
        )
    return max(found, key=lambda q: _version_key(q.version))


def _version_key(version: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in version.split("."))


# --- What the service returns --------------------------------------------------------


@dataclass(frozen=True)
class ClientCare:
    """Who is being assessed: their age and whether the extra-care step applies."""

    client_id: ClientId
    name: str
    age: int | None
    vulnerable: bool
    extra_care: bool
    extra_care_note_zh: str | None
    extra_care_note_en: str | None


@dataclass(frozen=True)
class CurrentRisk:
    """The client's level now, for headers, lists and the command line."""

    level: int
    lowest_class: bool
    assessed_on: date
    expires_on: date
    validity: rp.Validity
    max_loss_pct: int | None

    @property
    def code(self) -> str:
        return rp.level_code(self.level)

    def name(self, lang: str) -> str:
        return rp.level_name(self.level, lang, self.lowest_class)


@dataclass(frozen=True)
class AssessmentRecord:
    """One saved assessment, with its scoring recomputed from the stored answers."""

    id: uuid.UUID
    client_id: ClientId
    client_name: str
    questionnaire: qn.Questionnaire
    answers: dict[str, str]
    scoring: qn.Scoring
    assessed_at: datetime
    assessed_by: str
    place: str
    place_detail: str | None
    confirmed_at: datetime
    expires_on: date
    extra_care: bool
    extra_care_note: str | None
    changes: tuple[qn.AnswerChange, ...]
    document_number: str


@dataclass(frozen=True)
class Recorded:
    """What ``record`` did: the change to broadcast and the new assessment's id."""

    changes: Changes
    assessment_id: uuid.UUID


def client_age(s: Session, client: Client, today: date) -> int | None:
    """From the birth date, else the resident ID number's birth date."""
    born = client.birth_date
    if born is None:
        numbers = s.scalars(
            select(IdentityDocument.number).where(
                IdentityDocument.client_id == client.id,
                IdentityDocument.doc_type == RESIDENT_ID,
                IdentityDocument.deleted_at.is_(None),
            )
        )
        born = next((d for n in numbers if (d := rp.birth_date_from_id(n))), None)
    return None if born is None or born > today else rp.age_on(born, today)


class RiskService:
    """Assessments of one vault; one worker thread calls it."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def questionnaire(self) -> qn.Questionnaire:
        return questionnaire()

    def care(self, client_id: ClientId, today: date | None = None) -> ClientCare:
        """The client's age and whether the extra-care step applies (before the wizard)."""
        today = today or date.today()
        with self._ws.begin() as s:
            client = self._client(s, client_id)
            age = client_age(s, client, today)
            vulnerable = client.vulnerable
        return ClientCare(
            client_id=client_id,
            name=client.name,
            age=age,
            vulnerable=vulnerable,
            extra_care=rp.needs_extra_care(age, vulnerable),
            extra_care_note_zh=rp.extra_care_reason(age, vulnerable, "zh"),
            extra_care_note_en=rp.extra_care_reason(age, vulnerable, "en"),
        )

    def record(
        self,
        client_id: ClientId,
        answers: dict[str, str],
        *,
        place: str,
        place_detail: str | None = None,
        client_confirmed: bool,
        extra_care_confirmed: bool = False,
        now: datetime | None = None,
    ) -> Recorded:
        """Save a confirmed assessment and make it the client's current level.

        Raises:
            NotConfirmed: the client has not confirmed the answers.
            ExtraCareRequired: a 65+ or vulnerable client without the extra step.
            QuestionnaireError: a missing or unknown answer.
        """
        if not client_confirmed:
            raise NotConfirmed(
                "The client has not confirmed the answers; nothing was saved. "
                "Ask the client to review the summary and confirm."
            )
        if place not in PLACES:
            raise ValidationError(f"Unknown place {place!r}; use one of {', '.join(PLACES)}.")
        form = questionnaire()
        scoring = qn.score(form, answers)
        now = now or utc_now()
        day = now.astimezone().date()  # the banker's calendar day, not UTC's
        with self._ws.begin() as s:
            client = self._client(s, client_id)
            if client.kind != "person":
                raise ValidationError(
                    f"{client.name} is a {client.kind}, not a person: assess each member."
                )
            age = client_age(s, client, day)
            care = rp.needs_extra_care(age, client.vulnerable)
            if care and not extra_care_confirmed:
                raise ExtraCareRequired(
                    "This client is 65 or over or flagged vulnerable: confirm the extra-care "
                    "step (the client understood the risks, with a companion if needed) first."
                )
            previous = self._newest(s, client_id)
            if previous is not None and now < previous.assessed_at:
                raise ValidationError(
                    "An assessment cannot be dated before the client's newest one "
                    f"({previous.assessed_at.astimezone():%Y-%m-%d %H:%M}); check the date."
                )
            before = json.loads(previous.answers) if previous is not None else {}
            changed = qn.diff_answers(before, answers) if previous is not None else []
            expiry = rp.expires_on(day, form.validity_months)
            row = RiskAssessment(
                client_id=client_id,
                questionnaire_id=form.id,
                questionnaire_version=form.version,
                answers=json.dumps(answers, ensure_ascii=False, sort_keys=True),
                willingness_score=scoring.willingness_score,
                capacity_score=scoring.capacity_score,
                willingness_level=scoring.willingness_level,
                capacity_level=scoring.capacity_level,
                level=scoring.level,
                lowest_class=scoring.lowest_class,
                max_loss_pct=scoring.max_loss_pct,
                liquidity_need_days=scoring.liquidity_need_days,
                assessed_at=now,
                assessed_by=self._ws.actor,
                place=place,
                place_detail=place_detail,
                client_confirmed_at=now,
                expires_on=expiry,
                extra_care=care,
                extra_care_note=rp.extra_care_reason(age, client.vulnerable, "zh"),
                extra_care_confirmed_at=now if care else None,
                changes=json.dumps([_change_json(c) for c in changed], ensure_ascii=False),
                previous_id=previous.id if previous is not None else None,
                document_number=_document_number(now),
            )
            s.add(row)
            client.risk_level = scoring.level
            client.risk_lowest_class = scoring.lowest_class
            client.risk_expires_on = expiry
            s.flush()
            self._ws.record(
                s,
                "risk.assessed",
                str(client_id),
                {"assessment": str(row.id), "level": scoring.code, "place": place},
            )
            assessment_id = row.id
        return Recorded(Changes(clients=True, client_ids=frozenset({client_id})), assessment_id)

    def current(self, client_id: ClientId, today: date | None = None) -> CurrentRisk | None:
        """The client's level now (None: never assessed), with the bearable loss."""
        today = today or date.today()
        with self._ws.begin() as s:
            newest = self._newest(s, client_id)
            if newest is None:
                return None
            return CurrentRisk(
                level=newest.level,
                lowest_class=newest.lowest_class,
                assessed_on=newest.assessed_at.astimezone().date(),
                expires_on=newest.expires_on,
                validity=rp.validity_status(newest.expires_on, today),
                max_loss_pct=newest.max_loss_pct,
            )

    def history(self, client_id: ClientId) -> list[AssessmentRecord]:
        """Every assessment of the client, newest first."""
        with self._ws.begin() as s:
            client = self._client(s, client_id)
            rows = s.scalars(
                select(RiskAssessment)
                .where(RiskAssessment.client_id == client_id, RiskAssessment.deleted_at.is_(None))
                .order_by(RiskAssessment.assessed_at.desc())
            ).all()
            return [_record(r, client.name) for r in rows]

    def assessment(self, assessment_id: uuid.UUID) -> AssessmentRecord:
        with self._ws.begin() as s:
            row = s.get(RiskAssessment, assessment_id)
            if row is None or row.deleted_at is not None:
                raise ValidationError("That assessment is not in this vault.")
            return _record(row, self._client(s, ClientId(row.client_id)).name)

    def document(self, assessment_id: uuid.UUID, lang: str = "zh") -> bytes:
        """The one-page assessment record as PDF bytes (nothing is written to disk)."""
        from app.reports.assessment import render_assessment

        record = self.assessment(assessment_id)
        masked = self.masked_id_number(record.client_id)
        return render_assessment(assessment_document(record, masked, lang))

    def export_document(self, assessment_id: uuid.UUID, path: Path, lang: str = "zh") -> Path:
        """Write the record where the banker chose, and note the export in the audit trail."""
        data = self.document(assessment_id, lang)
        write_export(path, data)
        with self._ws.begin() as s:
            self._ws.record(
                s,
                "risk.document_exported",
                str(self.assessment(assessment_id).client_id),
                {"assessment": str(assessment_id), "file": path.name, "bytes": len(data)},
            )
        return path

    def masked_id_number(self, client_id: ClientId) -> str:
        """The client's resident ID masked for documents ("" without one)."""
        with self._ws.begin() as s:
            number = s.scalar(
                select(IdentityDocument.number).where(
                    IdentityDocument.client_id == client_id,
                    IdentityDocument.deleted_at.is_(None),
                )
            )
        return mask_id_number(number) if number else ""

    # --- helpers --------------------------------------------------------------------

    def _client(self, s: Session, client_id: ClientId) -> Client:
        client = s.get(Client, client_id)
        if client is None or client.deleted_at is not None:
            raise ValidationError("That client is not in this vault.")
        return client

    def _newest(self, s: Session, client_id: ClientId) -> RiskAssessment | None:
        return s.scalars(
            select(RiskAssessment)
            .where(RiskAssessment.client_id == client_id, RiskAssessment.deleted_at.is_(None))
            .order_by(RiskAssessment.assessed_at.desc())
            .limit(1)
        ).first()


def assessment_document(record: AssessmentRecord, masked_id: str, lang: str) -> Any:
    """The plain data the PDF shows, in ``lang`` ("zh" or "en")."""
    from app.reports.assessment import AssessmentAnswer, AssessmentDocument

    form, scoring, zh = record.questionnaire, record.scoring, lang.startswith("zh")
    answers = [
        AssessmentAnswer(
            question=q.text.get(lang),
            answer=q.choice(record.answers[q.key]).text.get(lang),
            score=q.choice(record.answers[q.key]).score,
            part=form.part(q.part).title.get(lang),
        )
        for q in form.questions
    ]
    ratings = rp.suitable_ratings(scoring.level, scoring.lowest_class)
    note = record.extra_care_note if zh else _english_care_note(record)
    return AssessmentDocument(
        lang="zh" if zh else "en",
        document_number=record.document_number,
        client_name=record.client_name,
        client_id_masked=masked_id,
        questionnaire_title=form.title.get(lang),
        questionnaire_version=form.version,
        answers=answers,
        willingness_score=scoring.willingness_score,
        capacity_score=scoring.capacity_score,
        willingness_level=rp.level_code(scoring.willingness_level),
        capacity_level=rp.level_code(scoring.capacity_level),
        final_level=scoring.code,
        final_level_name=rp.level_name(scoring.level, lang, scoring.lowest_class),
        reason=qn.reason_text(scoring, lang),
        meaning=rp.level_meaning(scoring.level, lang, scoring.lowest_class),
        suitable_ratings=f"R{ratings[0]}–R{ratings[-1]}" if len(ratings) > 1 else "R1",
        max_loss_pct=scoring.max_loss_pct,
        assessed_at=record.assessed_at.astimezone(),  # printed in the banker's time
        assessed_by=record.assessed_by,
        place=PLACE_NAMES[record.place][0 if zh else 1]
        + (f" · {record.place_detail}" if record.place_detail else ""),
        confirmed_at=record.confirmed_at.astimezone(),
        expires_on=record.expires_on,
        extra_care_note=note if record.extra_care else None,
        lowest_class=scoring.lowest_class,
    )


def _english_care_note(record: AssessmentRecord) -> str | None:
    """The stored note is Chinese; the English one is said again from the flag."""
    if not record.extra_care:
        return None
    return (
        "Extra care: the client is 65 or over or flagged vulnerable; the extra "
        "confirmation step was completed at the assessment."
    )


def write_export(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a full disk leaves no half file)."""
    temp = path.with_name(f".{path.name}.partial")
    try:
        temp.write_bytes(data)
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ValidationError(
            f"Could not write {path}: {exc.strerror or exc}. Choose another folder or free "
            "some disk space; nothing was written."
        ) from exc


def _change_json(change: qn.AnswerChange) -> dict[str, str | None]:
    return {"question": change.question, "old": change.old, "new": change.new}


def _document_number(at: datetime) -> str:
    """RA-YYYYMMDD-xxxxxxxx: dated (the local day), unique without a central counter
    (the device is offline), short enough to read out on the phone."""
    return f"RA-{at.astimezone():%Y%m%d}-{uuid.uuid4().hex[:8].upper()}"


def _record(row: RiskAssessment, client_name: str) -> AssessmentRecord:
    form = questionnaire(row.questionnaire_id, row.questionnaire_version)
    answers: dict[str, str] = json.loads(row.answers)
    changes = tuple(
        qn.AnswerChange(c["question"], c["old"], c["new"]) for c in json.loads(row.changes)
    )
    return AssessmentRecord(
        id=row.id,
        client_id=ClientId(row.client_id),
        client_name=client_name,
        questionnaire=form,
        answers=answers,
        scoring=qn.score(form, answers),
        assessed_at=row.assessed_at,
        assessed_by=row.assessed_by,
        place=row.place,
        place_detail=row.place_detail,
        confirmed_at=row.client_confirmed_at,
        expires_on=row.expires_on,
        extra_care=row.extra_care,
        extra_care_note=row.extra_care_note,
        changes=changes,
        document_number=row.document_number,
    )
