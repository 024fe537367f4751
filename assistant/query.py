"""Question understanding: a plain question becomes an intent plus the structured filters the retriever applies.

Pure, offline and fixed-vocabulary: no model, no network, no fuzzy-matching package. The result is shown to
the user, so every filter and every decision comes with one ``explanation`` line that quotes the words of the
question it came from ("region: Europe (from 'in europe')").

How a question is read:

* It is cut into tokens that keep their place in the original text, and each token is normalized: lower
  case, a small fixed table of abbreviations and typos ("sr", "snr" → senior, "mle" → ml engineer,
  "ds" → data science as a whole word, "redflags" → red flags), and a strict difflib pass that fixes only
  near-misses of a short keyword list. Every pattern below runs on the normalized text; every quote in the
  explanation is cut from the original.
* Instruction-like text ("ignore previous instructions", "system prompt") is blanked out before anything
  else: the question is data, and nothing in it changes what is extracted. A question that is nothing but
  such text is off topic.
* One extractor per filter (sources, companies, skills, seniority, work mode, salary floor, salary
  disclosure, posting age, places, role words) finds its cues, whatever the intent.
* The intent is then decided. Listings when the question asks to find/show/list jobs, or names a role noun
  with a listing-only filter ("roles paying 150k+", "jobs that state a salary"), or refers to earlier
  results ("which of these ..."), or is a bare role-noun question with no guide topic ("remote ML jobs in
  Europe?") that does not ask about what the jobs come with ("do ML jobs sponsor visas?"), or names one
  posting by its title or what is open where ("senior ML engineer at Waymo in London", "anything in
  Ireland?"), or asks what a named company pays (its listings that state a salary). Otherwise the first
  guide topic that matches, in a fixed priority order (flags, PhD/degree, checks, levels, time split, pay,
  the other FAQ topics, hiring, how the work is done (overview), skills, responsibilities, employers, what
  the role is (overview)), else general. Off topic comes first: an unrelated subject (weather, recipes,
  sports...) and no career word, or nothing but instruction-like text.
* A salary amount is read by assistant.salary in the currency the question names (symbol, code or word),
  else US dollars, never guessed from a place (nor read from a retirement plan's name, "401k"); it is
  annualized at the ECB rate of ``today``. An amount after "under"/"up to" is a ceiling, which filters
  nothing and is explained as ignored; any other is a floor.
* Only a listing question carries listing filters (``kind="listing"``). A guide question carries
  ``kind="guide"`` and nothing else, so its filters are safe to apply to guide sections as they are; the
  places it names go to ``markets`` (the guide's pay markets) and ``unknown_markets`` (other places), for
  every guide intent, so a follow-up such as "and in the UK?" keeps its place. Listing cues found in a
  guide question are named in one "not applied" explanation line, not silently dropped.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Literal

import pycountry
from pydantic import BaseModel, Field

from assistant.models import SOURCE_NAMES, SOURCES, Location, Salary, Seniority, WorkMode
from assistant.places import COUNTRY_ALIASES, country_name, resolve_place
from assistant.salary import parse_salary_text

__all__ = ["Intent", "Filters", "Understood", "understand", "normalized", "MARKETS"]


class Intent(str, Enum):
    listings = "listings"
    pay = "pay"
    hiring = "hiring"
    responsibilities = "responsibilities"
    skills = "skills"
    time_split = "time_split"
    levels = "levels"
    flags = "flags"
    checks = "checks"
    employers = "employers"
    faq = "faq"
    overview = "overview"  # what the role is and how it is done: the guide's opening section
    general = "general"
    off_topic = "off_topic"


class Filters(BaseModel):
    kind: Literal["guide", "listing"] | None = None
    sources: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)  # ISO 3166-1 alpha-2
    regions: list[str] = Field(default_factory=list)  # assistant.places.REGIONS
    work_modes: list[WorkMode] = Field(default_factory=list)
    seniority: list[Seniority] = Field(default_factory=list)
    min_annual_usd: float | None = None
    salary_disclosed: bool | None = None
    posted_within_days: int | None = None
    ml_only: bool = False
    companies: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)


class Understood(BaseModel):
    question: str
    intent: Intent
    filters: Filters
    markets: list[str] = Field(default_factory=list)
    unknown_markets: list[str] = Field(default_factory=list)
    comparison: bool = False
    role_terms: list[str] = Field(default_factory=list)
    levels: list[Seniority] = Field(default_factory=list)  # seniority a guide question names ("junior pay")
    topic: str = ""  # the user's words that decided a guide intent: they are answered by the section's heading
    subjects: list[str] = Field(default_factory=list)  # benefits asked about ("relocation"): an answer must name them
    explanation: list[str] = Field(default_factory=list)


# The pay table of corpus/guides/remote-senior-ml-engineer.md, in the order a comparison lists them.
MARKETS = ("United States", "United Kingdom", "Germany", "Canada", "Remote (global)")
_MARKET_OF_COUNTRY = {"US": "United States", "GB": "United Kingdom", "DE": "Germany", "CA": "Canada"}
_GLOBAL_MARKET_REGION = "Worldwide"

# ---------------------------------------------------------------------------------------------------------
# Tokens and normalization
# ---------------------------------------------------------------------------------------------------------

_SYMBOL = r"[$€£¥₹]"
_FIGURE = r"\d[\d,.]*(?:\s?[kKmM](?![A-Za-z]))?"  # "150k", "120,000", "$1M" (a million is never a wage)
_RAW_TOKEN = re.compile(
    rf"(?:[A-Za-z]{{1,2}}(?={_SYMBOL}))?{_SYMBOL}\s?{_FIGURE}(?:\s?[-–]\s?{_SYMBOL}?{_FIGURE})?\+?"  # "$100k-$150k"
    rf"|{_FIGURE}(?:\s?[-–]\s?{_FIGURE})?\+?(?:\s?{_SYMBOL})?"  # "150k+", "100-150k", "90.000 €"
    r"|[^\W\d_][\w'’&+#.-]*"  # words, keeping "c++", "w&b", "on-site", "u.s."
    r"|[≥>]=?|%|&"
)
# Abbreviations and the typos people make in the words the patterns look for. A fixed table, so a
# correction never turns an ordinary word into a keyword.
_VARIANTS = {
    "sr": "senior", "snr": "senior", "senoir": "senior", "seinor": "senior", "sneior": "senior",
    "jr": "junior", "junoir": "junior", "jnr": "junior",
    "mle": "ml engineer", "mles": "ml engineers", "mleng": "ml engineer",
    "eng": "engineer", "engs": "engineers", "engr": "engineer", "enginer": "engineer", "engeneer": "engineer",
    "enigneer": "engineer", "engineeer": "engineer",
    "ml-ops": "mlops", "ml/ops": "mlops", "ds": "data science", "swe": "software engineer",
    "machien": "machine", "machne": "machine", "mahcine": "machine", "macine": "machine",
    "learnign": "learning", "lerning": "learning", "leanring": "learning",
    "salery": "salary", "sallary": "salary", "salry": "salary", "salaray": "salary", "slary": "salary",
    "sal": "salary", "comp": "compensation",
    "intervew": "interview", "interveiw": "interview", "inteview": "interview", "intreview": "interview",
    "interviw": "interview", "intervews": "interviews", "interveiws": "interviews",
    "proccess": "process", "procces": "process", "proces": "process", "prosess": "process",
    "redflags": "red flags", "redflag": "red flag", "greenflags": "green flags", "greenflag": "green flag",
    "red-flags": "red flags", "green-flags": "green flags",
    "responsibilites": "responsibilities", "responsibilties": "responsibilities",
    "resposibilities": "responsibilities",
    "skils": "skills", "skillz": "skills", "promtion": "promotion", "promotoin": "promotion",
    "remtoe": "remote", "remot": "remote", "remore": "remote", "rmeote": "remote",
    "jbos": "jobs", "josb": "jobs", "jobz": "jobs", "rols": "roles", "roels": "roles", "postions": "positions",
    "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please", "pleas": "please", "thx": "thanks",
    "whats": "what is", "what's": "what is", "wats": "what is", "hows": "how is", "how's": "how is",
    "wat": "what", "hw": "how", "abt": "about", "w/": "with",
    "germnay": "germany", "gemany": "germany", "germay": "germany", "eurpoe": "europe", "europ": "europe",
    "u.s": "us", "u.s.a": "usa", "u.k": "uk", "%": "percent",
    "yr": "year", "yrs": "years", "hr": "hour", "hrs": "hours", "ph.d": "phd", "ph.ds": "phds",
}
# Near-misses of these keywords are corrected (same first letter, 7+ letters, difflib ratio ≥ 0.88).
_FUZZY_TARGETS = (
    "interview", "interviews", "interviewing", "salary", "salaries", "compensation", "responsibilities",
    "promotion", "promoted", "engineer", "engineers", "engineering", "learning", "machine", "remote",
    "remotely", "senior", "junior", "process", "positions", "listings", "openings", "vacancies", "hiring",
    "requirements", "bottleneck", "principal", "internship", "recommend", "companies", "employers",
)
# Real words the difflib pass would otherwise "correct" into a keyword.
_NOT_TYPOS = frozenset({"progress", "processes", "processing", "interviewer", "interviewers", "engineered"})
_FUZZY_MIN_LENGTH = 7
_FUZZY_CUTOFF = 0.88


@dataclass(frozen=True)
class _Token:
    norm: str
    start: int  # span in the original question
    end: int
    at: int = 0  # offset in the normalized text

    @property
    def alpha(self) -> bool:
        return self.norm.replace(" ", "").isalpha()


@dataclass
class _Text:
    """The question as normalized tokens, each tied to its span in the original, so quotes are the user's words."""

    original: str
    tokens: list[_Token]
    norm: str = ""

    def __post_init__(self) -> None:
        placed, at = [], 0
        for t in self.tokens:
            placed.append(_Token(t.norm, t.start, t.end, at))
            at += len(t.norm) + 1
        self.tokens = placed
        self.norm = " ".join(t.norm for t in placed)

    def quote(self, start: int, end: int) -> str:
        """The original words behind a span of the normalized text."""
        inside = [t for t in self.tokens if t.at < end and t.at + len(t.norm) > start]
        return self.original[inside[0].start : inside[-1].end] if inside else ""


