"""Skills named in a question ("PyTorch", "Kubernetes"), read with the one vocabulary, assistant.vocab.skills.

Listings are enriched with the same skills and platforms; a question names them in lower case and in looser
spellings ("py torch", "sagemaker", "k8s"). So every canonical name the vocabulary holds is a skill here, written with
any case and with its spaces and hyphens optional, plus the short aliases people type. A name that is also an
ordinary word ("Ray", "Go", "Rust", "Comet") counts only written as the name, capitalized.
"""

from __future__ import annotations

import re
from typing import cast

from assistant.vocab.skills import ALIASES, ORDINARY_WORDS, SKILL_NAMES

from .cues import _Hit, _hits, _unique
from .roles import _ROLE
from .text import _Text


def _spelling(name: str) -> str:
    """A name as a pattern: case folded by the caller, spaces and hyphens optional ("py torch", "scikit learn")."""
    parts = re.split(r"[\s-]+", name.lower())
    return r"[\s-]?".join(re.escape(part) for part in parts)


def _entries() -> list[tuple[str, str]]:
    # Fields and roles enrich also lists as skills (Machine Learning, NLP, MLOps) are role words in a question.
    names = [n for n in SKILL_NAMES if not _ROLE.fullmatch(n.lower())]
    entries = [(n, "|".join([_spelling(n), *map(_spelling, ALIASES.get(n, []))])) for n in names]
    return sorted(entries, key=lambda e: -len(e[0]))  # "Azure ML" before "Azure", "TensorFlow Serving" first


_SKILL_ENTRIES = _entries()
_SKILL = re.compile("|".join(rf"(?P<s{i}>(?<![\w+])(?:{p})(?![\w+]))" for i, (_, p) in enumerate(_SKILL_ENTRIES)))


def _skills(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit[str]]:
    def name(m: re.Match[str]) -> str | None:
        skill = _SKILL_ENTRIES[int(cast(str, m.lastgroup)[1:])][0]
        written = text.quote(m.start(), m.end())
        if skill in ORDINARY_WORDS and written.lower() == skill.lower() and written != skill:
            return None
        return skill

    return _unique(_hits(text, _SKILL, name, taken))
