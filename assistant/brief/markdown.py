"""The brief as a Markdown document to download: a heading per part, `[n]` markers, numbered sources at the end.

Listing titles, descriptions, company names and candidate notes are untrusted, so every piece of text that
did not come from this module is escaped: `<img src=x onerror=alert(1)>` reads as text in any renderer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from assistant.brief.models import InterviewBrief, Statement

S = TypeVar("S", bound=Statement)

_MARKUP = re.compile(r"([\\`*_\[\]|~])")
# A heading or a list opened inside a list item: "\#", "\-" and "1\." keep them text.
_BLOCK_START = re.compile(r"^(?:(#|[-+](?=\s))|(\d+)([.)])(?=\s))")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$")


def escape(text: str) -> str:
    """Inert Markdown and HTML: one line (a newline could start a heading), entities, then markup escaped."""
    inert = _MARKUP.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", inert)


def link(url: str | None) -> str:
    return f"<{url}>" if url and _SAFE_URL.match(url) else escape(url or "")


def markers(cites: list[int]) -> str:
    return " ".join(f"[{n}]" for n in cites)


def line(statement: Statement, label: str | None = None) -> str:
    """A statement with its markers; a leading "label:" is set in bold."""
    text = statement.text
    if label and text.lower().startswith(f"{label.lower()}:"):
        head, rest = text[: len(label) + 1], text[len(label) + 1 :]
        return f"**{escape(head)}** {escape(rest)} {markers(statement.cites)}"
    return f"{escape(text)} {markers(statement.cites)}"


def bullets(
    statements: Iterable[S], none: str = "None.", label: Callable[[S], str | None] = lambda s: None
) -> list[str]:
    return [f"- {line(s, label(s))}" for s in statements] or [f"_{none}_"]


def to_markdown(brief: InterviewBrief) -> str:
    parts = [
        _title(brief),
        _summary(brief),
        _must_haves(brief),
        _stages(brief),
        _ownership(brief),
        _pay(brief),
        _flags(brief),
        _notes(brief),
        _notices(brief),
        _sources(brief),
    ]
    return "\n\n".join("\n".join(part) for part in parts if part) + "\n"


def _title(brief: InterviewBrief) -> list[str]:
    lines = [f"# Interview brief: {escape(brief.title)}", ""]
    if brief.subject_kind == "listing":
        lines.append(f"Listing {escape(brief.subject_id)} at {escape(brief.company or '')} · {link(brief.url)}  ")
    lines.append(
        f"Benchmarked against the role guide {escape(brief.guide_id)}. Every statement cites its "
        "source; the sources are listed at the end."
    )
    return lines


def _summary(brief: InterviewBrief) -> list[str]:
    return ["## Role summary", "", *bullets(brief.role_summary)]


def _must_haves(brief: InterviewBrief) -> list[str]:
    none = (
        "The listing has no description text, only its title and facts, so there are no skills to read from "
        "it; ask the hiring team for the job description."
        if brief.no_description
        else "No skills found."
    )
    return ["## Must-have skills", "", *bullets(brief.must_haves, none, lambda m: m.skill)]


def _stages(brief: InterviewBrief) -> list[str]:
    lines = ["## Suggested interview stages", "", *(f"- {line(s)}" for s in brief.stage_notes), ""]
    for n, stage in enumerate(brief.stages, 1):
        lines.append(f"{n}. **{escape(stage.name)}**")
        lines += [f"   - {line(probe)}" for probe in stage.probes]
    return lines


def _ownership(brief: InterviewBrief) -> list[str]:
    questions = [f"{n}. {line(q)}" for n, q in enumerate(brief.ownership_questions, 1)]
    return ["## Questions that test production ownership", "", *(questions or ["_None._"])]


def _pay(brief: InterviewBrief) -> list[str]:
    pay = brief.pay
    lines = ["## Pay benchmark", ""]
    if pay.market:
        lines.append(f"Market: **{escape(pay.market)}**")
        lines.append("")
    return lines + bullets(pay.statements(), "The guide has no pay table.")


def _flags(brief: InterviewBrief) -> list[str]:
    in_listing = brief.subject_kind == "listing"
    red = "Red flags found in the listing" if in_listing else "Red flags to look for"
    green = "Green flags found in the listing" if in_listing else "Green flags to look for"
    none = "None found among the signals the guide names."
    return [
        f"## {red}",
        "",
        *bullets(brief.red_flags, none, lambda f: f.label),
        "",
        f"## {green}",
        "",
        *bullets(brief.green_flags, none, lambda f: f.label),
    ]


def _notes(brief: InterviewBrief) -> list[str]:
    if not brief.notes_given:
        return []
    return [
        "## Candidate notes",
        "",
        "### Where the notes match",
        "",
        *bullets(brief.notes_match, "No must-have is mentioned.", lambda m: m.skill),
        "",
        "### Gaps to ask about",
        "",
        *bullets(brief.notes_gaps, "None.", lambda m: m.skill),
    ]


def _notices(brief: InterviewBrief) -> list[str]:
    return ["## Notes on this brief", "", *(f"- {escape(n)}" for n in brief.notices)] if brief.notices else []


def _sources(brief: InterviewBrief) -> list[str]:
    lines = ["## Sources", ""]
    for c in brief.citations:
        where = f" · {link(c.url)}" if c.url else ""
        lines.append(f"{c.n}. **{escape(c.title)}** ({escape(c.id)}){where}")
        lines += [f"   > {escape(part)}" for part in c.quote.split("\n") if part.strip()]
    return lines
