"""Words shown in the banker's language: the same text in Chinese and English.

Rule tables, questionnaires and findings carry both, and the screen or document picks
one, so switching the interface language never needs the data again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """The same words in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """``zh`` for any Chinese locale (``zh``, ``zh_CN``, ``zh-Hans``), else ``en``."""
        return self.zh if lang.lower().startswith("zh") else self.en
