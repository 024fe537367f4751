"""Assembly: reads a question with every other module and builds the `Understood` shown to the user."""

from __future__ import annotations

from datetime import date

from assistant.vocab.boards import SOURCE_NAMES

from .companies import Employers
from .cues import _Cues
from .extract import _extract
from .injection import _blank_injection
from .intent import Decision, _decide, job_beside
from .listing import _BENEFITS
from .listing_filters import _days_text, _listing_filters
from .markets import _markets
from .results import Filters, Intent, Understood
from .text import _Text, _tokenize
from .vocabulary import _unread


def _not_applied(cues: _Cues) -> str | None:
    """Listing cues a guide question named: shown, so the user sees why they did not filter anything."""
    named = [f"seniority {h.value.value}" for h in cues.seniority]
    named += [f"work mode {h.value.value}" for h in cues.work_modes]
    named += [f"employment {h.value.value.replace('_', ' ')}" for h in cues.employment]
    named += [f"skill {h.value}" for h in cues.skills] + [f"company {h.value}" for h in cues.companies]
    named += [f"source {SOURCE_NAMES[h.value]}" for h in cues.sources]
    named += [f"salary amount '{cues.floor.quote}'"] if cues.floor else []
    named += [f"posted within {_days_text(cues.posted.value)}"] if cues.posted else []
    return f"not applied: {', '.join(named)} (listing filters; this is a guide question)" if named else None


def understand(
    question: str, *, today: date | None = None, intent: Intent | None = None, employers: Employers | None = None
) -> Understood:
    """The intent of a question and the filters it names, with one explanation line per filter or decision.

    `today` dates the ECB rate a salary floor is converted at (today's date when not given). `intent` reads
    the question as that intent instead of deciding one: a follow-up ("what about staff level?") is read
    in the light of the previous turn, so its cues land as that turn's kind of filters. `employers`: the indexed
    listings' companies, read by name (without them, only known employers and proper nouns are companies).
    """
    question = question or ""
    readable, injection = _blank_injection(question)
    text = _tokenize(question, readable)
    cues = _extract(text, today or date.today(), injection, employers)
    decision = _decide(text, cues, readable) if intent is None else _forced(intent, text, cues)
    head = [f"intent: {decision.intent.value} ({decision.why})"]
    head += [f"also close: {', '.join(i.value for i in decision.close)}"] if decision.close else []
    head += [f"ignored: instruction-like text '{q}'" for q in injection]
    if decision.intent is Intent.off_topic:
        understood = Understood(question=question, intent=decision.intent, filters=Filters(), explanation=head)
    elif decision.intent is Intent.listings:
        understood = _listing_result(question, decision.intent, cues, head, _unread(text, cues.spans()))
    else:
        understood = _guide_result(question, decision.intent, cues, head)
        understood.subjects = list(dict.fromkeys(m.group() for m in _BENEFITS.finditer(text.norm)))
        understood.figure = cues.floor.value if cues.floor else None
    return understood.model_copy(
        update={
            "scores": {k: round(v, 3) for k, v in decision.scores.items()},
            "close": decision.close,
            "fragment": decision.fragment,
            "unsupported": decision.unsupported,
            "job_of": decision.job_of,
        }
    )


def _forced(intent: Intent, text: _Text, cues: _Cues) -> Decision:
    """A follow-up read as the previous turn's intent, with the job it names beside ("would the Lemon.io post count
    as one of those?" after the red flags)."""
    decision = Decision(intent, "read as a follow-up")
    job = job_beside(intent, text, cues)
    decision.job_of = job.value if job else ""
    return decision


def _shared_lines(cues: _Cues) -> list[str]:
    lines = [f"role: {h.value[0]} (from '{h.quote}')" for h in cues.roles]
    return lines + ([f"comparison: yes (from '{cues.comparison.quote}')"] if cues.comparison else [])


def _listing_result(question: str, intent: Intent, cues: _Cues, head: list[str], asked: list[str]) -> Understood:
    filters, filter_lines = _listing_filters(cues)
    asked_line = [f"asks of the listings: {' '.join(asked)}"] if asked else []
    return Understood(
        question=question,
        intent=intent,
        filters=filters,
        comparison=cues.comparison is not None,
        role_terms=[h.value[0] for h in cues.roles],
        asked=asked,
        employment=[h.value for h in cues.employment],
        level_asked=cues.level_asked is not None,
        explanation=[*head[:1], "kind: listing", *head[1:], *_shared_lines(cues), *filter_lines, *asked_line]
        + ([f"level: asked of the jobs found, shown (from '{cues.level_asked.quote}')"] if cues.level_asked else []),
    )


def _guide_result(question: str, intent: Intent, cues: _Cues, head: list[str]) -> Understood:
    markets, unknown, market_lines = _markets(cues)
    skipped = _not_applied(cues)
    return Understood(
        question=question,
        intent=intent,
        filters=Filters(kind="guide"),
        markets=markets,
        unknown_markets=unknown,
        currencies=cues.currencies,
        comparison=cues.comparison is not None,
        role_terms=[h.value[0] for h in cues.roles],
        levels=[h.value for h in cues.seniority],
        explanation=[*head[:1], "kind: guide", *head[1:], *_shared_lines(cues), *market_lines]
        + ([f"pay wanted in: {', '.join(cues.currencies)}"] if cues.currencies else [])
        + ([skipped] if skipped else []),
    )
