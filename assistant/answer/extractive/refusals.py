"""When the guide does not answer, and what is said then: off topic, a topic or rate no section states, a level
or year the pay table has no figure for; the refusal points to the closest sections."""

from __future__ import annotations

import re
from datetime import date

from assistant.answer.compose import Composer
from assistant.answer.extractive.draft import Draft
from assistant.answer.extractive.relevance import covers, specific_terms, stem
from assistant.answer.models import Passage
from assistant.answer.units import units
from assistant.index.meta import headings
from assistant.query import WORD, Intent, Understood
from assistant.vocab.listing import Seniority

# The guide's pay table is for senior engineers (and says staff and principal earn more): other levels have no figure.
_LEVELS_WITHOUT_PAY = {Seniority.junior, Seniority.mid, Seniority.intern}
# Staff and principal pay: the guide says only that it extends above the senior ranges, with no figure.
_LEVELS_ABOVE = {Seniority.staff, Seniority.principal}
# Forecasts are beyond any guide: it states what pay is, not what it will be.
_FORECAST = re.compile(r"\b(?:forecast\w*|predict\w*|projected|projections?|outlook|in the future|next decade)\b")
_YEAR = re.compile(r"\b20\d\d\b")
_RANGE_ASKED = re.compile(r"\b(?:range|exactly|how much|what (?:is|are) (?:the )?(?:pay|salar\w+|base))\b")
# A general question (no topic named) must find this share of its own words in the section; more refuses
# fair questions in other words ("accountable for once a model is live"), less answers unrelated ones.
GENERAL_SHARE = 0.25
# Rates and shares: answered only by a section that states a percentage.
_QUANTITY = re.compile(
    r"\b(?:percent\w*|percentage|share of|proportion|odds|likelihood|chances?|how likely"
    r"|success rate|pass rate|acceptance rate)\b"
)
# A classifier probability this high needs no word of the question in the section. Measured 0.4-0.8 on all the
# dev sets: 0.7 passes one more question per set than 0.8; 0.5 one more again ("who outside engineering would I
# be working with?", whose one specific word no section uses), and 0.4 no more; every unanswerable still refused.
SURE_TOPIC = 0.5
# A count of time asked for ("how many years", "how long"): answered only by a sentence that states one. Not
# "how much of the week", which asks for a share.
_ASKED_COUNT = re.compile(r"\bhow many (?:\w+ ){0,2}?(?P<unit>hour|day|week|month|year)s?\b|\bhow long\b")
_COUNT = r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
# A count and the three words after it: "4 to 6 stages".
_COUNTED = re.compile(rf"\b{_COUNT}\b(?:\s*(?:to|-|–|or)\s*{_COUNT}\b)?((?:\s+[\w-]+){{1,3}})", re.I)
# "How many engineers work remotely?" asks for a count of the things it names: the words up to its verb.
_ASKED_THINGS = re.compile(
    r"^\W*how many (?P<things>(?:[\w-]+ ){0,4}?[\w-]+?)"
    r"(?= (?:are|is|do|does|did|work|get|have|has|will|would|can|should|go|pass|apply)\b|\W*$|\?)"
)


OFF_TOPIC = (
    "I can only help with remote machine-learning careers: the role, its pay, hiring and the flags to "
    "watch for, and current job listings."
)


def _heading(passage: Passage) -> str:
    return " > ".join(headings(passage.meta, passage.title))


def section_answers(understood: Understood, section: list[Passage]) -> bool:
    """Whether the chosen section speaks to the question. A topic the classifier is sure of is answered by the
    section chosen by meaning; otherwise the section must hold one of the question's own words, and a general
    question GENERAL_SHARE of them, as one common word ("companies") says nothing about "relocation packages"."""
    if _QUANTITY.search(understood.question.lower()) and "%" not in "".join(p.text for p in section):
        return False  # "what share of candidates pass?" wants a rate the section does not state
    unit = asked_count(understood.question)
    if unit is not None and not _stating(section, unit):
        return False  # "how many hours of overlap?" wants a number of hours the section does not give
    if unit is None and not _counts_things(understood.question, section):
        return False  # "how many ML engineers work remotely?" wants a count no sentence gives
    if understood.scores.get(understood.intent.value, 0.0) >= SURE_TOPIC:
        return True  # the classifier is sure of the topic, and the section was chosen by meaning
    if understood.subjects and not covers(section, {stem(w) for s in understood.subjects for w in s.split()}, 1.0):
        return False  # "relocation package": an answer that does not name relocation answers something else
    if unit is not None:
        return True  # the section chosen by meaning states the count asked for ("how long does it take?")
    if understood.intent is Intent.pay and (understood.markets or understood.unknown_markets):
        return True  # a named market is answered by its row, or told which markets exist
    # A follow-up's words are read with the question it continues: "and the step after that?" names nothing alone.
    terms = specific_terms(f"{understood.context or ''} {understood.question}")
    return covers(section, terms, share=GENERAL_SHARE if understood.intent is Intent.general else 0.0)


