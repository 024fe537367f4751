"""The citation check: each sentence of a generated answer must be backed by one line of a source it cites.

Pure and deterministic: the same answer and passages always give the same result.

How an answer is read (`check_answer`):

* Units. Each Markdown list item, table row and heading is one unit; other lines are cut into sentences
  (a marker after the full stop, "... €165,000. [1]", belongs to the sentence before it). Blank lines and
  table rules (``|---|``) are layout and are kept unchecked.
* Facts. A unit's facts are its figures and its named entities.
  - Figures are numbers written in digits: money ("€110,000", "$190k", "CAD 175,000", "110 000 EUR"),
    percentages ("20–30%") and counts, which take the next word as their unit ("4 to 6 stages"). A range
    shares its currency, scale and unit ("€110–165k" is €110,000 and €165,000). Figures compare by value
    after normalizing the format, so €110k = 110,000 = 110 000; a stated currency must agree ("$" is any
    dollar), and so must a stated unit ("6 weeks" is not "6 stages").
  - Entities are places (compared by `assistant.vocab.places.resolve_place` country or region, so "Germany",
    "German" and "Deutschland" are one, as are "UK", "United Kingdom" and "Britain"; "global"/"worldwide"
    count as a market when the unit states a figure), ML platforms (the enrich vocabulary, so "W&B" is
    "Weights & Biases"), capitalised words other than at the start of a sentence, item, cell or after a
    colon, and a starting word that the sources only ever write capitalised (a company such as "Databricks").
    Other entities compare by their words, folded for case and accents.
* Rules. (1) Every [n] must name a passage. (2) A unit without [n] may state no figure and no entity
  ("I can only answer from the sources." passes). (3) A unit with markers must have ALL its facts together
  in ONE line of ONE passage it cites.
* Why one line and not one passage: a pay table holds every market and every range, so "Germany" and
  "$120,000 – $200,000" both occur in the pay passage although the table pairs that range with
  "Remote (global)". A passage line is a table row, a list item, a heading or a sentence. The chunk's
  header (a guide chunk's heading line, a listing chunk's block of facts: title, company, location,
  salary) is written as the context of the whole chunk by `assistant.index.chunks`, so its facts count in
  every line of that chunk.
* Output. Failing units are removed, each with a reason; the remaining markers are renumbered 1..m in
  order of first use; each citation quotes, verbatim, the line of its passage that supports the most of the
  sentences citing it (then the one sharing the most words with them).

Not caught: numbers written as words ("four stages"), and claims that carry no figure and no name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, Field

from assistant.answer.models import Citation, Passage
from assistant.answer.units import LINE_UNIT, LIST_MARK, TABLE_RULE, line_spans, sentence_spans
from assistant.corpus.listings.enrich.lexicon import Lexicon
from assistant.corpus.listings.enrich.platforms import PLATFORM_ENTRIES
from assistant.vocab.places import resolve_place


class CheckedAnswer(BaseModel):
    text: str  # the answer less its failing units, markers renumbered 1..m
    citations: list[Citation] = Field(default_factory=list)
    removed: list[tuple[str, str]] = Field(default_factory=list)  # (unit as written, why it was removed)
    kept: int = 0  # checked units that passed

    @property
    def examined(self) -> int:
        return self.kept + len(self.removed)


# --- figures ---------------------------------------------------------------------------------------------

_CURRENCY_WORDS = {"$": "$", "us$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "€": "EUR",
                   "£": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP", "cad": "CAD", "aud": "AUD", "chf": "CHF",
                   "euro": "EUR", "euros": "EUR", "dollar": "$", "dollars": "$", "pound": "GBP", "pounds": "GBP"}
_DOLLARS = frozenset({"$", "USD", "CAD", "AUD"})
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_FIGURE = re.compile(
    r"(?P<cur>(?:US\$|CA?\$|AU?\$|[$€£]|\b(?:USD|EUR|GBP|CAD|AUD|CHF)\b)\s?)?"
    r"(?<![\w.])(?<![^\W\d_]-)"  # not inside a name or version ("L6", "GPT-4") nor a decimal's tail
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,])"
    r"|\d{1,3}(?:\.\d{3})+(?![\d,.])|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:[kK]|mm|[mM]|bn|[bB]|thousand|million|billion)\b)?"
    r"(?P<post>\s?(?:%|percent\b|per\s?cent\b|€|(?:USD|EUR|GBP|CAD|AUD|CHF|[Ee]uros?|[Dd]ollars?|[Pp]ounds?)\b))?"
)
_RANGE_JOIN = re.compile(r"\s*(?:–|—|-|to|and|or)\s*")
_NEXT_WORD = re.compile(r"\s*-?\s*([A-Za-z]+)")
# Words after a number that are not what it counts ("110,000 per year", "4 to 6").
_NOT_UNITS = frozenset(
    "a an and are as at be base but by each for from in is of on or per than the to was were with".split())


@dataclass(frozen=True)
class Figure:
    value: float
    currency: str | None  # "EUR", "GBP", "USD", "CAD", ... or "$" for a dollar of unknown kind
    percent: bool
    unit: str | None  # what a count counts ("stage", "week"), singular
    text: str  # as written, for reasons

    def fits(self, other: Figure) -> bool:
        """Whether `other`, a figure of a source, states this figure of an answer."""
        if abs(self.value - other.value) > 1e-9 * max(1.0, abs(self.value)) or self.percent != other.percent:
            return False
        a, b = self.currency, other.currency
        if a and b and a != b and not ("$" in (a, b) and {a, b} <= _DOLLARS):
            return False
        return self.unit is None or other.unit is None or self.unit == other.unit


def _figure(m: re.Match, text: str) -> dict:
    cur, post = (m["cur"] or "").strip().lower(), (m["post"] or "").strip().lower()
    scale = _SCALES.get((m["scale"] or "").strip().lower(), 1.0)
    currency = _CURRENCY_WORDS.get(cur) or _CURRENCY_WORDS.get(post)
    percent = post in ("%", "percent") or post.startswith("per")
    unit, label = None, m.group().strip()
    word = None if currency or percent else _NEXT_WORD.match(text, m.end())
    if word and word[1].lower() not in _NOT_UNITS:
        unit, label = _singular(word[1].lower()), f"{label} {word[1]}"
    return {"value": _number(m["num"], bool(currency), scale > 1) * scale, "currency": currency,
            "percent": percent, "unit": unit, "scale": scale, "text": label,
            "start": m.start(), "end": m.end()}


def _number(num: str, money: bool, scaled: bool) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num) and (num.count(".") > 1 or (money and not scaled)):
        num = num.replace(".", "")  # "€110.000": dots group thousands when money is meant, else "1.5" is a decimal
    return float(re.sub(r"[,\s]", "", num))


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def figures(text: str) -> list[Figure]:
    """The figures of a text; the two ends of a range share what only one of them states."""
    found = [_figure(m, text) for m in _FIGURE.finditer(text)]
    for a, b in zip(found, found[1:]):
        if _RANGE_JOIN.fullmatch(text[a["end"]:b["start"]]):
            _share(a, b)
    return [Figure(f["value"], f["currency"], f["percent"], f["unit"], f["text"]) for f in found]


def _share(a: dict, b: dict) -> None:
    a["currency"] = a["currency"] or b["currency"]
    b["currency"] = b["currency"] or a["currency"]
    a["percent"] = a["percent"] or b["percent"]
    if a["currency"] or a["percent"]:
        a["unit"] = b["unit"] = None  # money and shares have no count unit
    elif a["unit"] is None:
        a["unit"] = b["unit"]  # "4 to 6 stages"
    if b["scale"] > 1 and a["scale"] == 1 and a["value"] < 1000:
        a["value"] *= b["scale"]  # "110–165k" is 110k to 165k


# --- entities --------------------------------------------------------------------------------------------

_PLATFORMS = Lexicon(PLATFORM_ENTRIES)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_RUN_GAP = re.compile(r"[ \-]")  # "United Kingdom", "Baden-Württemberg": one place name
_MARKUP = " \t*_#`\"'“”‘’([-–—•+"
# Capitalised but naming nothing a source must repeat: field acronyms, currency codes, the pronoun.
_GENERIC = frozenset(
    "i ml ai llm llms mlops phd api apis saas okr okrs poc pocs nlp gpu gpus cpu cpus ci cd usd eur gbp cad aud chf"
    .split())
_START_STOP = frozenset("a an the in at on for of to from by with and or but as".split())
# Market words written in lower case; they qualify a figure ("the global range"), rarely anything else.
_MARKET_WORDS = {"global": "region:Worldwide", "globally": "region:Worldwide", "worldwide": "region:Worldwide",
                 "anywhere": "region:Worldwide"}
# Adjectives of the markets remote listings name; resolve_place reads only place names.
_DEMONYMS = {
    "german": "DE", "british": "GB", "american": "US", "canadian": "CA", "french": "FR", "spanish": "ES",
    "italian": "IT", "dutch": "NL", "polish": "PL", "portuguese": "PT", "brazilian": "BR", "mexican": "MX",
    "argentinian": "AR", "argentine": "AR", "indian": "IN", "chinese": "CN", "japanese": "JP", "korean": "KR",
    "australian": "AU", "irish": "IE", "swiss": "CH", "austrian": "AT", "swedish": "SE", "norwegian": "NO",
    "danish": "DK", "finnish": "FI", "israeli": "IL", "ukrainian": "UA", "romanian": "RO", "czech": "CZ",
    "belgian": "BE", "singaporean": "SG", "colombian": "CO", "chilean": "CL", "turkish": "TR", "greek": "GR",
    "hungarian": "HU", "estonian": "EE", "nigerian": "NG", "kenyan": "KE", "filipino": "PH",
    "european": "region:Europe", "asian": "region:Asia", "african": "region:Africa",
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


def _capital_runs(text: str) -> list[list[re.Match]]:
    """Runs of capitalised words joined by a space or hyphen: the candidates for place names."""
    runs: list[list[re.Match]] = []
    for m in _WORD.finditer(text):
        if not m.group()[0].isupper():
            continue
        if runs and _RUN_GAP.fullmatch(text[runs[-1][-1].end():m.start()]):
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
                    key = place_key(text[run[i].start():run[j - 1].end()])
                    if key:
                        hit = (run[i].start(), run[j - 1].end(), key, j)
                        break
            if hit:
                found.append(hit[:3])
                i = hit[3]
            else:
                i += 1
    return found


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
        elif word[0].isupper() and len(word) > 1 and folded not in _GENERIC and (
                not _at_start(text, m.start()) or folded in names):
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
        company = p.meta.get("company")
        if isinstance(company, str):
            capital.update(w.lower() for w in _WORD.findall(company))
    return frozenset(fold(w).strip() for w in capital - lower)


# --- units (cut by assistant.answer.units) ------------------------------------------------------------------

_MARKER = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")


def markers(text: str) -> list[int]:
    """The source numbers a text cites, in order: "[1]", "[1, 2]", "[1-3]"."""
    found = []
    for m in _MARKER.finditer(text):
        for part in re.split(r"\s*,\s*", m[1]):
            low, _, high = re.sub(r"\s", "", part).replace("–", "-").partition("-")
            first, last = int(low), int(high or low)
            found += range(first, last + 1) if 0 <= last - first < 50 else [first]  # "[1-3]"; "[2020-2024]" is no range
    return found


@dataclass(frozen=True)
class Line:
    """One quotable line of a passage with the facts of its scope (the line plus the chunk's header)."""
    quote: str  # an exact substring of the passage text
    figures: tuple[Figure, ...]
    places: frozenset[str]
    platforms: frozenset[str]
    words: str  # folded, padded


def _header_end(passage: Passage) -> int:
    """Where the chunk's header ends: a listing's facts block, or a guide's heading line; 0 when none."""
    cut = passage.text.find("\n\n")
    if cut < 0:
        return 0
    head = passage.text[:cut].strip()
    if passage.kind == "listing" or ("\n" not in head and not head.endswith((".", "!", "?"))):
        return cut
    return 0


def passage_quotes(passage: Passage) -> list[str]:
    """The passage's quotable units in order: its header, then each table row, list item, heading and sentence."""
    text, cut = passage.text, _header_end(passage)
    quotes = [text[:cut].strip()] if cut else []
    offset = cut
    for line in text[cut:].split("\n"):
        quotes += [text[s:e] for s, e in line_spans(line, offset)]
        offset += len(line) + 1
    return [q for q in quotes if q]


@lru_cache(maxsize=512)
def _lines(passage_text: str, kind: str) -> tuple[Line, ...]:
    passage = Passage(n=0, doc_id="", kind=kind, title="", text=passage_text)
    cut = _header_end(passage)
    header = passage_text[:cut]
    return tuple(_line(quote, header) for quote in passage_quotes(passage))


def _line(quote: str, header: str) -> Line:
    scope = f"{header}\n{quote}" if header.strip() and quote != header.strip() else quote
    words = fold(scope)
    places = {key for _, _, key in _places(scope)}  # sources are read generously: any case, any position
    places |= {_MARKET_WORDS.get(w) or _DEMONYMS[w] for w in words.split() if w in _MARKET_WORDS or w in _DEMONYMS}
    platforms = frozenset(name for name, _ in _PLATFORMS.finditer(scope))
    return Line(quote, tuple(figures(scope)), frozenset(places), platforms, words)


def lines(passage: Passage) -> tuple[Line, ...]:
    return _lines(passage.text, passage.kind)


# --- the check -------------------------------------------------------------------------------------------

@dataclass
class _Unit:
    start: int
    end: int
    whole_line: bool  # a list item, table row or heading: removed with its line break
    ok: bool = True
    cites: list[int] = field(default_factory=list)
    support: dict[int, set[int]] = field(default_factory=dict)  # passage n -> indexes of its lines that back it
    words: frozenset[str] = frozenset()


def _answer_units(text: str) -> list[_Unit]:
    units, offset = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and not TABLE_RULE.match(body):
            if LINE_UNIT.match(body):
                units.append(_Unit(offset, offset + len(line), True))
            else:
                units += [_Unit(s, e, False) for s, e in sentence_spans(body, offset)]
        offset += len(line)
    return units


def _labels(facts: list) -> str:
    return ", ".join(dict.fromkeys(f"“{f.text if isinstance(f, Figure) else f.label}”" for f in facts))


def _holds(entity: Entity, line: Line) -> bool:
    return (f" {entity.words} " in line.words or (entity.place is not None and entity.place in line.places)
            or (entity.platform is not None and entity.platform in line.platforms))


def _backs(line: Line, figs: list[Figure], ents: list[Entity]) -> bool:
    return all(any(f.fits(g) for g in line.figures) for f in figs) and all(_holds(e, line) for e in ents)


def _check_unit(unit: _Unit, text: str, by_n: dict[int, Passage], names: frozenset[str]) -> str | None:
    """Fill in the unit's citations and support; the reason it fails, or None."""
    raw = text[unit.start:unit.end].strip()
    unit.cites = markers(raw)
    body = LIST_MARK.sub("", _MARKER.sub(" ", raw), count=1)
    unit.words = frozenset(fold(body).split())
    figs = figures(body)
    ents = entities(body, names, market_words=bool(figs))
    missing = [n for n in dict.fromkeys(unit.cites) if n not in by_n]
    if missing:
        return f"cites [{missing[0]}], but there is no source [{missing[0]}]"
    if not figs and not ents:  # nothing to verify: any line of a cited source will do, chosen by shared words
        unit.support = {n: set(range(len(lines(by_n[n])))) for n in unit.cites}
        return None
    if not unit.cites:
        return f"states {_labels(figs + ents)} without a citation"
    for n in dict.fromkeys(unit.cites):
        unit.support[n] = {i for i, line in enumerate(lines(by_n[n])) if _backs(line, figs, ents)}
    if any(unit.support.values()):
        return None
    return _why_not(figs, ents, [lines(by_n[n]) for n in dict.fromkeys(unit.cites)], unit.cites)


def _why_not(figs: list[Figure], ents: list[Entity], cited: list[tuple[Line, ...]], cites: list[int]) -> str:
    refs = " or ".join(f"[{n}]" for n in dict.fromkeys(cites))
    every = [line for group in cited for line in group]
    absent = [f for f in figs if not any(f.fits(g) for line in every for g in line.figures)]
    absent += [e for e in ents if not any(_holds(e, line) for line in every)]
    if absent:
        return f"{_labels(absent)} not found in {refs}"
    return f"{_labels(figs + ents)} never appear together in one line of {refs}"


def check_answer(text: str, passages: list[Passage]) -> CheckedAnswer:
    """Remove the units that fail the citation check, renumber the markers and quote the backing lines."""
    by_n = {p.n: p for p in passages}
    names = name_words(passages)
    units = _answer_units(text)
    removed = []
    for unit in units:
        reason = _check_unit(unit, text, by_n, names)
        if reason:
            unit.ok = False
            removed.append((text[unit.start:unit.end].strip(), reason))
    kept_units = [u for u in units if u.ok]
    body, order = _renumber(_without(text, [u for u in units if not u.ok]))
    citations = [_citation(new, by_n[old], [u for u in kept_units if old in u.cites]) for old, new in order.items()]
    return CheckedAnswer(text=body, citations=citations, removed=removed, kept=len(kept_units))


def _without(text: str, failed: list[_Unit]) -> str:
    for unit in sorted(failed, key=lambda u: u.start, reverse=True):
        end = unit.end
        while not unit.whole_line and end < len(text) and text[end] in " \t":
            end += 1  # a removed sentence takes the space after it, so the next one keeps its place
        text = text[:unit.start] + text[end:]
    text = re.sub(r"[ \t]+(?=\n|$)", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _renumber(text: str) -> tuple[str, dict[int, int]]:
    """Markers renumbered 1..m in order of first use; returns the text and {old n: new n}."""
    order: dict[int, int] = {}
    for n in markers(text):
        order.setdefault(n, len(order) + 1)

    def new(m: re.Match) -> str:
        return "[" + ", ".join(str(order[n]) for n in dict.fromkeys(markers(m.group()))) + "]"

    return _MARKER.sub(new, text), order


def _citation(n: int, passage: Passage, citing: list[_Unit]) -> Citation:
    return Citation(n=n, id=passage.doc_id, kind=passage.kind, title=passage.title, url=passage.url,
                    quote=_best_quote(passage, citing))


def _best_quote(passage: Passage, citing: list[_Unit]) -> str:
    """The line that backs the most citing units, then shares the most words with them, then comes first."""
    found = lines(passage)
    if not found:
        return passage.text.strip()

    def score(i: int) -> tuple[int, int, int]:
        backed = sum(i in u.support.get(passage.n, ()) for u in citing)
        shared = sum(len(u.words & set(found[i].words.split())) for u in citing)
        return backed, shared, -i

    return found[max(range(len(found)), key=score)].quote
