"""A pay question answered by the guide's pay table: the asked markets' rows, their ranges compared in US
dollars, a figure the question names placed in its market's range, and the markets there are when the asked
one is missing."""

from __future__ import annotations

import re

from assistant.answer.compose import Composer
from assistant.answer.extractive.asked_figure import compare_figure
from assistant.answer.extractive.draft import Draft
from assistant.answer.extractive.relevance import relevant_units, unique_units
from assistant.answer.models import Passage
from assistant.answer.units import Unit
from assistant.query import MARKETS, Understood
from assistant.query.markets import GLOBAL_MARKET
from assistant.vocab.currencies import written
from assistant.vocab.listing import Salary
from assistant.vocab.money import from_usd, parse_salary_text


def answer_pay(understood: Understood, section: list[Passage]) -> Draft:
    composer = Composer()
    found = unique_units(section)
    # Cited first, so numbered [1]; a figure asked about is answered first instead ("is €140k fair?").
    opening = [] if understood.unknown_markets or understood.figure else _opening(found, composer)
    rows = {u.cells()[0]: (p, u) for p, u in found if u.kind == "row" and len(u.cells()) >= 2}
    ranges = {market: parse_salary_text(row.cells()[1], posted_at=None) for market, (_, row) in rows.items()}
    paid_in = {market: salary.currency for market, salary in ranges.items() if salary is not None}
    asked = [m for m in understood.markets if m in rows]
    # A currency none of the asked markets is paid in asks for the markets that are ("US? and in pounds?").
    other = {c for c in understood.currencies if all(paid_in.get(m) != c for m in asked)}
    asked += [m for m in MARKETS if paid_in.get(m) in other and m not in asked]
    asked = asked or ([] if understood.unknown_markets else list(MARKETS))
    lines = []
    for market in asked:
        if market not in rows:
            continue
        passage, row = rows[market]
        where = "for remote roles open globally" if market == GLOBAL_MARKET else f"in {_market_phrase(market)}"
        converted = _converted(ranges[market], understood.currencies)
        lines.append(f"- Base salary {where}: {row.cells()[1]}{converted} {composer.cite(passage, row.text)}")
    if understood.unknown_markets:
        return _pay_for_missing_market(understood, rows, composer, lines)
    if not lines:
        return Draft(answer="", answerable=False)
    figure = _figure_verdict(understood, rows, asked, composer)
    lead = (
        "Base salary ranges for remote senior ML engineers, by market:"
        if len(lines) > 1
        else "The guide's base salary range for remote senior ML engineers:"
    )
    verdict = (
        _pay_verdict([(m, *rows[m]) for m in asked if m in rows], composer)
        if len(asked) >= 2 and understood.markets and not understood.currencies
        else None
    )
    notes = [
        (p, u)
        for p, u in found
        if u.kind == "sentence" and re.search(r"upper end|top of|equity|staff|principal", u.text, re.I)
    ]
    extra = " ".join(
        f"{u.display} {composer.cite(p, u.text)}" for p, u in relevant_units(understood.question, notes, 2)
    )
    first = [figure] if figure else opening
    body = "".join(f"{o}\n\n" for o in first) + "\n".join([lead, *lines]) + (f"\n\n{verdict}" if verdict else "")
    return Draft(answer=body + (f"\n\n{extra}" if extra else ""), answerable=True, citations=composer.citations)


def _converted(salary: Salary | None, currencies: list[str]) -> str:
    """A range written in another currency than the one asked for, in that one at the latest ECB rate: after the
    US range, "and in pounds?" may also ask what it is in pounds."""
    if not currencies or salary is None or salary.currency in currencies:
        return ""
    usd = [x for x in (salary.annual_usd_min, salary.annual_usd_max) if x]
    ends = [end for x in usd if (end := from_usd(x, currencies[0])) is not None]
    if not ends or len(ends) != len(usd):
        return ""
    amounts = " – ".join(written(round(amount, -3), currencies[0]) for amount, _ in ends)
    day = ends[0][1]
    return f" (≈ {amounts} at the ECB rate of {day.isoformat()})" if day else f" (≈ {amounts})"


