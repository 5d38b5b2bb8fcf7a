"""A recommended product's key terms, fees and liquidity in the advice pack's words.

Each function gives the same facts in Chinese and English (a ``Text``); the pack picks
the language. What a product records is stated with its unit: one-off fees in percent of
the amount, yearly fees in percent a year, the performance fee as a share of the return
above the benchmark, money in yuan. What it does not record is not guessed: a product
with no fee recorded at all keeps the reference to its documents, and one with no
terms at all reads as before (type and lock-up).
"""

from __future__ import annotations

from decimal import Decimal

from app.domain.bilingual import Text
from app.domain.product_terms import DEALING, ONE_OFF, YEARLY, ProductTerms, percent
from app.reports.brief import format_cny, format_cny_short

FEES_IN_DOCUMENTS = Text("费用以产品说明书为准。", "Fees as set out in the product documents.")
NO_FEES = Text(
    "不收取认购/申购、赎回、管理、托管及销售服务费，无业绩报酬。",
    "No subscription, redemption, management, custody or sales-service fee, and no "
    "performance fee.",
)
FEE_NAMES = {
    "subscription": Text("认购/申购费", "subscription fee"),
    "redemption": Text("赎回费", "redemption fee"),
    "management": Text("管理费", "management fee"),
    "custody": Text("托管费", "custody fee"),
    "sales_service": Text("销售服务费", "sales-service fee"),
    "performance": Text("业绩报酬", "performance fee"),
}
NO_LOCKUP = Text("无锁定期", "no lock-up")
OPEN_ENDED = Text("无固定期限", "open-ended")


def _join(parts: list[Text], zh_sep: str = "；", en_sep: str = "; ") -> Text:
    """Parts as one line: the English starts with a capital, the rest in lower case."""
    en = [p.en[:1].lower() + p.en[1:] if i else p.en for i, p in enumerate(parts)]
    if en:
        en[0] = en[0][:1].upper() + en[0][1:]
    return Text(zh_sep.join(p.zh for p in parts), en_sep.join(en))


def _span(days: int) -> Text:
    """``3年`` / ``3 years`` for whole years of 365 days, else ``91天`` / ``91 days``."""
    years, rest = divmod(days, 365)
    if years and not rest:
        return Text(f"{years}年", f"{years} year{'s' * (years > 1)}")
    return Text(f"{days}天", f"{days} days")


def _term(days: int) -> Text:
    span = _span(days)
    return Text(f"期限{span.zh}", f"term of {span.en}")


def _lockup(days: int) -> Text:
    return Text(f"锁定期{days}天", f"lock-up of {days} days") if days else NO_LOCKUP


def _minimum(minimum: Decimal, currency: str, amount: Decimal | None) -> Text:
    zh, en = [], []
    if currency != "CNY":
        zh.append("人民币等值")
        en.append("CNY equivalent")
    if amount is not None and amount < minimum:
        # The gate refuses a first purchase below the minimum, so this is a top-up.
        zh.append("本次为追加购买，追加起点以产品合同为准")
        en.append("this is a top-up, whose minimum the product contract sets")
    return Text(
        f"起购金额{format_cny_short(minimum, 'zh')}" + (f"（{'，'.join(zh)}）" if zh else ""),
        f"minimum {format_cny(minimum, 'en')}" + (f" ({'; '.join(en)})" if en else ""),
    )


def key_terms(
    kind: Text,
    terms: ProductTerms,
    lockup_days: int,
    currency: str = "CNY",
    amount_cny: Decimal | None = None,
) -> Text:
    """Type; minimum (a smaller ``amount_cny`` is a top-up, and says so); term or open-ended;
    dealing; benchmark; lock-up."""
    parts = [kind]
    if terms.recorded:
        if terms.min_investment_cny is not None:
            parts.append(_minimum(terms.min_investment_cny, currency, amount_cny))
        parts.append(_term(terms.term_days) if terms.term_days else OPEN_ENDED)
        if terms.dealing is not None:
            parts.append(DEALING[terms.dealing])
        if terms.benchmark:
            parts.append(
                Text(
                    f"业绩比较基准：{terms.benchmark}（不代表实际收益）",
                    f"benchmark {terms.benchmark} (not a promised return)",
                )
            )
    parts.append(_lockup(lockup_days))
    return _join(parts)


def fees(terms: ProductTerms) -> Text:
    """Each recorded fee with its unit; "none charged" for the zero ones."""
    recorded = [(name, value) for name, value in terms.fees.items() if value is not None]
    if not recorded:
        return FEES_IN_DOCUMENTS
    if len(recorded) == len(FEE_NAMES) and not any(value for _, value in recorded):
        return NO_FEES
    parts = [_fee(name, value) for name, value in recorded if value]
    free = [FEE_NAMES[name] for name, value in recorded if not value]
    if free:
        parts.append(
            Text(
                "不收取" + "、".join(n.zh for n in free),
                "no " + _or([n.en.removesuffix(" fee") for n in free]) + " fee",
            )
        )
    done = _join(parts)
    return Text(done.zh + "。", done.en + ".")


def _fee(name: str, value: Decimal) -> Text:
    label, rate = FEE_NAMES[name], percent(value)
    if name in ONE_OFF:
        return Text(f"{label.zh}{rate}（一次性）", f"{label.en} {rate} (one-off)")
    if name in YEARLY:
        return Text(f"{label.zh}{rate}/年", f"{label.en} {rate} a year")
    share = percent(value, 0)
    return Text(
        f"业绩报酬为超过业绩比较基准部分收益的{share}",
        f"performance fee {share} of the return above the benchmark",
    )


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def liquidity(terms: ProductTerms, lockup_days: int) -> Text:
    """How and when the money comes back: dealing, lock-up and term."""
    if terms.dealing is None and terms.term_days is None:
        return (
            Text(
                f"买入后{lockup_days}天内不可赎回",
                f"Cannot be redeemed for {lockup_days} days after purchase",
            )
            if lockup_days
            else Text("可按产品规则申购赎回", "Dealt as the product's terms allow")
        )
    term, dealing = terms.term_days, terms.dealing
    if dealing == "closed" and term:
        span = _span(term)
        parts = [Text(f"封闭期{span.zh}，到期兑付", f"closed for {span.en}, repaid at maturity")]
        if lockup_days and lockup_days != term:
            parts.append(_lockup(lockup_days))
        return _join(parts)
    parts = [DEALING[dealing]] if dealing is not None else []
    if dealing not in ("none", "closed"):  # those say already that it is not redeemed
        parts.append(
            Text(
                f"买入后{lockup_days}天内不可赎回",
                f"cannot be redeemed for {lockup_days} days after purchase",
            )
            if lockup_days
            else NO_LOCKUP
        )
    if term:
        parts.append(_term(term))
    return _join(parts)


__all__ = ["FEES_IN_DOCUMENTS", "NO_FEES", "fees", "key_terms", "liquidity", "percent"]
