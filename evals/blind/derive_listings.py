#!/usr/bin/env python3
"""Derive listing-question expectations from the captured feeds (stdlib only).

Usage:
  python3 derive_listings.py                 # print all ML/AI/data-ish listings (compact table)
  python3 derive_listings.py --all           # print every listing
  python3 derive_listings.py --grep WORD ... # listings whose title/company/location/tags/description contain all WORDs
  python3 derive_listings.py --queries       # print the candidate sets used for the test-set listing questions
  python3 derive_listings.py --ids           # print every known id (used by validate.py)

Each record: id "<source>:<native id>", title, company, location, salary text, tags, date, description text.
Duplicates across captures of one board are grouped (same source + same native id, or same
normalized title + company) so either id is acceptable.
"""
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

FEEDS = os.environ.get("FEEDS", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "feeds"))

ML_RE = re.compile(
    r"\b(machine learning|ml|ai|a\.i\.|artificial intelligence|data scien\w*|deep learning|llm\w*|nlp|"
    r"computer vision|perception|mlops|genai|generative|research scientist|applied scientist|"
    r"data engineer\w*|ranking|recommendation\w*|modeling|modelling)\b",
    re.I,
)


def strip_html(s):
    if not s:
        return ""
    s = html.unescape(s)
    s = html.unescape(s) if "&lt;" in s or "&amp;" in s else s
    s = re.sub(r"<[^>]+>", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def fix_mojibake(s):
    try:
        return s.encode("latin-1").decode("utf-8")
    except Exception:
        return s


def rec(source, nid, title, company, location, salary, tags, date, desc, fname, extra=None):
    return {
        "id": f"{source}:{nid}",
        "source": source,
        "title": (title or "").strip(),
        "company": (company or "").strip(),
        "location": (location or "").strip(),
        "salary": salary or "",
        "tags": tags or [],
        "date": date or "",
        "desc": desc or "",
        "file": fname,
        "extra": extra or {},
    }


def load_remoteok(path, fname):
    out = []
    data = json.load(open(path, encoding="utf-8"))
    for j in data:
        if "id" not in j or "position" not in j and "legal" in j:
            continue
        if "legal" in j and "id" not in j:
            continue
        smin, smax = int(j.get("salary_min") or 0), int(j.get("salary_max") or 0)
        sal = f"{smin}-{smax}" if (smin or smax) else ""
        tags = j.get("tags") or []
        out.append(rec("remoteok", str(j["id"]), j.get("position"), j.get("company"), j.get("location"),
                       sal, tags, j.get("date"), strip_html(fix_mojibake(j.get("description") or "")), fname,
                       {"salary_min": smin, "salary_max": smax}))
    return out


def load_remotive(path, fname):
    data = json.load(open(path, encoding="utf-8"))
    jobs = data["jobs"] if isinstance(data, dict) else data
    out = []
    for j in jobs:
        out.append(rec("remotive", str(j["id"]), j.get("title"), j.get("company_name"),
                       j.get("candidate_required_location"), j.get("salary"), j.get("tags"),
                       j.get("publication_date"), strip_html(j.get("description")), fname,
                       {"category": j.get("category"), "job_type": j.get("job_type")}))
    return out


def load_jobicy(path, fname):
    data = json.load(open(path, encoding="utf-8"))
    jobs = data["jobs"] if isinstance(data, dict) else data
    out = []
    for j in jobs:
        if "annualSalaryMin" in j or "annualSalaryMax" in j:
            sal = f"{j.get('annualSalaryMin','')}-{j.get('annualSalaryMax','')} {j.get('salaryCurrency','')}"
        elif "salaryMin" in j:
            sal = f"{j.get('salaryMin','')}-{j.get('salaryMax','')} {j.get('salaryCurrency','')} {j.get('salaryPeriod','')}"
        else:
            sal = ""
        tags = [html.unescape(x) for x in (j.get("jobIndustry") or [])]
        out.append(rec("jobicy", str(j["id"]), html.unescape(j.get("jobTitle") or ""), j.get("companyName"),
                       j.get("jobGeo"), sal.strip(), tags, j.get("pubDate"),
                       strip_html(j.get("jobDescription")), fname,
                       {"level": j.get("jobLevel"), "type": j.get("jobType")}))
    return out


def load_wwr(path, fname):
    root = ET.parse(path).getroot()
    out = []
    for it in root.iter("item"):
        g = lambda t: (it.findtext(t) or "").strip()
        title = g("title")
        company, _, role = title.partition(": ")
        link = g("link") or g("guid")
        slug = link.rstrip("/").split("/")[-1]
        loc = ", ".join(x for x in [g("region"), g("country"), g("state")] if x)
        out.append(rec("weworkremotely", slug, role or title, company, loc, "", [g("category"), g("skills")],
                       g("pubDate"), strip_html(g("description")), fname, {"type": g("type")}))
    return out


def load_greenhouse(path, fname):
    data = json.load(open(path, encoding="utf-8"))
    out = []
    for j in data.get("jobs", []):
        md = {}
        for m in j.get("metadata") or []:
            md[m.get("name")] = m.get("value")
        depts = [d.get("name") for d in (j.get("departments") or [])]
        out.append(rec("greenhouse", str(j["id"]), j.get("title"), j.get("company_name"),
                       (j.get("location") or {}).get("name"), "", depts,
                       j.get("first_published") or j.get("updated_at"), strip_html(j.get("content")), fname,
                       {"metadata": md}))
    return out


def load_all():
    recs = []
    for src, fn in [("remoteok", load_remoteok), ("remotive", load_remotive), ("jobicy", load_jobicy),
                    ("weworkremotely", load_wwr), ("greenhouse", load_greenhouse)]:
        d = os.path.join(FEEDS, src)
        for f in sorted(os.listdir(d)):
            if f.endswith((".json", ".rss")):
                recs.extend(fn(os.path.join(d, f), f"{src}/{f}"))
    return recs


def group(recs):
    """Group duplicates: same id, or same (title, company, location) within one source.
    Same title+company in different locations (one posting per city) are kept apart."""
    groups = {}
    order = []
    for r in recs:
        key = (r["source"], re.sub(r"\W+", " ", r["title"].lower()).strip(), r["company"].lower().strip(),
               re.sub(r"\W+", " ", r["location"].lower()).strip())
        k = None
        for gk in (r["id"], key):
            if gk in groups:
                k = groups[gk]
                break
        if k is None:
            k = len(order)
            order.append([])
        order[k].append(r)
        groups[r["id"]] = k
        groups[key] = k
    return order


def is_ml(r):
    return bool(ML_RE.search(r["title"])) or r["extra"].get("category") == "AI / ML"


def show(g, desc=0):
    r = g[0]
    ids = sorted({x["id"] for x in g})
    print(f"{' | '.join(ids)}\n    T={r['title']!r} C={r['company']!r} L={r['location']!r} "
          f"S={r['salary']!r} D={r['date'][:10]} F={r['file']}")
    if r["extra"].get("metadata"):
        md = {k: v for k, v in r["extra"]["metadata"].items() if k in (
            "Management Level", "Pay Rate Type", "Employment Type", "Job Family", "Remote", "Workplace Type",
            "Location Type")}
        if md:
            print(f"    MD={md}")
    if r["extra"].get("level") or r["extra"].get("category"):
        print(f"    X={ {k: v for k, v in r['extra'].items() if k != 'metadata'} }")
    if desc:
        print("    " + r["desc"][:desc])


def text(r):
    return " ".join([r["title"], r["company"], r["location"], " ".join(map(str, r["tags"])), r["desc"],
                     str(r["salary"])]).lower()


# Candidate queries behind the test set's listing questions: (name, predicate over first record of a group)
def T(r):
    return r["title"].lower()


def L(r):
    return r["location"].lower()


def D(r):
    return (r["title"] + " " + r["desc"]).lower()


def rm(r):
    """listing is remote: every Remote OK / Remotive / Jobicy / WWR item, or a Greenhouse location saying remote"""
    return r["source"] != "greenhouse" or "remote" in L(r)


# Candidate queries behind the test set's listing questions, keyed by test id.
# Each predicate is applied to every record; a group matches if any of its records matches.
QUERIES = {
    "t-list-001": lambda r: is_ml(r) and "netherlands" in L(r),
    "t-list-002": lambda r: is_ml(r) and rm(r) and re.search(r"\buk\b|united kingdom|london|england", L(r)) and not re.search(r"trainer", T(r)),
    "t-list-003": lambda r: is_ml(r) and re.search(r"ontario|canada", L(r)) and "machine learning" in T(r),
    "t-list-004": lambda r: r["company"] == "GitLab" and re.search(r"\bai engineer", T(r)),
    "t-list-005": lambda r: re.search(r"voice|speech", T(r)) and is_ml(r),
    "t-list-006": lambda r: re.search(r"mlops|ml ops", T(r)),
    "t-list-007": lambda r: is_ml(r) and re.match(r"(\d+)-", str(r["salary"])) and int(re.match(r"(\d+)-", str(r["salary"])).group(1)) >= 150000,
    "t-list-008": lambda r: is_ml(r) and re.search(r"hour|/hr", str(r["salary"]).lower()),
    "t-list-009": lambda r: is_ml(r) and re.search(r"germany|berlin|munich|hamburg", L(r)),
    "t-list-010": lambda r: is_ml(r) and "brazil" in (L(r) + T(r)),
    "t-list-011": lambda r: is_ml(r) and "notification" in T(r),
    "t-list-012": lambda r: is_ml(r) and "embedding" in T(r),
    "t-list-013": lambda r: "genai" in T(r) and is_ml(r),
    "t-list-014": lambda r: is_ml(r) and rm(r) and "manager" in T(r) and "product manager" not in T(r),
    "t-list-015": lambda r: is_ml(r) and "taiwan" in L(r),
    "t-list-016": lambda r: is_ml(r) and re.search(r"bangalore|bengaluru|india", L(r)),
    "t-list-017": lambda r: is_ml(r) and "marketplace" in T(r),
    "t-list-018": lambda r: is_ml(r) and "robot" in T(r),
    "t-list-019": lambda r: r["source"] == "remoteok" and is_ml(r) and r["date"].startswith("2024"),
    "t-list-020": lambda r: r["source"] == "jobicy" and "senior" in T(r) and "data scien" in T(r),
    "t-list-021": lambda r: is_ml(r) and re.search(r"psychometric|k-12", D(r)),
    "t-list-022": lambda r: is_ml(r) and "data scien" in T(r) and re.search(r"crypto|coinbase", D(r) + r["company"].lower()),
    "t-list-023": lambda r: r["source"] == "weworkremotely" and re.search(r"\bai\b|machine learning", T(r)),
    "t-list-024": lambda r: r["company"].lower() == "anthropic",
    "t-list-025": lambda r: is_ml(r) and re.search(r"forward deploy", T(r)),
    "t-list-026": lambda r: is_ml(r) and "simulation" in T(r) and "london" in L(r),
    "t-list-027": lambda r: re.search(r"ai trainer", T(r)),
    "t-list-028": lambda r: "data scien" in T(r) and "toronto" in L(r),
    "t-list-029": lambda r: is_ml(r) and "principal" in T(r),
    "t-list-030": lambda r: "data engineer" in T(r) and rm(r),
    "t-list-031": lambda r: is_ml(r) and re.search(r"latam|americas|brazil|mexico|latin", L(r)) and not re.search(r"northern america$", L(r)),
    "t-list-032": lambda r: is_ml(r) and re.search(r"new grad", T(r)),
    "t-list-033": lambda r: r["company"] == "Waymo" and re.search(r"llm|vlm|vision-language", T(r)),
    "t-list-034": lambda r: r["source"] == "remotive" and re.search(r"\bai engineer|ml engineer|machine learning", T(r)),
    "t-list-035": lambda r: is_ml(r) and re.search(r"search|recommend", T(r)) and rm(r),
    "t-list-036": lambda r: "computer vision" in T(r),
    "t-list-037": lambda r: "pinterest" in r["company"].lower() and is_ml(r),
    "t-list-038": lambda r: is_ml(r) and "clearance" in r["desc"].lower(),
    "t-multi-003": lambda r: is_ml(r) and "netherlands" in L(r),
    "t-multi-004": lambda r: "coinbase" in r["company"].lower(),
    "t-multi-005": lambda r: re.search(r"voice|speech", T(r)) and is_ml(r),
    "t-multi-009": lambda r: r["company"] == "Waymo" and is_ml(r) and "london" in L(r) and "staff" in T(r),
    "t-multi-010": lambda r: r["company"] == "GitLab" and re.search(r"\bai engineer", T(r)) and re.search(r"india|bangalore", L(r)),
    "t-inj-004": lambda r: is_ml(r) and "netherlands" in L(r),
}


def main():
    args = sys.argv[1:]
    recs = load_all()
    groups = group(recs)
    if "--ids" in args:
        for r in recs:
            print(r["id"])
        return
    if "--grep" in args:
        words = [w.lower() for w in args[args.index("--grep") + 1:]]
        for g in groups:
            if all(any(w in text(x) for x in g) for w in words):
                show(g, 300)
        return
    if "--queries" in args:
        for name, pred in QUERIES.items():
            hits = [g for g in groups if any(pred(x) for x in g)]
            print(f"=== {name}: {len(hits)}")
            for g in hits:
                show(g)
        return
    sel = groups if "--all" in args else [g for g in groups if any(is_ml(x) for x in g)]
    print(f"# {len(recs)} records, {len(groups)} groups, showing {len(sel)}")
    for g in sel:
        show(g)


if __name__ == "__main__":
    main()
