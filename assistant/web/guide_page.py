"""A role guide as a web page, so a guide citation can link to its section like a listing links to its board."""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt

from assistant.corpus.guides import Guide

# html=False: even our own guides are rendered without raw HTML, and user-added guides may come from anywhere.
_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def guide_html(guide: Guide) -> str:
    body = []
    for section in guide.sections:
        tag = f"h{min(section.level, 6)}"
        body.append(f'<{tag} id="{escape(section.id)}">{escape(section.title)}</{tag}>')
        body.append(_markdown.render(section.text))
    sources = "".join(f"<li>{escape(source.title)}</li>" for source in guide.sources)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(guide.title)}</title>"
        f"<style>{_STYLE}</style></head><body><main><p><a href='/'>← career-assistant</a></p>"
        f"{''.join(body)}<h2>Sources</h2><ul>{sources}</ul></main></body></html>"
    )


_STYLE = re.sub(
    r"\s+",
    " ",
    """
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
:target { background: #fff3bf; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3rem .6rem; }
""",
)
