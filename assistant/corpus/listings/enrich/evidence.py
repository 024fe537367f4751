"""Evidence: the exact words of a text that justify a value, cut at sentence bounds."""

from __future__ import annotations

import re

from assistant.vocab.listing import Signal

EVIDENCE_LIMIT = 200  # characters: enough for a sentence, short enough to show inline

# A sentence ends at . ! ? followed by a space (not after "e.g." and the like), or at a line break:
# descriptions keep one paragraph or bullet per line.
_BOUNDARY = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bInc)(?<!\bLtd)(?<!\bU\.S)(?<!\bSr)(?<!\bJr)(?<!\bDr)"
    r"(?<!\bMr)(?<!\bMs)(?<!\bNo)(?<!\bSt)[.!?](?=\s)|\n|•"
)


def _clip(text: str, left: int, right: int, start: int, end: int, limit: int) -> tuple[int, int]:
    """Narrow [left, right) to at most `limit` characters, keeping [start, end) whole and cutting at spaces."""
    if right - left > limit:
        room = max(0, limit - (end - start))
        left = max(left, start - room // 2)
        right = min(right, left + max(limit, end - start))
        if 0 < left < start:
            space = text.find(" ", left, start)
            left = space + 1 if space != -1 else left
        if end < right < len(text):
            space = text.rfind(" ", end, right)
            right = space if space != -1 else right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def sentence(text: str, start: int, end: int, limit: int = EVIDENCE_LIMIT) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), clipped to `limit` characters."""
    window = max(limit, 2 * limit - (end - start))
    left = max(0, start - window)
    for m in _BOUNDARY.finditer(text, left, start):
        left = m.end()
    stop = _BOUNDARY.search(text, end, min(len(text), end + window))
    right = (stop.start() + (text[stop.start()] in ".!?")) if stop else min(len(text), end + window)
    return _clip(text, left, right, start, end, limit)


def span(text: str, start: int, end: int, limit: int = EVIDENCE_LIMIT) -> str:
    left, right = sentence(text, start, end, limit)
    return text[left:right]


def signal(kind: str, label: str, evidence: str, field: str = "description") -> Signal:
    return Signal(kind=kind, label=label, evidence=evidence, field=field)
