"""The note format: plain text with a small markup that prints well.

Why: meeting notes end up in a PDF brief and on paper in a client file, so the format
holds only what prints well — headings, bullet and numbered lists, bold — and stays
readable as plain text when it is not rendered (a sync conflict, a search snippet).

The markup, one line at a time:

- ``# Title`` and ``## Section``: headings (``###`` and deeper count as ``##``);
- ``- item`` or ``* item``: a bullet; ``1. item``, ``1) item`` or ``1、item``: numbered;
- ``- [ ] item`` / ``- [x] item``: an action item, open or done (``［ ］`` too);
- ``**bold**`` anywhere inside a line; an unpaired ``**`` stays as typed;
- anything else is a paragraph line; a blank line ends a paragraph or a list.

An action item may carry an owner ``@李经理``, a due date ``due:2026-12-05``,
``due:12-05``, ``截止:12月5日`` (a date without a year is the next one to come: this
year, or next year if it has passed), and a priority ``!high``/``!normal``/``!low`` or
``!高``/``!中``/``!低``. A token that cannot be read keeps the item (without a due
date, say) and adds a warning that says how to write it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, timedelta

PRIORITIES = ("high", "normal", "low")

# --- blocks ------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A stretch of inline text, bold or not."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Heading:
    """``level`` 1 (``# ``) or 2 (``## ``); ``text`` keeps its inline markup."""

    level: int
    text: str
    kind: str = "heading"

    @property
    def runs(self) -> tuple[Run, ...]:
        return runs(self.text)


@dataclass(frozen=True)
class ListItem:
    """One list entry; ``checked`` is None for a plain item, else the action item's state."""

    text: str
    checked: bool | None = None

    @property
    def runs(self) -> tuple[Run, ...]:
        return runs(self.text)


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    kind: str = "bullets"


@dataclass(frozen=True)
class NumberedList:
    """``start`` is the number the first item was written with."""

    items: tuple[ListItem, ...]
    start: int = 1
    kind: str = "numbered"


@dataclass(frozen=True)
class Paragraph:
    """Consecutive text lines; printed with their line breaks."""

    lines: tuple[str, ...]
    kind: str = "paragraph"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


Block = Heading | BulletList | NumberedList | Paragraph

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*$")
_BULLET = re.compile(r"^\s*[-*•·]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,4})(?:[.)]\s+|、\s*)(.*)$")
_CHECKBOX = re.compile(r"^[\[［【]\s*([ xX✓√✔]?)\s*[\]］】]\s*(.*)$")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def runs(text: str) -> tuple[Run, ...]:
    """The inline runs of one line: ``**bold**`` pairs become bold runs."""
    out: list[Run] = []
    pos = 0
    for match in _BOLD.finditer(text):
        if match.start() > pos:
            out.append(Run(text[pos : match.start()]))
        out.append(Run(match.group(1), True))
        pos = match.end()
    if pos < len(text):
        out.append(Run(text[pos:]))
    return tuple(out)


def _item(text: str) -> ListItem:
    box = _CHECKBOX.match(text)
    if box is None:
        return ListItem(text.strip())
    return ListItem(box.group(2).strip(), checked=bool(box.group(1).strip()))


class _Builder:
    """Collects lines into blocks, closing an open list or paragraph when the kind changes."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.kind = ""
        self.items: list[ListItem] = []
        self.lines: list[str] = []
        self.start = 1

    def close(self) -> None:
        if self.kind == "bullets" and self.items:
            self.blocks.append(BulletList(tuple(self.items)))
        elif self.kind == "numbered" and self.items:
            self.blocks.append(NumberedList(tuple(self.items), self.start))
        elif self.kind == "paragraph" and self.lines:
            self.blocks.append(Paragraph(tuple(self.lines)))
        self.kind, self.items, self.lines = "", [], []

    def add_item(self, kind: str, item: ListItem, number: int = 1) -> None:
        if self.kind != kind:
            self.close()
            self.kind, self.start = kind, number
        self.items.append(item)

    def add_line(self, line: str) -> None:
        if self.kind != "paragraph":
            self.close()
            self.kind = "paragraph"
        self.lines.append(line.strip())


def parse_blocks(text: str) -> tuple[Block, ...]:
    """The note as typed blocks, in order (for the PDF brief and the editor's preview)."""
    b = _Builder()
    for line in text.splitlines():
        if not line.strip():
            b.close()
        elif heading := _HEADING.match(line):
            b.close()
            if heading.group(2):
                b.blocks.append(Heading(1 if len(heading.group(1)) == 1 else 2, heading.group(2)))
        elif bullet := _BULLET.match(line):
            b.add_item("bullets", _item(bullet.group(1)))
        elif _CHECKBOX.match(line.strip()):
            b.add_item("bullets", _item(line.strip()))
        elif numbered := _NUMBERED.match(line):
            b.add_item("numbered", _item(numbered.group(2)), int(numbered.group(1)))
        else:
            b.add_line(line)
    b.close()
    return tuple(b.blocks)


# --- HTML and plain text -------------------------------------------------------------

_BOXES = {True: "☑ ", False: "☐ ", None: ""}


def inline_html(text: str) -> str:
    """One line as escaped HTML with ``<b>`` for bold (what ReportLab's Paragraph takes)."""
    return "".join(
        f"<b>{html.escape(r.text, quote=False)}</b>" if r.bold else html.escape(r.text, False)
        for r in runs(text)
    )


def _items_html(items: tuple[ListItem, ...]) -> str:
    return "".join(f"<li>{_BOXES[i.checked]}{inline_html(i.text)}</li>" for i in items)


def _block_html(block: Block) -> str:
    if isinstance(block, Heading):
        tag = "h2" if block.level == 1 else "h3"
        return f"<{tag}>{inline_html(block.text)}</{tag}>"
    if isinstance(block, BulletList):
        return f"<ul>{_items_html(block.items)}</ul>"
    if isinstance(block, NumberedList):
        start = f' start="{block.start}"' if block.start != 1 else ""
        return f"<ol{start}>{_items_html(block.items)}</ol>"
    return "<p>" + "<br>".join(inline_html(line) for line in block.lines) + "</p>"


def to_html(text: str) -> str:
    """The note as a minimal HTML subset (h2, h3, ul, ol, li, b, p, br), every character of
    the text escaped: safe to hand to a QTextBrowser."""
    return "\n".join(_block_html(b) for b in parse_blocks(text))


def _plain_inline(text: str) -> str:
    return "".join(r.text for r in runs(text))


def _block_plain(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [_plain_inline(block.text)]
    if isinstance(block, BulletList):
        return [f"• {_plain_inline(i.text)}" for i in block.items]
    if isinstance(block, NumberedList):
        return [f"{block.start + n}. {_plain_inline(i.text)}" for n, i in enumerate(block.items)]
    return [_plain_inline(line) for line in block.lines]


def plain(text: str) -> str:
    """The note without markup: headings as their text, bullets as ``• ``, numbered items
    renumbered from their first number, checkboxes and ``**`` dropped; blocks are
    separated by one blank line."""
    return "\n\n".join("\n".join(_block_plain(b)) for b in parse_blocks(text))


def snippet(text: str, limit: int = 120) -> str:
    """A one-line preview of the note's plain text, cut at ``limit`` characters with "…"."""
    flat = " ".join(plain(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# --- action items --------------------------------------------------------------------


@dataclass(frozen=True)
class ActionItem:
    """A ``- [ ]`` line read as a task; ``line`` is its 1-based line number in the note."""

    line: int
    title: str
    owner: str
    due_on: date | None
    priority: str
    done: bool
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionItems:
    """Every action item of a note, and every warning (each names its line)."""

    items: tuple[ActionItem, ...]
    warnings: tuple[str, ...]

    @property
    def open(self) -> tuple[ActionItem, ...]:
        return tuple(i for i in self.items if not i.done)


_ITEM_LINE = re.compile(r"^\s*(?:[-*•·]\s*|\d{1,4}(?:[.)]\s*|、\s*))?(?=[\[［【])(.*)$")
_OWNER = re.compile(r"(?<!\S)[@＠](\S+)")
_DUE = re.compile(
    r"(?<!\S)(?:due\s*[:：]|(?:截止日期|截止日|截止|期限)(?:\s*[:：]|(?=\s*[0-9今明后])))\s*(\S+)",
    re.I,
)
_PRIORITY = re.compile(r"(?<!\S)[!！]+(\S+)")
_PRIORITY_WORDS = {
    "high": "high",
    "h": "high",
    "!": "high",
    "！": "high",
    "important": "high",
    "重要": "high",
    "urgent": "high",
    "高": "high",
    "紧急": "high",
    "急": "high",
    "normal": "normal",
    "medium": "normal",
    "n": "normal",
    "m": "normal",
    "中": "normal",
    "普通": "normal",
    "low": "low",
    "l": "low",
    "低": "low",
}
_RELATIVE_DAYS = {
    "today": 0,
    "今天": 0,
    "今日": 0,
    "tomorrow": 1,
    "明天": 1,
    "明日": 1,
    "后天": 2,
}
_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$")
_DATE_HINT = "write due:2026-12-05, due:12-05 or 截止:12月5日"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_due(raw: str, today: date) -> date | None:
    """A due date as written in a note, or None if it cannot be read.

    ``2026-12-05``, ``2026/12/5``, ``2026年12月5日``; ``12-05``, ``12/5``, ``12月5日``
    (the next such day from ``today``: this year, or next year if it has passed);
    ``today``/``tomorrow``/``今天``/``明天``/``后天``.
    """
    text = re.sub(r"(?:之前|以前|前)$", "", raw.strip().rstrip("，,。;；")).strip().lower()
    if text in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[text])
    if full := _FULL_DATE.match(text):
        return _safe_date(*(int(g) for g in full.groups()))
    if short := _MONTH_DAY.match(text):
        month, day = int(short.group(1)), int(short.group(2))
        this_year = _safe_date(today.year, month, day)
        if this_year is not None and this_year >= today:
            return this_year
        return _safe_date(today.year + 1, month, day)
    return None


def _take_priority(text: str, where: str, warnings: list[str]) -> tuple[str, str]:
    priority = "normal"
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal priority, found
        word = _PRIORITY_WORDS.get(match.group(1).lower())
        if word is None:
            warnings.append(
                f"{where}: “{match.group(0)}” is not a priority; "
                "use !high, !normal or !low (!高/!中/!低)."
            )
            return match.group(0)
        if found:
            warnings.append(f"{where}: more than one priority; the first one counts.")
        else:
            priority, found = word, True
        return " "

    return _PRIORITY.sub(replace, text), priority


def _take_due(text: str, today: date, where: str, warnings: list[str]) -> tuple[str, date | None]:
    due: date | None = None
    seen = False

    def replace(match: re.Match[str]) -> str:
        nonlocal due, seen
        if seen:
            warnings.append(f"{where}: more than one due date; the first one counts.")
            return " "
        seen = True
        due = parse_due(match.group(1), today)
        if due is None:
            warnings.append(
                f"{where}: “{match.group(1)}” is not a date, so the task has no due date; "
                f"{_DATE_HINT}."
            )
        return " "

    return _DUE.sub(replace, text), due


def _take_owner(text: str, default: str, where: str, warnings: list[str]) -> tuple[str, str]:
    owners = [m.group(1).rstrip("，,。;；") for m in _OWNER.finditer(text)]
    if len(owners) > 1:
        warnings.append(f"{where}: more than one owner; the task goes to {owners[0]}.")
    return _OWNER.sub(" ", text), (owners[0] if owners else default)


def _parse_item(
    line_no: int, body: str, today: date, default_owner: str, warnings: list[str]
) -> ActionItem | None:
    where = f"Line {line_no}"
    item = _item(body)
    mine: list[str] = []
    text, due = _take_due(item.text, today, where, mine)
    text, owner = _take_owner(text, default_owner, where, mine)
    text, priority = _take_priority(text, where, mine)
    title = " ".join(_plain_inline(text).split())
    warnings.extend(mine)
    if not title:
        warnings.append(f"{where}: an action item without words was skipped; say what to do.")
        return None
    return ActionItem(line_no, title, owner, due, priority, bool(item.checked), tuple(mine))


def action_items(text: str, today: date, default_owner: str) -> ActionItems:
    """The action items (``- [ ]`` and ``- [x]`` lines) of a note.

    Args:
        text: the note body.
        today: the banker's day, for dates without a year and for ``明天``.
        default_owner: who owns an item that names no ``@owner``.
    """
    items: list[ActionItem] = []
    warnings: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ITEM_LINE.match(line)
        if match is None or _CHECKBOX.match(match.group(1)) is None:
            continue
        item = _parse_item(number, match.group(1), today, default_owner, warnings)
        if item is not None:
            items.append(item)
    return ActionItems(tuple(items), tuple(warnings))


def normalise_title(title: str) -> str:
    """The form in which two action items count as the same task: case and spacing aside."""
    return " ".join(title.split()).casefold()


__all__ = [
    "PRIORITIES",
    "ActionItem",
    "ActionItems",
    "Block",
    "BulletList",
    "Heading",
    "ListItem",
    "NumberedList",
    "Paragraph",
    "Run",
    "action_items",
    "inline_html",
    "normalise_title",
    "parse_blocks",
    "parse_due",
    "plain",
    "runs",
    "snippet",
    "to_html",
]
