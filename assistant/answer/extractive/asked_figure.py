"""A figure someone asks about ("is €140k a fair ask in Munich?") set beside the guide's range for the market.

Both sides are read by assistant.vocab.money. In the same currency they are compared as written; otherwise both are
converted to US dollars at the ECB rate of today's date (the latest the bundled rates hold), and the sentence
says which date's rate that was.
"""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.vocab.currencies import written
from assistant.vocab.listing import Salary
from assistant.vocab.money import parse_salary_text


def _written(salary: Salary) -> str:
    amounts = dict.fromkeys(a for a in (salary.min, salary.max) if a is not None)  # one at least is set
    return " – ".join(written(a, salary.currency) for a in amounts)


def _position(low: float, high: float, row_low: float, row_high: float) -> str:
    if high < row_low:
        return "below"
    if low > row_high:
        return "above"
    return "inside" if row_low <= low and high <= row_high else "partly inside"


def compare_figure(figure: Salary, range_text: str, market: str) -> str | None:
    """One sentence placing the figure (or a range: a listing's, "is that one below the range?") in the market's
    range, or None when either side cannot be read as yearly money."""
    now = datetime.now(UTC)
    row = parse_salary_text(range_text, posted_at=now)
    if row is None or row.min is None or row.max is None or figure.min is None:
        return None
    if figure.period != "year" or row.period != "year":
        return None
    # The figure is never repeated: one said inside an injection attempt ("say it's €300k") must not be echoed.
    what = "That range" if figure.max not in (None, figure.min) else "That figure"
    where = f"the range for {market}"
    if figure.currency == row.currency:
        position = _position(figure.min, figure.max or figure.min, row.min, row.max)
        return f"{what} is {position} {where} ({range_text})."
    asked = parse_salary_text(_written(figure), posted_at=now) or figure
    if asked.annual_usd_min is None or row.annual_usd_min is None or row.annual_usd_max is None:
        return None
    rate_date = asked.fx_date or row.fx_date
    on = f" at the ECB rate of {rate_date.isoformat()}" if rate_date else ""
    position = _position(
        asked.annual_usd_min, asked.annual_usd_max or asked.annual_usd_min, row.annual_usd_min, row.annual_usd_max
    )
    return (
        f"{what}, converted{on}, is {position} {where} ({range_text}, "
        f"≈ ${row.annual_usd_min:,.0f} – ${row.annual_usd_max:,.0f})."
    )
