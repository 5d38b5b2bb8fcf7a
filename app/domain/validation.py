"""Checks for what a banker types or imports: ID numbers, codes, phones, dates, names.

Why: a mistyped ID number or phone is cheap to fix at entry and costly after a client
visit or a failed import. Each check returns the one form we store (so HMAC lookups and
searches match) or raises ``ValidationError`` with one sentence the banker can act on.
Where legal values are known to fail a rule (old credit codes, legacy cards), the check
returns non-blocking ``Finding``s instead, so the banker can override it.
Rules: regulation.md §5 (GB 11643-1999, GB 32100-2015). Messages never repeat the whole
number, so a logged error does not leak C2 data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.errors import ValidationError


@dataclass(frozen=True)
class Finding:
    """One problem with one field; ``blocking=False`` is a warning the banker may override."""

    field: str
    message: str
    blocking: bool = True


def _compact(value: str) -> str:
    """Full-width forms folded (IME input), all whitespace removed."""
    return "".join(unicodedata.normalize("NFKC", value).split())


# --- 居民身份证 (GB 11643-1999) ---------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
# Province codes; 71/81/82/83 appear on Taiwan/HK/Macao residents' residence permits.
_ID_PREFIX_RANGES = ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 83))
_ID_PREFIXES = frozenset(code for low, high in _ID_PREFIX_RANGES for code in range(low, high + 1))
MAX_AGE = 120


def resident_id_check_char(first17: str) -> str:
    """The GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits.

    Args:
        first17: exactly 17 ASCII digits.

    Returns:
        One of ``0``-``9`` or ``X``.
    """
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _id_shape(number: str) -> str:
    normalised = _compact(number).upper()
    if _ID_SHAPE.fullmatch(normalised):
        return normalised
    if not normalised:
        raise ValidationError("The resident ID number is empty; enter the 18 characters.")
    if len(normalised) == 15 and normalised.isdigit():
        raise ValidationError(
            "This is an old 15-digit ID number, no longer valid since 2013; "
            "ask for the 18-character number on the current card."
        )
    if len(normalised) != 18:
        raise ValidationError(
            f"A resident ID number has 18 characters, but {len(normalised)} were entered."
        )
    raise ValidationError(
        "A resident ID number is 17 digits followed by a digit or X; other characters were entered."
    )


def _id_date(normalised: str) -> date:
    try:
        return date(int(normalised[6:10]), int(normalised[10:12]), int(normalised[12:14]))
    except ValueError:
        raise ValidationError(
            "Digits 7-14 of the ID number (the birth date) are not a real date; check them."
        ) from None


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _check_id_birth(normalised: str, today: date) -> date:
    born = _id_date(normalised)
    if born > today:
        raise ValidationError(
            "Digits 7-14 of the ID number (the birth date) are in the future; check them."
        )
    if _age(born, today) > MAX_AGE:
        raise ValidationError(
            f"Digits 7-14 of the ID number make the client older than {MAX_AGE}; check them."
        )
    return born


def check_resident_id(
    number: str, birth_date: date | None = None, today: date | None = None
) -> str:
    """Validate a resident ID (or HK/Macao/Taiwan residence permit) number.

    Args:
        number: the number as typed; spaces and a lower-case ``x`` are accepted.
        birth_date: the client's birth date field, if known; it must match the ID.
        today: the reference day for the future/age checks (default: today).

    Returns:
        The 18-character number with an upper-case ``X``.

    Raises:
        ValidationError: wrong length or characters, unknown province prefix, impossible,
            future or over-120 birth date, wrong check character, or birth-date mismatch.
    """
    normalised = _id_shape(number)
    prefix = normalised[:2]
    if int(prefix) not in _ID_PREFIXES:
        raise ValidationError(
            f"An ID number cannot start with {prefix} (no such province); check the first digits."
        )
    born = _check_id_birth(normalised, today or date.today())
    expected = resident_id_check_char(normalised[:17])
    if normalised[17] != expected:
        raise ValidationError(
            f"The last (check) character should be {expected}, not {normalised[17]}, "
            "so a digit was probably mistyped; compare with the ID card."
        )
    if birth_date is not None and birth_date != born:
        raise ValidationError(
            "The birth date entered differs from the one in the ID number (digits 7-14); "
            "correct one of them."
        )
    return normalised


def resident_id_birth_date(number: str) -> date:
    """The birth date encoded in digits 7-14 of a resident ID number.

    Raises:
        ValidationError: the number is not 18 characters or the date is impossible.
    """
    return _id_date(_id_shape(number))


def resident_id_gender(number: str) -> str:
    """``"M"`` or ``"F"`` from the 17th digit of a resident ID number (odd = male).

    Raises:
        ValidationError: the number is not 18 characters of the right kind.
    """
    return "M" if int(_id_shape(number)[16]) % 2 else "F"


# --- 统一社会信用代码 (GB 32100-2015) ---------------------------------------------

_CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_CC_SHAPE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_CC_OVERRIDE = "check it against the business licence (some early codes fail and are valid)"


def _credit_check_char(first17: str) -> str:
    total = sum(_CC_ALPHABET.index(ch) * w for ch, w in zip(first17, _CC_WEIGHTS, strict=True))
    return _CC_ALPHABET[(31 - total % 31) % 31]


def _org_check_char(body8: str) -> str:
    remainder = 11 - sum(int(ch, 36) * w for ch, w in zip(body8, _ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(remainder, str(remainder))


def check_credit_code(code: str) -> list[Finding]:
    """Check a unified social credit code.

    A wrong shape (length, letters I O S V Z) blocks; a failed check character only
    warns, since some legally issued early codes fail it.

    Args:
        code: the 18-character code; spaces and lower case are accepted.

    Returns:
        ``[]`` when the code is fine, else findings for the field ``credit_code``.
    """
    normalised = _compact(code).upper()
    if not _CC_SHAPE.fullmatch(normalised):
        return [
            Finding(
                "credit_code",
                "A credit code has 18 letters and digits, without "
                "I, O, S, V or Z, as printed on the business licence.",
            )
        ]
    expected = _credit_check_char(normalised[:17])
    if normalised[17] != expected:
        message = f"The last character should be {expected}, not {normalised[17]}; {_CC_OVERRIDE}."
        return [Finding("credit_code", message, blocking=False)]
    if _org_check_char(normalised[8:16]) != normalised[16]:
        message = f"Characters 9-17 (the organisation code) fail their check; {_CC_OVERRIDE}."
        return [Finding("credit_code", message, blocking=False)]
    return []


# --- Phone and email -----------------------------------------------------------

_MAINLAND_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_E164 = re.compile(r"\+[0-9]{8,15}")
_PHONE_PUNCTUATION = re.compile(r"[\s\-()]")
_LOCAL_LENGTHS = {"852": (8,), "853": (8,), "886": (8, 9)}


def _mainland_part(compact: str) -> str | None:
    """The 11-digit national number if ``compact`` carries the +86 country code."""
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            return compact.removeprefix(prefix)
    if compact.startswith("86") and len(compact) == 13:
        return compact[2:]
    return compact if compact.isascii() and compact.isdigit() else None


def _check_international(compact: str) -> str:
    number = "+" + compact[2:] if compact.startswith("00") else compact
    if not _E164.fullmatch(number):
        raise ValidationError(
            "A mobile number is 11 digits starting 13-19 on the mainland, or + with the "
            "country code elsewhere (e.g. +852 9123 4567)."
        )
    for code, lengths in _LOCAL_LENGTHS.items():
        if number.startswith("+" + code) and len(number) - 1 - len(code) not in lengths:
            digits = " or ".join(str(n) for n in lengths)
            raise ValidationError(f"A +{code} number has {digits} digits after the country code.")
    return number


def check_mobile(number: str) -> str:
    """Normalise a mobile number to E.164.

    Args:
        number: a mainland number (optionally with +86, 0086 or 86) or an international
            number starting with + or 00; spaces, hyphens and brackets are ignored.

    Returns:
        The E.164 form, e.g. ``"+8613812345678"``.

    Raises:
        ValidationError: not a mainland mobile number nor an E.164 number.
    """
    compact = _PHONE_PUNCTUATION.sub("", unicodedata.normalize("NFKC", number))
    national = _mainland_part(compact)
    if national is not None and _MAINLAND_MOBILE.fullmatch(national):
        return "+86" + national
    if national is not None and compact.startswith(("+86", "0086")):
        raise ValidationError(
            "A mainland (+86) mobile number has 11 digits starting 13-19, e.g. 138 1234 5678."
        )
    return _check_international(compact)


def check_email(value: str) -> str:
    """Pragmatically check an email address: one @, a dotted domain, no spaces.

    Returns:
        The address, trimmed, with the domain in lower case.

    Raises:
        ValidationError: the address cannot be right.
    """
    text = unicodedata.normalize("NFKC", value).strip()
    if any(ch.isspace() for ch in text):
        raise ValidationError("An email address cannot contain spaces, as in name@example.com.")
    local, _, domain = text.partition("@")
    if text.count("@") != 1 or not local:
        raise ValidationError("An email address has one @ with a name before it: name@example.com.")
    labels = domain.split(".")
    if len(labels) < 2 or not all(labels):
        raise ValidationError("After the @ comes a domain with a dot, such as example.com.")
    return f"{local}@{domain.lower()}"


# --- Dates -------------------------------------------------------------------------

_DATE_FORMATS = (
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"),
    re.compile(r"(\d{4})()(\d{2})(\d{2})"),
    re.compile(r"(\d{4})(年)(\d{1,2})月(\d{1,2})日?"),
)
_DATE_HINT = "use year-month-day, e.g. 2024-03-05, 2024/3/5, 20240305 or 2024年3月5日"


def parse_date(value: str | date | datetime) -> date:
    """Read a date as bankers and spreadsheets write it.

    Args:
        value: ``2024-03-05``, ``2024/3/5``, ``2024.3.5``, ``20240305``, ``2024年3月5日``,
            or a ``date``/``datetime`` (e.g. from openpyxl; the time is dropped).

    Raises:
        ValidationError: another format, or a day that does not exist.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _compact(value)
    for pattern in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if match:
            year, _, month, day = match.groups()
            try:
                return date(int(year), int(month), int(day))
            except ValueError:
                message = f"This day does not exist in the calendar; {_DATE_HINT}."
                raise ValidationError(message) from None
    raise ValidationError(f"The date cannot be read; {_DATE_HINT}.")


