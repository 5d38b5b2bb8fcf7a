"""Model portfolios per client risk level, the banker's adjustments, drift and trades.

The models are data (``resources/model_portfolios/<version>.json``, see the README there):
for each level C1–C5 a target weight per asset class, summing to exactly 1, and how far
the banker may move each weight. A class's band is

    min = max(0, target − max_deviation, floor),  max = min(1, target + max_deviation, cap)

with ``max_deviation`` the file's (or the model's own) absolute allowance and the floor
and cap from the model's ``limits`` (C1's equity cap is 0, so its band is 0–0). A
proposed allocation starts from the model of the client's level; ``check_adjustment``
says where the banker's changes leave the bands. The lowest class (最低类别) uses the C1
model: it is a flag inside C1, not a level (``app.domain.risk_profile``).

``drift`` compares the current portfolio (values in CNY) with proposed weights, and
``trades`` gives the purchases (+) and sales (−) that close the drift. Weights and money
are Decimal throughout, so trades add up to the cent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from app.domain.bilingual import Text
from app.domain.errors import RuleDataError, ValidationError
from app.domain.money import AMOUNT_SCALE, Money, quantize, to_decimal
from app.domain.risk_profile import LEVELS, risk_level

FORMAT = 1
ZERO = Decimal(0)
ONE = Decimal(1)
SUM_TOLERANCE = Decimal("0.0001")  # a proposed allocation must sum to 1 within this
WEIGHT_SCALE = 6  # decimals kept for a current weight (0.0001%)
MIN_TRADE = Decimal("10000")  # CNY: smaller adjustments are not worth a trade
SETTLEMENT_CLASS = "cash"  # sales settle into, and purchases are paid from, cash
TOTAL = "total"  # the asset_class of a problem with the allocation as a whole


@dataclass(frozen=True)
class ModelPortfolio:
    """The model for one level: target ``weights`` and the ``bands`` (min, max) the banker
    may adjust them within, both keyed by asset class in the file's order."""

    level: int
    name: Text
    description: Text
    weights: Mapping[str, Decimal] = field(hash=False)
    bands: Mapping[str, tuple[Decimal, Decimal]] = field(hash=False)
    max_deviation: Decimal = Decimal("0.10")
    class_names: Mapping[str, Text] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        for name in ("weights", "bands", "class_names"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    @property
    def code(self) -> str:
        """``"C3"``."""
        return risk_level(self.level).code

    def class_name(self, asset_class: str) -> Text:
        return self.class_names.get(asset_class) or Text(asset_class, asset_class)


@dataclass(frozen=True)
class ModelPortfolios:
    """One version of the model portfolios: one model per level, C1 to C5."""

    version: str
    classes: tuple[str, ...]
    models: tuple[ModelPortfolio, ...]
    class_names: Mapping[str, Text] = field(default_factory=dict, hash=False)
    source: str = ""
    notes: str = ""

    def for_level(self, level: int) -> ModelPortfolio:
        """The model for level ``level`` (1..5); ``ValueError`` for another number."""
        risk_level(level)
        return self.models[level - 1]


@dataclass(frozen=True)
class AdjustmentProblem:
    """A proposed weight outside what the model allows. ``asset_class`` is ``TOTAL`` when
    the weights do not sum to 1 (``proposed`` is then the sum)."""

    asset_class: str
    proposed: Decimal
    min: Decimal
    max: Decimal
    message: Text


@dataclass(frozen=True)
class Drift:
    """``difference`` = proposed − current weight: positive means buy, negative sell."""

    asset_class: str
    current_weight: Decimal
    proposed_weight: Decimal
    difference: Decimal


@dataclass(frozen=True)
class Trade:
    """``amount_cny`` > 0 buys that much of the class, < 0 sells it."""

    asset_class: str
    amount_cny: Decimal


class Trades(list[Trade]):
    """The trades to make (a list), plus the adjustments too small to trade.

    ``skipped`` are the adjustments below the minimum trade that were left undone; what
    they would have bought or raised stays in (or comes from) cash, so the list still adds
    up. ``note`` says so in both languages, or is None when nothing was skipped.
    """

    skipped: tuple[Trade, ...]
    note: Text | None

    def __init__(
        self, made: Iterable[Trade], skipped: Sequence[Trade] = (), note: Text | None = None
    ) -> None:
        super().__init__(made)
        self.skipped = tuple(skipped)
        self.note = note

    @property
    def remaining(self) -> dict[str, Decimal]:
        """The drift left open, in CNY by asset class (+ still to buy, − still to sell)."""
        return {t.asset_class: t.amount_cny for t in self.skipped}


# --- Parsing -----------------------------------------------------------------------------


def _decimal(value: object, where: str) -> Decimal:
    if isinstance(value, bool):
        raise RuleDataError(f"{where} must be a decimal string, not {value!r}")
    try:
        number = to_decimal(value)
    except (TypeError, ValueError):
        raise RuleDataError(
            f'{where} must be a decimal string such as "0.25", not {value!r}'
        ) from None
    if not number.is_finite():
        raise RuleDataError(f"{where} must be a finite number, not {value!r}")
    return number


def _text(value: object, where: str) -> Text:
    if not isinstance(value, Mapping) or not value.get("zh") or not value.get("en"):
        raise RuleDataError(f'{where} needs both a "zh" and an "en" text')
    return Text(str(value["zh"]), str(value["en"]))


def _classes(doc: Mapping[str, Any], where: str) -> dict[str, Text]:
    entries = doc.get("asset_classes")
    if not isinstance(entries, list) or not entries:
        raise RuleDataError(f'{where}: "asset_classes" must list the asset classes')
    names: dict[str, Text] = {}
    for entry in entries:
        key = entry.get("key") if isinstance(entry, Mapping) else None
        if not isinstance(key, str) or not key:
            raise RuleDataError(f'{where}: every asset class needs a "key"')
        if key in names:
            raise RuleDataError(f"{where}: the asset class {key!r} is listed twice")
        names[key] = _text(entry.get("name"), f"{where}: asset class {key}")
    return names


def _limit(limits: Mapping[str, Any], cls: str, end: str, default: Decimal, where: str) -> Decimal:
    entry = limits.get(cls, {})
    if not isinstance(entry, Mapping) or set(entry) - {"min", "max"}:
        raise RuleDataError(f'{where}: the limits of {cls} may hold only "min" and "max"')
    value = _decimal(entry[end], f"{where}: {cls} {end}") if end in entry else default
    if not ZERO <= value <= ONE:
        raise RuleDataError(f"{where}: the {end} of {cls} must be between 0 and 1, not {value}")
    return value


def _weights(raw: object, classes: Sequence[str], where: str) -> dict[str, Decimal]:
    if not isinstance(raw, Mapping):
        raise RuleDataError(f'{where}: "weights" must map each asset class to a weight')
    odd = sorted(set(raw) ^ set(classes))
    if odd:
        raise RuleDataError(f"{where}: weights must name every asset class once, check {odd}")
    weights = {c: _decimal(raw[c], f"{where}: the weight of {c}") for c in classes}
    for cls, weight in weights.items():
        if not ZERO <= weight <= ONE:
            raise RuleDataError(f"{where}: the weight of {cls} must be 0 to 1, not {weight}")
    total = sum(weights.values(), ZERO)
    if total != ONE:
        raise RuleDataError(f"{where}: the weights sum to {total}, not exactly 1")
    return weights


def _model(
    raw: Mapping[str, Any], names: Mapping[str, Text], deviation: Decimal, version: str
) -> ModelPortfolio:
    level = raw.get("level")
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= len(LEVELS):
        raise RuleDataError(f"model portfolios {version}: a model has level {level!r}, not 1–5")
    where = f"model portfolios {version}, C{level}"
    classes = list(names)
    weights = _weights(raw.get("weights"), classes, where)
    if "max_deviation" in raw:
        deviation = _decimal(raw["max_deviation"], f"{where}: max_deviation")
    if not ZERO < deviation <= ONE:
        raise RuleDataError(f"{where}: max_deviation must be above 0 and at most 1")
    limits = raw.get("limits", {})
    if not isinstance(limits, Mapping) or set(limits) - set(classes):
        raise RuleDataError(f'{where}: "limits" may name only the asset classes {classes}')
    bands: dict[str, tuple[Decimal, Decimal]] = {}
    for cls, target in weights.items():
        floor = _limit(limits, cls, "min", ZERO, where)
        cap = _limit(limits, cls, "max", ONE, where)
        if not floor <= target <= cap:
            raise RuleDataError(
                f"{where}: the weight of {cls} ({target}) is outside its limits {floor}–{cap}"
            )
        bands[cls] = (max(ZERO, target - deviation, floor), min(ONE, target + deviation, cap))
    return ModelPortfolio(
        level=level,
        name=_text(raw.get("name"), f"{where}: name"),
        description=_text(raw.get("description"), f"{where}: description"),
        weights=weights,
        bands=bands,
        max_deviation=deviation,
        class_names=names,
    )


def parse_models(doc: Mapping[str, Any]) -> ModelPortfolios:
    """The ``ModelPortfolios`` in a parsed model portfolio file; ``RuleDataError`` says why
    not (format, a level missing or repeated, weights not summing to exactly 1, a band that
    does not hold the model's own weight, a float where a decimal string belongs)."""
    if not isinstance(doc, Mapping):
        raise RuleDataError("a model portfolio file must be a JSON object")
    version = str(doc.get("version", ""))
    where = f"model portfolios {version or '(no version)'}"
    if doc.get("format") != FORMAT:
        raise RuleDataError(f"{where}: format {doc.get('format')!r} is not {FORMAT}")
    if not version:
        raise RuleDataError('the model portfolio file needs a "version"')
    names = _classes(doc, where)
    deviation = _decimal(doc.get("max_deviation", "0.10"), f"{where}: max_deviation")
    raw_models = doc.get("models")
    if not isinstance(raw_models, list) or not all(isinstance(m, Mapping) for m in raw_models):
        raise RuleDataError(f'{where}: "models" must be a list of models, one per level')
    models = sorted((_model(m, names, deviation, version) for m in raw_models), key=_level)
    levels = [m.level for m in models]
    if levels != list(range(1, len(LEVELS) + 1)):
        raise RuleDataError(f"{where}: need one model for each level C1–C5, found {levels}")
    return ModelPortfolios(
        version=version,
        classes=tuple(names),
        models=tuple(models),
        class_names=names,
        source=str(doc.get("source", "")),
        notes=str(doc.get("notes", "")),
    )


def _level(model: ModelPortfolio) -> int:
    return model.level


# --- Adjusting, drift and trades -------------------------------------------------------------


def _pct(weight: Decimal) -> str:
    return f"{quantize(weight * 100, 2)}%"


def _band_problem(model: ModelPortfolio, cls: str, weight: Decimal) -> AdjustmentProblem | None:
    low, high = model.bands[cls]
    name = model.class_name(cls)
    if weight < 0:
        message = Text(f"{name.zh}的比例不能为负数", f"{name.en}: a weight cannot be negative.")
    elif high == 0 and weight > 0:
        message = Text(
            f"{model.code}模型不配置{name.zh}类资产（建议比例{_pct(weight)}）",
            f"The {model.code} model holds no {name.en.lower()} ({_pct(weight)} proposed).",
        )
    elif not low <= weight <= high:
        message = Text(
            f"{name.zh}建议比例{_pct(weight)}超出{model.code}模型允许的范围"
            f"{_pct(low)}–{_pct(high)}（模型比例{_pct(model.weights[cls])}）",
            f"{name.en}: {_pct(weight)} is outside the {_pct(low)}–{_pct(high)} the "
            f"{model.code} model allows (model weight {_pct(model.weights[cls])}).",
        )
    else:
        return None
    return AdjustmentProblem(cls, weight, low, high, message)


def check_adjustment(
    model: ModelPortfolio, proposed: Mapping[str, Decimal]
) -> list[AdjustmentProblem]:
    """Where ``proposed`` weights leave the model's bands; empty when the banker may use it.

    A class the proposal leaves out counts as 0. Each weight must be ≥ 0 and within its
    band, the weights must sum to 1 within 0.0001 (a ``TOTAL`` problem), and a class the
    model does not know is a problem with band 0–0.
    """
    weights = {c: to_decimal(w) for c, w in proposed.items()}
    problems: list[AdjustmentProblem] = []
    for cls in model.weights:
        problem = _band_problem(model, cls, weights.get(cls, ZERO))
        if problem is not None:
            problems.append(problem)
    for cls in weights.keys() - model.weights.keys():
        message = Text(
            f"{model.code}模型中没有资产类别“{cls}”", f"The {model.code} model has no {cls!r}."
        )
        problems.append(AdjustmentProblem(cls, weights[cls], ZERO, ZERO, message))
    total = sum(weights.values(), ZERO)
    if abs(total - ONE) > SUM_TOLERANCE:
        message = Text(
            f"各类资产比例合计为{_pct(total)}，应为100%",
            f"The weights add up to {_pct(total)}; they must add up to 100%.",
        )
        problems.append(AdjustmentProblem(TOTAL, total, ONE, ONE, message))
    return problems


def _values(current: Mapping[str, Decimal]) -> dict[str, Decimal]:
    values = {c: to_decimal(v) for c, v in current.items()}
    for cls, value in values.items():
        if value < 0:
            raise ValidationError(f"the current value of {cls} cannot be negative ({value})")
    return values


def _proposal(proposed: Mapping[str, Decimal]) -> dict[str, Decimal]:
    weights = {c: to_decimal(w) for c, w in proposed.items()}
    if any(w < 0 for w in weights.values()):
        raise ValidationError("a proposed weight cannot be negative")
    total = sum(weights.values(), ZERO)
    if abs(total - ONE) > SUM_TOLERANCE:
        raise ValidationError(f"the proposed weights add up to {total}; make them add up to 1")
    return weights


def _union(first: Mapping[str, Decimal], second: Mapping[str, Decimal]) -> list[str]:
    return [*first, *(c for c in second if c not in first)]


def _current_weights(values: Mapping[str, Decimal], classes: Sequence[str]) -> dict[str, Decimal]:
    """Each class's share of the total to 6 decimals, the largest holding taking the
    rounding so the shares add up to exactly 1 (all 0 for an empty portfolio)."""
    total = sum(values.values(), ZERO)
    if not total:
        return dict.fromkeys(classes, ZERO)
    shares = {c: quantize(values.get(c, ZERO) / total, WEIGHT_SCALE) for c in classes}
    largest = max(classes, key=lambda c: values.get(c, ZERO))
    shares[largest] += ONE - sum(shares.values(), ZERO)
    return shares


def drift(current: Mapping[str, Decimal], proposed: Mapping[str, Decimal]) -> list[Drift]:
    """Current weights (from values in CNY) against ``proposed`` weights, class by class.

    Classes in the order of ``proposed``, then any held class the proposal leaves out (its
    proposed weight is 0). Current weights are rounded to 6 decimals and add up to exactly
    1 (the largest holding takes the rounding); ``difference`` is exactly
    ``proposed_weight − current_weight``, so the differences add up to the proposal's
    distance from 1 (0 for weights that sum to 1). An empty portfolio has weight 0 in
    every class.
    """
    values, weights = _values(current), _proposal(proposed)
    classes = _union(weights, values)
    now = _current_weights(values, classes)
    rows: list[Drift] = []
    for cls in classes:
        target = weights.get(cls, ZERO)
        rows.append(Drift(cls, now[cls], target, target - now[cls]))
    return rows


def _exact_trades(
    values: Mapping[str, Decimal], weights: Mapping[str, Decimal], total: Decimal
) -> dict[str, Decimal]:
    """Trades to the cent that take ``values`` to ``weights`` of ``total``; the settlement
    class (else the largest target) absorbs the rounding, so they sum to total − now."""
    classes = _union(weights, values)
    now = sum(values.values(), ZERO)
    if SETTLEMENT_CLASS in classes:
        residual = SETTLEMENT_CLASS
    else:
        residual = max(classes, key=lambda c: weights.get(c, ZERO))
    amounts = {
        c: quantize(total * weights.get(c, ZERO) - values.get(c, ZERO), AMOUNT_SCALE)
        for c in classes
        if c != residual
    }
    amounts[residual] = total - now - sum(amounts.values(), ZERO)
    return {c: amounts[c] for c in classes}


def _skipped_note(skipped: Sequence[Trade], min_trade: Decimal, names: Mapping[str, Text]) -> Text:
    def named(trade: Trade, lang: str) -> str:
        name = names.get(trade.asset_class, Text(trade.asset_class, trade.asset_class))
        sign = "+" if trade.amount_cny > 0 else "-"
        return f"{name.get(lang)} {sign}{Money(abs(trade.amount_cny)).format()}"

    limit = Money(min_trade).format()
    return Text(
        f"以下调整低于最低交易金额{limit}，暂不交易，差额留在现金中："
        + "；".join(named(t, "zh") for t in skipped),
        f"Left undone as below the minimum trade of {limit}, the difference staying in cash: "
        + "; ".join(named(t, "en") for t in skipped)
        + ".",
    )


def trades(
    current: Mapping[str, Decimal],
    proposed: Mapping[str, Decimal],
    total: Decimal | None = None,
    min_trade: Decimal = MIN_TRADE,
    *,
    names: Mapping[str, Text] | None = None,
) -> Trades:
    """The purchases (+) and sales (−) in CNY that take ``current`` values to ``proposed``
    weights of ``total`` (default: the current total, so the trades sum to exactly 0;
    otherwise they sum to the money added or taken out).

    An adjustment smaller than ``min_trade`` is not traded: it is listed in ``skipped`` and
    explained in ``note`` (in ``names``' words, else the class keys), and its money stays in
    cash, whose line settles the others and so is never skipped. Trades of 0 are left out.
    """
    values, weights = _values(current), _proposal(proposed)
    total = sum(values.values(), ZERO) if total is None else to_decimal(total)
    if total < 0:
        raise ValidationError(f"the total to invest cannot be negative ({total})")
    min_trade = to_decimal(min_trade)
    if min_trade < 0:
        raise ValidationError("the minimum trade cannot be negative")
    exact = _exact_trades(values, weights, total)
    skipped = [
        Trade(c, a) for c, a in exact.items() if c != SETTLEMENT_CLASS and 0 < abs(a) < min_trade
    ]
    if skipped:
        settle = exact.get(SETTLEMENT_CLASS, ZERO) + sum((t.amount_cny for t in skipped), ZERO)
        exact = {c: a for c, a in exact.items() if c not in {t.asset_class for t in skipped}}
        exact[SETTLEMENT_CLASS] = settle
    made = [Trade(c, a) for c, a in exact.items() if a]
    note = _skipped_note(skipped, min_trade, names or {}) if skipped else None
    return Trades(made, skipped, note)
