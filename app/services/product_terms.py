"""A product's terms on its ``Instrument`` row: read into a checked ``ProductTerms`` and
written back as the row's columns.

Why it is shaped so: products come from the bank's server (the demo shelf stands in for
it), so the row may hold what this version cannot state (a dealing code it does not
know, a fee out of range). Reading never fails on that: such terms count as not
recorded, and the pack points to the product documents, as for a product without terms.
Writing goes through ``ProductTerms``, which refuses those values.
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import ValidationError
from app.domain.product_terms import Fees, ProductTerms
from app.vault.models import Instrument

FEE_COLUMNS = {
    "subscription": "subscription_fee_pct",
    "redemption": "redemption_fee_pct",
    "management": "management_fee_pct",
    "custody": "custody_fee_pct",
    "sales_service": "sales_service_fee_pct",
    "performance": "performance_fee_pct",
}
TERM_COLUMNS = (
    "min_investment_cny",
    "dealing",
    "term_days",
    "benchmark",
    *FEE_COLUMNS.values(),
    "cooling_off_hours",
    "needs_callback",
)


def terms_of(instrument: Instrument) -> ProductTerms:
    """The instrument's terms; nothing recorded when they do not pass the checks."""
    try:
        return ProductTerms(
            min_investment_cny=instrument.min_investment_cny,
            dealing=instrument.dealing,
            term_days=instrument.term_days,
            benchmark=instrument.benchmark,
            fees=Fees(**{name: getattr(instrument, col) for name, col in FEE_COLUMNS.items()}),
            cooling_off_hours=instrument.cooling_off_hours,
            needs_callback=instrument.needs_callback,
        )
    except ValidationError:
        return ProductTerms()


def term_columns(terms: ProductTerms) -> dict[str, Any]:
    """The instrument columns that hold ``terms`` (for an insert or an update)."""
    return {
        "min_investment_cny": terms.min_investment_cny,
        "dealing": terms.dealing,
        "term_days": terms.term_days,
        "benchmark": terms.benchmark,
        **{FEE_COLUMNS[name]: value for name, value in terms.fees.items()},
        "cooling_off_hours": terms.cooling_off_hours,
        "needs_callback": terms.needs_callback,
    }


__all__ = ["TERM_COLUMNS", "term_columns", "terms_of"]
