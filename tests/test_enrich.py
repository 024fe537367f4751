"""assistant.corpus.listings.enrich on the captured feeds in ../shared/feeds and on realistic snippets.

The feeds are read in place (never copied); their descriptions are HTML and are reduced to plain text here
with a small local helper, as the connectors hand the enrich functions plain text.
"""

from __future__ import annotations

import html
import importlib
import json
import pkgutil
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

from assistant.corpus.listings import enrich
from assistant.corpus.listings.enrich import employment_type, ml_relevance, seniority, signals, skills, work_mode
from assistant.corpus.listings.enrich.lexicon import Lexicon
from assistant.vocab.listing import Clarity, EmploymentType, Seniority, WorkMode

FEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "feeds"

# ---------------------------------------------------------------------------------------------------------
# Reading the feeds
# ---------------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|li|h\d|div|ul|ol|tr)>")
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
_BLANK_LINES = re.compile(r" *\n[ \n]*")


def plain(markup: str | None) -> str:
    text = html.unescape(markup or "")
    if "&lt;" in text or "&amp;" in text:  # Greenhouse content is entity-escaped HTML
        text = html.unescape(text)
    text = _TAG.sub(" ", _BLOCK_END.sub("\n", text))
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def _metadata(job: dict, name: str) -> str | None:
    """A metadata value as the Greenhouse connector passes it on: a list joined with commas."""
    value = next((m.get("value") for m in job.get("metadata") or [] if m.get("name") == name), None)
    return ", ".join(value) if isinstance(value, list) else value


def _jobs(data) -> list[dict]:
    return data if isinstance(data, list) else data["jobs"]


@cache
def listings() -> tuple[dict, ...]:
    """Every listing of every feed file as the keyword arguments the enrich functions take."""
    out = []
    for path in sorted(FEEDS.rglob("*")):
        source = path.parent.name
        if path.suffix == ".rss":
            for item in ET.parse(path).getroot().iter("item"):
                _, _, role = (item.findtext("title") or "").partition(": ")
                skills_text = item.findtext("skills") or ""
                out.append(
                    dict(
                        file=path.name,
                        source=source,
                        id=item.findtext("guid") or "",
                        title=role,
                        description=plain(item.findtext("description")),
                        location=item.findtext("region") or "",
                        tags=[s.strip() for s in skills_text.split(",") if s.strip()],
                        category=item.findtext("category"),
                        raw_type=item.findtext("type"),
                        level=None,
                        hint=None,
                        remote_board=True,
                    )
                )
        elif path.suffix == ".json":
            data = json.loads(path.read_text())
            if source == "remoteok":
                out += [
                    dict(
                        file=path.name,
                        source=source,
                        id=str(j["id"]),
                        title=j.get("position") or "",
                        description=plain(j.get("description")),
                        location=j.get("location") or "",
                        tags=j.get("tags") or [],
                        category=None,
                        raw_type=None,
                        level=None,
                        hint=None,
                        remote_board=True,
                    )
                    for j in data
                    if "legal" not in j
                ]
            elif source == "remotive":
                out += [
                    dict(
                        file=path.name,
                        source=source,
                        id=str(j["id"]),
                        title=j["title"],
                        description=plain(j.get("description")),
                        location=j.get("candidate_required_location") or "",
                        tags=j.get("tags") or [],
                        category=j.get("category"),
                        raw_type=j.get("job_type"),
                        level=None,
                        hint=None,
                        remote_board=True,
                    )
                    for j in _jobs(data)
                ]
            elif source == "jobicy":
                out += [
                    dict(
                        file=path.name,
                        source=source,
                        id=str(j["id"]),
                        title=html.unescape(j["jobTitle"]),
                        description=plain(j.get("jobDescription")),
                        location=j.get("jobGeo") or "",
                        tags=[],
                        category=html.unescape(", ".join(j.get("jobIndustry") or [])) or None,
                        raw_type=j.get("jobType"),
                        level=j.get("jobLevel"),
                        hint=None,
                        remote_board=True,
                    )
                    for j in _jobs(data)
                ]
            elif source == "greenhouse":
                out += [
                    dict(
                        file=path.name,
                        source=source,
                        id=str(j["id"]),
                        title=j["title"],
                        description=plain(j.get("content")),
                        location=(j.get("location") or {}).get("name") or "",
                        tags=[],
                        category=None,
                        raw_type=_metadata(j, "Time Type"),
                        level=_metadata(j, "Management Level") or _metadata(j, "Job Level"),
                        hint=_metadata(j, "Location Type"),
                        remote_board=False,
                    )
                    for j in _jobs(data)
                ]
    return tuple(out)


