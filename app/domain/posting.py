"""How a transaction moves a holding and its account's cash.

Pure arithmetic on Decimals, so the same rules serve the vault, imports and tests.
Amounts are in the account's currency; ``amount`` is the gross value, ``fee`` is
always a cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.errors import ValidationError
from app.domain.money import AMOUNT_SCALE, quantize


class TransactionKind(StrEnum):
    BUY = "buy"
    SELL = "sell"
    SUBSCRIPTION = "subscription"
    REDEMPTION = "redemption"
    DIVIDEND = "dividend"
    INTEREST = "interest"
    FEE = "fee"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"

    @property
    def adds_units(self) -> bool:
        return self in (
            TransactionKind.BUY,
            TransactionKind.SUBSCRIPTION,
            TransactionKind.TRANSFER_IN,
        )

    @property
    def removes_units(self) -> bool:
        return self in (
            TransactionKind.SELL,
            TransactionKind.REDEMPTION,
            TransactionKind.TRANSFER_OUT,
        )

    @property
    def is_purchase(self) -> bool:
        return self in (TransactionKind.BUY, TransactionKind.SUBSCRIPTION)

    @property
    def is_sale(self) -> bool:
        return self in (TransactionKind.SELL, TransactionKind.REDEMPTION)


@dataclass(frozen=True)
class Position:
    quantity: Decimal
    cost_basis: Decimal


@dataclass(frozen=True)
class Posted:
    position: Position | None
    cash: Decimal


def _units(
    kind: TransactionKind, position: Position | None, quantity: Decimal | None, amount: Decimal
) -> Position | None:
    if not (kind.adds_units or kind.removes_units) or quantity is None:
        return position
    if quantity <= 0:
        raise ValidationError(f"A {kind} needs a positive quantity, not {quantity}.")
    held = position or Position(Decimal(0), Decimal(0))
    if kind.adds_units:
        return Position(held.quantity + quantity, held.cost_basis + amount)
    if quantity > held.quantity:
        raise ValidationError(f"Cannot {kind} {quantity} units: only {held.quantity} are held.")
    # Cost leaves with the units in proportion (average cost).
    cost_out = quantize(held.cost_basis * quantity / held.quantity, AMOUNT_SCALE)
    return Position(held.quantity - quantity, held.cost_basis - cost_out)


def _cash(
    kind: TransactionKind, cash: Decimal, amount: Decimal, fee: Decimal, moves_units: bool
) -> Decimal:
    if kind.is_purchase:
        return cash - amount - fee
    if kind.is_sale or kind in (TransactionKind.DIVIDEND, TransactionKind.INTEREST):
        return cash + amount - fee
    if kind is TransactionKind.FEE:
        return cash - amount - fee
    if moves_units:  # a transfer of securities moves no cash but may cost a fee
        return cash - fee
    sign = 1 if kind is TransactionKind.TRANSFER_IN else -1
    return cash + sign * amount - fee


def post(
    kind: TransactionKind,
    position: Position | None,
    cash: Decimal,
    *,
    quantity: Decimal | None,
    amount: Decimal,
    fee: Decimal = Decimal(0),
) -> Posted:
    """The holding and cash balance after booking one transaction."""
    if amount < 0 or fee < 0:
        raise ValidationError("Amounts and fees are booked as positive numbers.")
    if (kind.is_purchase or kind.is_sale) and quantity is None:
        raise ValidationError(f"A {kind} needs a quantity.")
    new_position = _units(kind, position, quantity, amount)
    return Posted(new_position, _cash(kind, cash, amount, fee, quantity is not None))
