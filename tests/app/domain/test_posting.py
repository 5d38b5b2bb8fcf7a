"""Posting: how each kind of transaction moves a holding and its account's cash."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import ValidationError
from app.domain.posting import Position, TransactionKind, post

K = TransactionKind
D = Decimal
CASH = D("10000.00")
HELD = Position(D("300"), D("3000.00"))


@pytest.mark.parametrize("kind", [K.BUY, K.SUBSCRIPTION])
def test_purchase_takes_amount_and_fee_from_cash_and_adds_units_and_cost(kind: K) -> None:
    posted = post(kind, HELD, CASH, quantity=D("100"), amount=D("1250.00"), fee=D("5.00"))
    assert posted.cash == D("8745.00")
    assert posted.position == Position(D("400"), D("4250.00"))


def test_first_purchase_opens_a_position() -> None:
    posted = post(K.BUY, None, CASH, quantity=D("10.5"), amount=D("105.00"))
    assert posted.position == Position(D("10.5"), D("105.00"))
    assert posted.cash == D("9895.00")


@pytest.mark.parametrize("kind", [K.SELL, K.REDEMPTION])
def test_sale_adds_amount_less_fee_and_removes_average_cost(kind: K) -> None:
    posted = post(kind, HELD, CASH, quantity=D("100"), amount=D("1500.00"), fee=D("3.00"))
    assert posted.cash == D("11497.00")
    assert posted.position == Position(D("200"), D("2000.00"))


def test_selling_everything_leaves_no_units_and_no_cost() -> None:
    position = Position(D("3"), D("100.00"))
    posted = post(K.SELL, position, CASH, quantity=D("3"), amount=D("120.00"))
    assert posted.position == Position(D("0"), D("0.00"))


@pytest.mark.parametrize("kind", [K.SELL, K.REDEMPTION, K.TRANSFER_OUT])
def test_removing_more_units_than_held_raises(kind: K) -> None:
    with pytest.raises(ValidationError, match="only 300"):
        post(kind, HELD, CASH, quantity=D("300.000001"), amount=D("1.00"))
    with pytest.raises(ValidationError):
        post(kind, None, CASH, quantity=D("1"), amount=D("1.00"))


@pytest.mark.parametrize("kind", [K.BUY, K.SELL, K.SUBSCRIPTION, K.REDEMPTION])
def test_trades_need_a_quantity(kind: K) -> None:
    with pytest.raises(ValidationError):
        post(kind, HELD, CASH, quantity=None, amount=D("1.00"))


@pytest.mark.parametrize("quantity", [D("0"), D("-1")])
def test_quantity_must_be_positive(quantity: Decimal) -> None:
    with pytest.raises(ValidationError):
        post(K.BUY, HELD, CASH, quantity=quantity, amount=D("1.00"))


@pytest.mark.parametrize(("amount", "fee"), [(D("-1.00"), D("0")), (D("1.00"), D("-0.01"))])
def test_negative_amounts_and_fees_are_refused(amount: Decimal, fee: Decimal) -> None:
    with pytest.raises(ValidationError):
        post(K.DIVIDEND, HELD, CASH, quantity=None, amount=amount, fee=fee)


@pytest.mark.parametrize("kind", [K.DIVIDEND, K.INTEREST])
def test_income_adds_amount_less_fee_and_leaves_the_position(kind: K) -> None:
    posted = post(kind, HELD, CASH, quantity=None, amount=D("88.88"), fee=D("0.88"))
    assert posted.cash == D("10088.00")
    assert posted.position == HELD


def test_fee_takes_its_amount_from_cash() -> None:
    posted = post(K.FEE, HELD, CASH, quantity=None, amount=D("12.50"))
    assert posted.cash == D("9987.50")
    assert posted.position == HELD


def test_fee_transaction_also_charges_its_fee() -> None:
    posted = post(K.FEE, HELD, CASH, quantity=None, amount=D("12.50"), fee=D("1.00"))
    assert posted.cash == D("9986.50")


def test_transfer_in_of_units_adds_units_and_cost_and_only_the_fee_moves_cash() -> None:
    posted = post(K.TRANSFER_IN, HELD, CASH, quantity=D("50"), amount=D("600.00"), fee=D("2.00"))
    assert posted.position == Position(D("350"), D("3600.00"))
    assert posted.cash == D("9998.00")


def test_transfer_out_of_units_removes_average_cost_and_only_the_fee_moves_cash() -> None:
    posted = post(K.TRANSFER_OUT, HELD, CASH, quantity=D("30"), amount=D("0"), fee=D("2.00"))
    assert posted.position == Position(D("270"), D("2700.00"))
    assert posted.cash == D("9998.00")


def test_cash_transfers_move_the_amount_less_the_fee() -> None:
    assert post(
        K.TRANSFER_IN, None, CASH, quantity=None, amount=D("500.00"), fee=D("1.00")
    ).cash == D("10499.00")
    posted = post(K.TRANSFER_OUT, HELD, CASH, quantity=None, amount=D("500.00"), fee=D("1.00"))
    assert posted.cash == D("9499.00")
    assert posted.position == HELD


def test_cost_leaving_with_a_sale_rounds_half_up() -> None:
    posted = post(K.SELL, Position(D("2"), D("1.25")), CASH, quantity=D("1"), amount=D("1.00"))
    assert posted.position == Position(D("1"), D("0.62"))  # 0.625 leaves as 0.63


quantities = st.decimals(min_value=D("0.000001"), max_value=D("100000"), places=6)
amounts = st.decimals(min_value=D("0"), max_value=D("1000000"), places=2)
trades = st.lists(st.tuples(quantities, amounts, amounts.filter(lambda f: f < 1000)), max_size=8)


@given(buys=trades, sells=trades)
def test_buys_then_sells_never_go_negative_and_cash_adds_up(
    buys: list[tuple[Decimal, Decimal, Decimal]], sells: list[tuple[Decimal, Decimal, Decimal]]
) -> None:
    position, cash = None, D("0")
    expected_units, expected_cash = D("0"), D("0")
    for quantity, amount, fee in buys:
        posted = post(K.BUY, position, cash, quantity=quantity, amount=amount, fee=fee)
        position, cash = posted.position, posted.cash
        expected_units += quantity
        expected_cash += -amount - fee
    for quantity, amount, fee in sells:
        if quantity > expected_units:
            with pytest.raises(ValidationError):
                post(K.SELL, position, cash, quantity=quantity, amount=amount, fee=fee)
            continue
        posted = post(K.SELL, position, cash, quantity=quantity, amount=amount, fee=fee)
        position, cash = posted.position, posted.cash
        expected_units -= quantity
        expected_cash += amount - fee
        assert position is not None
        assert position.quantity >= 0
        assert position.cost_basis >= 0
    assert cash == expected_cash
    assert (position.quantity if position else D("0")) == expected_units
