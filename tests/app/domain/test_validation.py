"""Input validation: resident IDs, credit codes, phones, emails, dates, documents, cards, names."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.validation import (
    DOCUMENT_TYPES,
    Finding,
    check_bank_card,
    check_credit_code,
    check_document,
    check_email,
    check_mobile,
    check_name,
    check_resident_id,
    parse_date,
    resident_id_birth_date,
    resident_id_check_char,
    resident_id_gender,
)

TODAY = date(2025, 6, 1)
PREFIXES = [
    *range(11, 16),
    *range(21, 24),
    *range(31, 38),
    *range(41, 47),
    *range(50, 55),
    *range(61, 66),
    71,
    81,
    82,
    83,
]


def with_check(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


# --- resident ID -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("34052419800101001X", "34052419800101001X"),
        ("34052419800101001x", "34052419800101001X"),
        (" 340524 19800101 001x ", "34052419800101001X"),
        ("３４０５２４１９８００１０１００１Ｘ", "34052419800101001X"),  # full-width IME input
        (with_check("81000019900307123"), with_check("81000019900307123")),  # HK permit
    ],
)
def test_valid_resident_ids_are_normalised(number: str, expected: str) -> None:
    assert check_resident_id(number, today=TODAY) == expected


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("340524198001010013", "check"),
        ("340524198001010013", "should be X"),
        ("", "empty"),
        ("34052419800101001", "18 characters"),
        ("3405241980010100133", "18 characters"),
        ("340524800101001", "15-digit"),
        ("34052419800101001A", "digit or X"),
        ("3405241980010100X1", "digit or X"),
        (with_check("99052419800101001"), "province"),
        (with_check("00052419800101001"), "province"),
        (with_check("34052419800230001"), "not a real date"),
        (with_check("34052419801301001"), "not a real date"),
        (with_check("34052420300101001"), "future"),
        (with_check("34052418900101001"), "older than 120"),
    ],
)
def test_invalid_resident_ids_say_why(number: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        check_resident_id(number, today=TODAY)


def test_birth_date_must_match_the_id() -> None:
    assert check_resident_id("34052419800101001X", date(1980, 1, 1), TODAY)
    with pytest.raises(ValidationError, match="birth date"):
        check_resident_id("34052419800101001X", date(1980, 1, 2), TODAY)


def test_future_is_relative_to_today() -> None:
    number = with_check("11010520250602001")
    with pytest.raises(ValidationError, match="future"):
        check_resident_id(number, today=TODAY)
    assert check_resident_id(number, today=date(2025, 6, 2)) == number


def test_age_limit_is_inclusive_of_120() -> None:
    number = with_check("11010519050601001")
    assert check_resident_id(number, today=TODAY) == number
    with pytest.raises(ValidationError, match="120"):
        check_resident_id(number, today=date(2026, 6, 1))


def test_error_messages_do_not_repeat_the_number() -> None:
    with pytest.raises(ValidationError) as caught:
        check_resident_id("340524198001010013", today=TODAY)
    assert "340524198001010013" not in str(caught.value)


def test_birth_date_and_gender_helpers() -> None:
    assert resident_id_birth_date("11010519491231002x") == date(1949, 12, 31)
    assert resident_id_gender("11010519491231002X") == "F"
    assert resident_id_gender(with_check("11010519491231001")) == "M"
    with pytest.raises(ValidationError):
        resident_id_gender("123")


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(PREFIXES))
    area = draw(st.from_regex(r"[0-9]{4}", fullmatch=True))
    born = draw(st.dates(min_value=date(1906, 1, 1), max_value=TODAY))
    sequence = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    return with_check(f"{prefix}{area}{born:%Y%m%d}{sequence}")


@given(resident_ids())
def test_any_well_formed_id_validates(number: str) -> None:
    assert check_resident_id(number, today=TODAY) == number


@given(resident_ids(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_changing_any_one_character_fails(number: str, position: int, char: str) -> None:
    if number[position] == char:
        char = "0" if char != "0" else "1"
    changed = number[:position] + char + number[position + 1 :]
    with pytest.raises(ValidationError):
        check_resident_id(changed, today=TODAY)


# --- credit code --------------------------------------------------------------------


VALID_CREDIT_CODES = ["91350200776049653A", "91440101MA5CJQ4N59", "913502000728319549"]


@pytest.mark.parametrize("code", [*VALID_CREDIT_CODES, " 91440101ma5cjq4n59"])
def test_valid_credit_codes(code: str) -> None:
    assert check_credit_code(code) == []


def test_early_credit_code_failing_its_check_only_warns() -> None:
    findings = check_credit_code("91350100M0001TGQXM")
    assert len(findings) == 1
    assert findings[0].field == "credit_code"
    assert not findings[0].blocking
    assert "should be" in findings[0].message


def test_credit_code_with_bad_organisation_code_warns() -> None:
    # 91350200776049653A with character 17 changed and the last one recomputed.
    findings = check_credit_code("913502007760496501")
    assert [f.blocking for f in findings] == [False]
    assert "organisation code" in findings[0].message


@pytest.mark.parametrize(
    "code", ["", "9135020077604965", "91350200776049653AA", "9135020077604965OA"]
)
def test_badly_shaped_credit_codes_block(code: str) -> None:
    findings = check_credit_code(code)
    assert findings and findings[0].blocking
    assert "18" in findings[0].message


# --- phone and email ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("13812345678", "+8613812345678"),
        ("138 1234 5678", "+8613812345678"),
        ("138-1234-5678", "+8613812345678"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("+86-13812345678", "+8613812345678"),
        ("008613812345678", "+8613812345678"),
        ("8613812345678", "+8613812345678"),
        ("(+86) 19912345678", "+8619912345678"),
        ("+85291234567", "+85291234567"),
        ("+852 9123 4567", "+85291234567"),
        ("00852 9123 4567", "+85291234567"),
        ("+85366123456", "+85366123456"),
        ("+886912345678", "+886912345678"),
        ("+14155552671", "+14155552671"),
        ("+44 20 7123 4567", "+442071234567"),
    ],
)
def test_mobile_numbers_are_normalised_to_e164(number: str, expected: str) -> None:
    assert check_mobile(number) == expected


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("12812345678", "13-19"),
        ("1381234567", "13-19"),
        ("138123456789", "13-19"),
        ("+8612812345678", r"\+86"),
        ("+86 10 1234 5678", r"\+86"),
        ("+8529123456", r"\+852"),
        ("+1234567", "country code"),
        ("+1234567890123456", "country code"),
        ("", "country code"),
        ("phone", "country code"),
    ],
)
def test_invalid_mobile_numbers_say_why(number: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        check_mobile(number)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("zhang.san@Example.COM", "zhang.san@example.com"),
        (" Li@163.com ", "Li@163.com"),
        ("a+b@mail.bank.cn", "a+b@mail.bank.cn"),
        ("wang＠qq.com", "wang@qq.com"),
    ],
)
def test_valid_emails(value: str, expected: str) -> None:
    assert check_email(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("zhang san@example.com", "spaces"),
        ("zhang.example.com", "one @"),
        ("a@b@example.com", "one @"),
        ("@example.com", "one @"),
        ("zhang@localhost", "dot"),
        ("zhang@example.", "dot"),
        ("zhang@.com", "dot"),
    ],
)
def test_invalid_emails_say_why(value: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        check_email(value)


# --- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2024-03-05",
        "2024/3/5",
        "2024.3.5",
        "20240305",
        "2024年3月5日",
        "2024年03月05日",
        " 2024-3-5 ",
        date(2024, 3, 5),
        datetime(2024, 3, 5, 13, 45),
    ],
)
def test_dates_in_common_formats(value: str | date) -> None:
    assert parse_date(value) == date(2024, 3, 5)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("05/03/2024", "year-month-day"),
        ("2024-3/5", "year-month-day"),
        ("March 5, 2024", "year-month-day"),
        ("", "year-month-day"),
        ("2024-02-30", "does not exist"),
        ("20231301", "does not exist"),
    ],
)
def test_unreadable_dates_say_which_format(value: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        parse_date(value)


# --- documents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_type", "number", "expected"),
    [
        ("resident_id", "34052419800101001x", "34052419800101001X"),
        ("passport", "e1234 5678", "E12345678"),
        ("passport", "AB123", "AB123"),
        ("hk_macau_permit", "H12345678", "H12345678"),
        ("hk_macau_permit", "m1234567801", "M1234567801"),
        ("hk_macau_permit", "CA1234567", "CA1234567"),
        ("taiwan_permit", "12345678", "12345678"),
        ("taiwan_permit", "1234567890B", None),
        ("taiwan_permit", "123456789B", "123456789B"),
        ("foreign_permanent_residence", "USA110079010001", "USA110079010001"),
        ("foreign_permanent_residence", "911840198001010015", "911840198001010015"),
    ],
)
def test_document_numbers(doc_type: str, number: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(ValidationError):
            check_document(doc_type, number)
    else:
        assert check_document(doc_type, number) == expected


@pytest.mark.parametrize(
    ("doc_type", "number", "reason"),
    [
        ("passport", "E12", "5 to 17"),
        ("passport", "E1234-5678", "5 to 17"),
        ("hk_macau_permit", "X12345678", "H or M"),
        ("hk_macau_permit", "H1234567", "H or M"),
        ("taiwan_permit", "1234567890", "8 digits"),
        ("foreign_permanent_residence", "US110079010001", "3 letters"),
        ("foreign_permanent_residence", "811840198001010015", "starting with 9"),
        ("resident_id", "340524198001010013", "check"),
        ("driving_licence", "123456", "Unknown document type"),
    ],
)
def test_invalid_document_numbers_say_why(doc_type: str, number: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        check_document(doc_type, number)


def test_document_birth_date_is_checked_for_resident_ids() -> None:
    with pytest.raises(ValidationError, match="birth date"):
        check_document("resident_id", "34052419800101001X", date(1981, 1, 1))


def test_document_types_have_both_labels() -> None:
    assert DOCUMENT_TYPES["resident_id"] == ("居民身份证", "Resident ID card")
    assert set(DOCUMENT_TYPES) == {
        "resident_id",
        "passport",
        "hk_macau_permit",
        "taiwan_permit",
        "foreign_permanent_residence",
    }


# --- bank cards and names -----------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["4111111111111111", "6222 0212 3456 7890 128", "6222-0212-3456-7890-128"]
)
def test_valid_bank_cards(number: str) -> None:
    assert check_bank_card(number) == []


@pytest.mark.parametrize("number", ["6222021234567890", "4111111111111112"])
def test_bank_card_failing_luhn_only_warns(number: str) -> None:
    [finding] = check_bank_card(number)
    assert finding == Finding("bank_card", finding.message, blocking=False)
    assert "check digit" in finding.message


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("411111111111", "13 to 19"),
        ("41111111111111111111", "13 to 19"),
        ("4111 1111 1111 111A", "only digits"),
        ("", "13 to 19"),
    ],
)
def test_bank_card_shape_blocks(number: str, reason: str) -> None:
    findings = check_bank_card(number)
    assert any(f.blocking and reason in f.message for f in findings)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张伟", "张伟"),
        ("  欧阳  娜娜 ", "欧阳 娜娜"),
        ("阿卜杜·热合曼", "阿卜杜·热合曼"),
        ("阿卜杜•热合曼", "阿卜杜·热合曼"),
        ("John Smith", "John Smith"),
        ("J. R. Tolkien", "J. R. Tolkien"),
        ("José García", "José García"),
        ("王𠇔", "王𠇔"),
        ("李" * 30, "李" * 30),
    ],
)
def test_valid_names(name: str, expected: str) -> None:
    assert check_name(name) == expected


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("张", "2 to 30"),
        ("   ", "2 to 30"),
        ("李" * 31, "2 to 30"),
        ("张3", "not 3"),
        ("李@明", "not @"),
        ("··", "only punctuation"),
    ],
)
def test_invalid_names_say_why(name: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        check_name(name)