def _counts_things(question: str, section: list[Passage]) -> bool:
    """Whether the section gives a count of what a "how many ...?" question names (a number followed, within
    three words, by one of its words: "4 to 6 stages" for "how many interview stages are there?"); True for
    any other question."""
    found = _ASKED_THINGS.match(question.lower())
    if found is None:
        return True
    things = {stem(w) for w in WORD.findall(found.group("things"))}
    return any(
        things & {stem(w) for w in WORD.findall(m.group(1).lower())} for p in section for m in _COUNTED.finditer(p.text)
    )


def asked_count(question: str) -> str | None:
    """The unit of time a question asks a count of ("year"), "any" for "how long", or None."""
    found = _ASKED_COUNT.search(question.lower())
    return None if found is None else found.group("unit") or "any"


def _count_stated(unit: str) -> re.Pattern[str]:
    named = "(?:hour|day|week|month|year)" if unit == "any" else unit
    return re.compile(rf"\b{_COUNT}(?:\s*(?:to|-|–|or)\s*{_COUNT})?\s+(?:[a-z]+\s+)?{named}s?\b", re.I)


def _stating(passages: list[Passage], unit: str) -> list[tuple[Passage, str]]:
    """(passage, sentence) for every sentence of the passages that states a count of `unit`."""
    stated = _count_stated(unit)
    return [(p, u.text) for p in passages for u in units(p.text) if stated.search(u.text)]


def stated_count_section(understood: Understood, passages: list[Passage]) -> str | None:
    """The guide section with a sentence that states the count of time asked for and shares one of the question's
    own words besides the unit ("three to five years of ML experience" for "how many years of experience does
    senior mean?"): support that outweighs the classifier's reading of a topic beyond the guide. A count stated
    about something else ("years" of experience for "years from senior to staff") shares no word."""
    unit = asked_count(understood.question)
    if unit is None:
        return None
    terms = specific_terms(understood.question) - {stem(unit), stem(unit + "s")}
    for passage, sentence in _stating([p for p in passages if p.kind == "guide"], unit):
        if terms & {stem(w) for w in WORD.findall(sentence.lower())}:
            return passage.doc_id
    return None


def beyond_the_guide(understood: Understood) -> str | None:
    """Why a question is beyond the guide: a career topic no section covers (the classifier's reading), a level it
    has no pay figure for, or a pay forecast for a later year."""
    if understood.unsupported:
        return "The guide does not cover that topic."
    if understood.intent is not Intent.pay:
        return None
    levels = [level.value for level in understood.levels if level in _LEVELS_WITHOUT_PAY]
    if levels:
        return f"The guide's pay ranges are for senior ML engineers, not {' or '.join(levels)} ones."
    above = [level.value for level in understood.levels if level in _LEVELS_ABOVE]
    if above and Seniority.senior not in understood.levels and _RANGE_ASKED.search(understood.question.lower()):
        return (
            f"The guide gives no range for {' or '.join(above)} ML engineers; it says only that they earn above "
            "the senior ranges."
        )
    later = any(int(y) > date.today().year for y in _YEAR.findall(understood.question))
    if later or _FORECAST.search(understood.question.lower()):
        return "The guide gives pay as it is now; it makes no forecast."
    return None


def not_answerable(understood: Understood, passages: list[Passage], reason: str | None = None) -> Draft:
    if understood.intent is Intent.off_topic:
        return Draft(answer=OFF_TOPIC, answerable=False)
    composer = Composer()
    first_of_each: dict[str, Passage] = {}
    for passage in passages:
        if passage.kind == "guide":
            first_of_each.setdefault(passage.doc_id, passage)
    closest = list(first_of_each.values())[:2]
    text = "The guides and listings I have do not answer that." + (f" {reason}" if reason else "")
    pointers = []
    for passage in closest:
        first = next(iter(units(passage.text)), None)
        if first:
            pointers.append(f"{_heading(passage).split(' > ')[-1]} {composer.cite(passage, first.text)}")
    if pointers:
        text += " The closest sections are: " + "; ".join(pointers) + "."
    return Draft(answer=text, answerable=False, citations=composer.citations)
