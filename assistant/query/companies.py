"""Companies named in a question: the listings' own companies (`Employers`, from the index), known employers in
any case, other names as proper nouns standing where a company does ("at Acme", "Acme ML jobs", "what does
Acme pay")."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass

from .cues import _Hit, _hits, _unique
from .places import _place_of
from .salary import _PAY_TERM
from .text import _Text, _Token, _tokenize
from .vocabulary import _JOB_NOUN, _is_vocabulary

# Legal forms a listing writes after a name ("Clerky, Inc.") and a question leaves off.
_LEGAL_FORMS = frozenset({"inc", "llc", "llp", "ltd", "plc", "gmbh", "ag", "sa", "bv", "corp", "co", "limited"})
_INDEXED_WORD = re.compile(r"\w\w+")  # the words the keyword index holds (bm25s's default token pattern)
# A word of a company's name is its name while other chunks use it at most this often, or a quarter as often as
# the company's own (other listings mention an employer: "models from Anthropic"); used more, it is a word of the
# trade ("Datadog", "Figma" as tools). Guide sections count like other chunks: their words are the questions'.
_OTHER_USES = 2
_OWN_SHARE = 4


@dataclass(frozen=True)
class Employers:
    """The companies of the indexed listings, so a question names them because they are in the data. A name
    that is no ordinary word and that the index uses for little else ("Deepgram", "Lemon.io", "anthropic") is
    read in any case, anywhere; one of ordinary words ("Linear", "Office Hours", "League") or of the trade's
    ("Datadog") only where a proper noun is (written capitalized, standing where a company does)."""

    names: dict[tuple[str, ...], str]  # a name's words as a question's tokens read them → the name as listed
    distinctive: frozenset[tuple[str, ...]]
    longest: int = 1

    @classmethod
    def of(
        cls,
        chunks_by_company: Mapping[str, int],
        other_uses: Callable[[str, str], int],
        ordinary: Container[str],
    ) -> Employers:
        """`chunks_by_company`: each company as its listings write it, with its number of chunks;
        `other_uses(word, company)`: the chunks holding `word` that are not that company's listings';
        `ordinary`: the words of everyday text (the embedding model's vocabulary), lower case."""
        names: dict[tuple[str, ...], str] = {}
        distinctive = set()
        for name, own in sorted(chunks_by_company.items(), key=lambda item: -item[1]):  # commonest spelling first
            key = _name_key(name)
            if not key or key in names or (len(key) == 1 and _place_of(key[0]) is not None):
                continue
            names[key] = name
            if _distinctive(key, name, own, other_uses, ordinary):
                distinctive.add(key)
        return cls(names, frozenset(distinctive), max(map(len, names), default=1))

    def read(self, text: _Text) -> tuple[list[_Hit[str]], list[_Hit[str]]]:
        """The names a question's tokens spell, longest first at each place: (distinctive ones, the others)."""
        norms = [t.norm for t in text.tokens]
        found: tuple[list[_Hit[str]], list[_Hit[str]]] = ([], [])
        i = 0
        while i < len(norms):
            for n in range(min(self.longest, len(norms) - i), 0, -1):
                key = tuple(norms[i : i + n])
                if key in self.names:
                    first, last = text.tokens[i], text.tokens[i + n - 1]
                    hit = _Hit(
                        self.names[key], text.original[first.start : last.end], first.at, last.at + len(last.norm)
                    )
                    found[0 if key in self.distinctive else 1].append(hit)
                    i += n - 1
                    break
            i += 1
        return found


def _distinctive(
    key: tuple[str, ...], name: str, own: int, other_uses: Callable[[str, str], int], ordinary: Container[str]
) -> bool:
    """No ordinary word, and either spelled as no text is ("a.team", "lemon.io": joined by punctuation) or with a
    word other chunks use for little else."""
    unusual = [token for token in key if token not in ordinary]
    if not unusual:
        return False
    if any(not token.replace(" ", "").isalnum() for token in unusual):
        return True
    rare = max(_OTHER_USES, own // _OWN_SHARE)
    return any(other_uses(word, name) <= rare for word in _INDEXED_WORD.findall(" ".join(key)))


def _name_key(name: str) -> tuple[str, ...]:
    words = [t.norm for t in _tokenize(name, name).tokens]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return tuple(words)


# Companies named in lower case are only read when known: the default Greenhouse boards and big employers
# of ML engineers. Any other company must be written as a proper noun.
_KNOWN_COMPANIES = {
    "reddit": "Reddit",
    "gitlab": "GitLab",
    "waymo": "Waymo",
    "anthropic": "Anthropic",
    "databricks": "Databricks",
    "scale ai": "Scale AI",
    "scaleai": "Scale AI",
    "google": "Google",
    "deepmind": "DeepMind",
    "meta": "Meta",
    "amazon": "Amazon",
    "apple": "Apple",
    "microsoft": "Microsoft",
    "netflix": "Netflix",
    "nvidia": "NVIDIA",
    "openai": "OpenAI",
    "stripe": "Stripe",
    "uber": "Uber",
    "airbnb": "Airbnb",
    "spotify": "Spotify",
    "shopify": "Shopify",
    "hugging face": "Hugging Face",
    "huggingface": "Hugging Face",
}

_KNOWN_COMPANY = re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, _KNOWN_COMPANIES), key=len, reverse=True))})\b")
# "with"/"for" are left out: "jobs with Visa sponsorship", "roles for Juniors".
_COMPANY_BEFORE = re.compile(r"\b(?:at|join|joining|inside) $")
# Words that may stand between a company name and the job noun: "Waymo senior ML jobs".
_FILLER = re.compile(
    r"^(?: (?:senior|junior|staff|principal|lead|remote|hybrid|ml|ai|machine learning|mlops|data|engineer\w*"
    r"|scien\w+|research|software|platform|infra\w*|tech|engineering|intern\w*)){0,4} " + _JOB_NOUN + r"\b"
)