# --- Identity documents -------------------------------------------------------------

DOCUMENT_TYPES: dict[str, tuple[str, str]] = {
    "resident_id": ("居民身份证", "Resident ID card"),
    "passport": ("护照", "Passport"),
    "hk_macau_permit": ("港澳通行证", "Hong Kong/Macao travel permit"),
    "taiwan_permit": ("台湾居民来往大陆通行证", "Taiwan residents' travel permit"),
    "foreign_permanent_residence": ("外国人永久居留身份证", "Foreign permanent resident ID card"),
}

_DOCUMENT_RULES: dict[str, tuple[re.Pattern[str], str]] = {
    "passport": (re.compile(r"[A-Z0-9]{5,17}"), "it has 5 to 17 letters and digits"),
    "hk_macau_permit": (
        re.compile(r"[HM][0-9]{8}(?:[0-9]{2})?|C[A-Z0-9]{8}"),
        "it is H or M and 8 digits (e.g. H12345678), or C and 8 letters or digits",
    ),
    "taiwan_permit": (
        re.compile(r"[0-9]{8}|(?=.*[A-Z])[A-Z0-9]{10}"),
        "it is 8 digits, or 10 letters and digits on older permits",
    ),
    "foreign_permanent_residence": (
        re.compile(r"[A-Z]{3}[0-9]{12}|9[0-9]{16}[0-9X]"),
        "it is 3 letters and 12 digits, or 18 digits starting with 9 on the 2023 card",
    ),
}


