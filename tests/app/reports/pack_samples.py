"""Sample advice packs for the tests and the bench: a realistic client and synthetic sizes.

``zh_pack()`` is a typical private-banking client (25 holdings, 3 goals, 4 recommended
products, a 20-year projection); ``en_pack()`` and ``both_pack()`` are the same client in
English and in both languages; ``sized_pack(holdings, recommendations, goals)`` scales
the lists for the page-count and bench cases. All values are fixed, so renders repeat.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.reports.advice_pack import (
    AdvicePackDocument,
    PackAllocationRow,
    PackGoal,
    PackHolding,
    PackProjection,
    PackRecommendation,
)

FULL_ID = "11010519561231002X"
MASKED_ID = "110105********002X"
TOTAL = Decimal("62187272.94")

_CLASSES_ZH = ("现金管理", "固定收益", "混合", "权益", "商品", "保险")
_CLASSES_EN = ("Cash", "Fixed income", "Multi-asset", "Equity", "Commodities", "Insurance")
_RATINGS = ("R1", "R2", "R3", "R3", "R3", "R2")
# (name, code, asset class index, rating)
_PRODUCTS = (
    ("工银理财·天天鑫现金管理", "GYTTX01", 0, ""),
    ("中银理财·稳富颐享365天持有期", "ZYWF365", 1, "R2"),
    ("易方达稳健收益债券A", "110007", 1, "R2"),
    ("兴银理财·睿盈平衡配置", "XYRY88", 2, "R3"),
    ("华夏沪深300ETF联接A", "000051", 3, "R3"),
    ("博时黄金ETF联接C", "002611", 4, "R3"),
    ("友邦人寿御享财富年金保险", "AIA-YX", 5, "R2"),
    ("招银理财·招睿季季开固收增强", "ZRJJK02", 1, "R2"),
)
# The proposed weights by class (they sum to 1).
_PROPOSED = (
    Decimal("0.0800"),
    Decimal("0.4200"),
    Decimal("0.1500"),
    Decimal("0.1400"),
    Decimal("0.0600"),
    Decimal("0.1500"),
)


def holdings(count: int, classes: tuple[str, ...] = _CLASSES_ZH) -> tuple[PackHolding, ...]:
    """``count`` positions; their values sum to ``TOTAL``, largest first."""
    raw = [Decimal(1_000 + (n * 7919) % 5_000) for n in range(count)]
    scale = TOTAL / sum(raw)
    values = sorted(((v * scale).quantize(Decimal("0.01")) for v in raw), reverse=True)
    values[0] += TOTAL - sum(values)
    out = []
    for n, value in enumerate(values):
        name, code, cls, rating = _PRODUCTS[n % len(_PRODUCTS)]
        series = n // len(_PRODUCTS)
        out.append(
            PackHolding(
                name=f"{name}（第{series + 1}期）" if series else name,
                code=f"{code}-{series:02d}" if series else code,
                asset_class=classes[cls],
                rating=rating,
                value_cny=value,
                weight=(value / TOTAL).quantize(Decimal("0.0001")),
            )
        )
    return tuple(out)


def allocation(classes: tuple[str, ...] = _CLASSES_ZH) -> tuple[PackAllocationRow, ...]:
    """Current weights from the 25 sample holdings; proposed ones from ``_PROPOSED``."""
    by_class = [Decimal(0)] * len(classes)
    for holding in holdings(25):
        by_class[_CLASSES_ZH.index(holding.asset_class)] += holding.value_cny
    rows = []
    for label, value, proposed in zip(classes, by_class, _PROPOSED, strict=True):
        current = (value / TOTAL).quantize(Decimal("0.0001"))
        rows.append(
            PackAllocationRow(
                asset_class_label=label,
                current_weight=current,
                proposed_weight=proposed,
                difference=proposed - current,
                trade_cny=(proposed * TOTAL - value).quantize(Decimal("0.01")),
            )
        )
    return tuple(rows)


def goals(count: int = 3) -> tuple[PackGoal, ...]:
    base = (
        PackGoal("子女海外留学", Decimal("3000000"), 2029, "高", Decimal("1200000"), 0.81, 0.86),
        PackGoal("退休养老", Decimal("20000000"), 2036, "高", Decimal("8000000"), 0.64, 0.73),
        PackGoal("家族财富传承", Decimal("40000000"), 2046, "中", Decimal("0"), 0.4249, 0.5151),
    )
    return tuple(
        base[n % 3] if n < 3 else replace(base[n % 3], name=f"{base[n % 3].name}{n}")
        for n in range(count)
    )


def recommendations(count: int = 4) -> tuple[PackRecommendation, ...]:
    base = (
        PackRecommendation(
            name="招银理财·招睿季季开固收增强",
            code="ZRJJK02",
            rating="R2",
            amount_cny=Decimal("2800000.00"),
            rationale="提高固定收益比例，季度开放兼顾流动性，用于覆盖三年内留学支出。",
            suitable=True,
            suitability_notes=("客户C3可购买R1–R3产品", "投资期限3个月，短于客户可接受期限"),
            key_terms="季度开放；起购金额1万元；冷静期24小时；无需双录",
            fees="固定管理费0.30%/年，托管费0.02%/年，销售服务费0.25%/年",
            liquidity="每季度开放申购赎回，赎回款T+3到账",
            risks="主要投资债券，受利率与信用风险影响，净值可能波动，不保证收益。",
        ),
        PackRecommendation(
            name="易方达稳健收益债券A",
            code="110007",
            rating="R2",
            amount_cny=Decimal("1500000.00"),
            rationale="以中短久期债券为主，波动较低，作为组合的稳定器。",
            suitable=True,
            suitability_notes=("客户C3可购买R1–R3产品",),
            key_terms="开放式；起购金额10元；申购费0.8%",
            fees="管理费0.70%/年，托管费0.20%/年",
            liquidity="每个交易日可赎回，T+2到账",
            risks="债券价格受利率影响；信用债可能违约。",
        ),
        PackRecommendation(
            name="华夏沪深300ETF联接A",
            code="000051",
            rating="R3",
            amount_cny=Decimal("1200000.00"),
            rationale="适度提高权益比例以追求长期增长，分三个月定投以平滑买入成本。",
            suitable=True,
            suitability_notes=("客户C3可购买R1–R3产品", "权益占比提高后仍在客户可承受的亏损范围内"),
            key_terms="开放式指数基金；分三个月定投",
            fees="管理费0.50%/年，托管费0.10%/年，申购费1.2%",
            liquidity="每个交易日可赎回，T+3到账",
            risks="股票市场波动较大，可能出现较大幅度亏损。",
        ),
        PackRecommendation(
            name="兴银理财·睿盈平衡配置",
            code="XYRY88",
            rating="R3",
            amount_cny=Decimal("1800000.00"),
            rationale="股债平衡配置，作为退休规划的核心持仓。",
            suitable=True,
            suitability_notes=("客户C3可购买R1–R3产品",),
            key_terms="最短持有期一年；起购金额1万元；冷静期24小时",
            fees="管理费0.60%/年，业绩报酬：超过业绩比较基准部分的20%",
            liquidity="持有满一年后每日可赎回",
            risks="受股票与债券市场共同影响，业绩比较基准不代表实际收益。",
        ),
    )
    return tuple(
        base[n % 4] if n < 4 else replace(base[n % 4], code=f"{base[n % 4].code}-{n}")
        for n in range(count)
    )


def projection(first: int = 2026, years: int = 20) -> PackProjection:
    span = list(range(first, first + years + 1))
    start = float(TOTAL)

    def path(rate: float, sigma: float, z: float) -> list[float]:
        return [
            round(start * math.exp(rate * t + z * sigma * math.sqrt(t)), 2)
            for t in range(len(span))
        ]

    return PackProjection(
        years=span,
        current_p5=path(0.028, 0.06, -1.645),
        current_p50=path(0.028, 0.06, 0.0),
        current_p95=path(0.028, 0.06, 1.645),
        proposed_p5=path(0.036, 0.08, -1.645),
        proposed_p50=path(0.036, 0.08, 0.0),
        proposed_p95=path(0.036, 0.08, 1.645),
        deterministic_current=path(0.030, 0.0, 0.0),
        deterministic_proposed=path(0.039, 0.0, 0.0),
    )


def zh_pack(**changes: object) -> AdvicePackDocument:
    doc = AdvicePackDocument(
        lang="zh",
        document_number="AP-20261129-7F3C2A19",
        date=date(2026, 11, 29),
        client_name="王建国",
        client_masked_id=MASKED_ID,
        banker="李明",
        banker_licence="F3250000123",
        branch="上海浦东私人银行中心",
        risk_level_code="C3",
        risk_level_name="平衡型",
        risk_meaning="在收益与风险之间寻求平衡，可承受一定幅度的本金损失；"
        "适合中风险（R1–R3）及以下产品。",
        risk_assessed_on=date(2026, 3, 10),
        risk_expires_on=date(2027, 3, 10),
        suitable_ratings="R1–R3",
        max_loss_pct=15,
        total_assets_cny=TOTAL,
        holdings=holdings(25),
        performance=(
            ("今年以来收益", "+2.54%"),
            ("近一年收益", "+4.58%"),
            ("近一年最大回撤", "-3.12%"),
        ),
        allocation=allocation(),
        goals=goals(),
        recommendations=recommendations(),
        projection=projection(),
        assumptions_version="MA-2026Q4",
        plan_title="家庭财富规划建议书",
        plan_version="v3",
        reasons=(
            "商品类资产占比偏高，建议逐步降低以控制波动；",
            "三年内有留学支出，需要保留足够流动性；",
            "退休目标达成概率偏低，适度提高权益与平衡类配置。",
        ),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def en_pack(**changes: object) -> AdvicePackDocument:
    recs = tuple(
        replace(
            rec,
            rationale="Raises fixed income; quarterly dealing keeps money for tuition.",
            suitability_notes=("C3 client may buy R1–R3 products",),
            key_terms="Quarterly dealing; minimum CNY 10,000; 24-hour cooling-off",
            fees="Management 0.30% a year, custody 0.02%",
            liquidity="Redeem quarterly, paid T+3",
            risks="Bond prices move with rates and credit; value may fall.",
        )
        for rec in recommendations()
    )
    doc = zh_pack(
        lang="en",
        client_name="王建国 (Wang Jianguo)",
        branch="Shanghai Pudong Private Banking Centre",
        banker="Li Ming",
        risk_level_name="Balanced",
        risk_meaning="Seeks balance between return and risk and can bear some loss of "
        "principal; suits products up to medium risk (R1–R3).",
        holdings=holdings(25, _CLASSES_EN),
        allocation=allocation(_CLASSES_EN),
        goals=tuple(
            replace(g, name=n, priority=p)
            for g, n, p in zip(
                goals(),
                ("Study abroad", "Retirement", "Legacy"),
                ("High", "High", "Medium"),
                strict=True,
            )
        ),
        recommendations=recs,
        performance=(("Return YTD", "+2.54%"), ("Return, 1 year", "+4.58%")),
        plan_title="Family wealth plan",
        reasons=("Lower commodities to reduce swings.", "Keep cash for tuition."),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def both_pack(**changes: object) -> AdvicePackDocument:
    doc = zh_pack(
        lang="both",
        risk_level_name="平衡型\nBalanced",
        risk_meaning="在收益与风险之间寻求平衡，可承受一定幅度的本金损失；"
        "适合中风险（R1–R3）及以下产品。\nSeeks balance between return and risk and can "
        "bear some loss of principal; suits products up to medium risk (R1–R3).",
        holdings=holdings(
            25, tuple(f"{z}\n{e}" for z, e in zip(_CLASSES_ZH, _CLASSES_EN, strict=True))
        ),
        goals=tuple(
            replace(g, name=f"{g.name}\n{n}", priority=f"{g.priority}\n{p}")
            for g, n, p in zip(
                goals(),
                ("Study abroad", "Retirement", "Legacy"),
                ("High", "High", "Medium"),
                strict=True,
            )
        ),
        performance=(("今年以来收益 YTD", "+2.54%"), ("近一年收益 1 year", "+4.58%")),
        plan_title="家庭财富规划建议书\nFamily wealth plan",
        allocation=allocation(
            tuple(f"{z}\n{e}" for z, e in zip(_CLASSES_ZH, _CLASSES_EN, strict=True))
        ),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def sized_pack(
    holding_count: int, recommendation_count: int, goal_count: int
) -> AdvicePackDocument:
    """The Chinese sample with longer lists (for page counts and the bench)."""
    return zh_pack(
        holdings=holdings(holding_count),
        recommendations=recommendations(recommendation_count),
        goals=goals(goal_count),
    )
