"""Search text: one normalisation for what is indexed and what is typed, and snippets.

Why: the search must find exactly what a ``LIKE '%term%'`` scan of the same text finds,
including Chinese words of one or two characters, which SQLite's trigram tokenizer
cannot see (it needs three). So the indexed text and the query go through the same
``normalise``; a term of three or more characters is looked up as a trigram phrase, and
a shorter one as a single token of the "gram" index, which holds every one- and
two-character substring of the text. Both are exact substring tests, so the index and
the scan agree by construction:

- ``normalise``: NFKC (full-width letters and digits become ASCII), lower case,
  whitespace runs collapsed to one space, trimmed.
- ``terms``: the query's words; every term must occur (AND). No term holds a space,
  so no term can span two fields of a document (they are joined by a space).
- ``grams``/``gram_token``: each 1–2 character substring without whitespace becomes
  an ASCII token (``g`` + hex code points joined by ``x``), which FTS5's ``ascii``
  tokenizer keeps whole, so ``"tr"``, ``"-2"`` and ``"王"`` are all findable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

SHORT_TERM = 2  # terms of up to this many characters use the gram index
SNIPPET_WIDTH = 40


def normalise(text: str) -> str:
    """``"ＴＲ-2023  基金\\n"`` → ``"tr-2023 基金"``: NFKC, lower case, one space."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def terms(query: str) -> list[str]:
    """The normalised words of a query, each once, in order; all must match."""
    return list(dict.fromkeys(normalise(query).split()))


def is_short(term: str) -> bool:
    """Whether a term is looked up in the gram index (else as a trigram phrase)."""
    return len(term) <= SHORT_TERM


class _Hex(dict[str, str]):
    """Character → its code point in lower-case hex, remembered once computed."""

    def __missing__(self, ch: str) -> str:
        self[ch] = value = format(ord(ch), "x")
        return value


_HEX = _Hex()


def gram_token(term: str) -> str:
    """The gram-index token of a one- or two-character term: ``"基金"`` → ``"g57fax91d1"``.

    Raises:
        ValueError: the term is empty, longer than two characters or holds whitespace.
    """
    if not 1 <= len(term) <= SHORT_TERM or any(ch.isspace() for ch in term):
        raise ValueError(f"a gram is one or two characters without spaces, not {term!r}")
    return "g" + "x".join(_HEX[ch] for ch in term)


def grams(text: str) -> str:
    """Space-separated tokens of every distinct 1- and 2-character substring of
    ``text`` (already normalised) that holds no whitespace."""
    found: set[str] = set()
    for run in text.split():
        codes = [_HEX[ch] for ch in run]
        found.update(["g" + code for code in codes])
        found.update([f"g{a}x{b}" for a, b in pairwise(codes)])
    return " ".join(found)


def fts_phrase(term: str) -> str:
    """A term as an FTS5 string (a phrase): quoted, inner quotes doubled."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """``LIKE`` pattern (with ``ESCAPE '\\'``) for text containing ``term``."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- Snippets -------------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    """A short excerpt and the (start, end) offsets of the matches shown in it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, open_mark: str = "【", close_mark: str = "】") -> str:
        """The excerpt with each match wrapped in marks (for plain-text output)."""
        out, last = [], 0
        for start, end in self.spans:
            out += [self.text[last:start], open_mark, self.text[start:end], close_mark]
            last = end
        out.append(self.text[last:])
        return "".join(out)


@lru_cache(maxsize=16384)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).lower()


def _fold(display: str) -> tuple[str, list[int]]:
    """``display`` normalised one character at a time, with each folded character's
    index in ``display`` (so a match found in the fold maps back to the original)."""
    folded: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(display):
        for f in _fold_char(ch):
            if f.isspace():
                if not folded or folded[-1] == " ":
                    continue
                f = " "
            folded.append(f)
            origin.append(i)
    return "".join(folded), origin


def _matches(folded: str, origin: list[int], words: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every term, as merged (start, end) ranges of the original."""
    found: list[tuple[int, int]] = []
    for word in filter(None, words):
        at = folded.find(word)
        while at >= 0:
            found.append((origin[at], origin[at + len(word) - 1] + 1))
            at = folded.find(word, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(document: str, words: list[str], width: int = SNIPPET_WIDTH) -> Snippet:
    """About ``width`` characters of ``document`` around the first match of ``words``
    (normalised terms), whitespace collapsed, ``…`` where text was cut, matches marked.

    The document keeps its own letters (capitals, full-width forms); matches are found
    by normalising it character by character. With no match, the start is shown.
    """
    display = " ".join(document.split())
    folded, origin = _fold(display)
    found = _matches(folded, origin, words)
    first = found[0] if found else (0, 0)
    lead = max(0, (width - (first[1] - first[0])) // 3)
    start = max(0, min(first[0] - lead, len(display) - width))
    end = min(len(display), max(start + width, first[1]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(display) else ""
    shift = len(prefix) - start
    spans = tuple((s + shift, e + shift) for s, e in found if s >= start and e <= end)
    return Snippet(prefix + display[start:end] + suffix, spans)
