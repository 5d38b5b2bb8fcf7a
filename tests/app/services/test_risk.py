"""The risk service against a real vault: recording a confirmed assessment, the current
level and its expiry, the extra-care step, re-assessment history, the audit trail and the
outbox, the one-page PDF and its export, and no client name on disk in plaintext."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from risk_answers import answers_for_level, highest, knockout_choice, lowest_safe, safe_choices
from sqlalchemy import select

from app.domain import questionnaire as qn
from app.domain import risk_profile as rp
from app.domain.errors import ConfidantError, ValidationError
from app.domain.ids import ClientId
from app.domain.validation import resident_id_check_char
from app.services.book import BookFilter
from app.services.clients import NewClient, client_from_new
from app.services.risk import ExtraCareRequired, NotConfirmed, Recorded, questionnaire
from app.services.workspace import KdfParams, Workspace
from app.vault.models import AuditEvent, Client, IdentityDocument, OutboxEntry, RiskAssessment

# Noon UTC: the same calendar day in every zone from UTC-11 to UTC+11, so these tests do
# not depend on the machine's zone (the zone itself is the subject of one test below).
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
TODAY = NOW.date()


# --- people --------------------------------------------------------------------------


def resident_id(birth: date, seq: int = 0) -> str:
    """A valid GB 11643 number (Beijing Xicheng) for ``birth``."""
    first17 = "110102" + birth.strftime("%Y%m%d") + f"{seq:03d}"
    return first17 + resident_id_check_char(first17)


def years_before(day: date, years: int) -> date:
    return rp.add_months(day, -12 * years)


def add_person(ws: Workspace, name: str, birth_date: date | None = None) -> ClientId:
    return ws.clients.add(NewClient(name=name, birth_date=birth_date))


def add_with_id_only(ws: Workspace, name: str, id_number: str) -> ClientId:
    """A client whose only age source is the resident ID (no birth date on the row)."""
    with ws.begin() as s:
        client = client_from_new(NewClient(name=name))
        s.add(client)
        s.flush()
        s.add(IdentityDocument(client_id=client.id, doc_type="resident_id", number=id_number))
        cid = ClientId(client.id)
    with ws.begin() as s:
        stored = s.get(Client, cid)
        assert stored is not None and stored.birth_date is None
    return cid


def flag_vulnerable(ws: Workspace, cid: ClientId) -> None:
    # ClientEdits.update cannot set ``vulnerable`` (not in EDITABLE): set it on the row.
    with ws.begin() as s:
        client = s.get(Client, cid)
        assert client is not None
        client.vulnerable = True


def saved_rows(ws: Workspace, cid: ClientId) -> list[RiskAssessment]:
    with ws.begin() as s:
        return list(s.scalars(select(RiskAssessment).where(RiskAssessment.client_id == cid)))


def client_row(ws: Workspace, cid: ClientId) -> Client:
    with ws.begin() as s:
        client = s.get(Client, cid)
        assert client is not None
        return client


def events(ws: Workspace, action: str) -> list[AuditEvent]:
    with ws.begin() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        )


Assessed = tuple[ClientId, Recorded]


@pytest.fixture
def form() -> qn.Questionnaire:
    return questionnaire()


@pytest.fixture
def record_c3(ws: Workspace, form: qn.Questionnaire) -> Callable[..., Assessed]:
    """Makes a client born 1980 and records a C3 assessment for them at NOW."""

    def make(name: str = "王建国") -> Assessed:
        cid = add_person(ws, name, date(1980, 5, 6))
        recorded = ws.risk.record(
            cid, answers_for_level(form, 3), place="branch", client_confirmed=True, now=NOW
        )
        return cid, recorded

    return make


# --- the answer helpers --------------------------------------------------------------


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_answers_for_level_hits_every_level(form: qn.Questionnaire, level: int) -> None:
    assert qn.score(form, answers_for_level(form, level)).level == level


def test_highest_answers_give_c5_and_lowest_safe_answers_c1(form: qn.Questionnaire) -> None:
    assert qn.score(form, highest(form)).level == 5
    low = qn.score(form, lowest_safe(form))
    assert (low.level, low.lowest_class) == (1, False)


# --- record and current --------------------------------------------------------------


def test_record_saves_and_makes_it_current(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国", date(1980, 5, 6))
    answers = answers_for_level(form, 3)
    expected = qn.score(form, answers)

    recorded = ws.risk.record(
        cid, answers, place="client_site", place_detail="客户家中", client_confirmed=True, now=NOW
    )

    assert recorded.changes.clients and recorded.changes.client_ids == {cid}
    current = ws.risk.current(cid, today=TODAY)
    assert current is not None
    assert (current.level, current.code, current.lowest_class) == (3, "C3", False)
    assert current.assessed_on == TODAY
    assert current.expires_on == date(2027, 3, 15)  # exactly 12 calendar months later
    assert current.max_loss_pct == expected.max_loss_pct
    assert current.name("zh") == "平衡型"

    (saved,) = ws.risk.history(cid)
    assert saved.id == recorded.assessment_id
    assert saved.answers == answers
    assert saved.scoring == expected
    assert (saved.place, saved.place_detail) == ("client_site", "客户家中")
    assert saved.assessed_at == NOW and saved.confirmed_at == NOW
    assert saved.assessed_by == ws.actor
    assert saved.changes == () and not saved.extra_care and saved.extra_care_note is None
    assert saved.document_number.startswith("RA-20260315-")
    assert ws.risk.assessment(recorded.assessment_id) == saved

    row = client_row(ws, cid)
    assert (row.risk_level, row.risk_lowest_class, row.risk_expires_on) == (
        3,
        False,
        date(2027, 3, 15),
    )


def test_validity_runs_to_the_day_before_expiry(
    ws: Workspace, record_c3: Callable[..., Assessed]
) -> None:
    cid, _ = record_c3()
    expiry = date(2027, 3, 15)

    def status(day: date) -> rp.Validity:
        current = ws.risk.current(cid, today=day)
        assert current is not None and current.expires_on == expiry
        return current.validity

    assert status(TODAY).status is rp.ValidityStatus.VALID
    assert status(expiry - timedelta(days=31)).status is rp.ValidityStatus.VALID
    assert status(expiry - timedelta(days=30)).status is rp.ValidityStatus.EXPIRING
    last_day = status(expiry - timedelta(days=1))
    assert last_day.usable and last_day.days_left == 1
    on_expiry = status(expiry)
    assert on_expiry.status is rp.ValidityStatus.EXPIRED and not on_expiry.usable
    assert on_expiry.days_left == 0


def test_expiry_clamps_to_the_end_of_a_short_month(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "闰日生")
    leap_day = datetime(2024, 2, 29, 12, 0, tzinfo=UTC)
    ws.risk.record(cid, lowest_safe(form), place="remote", client_confirmed=True, now=leap_day)
    current = ws.risk.current(cid, today=date(2024, 3, 1))
    assert current is not None and current.expires_on == date(2025, 2, 28)


def test_never_assessed_has_no_current_level(ws: Workspace) -> None:
    cid = add_person(ws, "新客户")
    assert ws.risk.current(cid, today=TODAY) is None
    assert ws.risk.history(cid) == []


def test_the_book_shows_and_filters_on_the_copied_level(
    ws: Workspace, record_c3: Callable[..., Assessed]
) -> None:
    cid, _ = record_c3()
    other = add_person(ws, "李娜")

    assert ws.book.rows([cid])[0].risk_level == "C3"
    assert ws.book.rows([other])[0].risk_level is None
    c3 = ws.book.ids(BookFilter(risk_levels=frozenset({"C3"})))
    assert cid in c3 and other not in c3
    assert ws.book.ids(BookFilter(risk_levels=frozenset({"C4"}))) == []
    unassessed = ws.book.ids(BookFilter(risk_levels=frozenset({"none"})))
    assert other in unassessed and cid not in unassessed


def test_the_client_profile_carries_the_current_level(
    ws: Workspace, record_c3: Callable[..., Assessed]
) -> None:
    cid, _ = record_c3()
    profile = ws.clients.show(str(cid), with_portfolio=False)
    assert profile.risk is not None and profile.risk.code == "C3"


# --- what is refused, and then nothing is saved --------------------------------------


def assert_nothing_saved(ws: Workspace, cid: ClientId) -> None:
    assert saved_rows(ws, cid) == []
    assert ws.risk.current(cid, today=TODAY) is None
    assert client_row(ws, cid).risk_level is None
    assert events(ws, "risk.assessed") == []


def test_unconfirmed_answers_are_not_saved(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国")
    with pytest.raises(NotConfirmed, match="not confirmed"):
        ws.risk.record(cid, highest(form), place="branch", client_confirmed=False, now=NOW)
    assert_nothing_saved(ws, cid)


def test_an_unknown_place_is_rejected(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国")
    with pytest.raises(ValidationError, match="Unknown place 'cafe'"):
        ws.risk.record(cid, highest(form), place="cafe", client_confirmed=True, now=NOW)
    assert_nothing_saved(ws, cid)


def test_a_missing_answer_raises_and_saves_nothing(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国")
    answers = highest(form)
    del answers["loss_tolerance"]
    with pytest.raises(qn.QuestionnaireError, match="loss_tolerance"):
        ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW)
    assert_nothing_saved(ws, cid)


def test_an_unknown_choice_raises_and_saves_nothing(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国")
    answers = {**highest(form), "horizon": "z"}
    with pytest.raises(qn.QuestionnaireError, match="no choice 'z'"):
        ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW)
    assert_nothing_saved(ws, cid)


def test_an_unknown_client_is_rejected(ws: Workspace, form: qn.Questionnaire) -> None:
    stranger = add_person(ws, "路人")
    with ws.begin() as s:
        client = s.get(Client, stranger)
        assert client is not None
        client.deleted_at = NOW
    with pytest.raises(ValidationError, match="not in this vault"):
        ws.risk.record(stranger, highest(form), place="branch", client_confirmed=True, now=NOW)


# --- extra care ----------------------------------------------------------------------


def _elderly_by_birth_date(ws: Workspace) -> ClientId:
    return add_person(ws, "张老先生", years_before(TODAY, 65))


def _elderly_by_id_number(ws: Workspace) -> ClientId:
    return add_with_id_only(ws, "李老太太", resident_id(years_before(TODAY, 70)))


def _vulnerable(ws: Workspace) -> ClientId:
    cid = add_person(ws, "赵女士", date(1990, 1, 1))
    flag_vulnerable(ws, cid)
    return cid


@pytest.mark.parametrize(
    ("make", "note_says"),
    [
        (_elderly_by_birth_date, "65周岁"),
        (_elderly_by_id_number, "70周岁"),
        (_vulnerable, "需特别关注"),
    ],
    ids=["65-by-birth-date", "70-by-id-number", "vulnerable"],
)
def test_extra_care_must_be_confirmed(
    ws: Workspace,
    form: qn.Questionnaire,
    make: Callable[[Workspace], ClientId],
    note_says: str,
) -> None:
    cid = make(ws)
    care = ws.risk.care(cid, today=TODAY)
    assert care.extra_care and care.extra_care_note_zh and note_says in care.extra_care_note_zh
    answers = lowest_safe(form)

    with pytest.raises(ExtraCareRequired):
        ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW)
    assert_nothing_saved(ws, cid)

    recorded = ws.risk.record(
        cid, answers, place="branch", client_confirmed=True, extra_care_confirmed=True, now=NOW
    )
    saved = ws.risk.assessment(recorded.assessment_id)
    assert saved.extra_care
    assert saved.extra_care_note is not None and note_says in saved.extra_care_note
    (row,) = saved_rows(ws, cid)
    assert row.extra_care_confirmed_at == NOW


def test_a_64_year_old_needs_no_extra_care(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "周先生", years_before(TODAY, 65) + timedelta(days=1))
    care = ws.risk.care(cid, today=TODAY)
    assert care.age == 64 and not care.extra_care and care.extra_care_note_zh is None
    recorded = ws.risk.record(
        cid, lowest_safe(form), place="branch", client_confirmed=True, now=NOW
    )
    saved = ws.risk.assessment(recorded.assessment_id)
    assert not saved.extra_care and saved.extra_care_note is None
    (row,) = saved_rows(ws, cid)
    assert row.extra_care_confirmed_at is None


def test_without_a_birth_date_the_age_comes_from_the_id_number(ws: Workspace) -> None:
    cid = add_with_id_only(ws, "孙先生", resident_id(years_before(TODAY, 66)))
    assert ws.risk.care(cid, today=TODAY).age == 66


# --- re-assessment -------------------------------------------------------------------


def test_a_second_assessment_records_what_changed(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国", date(1980, 5, 6))
    first_answers = answers_for_level(form, 3)
    first_id = ws.risk.record(
        cid, first_answers, place="branch", client_confirmed=True, now=NOW
    ).assessment_id
    first_before = ws.risk.assessment(first_id)

    second_answers = dict(first_answers)
    changed_keys = ["horizon", "risk_preference"]
    for key in changed_keys:
        question = form.question(key)
        second_answers[key] = next(
            c.key for c in safe_choices(question) if c.key != first_answers[key]
        )
    later = NOW + timedelta(days=40)
    second_id = ws.risk.record(
        cid, second_answers, place="remote", client_confirmed=True, now=later
    ).assessment_id

    newest, oldest = ws.risk.history(cid)
    assert (newest.id, oldest.id) == (second_id, first_id)
    assert {(c.question, c.old, c.new) for c in newest.changes} == {
        (key, first_answers[key], second_answers[key]) for key in changed_keys
    }
    assert len(newest.changes) == len(changed_keys)
    assert oldest == first_before  # the first is untouched
    assert oldest.changes == ()

    expected = qn.score(form, second_answers)
    current = ws.risk.current(cid, today=later.date())
    assert current is not None and current.level == expected.level
    assert current.assessed_on == later.date()
    assert current.expires_on == rp.add_months(later.date(), 12)
    row = client_row(ws, cid)
    assert (row.risk_level, row.risk_expires_on) == (expected.level, current.expires_on)
    with ws.begin() as s:
        second_row = s.get(RiskAssessment, second_id)
        assert second_row is not None and second_row.previous_id == first_id


def test_the_same_answers_again_record_no_changes(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国")
    answers = answers_for_level(form, 2)
    ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW)
    ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW + timedelta(days=1))
    newest, _ = ws.risk.history(cid)
    assert newest.changes == ()


def test_there_is_no_way_to_edit_an_assessment(ws: Workspace) -> None:
    public = {name for name in dir(ws.risk) if not name.startswith("_")}
    assert not {n for n in public if n.startswith(("update", "edit", "delete", "amend"))}


# --- knockouts and liquidity ---------------------------------------------------------


def test_a_knockout_answer_gives_the_lowest_class(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国", date(1980, 5, 6))
    loss = form.question("loss_tolerance")
    answers = {**highest(form), "loss_tolerance": knockout_choice(loss).key}

    recorded = ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW)

    saved = ws.risk.assessment(recorded.assessment_id)
    assert saved.scoring.level == 1 and saved.scoring.lowest_class
    assert saved.scoring.knockouts == ("loss_tolerance",)
    assert saved.scoring.willingness_level > 1  # the scores alone would say more
    current = ws.risk.current(cid, today=TODAY)
    assert current is not None and (current.level, current.lowest_class) == (1, True)
    assert current.max_loss_pct == 0
    assert "最低类别" in current.name("zh")
    row = client_row(ws, cid)
    assert (row.risk_level, row.risk_lowest_class) == (1, True)


@pytest.mark.parametrize("choice", ["a", "b", "c", "d"])
def test_liquidity_need_comes_from_the_liquidity_answer(
    ws: Workspace, form: qn.Questionnaire, choice: str
) -> None:
    cid = add_person(ws, f"客户{choice}", date(1980, 5, 6))
    answers = {**highest(form), "liquidity": choice}
    ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW)
    stated = form.question("liquidity").choice(choice).liquidity_need_days
    (row,) = saved_rows(ws, cid)
    assert row.liquidity_need_days == stated
    assert ws.suitability.facts(cid, today=TODAY).liquidity_need_days == stated
    if choice == "a":  # the knockout choice
        assert (row.level, row.lowest_class) == (1, True)


def test_the_shortest_liquidity_need_wins(ws: Workspace, form: qn.Questionnaire) -> None:
    cid = add_person(ws, "王建国", date(1980, 5, 6))
    answers = {**highest(form), "liquidity": "b", "horizon": "a"}
    needs = [
        need
        for key, choice in answers.items()
        if (need := form.question(key).choice(choice).liquidity_need_days) is not None
    ]
    assert len(set(needs)) == 2  # two different needs: the shorter one counts
    ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=NOW)
    (row,) = saved_rows(ws, cid)
    assert row.liquidity_need_days == min(needs)


# --- audit and outbox ----------------------------------------------------------------


def test_recording_is_audited_and_queued_for_sync(
    ws: Workspace, record_c3: Callable[..., Assessed]
) -> None:
    cid, recorded = record_c3(name="欧阳明远")

    (event,) = events(ws, "risk.assessed")
    assert event.subject == str(cid)
    assert event.actor == ws.actor
    details = json.loads(event.details)
    assert details == {
        "assessment": str(recorded.assessment_id),
        "level": "C3",
        "place": "branch",
    }
    assert "欧阳明远" not in event.details

    with ws.begin() as s:
        entries = list(
            s.scalars(
                select(OutboxEntry).where(
                    OutboxEntry.table_name == "risk_assessments",
                    OutboxEntry.row_id == str(recorded.assessment_id),
                )
            )
        )
    assert len(entries) == 1
    assert entries[0].state == "pending" and entries[0].op == "create"
    payload = json.loads(entries[0].payload)
    assert (payload["level"], payload["client_id"]) == (3, str(cid))


# --- the document --------------------------------------------------------------------

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed"
)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "extract.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return "".join(out.stdout.decode("utf-8").split())  # CJK may be split by spaces


ID_NUMBER = resident_id(date(1975, 8, 20), 123)


@pytest.fixture
def assessed(ws: Workspace, form: qn.Questionnaire) -> Assessed:
    cid = ws.clients.add(NewClient(name="王建国", id_number=ID_NUMBER))
    recorded = ws.risk.record(
        cid, answers_for_level(form, 3), place="branch", client_confirmed=True, now=NOW
    )
    return cid, recorded


def test_the_document_is_a_pdf(ws: Workspace, assessed: Assessed) -> None:
    _, recorded = assessed
    assert ws.risk.document(recorded.assessment_id).startswith(b"%PDF")
    assert ws.risk.document(recorded.assessment_id, lang="en").startswith(b"%PDF")


@needs_pdftotext
def test_the_document_shows_the_level_and_date_but_not_the_id(
    ws: Workspace,
    assessed: Assessed,
    tmp_path: Path,
) -> None:
    _, recorded = assessed
    record = ws.risk.assessment(recorded.assessment_id)
    text = pdf_text(ws.risk.document(recorded.assessment_id), tmp_path)

    assert "风险承受能力评估结果确认书" in text
    assert "C3" in text
    day = record.assessed_at.date()
    assert f"{day.year}年{day.month}月{day.day}日" in text
    assert record.document_number in text
    assert ID_NUMBER not in text
    assert ID_NUMBER[:6] in text and ID_NUMBER[-4:] in text  # shown masked


@needs_pdftotext
def test_the_english_document_hides_the_id_too(
    ws: Workspace,
    assessed: Assessed,
    tmp_path: Path,
) -> None:
    _, recorded = assessed
    text = pdf_text(ws.risk.document(recorded.assessment_id, lang="en"), tmp_path)
    assert "C3" in text and ID_NUMBER not in text


def test_export_writes_the_file_and_audits_it(
    ws: Workspace, assessed: Assessed, tmp_path: Path
) -> None:
    cid, recorded = assessed
    target = tmp_path / "a.pdf"

    assert ws.risk.export_document(recorded.assessment_id, target) == target

    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    (event,) = events(ws, "risk.document_exported")
    assert event.subject == str(cid)
    details = json.loads(event.details)
    assert details == {
        "assessment": str(recorded.assessment_id),
        "file": "a.pdf",
        "bytes": len(data),
    }
    assert list(tmp_path.glob(".*.partial")) == []


def test_export_into_a_missing_folder_fails_cleanly(
    ws: Workspace, assessed: Assessed, tmp_path: Path
) -> None:
    _, recorded = assessed
    target = tmp_path / "no-such-folder" / "a.pdf"

    with pytest.raises(ConfidantError, match="Could not write") as err:
        ws.risk.export_document(recorded.assessment_id, target)

    assert str(target) in str(err.value) and "nothing was written" in str(err.value)
    assert not target.parent.exists()
    assert [p for p in tmp_path.rglob("*") if p.name.endswith(".partial")] == []
    assert events(ws, "risk.document_exported") == []


def test_an_unknown_assessment_has_no_document(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="not in this vault"):
        ws.risk.document(uuid.uuid4())


# --- nothing in plaintext on disk ----------------------------------------------------

SECRET_NAME = "欧阳明远"
PASSPHRASE = "test passphrase 123"


def plaintext_hits(folder: Path, marker: str) -> list[str]:
    needles = [marker.encode(e) for e in ("utf-8", "utf-16-le", "gb18030")]
    return [
        str(path)
        for path in folder.rglob("*")
        if path.is_file() and any(n in path.read_bytes() for n in needles)
    ]


def test_scan_finds_plaintext(tmp_path: Path) -> None:
    (tmp_path / "plain.db-wal").write_bytes(f"x{SECRET_NAME}y".encode())
    assert plaintext_hits(tmp_path, SECRET_NAME)


def test_an_assessment_leaves_no_plaintext_name_on_disk(
    vault_dir: Path, kdf: KdfParams, state_dir: Path, form: qn.Questionnaire
) -> None:
    ws = Workspace.create(vault_dir, PASSPHRASE, kdf)
    try:
        cid = ws.clients.add(NewClient(name=SECRET_NAME, id_number=ID_NUMBER))
        recorded = ws.risk.record(
            cid,
            {**highest(form), "loss_tolerance": "a"},
            place="client_site",
            place_detail=f"{SECRET_NAME}家中",
            client_confirmed=True,
            now=NOW,
        )
        assert ws.risk.assessment(recorded.assessment_id).client_name == SECRET_NAME
        assert (vault_dir / "vault.db-wal").exists()  # the fresh pages are in the WAL
        assert plaintext_hits(vault_dir, SECRET_NAME) == []
        assert plaintext_hits(vault_dir, ID_NUMBER) == []
    finally:
        ws.close()
    assert plaintext_hits(vault_dir, SECRET_NAME) == []
    reopened = Workspace.open(vault_dir, PASSPHRASE, state_dir)
    try:
        (saved,) = reopened.risk.history(cid)  # the data is really there
        assert saved.client_name == SECRET_NAME
    finally:
        reopened.close()
    assert plaintext_hits(vault_dir, SECRET_NAME) == []


# --- the banker's calendar day -------------------------------------------------------


@pytest.fixture
def in_shanghai() -> Iterator[None]:
    """The process's local zone set to Asia/Shanghai (UTC+8, no daylight saving)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_the_assessed_day_is_the_bankers_local_day(
    ws: Workspace, form: qn.Questionnaire, in_shanghai: None, tmp_path: Path
) -> None:
    cid = add_person(ws, "王建国", date(1980, 5, 6))
    morning = datetime(2026, 3, 15, 23, 30, tzinfo=UTC)  # 2026-03-16 07:30 in Shanghai
    assert morning.astimezone().date() == date(2026, 3, 16)
    recorded = ws.risk.record(
        cid, answers_for_level(form, 3), place="branch", client_confirmed=True, now=morning
    )
    current = ws.risk.current(cid, today=date(2026, 3, 16))
    assert current is not None
    assert current.assessed_on == date(2026, 3, 16)
    assert current.expires_on == date(2027, 3, 16)
    if shutil.which("pdftotext"):
        text = pdf_text(ws.risk.document(recorded.assessment_id), tmp_path)
        assert "2026年3月16日07:30" in text


