"""Employment type: full-time, part-time, contract, freelance, internship or temporary."""

from __future__ import annotations

import re

from assistant.vocab.listing import NOT_A_CONTRACT_JOB, EmploymentType, employment_of

from .lexicon import Lexicon

_I = re.IGNORECASE

_RAW_TYPES = {
    "full_time": EmploymentType.full_time,
    "fulltime": EmploymentType.full_time,
    "permanent": EmploymentType.full_time,
    "part_time": EmploymentType.part_time,
    "parttime": EmploymentType.part_time,
    "contract": EmploymentType.contract,
    "contractor": EmploymentType.contract,
    "contract_to_hire": EmploymentType.contract,
    "fixed_term": EmploymentType.contract,
    "freelance": EmploymentType.freelance,
    "freelancer": EmploymentType.freelance,
    "internship": EmploymentType.internship,
    "intern": EmploymentType.internship,
    "temporary": EmploymentType.temporary,
    "temp": EmploymentType.temporary,
    "seasonal": EmploymentType.temporary,
}
_RAW_SEP = re.compile(r"[\s\-_/]+")
_TITLE_TYPE = re.compile(
    r"\b(?P<type>part[- ]?time|freelancer?|intern(?:ship)?|temp(?:orary)?|seasonal|full[- ]?time)\b"
    rf"|\b(?P<contract>contract(?:or)?|fixed[- ]term|FTC)\b{NOT_A_CONTRACT_JOB}",
    _I,
)
_SP = r"[^\S\n]+"  # spaces within a line: a type word ending one line says nothing of the next
_TYPE_WORD = (
    r"(?P<type>full[- ]?time|part[- ]?time|contract(?:[- ]to[- ]hire)?|fixed[- ]term|freelance|internship|"
    r"temporary|seasonal)"
)
_DESCRIPTION_TYPE = Lexicon(
    (
        (
            "field",
            "job employment position contract work",
            rf"(?:job|employment|position|contract|work)[^\S\n]?type\s*:\s*{_TYPE_WORD}",
        ),
        (
            "phrase",
            "full fulltime part parttime contract fixed freelance internship temporary seasonal",
            rf"{_TYPE_WORD}{_SP}(?:role|position|job|opportunity|employment|basis|contract|hire|engagement|"
            r"assignment|program)\b",
        ),
        ("phrase", "this", r"this is an? (?P<type>internship)\b"),
        # "We are looking for a part-time AI Trainer": the type of the one person sought.
        (
            "phrase",
            "looking seeking hiring recruiting",
            rf"(?:looking for|seeking|hiring|recruiting){_SP}an?{_SP}{_TYPE_WORD}\b",
        ),
        ("phrase", "on", rf"on an?{_SP}(?P<type>contract|freelance|part-time|full-time){_SP}basis\b"),
    ),
    _I,
)


def _key(value: str) -> str:
    return _RAW_SEP.sub("_", value.strip().lower())


def _first_known(raw: str | list[str] | None) -> tuple[str, EmploymentType] | None:
    """The first value of the board's type field that names a known type, with that type."""
    for value in [raw] if isinstance(raw, str) else list(raw or []):
        kind = _RAW_TYPES.get(_key(value)) if isinstance(value, str) else None
        if kind:
            return value, kind
    return None


def employment_stated(raw: str | list[str] | None) -> str | None:
    """The board's own word for the type when it says more than ours ("Fixed Term" for a contract, "Permanent"
    for full time): people ask whether a job is permanent."""
    known = _first_known(raw)
    if known is None:
        return None
    value, kind = known
    return None if _key(value).replace("_", "") == kind.value.replace("_", "") else value.strip()


def employment_type(raw: str | list[str] | None, *, title: str = "", description: str = "") -> EmploymentType:
    """The board's type field when it holds a known value (the first known one of a list), else title
    words, else a description phrase that states the type of this job ("a full-time position")."""
    known = _first_known(raw)
    if known:
        return known[1]
    m = _TITLE_TYPE.search(title) if title else None
    if m:
        return employment_of(m.group("type") or m.group("contract"))
    found = _DESCRIPTION_TYPE.search(description) if description else None
    return employment_of(found[1].group("type")) if found else EmploymentType.unknown
