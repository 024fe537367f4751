#!/usr/bin/env python3
"""Load every listing in /work/shared/feeds into one normalised list and search it.

Usage:
  python3 feeds.py                      # summary counts
  python3 feeds.py search WORD [WORD..] # listings whose title/company/location/tags contain all words
  python3 feeds.py search -d WORD ...   # also search the description text
  python3 feeds.py show ID              # print one listing (all captures of that id)
  python3 feeds.py ids                  # print every listing id
"""
import glob
import html
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

FEEDS = "/work/shared/feeds"


def strip_html(s):
    s = html.unescape(s or "")
    s = re.sub(r"<[^>]+>", " ", s)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s).strip()


def _rec(**kw):
    kw.setdefault("salary", "")
    kw.setdefault("tags", [])
    kw.setdefault("desc", "")
    kw.setdefault("date", "")
    kw.setdefault("url", "")
    return kw


def load_remoteok():
    out = []
    for f in sorted(glob.glob(f"{FEEDS}/remoteok/*.json")):
        data = json.load(open(f))
        for el in data:
            if "legal" in el and "id" not in el:
                continue
            sal = ""
            if el.get("salary_min") or el.get("salary_max"):
                sal = f"{el.get('salary_min')}-{el.get('salary_max')}"
            out.append(_rec(id=f"remoteok:{el['id']}", file=os.path.basename(f), title=el.get("position", ""),
                            company=el.get("company", ""), location=el.get("location", ""), salary=sal,
                            tags=el.get("tags") or [], desc=strip_html(el.get("description", "")),
                            date=el.get("date", ""), url=el.get("url", "")))
    return out


def load_remotive():
    out = []
    for f in sorted(glob.glob(f"{FEEDS}/remotive/*.json")):
        data = json.load(open(f))
        jobs = data["jobs"] if isinstance(data, dict) else data
        for j in jobs:
            out.append(_rec(id=f"remotive:{j['id']}", file=os.path.basename(f), title=j.get("title", ""),
                            company=j.get("company_name", ""), location=j.get("candidate_required_location", ""),
                            salary=j.get("salary", ""), tags=(j.get("tags") or []) + [j.get("category", ""), j.get("job_type", "")],
                            desc=strip_html(j.get("description", "")), date=j.get("publication_date", ""),
                            url=j.get("url", "")))
    return out


def load_jobicy():
    out = []
    for f in sorted(glob.glob(f"{FEEDS}/jobicy/*.json")):
        data = json.load(open(f))
        for j in data["jobs"]:
            lo = j.get("annualSalaryMin") or j.get("salaryMin")
            hi = j.get("annualSalaryMax") or j.get("salaryMax")
            sal = ""
            if lo or hi:
                sal = f"{lo}-{hi} {j.get('salaryCurrency', '')} {j.get('salaryPeriod', '')}".strip()
            tags = []
            for k in ("jobIndustry", "jobType"):
                v = j.get(k) or []
                tags += [html.unescape(x) for x in (v if isinstance(v, list) else [v])]
            tags.append(j.get("jobLevel", ""))
            out.append(_rec(id=f"jobicy:{j['id']}", file=os.path.basename(f), title=html.unescape(j.get("jobTitle", "")),
                            company=j.get("companyName", ""), location=j.get("jobGeo", ""), salary=sal, tags=tags,
                            desc=strip_html(j.get("jobDescription", "") or j.get("jobExcerpt", "")),
                            date=j.get("pubDate", ""), url=j.get("url", "")))
    return out


def load_wwr():
    out = []
    for f in sorted(glob.glob(f"{FEEDS}/weworkremotely/*.rss")):
        root = ET.parse(f).getroot()
        for it in root.iter("item"):
            g = lambda t: (it.findtext(t) or "").strip()
            link = g("link")
            title = g("title")
            company, _, role = title.partition(": ")
            loc = ", ".join(x for x in (g("region"), g("country"), g("state")) if x)
            out.append(_rec(id=f"weworkremotely:{link.rstrip('/').split('/')[-1]}", file=os.path.basename(f),
                            title=role or title, company=company, location=loc,
                            tags=[g("category"), g("type"), g("skills")], desc=strip_html(g("description")),
                            date=g("pubDate"), url=link))
    return out


def load_greenhouse():
    out = []
    for f in sorted(glob.glob(f"{FEEDS}/greenhouse/*.json")):
        board = os.path.basename(f).split("_")[0]
        data = json.load(open(f))
        for j in data["jobs"]:
            meta = []
            for m in j.get("metadata") or []:
                v = m.get("value")
                meta.append(f"{m.get('name')}={v}")
            depts = [d.get("name", "") for d in j.get("departments") or []]
            out.append(_rec(id=f"greenhouse:{j['id']}", file=os.path.basename(f), title=j.get("title", ""),
                            company=j.get("company_name") or board, location=(j.get("location") or {}).get("name", ""),
                            tags=depts + meta, desc=strip_html(j.get("content", "")),
                            date=j.get("updated_at", ""), url=j.get("absolute_url", "")))
    return out


def load_all():
    return load_remoteok() + load_remotive() + load_jobicy() + load_wwr() + load_greenhouse()


def all_ids():
    return {r["id"] for r in load_all()}


def main(argv):
    recs = load_all()
    if not argv:
        from collections import Counter
        c = Counter(r["id"].split(":")[0] for r in recs)
        print(c, "unique ids", len({r["id"] for r in recs}))
        return
    cmd = argv[0]
    if cmd == "ids":
        for i in sorted({r["id"] for r in recs}):
            print(i)
    elif cmd == "show":
        for r in recs:
            if r["id"] == argv[1]:
                print(json.dumps({k: (v[:3000] if isinstance(v, str) else v) for k, v in r.items()}, indent=1))
    elif cmd == "search":
        words = argv[1:]
        use_desc = False
        if words and words[0] == "-d":
            use_desc, words = True, words[1:]
        seen = set()
        for r in recs:
            hay = " ".join([r["title"], r["company"], r["location"], " ".join(map(str, r["tags"]))])
            if use_desc:
                hay += " " + r["desc"]
            hay = hay.lower()
            if all(w.lower() in hay for w in words):
                key = (r["id"], r["file"])
                if key in seen:
                    continue
                seen.add(key)
                print(f"{r['id']:32} | {r['title'][:60]:60} | {r['company'][:22]:22} | {r['location'][:45]:45} | {r['salary']} | {r['file']}")


if __name__ == "__main__":
    main(sys.argv[1:])