def listing(source_file: str, native_id: str) -> dict:
    return next(x for x in listings() if x["file"].startswith(source_file) and x["id"] == native_id)


def mode_of(x: dict):
    return work_mode(x["title"], x["description"], x["location"], hint=x["hint"], remote_board=x["remote_board"])


def ml_of(x: dict):
    return ml_relevance(x["title"], x["description"], x["tags"], x["category"])


def test_the_feeds_are_all_read():
    files = {x["file"] for x in listings()}
    assert len(files) == 23
    assert len(listings()) == 898


# ---------------------------------------------------------------------------------------------------------
# ML relevance
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_file", "native_id", "evidence"),
    [
        ("api_2024-12-04", "1056760", ["MLOps"]),  # Remote OK "Senior MLOps Engineer"
        ("reddit", "6960831", ["Machine Learning Engineer"]),  # "Senior Machine Learning Engineer"
        ("reddit", "8022942", ["Machine Learning Systems Engineer"]),
        ("reddit", "7359367", ["Engineering Manager", "Embeddings"]),  # "... Unified Embeddings Platform"
        ("reddit", "7555007", ["Engineer", "Post-training"]),  # "Staff Research Engineer, Post-training & ..."
        ("waymo", "7896159", ["Engineer", "ML"]),  # "Senior Software Engineer, ML Data Infrastructure"
        ("waymo", "7449712", ["Engineer", "Perception"]),  # "Software Engineer, Perception Scaling Evaluation"
        ("waymo", "8003626", ["Research Scientist"]),
        ("api_2026-03-16", "1130751", ["AI Engineer"]),  # "CI&T 27985 Senior AI Engineer Brazil"
        ("api_2026-03-16", "1130744", ["AI ML Engineer"]),  # "BPM LLP AI ML Engineer"
        ("api_2026-03-16", "1130703", ["Data Scientist"]),  # "Data Scientist IV"
        ("remote-jobs_2026-07-18", "2090986", ["AI Engineer", "Artificial Intelligence"]),  # category supports
        ("v2_2024-12-08_tag-python", "74847", ["Research Scientist", "Data Science"]),
        ("gitlab_content_2026-07-17", "8565469002", ["AI Engineer"]),
    ],
)
def test_ml_roles_from_their_titles(source_file, native_id, evidence):
    assert ml_of(listing(source_file, native_id)) == (True, evidence)


@pytest.mark.parametrize(
    ("source_file", "native_id"),
    [
        ("remote-jobs_2026-07-18", "2091035"),  # EverAI "Mid/Senior AI Cinematic Video Editor", category AI
        ("api_2026-03-16", "1130787"),  # "Senior Sales Engineer Data & AI Security"
        (  # "Full Stack Engineer with AI Coding expertise for SaaS Platform"
            "remote-jobs_2026-02-22",
            "https://weworkremotely.com/remote-jobs/"
            "summedd-full-stack-engineer-with-ai-coding-expertise-for-saas-platform",
        ),
        ("gitlab_content_2026-08-11", "8638232002"),  # "AI Transformation Owner, CRO"
        ("api_2026-03-16", "1130776"),  # "AI Trainer"
        ("api_2026-03-16", "1130767"),  # "Salesforce Agentforce AI Technical Architect Manager"
        ("reddit", "8039261"),  # "Senior Security Engineer, AI Security"
        ("reddit", "8074860"),  # "Senior, Business Risk & AI Automation"
        ("reddit", "7954001"),  # "Staff Technical Product Manager, Ads ML Platform"
        ("waymo", "8010005"),  # "Technical Recruiter, AI/ML"
        ("waymo", "8116209"),  # "ML ASIC Design Engineer"
        ("waymo", "7367785"),  # "Systems Engineer, Perception"
        ("waymo", "7656333"),  # "Technical Specialist, ML Data"
        ("jobs-array_2026-02-19", "2088634"),  # "AI-Native Cloud Infrastructure Generalist", category "AI / ML"
        ("v2_2024-12-08_tag-python", "112944"),  # "Senior Data Engineer": ML only in a skills list and "a plus"
        ("remote-jobs_2026-07-18", "2090903"),  # "Data Labeling Specialists"
    ],
)
def test_not_ml_roles(source_file, native_id):
    assert ml_of(listing(source_file, native_id)) == (False, [])