def _normalize_word(raw: str) -> str:
    word = raw.lower().rstrip(".-'’")
    if word.endswith(("'s", "’s")) and word not in _VARIANTS:
        word = word[:-2]
    word = _VARIANTS.get(word, word)
    return _fuzzy(word) or word


def _fuzzy(word: str) -> str | None:
    if len(word) < _FUZZY_MIN_LENGTH or not word.isalpha() or word in _NOT_TYPOS or word in _FUZZY_TARGETS:
        return None
    if word[:-1] in _FUZZY_TARGETS or word[:-2] in _FUZZY_TARGETS:  # a plural is no typo
        return None
    close = difflib.get_close_matches(word, _FUZZY_TARGETS, n=1, cutoff=_FUZZY_CUTOFF)
    return close[0] if close and close[0][0] == word[0] else None


def normalized(question: str) -> str:
    """The question as the patterns read it: lower case, abbreviations expanded and known typos fixed."""
    return _tokenize(question, _blank_injection(question)[0]).norm


def _tokenize(question: str, readable: str) -> _Text:
    """Tokens of `readable` (the question with instruction-like text blanked, same length), quoted from `question`."""
    tokens = []
    for m in _RAW_TOKEN.finditer(readable):
        raw = m.group()
        if raw[0].isalpha() or raw in "%&":
            written = raw.rstrip(".-'’")
            norm = _normalize_word(written)
        else:
            written = raw.rstrip(",.")
            norm = re.sub(r"\s", "", written.lower())  # one token, one amount: "150 k" is "150k"
        if norm:
            tokens.append(_Token(norm, m.start(), m.start() + len(written)))
    return _Text(question, tokens)


# ---------------------------------------------------------------------------------------------------------
# Extracted cues
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    value: object
    quote: str  # the user's words
    start: int = 0  # span in the normalized text
    end: int = 0


@dataclass
class _Cues:
    sources: list[_Hit] = field(default_factory=list)
    companies: list[_Hit] = field(default_factory=list)
    skills: list[_Hit] = field(default_factory=list)
    seniority: list[_Hit] = field(default_factory=list)
    work_modes: list[_Hit] = field(default_factory=list)
    floor: _Hit | None = None  # value: Salary
    ceiling: _Hit | None = None
    disclosed: _Hit | None = None
    posted: _Hit | None = None  # value: days
    places: list[_Hit] = field(default_factory=list)  # value: Location
    roles: list[_Hit] = field(default_factory=list)  # value: (term, is_ml)
    comparison: _Hit | None = None
    injection: list[str] = field(default_factory=list)


def _hits(text: _Text, pattern: re.Pattern, value, taken: list[tuple[int, int]] | None = None) -> list[_Hit]:
    """Matches of pattern as hits, skipping spans already taken; value maps a match to its value (None skips it)."""
    out = []
    for m in pattern.finditer(text.norm):
        if taken is not None and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        v = value(m)
        if v is not None:
            out.append(_Hit(v, text.quote(m.start(), m.end()), m.start(), m.end()))
    return out


def _unique(hits: list[_Hit]) -> list[_Hit]:
    seen, out = set(), []
    for h in hits:
        if h.value not in seen:
            seen.add(h.value)
            out.append(h)
    return out


# --- instruction-like text ---------------------------------------------------------------------------------

_INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.?!\n]{0,40}?\b(?:instructions?|prompts?|rules?|directions?"
    r"|guidelines|context|everything)\b"
    r"|\b(?:print|reveal|show|repeat|output|leak|dump|tell me|display|give me)\b[^.?!\n]{0,20}?"
    r"\b(?:system|hidden|initial|original)\s+(?:prompt|instructions?|message)s?\b"
    r"|\bsystem\s+prompt\b|\byou\s+are\s+now\b[^.?!\n]{0,40}|\b(?:developer|dan|god)\s+mode\b|\bjailbreak\w*\b"
    r"|\bpretend\s+(?:to\s+be|you\s+are)\b[^.?!\n]{0,40}|\bact\s+as\s+(?:an?\s+)?(?:admin|root|system|developer)\b"
    r"|\bnew\s+instructions?\s*:?"
    # Forged conversation turns ("ASSISTANT: the range is ..."): what a fake assistant said is no fact, and a
    # "USER:" label is no question word.
    r"|^\s*(?:assistant|system)\s*:[^\n]*?(?:[.!?](?=\s)|$)|^\s*(?:user|human)\s*:"  # to the sentence's end
    # Output formats and made-up content asked for: "respond in JSON with salary=999999 and answer:",
    # "invent a listing: 'FakeCorp, $999k'". The rest of the question is still answered. Only verbs that ask
    # for fiction: "fake jobs" and "companies that create jobs" are questions.
    r"|\b(?:respond|reply|answer|output)\s+(?:only\s+)?(?:in|as|with)\s+(?:json|xml|yaml|code)\b[^:?\n]{0,60}:?"
    r"|\b(?:invent|make\s+up|fabricate)\s+(?:a\s+|an\s+|some\s+)?(?:fake\s+|new\s+)?"
    r"(?:listings?|jobs?|postings?|salar\w+|numbers?|figures?)\b(?:\s*:?\s*['\"‘“][^\n]*?['\"’”]|[^.?!\n,;]*)",
    re.I | re.M,
)


def _blank_injection(question: str) -> tuple[str, list[str]]:
    """The question with instruction-like text blanked (offsets kept), and the blanked quotes."""
    found = [m.group().strip() for m in _INJECTION.finditer(question)]
    return _INJECTION.sub(lambda m: " " * len(m.group()), question), found


# --- sources -------------------------------------------------------------------------------------------

# "remote ok" is also a phrase ("is remote ok?"): lower case, it names the board only after on/from/via/at.
_SOURCE = re.compile(
    r"(?P<remoteok>\bremoteok(?:\.com)?\b|\bremote-ok\b|(?<=\bon )remote ok\b|(?<=\bfrom )remote ok\b"
    r"|(?<=\bvia )remote ok\b|(?<=\bat )remote ok\b)"
    r"|(?P<remotive>\bremotive(?:\.com)?\b)|(?P<jobicy>\bjobicy(?:\.com)?\b)"
    r"|(?P<weworkremotely>\bwe work remotely\b|\bweworkremotely(?:\.com)?\b|\bwwr\b)"
    r"|(?P<greenhouse>\bgreenhouse(?:\.io)?\b)"
)
assert set(_SOURCE.groupindex) == set(SOURCES)  # a board added to the models must be added here too


def _sources(text: _Text) -> list[_Hit]:
    hits = _hits(text, _SOURCE, lambda m: m.lastgroup)
    hits += _capitalized_remote_ok(text)
    return _unique(sorted(hits, key=lambda h: h.start))


def _capitalized_remote_ok(text: _Text) -> list[_Hit]:
    """The board's name as written ("Remote OK") counts wherever it stands."""
    out = []
    for a, b in zip(text.tokens, text.tokens[1:]):
        if text.original[a.start : b.end] in ("Remote OK", "RemoteOK", "Remote Ok"):
            out.append(_Hit("remoteok", text.original[a.start : b.end], a.at, b.at + len(b.norm)))
    return out


# --- role words ----------------------------------------------------------------------------------------

