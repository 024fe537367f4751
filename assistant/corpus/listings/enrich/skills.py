"""Skills: from the board's tags, then from a fixed vocabulary found in the description."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .platforms import PLATFORM_ENTRIES

_I = re.IGNORECASE

_SKILL_ENTRIES = (
    ("Python", "python", r"(?i:python)\b"),
    ("PyTorch", "pytorch py", r"(?i:py\s?torch)\b"),
    ("TensorFlow", "tensorflow tensor", r"(?i:tensor\s?flow)\b"),
    ("JAX", "jax", r"JAX\b"),
    ("Keras", "keras", r"(?i:keras)\b"),
    ("scikit-learn", "scikit sklearn", r"(?i:scikit[- ]?learn|sklearn)\b"),
    ("XGBoost", "xgboost", r"(?i:xgboost)\b"),
    ("Hugging Face", "hugging huggingface", r"(?i:hugging\s?face)\b"),
    ("LangChain", "langchain", r"(?i:langchain)\b"),
    ("Pandas", "pandas", r"(?i:pandas)\b"),
    ("NumPy", "numpy", r"(?i:numpy)\b"),
    ("Spark", "apache spark pyspark", r"(?:Apache\s+)?Spark\b(?!\s+(?:Capital|Hire|AR)\b)|PySpark\b"),
    ("SQL", "sql", r"SQL\b"),
    ("Kubernetes", "kubernetes k8s", r"(?i:kubernetes|k8s)\b"),
    ("Docker", "docker", r"(?i:docker)\b"),
    ("Terraform", "terraform", r"(?i:terraform)\b"),
    ("AWS", "aws amazon", r"AWS\b|(?i:amazon web services)\b"),
    # GCP also abbreviates Good Clinical Practice, which clinical listings cite next to ICH.
    (
        "GCP",
        "gcp google",
        r"(?<!ICH, )(?<!ICH and )(?<!ICH/)GCP\b(?!,? (?:and relevant )?(?:guidelines|regulations))"
        r"|(?i:google cloud(?: platform)?)\b",
    ),
    ("Azure", "azure", r"Azure\b(?!\s*(?:ML|Machine Learning)\b)"),
    ("dbt", "dbt", r"dbt\b"),
    ("Kafka", "kafka", r"(?i:kafka)\b"),
    ("Snowflake", "snowflake", r"Snowflake\b"),
    ("BigQuery", "bigquery", r"(?i:bigquery)\b"),
    ("PostgreSQL", "postgres postgresql", r"(?i:postgres(?:ql)?)\b"),
    ("Scala", "scala", r"Scala\b"),
    ("Java", "java", r"Java\b(?!\s*Script)"),
    ("JavaScript", "javascript", r"(?i:javascript)\b"),
    ("TypeScript", "typescript", r"(?i:typescript)\b"),
    ("React", "react", r"React\b(?!\s+Native)"),
    ("C++", "c", r"(?<![\w+])C\+\+"),
    ("Rust", "rust", r"Rust\b"),
    # "go" is a common word: only Golang, "Go (...)" and "in Go" name the language.
    ("Go", "golang go", r"(?i:golang)\b|Go(?=\s*\()|(?<=\bin )Go\b"),
    ("LLMs", "llm llms large", r"LLMs?\b|(?i:large language models?)\b"),
    ("NLP", "nlp natural", r"NLP\b|(?i:natural language processing)\b"),
    ("Computer Vision", "computer", r"(?i:computer vision)\b"),
    ("Deep Learning", "deep", r"(?i:deep learning)\b"),
    ("Machine Learning", "machine", r"(?i:machine learning)\b"),
    ("MLOps", "mlops ml", r"(?i:ml[- ]?ops)\b"),
) + PLATFORM_ENTRIES
SKILLS = Lexicon(_SKILL_ENTRIES)
SKILL_NAMES = tuple(name for name, _, _ in _SKILL_ENTRIES)  # the one list of skill names, read by query/ too
_CANONICAL = {name.lower(): name for name, _, _ in _SKILL_ENTRIES} | {
    "golang": "Go",
    "postgres": "PostgreSQL",
    "k8s": "Kubernetes",
    "sklearn": "scikit-learn",
    "ml": "Machine Learning",
    "ai": "AI",
    "ai/ml": "AI/ML",
    "c#": "C#",
    ".net": ".NET",
    "ios": "iOS",
    "android": "Android",
    "node": "Node.js",
    "nodejs": "Node.js",
    "node.js": "Node.js",
    "next.js": "Next.js",
    "vue": "Vue",
    "vue.js": "Vue.js",
    "angular": "Angular",
    "django": "Django",
    "fastapi": "FastAPI",
    "flask": "Flask",
    "ruby": "Ruby",
    "ruby/rails": "Ruby on Rails",
    "rails": "Rails",
    "php": "PHP",
    "laravel": "Laravel",
    "graphql": "GraphQL",
    "html": "HTML",
    "css": "CSS",
    "api": "API",
    "rest": "REST",
    "linux": "Linux",
    "git": "Git",
    "seo": "SEO",
    "crm": "CRM",
    "excel": "Excel",
    "salesforce": "Salesforce",
    "hubspot": "HubSpot",
    "shopify": "Shopify",
    "wordpress": "WordPress",
    "mongodb": "MongoDB",
    "elasticsearch": "Elasticsearch",
    "nginx": "Nginx",
    "pytest": "pytest",
    "ui/ux": "UI/UX",
    "ux": "UX",
    "ui": "UI",
    "qa": "QA",
    "devops": "DevOps",
    "saas": "SaaS",
    "swift": "Swift",
    "kotlin": "Kotlin",
    "gpu": "GPU",
    "c": "C",
}
# Tags that name a role, a level, a contract or a board's filler category rather than a skill.
_JUNK_TAGS = frozenset(
    "digital nomad|dev|engineer|engineering|senior|junior|lead|leader|manager|director|executive|exec|"
    "developer|assistant|analyst|consultant|architect|designer|recruiter|coordinator|specialist|trainer|"
    "teacher|instructor|animator|accountant|controller|strategist|marketer|ceo|cfo|cto|founder|investor|"
    "go|non tech|other|test|full time|full-time|part-time|part time|internship|contract|freelance|"
    "support|growth|training|technical|software|system|code|travel|management|voice|investment|"
    "operational|students|teaching|education|educational|health|medical|healthcare|financial|legal|"
    "content|strategy|operations|startup|research|documentation|onboarding|admin|catalyst|apple|chat|"
    "adult|consult|consulting|teach|mobile|web|cloud|design|security|finance|sales|marketing".split("|")
)
_LIST_JOINER = re.compile(r"^\s*and\s+", _I)  # WWR's skills lists leave "and X" as the last item


def skills(tags: list[str], description: str) -> list[str]:
    """Skill names from the board's tags, then from a fixed vocabulary found in the description.

    Tags come first in their order, mapped to canonical casing where known; role, level, contract and
    filler tags are dropped, as is a bare "go" (the word, not the language). Duplicates are removed
    case-insensitively, keeping the first spelling.
    """
    names = []
    for tag in tags:
        tag = _LIST_JOINER.sub("", tag or "").strip()
        if tag and tag.lower() not in _JUNK_TAGS:
            names.append(_CANONICAL.get(tag.lower(), tag))
    if description:
        names += [name for name, _ in SKILLS.finditer(description)]
    out: dict[str, str] = {}
    for name in names:
        out.setdefault(name.lower(), name)
    return list(out.values())