def test_ai_as_a_subject_or_a_tool_is_not_an_ml_role():
    assert ml_relevance("Account Executive, AI", "", [], "AI / ML") == (False, [])
    assert ml_relevance("Full Stack Engineer with AI Coding expertise", "", []) == (False, [])
    assert ml_relevance("Brand Perception Manager", "", []) == (False, [])
    assert ml_relevance("Remote Sensing Scientist", "", []) == (False, [])


def test_a_generic_engineering_title_qualifies_on_ml_duties():
    # Jobicy "C++ Engineer" at Jan: leads an AI inference platform, computer vision / NLP work.
    relevant, evidence = ml_of(listing("v2_2024-12-08_tag-python", "101867"))
    assert relevant and "Inference" in evidence and "computer vision" in evidence

    duties = "About us\nWe build tools.\nResponsibilities\nTrain deep learning models in PyTorch and deploy them."
    assert ml_relevance("Senior Software Engineer", duties, []) == (
        True,
        ["Train deep learning models", "PyTorch"],
    )


def test_ml_words_outside_the_duties_do_not_make_a_generic_title_relevant():
    nice_to_have = (
        "Responsibilities\nBuild REST APIs.\nNice to Have\nExperience fine-tuning models or working with ML "
        "pipelines in PyTorch.\n"
    )
    assert ml_relevance("Senior Software Engineer", nice_to_have, []) == (False, [])
    blurb = "We are a leader in deep learning and PyTorch model training.\nResponsibilities\nBuild REST APIs.\n"
    assert ml_relevance("Software Engineer", blurb, []) == (False, [])
    one_term = "Responsibilities\nOptimize LLM inference for low latency.\n"
    assert ml_relevance("Software Engineer", one_term, []) == (False, [])


def test_a_category_alone_does_not_decide():
    assert ml_relevance("Communications Manager", "", ["AI/ML"], "AI / ML") == (False, [])


# Calibration against PROVENANCE.md's rough keyword counts of ML-ish titles; the comments name the titles
# counted there and deliberately not here. A change in these numbers is a change in precision or recall:
# read the titles that moved before updating them.
@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("reddit_list_2026-08-20.json", 48),  # rough count 50: AI Security, AI Automation, PM of ML Platform
        ("waymo_list_2026-08-22.json", 86),  # rough count 94: recruiters, ML chip design, PMs, specialists
        ("api_2026-03-16.json", 5),  # rough count 12: AI trainers, AI sales engineer, Salesforce architect
        ("api_2024-12-04.json", 1),
        ("remote-jobs_2026-07-18.json", 2),  # rough count 4: the EverAI video editor, twice
        ("v2_2024-12-08_tag-python.json", 6),  # the 5 data-science titles and the C++ inference engineer
        ("remote-jobs_2026-02-22.rss", 0),  # rough count 1: "Full Stack Engineer with AI Coding expertise"
        ("gitlab_content_2026-08-11_trimmed.json", 1),  # rough count 2: "AI Transformation Owner, CRO"
        ("anthropic_content_2026-07-14_trimmed.json", 0),
    ],
)
def test_ml_counts_per_feed_file(file, expected):
    assert sum(ml_of(x)[0] for x in listings() if x["file"] == file) == expected


# ---------------------------------------------------------------------------------------------------------
# Seniority
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Mid/Senior AI Cinematic Video Editor", Seniority.senior),
        ("(Senior) Product Director, Local Growth", Seniority.manager),
        ("Senior Product Manager", Seniority.senior),
        ("Product Manager", Seniority.unknown),
        ("Senior Principal Program Manager, GTM Excellence", Seniority.principal),
        ("Senior Staff Machine Learning Engineer, Feed Relevance", Seniority.staff),
        ("Senior/Staff ML Engineer, 3D/4D World Modeling, Simulation", Seniority.staff),
        ("Principal Data Scientist, Ads", Seniority.principal),
        ("Distinguished Engineer", Seniority.principal),
        ("Staff Machine Learning Engineer (TLM), Driver Understanding and Evaluation", Seniority.manager),
        ("Staff Engineer, Ads Business Manager", Seniority.staff),
        ("Senior Engineering Manager, Unified Embeddings Platform", Seniority.manager),
        ("Machine Learning Manager, Feed Ecosystems", Seniority.manager),
        ("Head of Marketing & Communications", Seniority.manager),
        ("VP Corporate Marketing Brand & Communications", Seniority.manager),
        ("Chief of Staff, Emergency Cash (Senior Manager)", Seniority.manager),
        ("Senior Client Account Manager, Large Customer Sales (CPG)", Seniority.senior),
        ("Lead Software Engineer Sandbox", Seniority.senior),
        ("Tech Lead Full-Stack Rails Engineer", Seniority.senior),
        ("Sr. Software Engineer - Backend", Seniority.senior),
        ("Data Scientist IV", Seniority.senior),
        ("Data Analyst II", Seniority.mid),
        ("Intermediate Software Engineer", Seniority.mid),
        ("Software Engineer, Python - Mid / Senior", Seniority.senior),
        ("SDE I", Seniority.junior),
        ("Job 19004 Junior Quality Assurance Engineer Brazil", Seniority.junior),
        ("Entry-Level Crypto Market Specialist", Seniority.junior),
        ("Software Engineer New Grad Production Infrastructure", Seniority.junior),
        ("Product Analyst Intern", Seniority.intern),
        ("Tier III Service Desk Engineer", Seniority.unknown),
        ("Sr. Staff Writer - Culture", Seniority.senior),
        ("Anthropic Fellows Program", Seniority.unknown),
    ],
)
def test_seniority_from_title(title, expected):
    assert seniority(title) == expected