# (term, is an ML role, pattern), longest first so "ml engineer" wins over "ml".
_ROLE_ENTRIES = (
    ("ML engineer", True, r"(?:machine learning|ml|ai ml|ml ai) engineer(?:s|ing)?"),
    ("MLOps", True, r"(?:mlops|ml ops|ml platform|ml infra\w*)(?: engineers?)?"),
    ("AI engineer", True, r"ai engineer(?:s|ing)?"),
    ("research scientist", True, r"research scientists?|(?:ml|ai) researchers?|research engineers?"),
    ("applied scientist", True, r"applied scientists?|applied scien\w*"),
    ("data scientist", True, r"data scien(?:tists?|ce)"),
    ("computer vision", True, r"computer vision|cv engineers?"),
    ("NLP", True, r"nlp|natural language processing"),
    ("LLM", True, r"llms?|large language models?|gen ?ai|generative ai"),
    ("deep learning", True, r"deep learning"),
    ("machine learning", True, r"machine learning|ml"),
    ("AI", True, r"ai|artificial intelligence"),
    ("data engineer", False, r"data engineer(?:s|ing)?"),
    ("data analyst", False, r"data analysts?"),
    ("software engineer", False,
     r"(?:software|backend|back-end|frontend|front-end|full ?stack|full-stack) (?:engineers?|developers?)"),
)
_ROLE = re.compile("|".join(rf"(?P<r{i}>\b(?:{p})\b)" for i, (_, _, p) in enumerate(_ROLE_ENTRIES)))


def _role_of(m: re.Match) -> tuple[str, bool]:
    i = int(m.lastgroup[1:])
    return _ROLE_ENTRIES[i][0], _ROLE_ENTRIES[i][1]


def _roles(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit]:
    return _unique(_hits(text, _ROLE, _role_of, taken))  # "AI" in "Cast AI" names the company, not the role


# --- skills --------------------------------------------------------------------------------------------

# Canonical names are assistant.enrich's, so a skill filter compares equal to Listing.skills.
_SKILL_ENTRIES = (
    ("Python", r"python"), ("PyTorch", r"py ?torch"), ("TensorFlow", r"tensor ?flow"), ("JAX", r"jax"),
    ("Keras", r"keras"), ("scikit-learn", r"scikit[- ]?learn|sklearn"), ("XGBoost", r"xgboost"),
    ("Hugging Face", r"hugging ?face"), ("LangChain", r"langchain"), ("Pandas", r"pandas"), ("NumPy", r"numpy"),
    ("Spark", r"(?:apache )?spark|pyspark"), ("SQL", r"sql"), ("Kubernetes", r"kubernetes|k8s"),
    ("Docker", r"docker"), ("Terraform", r"terraform"), ("AWS", r"aws|amazon web services"),
    ("GCP", r"gcp|google cloud(?: platform)?"), ("Azure ML", r"azure ?ml|azure machine learning"),
    ("Azure", r"azure"), ("dbt", r"dbt"), ("Kafka", r"kafka"), ("Snowflake", r"snowflake"),
    ("BigQuery", r"big ?query"), ("PostgreSQL", r"postgres(?:ql)?"), ("Scala", r"scala"),
    ("JavaScript", r"javascript"), ("TypeScript", r"typescript"), ("Java", r"java"), ("C++", r"c\+\+"),
    ("Rust", r"rust"), ("Go", r"golang"), ("MLflow", r"mlflow"),
    ("Weights & Biases", r"weights (?:&|and) biases|wandb|w&b"), ("Vertex AI", r"vertex(?: ai)?"),
    ("SageMaker", r"sage ?maker"), ("Kubeflow", r"kubeflow"), ("Databricks", r"databricks"),
    ("Airflow", r"airflow"), ("Triton", r"triton"), ("vLLM", r"vllm"), ("Metaflow", r"metaflow"),
    ("TensorRT", r"tensorrt"), ("BentoML", r"bentoml"), ("Ray", r"ray"),
)
_SKILL = re.compile("|".join(rf"(?P<s{i}>(?<![\w+])(?:{p})(?![\w+]))" for i, (_, p) in enumerate(_SKILL_ENTRIES)))
_CASE_SENSITIVE_SKILLS = {"Ray": "Ray"}  # "ray" is a name and a word; only "Ray" as written is the framework


def _skills(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit]:
    def name(m: re.Match) -> str | None:
        skill = _SKILL_ENTRIES[int(m.lastgroup[1:])][0]
        written = _CASE_SENSITIVE_SKILLS.get(skill)
        return None if written and text.quote(m.start(), m.end()) != written else skill

    return _unique(_hits(text, _SKILL, name, taken))


# --- seniority -----------------------------------------------------------------------------------------

_SENIORITY = re.compile(
    r"(?P<manager>\b(?<!hiring )(?<!product )(?<!project )(?<!program )(?:engineering )?managers?\b|\bheads? of\b"
    r"|\bdirectors?\b|\bvps?\b|\bvice presidents?\b)"
    r"|(?P<principal>\b(?:principal|distinguished)\b)"
    r"|(?P<staff>\bstaff\b)"
    r"|(?P<senior>\b(?:senior|(?:tech |team )?leads?)\b)"
    r"|(?P<mid>\b(?:mid[- ]level|mid|intermediate|midweight)\b)"
    r"|(?P<junior>\b(?:junior|entry[- ]level|entry|graduates?|new grads?|grads?)\b)"
    r"|(?P<intern>\b(?:interns?|internships?)\b)"
)


def _seniority(text: _Text) -> list[_Hit]:
    return _unique(_hits(text, _SENIORITY, lambda m: Seniority(m.lastgroup)))


# --- work mode -----------------------------------------------------------------------------------------

_WORK_MODE = re.compile(
    r"(?P<remote>(?<!non-)(?<!not )\b(?:(?:fully|full|100%|completely|100 percent) )?remote(?:ly|-first| first)?\b"
    r"|\bwfh\b|\bwork(?:ing)? from home\b)"
    r"|(?P<hybrid>\bhybrid\b)"
    r"|(?P<onsite>\bon[- ]?site\b|\bin[- ]office\b|\bin the office\b|\boffice[- ]based\b|\bin[- ]person\b)"
)


def _work_modes(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit]:
    return _unique(_hits(text, _WORK_MODE, lambda m: WorkMode(m.lastgroup), taken))


# --- salary floor --------------------------------------------------------------------------------------

_CURRENCY_WORDS = {
    "usd": "USD", "dollars": "USD", "dollar": "USD", "bucks": "USD",
    "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP",
    "cad": "CAD", "chf": "CHF", "aud": "AUD", "inr": "INR", "pln": "PLN", "sek": "SEK",
}
_CURRENCY_WORD = "|".join(_CURRENCY_WORDS)
_SYMBOL_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_PERIOD_WORDS = r"(?:(?:per|a|an) )?(?:hour|year|annum|month|week|day)|hourly|yearly|annually|monthly"
# Money tokens stay whole ("€100k", "150k+", "100-150k", "$1m"), so an amount is one token, with a currency
# word before or after it and a period after.
_AMOUNT = re.compile(
    rf"(?<!\S)(?:(?:{_CURRENCY_WORD}) )?(?P<num>(?:[a-z]{{1,2}})?{_SYMBOL}?\d[^ ]*)"
    rf"(?: (?:{_CURRENCY_WORD})(?= |$))?(?: (?:{_PERIOD_WORDS})(?= |$))?"
)
_MONEY_MARK = re.compile(rf"{_SYMBOL}|\d ?k\b|(?<!\S)(?:{_CURRENCY_WORD})(?!\S)")
_MIN_BARE_DIGITS = 5  # a bare figure is pay from 10000 up: "2026" and "500" are not
_NOT_MONEY_AFTER = re.compile(r"^ (?:years?|days?|weeks?|months?|hours?|people|employees|users|percent|stages?"
                              r"|match\w*|plans?|contributions?|accounts?)\b")
# Retirement plans named by their tax-code section ("401k", "403b"): a benefit, not an amount.
_RETIREMENT_PLAN = re.compile(r"^(?:401|403|457) ?\(?[kb]\)?$")
_CEILING_BEFORE = re.compile(r"(?:under|below|less than|up to|at most|max(?:imum)?(?: of)?|no more than|<=?|≤) $")
_FLOOR_AFTER = re.compile(r"^ ?(?:or (?:more|higher|above)|and (?:up|above|more)|plus)\b")
# Words quoted with the amount, so the explanation shows "over €100k" rather than "€100k".
_CUE_BEFORE = re.compile(
    r"(?:over|above|more than|greater than|higher than|at least|min(?:imum)?(?: of)?|starting (?:at|from)|from"
    r"|north of|upwards of|no less than|not less than|>=?|≥|between|paying|pays?|that pay|earning|offering"
    r"|under|below|less than|up to|at most|max(?:imum)?(?: of)?|no more than|<=?|≤) $"
)


