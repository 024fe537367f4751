"""HTML and Markdown for the web page. Listing text is untrusted: everything from the corpus is escaped here,
so no title, company or description can put markup or script on the page."""

from __future__ import annotations

import re
from html import escape

from assistant.answer.models import Answer, Citation, ListingView
from assistant.answer.extractive import salary_cell
from assistant.models import SOURCE_NAMES, Listing

_MARKER = re.compile(r"\[(\d+)\]")
CONTEXT_CHARS = 280  # passage text shown around a quote in the sources panel


def source_anchor(turn: int | str, n: int) -> str:
    return f"src-{turn}-{n}"


def answer_markdown(answer: Answer, turn: int) -> str:
    """The answer for the chat bubble: text escaped, each [n] a link to its entry in the sources panel."""
    text = link_markers(escape(answer.answer, quote=False), {c.n for c in answer.citations}, turn)
    notices = "".join(f"\n\n> {escape(notice, quote=False)}" for notice in answer.notices)
    return text + notices


def link_markers(text: str, known: set[int], turn: int | str) -> str:
    """Each [n] with a citation becomes a link to its source entry; other brackets stay as they are."""
    def link(match: re.Match) -> str:
        n = int(match.group(1))
        return f'<a class="cite" href="#{source_anchor(turn, n)}">[{n}]</a>' if n in known else match.group(0)

    return _MARKER.sub(link, text)


def guide_link(citation_id: str) -> str:
    """guide:<guide>#<section> → the page that shows the guide, scrolled to the section."""
    guide, _, section = citation_id.removeprefix("guide:").partition("#")
    return f"/guides/{guide}#{section}"


def citation_html(turn: int | str, citation: Citation, passage: str) -> str:
    if citation.kind == "listing":
        source = citation.id.split(":")[1]
        board, href = SOURCE_NAMES.get(source, source), citation.url
    else:
        board, href = "role guide", guide_link(citation.id)
    link = f'<a href="{escape(href or "")}" target="_blank" rel="noopener noreferrer">{escape(citation.title)}</a>'
    return (f'<div class="source" id="{source_anchor(turn, citation.n)}">'
            f'<div class="source-head"><b>[{citation.n}]</b> {link} '
            f'<span class="source-kind">{citation.kind} · {escape(board)}</span></div>'
            f'<blockquote>{highlight(passage, citation.quote)}</blockquote></div>')


def highlight(passage: str, quote: str) -> str:
    """The quote marked inside a window of the passage it came from."""
    at = passage.find(quote)
    if at < 0:
        return f"<mark>{escape(quote)}</mark>"
    start, end = max(0, at - CONTEXT_CHARS), min(len(passage), at + len(quote) + CONTEXT_CHARS)
    before = ("…" if start else "") + passage[start:at]
    after = passage[at + len(quote):end] + ("…" if end < len(passage) else "")
    return f"{escape(before)}<mark>{escape(quote)}</mark>{escape(after)}"


def sources_html(turns: list[tuple[int, Answer]], passage_for) -> str:
    """Every answer's sources, newest first; `passage_for(citation)` gives the text its quote came from."""
    if not any(answer.citations for _, answer in turns):
        return '<div class="sources-empty">Sources appear here: click a [n] in an answer to jump to its passage.</div>'
    groups = []
    for turn, answer in reversed(turns):
        if answer.citations:
            items = "".join(citation_html(turn, c, passage_for(c)) for c in answer.citations)
            groups.append(f'<div class="source-group"><div class="source-question">{escape(answer.question)}</div>'
                          f"{items}</div>")
    return "".join(groups)


LISTING_COLUMNS = ("Role", "Company", "Location · work mode", "Salary", "Seniority", "Posted", "Source")


def listings_html(views: list[ListingView], listings: dict[str, Listing]) -> str:
    if not views:
        return ""
    rows = []
    for view in views:
        listing = listings.get(view.id)
        seniority = listing.seniority.value if listing else "unknown"
        cells = (f'<a href="{escape(view.url)}" target="_blank" rel="noopener noreferrer">{escape(view.title)}</a>',
                 escape(view.company), f"{escape(view.location)} · {escape(view.work_mode)}",
                 escape(salary_cell(view)), escape(seniority), escape((view.posted_at or "—")[:10]),
                 escape(SOURCE_NAMES.get(view.source, view.source)))
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head = "".join(f"<th>{column}</th>" for column in LISTING_COLUMNS)
    return (f'<table class="listings"><caption>{len(views)} matching listing{"s" if len(views) > 1 else ""}'
            f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
