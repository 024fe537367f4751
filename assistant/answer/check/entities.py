"""Named entities, the other kind of fact the citation check compares (assistant.answer.check.support).

Entities are places (compared by `assistant.vocab.places.resolve_place` country or region, so "Germany",
"German" and "Deutschland" are one, as are "UK", "United Kingdom" and "Britain"; "global"/"worldwide" count as
a market when the unit states a figure), ML platforms (the enrich vocabulary, so "W&B" is "Weights & Biases"),
capitalised words other than at the start of a sentence, item, cell or after a colon, and a starting word that
the sources only ever write capitalised (a company such as "Databricks"). Other entities compare by their
words, folded for case and accents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.models import Passage
from assistant.corpus.listings.enrich.lexicon import Lexicon
from assistant.index.meta import ListingMeta
from assistant.vocab.currencies import CURRENCIES
from assistant.vocab.places import resolve_place
from assistant.vocab.skills import PLATFORM_ENTRIES

_PLATFORMS = Lexicon(PLATFORM_ENTRIES)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_RUN_GAP = re.compile(r"[ \-]")  # "United Kingdom", "Baden-Württemberg": one place name
_MARKUP = " \t*_#`\"'“”‘’([-–—•+"
# Capitalised but naming nothing a source must repeat: field acronyms, currency codes, the pronoun.
_GENERIC = frozenset(
    "i ml ai llm llms mlops phd api apis saas okr okrs poc pocs nlp gpu gpus cpu cpus ci cd".split()
) | frozenset(c.code.lower() for c in CURRENCIES if c.lower_code)  # "CAD", but not "PEN": "Pen" may be a name
_START_STOP = frozenset("a an the in at on for of to from by with and or but as".split())
# Market words written in lower case; they qualify a figure ("the global range"), rarely anything else.
_MARKET_WORDS = {
    "global": "region:Worldwide",
    "globally": "region:Worldwide",
    "worldwide": "region:Worldwide",
    "anywhere": "region:Worldwide",
}
# Adjectives of the markets remote listings name; resolve_place reads only place names.
_DEMONYMS = {
    "german": "DE",
    "british": "GB",
    "american": "US",
    "canadian": "CA",
    "french": "FR",
    "spanish": "ES",
    "italian": "IT",
    "dutch": "NL",
    "polish": "PL",
    "portuguese": "PT",
    "brazilian": "BR",
    "mexican": "MX",
    "argentinian": "AR",
    "argentine": "AR",
    "indian": "IN",
    "chinese": "CN",
    "japanese": "JP",
    "korean": "KR",
    "australian": "AU",
    "irish": "IE",
    "swiss": "CH",
    "austrian": "AT",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "finnish": "FI",
    "israeli": "IL",
    "ukrainian": "UA",
    "romanian": "RO",
    "czech": "CZ",
    "belgian": "BE",
    "singaporean": "SG",
    "colombian": "CO",
    "chilean": "CL",
    "turkish": "TR",
    "greek": "GR",
    "hungarian": "HU",
    "estonian": "EE",
    "nigerian": "NG",
    "kenyan": "KE",
    "filipino": "PH",
    "european": "region:Europe",
    "asian": "region:Asia",
    "african": "region:Africa",
}


@dataclass(frozen=True)
class Entity:
    label: str  # as written
    words: str  # folded words, e.g. "united kingdom"
    place: str | None = None  # "DE" or "region:Worldwide"
    platform: str | None = None  # the platform's canonical name


def fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces and padded, for whole-word `in` tests."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return " " + " ".join(re.findall(r"[^\W_]+", plain)) + " "


@lru_cache(maxsize=4096)
def place_key(phrase: str) -> str | None:
    """The one country ("DE") or region ("region:Europe") a phrase names, else None."""
    folded = fold(phrase).strip()
    if folded in _DEMONYMS:
        return _DEMONYMS[folded]
    found = resolve_place(phrase)
    if found is None or len(found.countries) + len(found.regions) != 1:
        return None
    return found.countries[0] if found.countries else f"region:{found.regions[0]}"


def _capital_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words joined by a space or hyphen: the candidates for place names."""
    runs: list[list[re.Match[str]]] = []
    for m in _WORD.finditer(text):
        if not m.group()[0].isupper():
            continue
        if runs and _RUN_GAP.fullmatch(text[runs[-1][-1].end() : m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each place named in capitalised words, longest name first ("New York" over "York")."""
    found = []
    for run in _capital_runs(text):
        i = 0
        while i < len(run):
            hit = None
            if run[i].group().lower() not in _START_STOP:  # "In Germany" names Germany
                for j in range(min(len(run), i + 4), i, -1):
                    key = place_key(text[run[i].start() : run[j - 1].end()])
                    if key:
                        hit = (run[i].start(), run[j - 1].end(), key, j)
                        break
            if hit:
                found.append(hit[:3])
                i = hit[3]
            else:
                i += 1
    return found


def source_places(text: str) -> frozenset[str]:
    """The places a source names, read generously: place names in capitalised words in any position, and market
    words and demonyms in any case ("global", "german")."""
    places = {key for _, _, key in _places(text)}
    places |= {_MARKET_WORDS.get(w) or _DEMONYMS[w] for w in fold(text).split() if w in _MARKET_WORDS or w in _DEMONYMS}
    return frozenset(places)


def platforms_named(text: str) -> frozenset[str]:
    """The canonical names of the ML platforms a text names."""
    return frozenset(name for name, _ in _PLATFORMS.finditer(text))


def _at_start(text: str, pos: int) -> bool:
    """Whether a word at `pos` begins a sentence, item, cell or the text after a colon (so it may be capitalised)."""
    before = text[:pos].rstrip(_MARKUP)
    return not before or before[-1] in ".!?:|>"  # ">" also parts a guide chunk's heading path


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def entities(text: str, names: frozenset[str] = frozenset(), *, market_words: bool = False) -> list[Entity]:
    """The named entities of an answer unit. `names`: folded words the sources only write capitalised."""
    platforms = list(_PLATFORMS.finditer(text))
    found = [Entity(m.group(), fold(m.group()).strip(), platform=name) for name, m in platforms]
    text = _blank(text, [m.span() for _, m in platforms])  # "Vertex AI" is one platform, not a word "Vertex"
    places = _places(text)
    found += [Entity(text[s:e], fold(text[s:e]).strip(), place=key) for s, e, key in places]
    text = _blank(text, [(s, e) for s, e, _ in places])
    for m in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", m.group())
        folded = fold(word).strip()
        if market_words and folded in _MARKET_WORDS:
            found.append(Entity(word, folded, place=_MARKET_WORDS[folded]))
        elif (
            word[0].isupper()
            and len(word) > 1
            and folded not in _GENERIC
            and (not _at_start(text, m.start()) or folded in names)
        ):
            found.append(Entity(word, folded))
    return found


def name_words(passages: list[Passage]) -> frozenset[str]:
    """Folded words the passages write only capitalised and mid-sentence: names, even at a sentence's start."""
    capital, lower = set(), set()
    for p in passages:
        for m in _WORD.finditer(p.text):
            word = m.group()
            if word[0].islower():
                lower.add(word)
            elif not _at_start(p.text, m.start()) and word.lower() not in _GENERIC:
                capital.add(word.lower())
        if isinstance(p.meta, ListingMeta):
            capital.update(w.lower() for w in _WORD.findall(p.meta.company))
    return frozenset(fold(w).strip() for w in capital - lower)