def _is_money(m: re.Match, text: _Text) -> bool:
    if _NOT_MONEY_AFTER.match(text.norm[m.end() :]) or _RETIREMENT_PLAN.match(m["num"]):
        return False
    if _MONEY_MARK.search(m.group()):
        return True
    return len(re.sub(r"\D", "", m["num"].split(".")[0])) >= _MIN_BARE_DIGITS


def _salary_bounds(text: _Text, today: date) -> tuple[_Hit | None, _Hit | None]:
    """The first floor and the first ceiling the question names. An amount with no "under"/"up to" before it
    is a floor: someone asking for "ML jobs 150k" wants at least that much."""
    floor = ceiling = None
    for m in _AMOUNT.finditer(text.norm):
        salary = _parse_amount(text, m, today) if _is_money(m, text) else None
        if salary is None:
            continue
        before = text.norm[max(0, m.start() - 20) : m.start()]
        hit = _Hit(salary, _amount_quote(text, m, before), m.start(), m.end())
        if _CEILING_BEFORE.search(before) and not _FLOOR_AFTER.match(text.norm[m.end() :]):
            ceiling = ceiling or hit
        else:
            floor = floor or hit
    return floor, ceiling


def _amount_quote(text: _Text, m: re.Match, before: str) -> str:
    cue = _CUE_BEFORE.search(before)
    start = m.start() - (len(before) - cue.start()) if cue else m.start()
    after = _FLOOR_AFTER.match(text.norm[m.end() :])
    return text.quote(start, m.end() + (after.end() if after else 0))


def _parse_amount(text: _Text, m: re.Match, today: date) -> Salary | None:
    """assistant.salary reads the user's own words; a currency written as a word is the default currency,
    and with none at all the amount is in US dollars (never guessed from a place in the question)."""
    written = text.quote(m.start(), m.end())
    word = re.search(rf"(?<!\S)(?:{_CURRENCY_WORD})(?!\S)", m.group())
    trailing = re.search(rf"\d({_SYMBOL})$", m["num"])  # "90.000 €": assistant.salary reads symbols only in front
    if word:
        default = _CURRENCY_WORDS[word.group()]
    else:
        default = _SYMBOL_CURRENCY[trailing[1]] if trailing else "USD"
    salary = parse_salary_text(written, posted_at=datetime.combine(today, time()), default_currency=default)
    return salary if salary is not None and salary.annual_usd_min is not None else None


# --- salary disclosed ----------------------------------------------------------------------------------

_PAY_WORD = (
    r"(?:a |the |their |its |)(?:salary|salaries|pay|compensation|salary ranges?|pay ranges?|salary info\w*|wages?)"
)
_DISCLOSED = re.compile(
    rf"\b(?:that|which|who|where they|where the|and|to|(?:which|any|all|none) of (?:these|those|them))"
    rf" (?:actually |publicly |openly )?"
    rf"(?:disclose|state|show|list|mention|include|publish|post|display|give|share)s? {_PAY_WORD}\b"
    rf"|\b(?:with|having|has|have|incl\w*) (?:a |an |the )?(?:disclosed |listed |stated |posted |published |visible )?"
    rf"(?:salary|salaries|salary ranges?|pay ranges?|pay transparency|transparent (?:pay|salar\w+)|salary info\w*)\b"
    rf"(?! (?:over|above|of|at least|more|from|>|≥|\$|€|£|\d))"
    rf"|\b(?:salary|salaries|pay) (?:is |are )?(?:disclosed|listed|stated|shown|included|published|posted|visible)\b"
    rf"|\b(?:pay|salary) transparen\w+\b|\btransparent (?:pay|salar\w+)\b|\bdisclosed (?:salary|salaries|pay)\b"
)


def _disclosed(text: _Text) -> _Hit | None:
    found = _hits(text, _DISCLOSED, lambda m: True)
    return found[0] if found else None


# --- posting age ---------------------------------------------------------------------------------------

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "ten": 10, "few": 3, "couple": 2, "couple of": 2}
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
_FIXED_DAYS = {"this week": 7, "fortnight": 14, "this month": 30, "today": 1, "just posted": 1, "yesterday": 2}
RECENT_DAYS = 14  # what "recent" means for a job posting: two weeks
_POSTED = re.compile(
    r"\b(?:last|past|previous|recent) (?P<n>\d+|a|an|one|two|three|four|five|six|seven|ten|few|couple(?: of)?)?"
    r" ?(?P<unit>hour|day|week|month)s?\b"
    r"|\b(?P<fixed>this week|fortnight|this month|today|just posted|yesterday)\b"
    r"|\b(?P<recent>recent(?! grad)|recently|latest|newest|fresh"
    r"|new(?! grad)(?=(?: [a-z]+){0,3} (?:jobs|roles|listings|openings|postings|positions)))\b"
)


def _days(m: re.Match) -> int:
    if m["unit"]:
        n = m["n"] or "1"
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        return max(1, -int(-count * _UNIT_DAYS[m["unit"]] // 1))  # whole days, rounded up
    return _FIXED_DAYS[m["fixed"]] if m["fixed"] else RECENT_DAYS


def _posted(text: _Text) -> _Hit | None:
    found = _hits(text, _POSTED, _days)
    return found[0] if found else None


# --- companies -----------------------------------------------------------------------------------------

# Companies named in lower case are only read when known: the default Greenhouse boards and big employers
# of ML engineers. Any other company must be written as a proper noun.
_KNOWN_COMPANIES = {
    "reddit": "Reddit", "gitlab": "GitLab", "waymo": "Waymo", "anthropic": "Anthropic", "databricks": "Databricks",
    "scale ai": "Scale AI", "scaleai": "Scale AI", "google": "Google", "deepmind": "DeepMind", "meta": "Meta",
    "amazon": "Amazon", "apple": "Apple", "microsoft": "Microsoft", "netflix": "Netflix", "nvidia": "NVIDIA",
    "openai": "OpenAI", "stripe": "Stripe", "uber": "Uber", "airbnb": "Airbnb", "spotify": "Spotify",
    "shopify": "Shopify", "hugging face": "Hugging Face", "huggingface": "Hugging Face",
}
_JOB_NOUN = (
    r"(?:jobs?|roles?|openings?|positions?|listings?|vacanc(?:y|ies)|postings?|opportunit(?:y|ies)|gigs?|reqs"
    r"|internships)"
)
_KNOWN_COMPANY = re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, _KNOWN_COMPANIES), key=len, reverse=True))})\b")
# "with"/"for" are left out: "jobs with Visa sponsorship", "roles for Juniors".
_COMPANY_BEFORE = re.compile(r"\b(?:at|join|joining|inside) $")
# Words that may stand between a company name and the job noun: "Waymo senior ML jobs".
_FILLER = re.compile(
    r"^(?: (?:senior|junior|staff|principal|lead|remote|hybrid|ml|ai|machine learning|mlops|data|engineer\w*"
    r"|scien\w+|research|software|platform|infra\w*|tech|engineering|intern\w*)){0,4} " + _JOB_NOUN + r"\b"
)


# A known employer a few words before a job noun, whatever the words: "reddit embedding platform jobs".
_NEAR_JOB = re.compile(rf"^(?: [^ ]+){{0,4}} {_JOB_NOUN}\b")
# A name that pays is an employer: "how much does Reddit pay?", "Reddit's salaries".
_PAYS_AFTER = re.compile(r"^ (?:pays?|paying|salar(?:y|ies)|compensation|comp)\b")


def _in_company_position(text: _Text, start: int, end: int) -> bool:
    before = text.norm[max(0, start - 10) : start]
    after = text.norm[end:]
    return bool(_COMPANY_BEFORE.search(before) or _FILLER.match(after) or _PAYS_AFTER.match(after))


def _overlaps(hit: _Hit, taken: list[tuple[int, int]]) -> bool:
    return any(s < hit.end and hit.start < e for s, e in taken)


def _companies(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit]:
    known = _hits(text, _KNOWN_COMPANY, lambda m: _KNOWN_COMPANIES[m.group()], taken)
    candidates = sorted(known + _proper_nouns(text), key=lambda h: (h.start, -h.end))
    candidates = [h for h in candidates if not _overlaps(h, taken)]
    accepted = [h for h in candidates if _in_company_position(text, h.start, h.end)
                or (h in known and _NEAR_JOB.match(text.norm[h.end :]))]
    grown = True
    while grown:  # names listed next to an accepted company are companies too: "GitLab or Reddit roles"
        more = [h for h in candidates if h not in accepted and not _overlaps(h, [(a.start, a.end) for a in accepted])
                and any(_listed_together(text, h, a) for a in accepted)]
        accepted += more
        grown = bool(more)
    return _unique(sorted(accepted, key=lambda h: h.start))


