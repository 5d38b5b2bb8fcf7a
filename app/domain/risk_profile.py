"""Client risk levels C1–C5: names, meanings, what each may hold, expiry, age and care.

Rules (regulation.md §1.3–1.5, §1.7):
- five client levels C1 保守型 … C5 进取型; C_n may be matched directly with product
  ratings R1..R_n. The lowest class (最低类别) sits inside C1 and may hold R1 only, and
  no override ever lifts it, so it is a separate flag, not a sixth level.
- an assessment is valid for N calendar months (bank 理财: 12): it is valid on every day
  *before* ``expires_on`` and expired *on* it. A month later than the 31st clamps to the
  month's last day, so 2026-01-31 + 1 month is 2026-02-28.
- age is whole years (周岁), a year older on the birthday itself; a 29 February birthday
  counts from 1 March in common years, when 29 February does not exist.
- clients at or over an age threshold (default 65) or flagged vulnerable need extra care;
  the note explaining why is given in Chinese and English.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.errors import ValidationError
from app.domain.validation import resident_id_birth_date

ELDERLY_AGE = 65
VALIDITY_MONTHS = 12
WARN_DAYS = 30


@dataclass(frozen=True)
class RiskLevel:
    """One client risk level; ``number`` is 1..5 and is what gets stored."""

    number: int
    code: str
    name_zh: str
    name_en: str
    meaning_zh: str
    meaning_en: str


LEVELS: tuple[RiskLevel, ...] = (
    RiskLevel(
        1,
        "C1",
        "保守型",
        "Conservative",
        "以保障本金安全和资金流动性为首要目标，基本不愿承担本金损失；仅适合低风险（R1）产品。",
        "Puts the safety of the principal and access to the money first and accepts almost "
        "no loss; suitable for low-risk (R1) products only.",
    ),
    RiskLevel(
        2,
        "C2",
        "稳健型",
        "Moderately conservative",
        "追求稳定收益，可承受较小幅度的本金波动；适合中低风险（R1–R2）及以下产品。",
        "Seeks steady returns and can bear small swings in the principal; suitable for "
        "low to medium-low risk (R1–R2) products.",
    ),
    RiskLevel(
        3,
        "C3",
        "平衡型",
        "Balanced",
        "在收益与风险之间寻求平衡，可承受一定幅度的本金损失；适合中风险（R1–R3）及以下产品。",
        "Balances return against risk and can bear a moderate loss of principal; suitable "
        "for products up to medium risk (R1–R3).",
    ),
    RiskLevel(
        4,
        "C4",
        "成长型",
        "Growth",
        "追求资产较快增长，可承受较大幅度的本金波动与损失；适合中高风险（R1–R4）及以下产品。",
        "Seeks faster growth and can bear large swings and losses of principal; suitable "
        "for products up to medium-high risk (R1–R4).",
    ),
    RiskLevel(
        5,
        "C5",
        "进取型",
        "Aggressive",
        "追求高收益，可承受很大幅度乃至全部本金损失；适合各风险等级（R1–R5）产品。",
        "Seeks high returns and can bear very large losses, even of the whole principal; "
        "suitable for products of every risk rating (R1–R5).",
    ),
)

LOWEST_CLASS_NAME_ZH = "最低类别"
LOWEST_CLASS_NAME_EN = "lowest class"
_LOWEST_CLASS_MEANING_ZH = (
    "属于最低类别（不能承受任何本金损失），只能购买R1产品，任何情况下不得突破。"
)
_LOWEST_CLASS_MEANING_EN = (
    "In the lowest class (cannot bear any loss of principal): R1 products only, "
    "with no exception on request."
)


def _is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def risk_level(number: int) -> RiskLevel:
    """The level ``number`` (1..5); a ``ValueError`` otherwise, as that is a bug or bad data."""
    if not 1 <= number <= len(LEVELS):
        raise ValueError(f"a client risk level is 1 to {len(LEVELS)}, not {number!r}")
    return LEVELS[number - 1]


def level_code(number: int) -> str:
    """``"C3"`` for 3."""
    return risk_level(number).code


def level_name(number: int, lang: str = "zh", lowest_class: bool = False) -> str:
    """``平衡型`` / ``Balanced``; the lowest class reads ``保守型（最低类别）``."""
    level = risk_level(number)
    if _is_zh(lang):
        return f"{level.name_zh}（{LOWEST_CLASS_NAME_ZH}）" if lowest_class else level.name_zh
    return f"{level.name_en} ({LOWEST_CLASS_NAME_EN})" if lowest_class else level.name_en


def level_meaning(number: int, lang: str = "zh", lowest_class: bool = False) -> str:
    """One or two sentences on what the level means for the client and the products."""
    level = risk_level(number)
    if lowest_class:
        return _LOWEST_CLASS_MEANING_ZH if _is_zh(lang) else _LOWEST_CLASS_MEANING_EN
    return level.meaning_zh if _is_zh(lang) else level.meaning_en


def suitable_ratings(level: int, lowest_class: bool = False) -> range:
    """Product ratings (1..5 for R1..R5) that client ``level`` may be matched with directly.

    C_n holds R1..R_n; the lowest class holds R1 only whatever its level says.
    """
    risk_level(level)
    return range(1, 2) if lowest_class else range(1, level + 1)


# --- Validity ----------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the target month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def expires_on(assessed_on: date, validity_months: int = VALIDITY_MONTHS) -> date:
    """The first day on which an assessment made on ``assessed_on`` is no longer valid.

    Valid on every day ``< expires_on(...)``, expired on it: assessed 2026-03-15 with
    12 months, the last valid day is 2027-03-14.
    """
    if validity_months < 1:
        raise ValueError(f"validity must be at least one month, not {validity_months}")
    return add_months(assessed_on, validity_months)


class ValidityStatus(StrEnum):
    MISSING = "missing"  # never assessed (or no expiry recorded): no sale, no advice
    VALID = "valid"
    EXPIRING = "expiring"  # still valid, but within the warning window
    EXPIRED = "expired"


@dataclass(frozen=True)
class Validity:
    """``days_left`` counts days until the expiry date: 1 on the last valid day, 0 or less
    once expired, ``None`` when there is no assessment."""

    status: ValidityStatus
    days_left: int | None

    @property
    def usable(self) -> bool:
        """Whether recommendations may rely on the assessment today."""
        return self.status in (ValidityStatus.VALID, ValidityStatus.EXPIRING)


def validity_status(expires_on: date | None, today: date, warn_days: int = WARN_DAYS) -> Validity:
    """Where an assessment stands on ``today``.

    EXPIRED from the expiry date on; EXPIRING while ``1 <= days_left <= warn_days`` (so
    with 30, exactly 30 days before the expiry date warns, 31 does not); else VALID.
    """
    if expires_on is None:
        return Validity(ValidityStatus.MISSING, None)
    days_left = (expires_on - today).days
    if days_left <= 0:
        return Validity(ValidityStatus.EXPIRED, days_left)
    if days_left <= warn_days:
        return Validity(ValidityStatus.EXPIRING, days_left)
    return Validity(ValidityStatus.VALID, days_left)


# --- Age and extra care ----------------------------------------------------------------


def age_on(birth_date: date, today: date) -> int:
    """Whole years (周岁) on ``today``: one more on the birthday itself.

    A 29 February birthday is reached on 1 March in common years, since comparing
    (month, day) puts (2, 28) before (2, 29).
    """
    if today < birth_date:
        raise ValueError("the day asked about is before the birth date")
    return (
        today.year
        - birth_date.year
        - ((today.month, today.day) < (birth_date.month, birth_date.day))
    )


def birth_date_from_id(number: str) -> date | None:
    """The birth date in an 18-character resident ID number, or ``None`` if it has none.

    The number is not fully validated here (it was checked on entry); a number of another
    shape, such as a passport number, simply gives no birth date.
    """
    try:
        return resident_id_birth_date(number)
    except ValidationError:
        return None


def needs_extra_care(age: int | None, vulnerable: bool, threshold: int = ELDERLY_AGE) -> bool:
    """Whether the client needs extra care: age at or over ``threshold``, or flagged vulnerable.

    An unknown age alone does not trigger it; the vulnerable flag alone does.
    """
    return vulnerable or (age is not None and age >= threshold)


def extra_care_reason(
    age: int | None, vulnerable: bool, lang: str = "zh", threshold: int = ELDERLY_AGE
) -> str | None:
    """The visible note saying why extra care applies, or ``None`` when it does not."""
    zh = _is_zh(lang)
    sentences: list[str] = []
    if age is not None and age >= threshold:
        sentences.append(
            f"客户现年{age}周岁，已达{threshold}周岁关注线，销售较高风险产品须履行特别注意义务。"
            if zh
            else f"The client is {age}, at or over the age threshold of {threshold}: "
            "selling higher-risk products needs special care."
        )
    if vulnerable:
        sentences.append(
            "客户被标记为需特别关注的客户，每次销售均须格外审慎。"
            if zh
            else "The client is flagged as vulnerable: take special care in every sale."
        )
    if not sentences:
        return None
    return ("" if zh else " ").join(sentences)
