"""Data classes of JR/T 0171-2020 and the default masks for C2 data.

Why: C2 data (ID and account numbers, phones, addresses, balances) is masked by default
in lists, search results, PDFs and screenshots, and C3 data (PINs, CVN, passwords,
biometrics) must never be stored at all (regulation.md §4.3). The masks follow common
bank practice (``622202******1234``, ``138****1234``, ``李**``). Every mask returns ``""``
for empty input and never the value itself: short values are masked harder, not less.
"""

from __future__ import annotations

import math
import re
from enum import StrEnum

from app.domain.errors import ValidationError
from app.domain.money import CURRENCY_SYMBOLS, Money


class DataClass(StrEnum):
    """JR/T 0171-2020 categories: C3 authentication data, C2 identity/account data, C1 rest."""

    C1 = "C1"
    C2 = "C2"
    C3 = "C3"


_C2_FIELDS = (
    "id_number",
    "document_number",
    "resident_id",
    "passport_number",
    "account_number",
    "bank_card",
    "card_number",
    "mobile",
    "phone",
    "email",
    "address",
    "home_address",
    "sms_code",
    "balance",
    "balances",
    "assets",
    "aum",
    "holdings",
    "property",
    "income",
    "liabilities",
    "borrowing",
    "transactions",
    "kyc_photo",
    "kyc_video",
    "face_photo",
    "id_photo",
    "recording",
)
_C1_FIELDS = (
    "name",
    "name_pinyin",
    "gender",
    "birth_date",
    "city",
    "occupation",
    "employer",
    "tier",
    "risk_level",
    "investor_class",
    "nationality",
    "document_type",
    "opening_date",
    "opening_institution",
    "payment_token",
    "notes_count",
)

FIELD_CLASSES: dict[str, DataClass] = {
    **dict.fromkeys(_C1_FIELDS, DataClass.C1),
    **dict.fromkeys(_C2_FIELDS, DataClass.C2),
}

C3_FIELDS: frozenset[str] = frozenset(
    {
        "password",
        "login_password",
        "transaction_password",
        "pin",
        "card_pin",
        "cvn",
        "cvn2",
        "cvv",
        "cvv2",
        "cvc",
        "cvc2",
        "card_expiry",
        "card_expiry_date",
        "track_data",
        "track1",
        "track2",
        "track3",
        "magnetic_stripe",
        "biometric",
        "biometrics",
        "biometric_template",
        "fingerprint",
        "face_template",
        "voiceprint",
        "iris",
    }
)
_C3_WORDS = frozenset(
    {"password", "passwd", "passcode", "pin", "cvn", "cvn2", "cvv", "cvv2", "cvc", "cvc2"}
    | {"track1", "track2", "track3", "biometric", "biometrics", "fingerprint", "voiceprint"}
)


def _snake(field_name: str) -> str:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", field_name.strip())
    return re.sub(r"[\s\-.]+", "_", spaced).lower()


def field_class(field_name: str) -> DataClass:
    """The data class of a field; unknown names are C1, C3-looking names C3.

    Args:
        field_name: a snake_case or camelCase field name.
    """
    name = _snake(field_name)
    if name in C3_FIELDS or _C3_WORDS.intersection(name.split("_")):
        return DataClass.C3
    return FIELD_CLASSES.get(name, DataClass.C1)


def assert_storable(field_name: str) -> None:
    """Refuse a field that holds C3 authentication data, which must never be stored.

    Raises:
        ValidationError: the field holds a PIN, password, CVN, card track data or biometrics.
    """
    if field_class(field_name) is DataClass.C3:
        raise ValidationError(
            f"The field {field_name!r} would hold a PIN, password, CVN, card track data or "
            "biometrics, which must never be stored (JR/T 0171 C3); remove it."
        )


def _mask_middle(value: str, head: int, tail: int) -> str:
    """Keep ``head`` and ``tail`` characters; on short values keep at most a quarter each."""
    hidden = len(value) - head - tail
    if hidden < max(1, math.ceil(len(value) / 3)):
        head, tail = min(head, len(value) // 4), min(tail, len(value) // 4)
    end = len(value) - tail
    return value[:head] + "*" * (end - head) + value[end:]


def _strip(value: str | None) -> str:
    return "".join((value or "").split())


def mask_id_number(value: str | None) -> str:
    """``110105********002X`` for 18-character IDs, ``E*******78`` for other documents."""
    text = _strip(value)
    return _mask_middle(text, 6, 4) if len(text) == 18 else _mask_middle(text, 1, 2)


def mask_account(value: str | None) -> str:
    """``622202******1234``: first 6 and last 4 characters of a card or account number."""
    return _mask_middle(_strip(value).replace("-", ""), 6, 4)


_ONE_DIGIT_CODES = ("1", "7")
_TWO_DIGIT_CODES = frozenset(
    {20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52}
    | {53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92}
    | {93, 94, 95, 98}
)


def _country_code(digits: str) -> str:
    """The E.164 country code at the start of ``digits`` (codes are prefix-free)."""
    if digits.startswith(_ONE_DIGIT_CODES):
        return digits[:1]
    return digits[:2] if int(digits[:2]) in _TWO_DIGIT_CODES else digits[:3]


def mask_mobile(value: str | None) -> str:
    """``138****5678`` for mainland numbers (with or without +86), ``+852****4567`` abroad."""
    text = re.sub(r"[\s\-()]", "", value or "")
    national = re.sub(r"^(?:\+86|0086)", "", text)
    if re.fullmatch(r"1[0-9]{10}", national):
        return national[:3] + "****" + national[-4:]
    if re.fullmatch(r"\+[0-9]{8,15}", text):
        code = _country_code(text[1:])
        return f"+{code}" + _mask_middle(text[1 + len(code) :], 0, 4)
    return _mask_middle(text, 3, 4)


def mask_email(value: str | None) -> str:
    """``z***@example.com``: the first character of the name, then the whole domain."""
    text = (value or "").strip()
    local, at, domain = text.rpartition("@")
    if not at:
        return _mask_middle(text, 1, 0)
    return (local[0] if len(local) > 1 else "") + "***@" + domain


def mask_name(value: str | None) -> str:
    """``张**``: the first character, then one star per other character (at most five)."""
    text = " ".join((value or "").split())
    if len(text) <= 1:
        return "*" * len(text)
    return text[0] + "*" * min(len(text) - 1, 5)


_DISTRICT = re.compile(r"(?<!自治)(?<!行政)(?<![小社])[区县旗]")
_CITY = re.compile(r"市")
_ADDRESS_PREFIX_LIMIT = 20


def mask_address(value: str | None) -> str:
    """``上海市浦东新区****``: kept to the district (区/县/旗) or city, the rest hidden."""
    text = (value or "").strip()
    if not text:
        return ""
    head = text[:_ADDRESS_PREFIX_LIMIT]
    district = _DISTRICT.search(head)
    cities = list(_CITY.finditer(head[:12]))
    if district:
        keep = district.end()
    elif cities:
        keep = cities[-1].end()
    else:
        keep = min(6, len(text) // 2)
    return text[:keep] + "****"


def mask_amount(value: Money | None) -> str:
    """``¥******``: the currency only; the same width for every amount, so no magnitude."""
    if value is None:
        return ""
    symbol = CURRENCY_SYMBOLS.get(value.currency, value.currency + " ")
    return symbol + "******"