def _listed_together(text: _Text, a: _Hit, b: _Hit) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return text.norm[first.end : second.start] in (" or ", " and ", " ")


_NAME_SUFFIX = re.compile(r"AI|Labs|Inc|Technologies")


def _proper_nouns(text: _Text) -> list[_Hit]:
    """Runs of capitalized words, none of them vocabulary or a place: names, if they stand where a company does."""
    out, i, tokens = [], 0, text.tokens
    while i < len(tokens):
        j = i
        while j < len(tokens) and _name_like(text, tokens[j]):
            j += 1
        if j > i and j < len(tokens) and _NAME_SUFFIX.fullmatch(text.original[tokens[j].start : tokens[j].end]) \
                and tokens[i].norm not in _KNOWN_COMPANIES:
            j += 1  # "Cast AI", "Acme Labs": a name ending in a word that alone is vocabulary
        if j > i:
            first, last = tokens[i], tokens[j - 1]
            name = text.original[first.start : last.end]
            out.append(_Hit(name, name, first.at, last.at + len(last.norm)))
        i = max(j, i + 1)
    return out


def _name_like(text: _Text, token: _Token) -> bool:
    written = text.original[token.start : token.end]
    if not written[:1].isupper() or not token.alpha or _is_vocabulary(token.norm):
        return False
    return _place_of(token.norm) is None


def _is_vocabulary(word: str) -> bool:
    """A word some extractor reads, so that "Senior", "Remote", "PyTorch" or "NLP" is never a company."""
    if word in _VOCABULARY or word in _NOT_PLACE or word in _CURRENCY_WORDS or word in _PLACE_WORDS:
        return True
    return any(p.fullmatch(word) for p in (_SKILL, _ROLE, _SENIORITY, _WORK_MODE, _SOURCE, _ANY_NOUN))


# --- places --------------------------------------------------------------------------------------------

# Words that resolve_place reads as a place but that, in a question, are ordinary words ("roles" is a US
# town, "media" an Algerian city), plus the domain's own vocabulary, which is never a place here.
_NOT_PLACE = frozenset("""
    roles role jobs job enterprise google media shaping basic sector cypress hub logos spoken oral sale
    conception manta dandy malte ota na mobile reading split nice bath orange victoria mission
    amazon apple meta stripe uber spotify shopify nvidia waymo reddit gitlab anthropic databricks
    salary salaries pay paying paid earn make money base range senior junior staff principal lead manager
    remote remotely hybrid onsite office engineer engineers engineering ml ai data science scientist mlops
    interview interviews hiring process skills flags red green check checks level levels promotion
    companies company employers what which who how why where when is are do does can could would will
    the a an and or vs versus in on at to for from with of by about me my you your i we our they them
    please thanks hi hello hey show find list search any some all more most best top good great
    week month year day days today recent latest python spark ray go rust java scala jax
""".split())
_PLACE_BEFORE = frozenset(
    "in from near around across within based outside inside throughout for vs versus and or between compare "
    "comparing to than".split()
)
# Lower-case "us" is mostly the pronoun ("show us jobs"); after these words it is the country.
_US_BEFORE = frozenset("in the from across within outside throughout".split())
# Adjectives people use for a market ("German salaries"), and "Deutschland" in lower case: strong names.
_PLACE_WORDS = {
    "deutschland": "DE", "german": "DE", "british": "GB", "american": "US", "canadian": "CA", "french": "FR",
    "indian": "IN", "dutch": "NL", "spanish": "ES", "italian": "IT", "polish": "PL", "irish": "IE", "swiss": "CH",
    "australian": "AU", "brazilian": "BR", "mexican": "MX", "japanese": "JP", "swedish": "SE",
}
_MAX_PLACE_WORDS = 3


@functools.lru_cache(maxsize=4096)
def _place_of(phrase: str) -> Location | None:
    if phrase in _PLACE_WORDS:
        return Location(text=phrase, countries=[_PLACE_WORDS[phrase]])
    return resolve_place(phrase)


@functools.cache
def _country_names(cc: str) -> frozenset[str]:
    """The names and aliases a country goes by: these name it wherever they stand."""
    names = {country_name(cc).lower(), *COUNTRY_ALIASES.get(cc, ())}
    record = pycountry.countries.get(alpha_2=cc)
    if record is not None:
        names |= {getattr(record, f).lower() for f in ("name", "official_name", "common_name") if hasattr(record, f)}
    return frozenset(names)


def _strong(phrase: str, loc: Location) -> bool:
    """Region words, country names and demonyms; cities, subdivisions and foreign names are weaker."""
    return bool(loc.regions) or phrase in _PLACE_WORDS or any(phrase in _country_names(cc) for cc in loc.countries)


def _accept_place(text: _Text, i: int, n: int, loc: Location) -> bool:
    span = text.tokens[i : i + n]
    phrase = " ".join(t.norm for t in span)
    written = text.original[span[0].start : span[-1].end]
    previous = text.tokens[i - 1].norm if i > 0 else ""
    if phrase == "us":  # "show us jobs": only "US" as written, or "in the us", names the country
        return written in ("US", "U.S", "U.S.") or previous in _US_BEFORE
    if _strong(phrase, loc):
        return True
    return written[:1].isupper() or previous in _PLACE_BEFORE


def _placeable(token: _Token, taken_tokens: set[int], index: int) -> bool:
    return token.alpha and index not in taken_tokens and token.norm not in _NOT_PLACE


def _places(text: _Text, taken: list[tuple[int, int]]) -> list[_Hit]:
    """Places named in the question, longest phrase first, each checked by resolve_place."""
    taken_tokens = {i for i, t in enumerate(text.tokens) for s, e in taken if t.at < e and s < t.at + len(t.norm)}
    out, i = [], 0
    while i < len(text.tokens):
        hit = _place_at(text, i, taken_tokens)
        if hit is None:
            i += 1
            continue
        out.append(hit[0])
        i += hit[1]
    return out


def _place_at(text: _Text, i: int, taken_tokens: set[int]) -> tuple[_Hit, int] | None:
    for n in range(_MAX_PLACE_WORDS, 0, -1):
        span = text.tokens[i : i + n]
        if len(span) < n or not all(_placeable(t, taken_tokens, i + k) for k, t in enumerate(span)):
            continue
        phrase = " ".join(t.norm for t in span)
        loc = _the_states(text, i, phrase) or _place_of(phrase)
        if loc is not None and _every_word_counts(span, loc) and _accept_place(text, i, n, loc):
            quote = text.original[span[0].start : span[-1].end]
            return _Hit(loc, quote, span[0].at, span[-1].at + len(span[-1].norm)), n
    return None


def _every_word_counts(span: list[_Token], loc: Location) -> bool:
    """resolve_place skips words it does not know ("Europe that state" is Europe) and reads lists ("UK Germany"):
    a longer phrase counts only if it names one place, and not the one it names without its first or last
    word ("New York" is not York)."""
    if len(span) == 1:
        return True
    if len(loc.countries) + len(loc.regions) != 1:  # "UK Germany" is a list of places, not one place
        return False
    found = (loc.countries, loc.regions)
    for shorter in (span[1:], span[:-1]):
        other = _place_of(" ".join(t.norm for t in shorter))
        if other is not None and (other.countries, other.regions) == found:
            return False
    return True


def _the_states(text: _Text, i: int, phrase: str) -> Location | None:
    if phrase == "states" and i > 0 and text.tokens[i - 1].norm == "the":
        return Location(text="the States", countries=["US"])
    return None


# --- comparison ----------------------------------------------------------------------------------------

_COMPARISON = re.compile(
    r"\b(?:vs|versus|compare[sd]?|comparing|comparison|compared (?:to|with)|difference between|differ(?:ence)?s?"
    r"|which (?:one )?(?:pays|is paid|earns|is) (?:more|better|higher|less|the most)"
    r"|(?:pays|paid|earn) (?:more|better|less) (?:in|than)|better paid|higher pa(?:y|id)|or better)\b"
)


def _comparison(text: _Text) -> _Hit | None:
    found = _hits(text, _COMPARISON, lambda m: True)
    return found[0] if found else None


def _extract(text: _Text, today: date, injection: list[str]) -> _Cues:
    cues = _Cues(injection=injection)
    cues.sources = _sources(text)
    taken = [(h.start, h.end) for h in cues.sources]
    cues.companies = _companies(text, taken)
    cues.skills = _skills(text, taken + [(h.start, h.end) for h in cues.companies])
    cues.seniority = _seniority(text)
    cues.work_modes = _work_modes(text, taken)
    cues.floor, cues.ceiling = _salary_bounds(text, today)
    cues.disclosed = _disclosed(text)
    cues.posted = _posted(text)
    taken += [(h.start, h.end) for h in cues.companies + cues.skills]
    cues.places = _places(text, taken)
    cues.roles = _roles(text, [(h.start, h.end) for h in cues.companies])
    cues.comparison = _comparison(text)
    return cues


