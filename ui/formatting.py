"""Numbers as a Chinese private banker reads them: grouped, with 万 and 亿 in Chinese."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from app.domain.money import Money, chinese_units


def chinese_ui() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def format_money(amount: Decimal, currency: str = "CNY") -> str:
    """``¥12,345,678.00``, and in Chinese also ``(1,234.57万)`` for large amounts."""
    text = Money(amount, currency).format()
    if chinese_ui() and abs(amount) >= 10_000:
        text += f"（{chinese_units(amount)}）"
    return text


def format_money_short(amount: Decimal) -> str:
    """For tables: ``1,234.57万`` in Chinese, ``12,345,678`` in English."""
    if chinese_ui():
        return chinese_units(amount)
    return f"{amount:,.0f}"


def format_percent(value: Decimal | float | None, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{float(value) * 100:+.{digits}f}%"
