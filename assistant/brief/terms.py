"""Finding a skill in a piece of text: as a whole word, or as the skills vocabulary spells it another way.

The vocabulary is the one that extracted the listing's skills, so "py torch" in a description or "k8s" in
a candidate's notes counts as PyTorch or Kubernetes exactly as it did when the listing was enriched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.corpus.listings.enrich.skills import SKILLS, skills

EXCERPT = 160  # characters of context shown around a skill in a statement
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_TOKEN = re.compile(r"[\w+#./-]*\w[+#]*")


@lru_cache(maxsize=512)
def _word(term: str) -> re.Pattern[str]:
    # "C++" and "C#" end in symbols, so word edges are spelled out rather than left to \b.
    return re.compile(rf"(?<![\w+#]){re.escape(term)}(?![\w+#])", re.I)


def find_term(text: str, term: str) -> int | None:
    """Where `term` is mentioned in `text`, or None."""
    match = _word(term).search(text)
    if match:
        return match.start()
    wanted = term.lower()
    found = next((m.start() for name, m in SKILLS.finditer(text) if name.lower() == wanted), None)
    if found is not None:
        return found
    # A short form the boards' tags use ("ML", "k8s"), read as the listing's own tags were when it was enriched.
    return next(
        (m.start() for m in _TOKEN.finditer(text) if skills([m.group()], "") == [term] and m.group().lower() != wanted),
        None,
    )


def vocabulary(text: str) -> list[str]:
    """The skill names the vocabulary finds in `text`, in order, once each."""
    return list(dict.fromkeys(name for name, _ in SKILLS.finditer(text)))


def plain(text: str) -> str:
    """A quoted list item without its list marker, for a statement's text (the quote keeps it)."""
    return _LIST_MARK.sub("", text).strip()


def excerpt(text: str, at: int, width: int = EXCERPT) -> str:
    """About `width` characters of `text` around offset `at`, cut at spaces, with ellipses where cut."""
    text = " ".join(text.split("\n"))
    if len(text) <= width:
        return text.strip()
    left = max(0, at - width // 3)
    right = min(len(text), left + width)
    if left > 0:  # cut at spaces, never inside a word, unless the word is longer than the window
        left = text.find(" ", left, at) + 1 or left
    if right < len(text):
        right = max(text.rfind(" ", at, right), 0) or right
    return ("…" if left > 0 else "") + text[left:right].strip() + ("…" if right < len(text) else "")