# A known employer a few words before a job noun, whatever the words: "reddit embedding platform jobs".
_NEAR_JOB = re.compile(rf"^(?: [^ ]+){{0,4}} {_JOB_NOUN}\b")
# A name that pays is an employer: "how much does Reddit pay?", "Reddit's salaries".
_PAYS_AFTER = re.compile(rf"^ {_PAY_TERM}\b")


def _in_company_position(text: _Text, start: int, end: int) -> bool:
    before = text.norm[max(0, start - 10) : start]
    after = text.norm[end:]
    return bool(_COMPANY_BEFORE.search(before) or _FILLER.match(after) or _PAYS_AFTER.match(after))


def _owns(text: _Text, end: int) -> bool:
    """A name written as an owner: "Tribe AI's forward deployed architect job". Only a listed company's name is
    read so: any capitalized word may own ("What's", "Python's ecosystem")."""
    last = next((t for t in text.tokens if t.at + len(t.norm) == end), None)
    return last is not None and text.original[last.start : last.end].lower().endswith(("'s", "\u2019s"))


def _overlaps(hit: _Hit[str], taken: list[tuple[int, int]]) -> bool:
    return any(s < hit.end and hit.start < e for s, e in taken)


def _companies(text: _Text, taken: list[tuple[int, int]], employers: Employers | None = None) -> list[_Hit[str]]:
    known = _hits(text, _KNOWN_COMPANY, lambda m: _KNOWN_COMPANIES[m.group()], taken)
    named, listed = employers.read(text) if employers else ([], [])
    # A listed company of ordinary words is a candidate as a proper noun is: capitalized, where a company stands.
    listed = [h for h in listed if h.quote[:1].isupper()]
    candidates = sorted(named + known + listed + _proper_nouns(text), key=lambda h: (h.start, -h.end))
    candidates = [h for h in candidates if not _overlaps(h, taken)]
    # A known employer written as a name ("is Reddit hiring?") is the company wherever it stands.
    accepted = [
        h
        for h in candidates
        if h in named
        or _in_company_position(text, h.start, h.end)
        or (h in listed and _owns(text, h.end))
        or (h in known and (_NEAR_JOB.match(text.norm[h.end :]) or h.quote[:1].isupper()))
    ]
    accepted = [h for n, h in enumerate(accepted) if not _overlaps(h, [(a.start, a.end) for a in accepted[:n]])]
    grown = True
    while grown:  # names listed next to an accepted company are companies too: "GitLab or Reddit roles"
        more = [
            h
            for h in candidates
            if h not in accepted
            and not _overlaps(h, [(a.start, a.end) for a in accepted])
            and any(_listed_together(text, h, a) for a in accepted)
        ]
        accepted += more
        grown = bool(more)
    return _unique(sorted(accepted, key=lambda h: h.start))


def _listed_together(text: _Text, a: _Hit[str], b: _Hit[str]) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return text.norm[first.end : second.start] in (" or ", " and ", " ")


_NAME_SUFFIX = re.compile(r"AI|Labs|Inc|Technologies")


def _proper_nouns(text: _Text) -> list[_Hit[str]]:
    """Runs of capitalized words, none of them vocabulary or a place: names, if they stand where a company does."""
    out, i, tokens = [], 0, text.tokens
    while i < len(tokens):
        j = i
        while j < len(tokens) and _name_like(text, tokens[j]):
            j += 1
        if (
            j > i
            and j < len(tokens)
            and _NAME_SUFFIX.fullmatch(text.original[tokens[j].start : tokens[j].end])
            and tokens[i].norm not in _KNOWN_COMPANIES
        ):
            j += 1  # "Cast AI", "Acme Labs": a name ending in a word that alone is vocabulary
        if j > i:
            first, last = tokens[i], tokens[j - 1]
            name = text.original[first.start : last.end]
            out.append(_Hit(name, name, first.at, last.at + len(last.norm)))
        i = max(j, i + 1)
    return out


def _name_like(text: _Text, token: _Token) -> bool:
    written = text.original[token.start : token.end]
    if not written[:1].isupper() or not token.alpha or _is_vocabulary(token.norm):
        return False
    return _place_of(token.norm) is None