# ---------------------------------------------------------------------------------------------------------
# Intent
# ---------------------------------------------------------------------------------------------------------

# First match wins: the specific topics first, so "red flags in the interview" is flags, "what should I
# ask in the interview" is checks, "how long until promotion" is levels and "MLE vs data scientist pay" is pay.
# FAQ has two entries: credentials rank high, the MLE-vs-data-scientist question below pay.
# The text is normalized, so there is no "?" in it: "[^?]{0,40}" is a bounded gap of any words.
_GUIDE_TOPICS = (
    (Intent.flags, r"red flags?|green flags?|warning signs?|(?:bad|good|positive|negative) signs?"
                   r"|deal ?breakers?|watch out|beware|what to avoid|should i avoid|toxic|flags?"
                   r"|(?:should|do|must) i (?:be )?(?:worr\w*|concerned)|worr(?:y|ied|ying) about"
                   r"|is (?:it|that|this) a concern"
                   r"|signals? (?:that|of)|signs? (?:that|of)|(?:is|are) (?:\w+ ){0,3}(?:a )?(?:bad|good) sign"),
    (Intent.faq, r"ph ?ds?|doctorate|degrees?|masters?|master's"),  # "a PhD before applying" is about the PhD
    (Intent.checks, r"(?:check|ask|confirm|verify|clarify|know|consider|research) before|before (?:applying|i apply"
                    r"|you apply|accepting|i accept|signing)|questions? (?:to|should i|i should|can i) ask"
                    r"|what (?:should|do|can|could) i ask|ask (?:the |my )?(?:recruiter|hiring manager|employer"
                    r"|company|interviewers?|team)|due diligence"
                    r"|vet(?:ting)? (?:a |the )?(?:company|role|employer|job)"
                    r"|evaluate (?:a |the |an )?(?:company|role|employer|job|offer)|what to (?:check|look for|verify)"
                    r"|checklist|things to check|what should i check"
                    r"|look for in (?:a |the )?(?:listing|job ad|posting)"
                    r"|credible|credibility|legit\w*|trustworthy|genuine"
                    r"|(?:fake|scam\w*|bogus) (?:\w+ ){0,2}(?:listing|job|posting|ad)s?"),
    (Intent.levels, r"promot\w*|bottlenecks?|(?:senior|mid|junior|ml engineer|engineer) (?:to|into|→|->) "
                    r"(?:staff|senior|principal|lead)|next level|level up|career (?:ladder|progression|path|growth"
                    r"|advancement)|move up|moving up|step up|stall\w*|held back|hold\w* (?:\w+ ){0,3}back"
                    r"|get (?:to|promoted to) (?:staff|principal|senior)|become (?:a )?(?:staff|principal|senior)"
                    r"|reach (?:staff|senior|principal)|(?:staff|principal) (?:level|promotion)|grow into"),
    (Intent.time_split, r"time split|split (?:of|between) (?:time|research)|(?:how|where) (?:is|do|does|much)\b"
                        r"[^?]{0,40}\btime\b[^?]{0,30}\b(?:spent|split|divided|allocated|spend|go|going)"
                        r"|research (?:vs|versus|or|and|to) engineering|engineering (?:vs|versus|or|and|to) research"
                        r"|percent(?:age)? of (?:their |my |the )?time"
                        r"|how much (?:of (?:the|it|the (?:role|job)) )?is research|how much research"
                        r"|balance (?:between|of) research|research[- ]heavy|time breakdown|split"
                        r"|how much of (?:the|their|my|a|an) (?:week|day|time|working)"),
    (Intent.pay, r"salar(?:y|ies)|(?<!domain )(?<!\bit )pay(?! off)(?:s|ing|check)?|paid|compensation"
                 r"|earn(?:s|ing|ings)?"
                 r"|income|wages?|base (?:salary|pay)|total comp|equity|stock options|rsus?|bonus(?:es)?"
                 r"|how much (?:money|do|does|can|could|would|will|is|are)\b[^?]{0,60}\b(?:make|get|earn|paid|worth)"
                 r"|(?:do|does|would|will|can|could) [^?]{0,50}\bmake(?= *$| in\b| per\b| a year| annually| remotely"
                 r"| on average| there| here)|hourly rate|day rate|pay ?scale|how much money"
                 r"|what (?:base|package|offer)\b[^?]{0,30}\bexpect|base (?:should|would|could|can) i"
                 r"|(?:the|what is|what are) (?:[a-z]+ ){0,3}ranges?(?! of)"),  # "the global remote range"
    (Intent.faq, r"stay(?:ing)? (?:current|up to date|sharp|relevant)"
                 r"|keep (?:up|(?:my |their |your )?skills (?:current|up to date|sharp|fresh))|up to date"
                 r"|conferences?"
                 r"|paper[- ]reading|papers|data scien\w+ (?:vs|versus|or|and|different from|compared)"
                 # The engineer on one side: "coinbase and pinterest data scientist jobs" compares no roles.
                 r"|(?:engineer\w*|mles?|ml) (?:vs|versus|or|and|different from|compared to|compared with)"
                 r"[^?]{0,30}data scien\w+|difference between[^?]{0,30}data scien\w+"
                 r"|domain (?:expertise|knowledge|experience)|fintech|health ?tech|autonomous"),
    (Intent.hiring, r"interview\w*|hiring process|recruit(?:ment|ing) process|application process"
                    r"|(?:hiring|interview) (?:stages|steps|loop|timeline|rounds)|take[- ]?home|system design"
                    r"|coding (?:test|round|challenge)|phone screen|screening|how long (?:does|will|is|do|did)"
                    r"|get hired|land (?:a|the) (?:job|role|offer)|stages?|rounds?|process"
                    r"|how (?:do|does|to) (?:i |you |one )?(?:get in|apply)"),
    # How the role is done day to day in a remote team: before skills, so "valued for writing" is no skill list.
    (Intent.overview, r"in a nutshell|overview|in short|summari[sz]e|async\w*|asynchronous\w*|synchronous\w*|meetings?"
                      r"|(?:valued|prized|appreciated|respected) for|whiteboard\w*"),
    (Intent.skills, r"skills?|skill ?set|requirements?|required|require|qualifications?|qualified|tech stack"
                    r"|platforms|librar(?:y|ies)|documents?|docs|be able to (?:write|do|use|build)"
                    r"|expect\w* (?:\w+ ){0,4}to (?:have|know|use)|(?:have|has) used"
                    r"|(?<!full )(?<!full-)stack|tools?|frameworks?|(?<!natural )languages?|(?:need|have) to know"
                    r"|should i (?:learn|know|study)|(?<!machine )(?<!deep )(?<!reinforcement )learn(?:ing|t|ed)?"
                    r"|experience (?:needed|required)|what (?:do i|does one|should i|would i) need|prerequisites?"
                    r"|background|expected to know"),
    (Intent.responsibilities, r"responsibilit\w*|duties|duty|day[- ]to[- ]day|day in the life|typical (?:day|week)"
                              r"|what (?:do|does|would|will)\b[^?]{0,40}\bdo(?! (?:to|i|you|we)\b)"
                              r"|(?:role|job|position) (?:involve|entail)\w*|involve[sd]?|entail\w*|what work"
                              r"|work on|working on|tasks?|in charge of|ownership"),
    (Intent.employers, r"who (?:hires|is hiring|are hiring|hiring|employs|recruits)"
                       r"|which (?:companies|employers|firms"
                       r"|industries|sectors)|what (?:kinds?|types?|sorts?) of (?:companies|employers|firms|orgs)"
                       r"|what companies|employers?|companies (?:that |who )?(?:hire|are hiring)|segments?"
                       r"|(?:best|top|good|great) (?:companies|employers)|companies for"
                       r"|industries|sectors?|where (?:can|do|should|could)\b[^?]{0,30}\bwork|ai[- ]native"),
    # Last: "what is a senior ML engineer?" asks for the overview only when no specific topic is named.
    (Intent.overview, r"what (?:is|are) (?:a |an |the )?(?:remote )?(?:senior )?"
                      r"(?:ml engineer|machine learning engineer|ml engineering|role|job)s?(?: (?:like|about))?"
                      r"(?= *$| in | exactly| really| anyway)"
                      r"|(?:tell me|talk) about (?:the|this|that) (?:role|job)|describe (?:the|this|that) (?:role|job)"
                      r"|what does (?:a |an |the )?(?:remote )?(?:senior )?(?:ml engineer|role|job) (?:involve|mean)"),
)
_GUIDE_PATTERNS = tuple((intent, re.compile(rf"\b(?:{pattern})(?!\w)")) for intent, pattern in _GUIDE_TOPICS)

