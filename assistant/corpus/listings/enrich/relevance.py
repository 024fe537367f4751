"""ML relevance: whether a listing is an ML / AI / data-science job, and the words that show it."""

from __future__ import annotations

import re

from .evidence import sentence
from .lexicon import Lexicon
from .sections import SECTION

DESCRIPTION_ML_MIN = 2  # distinct hands-on ML terms in its duties a generic engineering title needs

_I = re.IGNORECASE

_ML_TERM = (
    r"(?<![\w.])(?:(?i:machine[- ]learning|deep[- ]learning|artificial[- ]intelligence|computer[- ]vision|"
    r"natural[- ]language(?:[- ]processing)?|data[- ]scien(?:ce|tists?)|applied[- ]scien(?:ce|tists?)|"
    r"research[- ]scientists?|ml[- ]?ops|generative(?:[- ]ai)?|gen[- ]?ai|foundation[- ]models?|"
    # Brand, market or public perception is marketing.
    r"(?<!brand )(?<!market )(?<!customer )(?<!public )(?<!consumer )perception|"
    r"reinforcement[- ]learning|embeddings?|inference|(?:pre|post)[- ]?training|fine[- ]?tuning|"
    r"neural[- ]networks?)|(?-i:AI|A\.I\.|ML|NLP|LLMs?|VLMs?|RL|CV))(?!\w)"
)
_ML_TERM_RE = re.compile(_ML_TERM)
# Titles where the ML term is the job by itself.
_ML_SELF = re.compile(
    r"\b(?:data[- ]scientists?|applied[- ]scien(?:ce|tists?)|research[- ]scientists?|ml[- ]?ops)\b", _I
)
# "AI" as a tool or a subject: AI coding, AI-native, AI security, AI trainer, AI video editor...
_AI_AS_TOOL = re.compile(
    r"[- ]?(?:coding|tools?|assisted|powered|native|first|enablement|transformation|automation|security|"
    r"trainers?|training|content|adoption|literacy|governance|policy|ethics|compliance|sales|strategy|"
    r"specialists?|video|creative|cinematic|writ\w+|art|voice[- ]?over)\b",
    _I,
)
_TOOL_PREFIX = re.compile(r"\b(?:with|using|via|leveraging)\s+(?:[\w&/-]+\s+){0,2}$", _I)
_ML_ROLE = (
    r"\b(?i:engineers?|engineering|scientists?|researchers?|research|developers?|architects?|manager|lead|"
    r"TLM|modell?ers?)\b"
)
# An ML term naming the role noun it stands before, with at most two words between.
_DIRECT_ROLE = re.compile(rf"{_ML_TERM}(?:(?:\s*[/&+,]?\s*(?:and\s+|&\s+)?[\w.+-]+){{0,2}}?)\s*[/-]?\s*{_ML_ROLE}")
_GENERIC_ROLE = re.compile(
    # The prefix starts only at a word's start: from inside a word it rescanned the word from every letter.
    r"(?:(?<![\w+#-])(?P<prefix>[\w+#-]+\s+))?(?P<role>engineer(?:ing)?(?:\s+manager)?|swe|"
    r"tech(?:nical)?\s+lead(?:\s+manager)?|tlm|tl|scientist|researcher|developer|architect|manager|director|"
    r"head of|vp)\b",
    _I,
)
# Role nouns that these words narrow to another trade: "Sales Engineer", "Product Manager", "Test Engineer".
_DISCIPLINE = frozenset(
    "sales support security solutions solution systems system test hardware electrical mechanical quality "
    "reliability network field customer qa firmware silicon asic soc validation integration manufacturing "
    "product program project account success marketing partner partnership partnerships category "
    "operations delivery procurement training recruiting legal policy brand growth community content "
    "vendor escalation enablement frontend front-end ios android mobile design".split()
)
_NON_ML_JOB = re.compile(r"\b(?:recruit\w*|sourcer|talent|counsel|paralegal)\b", _I)
# Chip design for ML accelerators, and configuring a vendor's AI features, are other trades.
_NOT_ML_ENGINEERING = re.compile(
    r"\b(?:asic|silicon|hardware|soc|accelerators?|microarchitect\w*|chip|rtl|fpga|firmware|salesforce|"
    r"servicenow|netsuite|sap|workday)\b",
    _I,
)
_LEADERSHIP = re.compile(r"\b(?:manager|director|head of|vp)\b", _I)
_ML_CATEGORY = re.compile(r"\b(?:AI\s*/\s*ML|machine learning|data science|artificial intelligence)\b", _I)
# Hands-on ML work in a description. Loose mentions ("machine learning", "LLMs", "AI") are left out:
# app developers who call an LLM API mention those too.
_ML_DUTIES = Lexicon(
    (
        (
            "ML models",
            "ml machine deep predictive",
            r"(?:ML|machine[- ]learning|deep[- ]learning|predictive)\s+models?",
        ),
        (
            "model training",
            "train training model pre pretraining post posttraining",
            r"train(?:ing)?\s+(?:(?:ML|machine learning|deep learning|our|new|the|large)\s+)*models?|"
            r"model\s+training|pre-?training|post-?training",
        ),
        ("inference", "inference", r"inference\b"),
        ("PyTorch", "pytorch py", r"py\s?torch\b"),
        ("TensorFlow", "tensorflow tensor", r"tensor\s?flow\b"),
        ("JAX", "jax", r"(?-i:JAX)\b"),
        (
            "ML pipelines",
            "ml machine training feature",
            r"(?:ML|machine learning|training|feature)\s+pipelines?",
        ),
        ("MLOps", "mlops ml", r"ml[- ]?ops\b"),
        ("fine-tuning", "fine finetune finetuned finetuning", r"fine[- ]?tun(?:e|ed|ing)"),
        ("deep learning", "deep neural", r"deep[- ]learning|neural networks?"),
        ("computer vision", "computer", r"computer vision"),
        ("NLP", "nlp natural", r"(?-i:NLP)\b|natural language processing"),
        (
            "model deployment",
            "deploy deploys deployed deploying serve serves served serving model",
            r"(?:deploy|serv)(?:e|es|ed|ing)?\s+(?:ML\s+|machine learning\s+)?models?"
            r"|model\s+(?:serving|deployment)",
        ),
        (
            "recommendation systems",
            "recommendation recommender",
            r"recommend(?:ation|er)\s+(?:systems?|engines?|models?)",
        ),
        ("feature engineering", "feature", r"feature\s+(?:engineering|stores?)"),
    ),
    _I,
)
_NOT_A_DUTY = re.compile(
    r"\b(?:we are|we're|we’re|our mission|our company|founded|about us|our customers|our products?|"
    r"our platform|is a leading|is the|a plus|plus\]|\[plus|bonus|nice to have|preferred|familiarity)\b",
    _I,
)


