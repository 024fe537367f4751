"""Location normalization: real strings from the captured feeds, the false-positive guard, and the query side."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from assistant.vocab.places import (
    REGIONS,
    countries_in_region,
    country_name,
    normalize_location,
    resolve_place,
)

FEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "feeds"

US = (["US"], ["Americas", "North America"])
GB = (["GB"], ["EMEA", "Europe"])


def where(text: str) -> tuple[list[str], list[str]]:
    loc = normalize_location(text)
    return loc.countries, loc.regions


# --- real strings from the feeds ------------------------------------------------------------------------

REAL = [
    ("Saint Louis, MO, USA", US),
    ("Worldwide", ([], ["Worldwide"])),
    ("Remote", ([], [])),
    ("USA, Canada, USA timezones", (["CA", "US"], ["Americas", "North America"])),
    ("Americas, Europe, Israel", (["IL"], ["Americas", "Asia", "EMEA", "Europe", "Middle East"])),
    ("Europe, UK, Germany, France, European timezones", (["DE", "FR", "GB"], ["EMEA", "Europe"])),
    ("USA, CST (UTC-6)", US),
    ("Northern America, LATAM, Europe, APAC", ([], ["APAC", "Europe", "LATAM", "North America"])),
    (
        "LATAM,  Canada,  Europe,  UK,  USA",
        (["CA", "GB", "US"], ["Americas", "EMEA", "Europe", "LATAM", "North America"]),
    ),
    ("Poland,  Portugal,  Romania,  Spain", (["ES", "PL", "PT", "RO"], ["EMEA", "Europe"])),
    ("EMEA,  LATAM,  Canada,  USA", (["CA", "US"], ["Americas", "EMEA", "LATAM", "North America"])),
    ("Anywhere", ([], ["Worldwide"])),
    ("Anywhere in the World", ([], ["Worldwide"])),
    ("Denpasar", (["ID"], ["APAC", "Asia"])),
    ("Maine", US),
    ("New South Wales", (["AU"], ["APAC", "Oceania"])),
    ("Remote - United States", US),
    ("Remote - Ontario, Canada", (["CA"], ["Americas", "North America"])),
    ("Remote - The Netherlands", (["NL"], ["EMEA", "Europe"])),
    ("Mountain View, CA, USA; San Francisco, CA, USA", US),
    ("Mountain View, California, USA", US),
    ("London, England, United Kingdom", GB),
    ("Warsaw, Poland ", (["PL"], ["EMEA", "Europe"])),
    ("San Francisco, CA | New York City, NY | Seattle, WA", US),
    (
        "London, UK; Ontario, CAN; Remote-Friendly, United States; San Francisco, CA",
        (["CA", "GB", "US"], ["Americas", "EMEA", "Europe", "North America"]),
    ),
    ("Remote, Italy", (["IT"], ["EMEA", "Europe"])),
    ("Tokyo, Japan", (["JP"], ["APAC", "Asia"])),
    # more from the same files
    ("Mountain View CA USA; San Francisco CA USA; Kirkland WA USA ", US),
    ("Mountain View, Ca USA;Novi, Mi, USA", US),
    ("Mountain View, CA. USA;  San Francisco, CA.  USA", US),
    ("Washington, D.C., United States", US),
    ("Remote - US/Canada", (["CA", "US"], ["Americas", "North America"])),
    ("REMOTE - Utah and Colorado based Only", US),
    ("US, CA, Santa Clara", US),
    ("Remote-Friendly US (Travel Required)", US),
    ("Remote, Bangalore", (["IN"], ["APAC", "Asia"])),
    ("Campinas, SP", (["BR"], ["Americas", "LATAM"])),
    ("Madrid HQ, ES", (["ES"], ["EMEA", "Europe"])),
    ("Johannesburg, Gauteng", (["ZA"], ["Africa", "EMEA"])),
    ("Quezon City, Metro Manila", (["PH"], ["APAC", "Asia"])),
    ("LATAM,  Hong Kong,  Mexico,  Singapore", (["HK", "MX", "SG"], ["APAC", "Americas", "Asia", "LATAM"])),
    (
        "Europe, Canada, South Africa, Philippines, Jamaica",
        (["CA", "JM", "PH", "ZA"], ["APAC", "Africa", "Americas", "Asia", "EMEA", "Europe", "LATAM", "North America"]),
    ),
    ("Americas, Europe, Asia, Africa, Oceania", ([], ["Africa", "Americas", "Asia", "Europe", "Oceania"])),
    ("Lithuania - Remote", (["LT"], ["EMEA", "Europe"])),
    ("Canada (Remote)", (["CA"], ["Americas", "North America"])),
    ("APAC-C1", ([], ["APAC"])),
    ("Remote EMEA", ([], ["EMEA"])),
    ("Remote - Americas", ([], ["Americas"])),
    ("New York City / San Francisco / Los Angeles / Remote", US),
    ("Londonderry, New Hampshire", US),
    ("Aberdeen, City of", GB),
    ("Tokyo, Tokyo Prefecture, Japan", (["JP"], ["APAC", "Asia"])),
    ("Warsaw, Masovian Voivodeship", (["PL"], ["EMEA", "Europe"])),
    ("Nassau, ", (["BS"], ["Americas", "LATAM"])),
]


@pytest.mark.parametrize("text, expected", REAL, ids=[t for t, _ in REAL])
def test_real_feed_strings(text, expected):
    assert where(text) == expected


def test_mojibake_from_remote_ok_is_repaired():
    assert where("SÃ£o Paulo")[0] == ["BR"]
    assert where("GdaÅ\x84sk")[0] == ["PL"]
    assert where("Gothenburg, VÃ¤stra GÃ¶taland, Sweden")[0] == ["SE"]


# --- codes only in context ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["IT", "IN", "CA", "Remote, IT", "Remote - IN", "ca", "OR", "DE"])
def test_a_code_standing_alone_is_no_country(text):
    assert where(text) == ([], [])


@pytest.mark.parametrize(
    "text, country",
    [
        ("Mountain View, CA", "US"),  # a US city: CA is California
        ("Ontario, CA", "CA"),  # a Canadian province: CA is Canada
        ("Ontario, CAN", "CA"),
        ("London, ON", "CA"),
        ("Perth, WA", "AU"),  # Western Australia
        ("Vancouver, WA", "US"),  # Washington state
        ("Berlin, DE", "DE"),  # the country code wins over Delaware
        ("Indianapolis, IN", "US"),
        ("Pune, MH", "IN"),
        ("Paris, TX", "US"),
    ],
)
def test_a_code_after_a_place_means_what_fits_that_place(text, country):
    assert where(text)[0] == [country]


def test_us_uk_and_uae_need_no_context():
    assert where("US")[0] == ["US"]
    assert where("UK")[0] == ["GB"]
    assert where("UAE")[0] == ["AE"]
    assert where("U.S.")[0] == ["US"]


# --- false positives ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Of",
        "Reading",
        "Mobile",
        "Victoria",
        "Friendly",
        "Remote-Friendly",
        "Mary",
        "Contract",
        "Hybrid",
        "Python",
        "Sales",
        "Multiple Locations",
        "International",
        "Pacific Time",
        "Remote (EST)",
        "Talk to us",
        "",
    ],
)
def test_words_and_names_that_are_also_places_name_nothing(text):
    assert where(text) == ([], [])


def test_a_stop_name_still_counts_when_its_group_pins_it():
    assert where("Reading, PA")[0] == ["US"]
    assert where("Mobile, AL")[0] == ["US"]
    assert where("Victoria, Australia")[0] == ["AU"]
    assert where("Victoria, BC")[0] == ["CA"]


def test_a_city_counts_only_as_a_whole_part():
    assert where("Munich")[0] == ["DE"]
    assert where("Munich Re Group") == ([], [])
    # London inside Londonderry must not add the United Kingdom
    assert where("Londonderry, New Hampshire")[0] == ["US"]


def test_a_small_city_alone_names_nothing():
    assert where("Pine Bluff") == ([], [])  # ~45k people
    assert where("Pine Bluff, AR")[0] == ["US"]


# --- ambiguity ------------------------------------------------------------------------------------------


def test_a_name_several_places_share_takes_its_groups_country():
    assert where("Georgia")[0] == ["GE"]
    assert where("Atlanta, Georgia, United States")[0] == ["US"]
    assert where("Ontario")[0] == ["CA"]
    assert where("Ontario, California")[0] == ["US"]
    assert where("Armenia")[0] == ["AM"]
    assert where("Armenia, Colombia")[0] == ["CO"]
    assert where("Santa Clara")[0] == ["CU"]  # the most populous Santa Clara, alone...
    assert where("US, CA, Santa Clara")[0] == ["US"]  # ...but the group says which


# --- names, subdivisions, cities, other languages ------------------------------------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        ("Holland", "NL"),
        ("The Netherlands", "NL"),
        ("Korea", "KR"),
        ("Czechia", "CZ"),
        ("Britain", "GB"),
        ("Scotland", "GB"),
        ("Wales", "GB"),
        ("England", "GB"),
        ("America", "US"),
        ("Turkey", "TR"),
        ("Bavaria", "DE"),
        ("Maine", "US"),
        ("British Columbia", "CA"),
        ("Karnataka", "IN"),
        ("Catalonia", "ES"),
        ("Grand Est", "FR"),
        ("Dublin", "IE"),
        ("Bengaluru", "IN"),
        ("Toronto", "CA"),
        ("Port-au-Prince", "HT"),
    ],
)
def test_aliases_subdivisions_and_cities(text, country):
    assert where(text)[0] == [country]


@pytest.mark.parametrize(
    "text, country",
    [
        ("Deutschland", "DE"),
        ("Allemagne", "DE"),
        ("España", "ES"),
        ("Espana", "ES"),
        ("Brasil", "BR"),
        ("Polska", "PL"),
        ("Italia", "IT"),
        ("Österreich", "AT"),
        ("Schweiz", "CH"),
        ("Nederland", "NL"),
        ("Estados Unidos", "US"),
        ("Royaume-Uni", "GB"),
        ("Berlin, Deutschland", "DE"),
    ],
)
def test_country_names_in_other_languages(text, country):
    assert where(text)[0] == [country]


# --- regions --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, region",
    [
        ("Global", "Worldwide"),
        ("Northern America", "North America"),
        ("NA", "North America"),
        ("Latin America", "LATAM"),
        ("South America", "LATAM"),
        ("Central America", "LATAM"),
        ("Asia-Pacific", "APAC"),
        ("Asia Pacific", "APAC"),
        ("EU", "Europe"),
        ("European Union", "Europe"),
        ("Middle East", "Middle East"),
    ],
)
def test_region_words_add_their_region_and_no_country(text, region):
    assert where(text) == ([], [region])


def test_na_counts_only_as_a_whole_part():
    assert "North America" not in where("Windhoek NA Office")[1]


@pytest.mark.parametrize(
    "text, regions",
    [
        ("Germany", ["EMEA", "Europe"]),
        ("United Kingdom", ["EMEA", "Europe"]),
        ("Israel", ["Asia", "EMEA", "Middle East"]),  # not APAC
        ("United Arab Emirates", ["Asia", "EMEA", "Middle East"]),
        ("Egypt", ["Africa", "EMEA", "Middle East"]),
        ("Nigeria", ["Africa", "EMEA"]),
        ("Japan", ["APAC", "Asia"]),
        ("Australia", ["APAC", "Oceania"]),
        ("Mexico", ["Americas", "LATAM"]),  # not North America
        ("Jamaica", ["Americas", "LATAM"]),
        ("Brazil", ["Americas", "LATAM"]),
        ("Canada", ["Americas", "North America"]),
        ("Georgia", ["Asia", "EMEA"]),
    ],
)
def test_each_country_adds_its_regions(text, regions):
    assert where(text)[1] == regions


# --- normalize_location's shape -------------------------------------------------------------------------


def test_several_texts_are_joined_and_empty_ones_dropped():
    loc = normalize_location("Remote", "", "  ", "Canada", "Germany ")
    assert loc.text == "Remote; Canada; Germany"
    assert loc.countries == ["CA", "DE"]
    assert loc.regions == ["Americas", "EMEA", "Europe", "North America"]


def test_output_is_sorted_and_unique():
    loc = normalize_location("USA; US; United States; Germany; Deutschland")
    assert loc.countries == ["DE", "US"]
    assert loc.regions == sorted(set(loc.regions))


def test_no_text_at_all():
    loc = normalize_location()
    assert (loc.text, loc.countries, loc.regions) == ("", [], [])


# --- resolve_place --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, countries, regions",
    [
        ("Germany", ["DE"], []),
        ("Deutschland", ["DE"], []),
        ("Munich", ["DE"], []),
        ("Bavaria", ["DE"], []),
        ("Europe", [], ["Europe"]),
        ("the UK", ["GB"], []),
        ("LATAM", [], ["LATAM"]),
        ("remote US", ["US"], []),
        ("usa", ["US"], []),
        ("latin america", [], ["LATAM"]),
        ("anywhere", [], ["Worldwide"]),
    ],
)
def test_resolve_place(phrase, countries, regions):
    loc = resolve_place(phrase)
    assert loc is not None
    assert (loc.countries, loc.regions) == (countries, regions)
    assert loc.text == phrase


@pytest.mark.parametrize("phrase", ["Remote", "", "ca", "Python", "Reading", "next week"])
def test_resolve_place_returns_none_for_no_place(phrase):
    assert resolve_place(phrase) is None


# --- country_name and countries_in_region ----------------------------------------------------------------


@pytest.mark.parametrize(
    "code, name",
    [
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("DE", "Germany"),
        ("KR", "South Korea"),
        ("RU", "Russia"),
        ("us", "United States"),
        ("ZZ", "ZZ"),
    ],
)
def test_country_name(code, name):
    assert country_name(code) == name


def test_countries_in_region():
    europe = countries_in_region("Europe")
    assert {"DE", "FR", "GB", "PL"} <= europe
    assert "US" not in europe
    assert countries_in_region("North America") == {"US", "CA", "BM", "GL", "PM"}
    assert "MX" in countries_in_region("LATAM") and "MX" in countries_in_region("Americas")
    assert "IL" in countries_in_region("Middle East") and "IL" not in countries_in_region("APAC")
    assert "JP" in countries_in_region("APAC") and "AU" in countries_in_region("Oceania")
    assert countries_in_region("Latin America") == countries_in_region("LATAM")
    assert countries_in_region("Worldwide") == set()


def test_countries_in_region_rejects_what_is_no_region():
    with pytest.raises(ValueError):
        countries_in_region("Narnia")


def test_countries_in_region_agrees_with_normalize_location():
    for text in ["Germany", "Israel", "Mexico", "Japan", "Canada", "Kenya", "Fiji", "Argentina"]:
        loc = normalize_location(text)
        for region in loc.regions:
            assert loc.countries[0] in countries_in_region(region), (text, region)
        for region in set(REGIONS) - set(loc.regions) - {"Worldwide"}:
            assert loc.countries[0] not in countries_in_region(region), (text, region)


# --- every location string in the captured feeds -----------------------------------------------------


def _feed_locations() -> dict[str, list[str]]:
    """Board → every location string its captured responses hold, in the fields the connectors read."""
    found: dict[str, list[str]] = {}
    for path in sorted(FEEDS.rglob("*")):
        if path.suffix == ".json":
            strings = list(_json_locations(json.loads(path.read_text(encoding="utf-8"))))
        elif path.suffix == ".rss":
            strings = [
                e.text or ""
                for item in ET.parse(path).getroot().iter("item")
                for e in item
                if e.tag in ("region", "country", "state")
            ]
        else:
            continue
        found.setdefault(path.parent.name, []).extend(strings)
    return found


def _json_locations(data):
    jobs = data if isinstance(data, list) else data.get("jobs", [])
    for job in jobs:
        if not isinstance(job, dict):
            continue  # Remote OK's legal notice
        for field in ("location", "candidate_required_location", "jobGeo"):
            value = job.get(field)
            if isinstance(value, dict):  # Greenhouse: {"name": ...}
                value = value.get("name")
            if isinstance(value, str):
                yield value
        for office in job.get("offices") or []:
            for field in ("name", "location"):
                if isinstance(office.get(field), str):
                    yield office[field]


def test_every_feed_location_string_is_read():
    by_board = _feed_locations()
    assert set(by_board) == {"remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse"}
    strings = [s for board in by_board.values() for s in board]
    assert len(strings) > 500
    meaningful = [s for s in strings if s.strip() and s.strip().lower() != "remote"]
    read = [s for s in meaningful if (loc := normalize_location(s)).countries or loc.regions]
    missed = sorted({s for s in meaningful if s not in read})
    assert len(read) >= 0.9 * len(meaningful), missed


def test_every_board_has_strings_that_yield_a_place():
    for board, strings in _feed_locations().items():
        assert any(normalize_location(s).countries for s in strings), board


def test_the_place_index_reads_back_from_its_cache_file_as_built(tmp_path, monkeypatch):
    """A new process reads the gazetteer from a cache file instead of building it (a second or two); what it
    reads must be what building gives, and a damaged file is built again, not trusted."""
    from assistant.vocab.places import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer._index.cache_clear()
    try:
        built = gazetteer._index()
        path = gazetteer._cache_file()
        assert path.is_relative_to(tmp_path) and path.stat().st_size > 1_000_000
        gazetteer._index.cache_clear()
        read = gazetteer._index()
        keys = ["munich", "georgia", "the uk", "latam", "bangalore", "paris", "emea", "no such place"]
        assert [read.get(k) for k in keys] == [built.get(k) for k in keys]
        assert read.get("munich") is not None and read.get("munich").candidates[0].country == "DE"
        path.write_bytes(path.read_bytes()[:1000])  # a truncated file
        gazetteer._index.cache_clear()
        assert gazetteer._index().get("munich") == built.get("munich")
        assert path.stat().st_size > 1_000_000  # written whole again
    finally:
        gazetteer._index.cache_clear()
