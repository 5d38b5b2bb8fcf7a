"""Performance arithmetic: returns, risk and reporting periods over a value history.

Pure functions over plain values, no I/O. Conventions:

- A value history is a date-ordered sequence of ``(day, value)`` closing values in the
  reporting currency; ``flows`` maps a day to the net external flow of that day (money or
  securities brought in positive, taken out negative). A flow on day d happens at the start
  of day d, so the day's return is ``r_d = V_d / (V_{d-1} + F_d) - 1``; a flow on the first
  day of a history is already in the first value and is ignored.
- Period figures (``twr``, ``xirr``) are ``Decimal`` fractions (0.1 is 10%); the TWR is
  linked exactly in Decimal, the XIRR is solved in floats and rounded to 10 decimals.
  The XIRR is always per year; ``mwr`` states it as a statement should, per year only
  for periods of a year or more.
- Series statistics (``daily_returns``, ``growth_index``, ``volatility``, ``max_drawdown``)
  are ``float`` fractions: they feed charts and risk figures, not statements.
"""

from __future__ import annotations

import calendar
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import pairwise

from app.domain.money import REPORTING_CURRENCY

ZERO = Decimal(0)
PERIODS = ("1M", "3M", "YTD", "1Y", "3Y", "ALL")
MONTHS_BACK = {"1M": 1, "3M": 3, "1Y": 12, "3Y": 36}
YEAR_DAYS = 365  # actual/365, as the XIRR counts
XIRR_TOLERANCE = 1e-10
XIRR_LOW = -0.999999  # a rate of -100% or less has no meaning for (1 + r) ** t


@dataclass(frozen=True)
class ValueHistory:
    """Daily closing values of a portfolio and its external flows, in ``currency``.

    ``reconstructed`` is True when (part of) the history could not be replayed from the
    transactions (e.g. holdings imported without their history): those positions and cash
    are then held constant at today's quantities over the whole range, with no flows.
    """

    points: tuple[tuple[date, Decimal], ...]
    flows: dict[date, Decimal] = field(default_factory=dict)
    currency: str = REPORTING_CURRENCY
    reconstructed: bool = False

    def between(self, start: date | None = None, end: date | None = None) -> ValueHistory:
        """The points from ``start`` to ``end`` (inclusive) and the flows of those days."""
        points = tuple(
            p
            for p in self.points
            if (start is None or p[0] >= start) and (end is None or p[0] <= end)
        )
        if not points:
            return ValueHistory((), {}, self.currency, self.reconstructed)
        first, last = points[0][0], points[-1][0]
        flows = {d: f for d, f in self.flows.items() if first <= d <= last}
        return ValueHistory(points, flows, self.currency, self.reconstructed)


@dataclass(frozen=True)
class PerformanceFigures:
    """Returns and risk over one reporting period (see the module doc for units).

    ``start_value`` is the close on ``start``; ``net_flows`` are the flows after it up to and
    including ``end``. ``twr`` is for the period (not annualised); ``xirr`` is annualised.
    ``start`` is later than the period's nominal start when the history begins later, and
    ``reconstructed`` repeats the history's flag (figures from an approximated history).
    """

    period: str
    start: date | None
    end: date | None
    start_value: Decimal
    end_value: Decimal
    net_flows: Decimal
    twr: Decimal | None
    xirr: Decimal | None
    volatility: float | None
    max_drawdown: float | None
    reconstructed: bool = False

    @property
    def annualised(self) -> bool:
        """Whether the period is a year or longer, so its money-weighted return may be
        stated per year (GIPS: a return for less than a year is never annualised)."""
        return (
            self.start is not None
            and self.end is not None
            and ((self.end - self.start).days >= YEAR_DAYS)
        )

    @property
    def mwr(self) -> Decimal | None:
        """The money-weighted return as a statement gives it: the XIRR per year for a
        period of a year or more; for a shorter one, the return over the period itself
        (the XIRR compounded over its days). A month's +1.5% is not shown as +20% a year."""
        if self.xirr is None or self.start is None or self.end is None or self.annualised:
            return self.xirr
        years = (self.end - self.start).days / YEAR_DAYS
        return Decimal(f"{(1 + float(self.xirr)) ** years - 1:.10f}")


# --- time-weighted returns -------------------------------------------------------------


def _ratios(
    values: Sequence[tuple[date, Decimal]], flows: Mapping[date, Decimal]
) -> list[Decimal | None]:
    """``V_d / (V_{d-1} + F_d)`` for each day after the first; None where undefined."""
    out: list[Decimal | None] = []
    for (_, before), (day, value) in pairwise(values):
        base = before + flows.get(day, ZERO)
        if base > 0:
            out.append(value / base)
        else:  # nothing invested: no return if nothing is there either, else undefined
            out.append(Decimal(1) if base == 0 and value == 0 else None)
    return out


def twr(values: Sequence[tuple[date, Decimal]], flows: Mapping[date, Decimal]) -> Decimal | None:
    """Daily-linked time-weighted return over ``values``; None without values or base."""
    if not values:
        return None
    linked = Decimal(1)
    for ratio in _ratios(values, flows):
        if ratio is None:
            return None
        linked *= ratio
    return linked - 1


def daily_returns(
    values: Sequence[tuple[date, Decimal]], flows: Mapping[date, Decimal]
) -> list[float]:
    """Flow-adjusted daily returns (as in ``twr``), skipping days where none is defined."""
    return [float(r) - 1.0 for r in _ratios(values, flows) if r is not None]


