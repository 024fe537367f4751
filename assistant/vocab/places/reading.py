"""Reading a location string: the countries and regions it names.

How a location string is read:

* It is cut into groups at ``;`` ``|`` ``/`` ``:`` line breaks and spaced dashes ("Remote - Ontario, Canada"),
  and each group into parts at commas, brackets and sentence stops. A group is one place described from
  specific to general ("Mountain View, CA, USA"); parts are the pieces of that description.
* Noise words (remote, hybrid, HQ, time-zone names, "based only", ...) are dropped. What is left of a part is
  matched against one table of names, longest run of words first.
* Strong names count wherever they stand: English country names and aliases, region words and first-level
  subdivisions (US states, Canadian provinces, Länder, ...). Weak names, cities and country names in other
  languages, count only when they are the whole part ("Munich", "Deutschland"), never a word inside one.
* A two- or three-letter code ("CA", "MO", "CAN", "ES") is read only right after another place, and only as
  something that fits it: the country code of one of its candidate countries ("Ontario, CAN", "Madrid, ES"),
  else a subdivision of one ("San Francisco, CA", "Campinas, SP"). Alone ("IT", "IN", "CA") it means nothing.
  "US", "USA", "UK" and "UAE" are aliases and need no context.
* False-positive guard: a city names a country on its own only if it is the whole part, is not in ``STOP_NAMES``
  (common English words and given names: Reading, Mobile, Of, Victoria ...), and has at least
  ``STANDALONE_CITY_POPULATION`` people; the most populous match wins, names that are a city's main name before
  alternate names. Smaller cities and stop names still count when a code or country beside them pins them
  ("Mobile, AL", "Victoria, Australia"), but then they add no country of their own.
* A place that could be in several countries ("Georgia", "Ontario", "Santa Clara") takes the country that its
  group names elsewhere ("Atlanta, Georgia, United States"); failing that, a country name beats a subdivision
  beats a city.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from assistant.vocab.listing import Location
from assistant.vocab.places.gazetteer import (
    _CITY,
    _COUNTRY,
    _MAX_KEY_WORDS,
    _SUBDIVISION,
    _TRANSLATION,
    _codes,
    _country_regions,
    _Entry,
    _index,
    _Names,
)
from assistant.vocab.places.tables import _PREFERRED_COUNTRIES, MAJOR_CITY_POPULATION, STANDALONE_CITY_POPULATION
from assistant.vocab.places.text import _GROUP_SPLIT, _PART_SPLIT, _is_capital_code, _prepare, _words


class _Mention(NamedTuple):
    entry: _Entry | None  # None for a code
    code: str = ""
    whole: bool = False  # the only thing in its part


# Keys that mean a place only as a whole part ("NA"), or when capitalised ("US" but not "us").
_WHOLE_ONLY = frozenset({"na"})
_CAPITAL_OR_WHOLE = frozenset({"us", "eu"})


# --- reading a location --------------------------------------------------------------------------------


def _match(words: list[tuple[str, str]], i: int, index: _Names) -> tuple[_Entry | None, int]:
    """The longest indexed name starting at word i, and how many words it takes."""
    for n in range(min(_MAX_KEY_WORDS, len(words) - i), 0, -1):
        key = " ".join(folded for _, folded in words[i : i + n])
        entry = index.get(key)
        if entry is None:
            continue
        whole = n == len(words)
        if key in _WHOLE_ONLY and not whole:
            continue
        if key in _CAPITAL_OR_WHOLE and not (whole or words[i][0].isupper()):
            continue
        return entry, n
    return None, 1


def _part_mentions(part: str, index: _Names, codes: dict[str, frozenset[tuple[str, str]]]) -> list[_Mention]:
    words = _words(part, codes)
    mentions, unknown, i = [], False, 0
    while i < len(words):
        entry, n = _match(words, i, index)
        if entry is not None and n == 1 and _is_capital_code(words[i][0], codes) and not _is_strong(entry):
            entry = None  # "CAN" after a place is Canada, not the Turkish town of Çan
        if entry is not None:
            mentions.append(_Mention(entry))
        elif _is_code(words[i][0], codes, alone=len(words) == 1):
            mentions.append(_Mention(None, words[i][0].upper()))
        else:
            unknown = True
        i += n
    if len(mentions) == 1 and not unknown:
        mentions = [mentions[0]._replace(whole=True)]
    return mentions


def _is_strong(entry: _Entry) -> bool:
    return bool(entry.regions) or any(c.kind <= _SUBDIVISION for c in entry.candidates)


def _is_code(token: str, codes: dict[str, frozenset[tuple[str, str]]], alone: bool) -> bool:
    return 2 <= len(token) <= 3 and (token.isupper() or alone) and token.upper() in codes


def _candidate_countries(mention: _Mention, pinned: str | None) -> list[str]:
    if pinned:
        return [pinned]
    if mention.entry is None:
        return []
    return list(dict.fromkeys(c.country for c in mention.entry.candidates))


def _code_country(code: str, before: list[str], codes: dict[str, frozenset[tuple[str, str]]]) -> str | None:
    """The country a code means right after a place that may be in any of `before` (best first)."""
    meanings = codes.get(code, frozenset())
    for kind in ("country", "subdivision"):
        for cc in before:
            if (cc, kind) in meanings:
                return cc
    return None


def _anchor_country(mention: _Mention) -> str | None:
    """The country of a name that can only mean one: a country or subdivision with no big namesake city
    elsewhere ("California" anchors its group; "Ontario", also a Californian city, does not)."""
    entry = mention.entry
    if entry is None or entry.stop:
        return None
    strong = {c.country for c in entry.candidates if c.kind <= _SUBDIVISION}
    rivals = {
        c.country
        for c in entry.candidates
        if c.kind > _SUBDIVISION and c.primary and c.population >= STANDALONE_CITY_POPULATION
    }
    return next(iter(strong)) if len(strong) == 1 and rivals <= strong else None


def _standalone_country(entry: _Entry, whole: bool) -> str | None:
    """A place's country when nothing in its group pins it; `whole`: it is the only thing in its part."""
    if entry.stop:
        return None
    by_kind = defaultdict(list)
    for c in entry.candidates:
        by_kind[c.kind].append(c)
    if by_kind[_COUNTRY]:
        return by_kind[_COUNTRY][0].country
    if by_kind[_SUBDIVISION]:
        ccs = {c.country for c in by_kind[_SUBDIVISION]}
        if len(ccs) == 1:
            return ccs.pop()
        return next((cc for cc in _PREFERRED_COUNTRIES if cc in ccs), None)
    if not whole:
        return None
    if by_kind[_TRANSLATION]:
        return by_kind[_TRANSLATION][0].country
    city = next(iter(by_kind[_CITY]), None)  # sorted: main names first, then by population
    if city and city.population >= STANDALONE_CITY_POPULATION:
        return city.country
    return None


