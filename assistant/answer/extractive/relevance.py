"""What of the retrieved text bears on the question: the question's own words, whether passages cover them,
and which units of a section to quote."""

from __future__ import annotations

import difflib
import functools
import math
from collections.abc import Callable, Sequence

import snowballstemmer

from assistant.answer.models import Passage
from assistant.answer.units import Unit, units
from assistant.query import WORD, normalized
from assistant.vocab.places import resolve_place

# Words every question about this domain shares: they say nothing about whether a passage answers it.
_GENERIC = set(
    """
a an the and or of to in on for at by with from about is are was were be been do does did can could should would
will what whats which who whom how when where why much many any some there their they them it its this that these
those i me my we our you your role roles job jobs position positions work working ml machine learning engineer
engineers engineering senior remote remotely typical typically usually like look looks get getting need needs
tell explain please know want more most mean means between vs versus ai make makes earn earns paid
ok okay hey hi hello so just then thanks thank also really actually never mind nutshell compare compared
based mle mles sr snr jr doing done have has honestly think thinking going wondering curious guess guide
all lot lots day days week weeks
""".split()
)
# The cosine of each text to a question (index/retrieve.py Retriever.closeness).
Closeness = Callable[[str, Sequence[str]], list[float]]
_STEMMER = snowballstemmer.stemmer("english")  # the Snowball project's own Python stemmer: no data to fetch
_FUZZY_MIN = 6  # words this long match a near-miss spelling (one slip in a short word changes its meaning)


@functools.cache
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: "hiring", "hired" and "hire" are one word, as are "writes" and "writing"."""
    return str(_STEMMER.stemWord(word))


def specific_terms(question: str) -> set[str]:
    """The question's own words that are not shared by every question in this domain, nor places
    (places are matched as markets and filters, not as words). Read after query normalization, so "sr" and
    "responsibilites" count as the words they stand for."""
    return terms_of(WORD.findall(normalized(question)))


def terms_of(words: list[str]) -> set[str]:
    """The stems of the words that are neither shared by every question in this domain nor places."""
    # A compound is also its parts: "staff-ready" asks about staff, "take-home" about a take-home.
    words = words + [part for w in words if "-" in w for part in w.split("-") if len(part) >= 3]
    return {stem(w) for w in _specific(words)}


def _specific(words: list[str]) -> set[str]:
    return {w for w in words if w not in _GENERIC and resolve_place(w) is None}


def words_as_written(question: str, passages: list[Passage]) -> set[str]:
    """The question's specific words that the passages use in the very same form: a stem shared by derivation
    ("documents", "documentation") is weaker evidence than the word itself."""
    asked = _specific(WORD.findall(normalized(question)))
    return asked & {w for p in passages for w in WORD.findall(p.text.lower())}


def _terms_in(passages: list[Passage]) -> set[str]:
    return {stem(w) for p in passages for w in WORD.findall(p.text.lower())}


def _found(term: str, text_terms: set[str]) -> bool:
    """A term is in the text as written or as a near-miss spelling of a long word."""
    if term in text_terms:
        return True
    if len(term) < _FUZZY_MIN:
        return False
    close = difflib.get_close_matches(term, [t for t in text_terms if t[:1] == term[:1]], n=1, cutoff=0.88)
    return bool(close)


def covered(passages: list[Passage], terms: set[str]) -> set[str]:
    text_terms = _terms_in(passages)
    return {t for t in terms if _found(t, text_terms)}


def covers(passages: list[Passage], terms: set[str], share: float = 0.0) -> bool:
    """Whether the passages mention the question's specific words (or it has none): at least one, or with
    `share` at least that part of them."""
    if not terms:
        return True
    found = covered(passages, terms)
    return bool(found) and len(found) >= share * len(terms)


def unique_units(section: list[Passage]) -> list[tuple[Passage, Unit]]:
    """Units across a section's chunks without the overlap's repeats, in document order."""
    seen, found = set(), []
    for passage in section:
        for unit in units(passage.text):
            if unit.text not in seen:
                seen.add(unit.text)
                found.append((passage, unit))
    return found


def relevant_units(
    question: str, found: list[tuple[Passage, Unit]], limit: int, closeness: Closeness | None = None
) -> list[tuple[Passage, Unit]]:
    """The `limit` units sharing most of the question's words (earlier first among equals), in document order.
    With `closeness` (the cosine of each unit to the question), a unit scores its shared words plus its cosine:
    meaning orders the units that share as many words ("precise written communication" for "why are they
    valued for writing?", which shares none) and can outweigh a single shared word."""
    terms = specific_terms(question)
    near = [0.0] * len(found)
    if closeness is not None and len(found) > limit:
        near = closeness(question, [u.text for _, u in found])
    words = [{stem(w) for w in WORD.findall(u.text.lower())} for _, u in found]
    weight = _spread_weights(terms, words)
    scored = [(sum(weight[t] for t in terms & held) + near[n], -n, n) for n, held in enumerate(words)]
    best = sorted(scored, reverse=True)[:limit]
    return [found[n] for *_, n in sorted(best, key=lambda s: s[2])]


def _spread_weights(terms: set[str], units: list[set[str]]) -> dict[str, float]:
    """Each term by how few of the units hold it, 1 for a term one unit holds and 0 for one all hold: among a pay
    section's sentences "pay" and "range" are everywhere, and "equity" says which one answers "is equity a big
    deal?"."""
    if len(units) < 2:
        return dict.fromkeys(terms, 1.0)
    held = {t: sum(t in unit for unit in units) for t in terms}
    return {t: math.log(len(units) / n) / math.log(len(units)) if n else 0.0 for t, n in held.items()}
