"""The guide's pay markets, and the places a guide question names sorted into known and unknown markets."""

from __future__ import annotations

from assistant.vocab.listing import Listing
from assistant.vocab.places import country_name

from .cues import _Cues

# The pay table of corpus/guides/remote-senior-ml-engineer.md, in the order a comparison lists them.
GLOBAL_MARKET = "Remote (global)"  # the row for jobs open worldwide
MARKETS = ("United States", "United Kingdom", "Germany", "Canada", GLOBAL_MARKET)
MARKET_OF_COUNTRY = {"US": "United States", "GB": "United Kingdom", "DE": "Germany", "CA": "Canada"}
GLOBAL_MARKET_REGION = "Worldwide"


def _markets(cues: _Cues) -> tuple[list[str], list[str], list[str]]:
    markets, unknown, lines = [], [], []
    for h in cues.places:
        names = [(MARKET_OF_COUNTRY.get(cc), country_name(cc)) for cc in h.value.countries]
        names += [(GLOBAL_MARKET if r == GLOBAL_MARKET_REGION else None, r) for r in h.value.regions]
        for market, place in names:
            if market and market not in markets:
                markets.append(market)
                lines.append(f"market: {market} (from '{h.quote}')")
            elif not market and place not in unknown:
                unknown.append(place)
                known = ", ".join(MARKETS)
                lines.append(f"unknown market: {place} (from '{h.quote}'); the guide's markets are {known}")
    return markets, unknown, lines


def listing_markets(listing: Listing) -> list[str]:
    markets = [MARKET_OF_COUNTRY[c] for c in listing.location.countries if c in MARKET_OF_COUNTRY]
    if GLOBAL_MARKET_REGION in listing.location.regions:
        markets.append(GLOBAL_MARKET)
    return list(dict.fromkeys(markets))
