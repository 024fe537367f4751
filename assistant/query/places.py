"""Places named in a question (countries, regions, cities), each checked by assistant.vocab.places.resolve_place."""

from __future__ import annotations

import functools

import pycountry

from assistant.vocab.listing import Location
from assistant.vocab.places import COUNTRY_ALIASES, country_name, major_city, resolve_place

from .cues import _Hit, _negated
from .text import CLAUSE_END, CLAUSE_MARKS, _Text, _Token

# Words that resolve_place reads as a place but that, in a question, are ordinary words ("roles" is a US
# town, "media" an Algerian city), plus the domain's own vocabulary, which is never a place here.
_NOT_PLACE = frozenset(
    """
    roles role jobs job enterprise google media shaping basic sector cypress hub logos spoken oral sale
    conception manta dandy malte ota na mobile reading split nice bath orange victoria mission
    amazon apple meta stripe uber spotify shopify nvidia waymo reddit gitlab anthropic databricks
    salary salaries pay paying paid earn make money base range senior junior staff principal lead manager
    remote remotely hybrid onsite office engineer engineers engineering ml ai data science scientist mlops
    interview interviews hiring process skills flags red green check checks level levels promotion
    companies company employers what which who how why where when is are do does can could would will
    the a an and or vs versus in on at to for from with of by about me my you your i we our they them
    please thanks hi hello hey show find list search any some all more most best top good great
    week month year day days today recent latest python spark ray go rust java scala jax
""".split()
)
_PLACE_BEFORE = frozenset(
    "in from near around across within based outside inside throughout for vs versus and or between compare "
    "comparing to than".split()
)
# Lower-case "us" is mostly the pronoun ("show us jobs"); after these words it is the country.
_US_BEFORE = frozenset("in the from across within outside throughout".split())
# Adjectives people use for a market ("German salaries"), and "Deutschland" in lower case: strong names.
_PLACE_WORDS = {
    "deutschland": "DE",
    "german": "DE",
    "british": "GB",
    "american": "US",
    "canadian": "CA",
    "french": "FR",
    "indian": "IN",
    "dutch": "NL",
    "spanish": "ES",
    "italian": "IT",
    "polish": "PL",
    "irish": "IE",
    "swiss": "CH",
    "australian": "AU",
    "brazilian": "BR",
    "mexican": "MX",
    "japanese": "JP",
    "swedish": "SE",
}
_MAX_PLACE_WORDS = 3


@functools.lru_cache(maxsize=4096)
def _place_of(phrase: str) -> Location | None:
    if phrase in _PLACE_WORDS:
        return Location(text=phrase, countries=[_PLACE_WORDS[phrase]])
    return resolve_place(phrase)


@functools.cache
def _country_names(cc: str) -> frozenset[str]:
    """The names and aliases a country goes by: these name it wherever they stand."""
    names = {country_name(cc).lower(), *COUNTRY_ALIASES.get(cc, ())}
    record = pycountry.countries.get(alpha_2=cc)
    if record is not None:
        names |= {getattr(record, f).lower() for f in ("name", "official_name", "common_name") if hasattr(record, f)}
    return frozenset(names)


def _strong(phrase: str, loc: Location) -> bool:
    """Region words, country names and demonyms; cities, subdivisions and foreign names are weaker."""
    return bool(loc.regions) or phrase in _PLACE_WORDS or any(phrase in _country_names(cc) for cc in loc.countries)


def _accept_place(text: _Text, i: int, n: int, loc: Location) -> bool:
    span = text.tokens[i : i + n]
    phrase = " ".join(t.norm for t in span)
    written = text.original[span[0].start : span[-1].end]
    previous = text.tokens[i - 1].norm if i > 0 else ""
    if phrase == "us":  # "show us jobs": only "US" as written, or "in the us", names the country
        return written in ("US", "U.S", "U.S.") or previous in _US_BEFORE
    if phrase == "anywhere" and _scoped(text, i + n):
        return False
    if _strong(phrase, loc) or major_city(phrase):
        return True
    # A terse query ends with its place: "senior mle salary vancouver?", "ml jobs berlin".
    last = i + n == len(text.tokens) and n == 1 and len(text.tokens) <= 6
    return written[:1].isupper() or previous in _PLACE_BEFORE or last or _said_alone(text, span)


