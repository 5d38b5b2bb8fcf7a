"""Plans against a real vault: the allocation starts from the model of the client's level
(a household's most cautious member's), stays within the model's bands, every product
passes the suitability gate or is refused with the reason, status moves in order and
presenting checks again, a copy for review starts next year's plan, and projections are
the same numbers every time for the same plan."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from risk_answers import answers_for_level
from sqlalchemy import select

from app.domain import model_portfolios as mp
from app.domain import questionnaire as qn
from app.domain.errors import NotFound, ValidationError
from app.domain.ids import ClientId
from app.services.clients import NewClient
from app.services.plan_projections import model_portfolios
from app.services.plans import FlowFields, GoalFields, NotSuitable, PlanRejected
from app.services.risk import questionnaire
from app.services.workspace import Workspace
from app.vault.models import (
    Account,
    AuditEvent,
    Holding,
    Instrument,
    OutboxEntry,
    PlanRecommendation,
    Price,
)

D = Decimal
TODAY = date.today()
YEAR = TODAY.year
PRICE_DAY = TODAY - timedelta(days=2)


# --- a small bank ----------------------------------------------------------------------


@dataclass(frozen=True)
class Product:
    code: str
    type: str
    asset_class: str
    rating: int
    price: str


PRODUCTS = (
    Product("DEP1", "deposit", "cash", 1, "1.000000"),
    Product("WMP2", "wmp", "fixed_income", 2, "1.000000"),
    Product("FUND3", "mutual_fund", "equity", 3, "1.000000"),
    Product("EQ4", "equity", "equity", 4, "10.000000"),
    Product("PF5", "private_fund", "alternative", 5, "1.000000"),
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
            )
            s.add(instrument)
            s.flush()
            s.add(Price(instrument_id=instrument.id, day=PRICE_DAY, close=D(p.price)))
    return ws


def add_client(
    ws: Workspace, name: str, *, cash: str = "0", holdings: Mapping[str, str] | None = None
) -> ClientId:
    cid = ws.clients.add(NewClient(name=name, birth_date=date(1980, 5, 6)))
    add_holdings(ws, cid, cash=cash, holdings=holdings or {})
    return cid


def add_holdings(ws: Workspace, cid: ClientId, *, cash: str, holdings: Mapping[str, str]) -> None:
    with ws.begin() as s:
        codes = {code: iid for code, iid in s.execute(select(Instrument.code, Instrument.id))}
        account = Account(
            client_id=cid,
            name="理财账户",
            institution="本行",
            currency="CNY",
            cash_balance=D(cash),
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


@pytest.fixture
def form() -> qn.Questionnaire:
    return questionnaire()


def assess(ws: Workspace, cid: ClientId, form: qn.Questionnaire, level: int, **kw: object) -> None:
    ws.risk.record(cid, answers_for_level(form, level), place="branch", client_confirmed=True, **kw)  # type: ignore[arg-type]


@pytest.fixture
def c3(bank: Workspace, form: qn.Questionnaire) -> ClientId:
    """A C3 client: 6,000,000 in cash and 4,000,000 of FUND3 (equity)."""
    cid = add_client(bank, "王建国", cash="6000000", holdings={"FUND3": "4000000"})
    assess(bank, cid, form, 3)
    return cid


@pytest.fixture
def c4(bank: Workspace, form: qn.Questionnaire) -> ClientId:
    """A C4 client with 10,000,000 in cash."""
    cid = add_client(bank, "李明", cash="10000000")
    assess(bank, cid, form, 4)
    return cid


def events(ws: Workspace, prefix: str = "plan.") -> list[AuditEvent]:
    with ws.begin() as s:
        return list(
            s.scalars(
                select(AuditEvent)
                .where(AuditEvent.action.startswith(prefix))
                .order_by(AuditEvent.seq)
            )
        )


def model(level: int) -> mp.ModelPortfolio:
    return model_portfolios().for_level(level)


RETIRE = GoalFields("retirement_income", "退休生活", D("8000000"), YEAR + 15, priority=1)
SCHOOL = GoalFields(
    "education", "女儿留学", D("2000000"), YEAR + 6, priority=2, earmarked=D("500000")
)


# --- creating a plan -------------------------------------------------------------------


def test_a_plan_starts_from_the_model_of_the_clients_level(bank: Workspace, c3: ClientId) -> None:
    saved = bank.plans.create(c3, "2026年度规划")

    assert saved.changes.plans and saved.changes.any and saved.changes.client_ids == {c3}
    plan = bank.plans.get(saved.plan_id)
    assert (plan.client_id, plan.client_name, plan.status, plan.version) == (
        c3,
        "王建国",
        "draft",
        1,
    )
    assert plan.year == YEAR and plan.model_level == 3 and plan.model_code == "C3"
    assert plan.weights == {c: w for c, w in model(3).weights.items() if w}
    assert plan.models_version == model_portfolios().version
    assert plan.assumptions_version
    line = next(a for a in plan.allocation if a.asset_class == "equity")
    assert (line.weight, line.model_weight) == (model(3).weights["equity"],) * 2
    assert (line.band_min, line.band_max) == model(3).bands["equity"]
    assert line.name.zh == "权益"
    assert plan.gate_client_id == c3 and plan.editable
    (event,) = events(bank)
    assert event.action == "plan.created" and event.subject == str(c3)
    assert json.loads(event.details) == {"plan": str(saved.plan_id), "model": "C3"}


def test_a_household_takes_its_most_cautious_members_level(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    bold = add_client(bank, "张大胆", cash="1000000")
    careful = add_client(bank, "张小心", cash="1000000")
    child = add_client(bank, "张小宝")  # never assessed: does not count
    assess(bank, bold, form, 5)
    assess(bank, careful, form, 2)
    family = bank.clients.add_household(
        "张家", [(bold, "head"), (careful, "spouse"), (child, "child")]
    )

    plan = bank.plans.get(bank.plans.create(family, "家庭规划").plan_id)

    assert plan.model_level == 2 and plan.client_kind == "household"
    assert plan.gate_client_id == careful
    # The gate runs for that member: R3 is above C2.
    with pytest.raises(NotSuitable):
        bank.plans.add_recommendation(plan.id, "FUND3", D("100000"))
    bank.plans.add_recommendation(plan.id, "WMP2", D("100000"))


def test_an_unassessed_client_is_refused(bank: Workspace) -> None:
    cid = add_client(bank, "赵未评", cash="1000000")
    with pytest.raises(ValidationError, match="Assess the client first"):
        bank.plans.create(cid, "规划")
    family = bank.clients.add_household("赵家", [(cid, "head")])
    with pytest.raises(ValidationError, match="none of its members"):
        bank.plans.create(family, "规划")
    assert bank.plans.list_for(cid) == [] and events(bank) == []


def test_an_expired_assessment_is_refused(bank: Workspace, form: qn.Questionnaire) -> None:
    cid = add_client(bank, "钱过期", cash="1000000")
    assess(bank, cid, form, 3, now=datetime.now(UTC) - timedelta(days=800))
    with pytest.raises(ValidationError, match="no longer valid"):
        bank.plans.create(cid, "规划")


# --- goals and flows -------------------------------------------------------------------


def test_goals_and_flows_are_added_changed_and_removed(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    school = bank.plans.add_goal(plan_id, SCHOOL).item_id
    retire = bank.plans.add_goal(plan_id, RETIRE).item_id
    assert school is not None and retire is not None
    salary = bank.plans.add_flow(
        plan_id, FlowFields("income", "工资", D("-600000"), YEAR, YEAR + 9)
    ).item_id
    bank.plans.add_flow(plan_id, FlowFields("spending", "生活开支", D("300000"), YEAR, YEAR + 30))
    bank.plans.add_flow(plan_id, FlowFields("lump_sum", "卖房", D("3000000"), YEAR + 2))

    plan = bank.plans.get(plan_id)
    assert [g.name for g in plan.goals] == ["退休生活", "女儿留学"]  # by priority
    assert plan.goals[1].earmarked == D("500000") and plan.goals[1].kind_name.en
    amounts = {f.label: f.amount for f in plan.flows}
    assert amounts == {"工资": D("600000"), "生活开支": D("-300000"), "卖房": D("3000000")}
    assert next(f for f in plan.flows if f.label == "卖房").end_year is None

    changes = bank.plans.update_goal(
        school, GoalFields("education", "留学", D("2500000"), YEAR + 7)
    )
    assert changes.plans
    bank.plans.remove_goal(retire)
    assert salary is not None
    bank.plans.remove_flow(salary)
    plan = bank.plans.get(plan_id)
    assert [(g.name, g.target_amount) for g in plan.goals] == [("留学", D("2500000"))]
    assert len(plan.flows) == 2
    actions = [e.action for e in events(bank)]
    assert actions.count("plan.goal_added") == 2 and "plan.goal_removed" in actions
    assert "plan.flow_removed" in actions


@pytest.mark.parametrize(
    ("goal", "match"),
    [
        (GoalFields("yacht", "游艇", D("1"), YEAR + 1), "Unknown goal"),
        (GoalFields("property", "房", D("0"), YEAR + 1), "above zero"),
        (GoalFields("property", "房", D("1.001"), YEAR + 1), "to the cent"),
        (GoalFields("property", "房", D("1"), YEAR - 1), "target year"),
        (GoalFields("property", "房", D("1"), YEAR + 1, priority=6), "priority"),
        (GoalFields("property", " ", D("1"), YEAR + 1), "name"),
    ],
)
def test_bad_goals_are_refused(bank: Workspace, c3: ClientId, goal: GoalFields, match: str) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    with pytest.raises(ValidationError, match=match):
        bank.plans.add_goal(plan_id, goal)
    assert bank.plans.get(plan_id).goals == ()


def test_a_lump_sum_lasts_one_year(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    with pytest.raises(ValidationError, match="one year"):
        bank.plans.add_flow(plan_id, FlowFields("lump_sum", "奖金", D("1"), YEAR, YEAR + 2))
    with pytest.raises(ValidationError, match="before its first"):
        bank.plans.add_flow(plan_id, FlowFields("income", "租金", D("1"), YEAR + 3, YEAR + 2))


# --- the allocation --------------------------------------------------------------------


def test_adjustments_within_the_bands_are_kept(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    weights = dict(model(3).weights)
    weights["equity"] += D("0.05")
    weights["fixed_income"] -= D("0.05")

    assert bank.plans.set_allocation(plan_id, weights).plans

    assert bank.plans.get(plan_id).weights == {c: w for c, w in weights.items() if w}


def test_adjustments_outside_the_bands_are_refused(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    _, high = model(3).bands["equity"]
    weights = dict(model(3).weights)
    extra = high - weights["equity"] + D("0.01")
    weights["equity"] += extra
    weights["cash"] -= D("0.05")
    weights["fixed_income"] -= extra - D("0.05")

    with pytest.raises(PlanRejected, match="Nothing was changed") as err:
        bank.plans.set_allocation(plan_id, weights)

    (problem,) = err.value.problems
    assert problem.asset_class == "equity" and problem.max == high
    assert "权益" in problem.message.zh
    assert bank.plans.get(plan_id).weights == {c: w for c, w in model(3).weights.items() if w}
    with pytest.raises(PlanRejected) as err:
        bank.plans.set_allocation(plan_id, {**model(3).weights, "cash": D("0.20")})
    assert [p.asset_class for p in err.value.problems] == [mp.TOTAL]
    with pytest.raises(ValidationError, match=r"0\.01%"):
        bank.plans.set_allocation(plan_id, {**model(3).weights, "cash": D("0.10001")})
    assert [e.action for e in events(bank)] == ["plan.created"]


def test_drift_and_trades_compare_the_portfolio_with_the_plan(
    bank: Workspace, c3: ClientId
) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    target = model(3).weights

    drift = {d.asset_class: d for d in bank.plans.drift(plan_id)}

    # 6,000,000 cash and 4,000,000 of equity: 60% and 40% now.
    assert (
        drift["cash"].current_weight == D("0.6") and drift["cash"].proposed_weight == target["cash"]
    )
    assert drift["equity"].current_weight == D("0.4")
    assert drift["equity"].difference == target["equity"] - D("0.4")
    assert drift["fixed_income"].current_weight == 0

    trades = {t.asset_class: t.amount_cny for t in bank.plans.trades(plan_id)}
    assert sum(trades.values()) == 0
    assert trades["equity"] == D("10000000") * target["equity"] - D("4000000")
    assert trades["fixed_income"] == D("10000000") * target["fixed_income"]
    assert trades["cash"] < 0


# --- recommendations and the gate ---------------------------------------------------


def test_a_product_above_the_level_is_refused_with_the_reason(
    bank: Workspace, c3: ClientId
) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id

    with pytest.raises(NotSuitable) as err:
        bank.plans.add_recommendation(plan_id, "EQ4", D("100000"), "增长")

    message = str(err.value)
    assert "EQ4" in message and "R4" in message and "C3" in message
    assert "Choose a product rated R3 or lower" in message and "Nothing was saved" in message
    assert [f.rule for f in err.value.findings] == ["rating_above_level"]
    assert "高于客户风险承受能力等级C3" in err.value.message("zh")
    assert err.value.findings[0].remedy.get("zh")
    assert bank.plans.get(plan_id).recommendations == ()
    with bank.begin() as s:
        assert s.scalars(select(PlanRecommendation)).all() == []
    refused = [e for e in events(bank) if e.action == "plan.recommendation_refused"]
    assert json.loads(refused[0].details) == {
        "plan": str(plan_id),
        "product": "EQ4",
        "rules": ["rating_above_level"],
    }


def test_a_suitable_product_is_kept_with_its_check(bank: Workspace, c4: ClientId) -> None:
    plan_id = bank.plans.create(c4, "规划").plan_id

    saved = bank.plans.add_recommendation(plan_id, "FUND3", D("100000"), "分散权益")

    (rec,) = bank.plans.get(plan_id).recommendations
    assert rec.id == saved.item_id
    assert (rec.code, rec.name, rec.risk_rating, rec.asset_class) == (
        "FUND3",
        "FUND3 产品",
        3,
        "equity",
    )
    assert (rec.amount_cny, rec.rationale) == (D("100000"), "分散权益")
    assert rec.suitable and rec.checked_on == TODAY and rec.findings == ()
    with pytest.raises(ValidationError, match="already recommended"):
        bank.plans.add_recommendation(plan_id, "FUND3", D("5000"))
    with pytest.raises(NotFound):
        bank.plans.add_recommendation(plan_id, "NOPE", D("5000"))
    with bank.begin() as s:
        (entry,) = s.scalars(
            select(OutboxEntry).where(OutboxEntry.table_name == "plan_recommendations")
        )
    assert json.loads(json.loads(entry.payload)["suitability"])["suitable"] is True


def test_warnings_are_kept_in_the_snapshot(bank: Workspace, form: qn.Questionnaire) -> None:
    cid = add_client(bank, "孙将到期", cash="1000000")
    assess(bank, cid, form, 3, now=datetime.now(UTC) - timedelta(days=350))
    plan_id = bank.plans.create(cid, "规划").plan_id

    bank.plans.add_recommendation(plan_id, "WMP2", D("50000"))

    (rec,) = bank.plans.get(plan_id).recommendations
    assert rec.suitable
    assert [(f.rule, f.severity) for f in rec.findings] == [("assessment_expiring", "warn")]
    assert rec.findings[0].why.zh and rec.findings[0].remedy.en


def test_removing_a_recommendation(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    rec_id = bank.plans.add_recommendation(plan_id, "WMP2", D("50000")).item_id
    assert rec_id is not None
    assert bank.plans.remove_recommendation(rec_id).plans
    assert bank.plans.get(plan_id).recommendations == ()
    with pytest.raises(NotFound):
        bank.plans.remove_recommendation(rec_id)


# --- status ----------------------------------------------------------------------------


def test_status_moves_in_order_with_dates(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    with pytest.raises(ValidationError, match="not to accepted"):
        bank.plans.set_status(plan_id, "accepted")
    with pytest.raises(ValidationError, match="Unknown status"):
        bank.plans.set_status(plan_id, "archived")

    bank.plans.set_status(plan_id, "presented", on=TODAY)
    plan = bank.plans.get(plan_id)
    assert (plan.status, plan.presented_on, plan.editable) == ("presented", TODAY, False)
    with pytest.raises(ValidationError, match="set it back to draft"):
        bank.plans.add_goal(plan_id, SCHOOL)

    bank.plans.set_status(plan_id, "draft")
    assert bank.plans.get(plan_id).presented_on is None
    bank.plans.add_goal(plan_id, SCHOOL)
    bank.plans.set_status(plan_id, "presented", on=TODAY)
    with pytest.raises(ValidationError, match="before the plan was presented"):
        bank.plans.set_status(plan_id, "accepted", on=TODAY - timedelta(days=1))
    bank.plans.set_status(plan_id, "accepted", on=TODAY + timedelta(days=3))

    plan = bank.plans.get(plan_id)
    assert (plan.status, plan.decided_on) == ("accepted", TODAY + timedelta(days=3))
    with pytest.raises(ValidationError, match="copy it for a new review"):
        bank.plans.set_status(plan_id, "draft")
    with pytest.raises(ValidationError, match="copy it for a new review"):
        bank.plans.set_allocation(plan_id, dict(model(3).weights))
    moves = [json.loads(e.details) for e in events(bank) if e.action == "plan.status_changed"]
    assert [(m["from"], m["to"]) for m in moves] == [
        ("draft", "presented"),
        ("presented", "draft"),
        ("draft", "presented"),
        ("presented", "accepted"),
    ]


def test_presenting_checks_every_recommendation_again(bank: Workspace, c4: ClientId) -> None:
    plan_id = bank.plans.create(c4, "规划").plan_id
    bank.plans.add_recommendation(plan_id, "EQ4", D("100000"))
    bank.plans.add_recommendation(plan_id, "FUND3", D("100000"))
    bank.edits.set_vulnerable(c4, True, reason="illness")  # R4 and above now blocked

    with pytest.raises(NotSuitable, match="cannot be presented") as err:
        bank.plans.set_status(plan_id, "presented")

    assert [b.code for b in err.value.blocked] == ["EQ4"]
    assert [f.rule for f in err.value.findings] == ["elderly_or_vulnerable"]
    assert bank.plans.get(plan_id).status == "draft"
    (refused,) = [e for e in events(bank) if e.action == "plan.presenting_refused"]
    assert json.loads(refused.details)["products"] == ["EQ4"]

    eq4 = next(r for r in bank.plans.get(plan_id).recommendations if r.code == "EQ4")
    bank.plans.remove_recommendation(eq4.id)
    bank.plans.set_status(plan_id, "presented")
    assert bank.plans.get(plan_id).status == "presented"


def test_presenting_needs_a_level_at_least_the_models(
    bank: Workspace, c4: ClientId, form: qn.Questionnaire
) -> None:
    plan_id = bank.plans.create(c4, "规划").plan_id
    assess(bank, c4, form, 2)
    with pytest.raises(ValidationError, match="now C2, below the C4 model"):
        bank.plans.set_status(plan_id, "presented")

    bank.plans.reset_allocation(plan_id)
    plan = bank.plans.get(plan_id)
    assert plan.model_level == 2 and plan.weights == {
        c: w for c, w in model(2).weights.items() if w
    }
    bank.plans.set_status(plan_id, "presented")


# --- copy for review -------------------------------------------------------------------


def test_a_copy_for_review_starts_next_years_plan(bank: Workspace, c4: ClientId) -> None:
    source = bank.plans.create(c4, "2026年度规划").plan_id
    bank.plans.add_goal(source, SCHOOL)
    bank.plans.add_goal(source, GoalFields("property", "换房", D("3000000"), YEAR))  # this year
    bank.plans.add_flow(source, FlowFields("income", "工资", D("500000"), YEAR, YEAR + 5))
    weights = dict(model(4).weights)
    weights["equity"] -= D("0.05")
    weights["fixed_income"] += D("0.05")
    bank.plans.set_allocation(source, weights)
    bank.plans.add_recommendation(source, "EQ4", D("100000"), "成长")
    bank.plans.add_recommendation(source, "FUND3", D("200000"), "分散")
    bank.plans.set_status(source, "presented")
    bank.plans.set_status(source, "accepted")
    bank.edits.set_vulnerable(c4, True, reason="illness")

    saved = bank.plans.copy_for_review(source, YEAR + 1)

    plan = bank.plans.get(saved.plan_id)
    assert (plan.version, plan.previous_id, plan.status, plan.year) == (
        2,
        source,
        "draft",
        YEAR + 1,
    )
    assert plan.title == "2026年度规划"
    assert [g.name for g in plan.goals] == ["女儿留学"]  # the goal of this year is past
    (flow,) = plan.flows
    assert (flow.start_year, flow.end_year, flow.amount) == (YEAR + 1, YEAR + 5, D("500000"))
    assert plan.weights == {c: w for c, w in weights.items() if w}
    assert [r.code for r in plan.recommendations] == ["FUND3"]
    assert any("EQ4" in n.en and "Dropped" in n.en for n in saved.notes)
    assert "EQ4" in plan.notes
    assert bank.plans.get(source).status == "accepted"  # the original is kept as it was
    (copied,) = [e for e in events(bank) if e.action == "plan.copied"]
    assert json.loads(copied.details)["dropped"] == 1


def test_a_copy_after_a_new_level_starts_from_the_new_model(
    bank: Workspace, c4: ClientId, form: qn.Questionnaire
) -> None:
    source = bank.plans.create(c4, "规划").plan_id
    assess(bank, c4, form, 3)
    saved = bank.plans.copy_for_review(source, YEAR + 1, title="新规划")
    plan = bank.plans.get(saved.plan_id)
    assert plan.model_level == 3 and plan.title == "新规划"
    assert plan.weights == {c: w for c, w in model(3).weights.items() if w}
    assert saved.notes and "C3" in saved.notes[-1].en
    with pytest.raises(ValidationError, match="or later"):
        bank.plans.copy_for_review(source, YEAR - 1)


def test_the_current_plan_is_the_newest_not_declined(bank: Workspace, c3: ClientId) -> None:
    assert bank.plans.current_for(c3) is None
    first = bank.plans.create(c3, "一").plan_id
    second = bank.plans.copy_for_review(first, YEAR + 1).plan_id
    current = bank.plans.current_for(c3)
    assert current is not None and current.id == second
    bank.plans.set_status(second, "presented")
    bank.plans.set_status(second, "declined")
    current = bank.plans.current_for(c3)
    assert current is not None and current.id == first
    assert [p.id for p in bank.plans.list_for(c3)] == [second, first]


def test_only_a_draft_is_deleted(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    bank.plans.add_goal(plan_id, SCHOOL)
    assert bank.plans.delete(plan_id).plans
    assert bank.plans.list_for(c3) == []
    with pytest.raises(NotFound):
        bank.plans.get(plan_id)
    kept = bank.plans.create(c3, "规划").plan_id
    bank.plans.set_status(kept, "presented")
    with pytest.raises(ValidationError, match="evidence"):
        bank.plans.delete(kept)


# --- projections -----------------------------------------------------------------------


def test_projections_are_the_same_for_the_same_plan(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "规划").plan_id
    bank.plans.add_goal(plan_id, RETIRE)
    bank.plans.add_goal(plan_id, SCHOOL)
    bank.plans.add_flow(plan_id, FlowFields("spending", "开支", D("200000"), YEAR, YEAR + 20))

    first = bank.plans.projections(plan_id)
    again = bank.plans.projections(plan_id)

    assert first == again
    assert first.seed == again.seed and first.paths == 5000
    assert first.start_year == YEAR and first.end_year == YEAR + 20
    assert first.start_wealth == D("10000000")
    assert len(first.years) == len(first.proposed.deterministic) == 21
    assert [g.name for g in first.goals] == ["退休生活", "女儿留学"]
    for goal in first.goals:
        assert 0 <= goal.probability_current <= 1 and 0 <= goal.probability_proposed <= 1
    bands = first.proposed.bands
    for i in range(len(first.years)):
        assert bands[5][i] <= bands[50][i] <= bands[95][i]
    other = bank.plans.projections(plan_id, seed=first.seed + 1)
    assert other.proposed.bands != first.proposed.bands


def test_proposed_and_current_differ_when_the_allocations_do(
    bank: Workspace, form: qn.Questionnaire
) -> None:
    cid = add_client(bank, "周现金", cash="5000000")  # all cash now
    assess(bank, cid, form, 4)
    plan_id = bank.plans.create(cid, "规划").plan_id
    bank.plans.add_goal(
        plan_id, GoalFields("wealth_transfer", "传承", D("9000000"), YEAR + 20, real=False)
    )

    result = bank.plans.projections(plan_id)

    assert dict(result.current.weights) == {"cash": 1}
    assert result.proposed.mean_return > result.current.mean_return
    assert result.proposed.volatility > result.current.volatility
    (goal,) = result.goals
    assert goal.probability_proposed > goal.probability_current
    assert result.proposed.deterministic[-1].nominal > result.current.deterministic[-1].nominal


def test_audit_details_never_hold_names_or_amounts(bank: Workspace, c3: ClientId) -> None:
    plan_id = bank.plans.create(c3, "王建国的规划").plan_id
    bank.plans.add_goal(plan_id, SCHOOL)
    bank.plans.add_flow(plan_id, FlowFields("income", "王建国工资", D("654321"), YEAR))
    bank.plans.add_recommendation(plan_id, "WMP2", D("123456"), "王建国需要稳健收益")
    with pytest.raises(NotSuitable):
        bank.plans.add_recommendation(plan_id, "PF5", D("123456"))
    bank.plans.set_status(plan_id, "presented")
    bank.plans.copy_for_review(plan_id, YEAR + 1)
    for event in events(bank):
        for secret in ("王建国", "女儿留学", "654321", "123456", "2000000"):
            assert secret not in event.details, (event.action, secret)
        assert json.loads(event.details).get("plan")


def test_a_product_taken_off_the_shelf_blocks_presenting(bank: Workspace, c4: ClientId) -> None:
    plan_id = bank.plans.create(c4, "规划").plan_id
    bank.plans.add_recommendation(plan_id, "WMP2", D("100000"))
    with bank.begin() as s:
        wmp = s.scalars(select(Instrument).where(Instrument.code == "WMP2")).one()
        wmp.deleted_at = datetime.now(UTC)

    with pytest.raises(NotSuitable) as err:
        bank.plans.set_status(plan_id, "presented")
    assert [f.rule for f in err.value.findings] == ["product_withdrawn"]

    saved = bank.plans.copy_for_review(plan_id, YEAR + 1)
    assert bank.plans.get(saved.plan_id).recommendations == ()
    assert "WMP2" in saved.notes[0].en
