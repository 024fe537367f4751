"""Work modes named in a question ("remote", "hybrid", "on-site")."""

from __future__ import annotations

import re

from assistant.models import WorkMode

from .cues import _Hit, _hits, _unique
from .text import _Text

_WORK_MODE = re.compile(
    r"(?P<remote>(?<!non-)(?<!not )\b(?:(?:fully|full|100%|completely|100 percent) )?remote(?:ly|-first| first)?\b"
    r"|\bwfh\b|\bwork(?:ing)? from home\b)"
    r"|(?P<hybrid>\bhybrid\b)"
    r"|(?P<onsite>\bon[- ]?site\b|\bin[- ]office\b|\bin the office\b|\boffice[- ]based\b|\bin[- ]person\b)"
)


def _work_modes(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit]:
    return _unique(_hits(text, _WORK_MODE, lambda m: WorkMode(m.lastgroup), taken))
