"""The product picker's list: the shelf searched by code or name, each product with the
plan's gate verdict for the amount, the same verdict ``add_recommendation`` reaches."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from risk_answers import answers_for_level
from sqlalchemy import select

from app.domain import questionnaire as qn
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.clients import NewClient
from app.services.plans import NotSuitable
from app.services.risk import questionnaire
from app.services.workspace import Workspace
from app.vault.models import Account, AuditEvent, Holding, Instrument, Price

D = Decimal
PRICE_DAY = date.today() - timedelta(days=2)
SHELF = (
    # code, name, type, asset class, rating, price
    ("DEP1", "通知存款", "deposit", "cash", 1),
    ("WMP2", "稳盈理财100%", "wmp", "fixed_income", 2),
    ("FUND3", "均衡成长基金", "mutual_fund", "equity", 3),
    ("EQ4", "科技成长股票", "equity", "equity", 4),
    ("PF5", "私募股权五号", "private_fund", "alternative", 5),
)


@pytest.fixture
def bank(ws: Workspace) -> Workspace:
    with ws.begin() as s:
        for code, name, kind, cls, rating in SHELF:
            instrument = Instrument(
                code=code,
                name=name,
                type=kind,
                asset_class=cls,
                currency="CNY",
                risk_rating=rating,
            )
            s.add(instrument)
            s.flush()
            s.add(Price(instrument_id=instrument.id, day=PRICE_DAY, close=D("1")))
    return ws


@pytest.fixture
def form() -> qn.Questionnaire:
    return questionnaire()


def person(
    ws: Workspace, form: qn.Questionnaire, name: str, level: int | None, held: str = "DEP1"
) -> ClientId:
    """A person with 1,000,000 in cash and 1,000,000 of ``held``, assessed at ``level``."""
    cid = ws.clients.add(NewClient(name=name, birth_date=date(1980, 5, 6)))
    with ws.begin() as s:
        fund = s.scalar(select(Instrument.id).where(Instrument.code == held))
        account = Account(
            client_id=cid, name="账户", institution="本行", currency="CNY", cash_balance=D(10**6)
        )
        s.add(account)
        s.flush()
        s.add(Holding(account_id=account.id, instrument_id=fund, quantity=D(10**6)))
        s.flush()
        ws.portfolio.revalue(s, [cid])
    if level is not None:
        ws.risk.record(cid, answers_for_level(form, level), place="branch", client_confirmed=True)
    return cid


def plan_for(ws: Workspace, cid: ClientId) -> uuid.UUID:
    return ws.plans.create(cid, "年度规划").plan_id


def test_every_product_comes_with_the_gates_verdict(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = person(bank, form, "王平衡", 3)
    plan_id = plan_for(bank, cid)

    found = bank.plans.candidates(plan_id, amount_cny=D("100000"))

    assert [c.code for c in found] == ["DEP1", "FUND3", "WMP2", "EQ4", "PF5"]
    by_code = {c.code: c for c in found}
    assert [c.suitable for c in found] == [True, True, True, False, False]
    (finding,) = by_code["EQ4"].blocking
    assert finding.rule == "rating_above_level"
    assert "C3" in finding.why.en and finding.remedy.zh
    assert (by_code["FUND3"].risk_rating, by_code["FUND3"].asset_class) == (3, "equity")
    assert by_code["WMP2"].name == "稳盈理财100%" and by_code["WMP2"].currency == "CNY"
    # The same verdict as the gate itself, product by product.
    for c in found:
        assert bank.suitability.check_product(cid, c.code, D("100000")).suitable == c.suitable
    with pytest.raises(NotSuitable):
        bank.plans.add_recommendation(plan_id, "EQ4", D("100000"))
    bank.plans.add_recommendation(plan_id, "FUND3", D("100000"))


def test_the_amount_counts_the_clients_position(bank: Workspace, form: qn.Questionnaire) -> None:
    cid = person(bank, form, "李集中", 4, held="FUND3")
    plan_id = plan_for(bank, cid)

    # 2,000,000 of assets, half of it FUND3 already: any more breaks the 30% limit.
    fund = next(c for c in bank.plans.candidates(plan_id, "FUND3", D("10000")))
    wmp = next(c for c in bank.plans.candidates(plan_id, "WMP2", D("500000")))
    big = next(c for c in bank.plans.candidates(plan_id, "WMP2", D("900000")))

    assert [f.rule for f in fund.blocking] == ["concentration"]
    assert wmp.suitable and wmp.amount_cny == D("500000")
    assert [f.rule for f in big.blocking] == ["concentration"]
    assert "Invest at most" in big.blocking[0].remedy.en
    assert not bank.suitability.check_product(cid, "WMP2", D("900000")).suitable


def test_a_first_purchase_below_the_minimum_cannot_be_added(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = person(bank, form, "赵起购", 5)
    plan_id = plan_for(bank, cid)
    with bank.begin() as s:
        fund = s.scalar(select(Instrument).where(Instrument.code == "PF5"))
        assert fund is not None
        fund.min_investment_cny = D("300000")

    small = next(c for c in bank.plans.candidates(plan_id, "PF5", D("200000")))

    assert [f.rule for f in small.blocking] == ["below_minimum"]
    assert "300,000.00" in small.blocking[0].remedy.en
    with pytest.raises(NotSuitable, match="minimum"):
        bank.plans.add_recommendation(plan_id, "PF5", D("200000"))
    bank.plans.add_recommendation(plan_id, "PF5", D("300000"))
    assert [(r.code, r.amount_cny) for r in bank.plans.get(plan_id).recommendations] == [
        ("PF5", D("300000"))
    ]


def test_search_by_code_or_name_and_what_is_already_recommended(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = person(bank, form, "赵搜索", 5)
    plan_id = plan_for(bank, cid)
    bank.plans.add_recommendation(plan_id, "WMP2", D("50000"))

    assert [c.code for c in bank.plans.candidates(plan_id, "fund")] == ["FUND3"]
    assert [c.code for c in bank.plans.candidates(plan_id, "  成长 ")] == ["EQ4", "FUND3"]
    assert [c.code for c in bank.plans.candidates(plan_id, "100%")] == ["WMP2"]
    assert [c.code for c in bank.plans.candidates(plan_id, "%")] == ["WMP2"]  # a literal
    assert bank.plans.candidates(plan_id, "_") == []  # not a wildcard either
    assert bank.plans.candidates(plan_id, "nothing like it") == []
    (wmp,) = bank.plans.candidates(plan_id, "WMP")
    assert wmp.recommended and wmp.suitable and not wmp.can_add
    # Products that can be added come first.
    assert [c.code for c in bank.plans.candidates(plan_id)][-1] == "WMP2"


def test_a_household_is_checked_for_its_most_cautious_member(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    bold = person(bank, form, "张大胆", 5)
    careful = person(bank, form, "张小心", 2)
    family = bank.clients.add_household("张家", [(bold, "head"), (careful, "spouse")])
    plan_id = plan_for(bank, family)

    verdicts = {c.code: c.suitable for c in bank.plans.candidates(plan_id, "", D("10000"))}

    assert verdicts == {"DEP1": True, "WMP2": True, "FUND3": False, "EQ4": False, "PF5": False}


def test_nothing_is_written_and_bad_input_is_refused(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = person(bank, form, "钱只看", 3)
    plan_id = plan_for(bank, cid)
    with bank.begin() as s:
        before = len(s.scalars(select(AuditEvent)).all())

    bank.plans.candidates(plan_id, "", D("99999999"))

    with bank.begin() as s:
        assert len(s.scalars(select(AuditEvent)).all()) == before
    with pytest.raises(ValidationError, match="zero or more"):
        bank.plans.candidates(plan_id, "", D("-1"))
    with pytest.raises(NotFound):
        bank.plans.candidates(uuid.uuid4())
