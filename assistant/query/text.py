"""Tokens and normalization: the question cut into tokens tied to their place in the original, each lower-cased,
abbreviations expanded and known typos fixed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from assistant.vocab.currencies import BARE_DOLLAR_SIGN, SIGN_CURRENCY

from .injection import _blank_injection

# The one-character currency signs a money token may carry: "$" and those of one currency ("€", "£").
_SYMBOL = "[" + re.escape(BARE_DOLLAR_SIGN + "".join(s for s in SIGN_CURRENCY if len(s) == 1)) + "]"
_FIGURE = r"\d[\d,.]*(?:\s?[kKmM](?![A-Za-z]))?"  # "150k", "120,000", "$1M" (a million is never a wage)
# A word as the answer side compares questions with text, and as a search's unread words are cut.
WORD = re.compile(r"[a-z][a-z0-9+#-]{2,}")
_RAW_TOKEN = re.compile(
    rf"(?:[A-Za-z]{{1,2}}(?={_SYMBOL}))?{_SYMBOL}\s?{_FIGURE}(?:\s?[-–]\s?{_SYMBOL}?{_FIGURE})?\+?"  # "$100k-$150k"
    rf"|{_FIGURE}(?:\s?[-–]\s?{_FIGURE})?\+?(?:\s?{_SYMBOL})?"  # "150k+", "100-150k", "90.000 €"
    r"|[^\W\d_][\w'’&+#.-]*"  # words, keeping "c++", "w&b", "on-site", "u.s."
    r"|[≥>]=?|%|&"
)
# Abbreviations and the typos people make in the words the patterns look for. A fixed table, so a
# correction never turns an ordinary word into a keyword.
_VARIANTS = {
    "sr": "senior",
    "snr": "senior",
    "senoir": "senior",
    "seinor": "senior",
    "sneior": "senior",
    "jr": "junior",
    "junoir": "junior",
    "jnr": "junior",
    "mle": "ml engineer",
    "mles": "ml engineers",
    "mleng": "ml engineer",
    "eng": "engineer",
    "engs": "engineers",
    "engr": "engineer",
    "enginer": "engineer",
    "engeneer": "engineer",
    "enigneer": "engineer",
    "engineeer": "engineer",
    "ml-ops": "mlops",
    "ml/ops": "mlops",
    "ds": "data science",
    "swe": "software engineer",
    "machien": "machine",
    "machne": "machine",
    "mahcine": "machine",
    "macine": "machine",
    "learnign": "learning",
    "lerning": "learning",
    "leanring": "learning",
    "salery": "salary",
    "sallary": "salary",
    "salry": "salary",
    "salaray": "salary",
    "slary": "salary",
    "sal": "salary",
    "comp": "compensation",
    "intervew": "interview",
    "interveiw": "interview",
    "inteview": "interview",
    "intreview": "interview",
    "interviw": "interview",
    "intervews": "interviews",
    "interveiws": "interviews",
    "proccess": "process",
    "procces": "process",
    "proces": "process",
    "prosess": "process",
    "redflags": "red flags",
    "redflag": "red flag",
    "greenflags": "green flags",
    "greenflag": "green flag",
    "red-flags": "red flags",
    "green-flags": "green flags",
    "responsibilites": "responsibilities",
    "responsibilties": "responsibilities",
    "resposibilities": "responsibilities",
    "skils": "skills",
    "skillz": "skills",
    "promtion": "promotion",
    "promotoin": "promotion",
    "remtoe": "remote",
    "remot": "remote",
    "remore": "remote",
    "rmeote": "remote",
    "jbos": "jobs",
    "josb": "jobs",
    "jobz": "jobs",
    "rols": "roles",
    "roels": "roles",
    "postions": "positions",
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "pleas": "please",
    "thx": "thanks",
    "whats": "what is",
    "what's": "what is",
    "wats": "what is",
    "hows": "how is",
    "how's": "how is",
    "wat": "what",
    "hw": "how",
    "abt": "about",
    "w/": "with",
    "germnay": "germany",
    "gemany": "germany",
    "germay": "germany",
    "eurpoe": "europe",
    "europ": "europe",
    "u.s": "us",
    "u.s.a": "usa",
    "u.k": "uk",
    "%": "percent",
    "yr": "year",
    "yrs": "years",
    "hr": "hour",
    "hrs": "hours",
    "ph.d": "phd",
    "ph.ds": "phds",
}
# Near-misses of these keywords are corrected (same first letter, 7+ letters, difflib ratio ≥ 0.88).
_FUZZY_TARGETS = (
    "interview",
    "interviews",
    "interviewing",
    "salary",
    "salaries",
    "compensation",
    "responsibilities",
    "promotion",
    "promoted",
    "engineer",
    "engineers",
    "engineering",
    "learning",
    "machine",
    "remote",
    "remotely",
    "senior",
    "junior",
    "process",
    "positions",
    "listings",
    "openings",
    "vacancies",
    "hiring",
    "requirements",
    "bottleneck",
    "principal",
    "internship",
    "recommend",
    "companies",
    "employers",
)
# Real words the difflib pass would otherwise "correct" into a keyword.
_NOT_TYPOS = frozenset({"progress", "processes", "processing", "interviewer", "interviewers", "engineered"})
_FUZZY_MIN_LENGTH = 7
_FUZZY_CUTOFF = 0.88


# Marks that set a clause apart ("london, senior ML base?", "toronto: what base?"); a question's own end marks
# end one too. The normalized text keeps none of them: they are read in the user's words.
CLAUSE_MARKS = ",;:()/—–-"
CLAUSE_END = CLAUSE_MARKS + "?!."


@dataclass(frozen=True)
class _Token:
    norm: str
    start: int  # span in the original question
    end: int
    at: int = 0  # offset in the normalized text

    @property
    def alpha(self) -> bool:
        return self.norm.replace(" ", "").isalpha()


@dataclass
class _Text:
    """The question as normalized tokens, each tied to its span in the original, so quotes are the user's words."""

    original: str
    tokens: list[_Token]
    norm: str = ""

    def __post_init__(self) -> None:
        placed, at = [], 0
        for t in self.tokens:
            placed.append(_Token(t.norm, t.start, t.end, at))
            at += len(t.norm) + 1
        self.tokens = placed
        self.norm = " ".join(t.norm for t in placed)

    def gap(self, end: int, start: int | None = None) -> str:
        """The user's own characters between the word that ends at `end` of the normalized text and the one that
        starts at `start` (the rest of the question without it): spaces and the punctuation normalizing drops."""
        before = [t.end for t in self.tokens if t.at < end]
        after = [t.start for t in self.tokens if start is not None and t.at >= start]
        return self.original[max(before, default=0) : min(after, default=len(self.original))]

    def ends_clause(self, end: int) -> bool:
        """Whether the user's words end a clause where a span of the normalized text ends: the question's end,
        or a mark such as "?", "," or a dash after that word."""
        after = self.gap(end).lstrip()
        return not after or after[0] in CLAUSE_END

    def quote(self, start: int, end: int) -> str:
        """The original words behind a span of the normalized text."""
        inside = [t for t in self.tokens if t.at < end and t.at + len(t.norm) > start]
        return self.original[inside[0].start : inside[-1].end] if inside else ""