def growth_index(
    values: Sequence[tuple[date, Decimal]], flows: Mapping[date, Decimal]
) -> list[float]:
    """What 1 invested on the first day grew to by each day (flow-adjusted, as ``twr``)."""
    if not values:
        return []
    index = [1.0]
    for ratio in _ratios(values, flows):
        index.append(index[-1] * (float(ratio) if ratio is not None else 1.0))
    return index


def volatility(daily_returns: Sequence[float], periods_per_year: int = 252) -> float | None:
    """Annualised sample standard deviation; None with fewer than two returns."""
    if len(daily_returns) < 2:
        return None
    return statistics.stdev(daily_returns) * math.sqrt(periods_per_year)


def max_drawdown(index: Sequence[float]) -> float:
    """The worst fall from a running peak, as a negative fraction (0.0 if none)."""
    peak = -math.inf
    worst = 0.0
    for level in index:
        peak = max(peak, level)
        if peak > 0:
            worst = min(worst, level / peak - 1.0)
    return worst


# --- money-weighted return -------------------------------------------------------------


def _npv(rate: float, flows: Sequence[tuple[float, float]]) -> float:
    return math.fsum(a * (1.0 + rate) ** -t for t, a in flows)


def _npv_slope(rate: float, flows: Sequence[tuple[float, float]]) -> float:
    return math.fsum(-t * a * (1.0 + rate) ** (-t - 1.0) for t, a in flows)


def _newton(flows: Sequence[tuple[float, float]], guess: float = 0.1) -> float | None:
    rate = guess
    for _ in range(50):
        slope = _npv_slope(rate, flows)
        if slope == 0 or not math.isfinite(slope):
            return None
        step = _npv(rate, flows) / slope
        rate -= step
        if rate <= XIRR_LOW or not math.isfinite(rate):
            return None
        if abs(step) < XIRR_TOLERANCE:
            return rate
    return None


def _bisect(flows: Sequence[tuple[float, float]]) -> float | None:
    def f(r: float) -> float:
        return _npv(r, flows)

    low, high = XIRR_LOW, 1.0
    f_low = f(low)
    while f_low * f(high) > 0:
        if high > 1e6:
            return None
        high *= 4
    for _ in range(300):
        mid = (low + high) / 2
        f_mid = f(mid)
        if f_low * f_mid <= 0:
            high = mid
        else:
            low, f_low = mid, f_mid
        if high - low < XIRR_TOLERANCE:
            break
    return (low + high) / 2


def xirr(cashflows: Sequence[tuple[date, Decimal]]) -> Decimal | None:
    """Annualised money-weighted return (actual/365) of dated cash flows.

    Investor's perspective: money put in is negative, money (or value) taken out positive.
    None when the flows do not change sign or the rate cannot be found.
    """
    live = [(d, float(a)) for d, a in cashflows if a != 0]
    if not any(a < 0 for _, a in live) or not any(a > 0 for _, a in live):
        return None
    first = min(d for d, _ in live)
    flows = [((d - first).days / 365.0, a) for d, a in live]
    if all(t == 0 for t, _ in flows):
        return None
    try:
        rate = _newton(flows)
        if rate is None:
            rate = _bisect(flows)
    except (OverflowError, ZeroDivisionError):
        return None
    return None if rate is None else Decimal(f"{rate:.10f}")


# --- reporting periods -----------------------------------------------------------------


def _months_back(day: date, months: int) -> date:
    """The same day ``months`` earlier, or the month's last day if it has no such day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def period_start(period: str, today: date, first: date) -> date:
    """The base day of ``period`` ending ``today``: returns run from that day's close.

    1M/3M/1Y/3Y go back that many months (31 March → 28/29 February), YTD starts at the
    close of last year's 31 December, ALL at ``first``; never before ``first``.
    """
    key = period.upper()
    if key == "ALL":
        return first
    if key == "YTD":
        start = date(today.year - 1, 12, 31)
    elif key in MONTHS_BACK:
        start = _months_back(today, MONTHS_BACK[key])
    else:
        raise ValueError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    return max(start, first)


def _window(history: ValueHistory, period: str, today: date) -> ValueHistory:
    upto = history.between(None, today)
    if not upto.points:
        return upto
    base_day = period_start(period, today, upto.points[0][0])
    base = max((d for d, _ in upto.points if d <= base_day), default=upto.points[0][0])
    return upto.between(base, today)


def _money_weighted(window: ValueHistory) -> Decimal | None:
    (start, start_value), (end, end_value) = window.points[0], window.points[-1]
    flows = sorted((d, -f) for d, f in window.flows.items() if start < d <= end)
    return xirr([(start, -start_value), *flows, (end, end_value)])


def figures(history: ValueHistory, period: str, today: date) -> PerformanceFigures:
    """TWR, XIRR, volatility and drawdown of ``history`` over ``period`` ending ``today``."""
    window = _window(history, period, today)
    points, flows = window.points, window.flows
    if not points:
        return PerformanceFigures(
            period, None, None, ZERO, ZERO, ZERO, None, None, None, None, history.reconstructed
        )
    start, end = points[0][0], points[-1][0]
    returns = daily_returns(points, flows)
    return PerformanceFigures(
        period=period,
        start=start,
        end=end,
        start_value=points[0][1],
        end_value=points[-1][1],
        net_flows=sum((f for d, f in flows.items() if d > start), ZERO),
        twr=twr(points, flows),
        xirr=_money_weighted(window),
        volatility=volatility(returns),
        max_drawdown=max_drawdown(growth_index(points, flows)) if len(points) > 1 else None,
        reconstructed=history.reconstructed,
    )


def figures_table(
    history: ValueHistory, today: date, periods: Iterable[str] = PERIODS
) -> list[PerformanceFigures]:
    """``figures`` for each period, from one history."""
    return [figures(history, p, today) for p in periods]
