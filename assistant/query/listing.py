"""Listing triggers: what makes a question ask for job listings rather than about the role."""

from __future__ import annotations

import re

from .cues import _Cues
from .results import Intent
from .text import _Text
from .topics import _guide_topic
from .vocabulary import _ANY_NOUN, _JOB_NOUN

_STRONG_LISTING = re.compile(
    r"\b(?P<verb>find|show|list|search(?: for)?|browse|look(?:ing)? for|get me|give me|send me|pull up|fetch"
    r"|recommend|suggest|hunt(?:ing)? for|filter)\b(?P<between>(?: [^ ]+){0,8}?) "
    rf"(?P<noun>{_JOB_NOUN})\b"
)
_WEAK_LISTING = re.compile(
    rf"\b(?:any|are there|is there|got any|have any|anything|which) (?:[^ ]+ ){{0,6}}?{_JOB_NOUN}\b"
)
_PLURAL_NOUN = re.compile(r"\b(?:jobs|roles|openings|positions|listings|vacancies|postings|opportunities|gigs|reqs"
                          r"|internships)\b")


_REFERENCE = re.compile(
    r"\b(?:(?:which|any|what about|how many|all|none) of (?:these|those|them)|these|those|ones)\b"
)
# "Tell me about ML roles" asks about the role, not for listings.
_ABOUT_THE_ROLE = re.compile(
    r"\b(?:tell me about|explain|describe|overview|what is (?:a|an|the)|what does it mean|common|typical|usual|normal"
    r"|worth it)\b"
)
# Questions about what jobs come with (benefits, visas) or where listings come from ask about the jobs, not for
# them: "do remote ML jobs sponsor visas?" is no search, though it names jobs and no guide topic.
_BENEFIT = (r"visas?|sponsor\w*|relocat\w*|insurance|health ?care|dental|pensions?|retirement|(?:401|403|457) ?[kb]"
            r"|pto|paid time off|parental leave|benefits?|perks?|stipends?")
_ABOUT_THE_JOBS = re.compile(rf"\b(?:{_BENEFIT}|come with|come from|comes from|sourced|the guide)\b")
_BENEFITS = re.compile(rf"\b(?:{_BENEFIT})\b")
_SEEKING = re.compile(r"\b(?:looking for|searching for|anything (?:out there|open|available)|something)\b")
_OPEN_SEARCH = re.compile(r"^(?:and )?any(?:thing)?(?: (?:open|available))?(?= (?:in|at|from|for)\b)"
                          r"|\bwhat is (?:open|available|out there)\b")
_TITLE = re.compile(r"\b(?:engineer|scientist|developer|analyst|designer|architect|researcher)s?\b")
_QUESTION_START = re.compile(r"^(?:what|how|why|who|where|when|which|is|are|do|does|did|can|could|should|would|will)\b")
_THE_ROLE = re.compile(r"\b(?:the|this|that)\b(?: [^ ]+){0,4} $")  # "is the senior ML role remote friendly?"
# Wanting a job is a search only when nothing else is asked: "what skills do I need for ML jobs" is not one.
_WANT_JOB = re.compile(
    rf"\b(?:want|need|looking for|interested in|apply (?:to|for))\b(?: [^ ]+){{0,4}}? {_JOB_NOUN}\b"
)


def _blocks_listing(words: str) -> bool:
    found = _guide_topic(words)
    return found is not None and found[0] is not Intent.pay


def _listing_trigger(text: _Text, cues: _Cues, topic: tuple[Intent, re.Match] | None) -> tuple[int, int] | None:
    """The span that asks for listings, or None."""
    norm = text.norm
    for m in _STRONG_LISTING.finditer(norm):
        if not _blocks_listing(m["between"]):
            return m.span()
    # Filters only a listing has: they make a role noun a search even next to a guide topic ("roles paying 150k+").
    listing_only = cues.floor or cues.disclosed or cues.posted or cues.sources
    noun = _PLURAL_NOUN.search(norm) or _WEAK_LISTING.search(norm) or _ANY_NOUN.search(norm) \
        or (cues.roles and _SEEKING.search(norm))  # "a data scientist looking for something that pays 170k+"
    if noun and listing_only:
        return noun.span()
    reference = _REFERENCE.search(norm)
    named = cues.places or cues.work_modes or cues.seniority or cues.skills or cues.companies
    if reference and (listing_only or named):
        return reference.span()
    about = _ABOUT_THE_ROLE.search(norm) or _ABOUT_THE_JOBS.search(norm)
    # "i want a job at Spotify" wants one; "do I need kubernetes for an MLOps role?" asks what it takes.
    wanting = None if _QUESTION_START.match(norm) else _WANT_JOB.search(norm)
    plural = _PLURAL_NOUN.search(norm) or _WEAK_LISTING.search(norm) or wanting
    if plural and topic is None and not about:
        return plural.span()
    # One job named by what makes it a posting — a company, a place, a work mode: "Data scientist job at
    # Pinterest", "Remote MLOps engineer job". A bare "the role" stays a question about the role.
    single = _ANY_NOUN.search(norm)
    # A skill alone names a posting only outside a question ("MLOps job with Kafka", not "how good does my
    # python need to be for a senior job").
    posting = cues.companies or cues.places or cues.work_modes or (
        cues.skills and not _QUESTION_START.match(norm))
    if single and posting and topic is None and not about \
            and not _THE_ROLE.search(norm[: single.start()]):
        return single.span()
    if cues.posted or cues.sources:
        hit = cues.posted or cues.sources[0]
        return hit.start, hit.end
    return None if topic or about else _posting_named(text, cues)


def _posting_named(text: _Text, cues: _Cues) -> tuple[int, int] | None:
    """A posting named without a job noun, by its title or by what is open where: "senior machine learning
    engineer at Waymo in London", "What's open at GitLab?", "anything in Ireland?". Not a question about the
    role ("how do ML engineers in Berlin ..."): those start with a question word."""
    if not (cues.companies or cues.places):
        return None
    found = _OPEN_SEARCH.search(text.norm)
    if found:
        return found.span()
    title = _TITLE.search(text.norm)
    return title.span() if title and not _QUESTION_START.match(text.norm) else None