def _ml_terms(title: str) -> list[re.Match[str]]:
    """ML term matches in a title, leaving out AI as a tool or a subject ("with AI coding", "AI Security")."""
    kept = []
    for m in _ML_TERM_RE.finditer(title):
        if m.group() in ("AI", "A.I.") or m.group().lower().startswith("gen"):
            if _AI_AS_TOOL.match(title, m.end()) or _TOOL_PREFIX.search(title, 0, m.start()):
                continue
        kept.append(m)
    return kept


def _generic_role(title: str) -> str | None:
    for m in _GENERIC_ROLE.finditer(title):
        if (m.group("prefix") or "").strip().lower() not in _DISCIPLINE:
            return m.group("role")
    return None


def _title_evidence(title: str, terms: list[re.Match[str]]) -> list[str]:
    starts = {t.start() for t in terms}
    for m in _DIRECT_ROLE.finditer(title):
        if m.start() in starts:
            return [m.group()]
    role = _generic_role(title)
    return [role, terms[0].group()] if role else []


def _description_ml(description: str) -> list[str]:
    """Distinct hands-on ML terms in duty sections (or before any header), outside company blurbs and
    nice-to-haves, in text order."""
    sections = [(m.start(), bool(m.group("duty"))) for m in SECTION.finditer(description)]
    seen: dict[str, str] = {}
    index = 0
    for name, m in _ML_DUTIES.finditer(description):
        if name in seen:
            continue
        while index < len(sections) and sections[index][0] <= m.start():
            index += 1
        if index and not sections[index - 1][1]:
            continue
        left, right = sentence(description, m.start(), m.end(), 300)
        if not _NOT_A_DUTY.search(description, left, right):
            seen[name] = m.group()
    return list(seen.values())


def ml_relevance(title: str, description: str, tags: list[str], category: str | None = None) -> tuple[bool, list[str]]:
    """Whether this is an ML / AI / data-science job, with the words that show it.

    The title decides: an ML-only job name (Data Scientist, MLOps, Applied/Research Scientist), an ML term
    right before an engineering or science role noun ("AI Engineer", "Machine Learning Systems Engineer"),
    or a generic engineering role with an ML team ("Software Engineer, Perception"). AI as a tool or
    subject ("with AI coding", "AI Security", "AI Video Editor"), non-engineering jobs (sales, product,
    recruiting), chip design and vendor-configuration jobs do not count.
    A generic engineering title with no ML term can still qualify on what the job does: at least
    DESCRIPTION_ML_MIN distinct hands-on ML terms in its duties (not in blurbs, requirements or
    nice-to-haves). A board category such as "AI / ML" or "Data Science" is added to the evidence of a
    relevant job but never makes one relevant: boards file video editors and sales jobs that way too.
    Tags are not used: boards attach "AI/ML" to whole companies' listings.
    """
    if _NON_ML_JOB.search(title):
        return False, []
    support = [m.group() for m in _ML_CATEGORY.finditer(category or "")][:1]
    self_named = _ML_SELF.search(title)
    if self_named:
        return True, [self_named.group()] + support
    if _NOT_ML_ENGINEERING.search(title):
        return False, []
    terms = _ml_terms(title)
    if terms:
        evidence = _title_evidence(title, terms)
        return (True, evidence + support) if evidence else (False, [])
    if not _generic_role(title) or _LEADERSHIP.search(title):
        return False, []
    found = _description_ml(description) if description else []
    if len(found) >= DESCRIPTION_ML_MIN:
        return True, found[:6] + support
    return False, []
