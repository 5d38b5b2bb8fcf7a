"""The note markup: blocks, escaped HTML, plain text, and action items read tolerantly."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import note_markup as m

TODAY = date(2026, 3, 15)

# --- blocks ----------------------------------------------------------------------------


def test_parse_blocks_reads_each_kind() -> None:
    text = (
        "# 年度回顾\n"
        "## 资产\n"
        "- 理财 **到期** 300万\n"
        "* 基金\n"
        "\n"
        "3. 第三\n"
        "4) 第四\n"
        "5、第五\n"
        "第一行\n"
        "第二行\n"
        "- [ ] 发送材料\n"
        "- [x] 已完成\n"
        "[ ] 裸复选框\n"
    )
    blocks = m.parse_blocks(text)
    assert [b.kind for b in blocks] == [
        "heading",
        "heading",
        "bullets",
        "numbered",
        "paragraph",
        "bullets",
    ]
    h1, h2, bullets, numbered, para, todo = blocks
    assert isinstance(h1, m.Heading) and (h1.level, h1.text) == (1, "年度回顾")
    assert isinstance(h2, m.Heading) and h2.level == 2
    assert isinstance(bullets, m.BulletList)
    assert bullets.items[0].runs == (m.Run("理财 "), m.Run("到期", True), m.Run(" 300万"))
    assert isinstance(numbered, m.NumberedList)
    assert numbered.start == 3 and [i.text for i in numbered.items] == ["第三", "第四", "第五"]
    assert isinstance(para, m.Paragraph) and para.lines == ("第一行", "第二行")
    assert isinstance(todo, m.BulletList)
    assert [(i.text, i.checked) for i in todo.items] == [
        ("发送材料", False),
        ("已完成", True),
        ("裸复选框", False),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("### deep heading", "heading"),
        ("#hashtag", "paragraph"),  # no space: a tag, not a heading
        ("-5% this year", "paragraph"),  # no space after the dash
        ("**bold** start", "paragraph"),  # not a bullet
        ("2026年计划", "paragraph"),
        ("  - indented bullet", "bullets"),
    ],
)
def test_ambiguous_lines(line: str, kind: str) -> None:
    (block,) = m.parse_blocks(line)
    assert block.kind == kind


def test_runs_leave_an_unpaired_marker_alone() -> None:
    assert m.runs("a ** b") == (m.Run("a ** b"),)
    assert m.runs("**x** and **y**") == (m.Run("x", True), m.Run(" and "), m.Run("y", True))


# --- HTML and plain text ---------------------------------------------------------------


def test_to_html_uses_the_small_subset_and_escapes_everything() -> None:
    text = "# T <1>\n## S & s\n- a **b**\n1. one\n[ ] box\npara <script>alert(1)</script>\nline2"
    html = m.to_html(text)
    assert html.splitlines() == [
        "<h2>T &lt;1&gt;</h2>",
        "<h3>S &amp; s</h3>",
        "<ul><li>a <b>b</b></li></ul>",
        "<ol><li>one</li></ol>",
        "<ul><li>☐ box</li></ul>",
        "<p>para &lt;script&gt;alert(1)&lt;/script&gt;<br>line2</p>",
    ]
    assert "<script>" not in html


def test_to_html_keeps_a_numbered_lists_start() -> None:
    assert m.to_html("7. seven") == '<ol start="7"><li>seven</li></ol>'


def test_plain_drops_markup() -> None:
    text = "# 标题\n- **重点** 事项\n- [ ] 待办 @王 due:12-05\n2. 二\n3. 三\n\n\n正文"
    assert m.plain(text) == "标题\n\n• 重点 事项\n• 待办 @王 due:12-05\n\n2. 二\n3. 三\n\n正文"


def test_snippet_is_one_line_and_cut() -> None:
    assert m.snippet("# A\n- b\nc", 50) == "A • b c"
    assert m.snippet("x" * 200, 10) == "x" * 9 + "…"


# --- action items ----------------------------------------------------------------------

ITEMS = [
    # (line, title, owner, due, priority)
    (
        "- [ ] Send the fund factsheet @李经理 due:2026-12-05 !high",
        "Send the fund factsheet",
        "李经理",
        date(2026, 12, 5),
        "high",
    ),
    ("- [ ] 预约体检 截止:12月5日 !高", "预约体检", "me", date(2026, 12, 5), "high"),
    ("- [ ] 回电 截止：2026年4月1日 !中", "回电", "me", date(2026, 4, 1), "normal"),
    ("- [ ] 寄生日卡 截止3月20日前 !低", "寄生日卡", "me", date(2026, 3, 20), "low"),
    ("- [ ] 续保 due:12-05", "续保", "me", date(2026, 12, 5), "normal"),  # this year
    ("- [ ] 年度回顾 due:03-01", "年度回顾", "me", date(2027, 3, 1), "normal"),  # passed: next
    ("- [ ] 当日 due:03-15", "当日", "me", TODAY, "normal"),  # today is still this year
    ("- [ ] 明天打电话 due:明天", "明天打电话", "me", date(2026, 3, 16), "normal"),
    ("- [ ] call back due:tomorrow @Wang", "call back", "Wang", date(2026, 3, 16), "normal"),
    ("- [ ] slash due:2026/7/8", "slash", "me", date(2026, 7, 8), "normal"),
    ("* [ ] star bullet !urgent", "star bullet", "me", None, "high"),
    ("1. [ ] numbered item", "numbered item", "me", None, "normal"),
    ("[ ] bare box ＠小李", "bare box", "小李", None, "normal"),
    ("- [ ] **加粗** 标题", "加粗 标题", "me", None, "normal"),
    ("- [ ] email a@b.com today", "email a@b.com today", "me", None, "normal"),
    ("- [ ] due diligence report", "due diligence report", "me", None, "normal"),
]


@pytest.mark.parametrize(("line", "title", "owner", "due", "priority"), ITEMS)
def test_action_item_examples(
    line: str, title: str, owner: str, due: date | None, priority: str
) -> None:
    found = m.action_items(line, TODAY, "me")
    assert found.warnings == ()
    (item,) = found.items
    assert (item.title, item.owner, item.due_on, item.priority) == (title, owner, due, priority)
    assert not item.done and item.line == 1


MALFORMED = [
    ("- [ ] 回电 due:2026-13-45", "回电", "2026-13-45"),
    ("- [ ] 回电 due:12-32", "回电", "12-32"),
    ("- [ ] 回电 截止:下周", "回电", "下周"),
    ("- [ ] 闰日 due:02-29", "闰日", "02-29"),  # no 29 February in 2026 or 2027
]


@pytest.mark.parametrize(("line", "title", "bad"), MALFORMED)
def test_a_malformed_date_keeps_the_item_without_a_due_date(
    line: str, title: str, bad: str
) -> None:
    found = m.action_items("intro\n" + line, TODAY, "me")
    (item,) = found.items
    assert (item.title, item.due_on) == (title, None)
    (warning,) = found.warnings
    assert warning.startswith("Line 2:") and bad in warning and "due:2026-12-05" in warning
    assert item.warnings == (warning,)


def test_unknown_priority_stays_in_the_title_with_a_warning() -> None:
    found = m.action_items("- [ ] 报告 !hgih", TODAY, "me")
    (item,) = found.items
    assert (item.title, item.priority) == ("报告 !hgih", "normal")
    assert "!high" in found.warnings[0]


def test_two_owners_take_the_first_and_warn() -> None:
    found = m.action_items("- [ ] 报告 @甲 @乙", TODAY, "me")
    assert found.items[0].owner == "甲"
    assert "甲" in found.warnings[0]


def test_done_items_and_non_items() -> None:
    text = "- [x] 已寄出\n- 普通要点\n正文 [ ] 中间的框\n- [ ]   \n- [X] 大写"
    found = m.action_items(text, TODAY, "me")
    assert [(i.title, i.done, i.line) for i in found.items] == [
        ("已寄出", True, 1),
        ("大写", True, 5),
    ]
    assert found.open == ()
    assert found.warnings == ("Line 4: an action item without words was skipped; say what to do.",)


def test_normalise_title_ignores_case_and_spacing() -> None:
    assert m.normalise_title("  Send  the Factsheet ") == m.normalise_title("send the factsheet")


def test_parse_due_relative_words() -> None:
    assert m.parse_due("今天", TODAY) == TODAY
    assert m.parse_due("后天", TODAY) == date(2026, 3, 17)
    assert m.parse_due("2026年12月5日", TODAY) == date(2026, 12, 5)
    assert m.parse_due("soon", TODAY) is None