def test_an_assessment_cannot_be_dated_before_the_newest_one(
    ws: Workspace, form: qn.Questionnaire, record_c3: Callable[..., Assessed]
) -> None:
    cid, _ = record_c3()
    with pytest.raises(ValidationError, match="before the client's newest"):
        ws.risk.record(
            cid, highest(form), place="branch", client_confirmed=True, now=NOW - timedelta(days=1)
        )
    current = ws.risk.current(cid, today=NOW.date())
    assert current is not None and current.level == 3 and len(ws.risk.history(cid)) == 1


def test_only_a_person_is_assessed(ws: Workspace, form: qn.Questionnaire) -> None:
    household = ws.clients.add(NewClient(name="王建国家庭"))
    with ws.begin() as s:
        s.get(Client, household).kind = "household"  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="assess each member"):
        ws.risk.record(household, highest(form), place="branch", client_confirmed=True, now=NOW)
    assert ws.risk.history(household) == []


def test_the_vulnerable_flag_is_set_with_a_reason_and_audited(ws: Workspace) -> None:
    cid = add_person(ws, "赵可心", date(1985, 1, 1))
    assert not ws.risk.care(cid).extra_care
    changes = ws.edits.set_vulnerable(cid, True, reason="recent bereavement")
    assert changes.clients and ws.risk.care(cid).extra_care
    assert ws.edits.set_vulnerable(cid, True).any is False  # no change, no event
    with ws.begin() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "client.vulnerable_flag")
        ).all()
    assert len(events) == 1 and json.loads(events[0].details)["reason"] == "recent bereavement"
