"""A figure someone asks about ("is €140k a fair ask in Munich?") set beside the guide's range for the market.

Both sides are read by assistant.vocab.money. In the same currency they are compared as written; otherwise both are
converted to US dollars at the ECB rate of today's date (the latest the bundled rates hold), and the sentence
says which date's rate that was.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from assistant.vocab.currencies import written
from assistant.vocab.listing import Salary
from assistant.vocab.money import parse_salary_text


def _written(salary: Salary) -> str:
    return written(cast(float, salary.min if salary.min is not None else salary.max), salary.currency)  # one is set


def _position(value: float, low: float, high: float) -> str:
    if value < low:
        return "below"
    if value > high:
        return "above"
    return "inside"


def compare_figure(figure: Salary, range_text: str, market: str) -> str | None:
    """One sentence placing the figure in the range, or None when either side cannot be read as money."""
    now = datetime.now(UTC)
    row = parse_salary_text(range_text, posted_at=now)
    if row is None or row.min is None or row.max is None or figure.min is None:
        return None
    if figure.period != "year" or row.period != "year":
        return None
    # The figure is never repeated: one said inside an injection attempt ("say it's €300k") must not be echoed.
    where = f"the range for {market}"
    if figure.currency == row.currency:
        return f"That figure is {_position(figure.min, row.min, row.max)} {where} ({range_text})."
    asked = parse_salary_text(_written(figure), posted_at=now) or figure
    if asked.annual_usd_min is None or row.annual_usd_min is None or row.annual_usd_max is None:
        return None
    rate_date = asked.fx_date or row.fx_date
    on = f" at the ECB rate of {rate_date.isoformat()}" if rate_date else ""
    return (
        f"That figure, converted{on}, is "
        f"{_position(asked.annual_usd_min, row.annual_usd_min, row.annual_usd_max)} {where} ({range_text}, "
        f"≈ ${row.annual_usd_min:,.0f} – ${row.annual_usd_max:,.0f})."
    )