# "anywhere in Europe" is Europe, "anywhere in the requirements" no place at all: "anywhere" before a preposition
# is worldwide only when the world follows.
_SCOPE_WORDS = ("in", "on", "within", "inside", "across", "throughout")


def _scoped(text: _Text, after: int) -> bool:
    following = [t.norm for t in text.tokens[after : after + 3]]
    world = following[1:2] == ["world"] or following[1:3] == ["the", "world"]
    return bool(following) and following[0] in _SCOPE_WORDS and not world


def _said_alone(text: _Text, span: list[_Token]) -> bool:
    """A place set off as a clause of its own: "london, senior ML base salary?", "toronto: what base?"."""
    before = text.original[: span[0].start].rstrip()
    after = text.original[span[-1].end :].lstrip()
    return (not before or before[-1] in CLAUSE_MARKS) and (not after or after[0] in CLAUSE_END)


def _placeable(token: _Token, taken_tokens: set[int], index: int) -> bool:
    words = token.norm.replace("-", "")
    return (token.alpha or words.isalpha()) and index not in taken_tokens and token.norm not in _NOT_PLACE


def _places(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit[Location]]:
    """Places named in the question, longest phrase first, each checked by resolve_place; not one said to be
    left out ("outside the US", "not in Germany"), which no filter can express without hiding the rest."""
    taken_tokens = {i for i, t in enumerate(text.tokens) for s, e in taken if t.at < e and s < t.at + len(t.norm)}
    out, i = [], 0
    while i < len(text.tokens):
        hit = _place_at(text, i, taken_tokens)
        if hit is None:
            i += 1
            continue
        out.append(hit[0])
        i += hit[1]
    return [hit for hit in out if not _negated(text, hit, out)]  # "outside the US" asks for no one place


def _place_at(text: _Text, i: int, taken_tokens: set[int]) -> tuple[_Hit[Location], int] | None:
    for n in range(_MAX_PLACE_WORDS, 0, -1):
        span = text.tokens[i : i + n]
        if len(span) < n or not all(_placeable(t, taken_tokens, i + k) for k, t in enumerate(span)):
            continue
        # "Edinburgh-based", "work-from-anywhere": a hyphenated word is read as its words.
        phrase = " ".join(t.norm.replace("-", " ") for t in span)
        loc = _the_states(text, i, phrase) or _place_of(phrase)
        if loc is not None and _every_word_counts(span, loc) and _accept_place(text, i, n, loc):
            quote = text.original[span[0].start : span[-1].end]
            return _Hit(loc, quote, span[0].at, span[-1].at + len(span[-1].norm)), n
    return None


def _every_word_counts(span: list[_Token], loc: Location) -> bool:
    """resolve_place skips words it does not know ("Europe that state" is Europe) and reads lists ("UK Germany"):
    a longer phrase counts only if it names one place, and not the one it names without its first or last
    word ("New York" is not York)."""
    if len(span) == 1:
        return True
    if len(loc.countries) + len(loc.regions) != 1:  # "UK Germany" is a list of places, not one place
        return False
    found = (loc.countries, loc.regions)
    for shorter in (span[1:], span[:-1]):
        other = _place_of(" ".join(t.norm for t in shorter))
        if other is not None and (other.countries, other.regions) == found:
            return False
    return True


def _the_states(text: _Text, i: int, phrase: str) -> Location | None:
    if phrase == "states" and i > 0 and text.tokens[i - 1].norm == "the":
        return Location(text="the States", countries=["US"])
    return None
