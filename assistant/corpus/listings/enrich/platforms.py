"""Platform signals: the named ML platforms and tools of assistant.vocab.skills a listing mentions."""

from __future__ import annotations

import re

from assistant.vocab.listing import Signal
from assistant.vocab.skills import PLATFORM_ENTRIES

from .evidence import signal, span
from .lexicon import Lexicon

_PLATFORMS = Lexicon(PLATFORM_ENTRIES)
# Tags are short and many: one alternation is cheap there, and keeps them out of the word-index cache.
_PLATFORM_TAG = re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, _, p) in enumerate(PLATFORM_ENTRIES)))


def platform_signals(title: str, description: str, tags: list[str]) -> list[Signal]:
    found: dict[str, Signal] = {}
    for field, text in (("title", title), ("description", description)):
        for name, m in _PLATFORMS.finditer(text):
            if name not in found:
                evidence = m.group() if field == "title" else span(text, m.start(), m.end())
                found[name] = signal("ml_platform", name, evidence, field)
    for tag in tags:
        tag_match = _PLATFORM_TAG.fullmatch(tag.strip()) if tag else None
        if tag_match:
            name = PLATFORM_ENTRIES[int((tag_match.lastgroup or "p0")[1:])][0]
            found.setdefault(name, signal("ml_platform", name, tag, "tags"))
    return list(found.values())
