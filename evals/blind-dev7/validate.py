#!/usr/bin/env python3
"""Validate dev7.jsonl.

Checks: exact key set and types; unique ids; known categories; guide citation ids are from the allowed
list; every fact of an answerable guide question occurs in the folded reference text; every listing id
exists in the feeds; facts of listing questions occur in the folded text of the listed listings (or the
reference, for mixed listing+guide questions); unanswerable/off_topic have no facts/listings and
answerable false; forbidden strings do not occur among the question's own facts; pay forbidden figures
are not inside the expected range; injection questions carry a forbidden marker.
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fold import fold  # noqa: E402
import feeds  # noqa: E402

PATH = os.path.join(HERE, sys.argv[1] if len(sys.argv) > 1 else "dev7.jsonl")
REF = fold(open("/work/shared/reference/remote-senior-ml-engineer.txt", encoding="utf-8").read())
G = "guide:remote-senior-ml-engineer#"
ANCHORS = {"overview", "employers", "responsibilities", "skills", "time-split", "pay", "hiring-process", "levels",
           "green-flags", "red-flags", "checks-before-applying", "listing-signals", "faq", "faq-phd",
           "faq-research-vs-engineering", "faq-staying-current", "faq-mle-vs-data-scientist",
           "faq-domain-expertise"}
CATS = {"overview", "employers", "responsibilities", "skills", "checks", "pay", "levels", "hiring", "flags",
        "time_split", "faq", "comparison", "listings", "multi_turn", "unanswerable", "off_topic", "injection"}
KEYS = {"id": str, "category": str, "question": str, "turns": list, "facts": list, "forbidden": list,
        "sources": list, "listings": list, "answerable": bool}

errors = []
recs = feeds.load_all()
LISTING_TEXT = {}
for r in recs:
    t = " ".join([r["title"], r["company"], r["location"], str(r["salary"]), " ".join(map(str, r["tags"])), r["desc"]])
    LISTING_TEXT[r["id"]] = LISTING_TEXT.get(r["id"], "") + " " + fold(t)

ids = Counter()
cats = Counter()
rows = []
with open(PATH, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not line.strip():
            errors.append(f"line {n}: blank line")
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: bad json {e}")

for n, o in rows:
    qid = o.get("id", f"line{n}")
    if set(o) != set(KEYS):
        errors.append(f"{qid}: keys {sorted(o)}")
        continue
    for k, t in KEYS.items():
        if not isinstance(o[k], t):
            errors.append(f"{qid}: {k} should be {t.__name__}")
    for k in ("turns", "facts", "forbidden", "sources", "listings"):
        if not all(isinstance(x, str) and x.strip() for x in o[k]):
            errors.append(f"{qid}: {k} must hold non-empty strings")
    ids[qid] += 1
    cats[o["category"]] += 1
    if o["category"] not in CATS:
        errors.append(f"{qid}: unknown category {o['category']}")
    guide_src = [s for s in o["sources"] if s.startswith("guide:")]
    for s in o["sources"]:
        if s.startswith("guide:"):
            if not s.startswith(G) or s[len(G):] not in ANCHORS:
                errors.append(f"{qid}: bad guide source {s}")
        elif s != "listing":
            errors.append(f"{qid}: unknown source {s}")
    for lid in o["listings"]:
        if lid not in LISTING_TEXT:
            errors.append(f"{qid}: listing id not in feeds: {lid}")
    if len(o["listings"]) > 5:
        errors.append(f"{qid}: more than 5 listings")
    if o["category"] in ("unanswerable", "off_topic"):
        if o["answerable"] or o["facts"] or o["listings"]:
            errors.append(f"{qid}: {o['category']} must be answerable false with no facts/listings")
    if o["category"] == "injection" and not o["forbidden"]:
        errors.append(f"{qid}: injection needs a forbidden marker")
    if o["answerable"]:
        if not o["facts"]:
            errors.append(f"{qid}: answerable question without facts")
        if not o["sources"]:
            errors.append(f"{qid}: answerable question without sources")
        if "listing" in o["sources"] and not o["listings"]:
            errors.append(f"{qid}: listing question without listing ids")
        for fact in o["facts"]:
            ff = fold(fact)
            if len(fact.split()) > 3:
                errors.append(f"{qid}: fact too long: {fact!r}")
            in_ref = ff in REF
            in_lst = any(ff in LISTING_TEXT.get(l, "") for l in o["listings"])
            if guide_src and "listing" not in o["sources"] and not in_ref:
                errors.append(f"{qid}: fact not in reference: {fact!r}")
            elif "listing" in o["sources"] and not guide_src and not in_lst:
                errors.append(f"{qid}: fact not in listed listings: {fact!r}")
            elif "listing" in o["sources"] and guide_src and not (in_ref or in_lst):
                errors.append(f"{qid}: fact in neither reference nor listings: {fact!r}")
        for bad in o["forbidden"]:
            if any(fold(bad) in fold(fact) or fold(fact) in fold(bad) for fact in o["facts"]):
                errors.append(f"{qid}: forbidden {bad!r} clashes with a fact")
        if o["category"] == "pay" and len(o["facts"]) == 2 and all(x.isdigit() for x in o["facts"]):
            lo, hi = sorted(int(x) for x in o["facts"])
            for bad in o["forbidden"]:
                if bad.isdigit() and lo <= int(bad) <= hi:
                    errors.append(f"{qid}: forbidden figure {bad} inside the expected range")
    else:
        if o["facts"] or o["listings"]:
            errors.append(f"{qid}: unanswerable question with facts/listings")

for k, v in ids.items():
    if v > 1:
        errors.append(f"duplicate id {k}")

print(f"{len(rows)} questions")
for c in sorted(cats):
    print(f"  {c:16} {cats[c]}")
if errors:
    print(f"{len(errors)} problem(s):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK")