@pytest.mark.parametrize(
    ("title", "hint", "expected"),
    [
        ("Client Partner, Mid-Market Sales (Services - Acquisitions)", "IC3", Seniority.mid),  # not "Mid"
        ("Experience Coordinator, San Francisco", "IC2", Seniority.junior),
        ("Machine Learning Engineer, Ads Optimization", "IC4", Seniority.senior),
        ("Enterprise Architect, Finance Technology", "IC5", Seniority.staff),
        ("Enterprise Architect", "IC6", Seniority.staff),
        ("Enterprise Architect", "IC7", Seniority.principal),
        ("Software Engineer", "M2", Seniority.manager),
        ("Software Engineer", "D1", Seniority.manager),
        ("Community Manager - French speaker (contract)", "Contractor", Seniority.unknown),
        ("Software Engineer, Perception Scaling Evaluation", "3", Seniority.junior),
        ("Machine Learning Engineer, Prediction & Planning", "4", Seniority.mid),
        ("Machine Learning Engineer, Simulation Realism", "L5", Seniority.senior),
        ("Product Manager, Growth", "5", Seniority.senior),
        ("Commercial Counsel", "6", Seniority.staff),
        ("Operations Controller", "7", Seniority.staff),
        ("Cybersecurity Counsel", "8", Seniority.principal),
        ("Staff Tech Lead, Perception, Fine-Tuning & Model Releases", "6, 7", Seniority.staff),
        ("Machine Learning Engineer, Simulation Realism", "5, L6", Seniority.unknown),  # a span of levels
        ("Software Engineer, Planner Vehicle Dynamics", "4, 5", Seniority.unknown),
        ("Account Manager", "Any", Seniority.unknown),
        ("Account Manager", "Midweight", Seniority.mid),
        ("Account Manager", "Director", Seniority.manager),
        ("Senior Data Scientist", "Junior", Seniority.senior),  # the title wins over the level field
    ],
)
def test_seniority_from_level_fields(title, hint, expected):
    assert seniority(title, level_hint=hint) == expected


def test_seniority_of_waymo_listings_from_their_job_level():
    assert listing("waymo", "7455592")["level"] == "4"  # "Data Scientist"
    assert seniority(listing("waymo", "7455592")["title"], level_hint="4") == Seniority.mid
    x = listing("waymo", "6506008")  # "Machine Learning Engineer, Runtime & Optimization", levels 4, 5 and 6
    assert (x["level"], seniority(x["title"], level_hint=x["level"])) == ("4, 5, 6", Seniority.unknown)


def test_seniority_from_the_description_only_when_it_names_the_position_level():
    x = listing("api_2026-03-16", "1130788")  # "Benefits Advisor Leadership Training Program"
    # "This entry-level opportunity is designed for recent graduates"
    assert seniority(x["title"], description=x["description"]) == Seniority.junior
    assert seniority("Engineer", description="You will mentor senior engineers.") == Seniority.unknown


def test_seniority_of_every_reddit_listing_agrees_with_its_level_where_the_title_is_plain():
    for x in listings():
        if (
            x["file"].startswith("reddit")
            and x["level"] in ("IC4", "IC5")
            and x["title"].startswith(("Senior Software Engineer", "Staff Software Engineer"))
        ):
            assert seniority(x["title"], level_hint=x["level"]) == (
                Seniority.senior if x["title"].startswith("Senior") else Seniority.staff
            )