_STRONG_LISTING = re.compile(
    r"\b(?P<verb>find|show|list|search(?: for)?|browse|look(?:ing)? for|get me|give me|send me|pull up|fetch"
    r"|recommend|suggest|hunt(?:ing)? for|filter)\b(?P<between>(?: [^ ]+){0,8}?) "
    rf"(?P<noun>{_JOB_NOUN})\b"
)
_WEAK_LISTING = re.compile(
    rf"\b(?:any|are there|is there|got any|have any|anything|which) (?:[^ ]+ ){{0,6}}?{_JOB_NOUN}\b"
)
_PLURAL_NOUN = re.compile(r"\b(?:jobs|roles|openings|positions|listings|vacancies|postings|opportunities|gigs|reqs"
                          r"|internships)\b")
_ANY_NOUN = re.compile(rf"\b{_JOB_NOUN}\b")
_REFERENCE = re.compile(
    r"\b(?:(?:which|any|what about|how many|all|none) of (?:these|those|them)|these|those|ones)\b"
)
# "Tell me about ML roles" asks about the role, not for listings.
_ABOUT_THE_ROLE = re.compile(
    r"\b(?:tell me about|explain|describe|overview|what is (?:a|an|the)|what does it mean|common|typical|usual|normal"
    r"|worth it)\b"
)
# Questions about what jobs come with (benefits, visas) or where listings come from ask about the jobs, not for
# them: "do remote ML jobs sponsor visas?" is no search, though it names jobs and no guide topic.
_BENEFIT = (r"visas?|sponsor\w*|relocat\w*|insurance|health ?care|dental|pensions?|retirement|(?:401|403|457) ?[kb]"
            r"|pto|paid time off|parental leave|benefits?|perks?|stipends?")
_ABOUT_THE_JOBS = re.compile(rf"\b(?:{_BENEFIT}|come with|come from|comes from|sourced|the guide)\b")
_BENEFITS = re.compile(rf"\b(?:{_BENEFIT})\b")
_SEEKING = re.compile(r"\b(?:looking for|searching for|anything (?:out there|open|available)|something)\b")
_OPEN_SEARCH = re.compile(r"^(?:and )?any(?:thing)?(?: (?:open|available))?(?= (?:in|at|from|for)\b)"
                          r"|\bwhat is (?:open|available|out there)\b")
_TITLE = re.compile(r"\b(?:engineer|scientist|developer|analyst|designer|architect|researcher)s?\b")
_QUESTION_START = re.compile(r"^(?:what|how|why|who|where|when|which|is|are|do|does|did|can|could|should|would|will)\b")
_THE_ROLE = re.compile(r"\b(?:the|this|that)\b(?: [^ ]+){0,4} $")  # "is the senior ML role remote friendly?"
# Wanting a job is a search only when nothing else is asked: "what skills do I need for ML jobs" is not one.
_WANT_JOB = re.compile(
    rf"\b(?:want|need|looking for|interested in|apply (?:to|for))\b(?: [^ ]+){{0,4}}? {_JOB_NOUN}\b"
)

_OFF_TOPIC = re.compile(
    r"\b(?:weather|forecast|rain\w*|snow\w*|temperature|sunny|recipes?|cook\w*|bak(?:e|ing)|pasta|pizza|food|dinner"
    r"|lunch|breakfast|restaurants?|sports?|football|soccer|basketball|baseball|cricket|tennis|world cup|super bowl"
    r"|nba|nfl|olympics|who won|score|movies?|films?|tv shows?|music|songs?|lyrics|jokes?|poems?|horoscope|astrology"
    r"|capital of|president|elections?|politics|celebrity|dating|girlfriend|boyfriend|bitcoin|crypto\w*|lottery"
    r"|flights?|hotels?|vacation|translate|homework|riddle|games?)\b"
)
# Any of these makes a question about careers, whatever else it mentions.
_CAREER = re.compile(
    r"\b(?:jobs?|careers?|roles?|positions?|openings?|listings?|vacanc\w+|interview\w*|hir\w+|recruit\w*|pay\w*"
    r"|paid|salar\w+|compensation|earn\w*|wages?|income|ml|ai|machine learning|engineer\w*|data|scien\w+|compan\w+"
    r"|employ\w*|work\w*|remote\w*|skills?|promot\w*|resume|cv|offers?|phd|degree|senior|junior|staff|mlops"
    r"|models?|python|apply\w*|applications?|teams?|manager|startups?|industry|guide|red flags?|green flags?)\b"
)


def _guide_topic(norm: str) -> tuple[Intent, re.Match] | None:
    for intent, pattern in _GUIDE_PATTERNS:
        m = pattern.search(norm)
        if m:
            return intent, m
    return None


def _blocks_listing(words: str) -> bool:
    found = _guide_topic(words)
    return found is not None and found[0] is not Intent.pay


def _listing_trigger(text: _Text, cues: _Cues, topic: tuple[Intent, re.Match] | None) -> tuple[int, int] | None:
    """The span that asks for listings, or None."""
    norm = text.norm
    for m in _STRONG_LISTING.finditer(norm):
        if not _blocks_listing(m["between"]):
            return m.span()
    # Filters only a listing has: they make a role noun a search even next to a guide topic ("roles paying 150k+").
    listing_only = cues.floor or cues.disclosed or cues.posted or cues.sources
    noun = _PLURAL_NOUN.search(norm) or _WEAK_LISTING.search(norm) or _ANY_NOUN.search(norm) \
        or (cues.roles and _SEEKING.search(norm))  # "a data scientist looking for something that pays 170k+"
    if noun and listing_only:
        return noun.span()
    reference = _REFERENCE.search(norm)
    named = cues.places or cues.work_modes or cues.seniority or cues.skills or cues.companies
    if reference and (listing_only or named):
        return reference.span()
    about = _ABOUT_THE_ROLE.search(norm) or _ABOUT_THE_JOBS.search(norm)
    # "i want a job at Spotify" wants one; "do I need kubernetes for an MLOps role?" asks what it takes.
    wanting = None if _QUESTION_START.match(norm) else _WANT_JOB.search(norm)
    plural = _PLURAL_NOUN.search(norm) or _WEAK_LISTING.search(norm) or wanting
    if plural and topic is None and not about:
        return plural.span()
    # One job named by what makes it a posting — a company, a place, a work mode: "Data scientist job at
    # Pinterest", "Remote MLOps engineer job". A bare "the role" stays a question about the role.
    single = _ANY_NOUN.search(norm)
    # A skill alone names a posting only outside a question ("MLOps job with Kafka", not "how good does my
    # python need to be for a senior job").
    posting = cues.companies or cues.places or cues.work_modes or (
        cues.skills and not _QUESTION_START.match(norm))
    if single and posting and topic is None and not about \
            and not _THE_ROLE.search(norm[: single.start()]):
        return single.span()
    if cues.posted or cues.sources:
        hit = cues.posted or cues.sources[0]
        return hit.start, hit.end
    return None if topic or about else _posting_named(text, cues)


def _posting_named(text: _Text, cues: _Cues) -> tuple[int, int] | None:
    """A posting named without a job noun, by its title or by what is open where: "senior machine learning
    engineer at Waymo in London", "What's open at GitLab?", "anything in Ireland?". Not a question about the
    role ("how do ML engineers in Berlin ..."): those start with a question word."""
    if not (cues.companies or cues.places):
        return None
    found = _OPEN_SEARCH.search(text.norm)
    if found:
        return found.span()
    title = _TITLE.search(text.norm)
    return title.span() if title and not _QUESTION_START.match(text.norm) else None


def _is_off_topic(text: _Text, cues: _Cues) -> str | None:
    """The reason a question is off topic: an unrelated subject and no career word, or nothing but instructions."""
    career = _CAREER.search(text.norm) or cues.roles or cues.skills
    if career:
        return None
    unrelated = _OFF_TOPIC.search(text.norm)
    if unrelated:
        return f"from '{text.quote(*unrelated.span())}'"
    if cues.injection and not cues.places:
        return "only instruction-like text"
    return None


# ---------------------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------------------

# Every word a pattern above looks for, so capitalized vocabulary ("Senior", "Remote", "Find") is never
# read as a company name.
_VOCABULARY = frozenset(
    """
    find show list search browse look looking get give send pull fetch recommend suggest hunt filter need want any are
    there is got have anything which what who where when why how can could would should will do does did the a an
    and or of in on at to for from with by about me my you your i we us our they them their these those ones some all
    senior junior staff principal lead leads manager managers head director intern interns internship mid entry level
    remote remotely hybrid onsite office fully first jobs job roles role openings opening positions position listings
    listing vacancies vacancy postings posting opportunities opportunity gigs ml ai machine learning mlops engineer
    engineers engineering data science scientist scientists research researcher applied nlp llm llms deep vision
    computer software backend frontend platform infra infrastructure salary salaries pay paying paid earn make over
    above at least more than posted today recent recently latest new week month year please hey hi hello thanks thank
    just only also that this it its be been being like ok okay yes no not europe worldwide global anywhere
    companies company employers employer startups startup firms series saas tech big small top best good great
    disclose state stating states transparency range ranges based near around across within outside
    red green flags flag interview interviews hiring process skills promotion python help tell explain describe
    """.split()
) | frozenset(_VARIANTS) | frozenset(s.lower() for s in SOURCE_NAMES.values())


