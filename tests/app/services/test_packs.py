"""Advice packs against a real vault: built from the client's current plan (or the model of
their level), stored under the client's Documents with the SHA-256 of the exact bytes,
refused for an unassessed client or a product that no longer passes the suitability gate
(nothing stored), locked by a password, and the same text for the same vault."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from risk_answers import answers_for_level
from sqlalchemy import select

from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.reports.brief import format_cny, page_count
from app.services.banker import BankerDetails
from app.services.changes import Changes
from app.services.clients import NewClient
from app.services.packs import PackService, render_pack
from app.services.plans import GoalFields, NotSuitable
from app.services.risk import questionnaire
from app.services.workspace import Workspace
from app.vault.models import Account, AuditEvent, Holding, Instrument, Price

D = Decimal
TODAY = date.today()
YEAR = TODAY.year
PRICE_DAY = TODAY - timedelta(days=2)
HEADLINE_ZH = "理财非存款、产品有风险、投资须谨慎"
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


# --- a small bank -----------------------------------------------------------------------


@dataclass(frozen=True)
class Product:
    code: str
    type: str
    asset_class: str
    rating: int
    terms: Mapping[str, object] = field(default_factory=dict)


# WMP2 records its terms (the figures the pack must show); DEP1 and FUND3 record none.
WMP2_TERMS: Mapping[str, object] = {
    "min_investment_cny": D("10000.00"),
    "dealing": "daily",
    "benchmark": "年化2.90%–3.40%",
    "subscription_fee_pct": D(0),
    "redemption_fee_pct": D(0),
    "management_fee_pct": D("0.35"),
    "custody_fee_pct": D("0.025"),
    "sales_service_fee_pct": D("0.3"),
    "performance_fee_pct": D("60"),
    "cooling_off_hours": 24,  # as a private 理财
    "needs_callback": True,
}
PRODUCTS = (
    Product("DEP1", "deposit", "cash", 1),
    Product("WMP2", "wmp", "fixed_income", 2, WMP2_TERMS),
    Product("FUND3", "mutual_fund", "equity", 3),
)


@pytest.fixture
def bank(ws: Workspace) -> Workspace:
    with ws.begin() as s:
        for p in PRODUCTS:
            instrument = Instrument(
                code=p.code,
                name=f"{p.code} 产品",
                type=p.type,
                asset_class=p.asset_class,
                currency="CNY",
                risk_rating=p.rating,
                **p.terms,
            )
            s.add(instrument)
            s.flush()
            s.add(Price(instrument_id=instrument.id, day=PRICE_DAY, close=D("1.000000")))
    return ws


def add_client(ws: Workspace, name: str, *, cash: str, holdings: Mapping[str, str]) -> ClientId:
    cid = ws.clients.add(NewClient(name=name, birth_date=date(1980, 5, 6)))
    with ws.begin() as s:
        codes = {code: iid for code, iid in s.execute(select(Instrument.code, Instrument.id))}
        account = Account(
            client_id=cid, name="理财账户", institution="本行", currency="CNY", cash_balance=D(cash)
        )
        s.add(account)
        s.flush()
        for code, quantity in holdings.items():
            s.add(
                Holding(
                    account_id=account.id,
                    instrument_id=codes[code],
                    quantity=D(quantity),
                    cost_basis=D(quantity),
                )
            )
        s.flush()
        ws.portfolio.revalue(s, [cid])
    return cid


def assess(ws: Workspace, cid: ClientId, level: int) -> None:
    ws.risk.record(
        cid, answers_for_level(questionnaire(), level), place="branch", client_confirmed=True
    )


@pytest.fixture
def packs(bank: Workspace) -> PackService:
    return PackService(bank)


@pytest.fixture
def c3(bank: Workspace) -> ClientId:
    """A C3 client: 6,000,000 in cash and 4,000,000 of FUND3 (equity)."""
    cid = add_client(bank, "王建国", cash="6000000", holdings={"FUND3": "4000000"})
    assess(bank, cid, 3)
    return cid


@pytest.fixture
def planned(bank: Workspace, c3: ClientId) -> ClientId:
    """``c3`` with a plan: one goal and 1,234,567.89 of WMP2 (R2) recommended."""
    plan_id = bank.plans.create(c3, "王先生家庭规划").plan_id
    bank.plans.add_goal(
        plan_id, GoalFields("retirement_income", "退休生活", D("8000000"), YEAR + 15, priority=1)
    )
    bank.plans.add_recommendation(plan_id, "WMP2", D("1234567.89"), "稳健配置")
    return c3


def pdf_text(tmp_path: Path, data: bytes, *extra: str) -> str:
    path = tmp_path / f"{hashlib.sha256(data).hexdigest()[:12]}.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", *extra, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return "".join(out.split())


def stored_packs(ws: Workspace, cid: ClientId) -> list[object]:
    return [d for d in ws.documents.list_for(cid) if d.kind == "advice_pack"]


# --- the tests --------------------------------------------------------------------------


def test_build_stores_the_pack_under_the_clients_documents(
    bank: Workspace, packs: PackService, planned: ClientId
) -> None:
    plan = bank.plans.current_for(planned)
    assert plan is not None

    stored = packs.build(planned, "zh")

    assert stored.bytes.startswith(b"%PDF") and stored.pages >= 5
    assert stored.sha256 == hashlib.sha256(stored.bytes).hexdigest()
    (row,) = bank.documents.list_for(planned)
    assert (row.id, row.kind, row.lang, row.document_number) == (
        stored.document_id,
        "advice_pack",
        "zh",
        stored.document_number,
    )
    assert row.document_number.startswith("AP-")
    assert (row.sha256, row.size) == (stored.sha256, len(stored.bytes))
    assert (
        (row.plan_id, row.plan_version)
        == (plan.id, plan.version)
        == (
            stored.plan_id,
            stored.plan_version,
        )
    )
    assert bank.documents.content(stored.document_id) == stored.bytes


def test_the_document_carries_the_plan(packs: PackService, planned: ClientId) -> None:
    doc = packs.document(planned, "zh")

    assert doc.client_name == "王建国" and doc.risk_level_code == "C3"
    assert doc.suitable_ratings == "R1–R3" and doc.plan_version == "v1"
    assert doc.total_assets_cny == D("10000000.00")
    assert sum(h.value_cny for h in doc.holdings) == doc.total_assets_cny
    (goal,) = doc.goals
    assert goal.name == "退休生活" and goal.probability_proposed is not None
    (rec,) = doc.recommendations
    assert (rec.code, rec.amount_cny, rec.suitable) == ("WMP2", D("1234567.89"), True)
    assert sum(r.trade_cny for r in doc.allocation) == 0
    assert doc.projection is not None and len(doc.projection.years) >= 11


@needs_pdftotext
def test_the_pdf_shows_the_client_the_figures_and_the_disclosure(
    tmp_path: Path, packs: PackService, planned: ClientId
) -> None:
    stored = packs.build(planned, "zh")
    text = pdf_text(tmp_path, stored.bytes)
    for expected in (
        "王建国",
        "C3",
        format_cny(D("10000000.00"), "zh"),
        format_cny(D("1234567.89"), "zh"),
        HEADLINE_ZH,
        stored.document_number,
    ):
        assert "".join(expected.split()) in text, expected


@needs_pdftotext
def test_the_cover_names_the_banker_their_certificate_and_branch(
    tmp_path: Path, bank: Workspace, packs: PackService, planned: ClientId
) -> None:
    unset = packs.document(planned, "zh")
    assert (unset.banker, unset.banker_licence, unset.branch) == (bank.actor, "", "")
    bank.banker.set(BankerDetails("周雅琴", "F3021456", "某某银行深圳分行私人银行中心"))
    doc = packs.document(planned, "zh")
    assert (doc.banker, doc.banker_licence, doc.branch) == (
        "周雅琴",
        "F3021456",
        "某某银行深圳分行私人银行中心",
    )
    text = pdf_text(tmp_path, packs.build(planned, "zh").bytes)
    for expected in ("周雅琴", "F3021456", "某某银行深圳分行私人银行中心"):
        assert expected in text, expected


WMP2_ZH = (
    "起购金额¥1.00万",
    "无固定期限",
    "每个工作日均可交易",
    "业绩比较基准：年化2.90%–3.40%",
)
WMP2_FEES_ZH = (
    "管理费0.35%/年",
    "托管费0.025%/年",
    "销售服务费0.30%/年",
    "业绩报酬为超过业绩比较基准部分收益的60%",
    "不收取认购/申购费、赎回费",
)
WMP2_EN = ("minimum ¥10,000.00", "open-ended", "dealt every business day", "年化2.90%–3.40%")
WMP2_FEES_EN = (
    "management fee 0.35% a year",
    "custody fee 0.025% a year",
    "sales-service fee 0.30% a year",
    "performance fee 60% of the return above the benchmark",
    "no subscription or redemption fee",
)


@pytest.fixture
def with_deposit(bank: Workspace, planned: ClientId) -> ClientId:
    """``planned`` with 200,000 of DEP1 (no terms recorded) recommended as well."""
    plan = bank.plans.current_for(planned)
    assert plan is not None
    bank.plans.add_recommendation(plan.id, "DEP1", D("200000"), "流动性储备")
    return planned


def test_the_pack_states_each_products_minimum_fees_and_liquidity(
    packs: PackService, with_deposit: ClientId
) -> None:
    zh = {r.code: r for r in packs.document(with_deposit, "zh").recommendations}
    en = {r.code: r for r in packs.document(with_deposit, "en").recommendations}

    assert zh["WMP2"].key_terms.startswith("银行理财；")
    assert all(part in zh["WMP2"].key_terms for part in WMP2_ZH), zh["WMP2"].key_terms
    assert all(fee in zh["WMP2"].fees for fee in WMP2_FEES_ZH), zh["WMP2"].fees
    assert zh["WMP2"].liquidity == "每个工作日均可交易；无锁定期"
    assert en["WMP2"].key_terms.startswith("Wealth management product; ")
    assert all(part in en["WMP2"].key_terms for part in WMP2_EN), en["WMP2"].key_terms
    assert all(fee in en["WMP2"].fees.lower() for fee in WMP2_FEES_EN), en["WMP2"].fees
    assert en["WMP2"].liquidity == "Dealt every business day; no lock-up"
    # A product without recorded terms keeps the reference to its documents.
    assert zh["DEP1"].fees == "费用以产品说明书为准。"
    assert en["DEP1"].fees == "Fees as set out in the product documents."
    assert (zh["DEP1"].key_terms, en["DEP1"].key_terms) == ("存款；无锁定期", "Deposit; no lock-up")


def test_the_pack_says_what_completing_each_sale_involves(
    packs: PackService, with_deposit: ClientId
) -> None:
    zh = {r.code: r for r in packs.document(with_deposit, "zh").recommendations}
    en = {r.code: r for r in packs.document(with_deposit, "en").recommendations}

    assert zh["WMP2"].sales_process == (
        "须在本行网点销售专区同步录音录像（双录；本行理财产品）；"
        "冷静期24小时：签约后24小时内可撤销并全额退款；"
        "期满后由非销售人员回访，回访确认后交易方才生效。"
    )
    assert en["WMP2"].sales_process.startswith("The sale is recorded on audio and video")
    assert "cooling-off period of 24 hours" in en["WMP2"].sales_process
    assert (zh["DEP1"].sales_process, en["DEP1"].sales_process) == ("", "")  # a deposit


def test_a_bilingual_pack_states_the_fees_in_both_languages(
    packs: PackService, with_deposit: ClientId
) -> None:
    recs = {r.code: r for r in packs.document(with_deposit, "both").recommendations}
    zh_line, en_line = recs["WMP2"].fees.splitlines()
    assert zh_line.startswith("管理费0.35%/年") and en_line.startswith("Management fee 0.35%")
    assert recs["DEP1"].fees.splitlines() == [
        "费用以产品说明书为准。",
        "Fees as set out in the product documents.",
    ]


@needs_pdftotext
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", (*WMP2_ZH, *WMP2_FEES_ZH, "费用以产品说明书为准。", "成交流程", "冷静期24小时")),
        ("en", (*WMP2_EN, *WMP2_FEES_EN, "Fees as set out in the product documents.")),
    ],
)
def test_the_pdf_shows_the_fee_figures(
    tmp_path: Path,
    packs: PackService,
    with_deposit: ClientId,
    lang: str,
    expected: tuple[str, ...],
) -> None:
    text = pdf_text(tmp_path, packs.build(with_deposit, lang).bytes).lower()
    for figure in expected:
        assert "".join(figure.lower().split()) in text, figure


def test_without_a_plan_the_model_of_the_level_is_proposed(
    bank: Workspace, packs: PackService, c3: ClientId
) -> None:
    doc = packs.document(c3, "en")

    assert doc.goals == () and doc.recommendations == ()
    assert "C3" in doc.plan_version and doc.projection is not None
    assert any("model portfolio" in r for r in doc.reasons)
    stored = packs.build(c3, "both")
    (row,) = bank.documents.list_for(c3)
    assert (row.plan_id, row.plan_version, row.lang) == (None, None, "both")
    assert stored.plan_id is None


def test_an_unassessed_client_is_refused(bank: Workspace, packs: PackService) -> None:
    cid = add_client(bank, "赵未评", cash="1000000", holdings={})
    with pytest.raises(ValidationError, match="Assess the client first"):
        packs.build(cid, "zh")
    family = bank.clients.add_household("赵家", [(cid, "head")])
    with pytest.raises(ValidationError, match="none of its members"):
        packs.build(family, "zh")
    assert bank.documents.list_for(cid) == []


def test_a_product_that_no_longer_suits_stops_the_pack(
    bank: Workspace, packs: PackService, planned: ClientId
) -> None:
    assess(bank, planned, 1)  # now C1: the R2 WMP2 no longer passes

    with pytest.raises(NotSuitable) as refused:
        packs.build(planned, "zh")

    assert [b.code for b in refused.value.blocked] == ["WMP2"]
    assert "not made" in str(refused.value)
    assert bank.documents.list_for(planned) == []


def test_a_lang_outside_zh_en_both_is_refused(packs: PackService, c3: ClientId) -> None:
    with pytest.raises(ValidationError, match="zh, en or both"):
        packs.document(c3, "fr")


@needs_pdftotext
def test_a_password_locks_the_pdf(tmp_path: Path, packs: PackService, c3: ClientId) -> None:
    stored = packs.build(c3, "zh", password="s3cret-Pa55")
    path = tmp_path / "locked.pdf"
    path.write_bytes(stored.bytes)
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert refused.returncode != 0 and "王建国" not in refused.stdout
    assert "王建国" in pdf_text(tmp_path, stored.bytes, "-upw", "s3cret-Pa55")


@needs_pdftotext
def test_the_same_vault_gives_the_same_text(
    tmp_path: Path, packs: PackService, planned: ClientId
) -> None:
    first, second = packs.build(planned, "zh"), packs.build(planned, "zh")
    assert first.document_number != second.document_number

    def text(stored: object) -> str:
        assert hasattr(stored, "bytes") and hasattr(stored, "document_number")
        return pdf_text(tmp_path, stored.bytes).replace(stored.document_number, "")

    assert text(first) == text(second)


def test_export_writes_the_stored_bytes_and_is_audited(
    tmp_path: Path, bank: Workspace, packs: PackService, c3: ClientId
) -> None:
    stored = packs.build(c3, "zh")
    out = packs.export(stored.document_id, tmp_path / "pack.pdf")
    assert out.read_bytes() == stored.bytes
    with bank.begin() as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert actions[-2:] == ["document.stored", "document.exported"]


# --- the command ------------------------------------------------------------------------


def _pack_registered() -> bool:
    from app.cli_commands import COMMANDS

    return any(c.words == ("pack",) for c in COMMANDS)


@pytest.mark.skipif(not _pack_registered(), reason="`confidant pack` is not registered yet")
def test_the_command_builds_stores_and_exports(
    tmp_path: Path, bank: Workspace, c3: ClientId, vault_dir: Path, state_dir: Path
) -> None:
    bank.close()  # the command opens the vault itself
    out = tmp_path / "pack.pdf"
    env = {
        **os.environ,
        "CONFIDANT_VAULT": str(vault_dir),
        "CONFIDANT_STATE_DIR": str(state_dir),
        "CONFIDANT_PASSPHRASE": "test passphrase 123",  # conftest.PASSPHRASE
        "PACK_PW": "s3cret-Pa55",
    }
    args = [sys.executable, "-m", "app.cli", "pack", str(c3), "--out", str(out)]
    done = subprocess.run(
        [*args, "--password-env", "PACK_PW", "--json"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert re.search(r'"document_number":\s*"AP-', done.stdout)
    again = subprocess.run(args, capture_output=True, text=True, env=env)
    assert again.returncode != 0 and "--force" in again.stderr


# --- the three steps the app runs on different threads ----------------------------------


def test_prepare_render_and_store_make_what_build_makes(
    bank: Workspace, packs: PackService, planned: ClientId
) -> None:
    plan = bank.plans.current_for(planned)
    assert plan is not None

    prepared = packs.prepare(planned, "en")
    assert (prepared.client_id, prepared.plan_id, prepared.plan_version) == (
        planned,
        plan.id,
        plan.version,
    )
    assert prepared.title == f"{' '.join(plan.title.split())} v{plan.version}"
    fractions: list[float] = []
    data = render_pack(prepared, progress=fractions.append)
    assert stored_packs(bank, planned) == []  # gathering and rendering keep nothing
    assert fractions[-1] == 1.0 and fractions == sorted(fractions) and len(fractions) > 10

    stored = packs.store(prepared, data)

    (row,) = bank.documents.list_for(planned)
    assert (row.id, row.document_number, row.title, row.lang) == (
        stored.document_id,
        prepared.document.document_number,
        prepared.title,
        "en",
    )
    assert (row.plan_id, row.plan_version) == (plan.id, plan.version)
    assert row.sha256 == stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.pages == page_count(data) >= 5 and stored.title == prepared.title
    assert stored.changes == Changes(documents=True, client_ids=frozenset({planned}))
    assert bank.documents.content(stored.document_id) == data


def test_rendering_needs_no_vault(bank: Workspace, packs: PackService, c3: ClientId) -> None:
    prepared = packs.prepare(c3, "zh")
    bank.close()  # the app renders on a pool thread, away from the database
    data = render_pack(prepared, password="s3cret-Pa55")
    assert data.startswith(b"%PDF") and b"/Encrypt" in data


def test_a_render_stopped_by_its_progress_keeps_nothing(
    bank: Workspace, packs: PackService, c3: ClientId
) -> None:
    class Stop(Exception):
        pass

    def progress(fraction: float) -> None:
        if fraction > 0.3:
            raise Stop

    prepared = packs.prepare(c3, "zh")
    with pytest.raises(Stop):
        render_pack(prepared, progress=progress)
    assert stored_packs(bank, c3) == []


def test_store_refuses_what_is_not_a_pdf(bank: Workspace, packs: PackService, c3: ClientId) -> None:
    prepared = packs.prepare(c3, "zh")
    with pytest.raises(ValidationError, match="not a PDF"):
        packs.store(prepared, b"<html>not a pack</html>")
    assert stored_packs(bank, c3) == []


def test_the_refusal_says_the_client_is_not_assessed(bank: Workspace, packs: PackService) -> None:
    cid = add_client(bank, "钱未评", cash="500000", holdings={})
    with pytest.raises(ValidationError, match="the client has not been assessed"):
        packs.prepare(cid, "zh")
