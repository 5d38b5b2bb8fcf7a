"""What completing a sale will involve, as the advice pack states it per product: the
recording in the branch (双录), the cooling-off period and the follow-up call (回访).

Why it is shaped so (regulation.md §3): bankers meet clients outside the branch, so the
app prepares plans and packs but completes no subscription. The pack tells the client
what the sale itself will ask of them, so nothing about it comes as a surprise.

- 双录 (synchronous audio and video recording in the branch's 销售专区) is required for
  every sale to an individual of the bank's own 理财, structured deposits and products
  the bank sells for another firm (代销: funds, trusts, private funds, insurance); for
  other products (bonds, gold, equities) when rated R4 or above, or when the client is
  at or above the bank's elderly age. Deposits never.
- The cooling-off period and the follow-up call come from the product's recorded terms
  (``ProductTerms``). Nothing recorded, nothing said: the product documents govern.
"""

from __future__ import annotations

from app.domain.bilingual import Text
from app.domain.product_terms import ProductTerms

# 银监办发〔2017〕110号 (own 理财 and 代销), and the 2019 notice on structured deposits.
RECORDED_TYPES: dict[str, Text] = {
    "wmp": Text("本行理财产品", "the bank's own wealth-management product"),
    "structured": Text("结构性存款", "a structured deposit"),
    "mutual_fund": Text("代销产品", "sold by the bank for another firm"),
    "trust": Text("代销产品", "sold by the bank for another firm"),
    "private_fund": Text("代销产品", "sold by the bank for another firm"),
    "insurance": Text("代销保险产品", "insurance sold by the bank for an insurer"),
}
NEVER_RECORDED = frozenset({"deposit"})
HIGH_RISK_RATING = 4


def recording_reason(
    product_type: str, rating: int, age: int | None, elderly_age: int
) -> Text | None:
    """Why the sale must be recorded (双录), or None when it need not be."""
    if product_type in NEVER_RECORDED:
        return None
    if product_type in RECORDED_TYPES:
        return RECORDED_TYPES[product_type]
    if rating >= HIGH_RISK_RATING:
        return Text(f"高风险产品（R{rating}）", f"a high-risk product (R{rating})")
    if age is not None and age >= elderly_age:
        return Text(f"客户{age}岁", f"the client is {age}")
    return None


def _span(hours: int) -> Text:
    if hours >= 48 and hours % 24 == 0:
        return Text(f"{hours // 24}天", f"{hours // 24} days")
    return Text(f"{hours}小时", f"{hours} hours")


def cooling_off(product_type: str, terms: ProductTerms) -> Text | None:
    """The cooling-off period and the follow-up call, as recorded; None if neither is."""
    hours, callback = terms.cooling_off_hours, terms.needs_callback
    parts: list[Text] = []
    if hours == 0:
        parts.append(Text("无冷静期", "no cooling-off period"))
    elif hours is not None:
        span = _span(hours)
        insurance = product_type == "insurance"
        name = (
            Text("犹豫期", "free-look period")
            if insurance
            else Text("冷静期", "cooling-off period")
        )
        parts.append(
            Text(
                f"{name.zh}{span.zh}：签约后{span.zh}内可撤销并全额退款",
                f"a {name.en} of {span.en}: within {span.en} of signing the client may "
                "withdraw for a full refund",
            )
        )
    if callback:
        after = Text("期满后", "after it, ") if hours else Text("成交前", "before the sale, ")
        parts.append(
            Text(
                f"{after.zh}由非销售人员回访，回访确认后交易方才生效",
                f"{after.en}staff outside sales call the client to confirm; the sale "
                "completes only then",
            )
        )
    if not parts:
        return None
    return Text("；".join(p.zh for p in parts), "; ".join(p.en for p in parts))


def sales_process(
    product_type: str, rating: int, terms: ProductTerms, age: int | None, elderly_age: int
) -> Text | None:
    """双录, cooling-off and follow-up call in one sentence; None if nothing applies."""
    parts: list[Text] = []
    reason = recording_reason(product_type, rating, age, elderly_age)
    if reason is not None:
        parts.append(
            Text(
                f"须在本行网点销售专区同步录音录像（双录；{reason.zh}）",
                f"the sale is recorded on audio and video in the branch's sales area "
                f"(双录; {reason.en})",
            )
        )
    if (after := cooling_off(product_type, terms)) is not None:
        parts.append(after)
    if not parts:
        return None
    zh = "；".join(p.zh for p in parts) + "。"
    en = "; ".join(p.en for p in parts)
    return Text(zh, en[0].upper() + en[1:] + ".")


__all__ = ["RECORDED_TYPES", "cooling_off", "recording_reason", "sales_process"]
