#!/usr/bin/env python3
"""Validate evals/test.jsonl (stdlib only; run by tests/test_test_set.py).

Checks: every line parses and has the expected fields and types; ids unique; known category; answerable=false
lines carry no facts/listings; every fact of an answerable guide question occurs in the reference text after
folding case, white space and number formats; every fact of a listing question occurs in one of its expected
listings; every listing id exists in the feeds; expected listing ids are among the candidates that
derive_listings.py's predicate for that question finds (when it has one); forbidden strings do not collide
with facts. Prints the count per category. Exit status 1 on any error.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import derive_listings as dl  # noqa: E402

SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
REF = os.path.join(SHARED, "reference", "remote-senior-ml-engineer.txt")
TEST = os.environ.get("TEST_SET", os.path.join(HERE, "..", "test.jsonl"))
CATS = {"overview", "employers", "responsibilities", "skills", "checks", "pay", "levels", "hiring", "flags",
        "time_split", "faq", "comparison", "listings", "multi_turn", "unanswerable", "off_topic", "injection"}
KEYS = {"id": str, "category": str, "question": str, "turns": list, "facts": list, "forbidden": list,
        "sources": list, "listings": list, "answerable": bool}
SOURCES = {"remoteok", "remotive", "jobicy", "weworkremotely", "greenhouse"}


def fold(s):
    s = s.lower()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)", "", s)  # thousands separators 110,000 / 110 000
    s = re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)", "", s)
    s = re.sub(r"(\d+(?:\.\d+)?)\s*k\b", lambda m: str(int(float(m.group(1)) * 1000)), s)
    s = re.sub(r"\s+", "", s)
    return s


def main():
    errors, warns = [], []
    ref = fold(open(REF, encoding="utf-8").read())
    recs = dl.load_all()
    by_id = collections.defaultdict(list)
    for r in recs:
        by_id[r["id"]].append(r)
    groups = dl.group(recs)
    seen = set()
    cats = collections.Counter()
    n = 0
    for ln, line in enumerate(open(TEST, encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except Exception as e:
            errors.append(f"line {ln}: does not parse: {e}")
            continue
        n += 1
        qid = q.get("id", f"line{ln}")
        for k, t in KEYS.items():
            if k not in q:
                errors.append(f"{qid}: missing {k}")
            elif not isinstance(q[k], t):
                errors.append(f"{qid}: {k} should be {t.__name__}")
        if set(q) - set(KEYS):
            warns.append(f"{qid}: extra keys {set(q) - set(KEYS)}")
        if qid in seen:
            errors.append(f"{qid}: duplicate id")
        seen.add(qid)
        cat = q.get("category")
        cats[cat] += 1
        if cat not in CATS:
            errors.append(f"{qid}: unknown category {cat}")
        if not q.get("question", "").strip():
            errors.append(f"{qid}: empty question")
        facts, lids = q.get("facts", []), q.get("listings", [])
        if not q.get("answerable", True):
            if facts or lids:
                errors.append(f"{qid}: answerable=false but has facts/listings")
            continue
        for f in facts:
            if len(f.split()) > 4:
                warns.append(f"{qid}: long fact {f!r}")
        for lid in lids:
            src, _, nid = lid.partition(":")
            if src not in SOURCES or not nid:
                errors.append(f"{qid}: bad listing id format {lid}")
            elif lid not in by_id:
                errors.append(f"{qid}: listing id not in feeds {lid}")
        if lids or "listing" in q.get("sources", []):
            # listing question: facts must be in one of its listings
            texts = [fold(dl.text(r)) for lid in lids for r in by_id.get(lid, [])]
            for f in facts:
                if not any(fold(f) in t for t in texts):
                    errors.append(f"{qid}: listing fact {f!r} not found in its listings")
            pred = dl.QUERIES.get(qid)
            if pred is None and lids:
                warns.append(f"{qid}: no derivation predicate in derive_listings.QUERIES")
            elif pred is not None:
                cand = set()
                for g in groups:
                    if any(pred(x) for x in g):
                        cand |= {x["id"] for x in g}
                for lid in lids:
                    if lid not in cand:
                        errors.append(f"{qid}: {lid} not among derived candidates")
        else:
            for f in facts:
                if fold(f) not in ref:
                    errors.append(f"{qid}: fact {f!r} not in reference text")
        for fb in q.get("forbidden", []):
            for f in facts:
                if fold(fb) in fold(f) or fold(f) in fold(fb):
                    errors.append(f"{qid}: forbidden {fb!r} collides with fact {f!r}")
    print(f"{n} questions")
    for c in sorted(CATS):
        print(f"  {c:17s} {cats.get(c, 0)}")
    for w in warns:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
