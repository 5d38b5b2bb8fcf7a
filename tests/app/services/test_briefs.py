"""The meeting brief from a vault: the client's own figures, the last three notes (a
confidential one without its body), open tasks, talking points from rules, the export
written whole and audited, and ``confidant brief`` on top of it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

import app.cli
from app.cli_brief import _brief_opts, cmd_brief
from app.cli_commands import COMMANDS, Command
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.domain.masking import mask_id_number, mask_mobile
from app.domain.money import Money
from app.reports.brief import page_count
from app.reports.page import format_date
from app.services.banker import BankerDetails
from app.services.briefs import agenda_items, plain_text
from app.services.demo import build_demo_book
from app.services.workspace import KdfParams, Workspace
from app.vault.models import (
    Account,
    AuditEvent,
    CareDate,
    Client,
    Holding,
    IdentityDocument,
    Instrument,
    Meeting,
    Note,
    RiskAssessment,
    Task,
    Transaction,
)

PASSPHRASE = "test passphrase 123"
CHEAP_KDF = KdfParams(memory_kib=8 * 1024, passes=1, lanes=1)
TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 1, 30, tzinfo=UTC)
SECRET_BODY = "客户透露家族内部股权纠纷，需严格保密。"
SECRET_TITLE = "股权纠纷私密事项"
BRIEF = Command(("brief",), "the meeting brief as a PDF", cmd_brief, _brief_opts)

POPPLER = ("pdftotext", "pdffonts", "pdfinfo")
needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed",
)


@dataclass(frozen=True)
class Book:
    """The template vault: a demo book plus one client made ready for a meeting."""

    folder: Path
    client_id: ClientId
    name: str
    other_id: ClientId
    meeting_id: uuid.UUID
    other_meeting_id: uuid.UUID


def _richest_with_notes(ws: Workspace) -> tuple[ClientId, str, ClientId]:
    with ws.begin() as s:
        notes = (
            select(func.count())
            .select_from(Note)
            .where(Note.client_id == Client.id)
            .scalar_subquery()
        )
        rows = s.execute(
            select(Client.id, Client.name)
            .where(Client.kind == "person", notes >= 3)
            .order_by(Client.financial_assets_cny.desc())
        ).all()
    return ClientId(rows[0][0]), rows[0][1], ClientId(rows[1][0])


def _prepare(ws: Workspace, client_id: ClientId, other_id: ClientId) -> tuple[uuid.UUID, uuid.UUID]:
    """A confidential newest note, tasks, a meeting, a care date, a birthday in a week and
    a large redemption this month, for the client; a meeting for someone else."""
    with ws.begin() as s:
        client = s.get(Client, client_id)
        assert client is not None
        client.birth_date = date(1962, 12, 6)
        client.lunar_birth_month = client.lunar_birth_day = None
        newest = s.scalars(
            select(RiskAssessment)
            .where(RiskAssessment.client_id == client_id)
            .order_by(RiskAssessment.assessed_at.desc())
        ).first()
        assert newest is not None
        newest.expires_on = client.risk_expires_on = TODAY + timedelta(days=200)
        # The demo's own tasks and dates for this client make way for the test's.
        for row in s.scalars(select(Task).where(Task.client_id == client_id)):
            row.deleted_at = datetime(2026, 11, 1, tzinfo=UTC)
        for care in s.scalars(select(CareDate).where(CareDate.client_id == client_id)):
            care.deleted_at = datetime(2026, 11, 1, tzinfo=UTC)
        s.add(
            Note(
                client_id=client_id,
                written_at=datetime(2026, 11, 28, 6, 0, tzinfo=UTC),
                title=SECRET_TITLE,
                body=SECRET_BODY,
                confidential=True,
            )
        )
        for title, due, status in (
            ("寄送家族信托方案书", TODAY - timedelta(days=5), "open"),
            ("预约税务顾问面谈", TODAY + timedelta(days=7), "open"),
            ("已寄出的产品说明书", TODAY - timedelta(days=9), "done"),
        ):
            s.add(Task(client_id=client_id, title=title, owner="李明", due_on=due, status=status))
        meeting = Meeting(
            client_id=client_id,
            title="年度资产检视",
            starts_at=datetime(2026, 12, 1, 2, 0, tzinfo=UTC),
            ends_at=datetime(2026, 12, 1, 3, 0, tzinfo=UTC),
            channel="client_office",
            location="浦东新区世纪大道88号",
            agenda="# 议程\n- 回顾今年收益\n- **到期资金**再投资",
        )
        other = Meeting(
            client_id=other_id,
            title="别人的会谈",
            starts_at=datetime(2026, 12, 2, 2, 0, tzinfo=UTC),
            ends_at=datetime(2026, 12, 2, 3, 0, tzinfo=UTC),
            channel="phone",
        )
        s.add_all([meeting, other])
        s.add(
            CareDate(
                client_id=client_id, kind="anniversary", label="结婚纪念日", on=date(1990, 12, 10)
            )
        )
        account, instrument = s.execute(
            select(Account.id, Holding.instrument_id)
            .join(Holding, Holding.account_id == Account.id)
            .where(Account.client_id == client_id, Account.currency == "CNY")
            .limit(1)
        ).one()
        s.add(
            Transaction(
                account_id=account,
                instrument_id=instrument,
                kind="redemption",
                trade_date=TODAY - timedelta(days=3),
                quantity=Decimal(1),
                price=Decimal(1),
                amount=Decimal("8765432.10"),
                currency="CNY",
            )
        )
        s.flush()
        return meeting.id, other.id


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Book:
    folder = tmp_path_factory.mktemp("brief") / "vault"
    with Workspace.create(folder, PASSPHRASE, CHEAP_KDF, actor="李明") as ws:
        build_demo_book(ws, clients=20, seed=3, today=TODAY)
        client_id, name, other_id = _richest_with_notes(ws)
        meeting_id, other_meeting_id = _prepare(ws, client_id, other_id)
    return Book(folder, client_id, name, other_id, meeting_id, other_meeting_id)


@pytest.fixture
def book(template: Book, tmp_path: Path) -> Book:
    folder = tmp_path / "vault"
    shutil.copytree(template.folder, folder)
    return Book(
        folder,
        template.client_id,
        template.name,
        template.other_id,
        template.meeting_id,
        template.other_meeting_id,
    )


@pytest.fixture
def vault(book: Book, tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(book.folder, PASSPHRASE, tmp_path / "state", actor="李明") as ws:
        yield ws


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _pdf_text(path: Path) -> str:
    return _run("pdftotext", "-layout", path, "-")


def _pages(path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", path), re.MULTILINE)
    assert match
    return int(match.group(1))


def _identifiers(ws: Workspace, client_id: ClientId) -> tuple[str, str]:
    with ws.begin() as s:
        client = s.get(Client, client_id)
        assert client is not None and client.mobile
        number = s.scalar(
            select(IdentityDocument.number).where(IdentityDocument.client_id == client_id)
        )
        assert number
        return number, client.mobile


def _last_three_titles(ws: Workspace, client_id: ClientId) -> list[str]:
    with ws.begin() as s:
        rows = s.execute(
            select(Note.title, Note.confidential)
            .where(Note.client_id == client_id)
            .order_by(Note.written_at.desc())
            .limit(3)
        ).all()
    return ["机密笔记" if confidential else title for title, confidential in rows]


# --- the document --------------------------------------------------------------------


def test_document_gathers_the_clients_facts(vault: Workspace, book: Book) -> None:
    doc = vault.briefs.document(book.client_id, "zh", book.meeting_id, TODAY, now=NOW)
    summary = vault.portfolio.summary(book.client_id)
    risk = vault.risk.current(book.client_id, TODAY)
    id_number, mobile = _identifiers(vault, book.client_id)
    assert risk is not None
    assert doc.client_name == book.name
    assert doc.client_masked_id == mask_id_number(id_number) != id_number
    assert doc.client_masked_mobile == mask_mobile(mobile) != mobile
    assert doc.total_assets_cny == summary.total_cny > 0
    assert doc.at_bank_cny == summary.at_bank_cny
    assert sum(value for _, value in doc.by_asset_class) == sum(summary.by_asset_class.values())
    assert doc.risk_level_code == risk.code
    assert doc.risk_expires_on == risk.expires_on
    assert doc.banker == "李明"  # no name set: the system's user
    assert doc.age == 63
    assert [n.title for n in doc.notes] == _last_three_titles(vault, book.client_id)
    secret = doc.notes[0]
    assert secret.confidential and secret.title == "机密笔记" and secret.body_plain == ""
    assert [t.title for t in doc.tasks] == ["寄送家族信托方案书", "预约税务顾问面谈"]
    assert [t.overdue for t in doc.tasks] == [True, False]
    assert doc.meeting is not None and doc.meeting.channel == "客户办公室"
    assert doc.meeting.agenda == "回顾今年收益\n到期资金再投资"
    assert doc.care_lines == ("12月6日生日（64岁）", "12月10日结婚纪念日")
    assert doc.large_transactions[0].amount_cny == Decimal("8765432.10")
    assert doc.large_transactions[0].kind == "赎回"
    assert doc.document_number.startswith("MB-20261129-")


def test_talking_points_follow_the_rules(vault: Workspace, book: Book) -> None:
    points = vault.briefs.document(book.client_id, "en", today=TODAY, now=NOW).talking_points
    text = "\n".join(points)
    assert (
        f"Follow up: 寄送家族信托方案书 (due {format_date(TODAY - timedelta(days=5), 'en')})"
        in text
    )
    assert "Reinvestment of ¥8,765,432.10 from" in text
    assert "Birthday on 6 Dec (turns 64): send greetings" in text
    assert "结婚纪念日 on 10 Dec: send greetings" in text
    assert "预约税务顾问面谈" not in text  # not overdue yet
    assert "Reassess" not in text  # the demo assessment is valid for months


def test_expiring_and_expired_assessments_are_raised(vault: Workspace, book: Book) -> None:
    with vault.begin() as s:
        newest = s.scalars(
            select(RiskAssessment)
            .where(RiskAssessment.client_id == book.client_id)
            .order_by(RiskAssessment.assessed_at.desc())
        ).first()
        assert newest is not None
        newest.expires_on = TODAY + timedelta(days=12)
    doc = vault.briefs.document(book.client_id, "en", today=TODAY, now=NOW)
    assert doc.risk_status == "expiring"
    assert doc.talking_points[0] == "Reassess risk tolerance (expires 11 Dec 2026)"
    assert doc.risk_status_text == "Expires in 12 days: reassess"

    expired = vault.briefs.document(book.client_id, "zh", today=TODAY + timedelta(days=20))
    assert expired.risk_status == "expired"
    assert expired.talking_points[0].startswith("风险承受能力评估已于2026年12月11日过期")


def test_concentration_above_thirty_percent_is_raised(vault: Workspace, book: Book) -> None:
    summary = vault.portfolio.summary(book.client_id)
    largest = max(summary.holdings, key=lambda h: h.market_value_cny)
    with vault.begin() as s:  # the largest holding ten times over
        holding = s.scalars(
            select(Holding)
            .join(Instrument, Instrument.id == Holding.instrument_id)
            .join(Account, Account.id == Holding.account_id)
            .where(Instrument.code == largest.code, Account.client_id == book.client_id)
        ).first()
        assert holding is not None
        holding.quantity *= 10
    doc = vault.briefs.document(book.client_id, "en", today=TODAY, now=NOW)
    assert any(
        p.startswith(f"Discuss concentration in {largest.name} (") for p in doc.talking_points
    )


def test_without_large_transactions_the_five_largest_are_shown(
    vault: Workspace, book: Book
) -> None:
    doc = vault.briefs.document(book.other_id, "zh", today=TODAY, now=NOW)
    amounts = [t.amount_cny for t in doc.large_transactions]
    assert len(amounts) <= 5
    if all(a < 1_000_000 for a in amounts):
        with vault.begin() as s:
            count = s.scalar(
                select(func.count())
                .select_from(Transaction)
                .join(Account, Account.id == Transaction.account_id)
                .where(
                    Account.client_id == book.other_id,
                    Transaction.trade_date > TODAY - timedelta(days=90),
                )
            )
        assert len(amounts) == min(5, count or 0)


def test_wrong_requests_are_refused(vault: Workspace, book: Book) -> None:
    with pytest.raises(NotFound, match="not one of this client's"):
        vault.briefs.document(book.client_id, "zh", book.other_meeting_id)
    with pytest.raises(NotFound, match="not in this vault"):
        vault.briefs.document(ClientId(uuid.uuid4()))
    with pytest.raises(ValidationError, match="zh or en"):
        vault.briefs.document(book.client_id, "fr")


def test_markup_is_stripped() -> None:
    assert (
        plain_text("# 标题\n- 第一项\n1. 第二项\n**重点**内容") == "标题 第一项 1. 第二项 重点内容"
    )
    assert agenda_items("# Agenda\n- Review\n\n- **Reinvest** maturities") == (
        "Review\nReinvest maturities"
    )


# --- the PDF -------------------------------------------------------------------------


@needs_poppler
def test_pdf_shows_the_clients_figures(vault: Workspace, book: Book, tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(
        vault.briefs.render(book.client_id, "zh", book.meeting_id, today=TODAY, now=NOW)
    )
    text = _pdf_text(path)
    summary = vault.portfolio.summary(book.client_id)
    risk = vault.risk.current(book.client_id, TODAY)
    assert risk is not None
    id_number, mobile = _identifiers(vault, book.client_id)
    assert book.name in text
    assert Money(summary.total_cny).format() in text
    assert risk.code in text
    assert format_date(risk.expires_on, "zh") in text
    for title in _last_three_titles(vault, book.client_id):
        assert title in text, title
    assert "寄送家族信托方案书" in text
    assert "年度资产检视" in text
    assert mask_id_number(id_number) in text and mask_mobile(mobile) in text
    assert id_number not in text and mobile not in text
    assert mobile.removeprefix("+86") not in text
    assert SECRET_BODY[:8] not in text and SECRET_TITLE not in text
    assert "已寄出的产品说明书" not in text  # done
    assert _pages(path) <= 2


@needs_poppler
def test_pdf_fonts_are_embedded_subsets(vault: Workspace, book: Book, tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(vault.briefs.render(book.client_id, "en", today=TODAY, now=NOW))
    output = _run("pdffonts", path)
    rows = [line.split() for line in output.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert re.match(r"^[A-Z]{6}\+", row[0]), output
        assert (row[-5], row[-4]) == ("yes", "yes"), output


def test_same_inputs_give_the_same_bytes(vault: Workspace, book: Book) -> None:
    first = vault.briefs.render(book.client_id, "zh", book.meeting_id, today=TODAY, now=NOW)
    again = vault.briefs.render(book.client_id, "zh", book.meeting_id, today=TODAY, now=NOW)
    assert first == again
    later = vault.briefs.render(book.client_id, "zh", book.meeting_id, today=TODAY)
    assert later != first  # another moment, another document number


def test_a_household_is_not_asked_for_an_assessment(vault: Workspace) -> None:
    with vault.begin() as s:
        found = s.scalars(select(Client.id).where(Client.kind == "household")).first()
        assert found is not None
        household = ClientId(found)
    doc = vault.briefs.document(household, "en", today=TODAY, now=NOW)
    assert doc.risk_level_code is None
    assert doc.risk_status == "not_applicable"
    assert doc.risk_status_text == "Each member is assessed on their own"
    assert not any("assess" in p for p in doc.talking_points)
    assert doc.total_assets_cny == vault.portfolio.summary(household).total_cny > 0


def test_every_client_in_the_book_fits_two_pages(vault: Workspace) -> None:
    with vault.begin() as s:
        clients = [ClientId(i) for i in s.scalars(select(Client.id).order_by(Client.name))]
    assert len(clients) > 20  # people, households and more
    for n, client_id in enumerate(clients):
        pdf = vault.briefs.render(client_id, "zh" if n % 2 else "en", today=TODAY, now=NOW)
        assert 1 <= page_count(pdf) <= 2


# --- the export ----------------------------------------------------------------------


def _exports(ws: Workspace) -> list[AuditEvent]:
    with ws.begin() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == "brief.exported")))


def test_export_writes_the_file_and_audits_it(vault: Workspace, book: Book, tmp_path: Path) -> None:
    out = tmp_path / "会谈简报.pdf"
    assert vault.briefs.export(book.client_id, out, "zh", book.meeting_id, today=TODAY) == out
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert not list(tmp_path.glob(".*partial"))
    (event,) = _exports(vault)
    assert event.subject == str(book.client_id)
    details = json.loads(event.details)
    assert details["file"] == out.name
    assert details["bytes"] == len(data)
    assert details["meeting"] == str(book.meeting_id)
    assert details["document_number"].startswith("MB-")
    assert len(details["sha256"]) == 64
    assert book.name not in event.details


def test_export_to_a_missing_folder_writes_nothing(
    vault: Workspace, book: Book, tmp_path: Path
) -> None:
    out = tmp_path / "no-such-folder" / "brief.pdf"
    with pytest.raises(ValidationError, match="Could not write") as caught:
        vault.briefs.export(book.client_id, out, "zh", today=TODAY)
    assert "nothing was written" in str(caught.value)
    assert not out.parent.exists()
    assert not list(tmp_path.rglob("*.partial"))
    assert _exports(vault) == []


# --- confidant brief ------------------------------------------------------------------


@pytest.fixture
def cli(book: Book, monkeypatch: pytest.MonkeyPatch) -> Book:
    """``confidant brief`` registered (if it is not yet) over the copied vault."""
    if not any(c.words == ("brief",) for c in COMMANDS):
        monkeypatch.setattr(app.cli, "COMMANDS", (*COMMANDS, BRIEF))
    monkeypatch.setenv("CONFIDANT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CONFIDANT_VAULT", str(book.folder))
    return book


def test_the_brief_names_the_banker_as_set(vault: Workspace, book: Book) -> None:
    vault.banker.set(BankerDetails(name="李明远"))
    doc = vault.briefs.document(book.client_id, "zh", book.meeting_id, TODAY, now=NOW)
    assert doc.banker == "李明远"


def test_cli_writes_the_brief(
    cli: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.pdf"
    assert app.cli.main(["brief", cli.name, "--out", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["file"] == str(out) and result["lang"] == "zh"
    assert result["client"] == str(cli.client_id)
    assert 1 <= result["pages"] <= 2
    assert out.read_bytes().startswith(b"%PDF")

    assert app.cli.main(["brief", cli.name, "--out", str(out), "--lang", "en"]) == 1
    assert "already exists; choose another name or pass --force" in capsys.readouterr().err
    assert (
        app.cli.main(["brief", str(cli.client_id), "--out", str(out), "--lang", "en", "--force"])
        == 0
    )
    assert "meeting brief for" in capsys.readouterr().out


def test_cli_errors_are_one_sentence(
    cli: Book, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "brief.pdf"
    assert app.cli.main(["brief", cli.name, "--out", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "does not exist; create it or choose another --out path" in err
    assert "Traceback" not in err
    assert app.cli.main(["brief", "没有这个人", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "No client is called" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.skipif(
    not any(c.words == ("brief",) for c in COMMANDS), reason="`brief` is not registered yet"
)
def test_registered_command_runs_in_a_subprocess(cli: Book, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "brief", cli.name, "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[3],
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
