"""The one table of the currencies pay is written in, and the dollars rule.

Every reader of money takes its codes, signs and words from `CURRENCIES`: the listings' pay (assistant.vocab.money),
a question's salary amounts (assistant.query.salary, assistant.query.text) and the citation check's figures
(assistant.answer.check.figures, assistant.answer.check.entities).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "Currency",
    "CURRENCIES",
    "DEFAULT_CURRENCY",
    "BARE_DOLLAR_SIGN",
    "BARE_DOLLAR_WORDS",
    "CODES",
    "DOLLAR_CODES",
    "SIGN_CURRENCY",
    "codes_named",
    "sign_pattern",
    "written",
]


@dataclass(frozen=True)
class Currency:
    """One currency as pay is written in it."""

    code: str  # ISO 4217, written in capitals ("CHF 120'000")
    signs: tuple[str, ...] = ()  # written before an amount ("€", "C$"); a space may be left out ("US $" is "US$")
    words: tuple[str, ...] = ()  # lower-case words that name it and no other currency ("euros", "quid", "kronor")
    dollar: bool = False  # one of the dollars, which a bare "$" or "dollars" may mean
    lower_code: bool = True  # its code in any case names only it ("chf"); not when it is also a word ("try", "Pen")


CURRENCIES: tuple[Currency, ...] = (
    Currency("USD", ("US $",), dollar=True),
    Currency("EUR", ("€",), ("euro", "euros")),
    Currency("GBP", ("£",), ("pound", "pounds", "quid")),
    Currency("CAD", ("CA$", "C$"), dollar=True),
    Currency("AUD", ("AU$", "A$"), dollar=True),
    Currency("NZD", ("NZ$",), dollar=True),
    Currency("CHF", words=("franc", "francs")),
    Currency("SEK", words=("kronor",)),
    Currency("NOK"),
    Currency("DKK"),  # both are "kroner": the word names neither alone
    Currency("PLN", words=("zloty", "zlotys")),
    Currency("CZK"),
    Currency("HUF"),
    Currency("RON", lower_code=False),
    Currency("BGN"),
    Currency("ISK"),
    Currency("INR", ("₹",), ("rupee", "rupees")),
    Currency("JPY", ("¥",), ("yen",)),
    Currency("CNY"),
    Currency("HKD", dollar=True),
    Currency("SGD", dollar=True),
    Currency("KRW"),
    Currency("BRL", ("R$",)),
    Currency("MXN"),
    Currency("ZAR"),
    Currency("ILS"),
    Currency("TRY", lower_code=False),
    Currency("PHP", lower_code=False),
    Currency("IDR"),
    Currency("MYR"),
    Currency("THB"),
    Currency("ARS"),
    Currency("COP", lower_code=False),
    Currency("CLP"),
    Currency("PEN", lower_code=False),
    Currency("UAH"),
    Currency("NGN"),
    Currency("KES"),
    Currency("EGP"),
    Currency("AED"),
)
# The dollars rule. A bare "$" or "dollars" says a dollar but not which one. Where an amount is read to be used (a
# listing's pay, a question's salary floor or the figure it asks about) it is the US dollar, DEFAULT_CURRENCY, as is
# an amount with no currency at all; no place named beside it changes that. The citation check only asks whether
# an answer's figure states a source's, so there a bare "$" or "dollars" agrees with any currency marked `dollar`:
# "$190k" states "CAD 190,000", never "€190,000".
DEFAULT_CURRENCY = "USD"
BARE_DOLLAR_SIGN = "$"
BARE_DOLLAR_WORDS = ("dollar", "dollars", "bucks")

CODES = tuple(c.code for c in CURRENCIES)
DOLLAR_CODES = frozenset(c.code for c in CURRENCIES if c.dollar)
# A sign as written without spaces (as price-parser reports it) -> its currency; the bare "$" is in none.
SIGN_CURRENCY = {sign.replace(" ", ""): c.code for c in CURRENCIES for sign in c.signs}
# The sign an amount is written with: a one-character sign of the currency's own, "$" for the default dollar.
_OWN_SIGN = {
    DEFAULT_CURRENCY: BARE_DOLLAR_SIGN,
    **{code: sign for sign, code in SIGN_CURRENCY.items() if len(sign) == 1},
}


def codes_named(words: Iterable[str]) -> set[str]:
    """The codes of the currencies these lower-case words name ("pounds" → GBP): a listing writes "2,310 GBP"."""
    said = set(words)
    return {c.code for c in CURRENCIES if said & set(c.words)}


def sign_pattern(signs: Iterable[str]) -> str:
    """A regex alternative of currency signs, longest first; a space in a sign may be left out or be any space."""
    return "|".join(re.escape(s).replace(r"\ ", r"\s?") for s in sorted(signs, key=len, reverse=True))


def written(amount: float, currency: str) -> str:
    """An amount as people write it: "$120,000", "€110,000", "CAD 175,000" (a sign only where it names one
    currency)."""
    sign = _OWN_SIGN.get(currency)
    return f"{sign}{amount:,.0f}" if sign else f"{currency} {amount:,.0f}"
