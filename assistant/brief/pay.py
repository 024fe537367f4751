"""The pay benchmark: the guide's range for the listing's market next to the listing's disclosed range.

Markets are the rows of the guide's pay table; a listing falls in one through its ISO countries (or the
"Worldwide" region, for the global row). Where the guide has no row for it, the brief says so, names the
markets it has and offers the global row as the nearest, as a chat answer does.
"""

from __future__ import annotations

from assistant.answer.extractive import listing_view, salary_cell
from assistant.answer.models import Passage
from assistant.answer.units import Unit
from assistant.brief.listing_parts import header_line
from assistant.brief.models import PayBenchmark, PayRow, Statement
from assistant.brief.sources import Sources
from assistant.models import Listing
from assistant.places import country_name
from assistant.query.markets import GLOBAL_MARKET_REGION, MARKET_OF_COUNTRY, MARKETS
from assistant.salary import parse_salary_text

GLOBAL = "Remote (global)"

Rows = dict[str, tuple[Passage, Unit]]


def table_rows(src: Sources) -> Rows:
    """The pay table's rows by market, in the table's order; the header row (no figure) is left out."""
    rows = {}
    for passage, unit in src.units("pay"):
        cells = unit.cells() if unit.kind == "row" else []
        if len(cells) >= 2 and any(ch.isdigit() for ch in cells[1]):
            rows.setdefault(cells[0], (passage, unit))
    return rows


def _row(src: Sources, market: str, found: tuple[Passage, Unit], nearest: bool = False) -> PayRow:
    guide_range = found[1].cells()[1]
    where = "remote roles open globally" if market == GLOBAL else market
    lead = "The nearest the guide has, its base salary" if nearest else "Guide base salary"
    return PayRow(market=market, guide_range=guide_range, text=f"{lead} for {where}: {guide_range}",
                  cites=src.cite_unit(found))


def _markets_in_order(rows: Rows) -> list[str]:
    """The table's markets in the order chat comparisons list them, then any the guide adds."""
    return [m for m in MARKETS if m in rows] + [m for m in rows if m not in MARKETS]


def guide_pay(src: Sources) -> PayBenchmark:
    rows = table_rows(src)
    order = _markets_in_order(rows)
    return PayBenchmark(covered_markets=order, rows=[_row(src, m, rows[m]) for m in order])


def listing_markets(listing: Listing) -> list[str]:
    markets = [MARKET_OF_COUNTRY[c] for c in listing.location.countries if c in MARKET_OF_COUNTRY]
    if GLOBAL_MARKET_REGION in listing.location.regions:
        markets.append(GLOBAL)
    return list(dict.fromkeys(markets))


def listing_pay(src: Sources, listing: Listing) -> PayBenchmark:
    rows = table_rows(src)
    pay = PayBenchmark(covered_markets=_markets_in_order(rows), salary=listing_view(listing).salary)
    markets = [m for m in listing_markets(listing) if m in rows]
    pay.market = markets[0] if markets else None
    if rows and not markets:
        pay.note = _no_row(src, listing, rows)
        markets = [GLOBAL] if GLOBAL in rows else []
    pay.rows = [_row(src, m, rows[m], nearest=pay.market is None) for m in markets]
    pay.listing = _disclosed(src, listing)
    if pay.rows:
        pay.comparison = _compare(src, listing, pay.rows[0], rows[pay.rows[0].market])
    return pay


def _disclosed(src: Sources, listing: Listing) -> Statement | None:
    line = header_line(src, listing, "Salary:")
    if line is None:
        return None
    if listing.salary is None:
        return Statement(text="The listing does not disclose a salary.", cites=src.cite(line))
    return Statement(text=f"The listing discloses {salary_cell(listing_view(listing))}.", cites=src.cite(line))


def _no_row(src: Sources, listing: Listing, rows: Rows) -> Statement:
    places = [country_name(c) for c in listing.location.countries] + listing.location.regions
    where = ", ".join(places) or "a listing without a stated location"
    return Statement(text=f"The guide has no pay row for {where}; it covers {', '.join(_markets_in_order(rows))}.",
                     cites=src.cite(*_table_quotes(rows)))


def _table_quotes(rows: Rows) -> list[tuple[Passage, str]]:
    """The table's rows as one quote when one chunk holds them all (it names every market at once)."""
    found = list(rows.values())
    passage = found[0][0]
    if all(p is passage for p, _ in found):
        start = min(u.position for _, u in found)
        end = max(u.position + len(u.text) for _, u in found)
        return [(passage, passage.text[start:end])]
    return [(p, u.text) for p, u in found]


def _compare(src: Sources, listing: Listing, row: PayRow, found: tuple[Passage, Unit]) -> Statement | None:
    """Both ranges in annual USD, the guide's converted at the ECB rate of the listing's posted date."""
    salary = listing.salary
    guide = parse_salary_text(row.guide_range, posted_at=listing.posted_at)
    line = header_line(src, listing, "Salary:")
    if not (salary and salary.annual_usd_min and guide and guide.annual_usd_min and line):
        return None
    low, high = salary.annual_usd_min, salary.annual_usd_max or salary.annual_usd_min
    g_low, g_high = guide.annual_usd_min, guide.annual_usd_max or guide.annual_usd_min
    verdict = ("below" if high < g_low else "above" if low > g_high else
               "within" if low >= g_low and high <= g_high else "partly within")
    rate = f" (at the ECB rate of {guide.fx_date.isoformat()})" if guide.fx_date else ""
    return Statement(text=f"In annual USD the listing's ≈ {_usd(low, high)} is {verdict} the guide's {row.market} "
                          f"range of ≈ {_usd(g_low, g_high)}{rate}.", cites=src.cite(line, (found[0], found[1].text)))


def _usd(low: float, high: float) -> str:
    return f"${low:,.0f}" if low == high else f"${low:,.0f}–${high:,.0f}"
