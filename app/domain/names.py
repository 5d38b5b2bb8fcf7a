"""Pinyin search keys for Chinese names, and lunar birthdays.

Why: bankers find clients by typing pinyin or initials (``zw`` for 张伟), and several
surnames read differently as surnames than as words (单 is Shan, 曾 is Zeng), so a
search must know both readings. Many clients keep their lunar (农历) birthday, whose
solar date moves every year. Heteronyms are expanded for the surname only, so the
number of keys stays small.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

from lunardate import LunarDate

from app.domain.errors import ValidationError

# Surname readings, the usual one first; pypinyin's word reading is often the other.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan", "dan"),
    "曾": ("zeng", "ceng"),
    "解": ("xie", "jie"),
    "仇": ("qiu", "chou"),
    "区": ("ou", "qu"),
    "查": ("zha", "cha"),
    "朴": ("piao", "pu"),
    "覃": ("qin", "tan"),
    "尉": ("wei", "yu"),
    "召": ("shao", "zhao"),
    "乐": ("yue", "le"),
    "缪": ("miao", "mou"),
    "翟": ("zhai", "di"),
    "盖": ("ge", "gai"),
    "种": ("chong", "zhong"),
}
# Two-character surnames: pypinyin reads them right as phrases; never override them.
COMPOUND_SURNAMES = frozenset({"尉迟", "单于", "万俟", "长孙", "澹台", "令狐", "欧阳", "上官"})

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(f"[{_HAN}]+|[^\\W\\d_{_HAN}]+")


def _pypinyin() -> Any:
    """pypinyin, imported on first use: loading its dictionaries takes half a second,
    which every command and the app's start would otherwise pay."""
    import pypinyin

    return pypinyin


def _ascii_lower(word: str) -> str:
    """``José`` → ``jose``: accents dropped, so search keys are plain ASCII."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalpha()).lower()


def _syllables(name: str) -> list[str]:
    """Pinyin syllables of Chinese runs and lower-case words of Latin runs, in order."""
    words: list[str] = []
    for match in _TOKEN.finditer(name):
        run = match.group()
        if re.match(f"[{_HAN}]", run):
            parts = _pypinyin().lazy_pinyin(run, style=_pypinyin().Style.NORMAL)
        else:
            parts = [run]
        words.extend(filter(None, map(_ascii_lower, parts)))
    return words


def _has_single_surname(name: str) -> bool:
    return name[:1] in SURNAME_READINGS and name[:2] not in COMPOUND_SURNAMES


@lru_cache(maxsize=8192)
def name_pinyin(name: str) -> str:
    """``"张伟"`` → ``"zhang wei"``: syllables without tones, surnames read as surnames.

    Latin names are lower-cased (``"John Smith"`` → ``"john smith"``); punctuation such
    as ``·`` separates words and is dropped.
    """
    text = name.strip()
    words = _syllables(text)
    if words and _has_single_surname(text):
        words[0] = SURNAME_READINGS[text[0]][0]
    return " ".join(words)


def name_initials(name: str) -> str:
    """``"张伟"`` → ``"zw"``: the first letter of every syllable or word."""
    return "".join(word[0] for word in name_pinyin(name).split())


def _surname_readings(first: str, default: str) -> list[str]:
    """All readings of the first character: the surname table, else pypinyin's heteronyms."""
    if first in SURNAME_READINGS:
        readings = list(SURNAME_READINGS[first])
    else:
        pp = _pypinyin()
        readings = pp.pinyin(first, style=pp.Style.NORMAL, heteronym=True)[0]
    return list(dict.fromkeys([default, *map(_ascii_lower, readings)]))


def name_search_keys(name: str) -> str:
    """Space-separated search keys: full pinyin without spaces and initials, per surname reading.

    ``"单伟"`` → ``"shanwei sw danwei dw"`` (plus pypinyin's own readings of other first
    characters, e.g. 长). Only the first character's readings vary, so a name yields at most
    a few keys.
    """
    text = name.strip()
    words = name_pinyin(text).split()
    if not words:
        return ""
    readings = [words[0]]
    if re.match(f"[{_HAN}]", text) and text[:2] not in COMPOUND_SURNAMES:
        readings = _surname_readings(text[0], words[0])
    keys: list[str] = []
    for reading in filter(None, readings):
        variant = [reading, *words[1:]]
        keys += ["".join(variant), "".join(word[0] for word in variant)]
    return " ".join(dict.fromkeys(keys))


# --- Lunar birthdays ----------------------------------------------------------------

_LUNAR_FIRST = date(1900, 1, 31)  # lunardate's range: lunar years 1900-2099
_LUNAR_LAST = date(2100, 1, 1)


def _lunar_range_check(day: date) -> None:
    if not _LUNAR_FIRST <= day < _LUNAR_LAST:
        raise ValidationError("Lunar dates can be computed from 1900-01-31 to 2099 only.")


def lunar_birthday(birth: date) -> tuple[int, int, bool]:
    """The lunar (农历) month, day and leap-month flag of a solar birth date.

    Raises:
        ValidationError: the date is outside 1900-01-31 to 2099.
    """
    _lunar_range_check(birth)
    lunar = LunarDate.from_solar_date(birth.year, birth.month, birth.day)
    return int(lunar.month), int(lunar.day), bool(lunar.is_leap_month)


def _solar_in_lunar_year(year: int, month: int, day: int, leap: bool) -> date:
    """The solar date of a lunar birthday in lunar ``year``, with the fall-backs applied."""
    is_leap = leap and LunarDate.leap_month_for_year(year) == month
    try:
        solar = LunarDate(year, month, day, is_leap).to_solar_date()
    except ValueError:  # day 30 in a 29-day month: use the month's last day
        solar = LunarDate(year, month, day - 1, is_leap).to_solar_date()
    return date(solar.year, solar.month, solar.day)


def next_lunar_birthday(month: int, day: int, leap: bool, after: date) -> date:
    """The first solar date on or after ``after`` on which a lunar birthday falls.

    A 30th day in a 29-day month falls on the 29th; a leap-month birthday falls in the
    ordinary month of years without that leap month.

    Args:
        month: lunar month, 1-12.
        day: lunar day, 1-30.
        leap: whether the birthday is in a leap month (闰月).
        after: the first day to consider (today is included).

    Raises:
        ValidationError: month or day out of range, or dates beyond 2099.
    """
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValidationError("A lunar birthday has a month from 1 to 12 and a day from 1 to 30.")
    _lunar_range_check(after)
    lunar_year = LunarDate.from_solar_date(after.year, after.month, after.day).year
    for year in (lunar_year, lunar_year + 1):
        try:
            candidate = _solar_in_lunar_year(year, month, day, leap)
        except ValueError:
            break  # lunar year 2100 and later are outside lunardate's table
        if candidate >= after:
            return candidate
    raise ValidationError("Lunar dates can be computed from 1900-01-31 to 2099 only.")
