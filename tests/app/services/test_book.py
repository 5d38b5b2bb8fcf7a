"""The client list: search as bankers type, filters, sorts, paging and the Ctrl+K palette."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.ids import ClientId
from app.domain.validation import resident_id_check_char
from app.services.book import SORT_KEYS, BookFilter, BookRow, BookService
from app.services.clients import NewClient
from app.services.config import tier_table
from app.services.demo import build_demo_book
from app.services.workspace import Workspace
from app.vault.keys import KdfParams
from app.vault.models import Client, IdentityDocument, Interaction, Meeting, Note
from app.vault.types import utc_now

TODAY = date(2025, 6, 30)


def at_noon(days_ago: int) -> datetime:
    """Local noon ``days_ago`` days before TODAY, as an aware time (any machine zone)."""
    return datetime.combine(TODAY - timedelta(days=days_ago), time(12)).astimezone()


def resident_id(birth: date, check: str) -> str:
    """A valid 18-character resident ID number for ``birth`` ending in ``check``."""
    body = "110105" + birth.strftime("%Y%m%d")
    return next(
        body + f"{seq:03d}" + check
        for seq in range(1000)
        if resident_id_check_char(body + f"{seq:03d}") == check
    )


@dataclass(frozen=True)
class Person:
    name: str
    mobile: str | None
    city: str | None
    rm: str | None
    assets: str
    contacted_days_ago: int | None


PEOPLE = (
    Person("张伟", "13812345678", "上海", "王经理", "8000000", 10),
    Person("张伟强", "13900001111", "北京", "李经理", "9000000", 45),
    Person("单伟", "13700002222", "上海", "王经理", "600000", None),
    Person("曾敏", "13600003333", "广州", "陈经理", "60000", 60),
    Person("王芳", "13500004444", "上海", None, "1000", 200),
    Person("李娜", None, "北京", "李经理", "2000000", 61),
    Person("John Smith", "+85291234567", "香港", None, "100", 1),
)
WANG_FANG_ID = resident_id(date(1980, 5, 6), "X")


@dataclass
class SmallBook:
    ws: Workspace
    book: BookService
    ids: dict[str, ClientId]

    def names(self, rows: list[BookRow]) -> list[str]:
        return [r.name for r in rows]

    def found(self, **kwargs: object) -> set[str]:
        f = BookFilter(**kwargs)  # type: ignore[arg-type]
        rows = self.book.page(f, limit=1000)
        assert self.book.count(f) == len(rows)
        return set(self.names(rows))


def _add_person(ws: Workspace, p: Person) -> ClientId:
    id_number = WANG_FANG_ID if p.name == "王芳" else None
    return ws.clients.add(
        NewClient(
            name=p.name,
            mobile=p.mobile,
            city=p.city,
            relationship_manager=p.rm,
            id_number=id_number,
        )
    )


def _set_assets(ws: Workspace, ids: dict[str, ClientId], people: tuple[Person, ...]) -> None:
    table = tier_table()
    with ws.begin() as s:
        for p in people:
            client = s.get(Client, ids[p.name])
            assert client is not None
            client.financial_assets_cny = Decimal(p.assets)
            client.tier = table.for_assets(Decimal(p.assets)).code
            if p.contacted_days_ago is not None:
                s.add(
                    Note(
                        client_id=client.id,
                        written_at=at_noon(p.contacted_days_ago),
                        title="拜访",
                        body="面谈",
                    )
                )


@pytest.fixture
def small(ws: Workspace) -> SmallBook:
    """Seven people, one household (张伟家庭: 张伟 and 单伟), one tombstoned person (赵六)."""
    ids = {p.name: _add_person(ws, p) for p in PEOPLE}
    ids["赵六"] = ws.clients.add(NewClient(name="赵六", mobile="13812340000", city="上海"))
    ids["张伟家庭"] = ws.clients.add_household(
        "张伟家庭", [(ids["张伟"], "head"), (ids["单伟"], "spouse")]
    )
    family = Person("张伟家庭", None, None, None, "8600000", None)
    _set_assets(ws, ids, (*PEOPLE, family))
    with ws.begin() as s:
        gone = s.get(Client, ids["赵六"])
        assert gone is not None
        gone.deleted_at = utc_now()
    return SmallBook(ws, BookService(ws, clock=lambda: TODAY), ids)


# --- Search ------------------------------------------------------------------------


def test_full_name_finds_the_client_and_names_containing_it(small: SmallBook) -> None:
    assert small.found(text="张伟") == {"张伟", "张伟强", "张伟家庭"}


def test_a_name_substring_finds_every_name_containing_it(small: SmallBook) -> None:
    assert small.found(text="伟") == {"张伟", "张伟强", "单伟", "张伟家庭"}


@pytest.mark.parametrize("text", ["zhangwei", "zhang wei", "ZhangWei", "ｚｈａｎｇｗｅｉ"])
def test_pinyin_with_or_without_spaces_in_any_case_or_width(small: SmallBook, text: str) -> None:
    assert small.found(text=text) == {"张伟", "张伟强", "张伟家庭"}


def test_initials_find_the_name(small: SmallBook) -> None:
    assert "张伟" in small.found(text="zw")
    assert small.found(text="zwq") == {"张伟强"}


@pytest.mark.parametrize(
    ("text", "name"), [("shan", "单伟"), ("dan", "单伟"), ("zeng", "曾敏"), ("ceng", "曾敏")]
)
def test_both_readings_of_a_two_reading_surname(small: SmallBook, text: str, name: str) -> None:
    assert name in small.found(text=text)


def test_latin_names_by_word_or_whole(small: SmallBook) -> None:
    assert small.found(text="smith") == {"John Smith"}
    assert small.found(text="John Smith") == {"John Smith"}


def test_the_tail_of_a_mobile_number(small: SmallBook) -> None:
    assert small.found(text="5678") == {"张伟"}
    assert small.found(text="91234567") == {"John Smith"}


@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_the_tail_of_an_id_number_with_its_x(small: SmallBook, case: object) -> None:
    tail = WANG_FANG_ID[-4:]
    assert tail.endswith("X")
    assert small.found(text=case(tail)) == {"王芳"}  # type: ignore[operator]


def test_three_digits_are_not_a_tail_search(small: SmallBook) -> None:
    assert small.found(text="678") == set()


def test_like_wildcards_in_the_text_are_literal(small: SmallBook) -> None:
    assert small.found(text="%") == set()
    assert small.found(text="_") == set()


def test_tombstoned_clients_are_never_found(small: SmallBook) -> None:
    assert small.found(text="赵六") == set()
    assert small.found(text="0000") == set()
    assert "赵六" not in small.found()
    assert small.book.rows([small.ids["赵六"]]) == []


# --- Filters -------------------------------------------------------------------------


def test_the_empty_filter_is_people_and_households(small: SmallBook) -> None:
    assert small.found() == {p.name for p in PEOPLE} | {"张伟家庭"}
    assert small.found(kinds=frozenset({"household"})) == {"张伟家庭"}


def test_filter_by_tier(small: SmallBook) -> None:
    assert small.found(tiers=frozenset({"wealth"})) == {"单伟", "李娜"}
    assert small.found(tiers=frozenset({"vip", "mass"})) == {"曾敏", "王芳", "John Smith"}


def test_filter_by_city(small: SmallBook) -> None:
    assert small.found(cities=frozenset({"北京"})) == {"张伟强", "李娜"}


def test_filter_by_risk_level_none_until_profiles_arrive(small: SmallBook) -> None:
    assert small.found(risk_levels=frozenset({"none"})) == small.found()
    assert small.found(risk_levels=frozenset({"C3"})) == set()


def test_overdue_follows_each_tiers_contact_cadence(small: SmallBook) -> None:
    # private 30 days: 45 days is late, 10 is not; wealth 60: 61 is late; vip 90: 60 is
    # not; mass 180: 200 is late, 1 is not; never contacted is late; the household was
    # contacted through 张伟 ten days ago.
    assert small.found(overdue_only=True) == {"张伟强", "单伟", "王芳", "李娜"}


def test_a_contact_exactly_one_cadence_ago_is_not_yet_overdue(small: SmallBook) -> None:
    with small.ws.begin() as s:
        s.add(Note(client_id=small.ids["张伟强"], written_at=at_noon(30), title="t", body="b"))
    assert "张伟强" not in small.found(overdue_only=True)


def test_filters_combine(small: SmallBook) -> None:
    wealthy_late = {"overdue_only": True, "tiers": frozenset({"wealth"})}
    assert small.found(**wealthy_late) == {"单伟", "李娜"}
    assert small.found(**wealthy_late, cities=frozenset({"上海"})) == {"单伟"}
    assert small.found(**wealthy_late, text="dan") == {"单伟"}
    assert small.found(**wealthy_late, text="ln") == {"李娜"}


def test_rows_carry_tier_name_contact_and_raw_mobile(small: SmallBook) -> None:
    row = small.book.rows([small.ids["张伟"]])[0]
    assert (row.tier, row.tier_name, row.kind) == ("private", "私人银行", "person")
    assert row.financial_assets_cny == Decimal("8000000")
    assert row.last_contact == TODAY - timedelta(days=10)
    assert row.mobile == "+8613812345678"
    assert (row.overdue, row.risk_level, row.city) == (False, None, "上海")


def test_a_household_was_contacted_when_a_member_was(small: SmallBook) -> None:
    family = small.book.rows([small.ids["张伟家庭"]])[0]
    assert family.last_contact == TODAY - timedelta(days=10)
    assert not family.overdue


def test_cities_by_frequency(small: SmallBook) -> None:
    assert small.book.cities() == ["上海", "北京", "广州", "香港"]


# --- Sorting and paging ------------------------------------------------------------

BY_ASSETS = ["张伟强", "张伟家庭", "张伟", "李娜", "单伟", "曾敏", "王芳", "John Smith"]


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        ("assets", True, BY_ASSETS),
        ("assets", False, BY_ASSETS[::-1]),
        (
            "name",
            False,
            ["John Smith", "李娜", "单伟", "王芳", "曾敏", "张伟", "张伟家庭", "张伟强"],
        ),
        ("tier", True, BY_ASSETS),
        ("tier", False, ["王芳", "John Smith", "曾敏", "李娜", "单伟", *BY_ASSETS[:3]]),
        ("risk", True, BY_ASSETS),
        (
            "last_contact",
            True,
            ["John Smith", "张伟家庭", "张伟", "张伟强", "曾敏", "李娜", "王芳", "单伟"],
        ),
        ("rm", False, ["曾敏", "张伟强", "李娜", "张伟", "单伟", "张伟家庭", "王芳", "John Smith"]),
        (
            "city",
            False,
            ["张伟强", "李娜", "曾敏", "张伟", "单伟", "王芳", "John Smith", "张伟家庭"],
        ),
        (
            "city",
            True,
            ["John Smith", "张伟", "单伟", "王芳", "曾敏", "张伟强", "李娜", "张伟家庭"],
        ),
    ],
)
def test_sort_orders(small: SmallBook, sort: str, descending: bool, expected: list[str]) -> None:
    rows = small.book.page(BookFilter(), sort, descending)
    assert small.names(rows) == expected


def test_the_default_sort_is_assets_largest_first(small: SmallBook) -> None:
    assert small.names(small.book.page(BookFilter())) == BY_ASSETS


def test_an_unknown_sort_key_is_refused(small: SmallBook) -> None:
    with pytest.raises(ValueError, match="sort key"):
        small.book.page(BookFilter(), "shoe_size")


@pytest.mark.parametrize("sort", SORT_KEYS)
def test_pages_are_disjoint_slices_of_the_whole_in_order(small: SmallBook, sort: str) -> None:
    f = BookFilter()
    whole = small.book.page(f, sort, limit=1000)
    pages = [small.book.page(f, sort, offset=start, limit=3) for start in range(0, 9, 3)]
    assert [r.id for page in pages for r in page] == [r.id for r in whole]
    assert small.book.count(f) == len(whole) == sum(len(p) for p in pages)
    assert small.book.ids(f, sort) == [r.id for r in whole]


def test_rows_for_ids_come_back_in_the_given_order(small: SmallBook) -> None:
    ids = small.book.ids(BookFilter(), "name", False)
    picked = [ids[4], ids[1], ids[6]]
    assert [r.id for r in small.book.rows(picked)] == picked


# --- Quick find ----------------------------------------------------------------------


def test_quick_find_ranks_the_exact_name_first(small: SmallBook) -> None:
    # 张伟强 and the household are wealthier, but 张伟 is exactly what was typed.
    assert small.names(small.book.quick_find("张伟")) == ["张伟", "张伟强", "张伟家庭"]


def test_quick_find_ranks_initials_and_pinyin_prefixes_before_substrings(
    small: SmallBook,
) -> None:
    # "wei" starts no name's pinyin or initials, so every hit ranks by assets alone.
    assert small.names(small.book.quick_find("wei")) == ["张伟强", "张伟家庭", "张伟", "单伟"]
    assert small.names(small.book.quick_find("dw")) == ["单伟"]
    assert small.names(small.book.quick_find("zw", limit=2)) == ["张伟强", "张伟家庭"]


def test_quick_find_on_nothing_is_nothing(small: SmallBook) -> None:
    assert small.book.quick_find("  ") == []


# --- A 40-client demo book -----------------------------------------------------------

DEMO_KDF = KdfParams(memory_kib=8192, passes=1, lanes=1)
_TAIL = re.compile(r"[0-9]{3,}[0-9x]")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder: Path = tmp_path_factory.mktemp("book-demo") / "vault"
    ws = Workspace.create(folder, "test passphrase 123", DEMO_KDF)
    build_demo_book(ws, clients=40, seed=7, today=TODAY)
    yield ws
    ws.close()


def _expected(ws: Workspace, text: str) -> set[ClientId]:
    """The search rules applied by hand to every live person and household."""
    q = "".join(unicodedata.normalize("NFKC", text).split()).lower()
    with ws.begin() as s:
        clients = s.scalars(
            select(Client).where(
                Client.deleted_at.is_(None), Client.kind.in_(("person", "household"))
            )
        ).all()
        numbers = s.execute(select(IdentityDocument.client_id, IdentityDocument.number)).all()

    def hit(c: Client) -> bool:
        if _TAIL.fullmatch(q):
            docs = [n.lower() for i, n in numbers if i == c.id]
            by_mobile = q.isdigit() and (c.mobile or "").endswith(q)
            return by_mobile or any(n.endswith(q) for n in docs) or q in c.name.lower()
        pinyin = c.name_pinyin.replace(" ", "")
        return (
            q in c.name.lower()
            or q in pinyin
            or c.name_initials.startswith(q)
            or q in c.search_keys
        )

    return {ClientId(c.id) for c in clients if hit(c)}


def _queries(ws: Workspace) -> list[str]:
    with ws.begin() as s:
        people = s.scalars(select(Client).where(Client.kind == "person").limit(8)).all()
        numbers = s.scalars(select(IdentityDocument.number).limit(8)).all()
    texts = ["王", "li", "zh", "x", "wang fang", "1234", "0000", "X"]
    for c in people:
        texts += [c.name, c.name[1:], c.name_initials, c.name_pinyin, (c.mobile or "")[-4:]]
    return texts + [n[-4:] for n in numbers] + [n[-6:].lower() for n in numbers]


def test_demo_search_matches_the_rules_applied_by_hand(demo: Workspace) -> None:
    book = BookService(demo, clock=lambda: TODAY)
    for text in _queries(demo):
        f = BookFilter(text=text)
        expected = _expected(demo, text)
        assert set(book.ids(f)) == expected, text
        assert book.count(f) == len(expected), text


def test_demo_every_person_is_found_by_name_initials_and_mobile(demo: Workspace) -> None:
    book = BookService(demo, clock=lambda: TODAY)
    with demo.begin() as s:
        people = s.scalars(select(Client).where(Client.kind == "person")).all()
    for c in people:
        for text in (c.name, c.name_initials, c.name_pinyin.replace(" ", "")):
            assert c.id in {r.id for r in book.quick_find(text, limit=50)}, text
        if c.mobile:
            assert c.id in book.ids(BookFilter(text=c.mobile[-4:]))


def test_demo_paging_covers_the_book_once_for_every_sort(demo: Workspace) -> None:
    book = BookService(demo, clock=lambda: TODAY)
    f = BookFilter()
    total = book.count(f)
    for sort in SORT_KEYS:
        for descending in (True, False):
            pages = [book.page(f, sort, descending, start, 7) for start in range(0, total, 7)]
            ids = [r.id for page in pages for r in page]
            assert ids == book.ids(f, sort, descending)
            assert len(set(ids)) == total


def test_demo_overdue_matches_the_contacts(demo: Workspace) -> None:
    """A contact is a note, an interaction or a held meeting, computed here by hand."""
    book = BookService(demo, clock=lambda: TODAY)
    people = BookFilter(kinds=frozenset({"person"}))
    rows = book.page(people, limit=1000)
    with demo.begin() as s:
        notes = s.execute(select(Note.client_id, Note.written_at)).all()
        notes += s.execute(select(Interaction.client_id, Interaction.at)).all()
        notes += s.execute(
            select(Meeting.client_id, Meeting.starts_at).where(Meeting.status == "held")
        ).all()
    for row in rows:
        times = [at for i, at in notes if i == row.id]
        last = max(times).astimezone().date() if times else None
        assert row.last_contact == last
        cadence = tier_table().by_code(row.tier or "mass").contact_every_days
        assert row.overdue == (last is None or (TODAY - last).days > cadence)
    late = book.ids(BookFilter(kinds=frozenset({"person"}), overdue_only=True))
    assert set(late) == {r.id for r in rows if r.overdue}


def test_hex_ids_read_like_a_list_of_client_ids() -> None:
    from app.services.book import HexIds

    ids = [uuid.uuid4() for _ in range(5)]
    lazy = HexIds([i.hex for i in ids])
    assert len(lazy) == 5 and lazy[0] == ids[0] and lazy[-1] == ids[-1]
    assert lazy[1:3] == ids[1:3] and lazy == ids and lazy != ids[:4]
    assert ids[2] in lazy and lazy.index(ids[3]) == 3
