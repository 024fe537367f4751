"""The word index and `Lexicon`: vocabulary patterns tried only where their first word occurs.

A text's words are indexed once and cached, so the functions called in turn on one description share it
(the package docstring gives the numbers behind this design).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate

_SPLIT = re.compile(r"(\W+)")  # words and the runs between them, so offsets add up
_DIGITS = frozenset("0123456789")
NUMBER = "#"  # trigger for patterns that start with a number ("5+ years", "3 days a week", "10k QPS")
_TRIGGERS: set[str] = set()  # every lexicon's trigger words, filled in as the lexicons are built at import


@lru_cache(maxsize=16)
def word_index(text: str) -> dict[str, list[int]]:
    """Start offsets of each lowercased trigger word in `text`; numbers are filed under NUMBER.

    One split into words and separators gives every offset; only words some lexicon starts with are kept.
    """
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))[0::2]
    index: dict[str, list[int]] = {}
    for word, pos in zip(map(str.lower, parts[0::2]), offsets):
        if word in _TRIGGERS:
            index.setdefault(word, []).append(pos)
        if word[:1] in _DIGITS:
            index.setdefault(NUMBER, []).append(pos)
    return index


class Lexicon:
    """Named patterns, each tried only where one of its trigger words starts.

    Entries are (name, triggers, pattern): triggers are the lowercase words a match can begin with,
    separated by spaces. At one position the first entry (in definition order) that matches wins, and a
    match hides the candidates it covers, as a single alternation regex would.
    """

    def __init__(self, entries: Iterable[tuple[str, str, str]], flags: int = 0) -> None:
        self.entries = tuple(entries)
        self.flags = flags
        self._by_word: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for name, triggers, pattern in self.entries:
            compiled = re.compile(pattern, flags)
            for word in triggers.split():
                self._by_word.setdefault(word, []).append((name, compiled))
        self._words = frozenset(self._by_word)
        _TRIGGERS.update(self._words)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, re.Match[str]]]:
        end = len(text) if end is None else end
        index = word_index(text)
        candidates = sorted(
            (pos, word) for word in self._words & index.keys() for pos in index[word] if start <= pos < end
        )
        covered = start
        for pos, word in candidates:
            if pos < covered:
                continue
            for name, pattern in self._by_word[word]:
                m = pattern.match(text, pos, end)
                if m:
                    covered = m.end()
                    yield name, m
                    break

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[str, re.Match[str]] | None:
        return next(self.finditer(text, start, end), None)