def check_document(doc_type: str, number: str, birth_date: date | None = None) -> str:
    """Validate an identity-document number of one of ``DOCUMENT_TYPES``.

    Args:
        doc_type: a key of ``DOCUMENT_TYPES``.
        number: the number as typed; spaces and lower case are accepted.
        birth_date: the client's birth date; only resident IDs carry one to compare.

    Returns:
        The number, without spaces, in upper case.

    Raises:
        ValidationError: unknown document type, or a number of the wrong shape.
    """
    if doc_type == "resident_id":
        return check_resident_id(number, birth_date)
    if doc_type not in _DOCUMENT_RULES:
        known = ", ".join(DOCUMENT_TYPES)
        raise ValidationError(f"Unknown document type {doc_type!r}; choose one of {known}.")
    pattern, rule = _DOCUMENT_RULES[doc_type]
    normalised = _compact(number).upper()
    if not pattern.fullmatch(normalised):
        label = DOCUMENT_TYPES[doc_type][1].lower()
        raise ValidationError(f"This is not a valid {label} number: {rule}.")
    return normalised


# --- Bank cards and names -------------------------------------------------------------


def _luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def check_bank_card(number: str) -> list[Finding]:
    """Check a bank card number: 13-19 digits block, a failed Luhn check only warns.

    Args:
        number: the card number; spaces and hyphens are ignored.

    Returns:
        ``[]`` when fine, else findings for the field ``bank_card``.
    """
    compact = _compact(number).replace("-", "")
    findings: list[Finding] = []
    if not re.fullmatch(r"[0-9]*", compact):
        findings.append(Finding("bank_card", "A card number has only digits; remove the rest."))
    if not 13 <= len(compact) <= 19:
        findings.append(
            Finding("bank_card", f"A card number has 13 to 19 digits, not {len(compact)}.")
        )
    if not findings and not _luhn_ok(compact):
        message = "The card number fails its check digit, so a digit may be mistyped; "
        message += "compare it with the card (some old cards fail and are valid)."
        findings.append(Finding("bank_card", message, blocking=False))
    return findings


_NAME_DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "∙": "·", "．": "."})
_NAME_PUNCTUATION = frozenset(" ·.")


def _name_char_ok(char: str) -> bool:
    if char in _NAME_PUNCTUATION:
        return True
    kind = unicodedata.name(char, "")
    return kind.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")) or (
        kind.startswith("LATIN") and char.isalpha()
    )


def check_name(name: str) -> str:
    """Check a person's name: 2-30 characters of Chinese, Latin letters, space, ``·`` or ``.``.

    Returns:
        The name trimmed, runs of spaces collapsed, dot look-alikes turned into ``·``.

    Raises:
        ValidationError: too short, too long, or other characters.
    """
    text = " ".join(name.translate(_NAME_DOTS).split())
    if not 2 <= len(text) <= 30:
        raise ValidationError(f"A name has 2 to 30 characters, not {len(text)}.")
    bad = sorted({char for char in text if not _name_char_ok(char)})
    if bad or not any(char.isalpha() for char in text):
        shown = " ".join(bad) or "only punctuation"
        raise ValidationError(
            f"A name may hold Chinese characters, Latin letters, spaces, · and . only, not {shown}."
        )
    return text
