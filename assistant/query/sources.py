"""Job boards named in a question ("on Remotive", "Remote OK")."""

from __future__ import annotations

import re

from assistant.vocab.boards import keyed_by_board

from .cues import _Hit, _hits, _unique
from .text import _Text

# How people write each board's name in a question, one pattern per board of the registry.
_PATTERNS = keyed_by_board(
    {
        # "remote ok" is also a phrase ("is remote ok?"): lower case, it names the board only after on/from/via/at.
        "remoteok": r"\bremoteok(?:\.com)?\b|\bremote-ok\b|(?<=\bon )remote ok\b|(?<=\bfrom )remote ok\b"
        r"|(?<=\bvia )remote ok\b|(?<=\bat )remote ok\b",
        "remotive": r"\bremotive(?:\.com)?\b",
        "jobicy": r"\bjobicy(?:\.com)?\b",
        "weworkremotely": r"\bwe work remotely\b|\bweworkremotely(?:\.com)?\b|\bwwr\b",
        "greenhouse": r"\bgreenhouse(?:\.io)?\b",
    },
    "query.sources: board name patterns",
)
_SOURCE = re.compile("|".join(f"(?P<{board}>{pattern})" for board, pattern in _PATTERNS.items()))


def _sources(text: _Text) -> list[_Hit[str]]:
    hits = _hits(text, _SOURCE, lambda m: m.lastgroup)
    hits += _capitalized_remote_ok(text)
    return _unique(sorted(hits, key=lambda h: h.start))


def _capitalized_remote_ok(text: _Text) -> list[_Hit[str]]:
    """The board's name as written ("Remote OK") counts wherever it stands."""
    out = []
    for a, b in zip(text.tokens, text.tokens[1:]):
        if text.original[a.start : b.end] in ("Remote OK", "RemoteOK", "Remote Ok"):
            out.append(_Hit("remoteok", text.original[a.start : b.end], a.at, b.at + len(b.norm)))
    return out
