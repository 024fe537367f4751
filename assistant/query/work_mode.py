"""Work modes named in a question ("remote", "hybrid", "on-site")."""

from __future__ import annotations

import re

from assistant.vocab.listing import WorkMode

from .cues import _Hit, _hits, _negated, _unique
from .text import _Text

_WORK_MODE = re.compile(
    r"(?P<remote>\b(?:(?:fully|full|100%|completely|100 percent) )?remote(?:ly|-first| first)?\b"
    r"|\bwfh\b|\bwork(?:ing)? from home\b)"
    r"|(?P<hybrid>\bhybrid\b)"
    r"|(?P<onsite>\bon[- ]?site\b|\bin[- ]office\b|\bin the office\b|\boffice[- ]based\b|\bin[- ]person\b)"
)


# A mode said to be acceptable rather than wanted: "(office-based is fine too)", "hybrid works as well".
_ACCEPTABLE = re.compile(
    r"^(?: (?!remote|hybrid|on|office|in\b)[^ ]+)? (?:is|are|would be|works?|also) "
    r"(?:fine|ok|okay|good|acceptable|great|welcome|as well|too)\b|^ (?:too|as well|ok|okay|fine)\b"
)


# ... or before it: "happy to be on-site", "open to hybrid", "don't mind working in the office", "ok with remote",
# or said not to be needed: "doesn't have to be remote", "needn't be on-site".
_ACCEPTING = re.compile(
    r"\b(?:(?:happy|willing|open|glad|fine|ok|okay|content)(?: to| with)?(?: be| work| go| do)?"
    r"|(?:don'?t|do not|wouldn'?t|would not) mind|can (?:also )?do"
    r"|(?:(?:doesn'?t|does not|don'?t|do not) (?:have|need) to|needn'?t|need not) be(?: fully)?)"
    r"(?: (?:working|being|going))?(?: an?| the)? $"
)


# ... or asked about the jobs found: "AI infrastructure jobs in Germany? can they be done remote?" wants to
# know each one's mode, and a filter would hide the hybrid ones it asks about.
_ASKED_OF_FOUND = re.compile(
    r"\b(?:can|could|are|is|will|would)(?: any of)? (?:they|it|these|those|them|the (?:jobs?|roles?|positions?))"
    r"(?: be)?(?: (?:done|worked|work|performed))?(?: (?:fully|partly|partially))?(?: an?)? $"
)


def _permissive(text: _Text, hit: _Hit[WorkMode]) -> bool:
    before = text.norm[: hit.start]
    return bool(_ACCEPTABLE.match(text.norm[hit.end :]) or _ACCEPTING.search(before) or _ASKED_OF_FOUND.search(before))


def _work_modes(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit[WorkMode]]:
    """The modes asked for. A mode only said to be acceptable widens the others ("remote, hybrid is fine") and
    alone restricts nothing: "(office-based is fine too)" accepts offices, it does not ask for them."""
    found = _hits(text, _WORK_MODE, lambda m: WorkMode(m.lastgroup), taken)
    hits = _unique([h for h in found if not _negated(text, h, found)])
    return hits if any(not _permissive(text, h) for h in hits) else []