def _resolve_group(mentions: list[_Mention], codes: dict[str, frozenset[tuple[str, str]]]) -> tuple[set[str], set[str]]:
    regions = {r for m in mentions if m.entry for r in m.entry.regions}
    places = [m for m in mentions if not (m.entry and m.entry.regions)]
    pinned: dict[int, str] = {}
    for i, m in enumerate(places):
        if m.entry is None and i > 0:
            cc = _code_country(m.code, _candidate_countries(places[i - 1], pinned.get(i - 1)), codes)
            if cc:
                pinned[i] = pinned[i - 1] = cc
    for i, m in enumerate(places):
        cc = None if i in pinned else _anchor_country(m)
        if cc:
            pinned[i] = cc
    anchors = set(pinned.values())
    for i, m in enumerate(places):
        if i in pinned or m.entry is None:
            continue
        in_group = [cc for cc in _candidate_countries(m, None) if cc in anchors]
        cc = in_group[0] if in_group else _standalone_country(m.entry, m.whole)
        if cc:
            pinned[i] = cc
    return set(pinned.values()), regions


@functools.lru_cache(maxsize=65536)
def _parse(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Countries and the regions named in one location string (not the regions its countries imply)."""
    index, codes = _index(), _codes()
    countries: set[str] = set()
    regions: set[str] = set()
    for group in _GROUP_SPLIT.split(_prepare(text)):
        mentions = [m for part in _PART_SPLIT.split(group) for m in _part_mentions(part, index, codes)]
        found, named = _resolve_group(mentions, codes)
        countries |= found
        regions |= named
    return frozenset(countries), frozenset(regions)


def _parse_all(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    countries: set[str] = set()
    regions: set[str] = set()
    for text in texts:
        found, named = _parse(text)
        countries |= found
        regions |= named
    return countries, regions


# --- public --------------------------------------------------------------------------------------------


def normalize_location(*texts: str) -> Location:
    """The countries and regions a listing's location strings name, each country adding its regions."""
    kept = [t.strip() for t in texts if t and t.strip()]
    countries, regions = _parse_all(kept)
    table = _country_regions()
    regions |= {r for cc in countries for r in table.get(cc, ())}
    return Location(text="; ".join(kept), countries=sorted(countries), regions=sorted(regions))


def resolve_place(name: str) -> Location | None:
    """What one place phrase from a user names ("Munich", "the UK", "LATAM"), or None if no known place.

    Only what the phrase names: "Germany" gives DE without Europe, so a filter can tell "in Germany"
    from "anywhere in Europe" (use countries_in_region to widen a region to its countries).
    """
    text = (name or "").strip()
    countries, regions = _parse_all([text])
    if not countries and not regions:
        return None
    return Location(text=text, countries=sorted(countries), regions=sorted(regions))


def major_city(name: str) -> bool:
    """Whether `name` is the main name of a city of a million people or more ("berlin", "toronto")."""
    key = " ".join(folded for _, folded in _words(_prepare(name or ""), _codes()))
    entry = _index().get(key)
    return (
        entry is not None
        and not entry.stop
        and any(c.kind == _CITY and c.primary and c.population >= MAJOR_CITY_POPULATION for c in entry.candidates)
    )
