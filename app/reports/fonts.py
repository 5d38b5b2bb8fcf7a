"""The fonts every report embeds, registered with ReportLab once per process.

Why two fonts: the bundled CJK font (Droid Sans Fallback, ``resources/fonts``) has
TrueType outlines, so ReportLab can embed a subset of it, but it has no Latin letters,
digits or Western punctuation (it was made to back up Droid Sans). Those come from
Bitstream Vera, which ships inside the ``reportlab`` package. ``markup`` splits text into
runs so each character is drawn with the font that has it; both fonts are embedded as
subsets, so a document renders the same on any reader.

Registration is process-wide and guarded by a lock, so reports may be built from worker
threads. The first registration wins: later calls return the same font names.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

CJK_FONT = "ConfidantCJK"
LATIN_FONT = "ConfidantLatin"
LATIN_BOLD_FONT = "ConfidantLatinBold"
CJK_FONT_FILE = "DroidSansFallbackFull.ttf"

_lock = threading.Lock()


@dataclass(frozen=True)
class DocumentFonts:
    """The registered font names: ``cjk`` for Chinese, ``latin``/``latin_bold`` for the rest."""

    cjk: str = CJK_FONT
    latin: str = LATIN_FONT
    latin_bold: str = LATIN_BOLD_FONT


def resources_dir() -> Path:
    """``CONFIDANT_RESOURCES``, else the repository's ``resources/`` (as the services do)."""
    override = os.environ.get("CONFIDANT_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources"


def cjk_font_path() -> Path:
    return resources_dir() / "fonts" / CJK_FONT_FILE


def _latin_font_path(file_name: str) -> Path:
    return Path(reportlab.__file__).resolve().parent / "fonts" / file_name


def _is_registered(name: str) -> bool:
    return name in pdfmetrics.getRegisteredFontNames()


def _register(name: str, path: Path) -> None:
    if not path.is_file():
        raise FileNotFoundError(
            f"The font file {path} is missing; reinstall Confidant or set "
            "CONFIDANT_RESOURCES to the folder that holds fonts/."
        )
    pdfmetrics.registerFont(TTFont(name, str(path)))


def register_cjk_font(path: Path | None = None) -> str:
    """Register the CJK TrueType font (once) and return its ReportLab name.

    Args:
        path: the ``.ttf`` file; defaults to ``resources/fonts/DroidSansFallbackFull.ttf``.
    """
    with _lock:
        if not _is_registered(CJK_FONT):
            _register(CJK_FONT, path or cjk_font_path())
    return CJK_FONT


def register_fonts(cjk_path: Path | None = None) -> DocumentFonts:
    """Register the CJK and Latin fonts (once each) and return their names."""
    register_cjk_font(cjk_path)
    with _lock:
        for name, file_name in ((LATIN_FONT, "Vera.ttf"), (LATIN_BOLD_FONT, "VeraBd.ttf")):
            if not _is_registered(name):
                _register(name, _latin_font_path(file_name))
    return DocumentFonts()


@lru_cache(maxsize=1)
def _cjk_chars() -> frozenset[int]:
    register_cjk_font()
    return frozenset(pdfmetrics.getFont(CJK_FONT).face.charToGlyph)


@lru_cache(maxsize=1)
def _latin_chars() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(LATIN_FONT).face.charToGlyph)


def _wants_cjk(char: str) -> bool:
    code = ord(char)
    if code in _latin_chars():
        return False
    return code in _cjk_chars()


def font_runs(text: str, *, bold: bool = False) -> Iterator[tuple[str, str]]:
    """Split ``text`` into ``(font name, run)`` pairs, each run drawable in its font.

    Spaces stay in the run they follow, so mixed text does not break into tiny runs.
    Characters neither font has go to the Latin font (and show as a missing glyph).
    """
    fonts = register_fonts()
    latin = fonts.latin_bold if bold else fonts.latin
    current: str | None = None
    run: list[str] = []
    for char in text:
        font = current if char.isspace() and current else (fonts.cjk if _wants_cjk(char) else latin)
        if font != current and run:
            yield current or latin, "".join(run)
            run = []
        current = font
        run.append(char)
    if run:
        yield current or latin, "".join(run)


def markup(text: str, *, bold: bool = False) -> str:
    """``text`` as escaped Paragraph markup, each run wrapped in ``<font face=…>``."""
    return "".join(
        f'<font face="{font}">{escape(run)}</font>' for font, run in font_runs(text, bold=bold)
    )


def string_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` drawn run by run (see ``font_runs``) at ``size`` points."""
    widths = (pdfmetrics.stringWidth(run, font, size) for font, run in font_runs(text, bold=bold))
    return float(sum(widths))
