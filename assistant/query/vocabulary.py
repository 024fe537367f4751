"""The words the extractors read: the job nouns, and the vocabulary a company name can never be."""

from __future__ import annotations

import re

from assistant.vocab.boards import SOURCE_NAMES

from .places import _NOT_PLACE, _PLACE_WORDS
from .roles import _ROLE
from .salary import _CURRENCY_WORDS
from .seniority import _SENIORITY
from .skills import _SKILL
from .sources import _SOURCE
from .text import _VARIANTS, WORD, _Text
from .work_mode import _WORK_MODE

# Not where the noun names an activity or a place to look ("job hunting", "job search", "the job market").
_JOB_NOUN = (
    r"(?:jobs?|roles?|openings?|positions?|listings?|vacanc(?:y|ies)|postings?|opportunit(?:y|ies)|gigs?|reqs"
    r"|internships)(?! (?:hunt|search|seek|market)\w*)"
)

_ANY_NOUN = re.compile(rf"\b{_JOB_NOUN}\b")


def names_a_job(question: str) -> bool:
    """Whether a question says job, role, posting or the like ("for that Raft MLOps role, ...")."""
    from .text import normalized

    return bool(_ANY_NOUN.search(normalized(question)))


# Every word a pattern of this package looks for, so capitalized vocabulary ("Senior", "Remote", "Find") is never
# read as a company name.
_VOCABULARY = (
    frozenset(
        """
    find show list search browse look looking get give send pull fetch recommend suggest hunt filter need want any are
    there is got have anything which what who where when why how can could would should will do does did the a an
    and or of in on at to for from with by about me my you your i we us our they them their these those ones some all
    senior junior staff principal lead leads manager managers head director intern interns internship mid entry level
    remote remotely hybrid onsite office fully first jobs job roles role openings opening positions position listings
    listing vacancies vacancy postings posting opportunities opportunity gigs ml ai machine learning mlops engineer
    engineers engineering data science scientist scientists research researcher applied nlp llm llms deep vision
    computer software backend frontend platform infra infrastructure salary salaries pay paying paid earn make over
    above at least more than posted today recent recently latest new week month year please hey hi hello thanks thank
    just only also that this it its be been being like ok okay yes no not europe worldwide global anywhere
    companies company employers employer startups startup firms series saas tech big small top best good great
    disclose state stating states transparency range ranges based near around across within outside
    red green flags flag interview interviews hiring process skills promotion python help tell explain describe
    """.split()
    )
    | frozenset(_VARIANTS)
    | frozenset(s.lower() for s in SOURCE_NAMES.values())
)


def _unread(text: _Text, spans: list[tuple[int, int]]) -> list[str]:
    """The question's words outside every cue's span that are no extractor's vocabulary, in order: what it asks
    of a listing beyond its filters ("... that need a security clearance" asks for the clearance)."""
    words = (m for m in WORD.finditer(text.norm) if not any(s < m.end() and m.start() < e for s, e in spans))
    return [m.group() for m in words if not _is_vocabulary(m.group())]


def _is_vocabulary(word: str) -> bool:
    """A word some extractor reads, so that "Senior", "Remote", "PyTorch" or "NLP" is never a company."""
    if word in _VOCABULARY or word in _NOT_PLACE or word in _CURRENCY_WORDS or word in _PLACE_WORDS:
        return True
    return any(p.fullmatch(word) for p in (_SKILL, _ROLE, _SENIORITY, _WORK_MODE, _SOURCE, _ANY_NOUN))