# ---------------------------------------------------------------------------------------------------------
# Employment type
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("full_time", EmploymentType.full_time),
        ("contract", EmploymentType.contract),
        ("freelance", EmploymentType.freelance),
        ("part_time", EmploymentType.part_time),
        ("internship", EmploymentType.internship),
        ("other", EmploymentType.unknown),
        ("", EmploymentType.unknown),
        (["full-time"], EmploymentType.full_time),
        (["Full-Time"], EmploymentType.full_time),
        (["Contract"], EmploymentType.contract),
        (["Part-Time"], EmploymentType.part_time),
        (["Internship"], EmploymentType.internship),
        (["contract", "part-time"], EmploymentType.contract),
        ("Full-Time", EmploymentType.full_time),
        ("Full time", EmploymentType.full_time),
        (None, EmploymentType.unknown),
    ],
)
def test_employment_type_from_board_fields(raw, expected):
    assert employment_type(raw) == expected


def test_employment_type_field_wins_over_words():
    assert employment_type("full_time", title="Inside Sales Contractor") == EmploymentType.full_time
    assert employment_type("other", title="Freelance Writer") == EmploymentType.freelance


@pytest.mark.parametrize(
    ("title", "description", "expected"),
    [
        ("Senior Software Engineer (Contract)", "", EmploymentType.contract),
        ("Junior Copywriter - (6 Month FTC)", "", EmploymentType.contract),
        ("Go To Market Strategist AI Trainer Freelance 8 20 hrs week", "", EmploymentType.freelance),
        ("Chat Support Specialist (Part-Time)", "", EmploymentType.part_time),
        ("Design Intern Summer 2026", "", EmploymentType.internship),
        ("Temp Clinical Product Lead", "", EmploymentType.temporary),
        ("Contract Manager", "", EmploymentType.unknown),
        ("Contracts Counsel", "", EmploymentType.unknown),
        ("Engineer", "This is a full-time position based in Austin.", EmploymentType.full_time),
        ("Engineer", "Job Type: Full-Time/Part-Time\nJob Description:", EmploymentType.full_time),
        ("Engineer", "The pay scale is on a contract basis.", EmploymentType.contract),
        ("Engineer", "We welcome part-time\nJob seekers of all kinds.", EmploymentType.unknown),
        ("Engineer", "Part-time employees are eligible for benefits.", EmploymentType.unknown),
        ("AI Trainer", "We are looking for a part-time AI Trainer with experience.", EmploymentType.part_time),
        ("Engineer", "We are hiring a contract Data Engineer for six months.", EmploymentType.contract),
        ("Engineer", "We are looking for a team player; part-time staff support us.", EmploymentType.unknown),
    ],
)
def test_employment_type_from_words(title, description, expected):
    assert employment_type(None, title=title, description=description) == expected


def test_employment_type_of_remote_ok_listings_from_their_text():
    ar = listing("api_2024-12-04", "1058117")  # "AR and AP Specialist": "This is a part time role (20 hours)."
    assert employment_type(None, title=ar["title"], description=ar["description"]) == EmploymentType.part_time
    adjuster = listing("api_2024-12-04", "1058032")  # "As this is a temporary assignment ..."
    kind = employment_type(None, title=adjuster["title"], description=adjuster["description"])
    assert kind == EmploymentType.temporary


# ---------------------------------------------------------------------------------------------------------
# Work mode
# ---------------------------------------------------------------------------------------------------------


def test_waymo_city_offices_say_nothing_of_the_mode():
    assert mode_of(listing("waymo", "8049315")) == (WorkMode.unknown, Clarity.unknown, None)  # Accountant
    assert mode_of(listing("reddit", "7617155")) == (WorkMode.unknown, Clarity.unknown, None)  # New York City


def test_remote_location_is_explicit():
    assert mode_of(listing("reddit", "6960831")) == (WorkMode.remote, Clarity.explicit, "Remote")
    gitlab = listing("gitlab_content_2026-07-17", "8565469002")  # "Remote, US"
    assert mode_of(gitlab) == (WorkMode.remote, Clarity.explicit, "Remote")
    # "Mountain View, CA, United States; Remote, United States": one of the places is remote.
    assert mode_of(listing("waymo", "7816014")) == (WorkMode.remote, Clarity.explicit, "Remote")
    assert work_mode("ML Engineer", "", "Remote - United States") == (
        WorkMode.remote,
        Clarity.explicit,
        "Remote",
    )


