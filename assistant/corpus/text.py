"""Turning the boards' HTML and broken encodings into clean plain text."""

from __future__ import annotations

import html
import re

import ftfy
import html2text

# html2text escapes Markdown's special characters ("1\.", "\-"); in plain text they are noise.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
# Linear patterns: a run may only start where it starts (the lookbehind), and a newline is matched by one
# part only, so no run of spaces or newlines is rescanned from each of its positions.
_BLANK_RUNS = re.compile(r"\n(?:[^\S\n]*\n){2,}")
_TRAILING_SPACE = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]+\n")
_MARKUP_SPACE = re.compile(r"[ \t\n\r\f\v]+")  # HTML's white space: ASCII only, a no-break space stays
_BULLET = re.compile(r"^[ \t]*[*+] ", re.M)
_RULE = re.compile(r"^[ \t]*(\* ){2,}\*[ \t]*$", re.M)


def fix_text(value: str | None) -> str:
    """Repair mojibake (Remote OK double-encodes UTF-8) and decode entities left in plain fields."""
    if not value:
        return ""
    return ftfy.fix_text(html.unescape(value)).strip()


def _converter() -> html2text.HTML2Text:
    # A fresh converter each call: HTML2Text keeps state between handle() calls.
    conv = html2text.HTML2Text()
    conv.ignore_links = True
    conv.ignore_images = True  # logos and tracking pixels
    conv.ignore_emphasis = True
    conv.ignore_tables = True
    conv.body_width = 0
    conv.unicode_snob = True
    return conv


def html_to_text(markup: str | None) -> str:
    """HTML to readable plain text: paragraphs and list items on their own lines, no markup."""
    if not markup:
        return ""
    # HTML treats a run of white space as one; html2text's own handling of a long run is quadratic
    # ("\n\n " × 8,000 took 16 s), so runs are made single first. <pre> is the exception and boards send none.
    # ftfy first: a no-break space can be part of the mojibake it repairs.
    markup = _MARKUP_SPACE.sub(lambda run: "\n" if "\n" in run.group() else " ", ftfy.fix_text(markup))
    text = _converter().handle(markup)
    text = _MD_ESCAPE.sub(r"\1", text).replace("\u00a0", " ")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BULLET.sub("- ", _RULE.sub("", text))
    text = _BLANK_RUNS.sub("\n\n", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()).strip()


def squash_spaces(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()
