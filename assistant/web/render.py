"""HTML and Markdown for the web page. Listing text is untrusted: everything from the corpus is escaped here,
so no title, company or description can put markup or script on the page, and no URL but an http(s) one
becomes a link."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from html import escape

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from assistant.answer.extractive.listings import safe_url
from assistant.answer.models import Answer, Citation
from assistant.vocab.boards import SOURCE_NAMES

_MARKER = re.compile(r"\[(\d+)\]")
# Quoted spans are marked in the passage's Markdown source with two private-use characters, which the
# renderer passes through as text, then turned into <mark> tags: the highlight survives tables and emphasis.
_OPEN, _CLOSE = "\ue000", "\ue001"
_SPLIT_AT = re.compile(r"[|\n]")  # a highlight never spans a table cell edge or a line
_LINE_LEAD = re.compile(r"^(?:\s*(?:[-*+•]|\d+[.)]|#{1,6})\s+|\s+)")


def _markdown() -> MarkdownIt:
    # html=False: raw HTML in a passage is shown as text; images are not loaded (a listing could track readers);
    # links only to http(s) addresses, opened in a new tab.
    # breaks: a listing chunk's facts header is one fact a line, which plain Markdown would run together.
    md = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable("table").disable("image")
    # markdown-it documents overriding validateLink on an instance; its stubs declare it a method
    md.validateLink = lambda url: bool(safe_url(url) or url.startswith("#"))  # type: ignore[method-assign]

    def link_open(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        tokens[idx].attrSet("target", "_blank")
        tokens[idx].attrSet("rel", "noopener noreferrer nofollow")
        return renderer.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


_MD = _markdown()


def source_anchor(turn: int | str, n: int) -> str:
    return f"src-{turn}-{n}"


def answer_markdown(answer: Answer, turn: int) -> str:
    """The answer for the chat bubble: text escaped, each [n] a link to its entry in the sources panel."""
    text = link_markers(escape(answer.answer, quote=False), {c.n for c in answer.citations}, turn)
    notices = "".join(f"\n\n> {escape(notice, quote=False)}" for notice in answer.notices)
    return text + notices


def link_markers(text: str, known: set[int], turn: int | str) -> str:
    """Each [n] with a citation becomes a link to its source entry; other brackets stay as they are."""

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f'<a class="cite" href="#{source_anchor(turn, n)}">[{n}]</a>' if n in known else match.group(0)

    return _MARKER.sub(link, text)


def guide_link(citation_id: str) -> str:
    """guide:<guide>#<section> → the page that shows the guide, scrolled to the section."""
    guide, _, section = citation_id.removeprefix("guide:").partition("#")
    return f"/guides/{guide}#{section}"


def _href(citation: Citation) -> str | None:
    return guide_link(citation.id) if citation.kind == "guide" else safe_url(citation.url)


def citation_html(turn: int | str, citation: Citation, passage: str) -> str:
    """One source entry for one citation (the brief's panel)."""
    return passage_html(turn, [citation], passage)


def passage_html(turn: int | str, citations: list[Citation], passage: str) -> str:
    """One source entry for a passage and every citation quoting it: the passage rendered as Markdown (tables as
    tables), each quoted span highlighted, an anchor per citation number so each [n] lands here."""
    first = citations[0]
    if first.kind == "listing":
        source = first.id.split(":")[1]
        board = SOURCE_NAMES.get(source, source)
    else:
        board = "role guide"
    href = _href(first)
    title = escape(first.title)
    link = f'<a href="{escape(href)}" target="_blank" rel="noopener noreferrer nofollow">{title}</a>' if href else title
    numbers = " ".join(f"<b>[{c.n}]</b>" for c in citations)
    anchors = "".join(f'<span class="source-anchor" id="{source_anchor(turn, c.n)}"></span>' for c in citations)
    return (
        f'<div class="source">{anchors}<div class="source-head">{numbers} {link} '
        f'<span class="source-kind">{escape(first.kind)} · {escape(board)}</span></div>'
        f'<div class="passage">{highlight(passage, [c.quote for c in citations])}</div></div>'
    )


def highlight(passage: str, quotes: list[str] | str) -> str:
    """The passage as Markdown with every quote marked; a quote not in the passage is shown marked on its own."""
    quotes = [quotes] if isinstance(quotes, str) else quotes
    text = passage.replace(_OPEN, "").replace(_CLOSE, "")
    spans = _merge([(at, at + len(q)) for q in quotes if q and (at := text.find(q)) >= 0])
    missing = [q for q in quotes if q and q not in text]
    marked, last = [], 0
    for start, end in spans:
        marked.append(text[last:start])
        marked.append(_mark_span(text[start:end]))
        last = end
    marked.append(text[last:])
    html: str = _MD.render("".join(marked)).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    extra = "".join(f"<p><mark>{escape(q)}</mark></p>" for q in missing)
    return extra + html


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _mark_span(span: str) -> str:
    """Sentinels around each piece of the span between cell edges and line breaks, inside any list marker or
    indentation, so the Markdown structure around them is unchanged."""
    pieces = _SPLIT_AT.split(span)
    separators = _SPLIT_AT.findall(span)
    out = []
    for n, piece in enumerate(pieces):
        lead = _LINE_LEAD.match(piece)
        cut = lead.end() if lead else 0
        body = piece[cut:].rstrip()
        trail = piece[cut + len(body) :]
        out.append(piece[:cut] + (f"{_OPEN}{body}{_CLOSE}" if body.strip() else body) + trail)
        if n < len(separators):
            out.append(separators[n])
    return "".join(out)


def group_by_passage(answer: Answer, passage_for: Callable[[Citation], str]) -> list[tuple[str, list[Citation]]]:
    """The answer's citations grouped by the passage they quote, in order of first citation."""
    groups: dict[tuple[str, str], list[Citation]] = {}
    passages: dict[tuple[str, str], str] = {}
    for citation in answer.citations:
        passage = passage_for(citation)
        key = (citation.id, passage)
        groups.setdefault(key, []).append(citation)
        passages[key] = passage
    return [(passages[key], cited) for key, cited in groups.items()]


EMPTY_SOURCES = (
    '<div class="sources-scroll"><div class="sources-empty">Sources appear here: click a [n] in an '
    "answer to jump to its passage.</div></div>"
)


def sources_html(turns: list[tuple[int, Answer]], passage_for: Callable[[Citation], str]) -> str:
    """Every answer's sources, newest first, one entry per passage, inside the panel's own scroll box."""
    if not any(answer.citations for _, answer in turns):
        return EMPTY_SOURCES
    groups = []
    for turn, answer in reversed(turns):
        if answer.citations:
            items = "".join(
                passage_html(turn, cited, passage) for passage, cited in group_by_passage(answer, passage_for)
            )
            groups.append(
                f'<div class="source-group"><div class="source-question">{escape(answer.question)}</div>{items}</div>'
            )
    return f'<div class="sources-scroll">{"".join(groups)}</div>'


def freshness_line(listings: int, snapshot_at: datetime | None, boards: int, today: date | None = None) -> str:
    """ "Listings from 2026-07-17 (137 days ago); 818 listings from 5 boards": how old what the chat searches is."""
    if snapshot_at is None:
        return f"No listings snapshot yet; {listings:,} listings."
    day = snapshot_at.date()
    days = ((today or datetime.now(UTC).date()) - day).days
    age = "today" if days <= 0 else f"{days:,} day{'s' if days != 1 else ''} ago"
    return (
        f"Listings from {day.isoformat()} ({age}); {listings:,} listings from {boards} "
        f"board{'s' if boards != 1 else ''}."
    )
