"""Whether a question compares ("vs", "which pays more")."""

from __future__ import annotations

import re

from .cues import _Hit, _hits
from .text import _Text

_COMPARISON = re.compile(
    r"\b(?:vs|versus|compare[sd]?|comparing|comparison|compared (?:to|with)|difference between|differ(?:ence)?s?"
    r"|which (?:one )?(?:pays|is paid|earns|is) (?:more|better|higher|less|the most)"
    r"|(?:pays|paid|earn) (?:more|better|less) (?:in|than)|better paid|higher pa(?:y|id)|or better)\b"
)


def _comparison(text: _Text) -> _Hit[bool] | None:
    found = _hits(text, _COMPARISON, lambda m: True)
    return found[0] if found else None
