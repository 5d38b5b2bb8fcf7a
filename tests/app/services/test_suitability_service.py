"""The suitability service against a real vault: a product against a client, a whole
portfolio against the client's level, and the book's expiring assessments and mismatches."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

import pytest
from risk_answers import answers_for_level, highest
from sqlalchemy import select

from app.domain import questionnaire as qn
from app.domain import risk_profile as rp
from app.domain.errors import NotFound
from app.domain.ids import ClientId
from app.domain.suitability import SuitabilityResult
from app.services.clients import NewClient
from app.services.risk import questionnaire
from app.services.suitability import limits
from app.services.workspace import Workspace
from app.vault.models import Account, Client, Holding, Instrument, Price

D = Decimal
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)  # noon UTC: the same day in nearly every zone
TODAY = NOW.date()
PRICE_DAY = date(2026, 3, 13)


def knockout(form: qn.Questionnaire) -> dict[str, str]:
    """Every answer at its highest, but no loss bearable: C1, lowest class."""
    loss = form.question("loss_tolerance")
    answers = {**highest(form), "loss_tolerance": next(c.key for c in loss.choices if c.knockout)}
    scoring = qn.score(form, answers)
    assert (scoring.level, scoring.lowest_class) == (1, True)
    return answers


# --- a small bank ----------------------------------------------------------------------


@dataclass(frozen=True)
class Product:
    code: str
    type: str
    asset_class: str
    rating: int
    price: str
    lockup_days: int = 0


PRODUCTS = (
    Product("DEP1", "deposit", "cash", 1, "1.000000"),
    Product("WMP2", "wmp", "fixed_income", 2, "1.023400"),
    Product("FUND3", "mutual_fund", "equity", 3, "1.372500"),
    Product("EQ4", "equity", "equity", 4, "12.340000"),
    Product("PF5", "private_fund", "alternative", 5, "1.105000"),
    Product("LOCK3", "wmp", "fixed_income", 3, "1.000000", lockup_days=365),
)


@pytest.fixture
def bank(ws: Workspace) -> Workspace:
    """The products above, each with one price."""
    with ws.begin() as s:
        for p in PRODUCTS:
            instrument = Instrument(
                code=p.code,
                name=f"{p.code} 产品",
                type=p.type,
                asset_class=p.asset_class,
                currency="CNY",
                risk_rating=p.rating,
                lockup_days=p.lockup_days,
            )
            s.add(instrument)
            s.flush()
            s.add(Price(instrument_id=instrument.id, day=PRICE_DAY, close=D(p.price)))
    return ws


def add_client(
    ws: Workspace,
    name: str,
    *,
    cash: str = "0",
    holdings: Mapping[str, str] | None = None,
    elsewhere: Mapping[str, str] | None = None,
    birth_date: date = date(1980, 5, 6),
) -> ClientId:
    """A client with a CNY account at the bank holding ``cash`` and ``holdings`` (code →
    quantity), optionally an account at another bank, valued as the app values them."""
    cid = ws.clients.add(NewClient(name=name, birth_date=birth_date))
    with ws.begin() as s:
        codes = {code: iid for code, iid in s.execute(select(Instrument.code, Instrument.id))}
        for at_bank, positions, balance in ((True, holdings, cash), (False, elsewhere, "0")):
            if positions is None and not at_bank:
                continue
            account = Account(
                client_id=cid,
                name="理财账户" if at_bank else "他行账户",
                institution="本行" if at_bank else "他行",
                at_this_bank=at_bank,
                currency="CNY",
                cash_balance=D(balance),
            )
            s.add(account)
            s.flush()
            for code, quantity in (positions or {}).items():
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


def assess(
    ws: Workspace, cid: ClientId, answers: dict[str, str], now: datetime = NOW
) -> rp.Validity:
    ws.risk.record(cid, answers, place="branch", client_confirmed=True, now=now)
    current = ws.risk.current(cid, today=now.date())
    assert current is not None
    return current.validity


def rules(result: SuitabilityResult) -> set[str]:
    return {f.rule for f in result.blocking}


@pytest.fixture
def form() -> qn.Questionnaire:
    return questionnaire()


@pytest.fixture
def c3(bank: Workspace, form: qn.Questionnaire) -> ClientId:
    """A C3 client with 10,000,000 in cash at the bank and nothing else."""
    cid = add_client(bank, "王建国", cash="10000000")
    assess(bank, cid, answers_for_level(form, 3))
    return cid


# --- check_product -----------------------------------------------------------------


def test_a_product_above_the_level_is_blocked(bank: Workspace, c3: ClientId) -> None:
    result = bank.suitability.check_product(c3, "EQ4", D("10000"), today=TODAY)
    assert not result.suitable
    (finding,) = result.blocking
    assert finding.rule == "rating_above_level"
    assert dict(finding.figures) == {"product_rating": 4, "client_level": 3}
    assert not finding.overridable  # a bank's own products: no override
    assert rules(bank.suitability.check_product(c3, "PF5", D("10000"), today=TODAY)) == {
        "rating_above_level"
    }


@pytest.mark.parametrize("code", ["DEP1", "WMP2", "FUND3"])
def test_a_product_at_or_below_the_level_passes(bank: Workspace, c3: ClientId, code: str) -> None:
    result = bank.suitability.check_product(c3, code, D("10000"), today=TODAY)
    assert result.suitable and result.findings == ()


def test_an_unassessed_client_is_blocked(bank: Workspace) -> None:
    cid = add_client(bank, "李娜", cash="1000000")
    result = bank.suitability.check_product(cid, "WMP2", D("10000"), today=TODAY)
    assert rules(result) == {"assessment_missing"}


def test_an_expired_assessment_blocks_from_the_expiry_day(bank: Workspace, c3: ClientId) -> None:
    expiry = rp.add_months(TODAY, 12)
    last_day = bank.suitability.check_product(
        c3, "FUND3", D("10000"), today=expiry - timedelta(days=1)
    )
    assert last_day.suitable
    assert [f.rule for f in last_day.warnings] == ["assessment_expiring"]
    assert last_day.warnings[0].figures["days_left"] == 1

    expired = bank.suitability.check_product(c3, "FUND3", D("10000"), today=expiry)
    assert rules(expired) == {"assessment_expired"}
    assert expired.blocking[0].figures["expires_on"] == expiry


def test_the_lowest_class_gets_r1_only(bank: Workspace, form: qn.Questionnaire) -> None:
    cid = add_client(bank, "赵女士", cash="1000000")
    assess(bank, cid, knockout(form))
    assert rules(bank.suitability.check_product(cid, "WMP2", D("1000"), today=TODAY)) == {
        "lowest_class"
    }
    assert bank.suitability.check_product(cid, "DEP1", D("1000"), today=TODAY).suitable


def test_concentration_counts_the_position_already_held(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    # 1,000,000 cash and 200,000 units of FUND3 at 1.3725 = 274,500, all at the bank.
    cid = add_client(bank, "钱先生", cash="1000000", holdings={"FUND3": "200000"})
    assess(bank, cid, answers_for_level(form, 3))
    total = bank.portfolio.summary(cid).at_bank_cny
    with bank.begin() as s:
        client = s.get(Client, cid)
        assert client is not None and client.financial_assets_cny == total == D("1274500.00")

    limit = limits().concentration_limit
    existing = D("274500.00")
    most = ((limit * total - existing) / (1 - limit)).quantize(D("0.01"), ROUND_FLOOR)

    at_limit = bank.suitability.check_product(cid, "FUND3", most, today=TODAY)
    assert at_limit.suitable
    over = bank.suitability.check_product(cid, "FUND3", most + D("1"), today=TODAY)
    (finding,) = over.blocking
    assert finding.rule == "concentration"
    assert finding.figures["existing_cny"] == existing
    assert finding.figures["total_assets_cny"] == total
    assert finding.figures["max_amount_cny"] == most
    # Deposits are exempt, however large.
    assert bank.suitability.check_product(cid, "DEP1", D("50000000"), today=TODAY).suitable


def test_a_lockup_longer_than_the_liquidity_need_blocks(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = add_client(bank, "孙女士", cash="10000000")
    answers = {**answers_for_level(form, 3), "liquidity": "b"}  # money needed within 7 days
    assert qn.score(form, answers).level == 3
    assess(bank, cid, answers)
    result = bank.suitability.check_product(cid, "LOCK3", D("10000"), today=TODAY)
    assert rules(result) == {"liquidity_lockup"}
    assert dict(result.blocking[0].figures) == {"lockup_days": 365, "liquidity_need_days": 7}
    assert bank.suitability.check_product(cid, "FUND3", D("10000"), today=TODAY).suitable


def test_an_elderly_client_is_held_to_r3(bank: Workspace, form: qn.Questionnaire) -> None:
    cid = add_client(bank, "张老先生", cash="10000000", birth_date=date(1950, 1, 1))
    bank.risk.record(
        cid,
        highest(form),
        place="branch",
        client_confirmed=True,
        extra_care_confirmed=True,
        now=NOW,
    )
    assert rules(bank.suitability.check_product(cid, "EQ4", D("10000"), today=TODAY)) == {
        "elderly_or_vulnerable"
    }
    assert bank.suitability.check_product(cid, "FUND3", D("10000"), today=TODAY).suitable


def test_an_unknown_product_code_is_not_found(bank: Workspace, c3: ClientId) -> None:
    with pytest.raises(NotFound, match="NOPE"):
        bank.suitability.check_product(c3, "NOPE", D("10000"), today=TODAY)


def test_an_unknown_client_is_not_found(bank: Workspace, c3: ClientId) -> None:
    with bank.begin() as s:
        client = s.get(Client, c3)
        assert client is not None
        client.deleted_at = NOW
    with pytest.raises(NotFound):
        bank.suitability.check_product(c3, "WMP2", D("10000"), today=TODAY)


def test_concentration_measures_position_and_assets_alike(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    # At the bank: 100,000 cash. Elsewhere: FUND3 72,860 units (≈100,000) and
    # WMP2 781,708 units (≈800,000). Total ≈ 1,000,000, of which FUND3 ≈ 10%.
    cid = add_client(
        bank,
        "周先生",
        cash="100000",
        elsewhere={"FUND3": "72860", "WMP2": "781708"},
    )
    assess(bank, cid, answers_for_level(form, 3))
    summary = bank.portfolio.summary(cid)
    fund = sum(h.market_value_cny for h in summary.holdings if h.code == "FUND3")
    assert fund / (summary.total_cny + 10000) < D("0.12")  # well within the 30% limit

    result = bank.suitability.check_product(cid, "FUND3", D("10000"), today=TODAY)
    assert result.suitable, [f.why.en for f in result.blocking]


# --- portfolio_fit -------------------------------------------------------------------


def weighted_by_hand(values: Mapping[int, Decimal]) -> Decimal:
    """Σ value × rating / Σ value, to the cent, half up (rating → value)."""
    total = sum(values.values(), D(0))
    score = sum((v * r for r, v in values.items()), D(0))
    return (score / total).quantize(D("0.01"), ROUND_HALF_UP)


def test_portfolio_fit_weights_the_ratings_by_value(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = add_client(
        bank,
        "吴先生",
        cash="50000",
        holdings={"WMP2": "100000", "FUND3": "80000", "EQ4": "10000", "PF5": "120000"},
    )
    assess(bank, cid, answers_for_level(form, 3))
    summary = bank.portfolio.summary(cid)
    by_rating: dict[int, Decimal] = {1: summary.cash_cny}  # cash counts as a deposit, R1
    for line in summary.holdings:
        by_rating[line.risk_rating] = by_rating.get(line.risk_rating, D(0)) + line.market_value_cny
    expected = weighted_by_hand(by_rating)
    above = by_rating[4] + by_rating[5]

    fit = bank.suitability.portfolio_fit(cid, today=TODAY)

    assert fit.total_cny == summary.total_cny
    assert fit.weighted_rating == expected
    assert expected > 3  # so the portfolio as a whole is flagged too
    assert fit.share_above_level == (above / summary.total_cny).quantize(D("0.0001"))
    blocked = {f.figures["product_code"]: f.rule for f in fit.blocking}
    assert blocked == {"EQ4": "rating_above_level", "PF5": "rating_above_level"}
    assert "portfolio_rating_above_level" in {f.rule for f in fit.warnings}
    warning = next(f for f in fit.warnings if f.rule == "portfolio_rating_above_level")
    assert warning.figures["weighted_rating"] == expected
    # The same figures when the caller passes the valued summary.
    assert bank.suitability.portfolio_fit(cid, today=TODAY, summary=summary) == fit


def test_a_portfolio_within_the_level_has_no_blocks(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = add_client(bank, "郑女士", cash="20000", holdings={"WMP2": "300000", "FUND3": "1000"})
    assess(bank, cid, answers_for_level(form, 3))
    summary = bank.portfolio.summary(cid)
    values = {1: summary.cash_cny}
    for line in summary.holdings:
        values[line.risk_rating] = line.market_value_cny
    fit = bank.suitability.portfolio_fit(cid, today=TODAY)
    assert fit.blocking == ()
    assert fit.weighted_rating == weighted_by_hand(values) <= 3
    assert fit.share_above_level == 0


def test_one_holding_above_the_level_is_blocked_even_if_the_average_is_low(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = add_client(bank, "冯先生", cash="1000000", holdings={"EQ4": "100"})
    assess(bank, cid, answers_for_level(form, 2))
    fit = bank.suitability.portfolio_fit(cid, today=TODAY)
    assert fit.weighted_rating < 2
    ((code, rule),) = [(f.figures["product_code"], f.rule) for f in fit.blocking]
    assert (code, rule) == ("EQ4", "rating_above_level")
    assert "portfolio_rating_above_level" not in {f.rule for f in fit.findings}


def test_an_empty_portfolio_fits(bank: Workspace, form: qn.Questionnaire) -> None:
    cid = add_client(bank, "陈女士")
    assess(bank, cid, answers_for_level(form, 3))
    fit = bank.suitability.portfolio_fit(cid, today=TODAY)
    assert fit.total_cny == 0 and fit.findings == ()


# --- book_alerts ---------------------------------------------------------------------

ALERT_DAY = date(2026, 6, 15)


@dataclass(frozen=True)
class AlertBook:
    expiring: ClientId  # assessed ~11.5 months before ALERT_DAY
    expired: ClientId  # assessed 13 months before, holds an R2 product (within C4)
    fresh: ClientId  # assessed this month, C5, holds R5: nothing to say
    lowest: ClientId  # knockout C1, holds R3 and R2 and a deposit
    unassessed: ClientId  # never assessed, holds an R2 product
    deposits_only: ClientId  # never assessed, holds only a deposit (and cash)
    within: ClientId  # C3 holding R3 and R2: fine


@pytest.fixture
def alert_book(bank: Workspace, form: qn.Questionnaire) -> AlertBook:
    def at(day: date) -> datetime:
        return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)

    expiring = add_client(bank, "甲先生", cash="1000")
    assess(bank, expiring, answers_for_level(form, 2), at(date(2025, 7, 1)))
    expired = add_client(bank, "乙先生", holdings={"WMP2": "1000"})
    assess(bank, expired, answers_for_level(form, 4), at(date(2025, 5, 10)))
    fresh = add_client(bank, "丙先生", holdings={"PF5": "1000"})
    assess(bank, fresh, highest(form), at(date(2026, 6, 1)))
    lowest = add_client(bank, "丁先生", holdings={"FUND3": "1000", "WMP2": "5", "DEP1": "100"})
    assess(bank, lowest, knockout(form), at(date(2026, 6, 1)))
    unassessed = add_client(bank, "戊先生", holdings={"WMP2": "1"})
    deposits_only = add_client(bank, "己先生", cash="500", holdings={"DEP1": "100000"})
    within = add_client(bank, "庚先生", holdings={"FUND3": "10", "WMP2": "10"})
    assess(bank, within, answers_for_level(form, 3), at(date(2026, 6, 1)))
    return AlertBook(expiring, expired, fresh, lowest, unassessed, deposits_only, within)


def test_book_alerts_list_expiring_and_expired_assessments(
    bank: Workspace, alert_book: AlertBook
) -> None:
    alerts = bank.suitability.book_alerts(today=ALERT_DAY)

    by_id = {a.client_id: a for a in alerts.expiring}
    assert set(by_id) == {alert_book.expiring, alert_book.expired}
    soon = by_id[alert_book.expiring]
    assert soon.validity.status is rp.ValidityStatus.EXPIRING
    assert soon.expires_on == date(2026, 7, 1) and soon.validity.days_left == 16
    assert (soon.name, soon.level) == ("甲先生", 2)
    gone = by_id[alert_book.expired]
    assert gone.validity.status is rp.ValidityStatus.EXPIRED
    assert gone.expires_on == date(2026, 5, 10)
    # Soonest (here: already expired) first.
    assert [a.client_id for a in alerts.expiring] == [alert_book.expired, alert_book.expiring]


def test_book_alerts_list_holdings_above_the_level(bank: Workspace, alert_book: AlertBook) -> None:
    alerts = bank.suitability.book_alerts(today=ALERT_DAY)

    by_id = {m.client_id: m for m in alerts.mismatches}
    assert set(by_id) == {alert_book.lowest, alert_book.unassessed}
    lowest = by_id[alert_book.lowest]
    assert (lowest.level, lowest.lowest_class, lowest.worst_rating, lowest.products) == (
        1,
        True,
        3,
        2,  # FUND3 and WMP2; the deposit does not count
    )
    unassessed = by_id[alert_book.unassessed]
    assert (unassessed.level, unassessed.worst_rating, unassessed.products) == (None, 2, 1)
    # An expired assessment is listed once, under ``expiring``, not again here.
    assert alert_book.expired in {a.client_id for a in alerts.expiring}
    # The worst rating first.
    assert alerts.mismatches[0].client_id == alert_book.lowest


def test_book_alerts_respect_the_limit(bank: Workspace, alert_book: AlertBook) -> None:
    alerts = bank.suitability.book_alerts(today=ALERT_DAY, limit=1)
    assert len(alerts.expiring) == 1 and len(alerts.mismatches) == 1


def test_an_empty_book_has_no_alerts(bank: Workspace) -> None:
    alerts = bank.suitability.book_alerts(today=ALERT_DAY)
    assert alerts.expiring == () and alerts.mismatches == ()