def test_greenhouse_location_type():
    assert mode_of(listing("anthropic", "5215052008")) == (WorkMode.onsite, Clarity.explicit, "On-Site")
    assert mode_of(listing("anthropic", "5311686008")) == (WorkMode.remote, Clarity.explicit, "Remote")
    assert work_mode("X", "", "Mountain View, CA", hint="Hybrid") == (
        WorkMode.hybrid,
        Clarity.explicit,
        "Hybrid",
    )


def test_location_wins_over_the_hint_and_the_title_over_both():
    assert work_mode("X", "", "Remote - United States", hint="On-Site")[0] == WorkMode.remote
    assert work_mode("Senior Front End Engineer - Remote", "This is a hybrid role.", "London")[:2] == (
        WorkMode.remote,
        Clarity.explicit,
    )


def test_description_sentences_about_the_role():
    x = listing("anthropic", "5101378008")  # no Location Type; the text states a hybrid policy
    mode, clarity, evidence = mode_of(x)
    assert (mode, clarity) == (WorkMode.hybrid, Clarity.explicit)
    assert evidence.startswith("Location-based hybrid policy") and evidence in x["description"]
    assert work_mode("X", "Work location: on-site in Pittsburgh.", "") == (
        WorkMode.onsite,
        Clarity.explicit,
        "Work location: on-site in Pittsburgh.",
    )


def test_hybrid_wins_over_remote_in_one_text():
    text = "This role is remote-friendly, 3 days a week in the office."
    assert work_mode("ML Engineer", text, "London") == (WorkMode.hybrid, Clarity.explicit, text)
    every_day = "You will work from our Austin office five days a week in the office."
    assert work_mode("ML Engineer", every_day, "")[0] == WorkMode.onsite


def test_remote_offered_among_options_is_remote():
    x = listing("jobs-array_2026-02-19", "2088634")  # "can be filled on-site , hybrid , or full-remote"
    mode, clarity, evidence = mode_of(x)
    assert (mode, clarity) == (WorkMode.remote, Clarity.explicit) and "full-remote" in evidence


@pytest.mark.parametrize(
    "description",
    [
        "Our platform powers remote sensing for farms.",
        "You will build remote control firmware for drones.",
        "We have remote teams across the world.",
        "We were founded in 2010 and have grown to 500 people.",
        "This position is not remote.",
        "We love in-person events and off-sites.",
        "Our product runs on hybrid cloud infrastructure.",
    ],
)
def test_work_mode_false_positives(description):
    assert work_mode("Senior Engineer", description, "Mountain View, CA") == (
        WorkMode.unknown,
        Clarity.unknown,
        None,
    )


def test_remote_boards_imply_remote():
    assert work_mode("Data Scientist", "Build models.", "USA", remote_board=True) == (
        WorkMode.remote,
        Clarity.implied,
        None,
    )
    x = listing("api_2024-12-04", "1056579")  # Remote OK, location "MD Chevy Chase (Office) - JPS"
    assert mode_of(x) == (WorkMode.onsite, Clarity.explicit, "Office")


# ---------------------------------------------------------------------------------------------------------
# Signals
# ---------------------------------------------------------------------------------------------------------


def by_kind(found, kind):
    return {s.label: s for s in found if s.kind == kind}


def test_ml_platform_signals():
    text = (
        "We track experiments with MLflow and Weights & Biases, train on SageMaker, and run Ray, Spark "
        "jobs. Ray Dalio inspired our culture. X-ray images are out of scope."
    )
    found = by_kind(signals("ML Engineer", text, ["kubeflow", "python"]), "ml_platform")
    assert set(found) == {"MLflow", "Weights & Biases", "SageMaker", "Ray", "Kubeflow"}
    assert found["MLflow"].evidence.startswith("We track experiments with MLflow")
    assert found["Kubeflow"].field == "tags" and found["Kubeflow"].evidence == "kubeflow"

    # Jobicy "Senior Data Engineer": "Airflow, Kubernetes" and "Spark ML, TensorFlow, Kubeflow" lines.
    x = listing("v2_2024-12-08_tag-python", "112944")
    found = by_kind(signals(x["title"], x["description"], x["tags"]), "ml_platform")
    assert set(found) == {"Airflow", "Kubeflow"}
    assert found["Airflow"].evidence == "Airflow, Kubernetes"


def test_inference_scale_signals():
    text = "You will own serving models in production to millions of requests per day at 20k QPS."
    found = by_kind(signals("", text, []), "inference_scale")
    assert set(found) == {"serving models in production", "millions of requests per day", "20k qps"}
    x = listing("v2_2024-12-08_tag-python", "101867")  # "Cortex (github), an AI Inference Platform in C++"
    found = by_kind(signals(x["title"], x["description"], x["tags"]), "inference_scale")
    assert "inference platform" in found and "AI Inference Platform" in found["inference platform"].evidence


