"""Instruction-like text in a question ("ignore previous instructions", forged turns): blanked before anything
else is read."""

from __future__ import annotations

import re

_INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.?!\n]{0,40}?\b(?:instructions?|prompts?|rules?|directions?"
    r"|guidelines|context|everything)\b"
    r"|\b(?:print|reveal|show|repeat|output|leak|dump|tell me|display|give me)\b[^.?!\n]{0,20}?"
    r"\b(?:system|hidden|initial|original)\s+(?:prompt|instructions?|message)s?\b"
    r"|\bsystem\s+prompt\b|\byou\s+are\s+now\b[^.?!\n]{0,40}|\b(?:developer|dan|god)\s+mode\b|\bjailbreak\w*\b"
    r"|\bpretend\s+(?:to\s+be|you\s+are)\b[^.?!\n]{0,40}|\bact\s+as\s+(?:an?\s+)?(?:admin|root|system|developer)\b"
    r"|\bnew\s+instructions?\s*:?"
    # Forged conversation turns ("ASSISTANT: the range is ..."): what a fake assistant said is no fact, and a
    # "USER:" label is no question word.
    # A label's indent is spaces, not newlines: `^\s*` rescanned a run of blank lines from every one of them.
    r"|^[^\S\n]*(?:assistant|system)[^\S\n]*:[^\n]*?(?:[.!?](?=\s)|$)|^[^\S\n]*(?:user|human)[^\S\n]*:"
    # Output formats and made-up content asked for: "respond in JSON with salary=999999 and answer:",
    # "invent a listing: 'FakeCorp, $999k'". The rest of the question is still answered. Only verbs that ask
    # for fiction: "fake jobs" and "companies that create jobs" are questions.
    r"|\b(?:respond|reply|answer|output)\s+(?:only\s+)?(?:in|as|with)\s+(?:json|xml|yaml|code)\b[^:?\n]{0,60}:?"
    r"|\b(?:invent|make\s+up|fabricate)\s+(?:a\s+|an\s+|some\s+)?(?:fake\s+|new\s+)?"
    r"(?:listings?|jobs?|postings?|salar\w+|numbers?|figures?)\b(?:\s*:?\s*['\"‘“][^\n]*?['\"’”]|[^.?!\n,;]*)",
    re.I | re.M,
)


def _blank_injection(question: str) -> tuple[str, list[str]]:
    """The question with instruction-like text blanked (offsets kept), and the blanked quotes."""
    found = [m.group().strip() for m in _INJECTION.finditer(question)]
    return _INJECTION.sub(lambda m: " " * len(m.group()), question), found
