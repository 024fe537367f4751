"""Role words in a question ("ML engineer", "data scientist"), and whether each names an ML role."""

from __future__ import annotations

import re
from typing import cast

from .cues import _Hit, _hits, _unique
from .text import _Text

# (term, is an ML role, pattern), longest first so "ml engineer" wins over "ml".
_ROLE_ENTRIES = (
    ("ML engineer", True, r"(?:machine learning|ml|ai ml|ml ai) engineer(?:s|ing)?"),
    ("MLOps", True, r"(?:mlops|ml ops|ml platform|ml infra\w*)(?: engineers?)?"),
    ("AI engineer", True, r"ai engineer(?:s|ing)?"),
    ("research scientist", True, r"research scientists?|(?:ml|ai) researchers?|research engineers?"),
    ("applied scientist", True, r"applied scientists?|applied scien\w*"),
    ("data scientist", True, r"data scien(?:tists?|ce)"),
    ("computer vision", True, r"computer vision|cv engineers?"),
    ("NLP", True, r"nlp|natural language processing"),
    ("LLM", True, r"llms?|large language models?|gen ?ai|generative ai"),
    ("deep learning", True, r"deep learning"),
    ("machine learning", True, r"machine learning|ml"),
    ("AI", True, r"ai|artificial intelligence"),
    ("data engineer", False, r"data engineer(?:s|ing)?"),
    ("data analyst", False, r"data analysts?"),
    (
        "software engineer",
        False,
        r"(?:software|backend|back-end|frontend|front-end|full ?stack|full-stack) (?:engineers?|developers?)",
    ),
)
_ROLE = re.compile("|".join(rf"(?P<r{i}>\b(?:{p})\b)" for i, (_, _, p) in enumerate(_ROLE_ENTRIES)))


def _role_of(m: re.Match[str]) -> tuple[str, bool]:
    i = int(cast(str, m.lastgroup)[1:])
    return _ROLE_ENTRIES[i][0], _ROLE_ENTRIES[i][1]


def _roles(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit[tuple[str, bool]]]:
    return _unique(_hits(text, _ROLE, _role_of, taken))  # "AI" in "Cast AI" names the company, not the role
