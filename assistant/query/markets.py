"""The guide's pay markets, and the places a guide question names sorted into known and unknown markets."""

from __future__ import annotations

from assistant.vocab.places import country_name

from .cues import _Cues

# The pay table of corpus/guides/remote-senior-ml-engineer.md, in the order a comparison lists them.
MARKETS = ("United States", "United Kingdom", "Germany", "Canada", "Remote (global)")
MARKET_OF_COUNTRY = {"US": "United States", "GB": "United Kingdom", "DE": "Germany", "CA": "Canada"}
GLOBAL_MARKET_REGION = "Worldwide"


def _markets(cues: _Cues) -> tuple[list[str], list[str], list[str]]:
    markets, unknown, lines = [], [], []
    for h in cues.places:
        names = [(MARKET_OF_COUNTRY.get(cc), country_name(cc)) for cc in h.value.countries]
        names += [("Remote (global)" if r == GLOBAL_MARKET_REGION else None, r) for r in h.value.regions]
        for market, place in names:
            if market and market not in markets:
                markets.append(market)
                lines.append(f"market: {market} (from '{h.quote}')")
            elif not market and place not in unknown:
                unknown.append(place)
                known = ", ".join(MARKETS)
                lines.append(f"unknown market: {place} (from '{h.quote}'); the guide's markets are {known}")
    return markets, unknown, lines
