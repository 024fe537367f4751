"""Decides a question's intent from the learned classifier's scores, with the slots as facts about routing.

The classifier (classifier.py) reads the wording; the slots add only what follows from the data, not from
phrasing: the guide has no pay, requirements or duties by company (a company's are its listings'), and a board
or a posting age exists only on listings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import classifier
from .cues import _Cues, _Hit
from .listing import _PLURAL_NOUN, _QUESTION_START, _STRONG_LISTING, _WEAK_LISTING
from .markets import _markets
from .results import Intent
from .salary import _PAY_TERM
from .text import WORD, _Text, normalized
from .vocabulary import _ANY_NOUN, _JOB_NOUN

# "anything in Ireland?", "any at GitLab?": a short search by what follows.
_ASKS_ANY = re.compile(r"^(?:and |so |ok )?any(?:thing)? (?:open )?(?:in|at|from|for|near|around)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# "is there a research engineer role on post-training?", "any data science jobs?": whether postings of a named
# role exist, the role word right before the job noun. A question about the work says "the role of", "in a role".
# The words between are the role's own noun phrase ("is there a forward-deployed client-facing AI architect role?"):
# a preposition puts the role in another phrase ("how many stages are there for a senior ML role?").
_EXISTS_BEFORE = re.compile(r"\b(?:there|any|anything|got any)(?: (?!(?:for|in|at|on|of|with|to|about)\b)[^ ]+){0,3} $")
# The job noun ends its phrase: "a senior ML role ladder" is no posting. After it the clause ends ("any AI
# architect kind of role?") or a preposition, a relative word or a participle opens a phrase about the job ("a
# role meant for new grads", "based in").
_JOB_AFTER = re.compile(rf"^(?: [^ ]+)?(?: (?:kind|sort|type) of)? {_JOB_NOUN}")
_ABOUT_JOB = re.compile(r"^ (?:on|in|at|for|with|that|which|where|near|from|open|around|meant|\w+ed|\w+ing)\b")
# "Any senior roles working on vision-language models?", "are there any openings for new grads?": a question that
# opens by asking whether jobs exist, the job noun ending its phrase (not "any red flags in job postings?").
_OPENS_ASKING_JOBS = re.compile(
    rf"^(?:and |so |ok )?(?:are there|is there|any|got any|have any|anything)"
    rf"(?: (?!(?:for|in|at|on|of|with|to|about)\b)[^ ]+){{0,4}} {_JOB_NOUN}\b"
)
# Words that join the names of a question made of nothing else ("pytorch and jax").
_JOINING = frozenset({"and", "or", "plus"})
# "is anyone hiring an MLOps engineer?", "hiring for a senior data scientist": a role hired now.
_HIRING_BEFORE = re.compile(r"\bhiring(?: for)?(?: an?| any| some)?(?: [^ ]+)? $")
# A preposition before a role puts it in another phrase ("responsibilities of a senior ML engineer role?").
_PREPOSITION = re.compile(r"\b(?:of|for|in|at|on|with|to|about|from|as|by|like)\b")
# A pay word beside a named company asks for its pay, whatever the classifier makes of the rest.
_NAMES_PAY = re.compile(rf"\b{_PAY_TERM}\b")
# What one company asks for and what its jobs involve are in its listings: the guide names no company.
_LISTED_BY_COMPANY = (Intent.skills, Intent.responsibilities)
# The guide's criteria for judging a posting, which apply to any company's job.
_CRITERIA = (Intent.flags, Intent.listing_signals)

# Labels that are not an intent of their own: an elliptical follow-up takes the next reading (the previous
# turn decides in followup.py), a career topic no section covers is a general question the support check refuses.
_LABEL_INTENT = {"followup": None, "other_career": Intent.general}
# A second reading at least this share of the first's probability is shown and may be answered too.
CLOSE = 0.35
OFF_TOPIC = 0.75  # off topic only when the model is this sure
# A classifier this sure of a guide topic is not overruled by the form of the question.
SURE = 0.8


@dataclass
class Decision:
    intent: Intent
    why: str
    scores: dict[str, float] = field(default_factory=dict)
    fragment: bool = False  # the classifier read an elliptical follow-up ("and in the UK?")
    unsupported: bool = False  # the classifier read a career topic no guide section covers
    job_of: str = ""  # the company whose job is shown beside the guide's answer (job_beside)
    close: list[Intent] = field(default_factory=list)  # other intents within CLOSE of the first


def _intent_of(label: str) -> Intent | None:
    return _LABEL_INTENT[label] if label in _LABEL_INTENT else Intent(label)


def _decide(text: _Text, cues: _Cues, readable: str) -> Decision:
    if not readable.strip(" .,;:!?\n\t"):
        return (
            Decision(Intent.off_topic, "only instruction-like text")
            if cues.injection
            else Decision(Intent.general, "nothing asked")
        )
    scores = classifier.classify(readable)
    ranked = list(scores)
    fragment = ranked[0] == "followup"
    if fragment or _names_career(cues) or scores["off_topic"] < OFF_TOPIC:
        # A fragment ("what about Canada?"), a question naming a role, company or skill, or one the model is
        # unsure of, is no unrelated subject: refusing it as off topic would be the worse mistake.
        ranked.remove("off_topic")
    label = next(lbl for lbl in ranked if _intent_of(lbl) is not None)
    if fragment and label == "listings" and not _names_search(cues, text):
        # "what about it?": the previous turn decides (followup.py); with none, a bare fragment naming nothing to
        # search by is no search but a general question, answered by whichever section fits it best. One that
        # names a company, role or skill, or asks for a place as a search ("what's open at GitLab?", "anything
        # in Ireland?"), searches by it.
        why = f"classifier followup {scores['followup']:.2f}: an elliptical follow-up"
        return _routed(Decision(Intent.general, why, scores, fragment=True), text, cues)
    intent = _intent_of(label)
    assert intent is not None
    why = f"classifier {label} {scores[label]:.2f}" + (" after an elliptical follow-up" if fragment else "")
    decision = Decision(intent, why, scores, fragment=fragment, unsupported=label == "other_career")
    decision.close = [
        i
        for lbl in ranked
        if lbl != label
        and scores[lbl] >= CLOSE * scores[label]
        and (i := _intent_of(lbl)) is not None
        and i is not intent
    ]
    return _routed(decision, text, cues)


def _names_postings(decision: Decision, text: _Text) -> bool:
    """A search said as one, when the classifier is not sure of a guide topic and reads a search as close:
    "find/show ... jobs", "any ... openings?" or jobs in the plural outside a question ("principal data
    scientist roles"). Job nouns are everywhere in questions about the work ("vendors posting ML roles: is that
    a real ML job?", "list the red flags in job descriptions"): no form of words overrules a model that barely
    reads a search."""
    if _sure_of_topic(decision) or not _search_close(decision):
        return False
    return bool(_STRONG_LISTING.search(text.norm) or _WEAK_LISTING.search(text.norm)) or (
        bool(_PLURAL_NOUN.search(text.norm)) and not _QUESTION_START.match(text.norm)
    )


def _asks_for_role(text: _Text, cues: _Cues) -> bool:
    """Whether the question asks if postings of a role it names exist ("is there a research engineer role on
    evaluation?"): a search however sure the classifier is of the topic its other words are about."""
    return any(_EXISTS_BEFORE.search(text.norm[: hit.start]) and _job_phrase(text, hit.end) for hit in cues.roles)


def _opens_asking_jobs(text: _Text) -> bool:
    """Whether the question opens by asking if jobs exist, the job noun ending its phrase: a search however little
    the classifier reads one in its other words ("Any senior roles working on VLMs at a self-driving company?")."""
    found = _OPENS_ASKING_JOBS.match(text.norm)
    return found is not None and (text.ends_clause(found.end()) or bool(_ABOUT_JOB.match(text.norm[found.end() :])))


def _hiring_now(text: _Text, cues: _Cues) -> bool:
    """ "is anyone hiring an MLOps engineer?": who is hiring a role now asks for its openings; who hires one in
    general ("who hires remote ML engineers?") is the employers section's question."""
    return any(
        _HIRING_BEFORE.search(text.norm[: hit.start])
        and (text.ends_clause(hit.end) or bool(_ABOUT_JOB.match(text.norm[hit.end :])))
        for hit in cues.roles
    )


def _is_a_job_phrase(text: _Text, cues: _Cues) -> bool:
    """A question that is one noun phrase headed by a job noun ("fraud / identity data science role?"): a role and
    its job noun end it, and nothing before them is a question word or a preposition, which would make the job a
    part of another phrase ("responsibilities of a senior ML engineer role?")."""
    if _QUESTION_START.match(text.norm):
        return False
    for hit in cues.roles:
        noun = _JOB_AFTER.match(text.norm[hit.end :])
        if noun and hit.end + noun.end() == len(text.norm) and not _PREPOSITION.search(text.norm[: hit.start]):
            return True
    return False


def _only_names(text: _Text, cues: _Cues) -> bool:
    """A question of nothing but what a search filters by, a skill, company or role among them ("tensorflow?",
    "GitLab, remote?"): nothing is asked of the guide."""
    if not (cues.skills or cues.companies or cues.roles):
        return False
    spans = cues.spans()
    return all(
        m.group() in _JOINING or any(s < m.end() and m.start() < e for s, e in spans) for m in WORD.finditer(text.norm)
    )


def _job_phrase(text: _Text, end: int) -> bool:
    """Whether a job noun ends the phrase a role word at `end` starts ("AI architect kind of role?")."""
    noun = _JOB_AFTER.match(text.norm[end:])
    if noun is None:
        return False
    after = end + noun.end()
    return text.ends_clause(after) or bool(_ABOUT_JOB.match(text.norm[after:]))


def _search_close(decision: Decision) -> bool:
    """The classifier's search reading is within CLOSE of its first (always, when it has no scores)."""
    if not decision.scores:
        return True
    return decision.scores.get("listings", 0.0) >= CLOSE * max(decision.scores.values())


def _sure_of_topic(decision: Decision) -> bool:
    """The classifier is sure of a guide topic: not of a career subject no section covers ("copywriter jobs open
    worldwide" reads as one), which is no reason to refuse a search said as one."""
    if not decision.scores:
        return False
    label = max(decision.scores, key=decision.scores.__getitem__)
    intent = _intent_of(label)
    return decision.scores[label] >= SURE and intent not in (None, Intent.general, Intent.listings, Intent.off_topic)


def _names_search(cues: _Cues, text: _Text) -> bool:
    """Companies, roles and skills exist only on listings; a place is also a pay market ("what about Canada?" is
    the Canadian row), so it makes a search only when asked for as one ("anything in Ireland?")."""
    return bool(cues.companies or cues.roles or cues.skills or (cues.places and _ASKS_ANY.match(text.norm)))


def _best_guide_reading(decision: Decision) -> Intent | None:
    """The guide topic the classifier ranks first, whatever it ranks above it: "how much does Reddit pay?" is a
    search that is, before anything else, about pay."""
    for label in decision.scores:
        intent = _intent_of(label)
        if intent is not None and intent not in (Intent.listings, Intent.off_topic, Intent.general):
            return intent
    return None


def _names_career(cues: _Cues) -> bool:
    return bool(
        cues.roles or cues.companies or cues.skills or cues.seniority or cues.work_modes or cues.sources or cues.floor
    )


def _routed(decision: Decision, text: _Text, cues: _Cues) -> Decision:
    """What the slots settle whatever the wording: a company's pay, requirements and duties are in its listings,
    pay for a place is the pay table's question whether or not the table has that market, boards, posting ages
    and salary bounds on job nouns are listing filters."""
    if decision.unsupported and _markets(cues)[1] and _best_guide_reading(decision) is Intent.pay:
        # Pay in a market the table lacks reads as a subject the guide does not cover; the pay table still
        # answers it, with the markets it has. In a market it has, the model that read no pay is believed
        # ("severance norms in Germany").
        decision.intent, decision.unsupported = Intent.pay, False
        decision.why = f"pay for a place ({decision.why})"
        if Intent.pay in decision.close:
            decision.close.remove(Intent.pay)
    # Pay must be read, not merely the best of weak guide readings: "any Reddit roles in Canada?" is a search
    # whose runner-up guide topic may be pay, and filtering it to disclosed salaries would hide every role.
    if cues.companies and (
        decision.intent is Intent.pay or Intent.pay in decision.close or _NAMES_PAY.search(text.norm)
    ):
        company = cues.companies[0]
        cues.disclosed = cues.disclosed or _Hit(True, company.quote, company.start, company.end)
        decision.intent, decision.why = Intent.listings, f"pay at company '{company.quote}' ({decision.why})"
    elif cues.companies and decision.intent in _LISTED_BY_COMPANY:
        decision.close.insert(0, decision.intent)
        why = f"{decision.intent.value} at company '{cues.companies[0].quote}'"
        decision.intent, decision.why = Intent.listings, f"{why} ({decision.why})"
    elif cues.companies and decision.intent is Intent.general and _ANY_NOUN.search(text.norm):
        # "Tribe AI's forward deployed architect job: how many years?": no section covers one company's job; its
        # listing may.
        decision.close.insert(0, decision.intent)
        why = f"a job at company '{cues.companies[0].quote}'"
        decision.intent, decision.why, decision.unsupported = Intent.listings, f"{why} ({decision.why})", False
    elif decision.intent not in (Intent.listings, Intent.off_topic) and (
        _names_postings(decision, text)
        or _asks_for_role(text, cues)
        or (not _sure_of_topic(decision) and _opens_asking_jobs(text))
        or _only_names(text, cues)
        or (not _sure_of_topic(decision) and _is_a_job_phrase(text, cues))
        or (_search_close(decision) and _hiring_now(text, cues))
    ):
        decision.close.insert(0, decision.intent)
        decision.intent, decision.why = Intent.listings, f"asks for postings ({decision.why})"
    elif decision.intent not in (Intent.listings, Intent.off_topic) and (
        cues.posted or cues.sources or cues.disclosed or (cues.floor_bound and _ANY_NOUN.search(text.norm))
    ):
        hit = cues.posted or cues.disclosed or (cues.sources[0] if cues.sources else cues.floor)
        assert hit is not None
        decision.close.insert(0, decision.intent)
        decision.intent, decision.why = Intent.listings, f"listing filter '{hit.quote}' ({decision.why})"
        decision.unsupported = False
    asked_of = [c for c in cues.companies if _in_the_asking(text, c)]
    job = job_beside(decision.intent, text, cues)
    if job is not None:
        decision.job_of = job.value
        decision.why += f"; beside a job at '{job.quote}'"
    elif asked_of and decision.intent not in (Intent.listings, Intent.off_topic, Intent.general):
        # "Which system design questions does GitLab ask?": the guide describes the trade, no company's own
        # interviews, levels or rota; answering with the general section would answer another question. A company
        # named beside the question only ("I have an offer from Reddit. What red flags…?") changes nothing.
        decision.unsupported = True
        decision.why += f"; the guide describes no one company ('{asked_of[0].quote}')"
    return decision


def job_beside(intent: Intent, text: _Text, cues: _Cues) -> _Hit[str] | None:
    """The company whose job is shown beside the guide's answer: one the guide's criteria are asked of ("Is the
    Workada data labeling job real ML work by your guide's standards?": its flags judge any company's job), or,
    when no company is asked of, one whose job a sentence that tells names ("Deepgram's research scientist posting
    wants a PhD. Doesn't that contradict the advice?")."""
    if intent in (Intent.listings, Intent.off_topic):
        return None
    asked_of = [c for c in cues.companies if _in_the_asking(text, c)]
    if asked_of:
        return asked_of[0] if intent in _CRITERIA else None
    return _job_told_of(text, cues)


def _job_told_of(text: _Text, cues: _Cues) -> _Hit[str] | None:
    """A company whose job a sentence that tells, not asks, names ("Deepgram's research scientist posting wants a
    PhD.")."""
    telling = [s for s in _SENTENCE_END.split(text.original) if not s.rstrip().endswith("?")]
    return next((c for c in cues.companies for s in telling if c.quote in s and _ANY_NOUN.search(normalized(s))), None)


def _in_the_asking(text: _Text, company: _Hit[str]) -> bool:
    """Whether a company is named in the sentence that asks (one ending in "?"), not in one that tells."""
    sentences = _SENTENCE_END.split(text.original)
    asking = [s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:]
    return any(company.quote in sentence for sentence in asking)
