"""Client import from CSV and XLSX: every row checked, then all rows or none."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.domain.errors import ConfidantError, ValidationError
from app.domain.validation import resident_id_check_char
from app.services import importer
from app.services.config import resources_dir
from app.services.importer import (
    ImportReport,
    RowProblem,
    check_row,
    field_for_header,
    format_problems,
    import_clients,
    read_client_rows,
)
from app.services.workspace import Workspace
from app.vault.keys import KdfParams
from app.vault.models import AuditEvent, Client, IdentityDocument, OutboxEntry

ZH = ["姓名", "性别", "出生日期", "证件类型", "证件号码", "手机", "邮箱", "城市", "职业"]
EN = [
    "name",
    "gender",
    "birth_date",
    "id_type",
    "id_number",
    "mobile",
    "email",
    "city",
    "occupation",
]
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "伟芳娜敏静丽强磊军洋"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(
        tmp_path / "v", "test passphrase 123", KdfParams(memory_kib=8192, passes=1, lanes=1)
    )
    yield workspace
    workspace.close()


def resident_id(born: date, seq: int = 123, area: str = "110105") -> str:
    first17 = f"{area}{born:%Y%m%d}{seq:03d}"
    return first17 + resident_id_check_char(first17)


def person(i: int) -> list[str]:
    """One valid row (columns as ``ZH``/``EN``); ``i`` makes name, ID and mobile unique."""
    born = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
    return [
        SURNAMES[i % 10] + GIVEN[i // 10 % 10] + GIVEN[i % 10],
        "男" if i % 2 else "女",
        born.isoformat(),
        "居民身份证",
        resident_id(born, i % 1000, f"{110101 + i // 1000}"),
        f"139{i:08d}",
        f"client{i}@example.com",
        "上海",
        "企业主",
    ]


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def count(ws: Workspace, model: type, *where: object) -> int:
    with ws.begin() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0  # type: ignore[arg-type]


def cells(report: ImportReport) -> set[tuple[int, str]]:
    return {(p.row, p.column) for p in report.problems}


# --- encodings and formats ------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "gb18030"])
def test_csv_in_the_encodings_excel_writes(ws: Workspace, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(5)], encoding)
    report = import_clients(ws, path)
    assert report.ok, format_problems(report)
    assert (report.rows, report.imported, report.warnings) == (5, 5, ())
    assert ws.clients.count() == 5
    names = {row.name for row in ws.clients.list()}
    assert person(3)[0] in names


def test_gbk_csv_with_annotated_full_width_headers(ws: Workspace, tmp_path: Path) -> None:
    header = [
        " 姓名 ",
        "性别",
        "出生日期",
        "证件类型",
        "证件号码（18位）",
        "手机（必填）",
        "邮箱",
        "城市",
        "职业",
    ]
    path = write_csv(tmp_path / "book.csv", header, [person(i) for i in range(3)], "gbk")
    headers, rows = read_client_rows(path)
    assert headers[5] == "手机（必填）"
    first = next(rows)
    assert first[0] == 2 and first[1]["mobile"] == "13900000000"
    assert import_clients(ws, path).imported == 3


def test_plain_utf8_with_english_headers_and_other_columns(ws: Workspace, tmp_path: Path) -> None:
    header = [*EN, "Employer", "Relationship Manager", "Onboarded On", "Needs"]
    rows = [[*person(i), "示例公司", "王经理", "2024/3/5", "养老"] for i in range(3)]
    path = write_csv(tmp_path / "book.csv", header, rows)
    assert import_clients(ws, path).ok
    profile = ws.clients.show(person(1)[0])
    assert profile.employer == "示例公司"
    assert profile.row.relationship_manager == "王经理"
    assert profile.onboarded_on == date(2024, 3, 5)
    assert profile.needs == "养老"
    assert profile.row.mobile == "+8613900000001"


def test_xlsx_with_english_headers_and_a_real_date_cell(ws: Workspace, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Gender", "Birth Date", "ID Type", "ID Number", "Mobile", "City"])
    born = date(1982, 7, 9)
    sheet.append(
        [
            "Li Wei",
            "M",
            datetime(1982, 7, 9),
            "resident_id",
            resident_id(born, 5),
            13812345678,
            "Beijing",
        ]
    )
    sheet.cell(2, 3).number_format = "yyyy-mm-dd"
    sheet.append([None] * 7)  # a blank row is skipped
    sheet.append(["王芳", "女", date(1990, 1, 2), "护照", "E12345678", "+852 9123 4567", "香港"])
    path = tmp_path / "book.xlsx"
    book.save(path)

    headers, rows = read_client_rows(path)
    assert headers[:3] == ["Name", "Gender", "Birth Date"]
    numbered = list(rows)
    assert [n for n, _ in numbered] == [2, 4]
    assert numbered[0][1]["birth_date"] == "1982-07-09"
    report = import_clients(ws, path)
    assert report.ok, format_problems(report)
    assert report.imported == 2
    profile = ws.clients.show("Li Wei")
    assert profile.birth_date == born
    assert profile.row.mobile == "+8613812345678"
    assert [d.doc_type for d in ws.clients.show("王芳").documents] == ["passport"]


def test_an_id_number_excel_turned_into_a_float_is_explained(ws: Workspace, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["姓名", "证件号码"])
    book.active.append(["张伟", 1.10105198005121e17])
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = import_clients(ws, path)
    assert cells(report) == {(2, "证件号码")}
    assert "scientific notation" in report.problems[0].message


def test_tab_separated_utf16_text_as_excel_saves_unicode_text(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "book.csv"
    lines = ["\t".join(ZH), *("\t".join(person(i)) for i in range(2))]
    path.write_text("\r\n".join(lines), encoding="utf-16")
    assert import_clients(ws, path).imported == 2


# --- all or nothing -------------------------------------------------------------------------


def test_three_bad_rows_among_ten_import_nothing(ws: Workspace, tmp_path: Path) -> None:
    rows = [person(i) for i in range(10)]
    good = rows[2][4]
    rows[2][4] = good[:17] + ("0" if good[17] != "0" else "1")  # excel row 4: check char
    rows[4][5] = "1231234"  # excel row 6: mobile
    rows[7][2] = "1999-12-31"  # excel row 9: birth date differs from the ID
    path = write_csv(tmp_path / "book.csv", ZH, rows, "utf-8-sig")

    report = import_clients(ws, path)

    assert not report.ok
    assert (report.rows, report.imported) == (10, 0)
    assert [(p.row, p.column) for p in report.problems] == [
        (4, "证件号码"),
        (6, "手机"),
        (9, "证件号码"),
    ]
    assert "check" in report.problems[0].message
    assert "birth date" in report.problems[2].message
    assert ws.clients.count() == 0
    assert count(ws, AuditEvent, AuditEvent.action == "clients.imported") == 0


def test_every_problem_in_a_row_is_reported(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "book.csv",
        ["姓名", "性别", "邮箱", "出生日期", "证件类型"],
        [["X", "未知", "not-an-email", "2024-02-30", "驾驶证"]],
    )
    report = import_clients(ws, path)
    assert [p.column for p in report.problems] == ["姓名", "性别", "邮箱", "出生日期", "证件类型"]


def test_duplicate_identity_number_within_the_file(ws: Workspace, tmp_path: Path) -> None:
    rows = [person(i) for i in range(4)]
    rows[3][4] = rows[1][4].lower()  # same number, as typed differently
    rows[3][2] = rows[1][2]
    path = write_csv(tmp_path / "book.csv", ZH, rows)
    report = import_clients(ws, path)
    assert cells(report) == {(3, "证件号码"), (5, "证件号码")}
    assert "row 5" in report.problems[0].message and "row 3" in report.problems[1].message
    assert ws.clients.count() == 0


def test_duplicate_identity_numbers_against_the_vault(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(4)])
    assert import_clients(ws, path).imported == 4
    pending = ws.pending_changes()

    again = import_clients(ws, path)

    assert again.imported == 0
    assert cells(again) == {(row, "证件号码") for row in range(2, 6)}
    assert all("already in the book" in p.message for p in again.problems)
    assert ws.clients.count() == 4
    assert ws.pending_changes() == pending


def test_dry_run_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(6)])
    pending = ws.pending_changes()
    audit = count(ws, AuditEvent)

    report = import_clients(ws, path, dry_run=True)

    assert report.ok and report.dry_run
    assert (report.rows, report.imported) == (6, 0)
    assert ws.clients.count() == 0
    assert ws.pending_changes() == pending
    assert count(ws, AuditEvent) == audit


def test_dry_run_still_finds_vault_duplicates(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(2)])
    import_clients(ws, path)
    assert len(import_clients(ws, path, dry_run=True).problems) == 2


# --- what gets written ----------------------------------------------------------------------


def test_every_imported_client_and_document_reaches_the_outbox(
    ws: Workspace, tmp_path: Path
) -> None:
    n = 7
    pending = ws.pending_changes()
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(n)])
    import_clients(ws, path)
    assert ws.pending_changes() >= pending + n
    creates = OutboxEntry.op == "create"
    assert count(ws, OutboxEntry, creates, OutboxEntry.table_name == "clients") == n
    assert count(ws, OutboxEntry, creates, OutboxEntry.table_name == "identity_documents") == n
    with ws.begin() as s:
        ids = {str(i) for i in s.scalars(select(Client.id))}
        queued = set(
            s.scalars(select(OutboxEntry.row_id).where(OutboxEntry.table_name == "clients"))
        )
        payload = json.loads(
            s.scalars(
                select(OutboxEntry.payload).where(OutboxEntry.table_name == "identity_documents")
            ).first()
            or "{}"
        )
        client = s.scalars(select(Client)).first()
    assert ids == queued
    assert payload["client_id"] in ids and payload["doc_type"] == "resident_id"
    assert client is not None and client.name_pinyin and client.tier == "mass"
    assert client.updated_by == ws.device_id


def test_one_audit_event_records_the_import(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(3)])
    import_clients(ws, path)
    with ws.begin() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "clients.imported")))
    assert len(events) == 1
    assert events[0].subject == "book.csv"
    details = json.loads(events[0].details)
    assert details == {"rows": 3, "file_sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    assert all(r.ok for r in ws.verify())


def test_optional_fields_are_mapped(ws: Workspace, tmp_path: Path) -> None:
    header = ["姓名", "证件类型", "证件号码", "状态", "过农历生日", "出生日期", "语言", "联系渠道"]
    path = write_csv(
        tmp_path / "book.csv",
        header,
        [["陈大文", "台胞证", "12345678", "潜在客户", "是", "1970-03-15", "闽南语", "微信"]],
    )
    assert import_clients(ws, path).ok
    profile = ws.clients.show("陈大文")
    assert profile.row.status == "prospect"
    assert profile.lunar_birthday is not None
    assert profile.documents[0].doc_type == "taiwan_permit"
    assert (profile.preferred_language, profile.preferred_channel) == ("闽南语", "微信")


# --- headers and whole-file problems ------------------------------------------------------


def test_unknown_columns_are_a_warning(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", [*ZH, "备注"], [[*person(1), "VIP客户"]])
    report = import_clients(ws, path)
    assert report.ok and report.imported == 1
    assert report.warnings == ("Column J “备注” is not a client field and was ignored.",)


def test_missing_name_column_is_an_error(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", ZH[1:], [person(1)[1:]])
    with pytest.raises(ValidationError, match="no name"):
        import_clients(ws, path)


def test_two_columns_for_one_field_is_an_error(ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "book.csv", ["姓名", "手机", "Mobile"], [["张伟", "", ""]])
    with pytest.raises(ValidationError, match="both hold"):
        import_clients(ws, path)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("book.txt", b"name\n", "not a CSV or XLSX"),
        ("book.xls", b"\xd0\xcf\x11\xe0", "Excel 97-2003"),
        ("book.csv", b"", "empty"),
        ("book.csv", b"\r\n,,\r\n", "empty"),
        ("book.csv", "姓名,手机\n".encode(), "no client rows"),
        ("book.csv", b"name\n\x80\x81\xff\n", "cannot be decoded"),
        ("book.csv", b"PK\x03\x04rest", "Excel workbook"),
        ("book.xlsx", b"not a zip", "cannot be opened"),
        ("book.csv", b"name\x00\n", "not a text"),
    ],
)
def test_unusable_files_get_one_clear_sentence(
    ws: Workspace, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=reason) as caught:
        import_clients(ws, path)
    assert str(caught.value).count(". ") == 0 and str(caught.value).endswith(".")


def test_a_missing_file(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no file"):
        import_clients(ws, tmp_path / "nowhere.csv")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", "name"),
        (" Name ", "name"),
        ("NAME", "name"),
        ("姓名/Name", "name"),
        ("*姓名", "name"),
        ("手机(必填)", "mobile"),
        ("手机（必填）", "mobile"),
        ("手机号码【必填】", "mobile"),
        ("Birth Date", "birth_date"),
        ("birth-date", "birth_date"),
        ("出生日期 birth_date", "birth_date"),
        ("证件号码（18位）", "id_number"),
        ("E-mail", "email"),
        ("客户经理", "relationship_manager"),
        ("开户日期", "onboarded_on"),
        ("备注", None),
        ("", None),
    ],
)
def test_header_matching(header: str, field: str | None) -> None:
    assert field_for_header(header) == field


@pytest.mark.parametrize(
    ("label", "code", "number"),
    [
        ("resident_id", "resident_id", None),
        ("居民身份证", "resident_id", None),
        ("身份证", "resident_id", None),
        ("Passport", "passport", "E12345678"),
        ("护照", "passport", "E12345678"),
        ("hk_macau_permit", "hk_macau_permit", "H12345678"),
        ("港澳通行证", "hk_macau_permit", "H12345678"),
        ("港澳居民来往内地通行证", "hk_macau_permit", "H12345678"),
        ("taiwan_permit", "taiwan_permit", "12345678"),
        ("台胞证", "taiwan_permit", "12345678"),
        ("台湾居民来往大陆通行证", "taiwan_permit", "12345678"),
        ("foreign_permanent_residence", "foreign_permanent_residence", "USA123456789012"),
        ("外国人永久居留身份证", "foreign_permanent_residence", "USA123456789012"),
    ],
)
def test_identity_document_labels(label: str, code: str, number: str | None) -> None:
    clean, problems = check_row(
        {"name": "张伟", "id_type": label, "id_number": number or resident_id(date(1980, 1, 1))}
    )
    assert problems == []
    assert clean is not None and clean.id_type == code


@pytest.mark.parametrize(
    ("text", "gender"),
    [("男", "M"), ("女", "F"), ("M", "M"), ("f", "F"), ("Female", "F"), ("男性", "M")],
)
def test_gender_spellings(text: str, gender: str) -> None:
    clean, _ = check_row({"name": "张伟", "gender": text})
    assert clean is not None and clean.gender == gender


def test_long_values_are_refused_before_they_reach_the_server() -> None:
    _, problems = check_row({"name": "张伟", "city": "城" * 61})
    assert problems == [("city", "At most 60 characters fit here, not 61.")]


def test_csv_formula_text_is_unwrapped(tmp_path: Path) -> None:
    number = resident_id(date(1980, 1, 1))
    path = write_csv(tmp_path / "book.csv", ["姓名", "证件号码"], [["张伟", f'="{number}"']])
    _, rows = read_client_rows(path)
    assert next(rows)[1]["id_number"] == number


# --- the templates, progress, cancelling, messages ---------------------------------------


@pytest.mark.parametrize("name", ["clients_template.csv", "clients_template.xlsx"])
def test_templates_import_cleanly(ws: Workspace, name: str) -> None:
    report = import_clients(ws, resources_dir() / "import" / name, dry_run=True)
    assert report.ok, format_problems(report)
    assert report.warnings == ()
    assert report.rows >= 2


def test_progress_is_reported_and_ends_at_one(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "_BATCH", 3)
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(10)])
    seen: list[float] = []
    import_clients(ws, path, progress=lambda fraction, message: seen.append(fraction))
    assert seen == sorted(seen)
    assert seen[-1] == 1.0 and len(seen) > 4


def test_cancel_mid_way_leaves_the_vault_unchanged(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "_BATCH", 3)
    path = write_csv(tmp_path / "book.csv", ZH, [person(i) for i in range(10)])
    pending, audit = ws.pending_changes(), count(ws, AuditEvent)
    messages: list[str] = []

    def cancel() -> bool:  # after the first batch of rows has been written
        return sum(m.startswith("Writing") for m in messages) >= 2

    with pytest.raises(ConfidantError, match=r"^Import cancelled; nothing was imported\.$"):
        import_clients(ws, path, progress=lambda f, m: messages.append(m), cancel=cancel)

    assert any(m.startswith("Writing 3 of") for m in messages)
    assert ws.clients.count() == 0
    assert count(ws, IdentityDocument) == 0
    assert ws.pending_changes() == pending
    assert count(ws, AuditEvent) == audit
    assert import_clients(ws, path).imported == 10  # and the file can be imported afterwards


def test_format_problems() -> None:
    problems = tuple(
        RowProblem(r, "证件号码", "the check character should be X, not 3.") for r in range(2, 60)
    )
    report = ImportReport(Path("book.csv"), 58, 0, False, problems, ())
    lines = format_problems(report, limit=3)
    assert lines == [
        "row 2, 证件号码: the check character should be X, not 3.",
        "row 3, 证件号码: the check character should be X, not 3.",
        "row 4, 证件号码: the check character should be X, not 3.",
        "… and 55 more problems.",
    ]
    assert not report.ok
    assert format_problems(ImportReport(Path("b.csv"), 1, 1, False, (), ())) == []
