"""The pay benchmark: the guide's range for the listing's market next to the listing's disclosed range.

Markets are the rows of the guide's pay table; a listing falls in one through its ISO countries (or the
"Worldwide" region, for the global row). Where the guide has no row for it, the brief says so, names the
markets it has and offers the global row as the nearest, as a chat answer does.
"""

from __future__ import annotations

from assistant.answer.extractive.listings import listing_view, salary_cell
from assistant.answer.models import Passage
from assistant.answer.units import Unit
from assistant.brief.listing_parts import header_line
from assistant.brief.models import PayBenchmark, PayRow, Statement
from assistant.brief.notes import note_lines
from assistant.brief.sources import Sources
from assistant.brief.terms import excerpt
from assistant.query.markets import GLOBAL_MARKET as GLOBAL
from assistant.query.markets import MARKETS, listing_markets
from assistant.vocab.listing import Listing, Salary
from assistant.vocab.money import find_salary_in_text, parse_salary_text
from assistant.vocab.places import country_name

MIN_ASK = 1_000  # a bare number below this in the notes is not a pay ask (years, counts)

Rows = dict[str, tuple[Passage, Unit]]


def table_rows(src: Sources) -> Rows:
    """The pay table's rows by market, in the table's order; the header row (no figure) is left out."""
    rows: Rows = {}
    for passage, unit in src.units("pay"):
        cells = unit.cells() if unit.kind == "row" else []
        if len(cells) >= 2 and any(ch.isdigit() for ch in cells[1]):
            rows.setdefault(cells[0], (passage, unit))
    return rows


def _row(src: Sources, market: str, found: tuple[Passage, Unit], nearest: bool = False) -> PayRow:
    guide_range = found[1].cells()[1]
    where = "remote roles open globally" if market == GLOBAL else market
    lead = "The nearest the guide has, its base salary" if nearest else "Guide base salary"
    return PayRow(
        market=market, guide_range=guide_range, text=f"{lead} for {where}: {guide_range}", cites=src.cite_unit(found)
    )


def _markets_in_order(rows: Rows) -> list[str]:
    """The table's markets in the order chat comparisons list them, then any the guide adds."""
    return [m for m in MARKETS if m in rows] + [m for m in rows if m not in MARKETS]


def guide_pay(src: Sources) -> PayBenchmark:
    rows = table_rows(src)
    order = _markets_in_order(rows)
    return PayBenchmark(covered_markets=order, rows=[_row(src, m, rows[m]) for m in order])


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
    return Statement(
        text=f"The guide has no pay row for {where}; it covers {', '.join(_markets_in_order(rows))}.",
        cites=src.cite(*_table_quotes(rows)),
    )


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
    verdict = (
        "below"
        if high < g_low
        else "above"
        if low > g_high
        else "within"
        if low >= g_low and high <= g_high
        else "partly within"
    )
    rate = f" (at the ECB rate of {guide.fx_date.isoformat()})" if guide.fx_date else ""
    return Statement(
        text=f"In annual USD the listing's ≈ {_usd(low, high)} is {verdict} the guide's {row.market} "
        f"range of ≈ {_usd(g_low, g_high)}{rate}.",
        cites=src.cite(line, (found[0], found[1].text)),
    )


def _usd(low: float, high: float) -> str:
    return f"${low:,.0f}" if low == high else f"${low:,.0f}–${high:,.0f}"


def _asked_pay(text: str, listing: Listing) -> Salary | None:
    """Pay stated in a notes line: a figure with a currency ("€140,000", "$90/hr"), or a bare amount of at least
    MIN_ASK ("180k USD"), so "7 yrs ML" is no ask of $7 an hour."""
    found = find_salary_in_text(text, posted_at=listing.posted_at)
    if found is None:
        found = parse_salary_text(text, posted_at=listing.posted_at)
        found = found if found and (found.min or 0) >= MIN_ASK else None
    return found if found and found.annual_usd_min else None


def pay_ask(src: Sources, listing: Listing, notes: str) -> Statement | None:
    """The pay a notes line asks for ("expects €130k"), in annual USD against the listing's disclosed range.
    Cited to the listing's salary line, which is what it is compared with; the notes line is quoted."""
    line = header_line(src, listing, "Salary:")
    asked = next(((text, found) for text in note_lines(notes) if (found := _asked_pay(text, listing))), None)
    if asked is None or line is None:
        return None
    text, ask = asked
    low = ask.annual_usd_min
    if low is None:  # never: _asked_pay keeps only asks with an annual figure (this tells the type checker)
        return None
    quoted = excerpt(text, 0)
    high = ask.annual_usd_max or low
    salary = listing.salary
    if not (salary and salary.annual_usd_min):
        return Statement(
            text=f"The notes ask for ≈ {_usd(low, high)} a year (“{quoted}”); the listing discloses "
            "no salary to compare it with, so ask the hiring team for the range.",
            cites=src.cite(line),
        )
    l_low, l_high = salary.annual_usd_min, salary.annual_usd_max or salary.annual_usd_min
    verdict = "above the top of" if low > l_high else "below the bottom of" if high < l_low else "within"
    rate = f" (at the ECB rate of {ask.fx_date.isoformat()})" if ask.fx_date and ask.currency != "USD" else ""
    return Statement(
        text=f"The notes ask for ≈ {_usd(low, high)} a year{rate} (“{quoted}”), {verdict} the "
        f"listing's range of ≈ {_usd(l_low, l_high)}.",
        cites=src.cite(line),
    )
