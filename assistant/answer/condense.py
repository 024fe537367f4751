"""Follow-ups with an LLM: llama-index's condense step rewrites them into a standalone question, guarded by the rules.

"and in the UK?" after a German pay question goes to the model with llama-index's own condense prompt (the one
CondenseQuestionChatEngine uses) and comes back as "What do senior ML engineers earn in the United Kingdom?",
which understand() then reads like any question. The rewrite is not trusted: a failed request, or a rewrite
that is empty, overlong, brings figures nobody asked about (the model answered instead of rewriting), drops
a place, work mode or level the follow-up names, or is about something else, falls back to the rules of
followup.py with a notice. A pointer at a listing ("the second one") always goes to the rules: only they know
the ids of the previous answer's listings.
"""

from __future__ import annotations

import dataclasses
import re

from llama_index.core.base.llms.generic_utils import messages_to_history_str
from llama_index.core.base.llms.types import ChatMessage, MessageRole
from llama_index.core.chat_engine.condense_question import DEFAULT_PROMPT

from assistant.answer.followup import Resolved, Turn, merge_filters, resolve
from assistant.answer.llm import LLMError, predict, shorten
from assistant.query import Employers, Intent, Understood, understand
from assistant.query.markets import GLOBAL_MARKET
from assistant.settings import Settings
from assistant.vocab.places import country_name, resolve_place

MAX_TOKENS = 96  # one question; a model that goes on is answering, not rewriting
HISTORY_EXCHANGES = 3
MAX_GROWTH = 3  # a rewrite may be this many times as long as the follow-up and the question before it
_FIGURE = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"[a-z]{3,}")
_COMMON = frozenset("the and what about how for are which with does that this those these you your".split())
_LABEL = re.compile(r"^\s*(?:<?standalone question>?\s*:?)\s*", re.I)


def resolve_follow_up(
    understood: Understood, history: list[Turn], settings: Settings, employers: Employers | None = None
) -> Resolved:
    """The model's standalone rewrite of a follow-up when it passes the guard, else the rules' reading."""
    ruled = resolve(understood, history, employers)
    if not history or ruled.listing_ids:
        return ruled
    try:
        standalone = condense(understood.question, history, settings)
    except LLMError as error:
        return _fallback(ruled, str(error))
    reread = understand(standalone, employers=employers)
    problem = _implausible(standalone, reread, understood, history)
    if problem:
        return _fallback(ruled, problem)
    if ruled.understood.intent is Intent.listings:
        reread = _as_search(standalone, ruled.understood, employers)
    note = None if standalone == understood.question else f"Follow-up read as: {standalone}"
    return Resolved(reread, note=note)


def _as_search(standalone: str, ruled: Understood, employers: Employers | None) -> Understood:
    """A search stays a search, and keeps the filters the rules carried over unless the rewrite names others:
    read from words again, a long sentence can hide one ("Which ML jobs in the US state a salary?")."""
    reread = understand(standalone, intent=Intent.listings, employers=employers)
    reread.filters = merge_filters(ruled.filters, reread.filters, replace=True)
    return reread


def condense(question: str, history: list[Turn], settings: Settings) -> str:
    """llama-index's condense step (CondenseQuestionChatEngine._condense_question) on our client; raises LLMError."""
    messages = []
    for turn in history[-HISTORY_EXCHANGES:]:
        messages += [
            ChatMessage(role=MessageRole.USER, content=shorten(turn.question)),
            ChatMessage(role=MessageRole.ASSISTANT, content=shorten(turn.answer)),
        ]
    text = predict(
        DEFAULT_PROMPT,
        settings,
        max_tokens=MAX_TOKENS,
        question=question,
        chat_history=messages_to_history_str(messages),
    )
    lines = _LABEL.sub("", text).strip().splitlines()  # a model that explains itself: its first line is the rewrite
    return lines[0].strip().strip("\"'“”").strip() if lines else ""


def _implausible(standalone: str, reread: Understood, understood: Understood, history: list[Turn]) -> str | None:
    """Why the rewrite cannot stand for the follow-up, or None when it can."""
    previous = history[-1].question
    if not standalone:
        return "it gave no question"
    if len(standalone) > MAX_GROWTH * (len(understood.question) + len(previous)):
        return "its rewrite was far longer than the conversation"
    asked = " ".join(turn.question for turn in history) + " " + understood.question
    if {_digits(f) for f in _FIGURE.findall(standalone)} - {_digits(f) for f in _FIGURE.findall(asked)}:
        return "its rewrite had figures nobody asked about"
    off_topic = reread.intent is Intent.off_topic and understood.intent is not Intent.off_topic
    if off_topic or not _words(standalone) & _words(asked + " " + history[-1].answer):
        return "its rewrite was about something else"
    lost = _cues(understood) - _cues(reread)
    if lost:  # a small model tends to repeat the previous question, dropping the place the follow-up names
        return f"its rewrite dropped {', '.join(sorted(country_name(c) if c.isupper() else c for c in lost))}"
    return None


def _cues(understood: Understood) -> set[str]:
    """The places (as countries and regions, however named), work modes and levels a question asks for."""
    filters = understood.filters
    cues = {
        *filters.countries,
        *filters.regions,
        *(m.value for m in filters.work_modes),
        *(s.value for s in filters.seniority),
    }
    for name in [*understood.markets, *understood.unknown_markets]:
        place = resolve_place("worldwide" if name == GLOBAL_MARKET else name)
        cues |= {*place.countries, *place.regions} if place else {name}
    return cues


def _digits(figure: str) -> str:
    """ "150k" and "150,000" are one amount: compare the significant digits."""
    return re.sub(r"\D", "", figure).rstrip("0")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower())) - _COMMON


def _fallback(ruled: Resolved, why: str) -> Resolved:
    said = f"The language model could not rewrite the follow-up ({why})"
    note = f"{ruled.note} {said}, so the rules read it." if ruled.note else f"{said}; it was read as asked."
    return dataclasses.replace(ruled, note=note)