def test_ab_testing_signals():
    text = "Design A/B tests and online experiments on our experimentation platform."
    found = by_kind(signals("", text, []), "ab_testing")
    assert set(found) == {"A/B testing", "online experiments", "experimentation platform"}
    assert by_kind(signals("", "Build an A/B switch for the UI.", []), "ab_testing") == {}


def test_seniority_signals():
    text = (
        "Mentor junior engineers and lead the design of our ranking system. 3+ years of Python experience. "
        "7+ years of experience building ML systems. Our founder has 25+ years in Finance."
    )
    found = by_kind(signals("", text, []), "seniority")
    assert set(found) == {"mentorship", "leads design", "7+ years"}  # the highest requirement only
    assert found["7+ years"].evidence == "7+ years of experience building ML systems."

    # Remote OK "Senior MLOps Engineer": "4+ years of relevant hands-on experience", "3+ years' experience ..."
    x = listing("api_2024-12-04", "1056760")
    assert "4+ years" in by_kind(signals(x["title"], x["description"], x["tags"]), "seniority")
    # EverAI: the founders' bios ("25+ years in Finance, Strategy, M&A", "10+ years in Tech Executive
    # Leadership") are not requirements; "4–6+ years of experience in video production" is.
    x = listing("remote-jobs_2026-07-18", "2091035")
    years = [s for s in signals(x["title"], x["description"], x["tags"]) if s.label.endswith("years")]
    assert [s.label for s in years] == ["4-6 years"]
    assert years[0].evidence.startswith("4–6+ years of experience in video production")


def test_framework_wishlist():
    names = "PyTorch, TensorFlow, JAX, Keras, scikit-learn, XGBoost, LightGBM, Hugging Face and spaCy"
    found = by_kind(signals("", f"Requirements\nExperience with {names}.\n", []), "red_flag")
    assert found["framework wishlist"].evidence == names

    five = "Experience with PyTorch, TensorFlow, JAX, Keras and XGBoost."
    assert by_kind(signals("", five, []), "red_flag") == {}

    spread = (
        "Experience with PyTorch. "
        + "We value curiosity and care. " * 12
        + "Also TensorFlow, JAX, Keras, scikit-learn, XGBoost and LightGBM are used daily here.\n"
    )
    evidence = by_kind(signals("", spread, []), "red_flag")["framework wishlist"].evidence
    assert evidence == "Also TensorFlow, JAX, Keras, scikit-learn, XGBoost and LightGBM are used daily here."


def test_no_real_listing_is_a_framework_wishlist():
    for x in listings():
        assert "framework wishlist" not in by_kind(signals(x["title"], x["description"], x["tags"]), "red_flag")


def test_data_labelling_as_main_duty():
    x = listing("remote-jobs_2026-07-18", "2090903")  # "Data Labeling Specialists"
    flag = by_kind(signals(x["title"], x["description"], x["tags"]), "red_flag")["data labelling as main duty"]
    assert (flag.field, flag.evidence) == ("title", "Data Labeling")

    text = "Responsibilities\nCoordinate data labeling vendors and curate training datasets.\nBuild dashboards."
    flag = by_kind(signals("ML Engineer", text, []), "red_flag")["data labelling as main duty"]
    assert flag.evidence == "Coordinate data labeling vendors and curate training datasets."

    late = "Responsibilities\n" + "Train and ship ranking models.\n" * 30 + "Occasionally review annotations."
    assert by_kind(signals("ML Engineer", late, []), "red_flag") == {}
    automation = "Staff Machine Learning Engineer, Tech Lead, Labeling Automation"  # Waymo: automating it away
    assert by_kind(signals(automation, "", []), "red_flag") == {}


# ---------------------------------------------------------------------------------------------------------
# Skills
# ---------------------------------------------------------------------------------------------------------


def test_skills_from_tags_then_description():
    tags = ["golang", "senior", "golang", "engineer", "backend", "digital nomad", "go", "", "dev", "PYTHON"]
    text = "Written in Go (1.22) with Python and PyTorch on Kubernetes; let's go build. We use golang."
    assert skills(tags, text) == ["Go", "backend", "Python", "PyTorch", "Kubernetes"]
    assert skills(["pytorch", "sql", "aws"], "") == ["PyTorch", "SQL", "AWS"]


