"""Decides a question's intent: off topic first, then a listing trigger, then the first guide topic, else general."""

from __future__ import annotations

import re

from .cues import _Cues, _Hit
from .listing import _listing_trigger
from .results import Intent
from .text import _Text
from .topics import _guide_topic

_OFF_TOPIC = re.compile(
    r"\b(?:weather|forecast|rain\w*|snow\w*|temperature|sunny|recipes?|cook\w*|bak(?:e|ing)|pasta|pizza|food|dinner"
    r"|lunch|breakfast|restaurants?|sports?|football|soccer|basketball|baseball|cricket|tennis|world cup|super bowl"
    r"|nba|nfl|olympics|who won|score|movies?|films?|tv shows?|music|songs?|lyrics|jokes?|poems?|horoscope|astrology"
    r"|capital of|president|elections?|politics|celebrity|dating|girlfriend|boyfriend|bitcoin|crypto\w*|lottery"
    r"|flights?|hotels?|vacation|translate|homework|riddle|games?)\b"
)
# Any of these makes a question about careers, whatever else it mentions.
_CAREER = re.compile(
    r"\b(?:jobs?|careers?|roles?|positions?|openings?|listings?|vacanc\w+|interview\w*|hir\w+|recruit\w*|pay\w*"
    r"|paid|salar\w+|compensation|earn\w*|wages?|income|ml|ai|machine learning|engineer\w*|data|scien\w+|compan\w+"
    r"|employ\w*|work\w*|remote\w*|skills?|promot\w*|resume|cv|offers?|phd|degree|senior|junior|staff|mlops"
    r"|models?|python|apply\w*|applications?|teams?|manager|startups?|industry|guide|red flags?|green flags?)\b"
)


def _is_off_topic(text: _Text, cues: _Cues) -> str | None:
    """The reason a question is off topic: an unrelated subject and no career word, or nothing but instructions."""
    career = _CAREER.search(text.norm) or cues.roles or cues.skills
    if career:
        return None
    unrelated = _OFF_TOPIC.search(text.norm)
    if unrelated:
        return f"from '{text.quote(*unrelated.span())}'"
    if cues.injection and not cues.places:
        return "only instruction-like text"
    return None


def _decide(text: _Text, cues: _Cues) -> tuple[Intent, str]:
    off_topic = _is_off_topic(text, cues)
    if off_topic:
        return Intent.off_topic, off_topic
    topic = _guide_topic(text.norm)
    trigger = _listing_trigger(text, cues, topic)
    if trigger:
        return Intent.listings, f"from '{text.quote(*trigger)}'"
    if topic and topic[0] is Intent.pay and cues.companies:
        # The guide has no pay by company; the company's listings that state a salary do.
        words = text.quote(*topic[1].span())
        cues.disclosed = cues.disclosed or _Hit(True, words, *topic[1].span())
        return Intent.listings, f"from '{words}' with company '{cues.companies[0].quote}'"
    if topic:
        return topic[0], f"from '{text.quote(*topic[1].span())}'"
    return Intent.general, "no specific topic named"
