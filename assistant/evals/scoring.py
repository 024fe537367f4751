"""Scoring one answer against one eval question."""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel

from assistant.answer.models import Answer
from assistant.evals.questions import EvalQuestion

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+|\d+(?:\.\d+)?)\s*([kKmM])?(?![\w])")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
# Small numbers written as words are a number format too: "four to eight weeks" and "4 to 8 weeks" are one fact.
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b")
_PERCENT = re.compile(r"\s*(?:percent|per cent)\b")
_MARKER = re.compile(r"\[(\d+)\](?!\()")


def fold(text: str) -> str:
    """Case, white space and number formats folded: "€110k", "110,000" and "110 000" all read 110000; "eight"
    reads 8 and "30 percent" 30%."""

    def number(match: re.Match[str]) -> str:
        digits = re.sub(r"[ ,\u00a0\u202f]", "", match.group(1))
        value = float(digits) * {"k": 1e3, "m": 1e6}.get((match.group(2) or "").lower(), 1)
        return str(int(value)) if value == int(value) else str(value)

    text = _DASHES.sub("-", text.lower())
    text = _PERCENT.sub("%", _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group()], text))
    return " ".join(_NUMBER.sub(number, text).split())


def fact_found(fact: str, answer_text: str) -> bool:
    return fold(fact) in fold(answer_text)


class Score(BaseModel):
    facts_found: float  # share of expected facts in the answer
    missing_facts: list[str]
    forbidden_found: list[str]
    sources_ok: bool
    listing_recall: float | None  # None when the question names no listings
    answerable_ok: bool
    citations_valid: bool
    latency_ms: float
    passed: bool
    reasons: list[str]


def citation_problems(answer: Answer, document_text: Callable[[str], str]) -> list[str]:
    """Every [n] resolves to a citation, and every quote is verbatim in its id's indexed text."""
    problems = []
    numbers = {c.n for c in answer.citations}
    for n in sorted({int(n) for n in _MARKER.findall(answer.answer)} - numbers):
        problems.append(f"[{n}] has no citation")
    for citation in answer.citations:
        if citation.quote not in document_text(citation.id):
            problems.append(f"quote of [{citation.n}] is not in {citation.id}")
    return problems


def _sources_ok(question: EvalQuestion, answer: Answer) -> bool:
    cited_ids = {c.id for c in answer.citations}
    cited_kinds = {c.kind for c in answer.citations}
    kinds = [s for s in question.sources if s in ("guide", "listing")]
    ids = [s for s in question.sources if s not in ("guide", "listing")]
    # Every kind named must be cited; of the sections named, one is enough: a question two sections both answer
    # ("time split" is in its own section and in the FAQ) lists both.
    return all(s in cited_kinds for s in kinds) and (not ids or any(s in cited_ids for s in ids))


def _listing_recall(question: EvalQuestion, answer: Answer, aliases: dict[str, str]) -> float | None:
    if not question.listings:
        return None
    returned = {view.id for view in answer.listings}
    found = [lid for lid in question.listings if aliases.get(lid, lid) in returned]
    return len(found) / len(question.listings)


def score(
    question: EvalQuestion, answer: Answer, document_text: Callable[[str], str], aliases: dict[str, str]
) -> Score:
    missing = [fact for fact in question.facts if not fact_found(fact, answer.answer)]
    forbidden = [text for text in question.forbidden if fact_found(text, answer.answer)]
    recall = _listing_recall(question, answer, aliases)
    problems = citation_problems(answer, document_text)
    result = Score(
        facts_found=1.0 if not question.facts else 1 - len(missing) / len(question.facts),
        missing_facts=missing,
        forbidden_found=forbidden,
        sources_ok=_sources_ok(question, answer),
        listing_recall=recall,
        answerable_ok=answer.answerable == question.answerable,
        citations_valid=not problems,
        latency_ms=answer.timings_ms.get("total", 0.0),
        passed=False,
        reasons=[],
    )
    result.reasons = _reasons(result, question, problems)
    result.passed = not result.reasons
    return result


def _reasons(result: Score, question: EvalQuestion, problems: list[str]) -> list[str]:
    reasons = [f"missing fact {fact!r}" for fact in result.missing_facts]
    reasons += [f"forbidden text {text!r}" for text in result.forbidden_found]
    if not result.sources_ok:
        reasons.append(f"does not cite {', '.join(question.sources)}")
    if result.listing_recall is not None and result.listing_recall < 1:
        reasons.append(f"listing recall {result.listing_recall:.2f}")
    if not result.answerable_ok:
        reasons.append(f"answerable should be {question.answerable}")
    return reasons + problems
