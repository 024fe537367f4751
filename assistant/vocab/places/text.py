"""Location text as words: mojibake repaired, acronyms and abbreviations undone, split into folded words with
the noise words dropped. The same folding makes the gazetteer's keys and reads a location, so they match."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from assistant.vocab.places.tables import NOISE_WORDS

_GROUP_SPLIT = re.compile(r"[;|/\\:\n]+|\s+[-–—]+\s+|\s+[-–—]+$|^[-–—]+\s+")
_PART_SPLIT = re.compile(r"[,()\[\]]+|\.(?:\s+|$)|\s+or\s+")  # lowercase "or" only: "OR" is Oregon
_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # U.S.A., D.C., U.K.
_ABBREVIATION = re.compile(r"\b(St|Ste|Ft)\.\s*")
_TOKEN = re.compile(r"[^\W\d_]+")
_EXPANSIONS = {"st": "saint", "ste": "sainte", "ft": "fort"}
_FOLD_TABLE = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "ı": "i",
        "’": "'",
    }
)


def _fold(token: str) -> str:
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token.translate(_FOLD_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("SÃ£o Paulo"), which Remote OK's feed carries."""
    if "Ã" not in text and "Å" not in text and "Â" not in text:
        return text
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


_SPACE_RUN = re.compile(r"\s+")
_MAX_TEXT = 1_000  # a location or place phrase; longer text is cut, not read word by word


def _one_space(run: re.Match[str]) -> str:
    return "\n" if "\n" in run.group() else " "


def _prepare(text: str) -> str:
    # Runs of spaces become one first: the splitting patterns start a `\s+` at every space of a run, which
    # made a 20,000-space location take 12 s.
    text = _repair(_SPACE_RUN.sub(_one_space, text[:_MAX_TEXT]))
    if "." not in text:
        return text
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    return _ABBREVIATION.sub(r"\1 ", text)


def _words(part: str, codes: Mapping[str, object] | None = None) -> list[tuple[str, str]]:
    """(original, folded) words of a part, noise dropped; a capitalised code is kept even if it is a noise word."""
    words = []
    raw = _TOKEN.findall(part)
    for i, token in enumerate(raw):
        folded = _fold(token)
        if folded in _EXPANSIONS and i + 1 < len(raw):
            folded = _EXPANSIONS[folded]
        if codes is not None and _is_capital_code(token, codes):
            words.append((token, folded))
        elif len(folded) > 1 and folded not in NOISE_WORDS:
            words.append((token, folded))
    return words


def _is_capital_code(token: str, codes: Mapping[str, object]) -> bool:
    return 2 <= len(token) <= 3 and token.isupper() and token in codes


def _key(name: str) -> str:
    return " ".join(folded for _, folded in _words(_prepare(name)))