def _listing_filters(cues: _Cues) -> tuple[Filters, list[str]]:
    filters = Filters(kind="listing")
    lines = []
    for h in cues.sources:
        filters.sources.append(h.value)
        lines.append(f"source: {SOURCE_NAMES[h.value]} (from '{h.quote}')")
    for h in cues.places:
        lines += _place_filter(filters, h)
    for h in cues.work_modes:
        filters.work_modes.append(h.value)
        lines.append(f"work mode: {h.value.value} (from '{h.quote}')")
    for h in cues.seniority:
        filters.seniority.append(h.value)
        lines.append(f"seniority: {h.value.value} (from '{h.quote}')")
    lines += _salary_filters(filters, cues)
    if cues.posted:
        filters.posted_within_days = cues.posted.value
        lines.append(f"posted within: {_days_text(cues.posted.value)} (from '{cues.posted.quote}')")
    for h in cues.companies:
        filters.companies.append(h.value)
        lines.append(f"company: {h.value} (from '{h.quote}')")
    for h in cues.skills:
        filters.skills.append(h.value)
        lines.append(f"skill: {h.value} (from '{h.quote}')")
    if cues.roles and all(is_ml for _, is_ml in (h.value for h in cues.roles)):
        filters.ml_only = True
        lines.append(f"ml only: yes (from '{cues.roles[0].quote}')")
    return filters, lines


def _days_text(days: int) -> str:
    return "1 day" if days == 1 else f"{days} days"


def _place_filter(filters: Filters, hit: _Hit) -> list[str]:
    lines = []
    for cc in hit.value.countries:
        if cc not in filters.countries:
            filters.countries.append(cc)
            lines.append(f"country: {country_name(cc)} ({cc}) (from '{hit.quote}')")
    for region in hit.value.regions:
        if region not in filters.regions:
            filters.regions.append(region)
            lines.append(f"region: {region} (from '{hit.quote}')")
    return lines


_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def _money(amount: float, currency: str) -> str:
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{amount:,.0f}" if symbol else f"{currency} {amount:,.0f}"


def _salary_filters(filters: Filters, cues: _Cues) -> list[str]:
    lines = []
    if cues.floor:
        salary: Salary = cues.floor.value
        filters.min_annual_usd = salary.annual_usd_min
        lines.append(f"salary floor: {_describe_floor(salary)} (from '{cues.floor.quote}')")
    if cues.ceiling:
        lines.append(f"ignored: upper salary bound '{cues.ceiling.quote}' (only a salary floor filters listings)")
    if cues.disclosed:
        filters.salary_disclosed = True
        lines.append(f"salary disclosed: only listings that state a salary (from '{cues.disclosed.quote}')")
    return lines


def _describe_floor(salary: Salary) -> str:
    low = salary.min if salary.min is not None else salary.max
    stated = f"{_money(low, salary.currency)}/{salary.period}"
    if salary.period_inferred and salary.period != "year":
        stated += " (period inferred)"
    if salary.currency == "USD" and salary.period == "year":
        return stated
    usd = f"≈ ${salary.annual_usd_min:,.0f}/year"
    rate = f" (ECB rate of {salary.fx_date.isoformat()})" if salary.fx_date else ""
    return f"{stated} {usd}{rate}"


def _markets(cues: _Cues) -> tuple[list[str], list[str], list[str]]:
    markets, unknown, lines = [], [], []
    for h in cues.places:
        names = [(_MARKET_OF_COUNTRY.get(cc), country_name(cc)) for cc in h.value.countries]
        names += [("Remote (global)" if r == _GLOBAL_MARKET_REGION else None, r) for r in h.value.regions]
        for market, place in names:
            if market and market not in markets:
                markets.append(market)
                lines.append(f"market: {market} (from '{h.quote}')")
            elif not market and place not in unknown:
                unknown.append(place)
                known = ", ".join(MARKETS)
                lines.append(f"unknown market: {place} (from '{h.quote}'); the guide's markets are {known}")
    return markets, unknown, lines


def _not_applied(cues: _Cues) -> str | None:
    """Listing cues a guide question named: shown, so the user sees why they did not filter anything."""
    named = [f"seniority {h.value.value}" for h in cues.seniority]
    named += [f"work mode {h.value.value}" for h in cues.work_modes]
    named += [f"skill {h.value}" for h in cues.skills] + [f"company {h.value}" for h in cues.companies]
    named += [f"source {SOURCE_NAMES[h.value]}" for h in cues.sources]
    named += [f"salary amount '{cues.floor.quote}'"] if cues.floor else []
    named += [f"posted within {_days_text(cues.posted.value)}"] if cues.posted else []
    return f"not applied: {', '.join(named)} (listing filters; this is a guide question)" if named else None


def _decide(text: _Text, cues: _Cues) -> tuple[Intent, str]:
    off_topic = _is_off_topic(text, cues)
    if off_topic:
        return Intent.off_topic, off_topic
    topic = _guide_topic(text.norm)
    trigger = _listing_trigger(text, cues, topic)
    if trigger:
        return Intent.listings, f"from '{text.quote(*trigger)}'"
    if topic and topic[0] is Intent.pay and cues.companies:
        # The guide has no pay by company; the company's listings that state a salary do.
        words = text.quote(*topic[1].span())
        cues.disclosed = cues.disclosed or _Hit(True, words, *topic[1].span())
        return Intent.listings, f"from '{words}' with company '{cues.companies[0].quote}'"
    if topic:
        return topic[0], f"from '{text.quote(*topic[1].span())}'"
    return Intent.general, "no specific topic named"


def _topic_quote(text: _Text, intent: Intent) -> str:
    """The words that decided a guide intent, as the user wrote them (empty for general and listings)."""
    found = _guide_topic(text.norm)
    return text.quote(*found[1].span()) if found and found[0] is intent else ""


def understand(question: str, *, today: date | None = None, intent: Intent | None = None) -> Understood:
    """The intent of a question and the filters it names, with one explanation line per filter or decision.

    `today` dates the ECB rate a salary floor is converted at (today's date when not given). `intent` reads
    the question as that intent instead of deciding one: a follow-up ("what about staff level?") is read
    in the light of the previous turn, so its cues land as that turn's kind of filters.
    """
    question = question or ""
    readable, injection = _blank_injection(question)
    text = _tokenize(question, readable)
    cues = _extract(text, today or date.today(), injection)
    intent, why = _decide(text, cues) if intent is None else (intent, "read as a follow-up")
    head = [f"intent: {intent.value} ({why})"] + [f"ignored: instruction-like text '{q}'" for q in injection]
    if intent is Intent.off_topic:
        return Understood(question=question, intent=intent, filters=Filters(), explanation=head)
    if intent is Intent.listings:
        return _listing_result(question, intent, cues, head)
    understood = _guide_result(question, intent, cues, head)
    understood.topic = _topic_quote(text, intent)
    understood.subjects = list(dict.fromkeys(m.group() for m in _BENEFITS.finditer(text.norm)))
    return understood


def _shared_lines(cues: _Cues) -> list[str]:
    lines = [f"role: {h.value[0]} (from '{h.quote}')" for h in cues.roles]
    return lines + ([f"comparison: yes (from '{cues.comparison.quote}')"] if cues.comparison else [])


def _listing_result(question: str, intent: Intent, cues: _Cues, head: list[str]) -> Understood:
    filters, filter_lines = _listing_filters(cues)
    return Understood(
        question=question,
        intent=intent,
        filters=filters,
        comparison=cues.comparison is not None,
        role_terms=[h.value[0] for h in cues.roles],
        explanation=[*head[:1], "kind: listing", *head[1:], *_shared_lines(cues), *filter_lines],
    )


def _guide_result(question: str, intent: Intent, cues: _Cues, head: list[str]) -> Understood:
    markets, unknown, market_lines = _markets(cues)
    skipped = _not_applied(cues)
    return Understood(
        question=question,
        intent=intent,
        filters=Filters(kind="guide"),
        markets=markets,
        unknown_markets=unknown,
        comparison=cues.comparison is not None,
        role_terms=[h.value[0] for h in cues.roles],
        levels=[h.value for h in cues.seniority],
        explanation=[*head[:1], "kind: guide", *head[1:], *_shared_lines(cues), *market_lines]
        + ([skipped] if skipped else []),
    )