def test_skills_of_real_listings():
    x = listing("api_2024-12-04", "1059244")  # Remote OK tags ['dev', 'kubernetes', 'terraform', 'Elixir']
    assert skills(x["tags"], "")[:3] == ["Kubernetes", "Terraform", "Elixir"]
    # WWR's skills "AI Content Creation, Content Creation, SEO, and Content Strategy"
    x = listing(
        "remote-jobs_2026-03-27", "https://weworkremotely.com/remote-jobs/animalz-associate-head-of-content-seo"
    )
    expected = ["AI Content Creation", "Content Creation", "SEO", "Content Strategy"]
    assert skills(x["tags"], x["description"])[:4] == expected
    x = listing("v2_2024-12-08_tag-python", "111272")  # Pinterest Data Scientist
    assert skills(x["tags"], x["description"]) == [
        "Machine Learning",
        "Deep Learning",
        "PyTorch",
        "TensorFlow",
        "scikit-learn",
        "SQL",
        "Python",
    ]


def test_gcp_is_not_good_clinical_practice():
    assert skills([], "Adhere to ICH, GCP, and relevant regulatory guidelines.") == []
    assert skills([], "We are hosted on GCP.") == ["GCP"]


# ---------------------------------------------------------------------------------------------------------
# Invariants over every listing
# ---------------------------------------------------------------------------------------------------------


def test_every_evidence_is_a_substring_of_its_field():
    for x in listings():
        mode, clarity, evidence = mode_of(x)
        if evidence is not None:
            assert clarity == Clarity.explicit
            fields = (x["title"], x["location"], x["hint"] or "", x["description"])
            assert any(evidence in field for field in fields)
            assert len(evidence) <= enrich.EVIDENCE_LIMIT
        elif mode == WorkMode.remote:
            assert x["remote_board"] and clarity == Clarity.implied

        relevant, ml_evidence = ml_of(x)
        assert relevant == bool(ml_evidence)
        for words in ml_evidence:
            assert words in x["title"] or words in x["description"] or words in (x["category"] or "")

        fields = {"title": [x["title"]], "description": [x["description"]], "tags": x["tags"]}
        for signal in signals(x["title"], x["description"], x["tags"]):
            assert signal.evidence and any(signal.evidence in text for text in fields[signal.field]), signal
            limit = enrich.WISHLIST_LIMIT if signal.label == "framework wishlist" else enrich.EVIDENCE_LIMIT
            assert len(signal.evidence) <= limit, signal

        assert isinstance(seniority(x["title"], level_hint=x["level"], description=x["description"]), Seniority)
        kind = employment_type(x["raw_type"], title=x["title"], description=x["description"])
        assert isinstance(kind, EmploymentType)
        found = skills(x["tags"], x["description"])
        assert len({s.lower() for s in found}) == len(found) and all(found)


def test_lexicons_find_what_a_plain_regex_finds():
    """A pattern missing one of its trigger words would silently never match: compare each lexicon with the
    one-regex equivalent on every description and on text made to exercise the rarer patterns."""
    extra = (
        "Fully-remote or 100% remote; 2-3 days per week in our London office; in-office 3 days a week; "
        "A/B tests, split-testing, multi-armed bandits; 10k+ QPS; W&B, wandb, Py Torch, fine-tuned, "
        "Job type: contract. On a freelance basis. At least 5 years. Minimum of 3 yrs experience. "
        "(office) telecommuting WFH home-based. This is an internship. Senior-level role. C++ in Go. "
        "Annotating and curating training datasets; dataset curation."
    )
    texts = [x["description"] for x in listings() if x["description"]] + [extra]
    names = [f"{enrich.__name__}.{m.name}" for m in pkgutil.iter_modules(enrich.__path__)]
    values = [value for name in names for value in vars(importlib.import_module(name)).values()]
    lexicons = {id(value): value for value in values if isinstance(value, Lexicon)}
    assert len(lexicons) >= 11  # the package's modules are all searched, none silently skipped
    for lexicon in lexicons.values():
        unnamed = [re.sub(r"[(][?]P<[a-z]+>", "(?:", pattern) for _, _, pattern in lexicon.entries]
        groups = "|".join(f"(?P<g{i}>{pattern})" for i, pattern in enumerate(unnamed))
        reference = re.compile(rf"(?<!\w)(?:{groups})", lexicon.flags)
        for text in texts:
            expected = [(lexicon.entries[int(m.lastgroup[1:])][0], m.span()) for m in reference.finditer(text)]
            assert [(name, m.span()) for name, m in lexicon.finditer(text)] == expected