def _opening(found: list[tuple[Passage, Unit]], composer: Composer) -> list[str]:
    """The section's own sentence before its table, which says how the pay compares ("among the highest in the
    engineering function"): "is ML paid better than other engineering?" is asked of it, not of a row."""
    first_row = next((n for n, (_, u) in enumerate(found) if u.kind == "row"), 0)
    return [f"{u.display} {composer.cite(p, u.text)}" for p, u in found[:first_row] if u.kind == "sentence"][:1]


def _pay_verdict(found: list[tuple[str, Passage, Unit]], composer: Composer) -> str | None:
    """The asked markets' ranges in one currency (US dollars, at the latest ECB rate the salary module has) and
    which pays more: ranges in pounds and Canadian dollars side by side compare nothing."""
    converted: list[tuple[str, Salary, float, str]] = []  # (market, salary, its annual USD minimum, marker)
    for market, passage, row in found:
        salary = parse_salary_text(row.cells()[1], posted_at=None)
        if salary is None or not salary.annual_usd_min:
            return None
        converted.append((market, salary, salary.annual_usd_min, composer.cite(passage, row.text)))
    if len({s.currency for _, s, _, _ in converted}) == 1 and converted[0][1].currency == "USD":
        dollars = "in US dollars"
    else:
        day = max((s.fx_date for _, s, _, _ in converted if s.fx_date), default=None)
        dollars = f"in US dollars at the ECB rate of {day.isoformat()}" if day else "in US dollars"
    ranges = "; ".join(
        f"{_market_phrase(m)} ≈ {_thousands(low)} – {_thousands(s.annual_usd_max or low)} {marker}"
        for m, s, low, marker in converted
    )
    mid = {m: (low + (s.annual_usd_max or low)) / 2 for m, s, low, _ in converted}
    best = max(mid, key=mid.__getitem__)
    others = [m for m in mid if m != best]
    if all(abs(mid[best] - mid[m]) < 0.02 * mid[best] for m in others):
        return f"Compared {dollars}: {ranges}. The ranges are about the same."
    top, top_low = next((s, low) for m, s, low, _ in converted if m == best)
    ends = all(
        top_low >= low and (top.annual_usd_max or 0) >= (s.annual_usd_max or 0)
        for m, s, low, _ in converted
        if m != best
    )
    return (
        f"Compared {dollars}: {ranges}. {_market_phrase(best)[:1].upper()}{_market_phrase(best)[1:]} pays more"
        f"{' at both ends of the range' if ends else ' at the midpoint of the range'}."
    )


def _thousands(usd: float) -> str:
    return f"${round(usd, -3):,.0f}"  # a converted figure is approximate: to the nearest thousand


def _figure_verdict(
    understood: Understood, rows: dict[str, tuple[Passage, Unit]], asked: list[str], composer: Composer
) -> str | None:
    """ "Is €140k fair in Munich?": the figure placed in the one market's range, cited to its row."""
    if understood.figure is None or len(asked) != 1 or asked[0] not in rows:
        return None
    passage, row = rows[asked[0]]
    market = "remote roles open globally" if asked[0] == GLOBAL_MARKET else _market_phrase(asked[0])
    sentence = compare_figure(understood.figure, row.cells()[1], market)
    return f"{sentence} {composer.cite(passage, row.text)}" if sentence else None


def _market_phrase(market: str) -> str:
    return f"the {market}" if market.startswith("United") else market


def _pay_for_missing_market(
    understood: Understood, rows: dict[str, tuple[Passage, Unit]], composer: Composer, lines: list[str]
) -> Draft:
    missing = ", ".join(understood.unknown_markets)
    covered = ", ".join(rows[m][1].cells()[0] for m in MARKETS if m in rows and m != "Market")
    intro = f"The guide gives no pay figure for {missing}; it covers {covered}."
    fallback = rows.get(GLOBAL_MARKET)
    if fallback and not lines:
        passage, row = fallback
        lines = [
            f"- The nearest it has is the range for remote roles open globally: {row.cells()[1]} "
            f"{composer.cite(passage, row.text)}"
        ]
    return Draft(answer="\n".join([intro, *lines]), answerable=bool(understood.markets), citations=composer.citations)
