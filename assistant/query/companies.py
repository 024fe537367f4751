"""Companies named in a question: known employers in any case, other names as proper nouns standing where a
company does ("at Acme", "Acme ML jobs", "what does Acme pay")."""

from __future__ import annotations

import re

from .cues import _Hit, _hits, _unique
from .places import _place_of
from .salary import _PAY_TERM
from .text import _Text, _Token
from .vocabulary import _JOB_NOUN, _is_vocabulary

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


def _overlaps(hit: _Hit[str], taken: list[tuple[int, int]]) -> bool:
    return any(s < hit.end and hit.start < e for s, e in taken)


def _companies(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit[str]]:
    known = _hits(text, _KNOWN_COMPANY, lambda m: _KNOWN_COMPANIES[m.group()], taken)
    candidates = sorted(known + _proper_nouns(text), key=lambda h: (h.start, -h.end))
    candidates = [h for h in candidates if not _overlaps(h, taken)]
    # A known employer written as a name ("is Reddit hiring?") is the company wherever it stands.
    accepted = [
        h
        for h in candidates
        if _in_company_position(text, h.start, h.end)
        or (h in known and (_NEAR_JOB.match(text.norm[h.end :]) or h.quote[:1].isupper()))
    ]
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
