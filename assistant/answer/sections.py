"""Which guide section answers a question, chosen by meaning rather than by heading patterns.

Each section is scored by two readings of the same embedding space:

* how close the question is to the section's own text: the mean of the cosine of its best chunk and of its
  closest single sentence or list item (a chunk mixes several points; "what written stuff do they produce?"
  is near one item of the skills section, "precise written communication", and far from the chunk as a whole),
* how likely the classifier finds the section's intent for the question, the section's intent read by the same
  classifier from its heading and opening words, so a guide dropped into corpus/guides with headings nobody
  listed gets the same treatment as the shipped one. Sections that share an intent (red and green flags) get
  the same weight and their text decides between them.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.index.retrieve import Hit
from assistant.query import Understood

# The weight of the section's intent beside cosine similarity, and how far the closest sentence counts beside the
# best chunk: chosen on the dev sets' section hit@1 (0.25 and a half: dev 0.99, dev2 0.99, dev3 0.95; with the
# chunk alone 0.97, 0.96, 0.92). Weights from 0.15 to 0.35 and shares from 0.3 to 0.7 differ by one question.
AFFINITY = 0.25
NEAREST_SHARE = 0.5
# A second section of the same intent is answered too when it scores this close ("red and green flags").
SAME_INTENT_SHARE = 0.9

Profile = Callable[[Hit], dict[str, float]]
# The cosine of a question to the closest sentence or list item of a hit's section.
Nearest = Callable[[str, Hit], float]


def section_score(understood: Understood, hit: Hit, profile: Profile, nearest: Nearest | None = None) -> float:
    similarity = hit.similarity or 0.0
    if nearest is not None:
        # A follow-up is read alone and with the question it continues, as retrieval read it ("and the step
        # after that?" is near nothing alone).
        readings = [understood.question] + (
            [f"{understood.context} {understood.question}"] if understood.context else []
        )
        similarity += NEAREST_SHARE * (max(nearest(reading, hit) for reading in readings) - similarity)
    return similarity + AFFINITY * understood.scores.get(top_label(profile(hit)) or "", 0.0)


def rank_sections(
    understood: Understood, hits: list[Hit], profile: Profile, nearest: Nearest | None = None
) -> list[Hit]:
    """Guide hits best first by similarity plus intent agreement; listing hits keep their order after them."""
    guides = sorted(
        (h for h in hits if h.kind == "guide"), key=lambda h: -section_score(understood, h, profile, nearest)
    )
    return guides + [h for h in hits if h.kind != "guide"]


def chosen_sections(
    understood: Understood, ranked: list[Hit], profile: Profile, nearest: Nearest | None = None
) -> list[str]:
    """The best section, and the next ones of the same intent that score nearly as well: a question about
    flags in general is answered by both the red and the green ones."""
    guides = [h for h in ranked if h.kind == "guide"]
    if not guides:
        return []
    best = section_score(understood, guides[0], profile, nearest)
    label = top_label(profile(guides[0]))
    return [guides[0].doc_id] + [
        h.doc_id
        for h in guides[1:3]
        if top_label(profile(h)) == label and section_score(understood, h, profile, nearest) >= SAME_INTENT_SHARE * best
    ]


def second_readings(understood: Understood, ranked: list[Hit], profile: Profile) -> list[tuple[str, str]]:
    """For each guide intent the classifier found nearly as likely as its first (`close`), the best-ranked
    section of that intent: (intent, section id). A question between two topics ("what documents will I
    write?" reads as responsibilities, then skills) is answered by the second when the first's section does
    not speak to it, rather than refused."""
    found: list[tuple[str, str]] = []
    for intent in understood.close:
        if intent is understood.intent:
            continue
        section = next((h.doc_id for h in ranked if h.kind == "guide" and top_label(profile(h)) == intent.value), None)
        if section is not None:
            found.append((intent.value, section))
    return found


def closer_of(first: list[Hit], second: list[Hit]) -> list[Hit]:
    """The hits of two searches, one per document, each with the higher similarity of its two readings."""
    best: dict[str, Hit] = {}
    for hit in first + second:
        kept = best.get(hit.doc_id)
        if kept is None or (hit.similarity or 0.0) > (kept.similarity or 0.0):
            best[hit.doc_id] = hit
    return list(best.values())


def top_label(scores: dict[str, float]) -> str | None:
    return max(scores, key=scores.__getitem__) if scores else None


def section_reading(texts: list[str], classify_all: Callable[[list[str]], list[dict[str, float]]]) -> dict[str, float]:
    """A section's intent: the mean of the classifier's readings of its sentences and list items. Its heading path
    reads as the guide's own title ("... engineer > Red flags" reads as an overview) and its opening words can tip
    either way (the levels section's read as levels or overview at even odds, so one retraining flipped it);
    across all its units the topic is plain."""
    readings = classify_all(texts)
    if not readings:
        return {}
    return {label: sum(r.get(label, 0.0) for r in readings) / len(readings) for label in readings[0]}