def _normalize_word(raw: str) -> str:
    word = raw.lower().rstrip(".-'’")
    if word.endswith(("'s", "’s")) and word not in _VARIANTS:
        word = word[:-2]
    word = _VARIANTS.get(word, word)
    return _fuzzy(word) or word


def _fuzzy(word: str) -> str | None:
    if len(word) < _FUZZY_MIN_LENGTH or not word.isalpha() or word in _NOT_TYPOS or word in _FUZZY_TARGETS:
        return None
    if word[:-1] in _FUZZY_TARGETS or word[:-2] in _FUZZY_TARGETS:  # a plural is no typo
        return None
    close = difflib.get_close_matches(word, _FUZZY_TARGETS, n=1, cutoff=_FUZZY_CUTOFF)
    return close[0] if close and close[0][0] == word[0] else None


def normalized(question: str) -> str:
    """The question as the patterns read it: lower case, abbreviations expanded and known typos fixed."""
    return _tokenize(question, _blank_injection(question)[0]).norm


def _tokenize(question: str, readable: str) -> _Text:
    """Tokens of `readable` (the question with instruction-like text blanked, same length), quoted from `question`."""
    tokens = []
    for m in _RAW_TOKEN.finditer(readable):
        raw = m.group()
        if raw[0].isalpha() or raw in "%&":
            written = raw.rstrip(".-'’")
            norm = _normalize_word(written)
        else:
            written = raw.rstrip(",.")
            norm = re.sub(r"\s", "", written.lower())  # one token, one amount: "150 k" is "150k"
        if norm:
            tokens.append(_Token(norm, m.start(), m.start() + len(written)))
    return _Text(question, tokens)


# A question's parts: its sentences, and clauses that start a new question after "and" ("..., and how will
# the interviews test them?").
_PART = re.compile(r"(?<=[?.!;])\s+|,?\s+and\s+(?=(?:what|how|which|does|do|is|are|should|can|why|where|when)\b)", re.I)


def question_parts(question: str) -> list[str]:
    return [part.strip() for part in _PART.split(question) if part and part.strip()]
