"""The brief's talking points: what to raise with the client, most pressing first.

Simple rules over facts the brief has gathered: the risk assessment (missing, expired
or expiring), overdue promises, money coming free from large redemptions, one product
above the suitability concentration limit, holdings rated above the client's level, and
dates worth a greeting. Each point is one sentence in the brief's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain import portfolio as calc
from app.domain import risk_profile as rp
from app.domain.money import chinese_units
from app.reports.brief import BriefTask, format_cny
from app.reports.page import Lang, format_date
from app.services.portfolio import PortfolioSummary
from app.services.risk import CurrentRisk
from app.services.suitability import limits

LARGE_CNY = Decimal(1_000_000)
REDEEMING_KINDS = ("redemption", "sell")
TRANSACTION_KINDS = {
    "buy": ("买入", "Buy"),
    "sell": ("卖出", "Sale"),
    "subscription": ("申购", "Subscription"),
    "redemption": ("赎回", "Redemption"),
    "dividend": ("分红", "Dividend"),
    "interest": ("利息", "Interest"),
    "fee": ("费用", "Fee"),
    "transfer_in": ("转入", "Transfer in"),
    "transfer_out": ("转出", "Transfer out"),
}


@dataclass(frozen=True)
class CareLine:
    """A date worth a greeting: the brief's line and its talking point."""

    on: date
    line: str
    point: str


@dataclass(frozen=True)
class MoneyMove:
    """A transaction as the brief shows it, in CNY."""

    on: date
    kind: str
    instrument: str
    amount_cny: Decimal


def word(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "zh" else pair[1]


def named(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    return word(table[key], lang) if key in table else key


def short_date(day: date, lang: Lang) -> str:
    """``12月3日`` / ``3 Dec``: a date within the coming weeks."""
    full = format_date(day, lang)
    return full.split("年", 1)[1] if lang == "zh" else full.rsplit(" ", 1)[0]


def risk_status(risk: CurrentRisk | None, household: bool) -> str:
    if risk is not None:
        return risk.validity.status.value
    return "not_applicable" if household else "missing"


def risk_status_text(risk: CurrentRisk | None, lang: Lang, household: bool) -> str:
    zh = lang == "zh"
    if risk is None and household:
        return "家庭成员分别评估" if zh else "Each member is assessed on their own"
    if risk is None:
        return "尚未评估：推荐产品前须先完成评估" if zh else "Not assessed: assess before advising"
    status, days = risk.validity.status, risk.validity.days_left
    if status is rp.ValidityStatus.EXPIRED:
        return "已过期：推荐产品前须重新评估" if zh else "Expired: reassess before advising"
    if status is rp.ValidityStatus.EXPIRING:
        return f"{days}天后到期，请重新评估" if zh else f"Expires in {days} days: reassess"
    return f"有效，剩余{days}天" if zh else f"Valid, {days} days left"


def _amount(amount: Decimal, lang: Lang) -> str:
    return f"¥{chinese_units(amount)}" if lang == "zh" else format_cny(amount, lang)


def talking_points(
    lang: Lang,
    *,
    risk: CurrentRisk | None,
    household: bool = False,
    tasks: Sequence[BriefTask],
    transactions: Sequence[MoneyMove],
    summary: PortfolioSummary,
    concentration: calc.Concentration,
    care: Sequence[CareLine],
) -> tuple[str, ...]:
    """What to raise, most pressing first: the risk assessment (not for a household, whose
    members are assessed one by one), overdue promises, money coming free, concentration,
    holdings above the client's level, then greetings."""
    return (
        *([] if household and risk is None else _risk_points(risk, lang)),
        *_overdue_points(tasks, lang),
        *_reinvestment_points(transactions, lang),
        *_concentration_points(summary, concentration, lang),
        *_suitability_points(summary, risk, lang),
        *(c.point for c in care),
    )


def _risk_points(risk: CurrentRisk | None, lang: Lang) -> list[str]:
    zh = lang == "zh"
    if risk is None:
        return [
            "客户尚未做风险承受能力评估：推荐任何产品前须先完成评估"
            if zh
            else "No risk assessment on file: assess before recommending any product"
        ]
    expiry = format_date(risk.expires_on, lang)
    if risk.validity.status is rp.ValidityStatus.EXPIRED:
        return [
            f"风险承受能力评估已于{expiry}过期：推荐产品前须重新评估"
            if zh
            else f"Risk assessment expired on {expiry}: reassess before recommending"
        ]
    if risk.validity.status is rp.ValidityStatus.EXPIRING:
        return [
            f"重新评估风险承受能力（{expiry}到期）"
            if zh
            else f"Reassess risk tolerance (expires {expiry})"
        ]
    return []


def _overdue_points(tasks: Sequence[BriefTask], lang: Lang) -> list[str]:
    points = []
    for task in tasks:
        if task.overdue and task.due_on is not None:
            due, title = format_date(task.due_on, lang), task.title
            points.append(
                f"跟进：{title}（{due}到期）" if lang == "zh" else f"Follow up: {title} (due {due})"
            )
    return points


def _reinvestment_points(transactions: Sequence[MoneyMove], lang: Lang) -> list[str]:
    """Large redemptions and sales of the last 90 days: money to put back to work."""
    points = []
    for txn in sorted(transactions, key=lambda t: (-t.amount_cny, t.on)):
        if txn.kind not in REDEEMING_KINDS or txn.amount_cny < LARGE_CNY:
            continue
        day, amount = short_date(txn.on, lang), _amount(txn.amount_cny, lang)
        kind = named(TRANSACTION_KINDS, txn.kind, lang)
        if lang == "zh":
            product = txn.instrument or "现金"
            points.append(f"{product}于{day}{kind}{amount}：商讨再投资安排")
        else:
            product = txn.instrument or "cash"
            points.append(f"Reinvestment of {amount} from {product} ({kind.lower()} on {day})")
    return points


def _concentration_points(
    summary: PortfolioSummary, concentration: calc.Concentration, lang: Lang
) -> list[str]:
    if (
        not concentration.largest_key
        or concentration.largest_weight <= limits().concentration_limit
    ):
        return []
    name = next(
        (h.name for h in summary.holdings if h.code == concentration.largest_key),
        concentration.largest_key,
    )
    share = f"{concentration.largest_weight * 100:.0f}%"
    if lang == "zh":
        return [f"讨论集中度：{name}占总资产{share}"]
    return [f"Discuss concentration in {name} ({share} of assets)"]


def _suitability_points(
    summary: PortfolioSummary, risk: CurrentRisk | None, lang: Lang
) -> list[str]:
    """Products held at the bank rated above what the client's valid level allows."""
    if risk is None or not risk.validity.usable:
        return []  # the risk point already asks for a (re)assessment
    allowed = max(rp.suitable_ratings(risk.level, risk.lowest_class))
    above = sorted({h.name for h in summary.holdings if h.at_this_bank and h.risk_rating > allowed})
    if not above:
        return []
    if lang == "zh":
        return [f"以下持仓风险等级高于客户的{risk.code}：{'、'.join(above[:3])}，复核适当性"]
    listed = ", ".join(above[:3])
    return [f"Holdings rated above the client's {risk.code}: {listed}; review suitability"]
