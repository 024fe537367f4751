"""Facts derived from a listing's text: work mode, seniority, employment type, ML relevance, signals, skills.

Every function here is pure and runs on every listing. Every evidence string returned is an exact substring
of the text it came from (title, location, hint, category, tags or description), so the user can be shown
the words that justify a value.

Speed: one regex of sixty alternatives scanning a 5 KB description costs ~10 ms in Python's engine, far
too much for 100k listings. Vocabulary patterns are therefore grouped in a `_Lexicon` keyed by the word
each one starts with; a text's words are indexed once (cached, so the functions called in turn on the same
description share it) and a pattern is only tried where its first word occurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate

from .models import Clarity, EmploymentType, Seniority, Signal, WorkMode

EVIDENCE_LIMIT = 200  # characters: enough for a sentence, short enough to show inline
WISHLIST_MIN = 6  # distinct ML frameworks named before a description reads as a wishlist
WISHLIST_LIMIT = 300  # a wishlist span longer than this is quoted by its densest sentence instead
DESCRIPTION_ML_MIN = 2  # distinct hands-on ML terms in its duties a generic engineering title needs
FIRST_DUTIES_CHARS = 500  # how far past the duties header counts as "among the first duties"

_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------------------------
# Word index and lexicons
# ---------------------------------------------------------------------------------------------------------

_SPLIT = re.compile(r"(\W+)")  # words and the runs between them, so offsets add up
_DIGITS = frozenset("0123456789")
NUMBER = "#"  # trigger for patterns that start with a number ("5+ years", "3 days a week", "10k QPS")
_TRIGGERS: set[str] = set()  # every lexicon's trigger words, filled in as the lexicons are built at import


@lru_cache(maxsize=16)
def _word_index(text: str) -> dict[str, list[int]]:
    """Start offsets of each lowercased trigger word in `text`; numbers are filed under NUMBER.

    One split into words and separators gives every offset; only words some lexicon starts with are kept.
    """
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))[0::2]
    index: dict[str, list[int]] = {}
    for word, pos in zip(map(str.lower, parts[0::2]), offsets):
        if word in _TRIGGERS:
            index.setdefault(word, []).append(pos)
        if word[:1] in _DIGITS:
            index.setdefault(NUMBER, []).append(pos)
    return index


class _Lexicon:
    """Named patterns, each tried only where one of its trigger words starts.

    Entries are (name, triggers, pattern): triggers are the lowercase words a match can begin with,
    separated by spaces. At one position the first entry (in definition order) that matches wins, and a
    match hides the candidates it covers, as a single alternation regex would.
    """

    def __init__(self, entries: Iterable[tuple[str, str, str]], flags: int = 0) -> None:
        self.entries = tuple(entries)
        self.flags = flags
        self._by_word: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for name, triggers, pattern in self.entries:
            compiled = re.compile(pattern, flags)
            for word in triggers.split():
                self._by_word.setdefault(word, []).append((name, compiled))
        self._words = frozenset(self._by_word)
        _TRIGGERS.update(self._words)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[str, re.Match[str]]]:
        end = len(text) if end is None else end
        index = _word_index(text)
        candidates = sorted(
            (pos, word) for word in self._words & index.keys() for pos in index[word] if start <= pos < end
        )
        covered = start
        for pos, word in candidates:
            if pos < covered:
                continue
            for name, pattern in self._by_word[word]:
                m = pattern.match(text, pos, end)
                if m:
                    covered = m.end()
                    yield name, m
                    break

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[str, re.Match[str]] | None:
        return next(self.finditer(text, start, end), None)


# ---------------------------------------------------------------------------------------------------------
# Evidence spans
# ---------------------------------------------------------------------------------------------------------

# A sentence ends at . ! ? followed by a space (not after "e.g." and the like), or at a line break:
# descriptions keep one paragraph or bullet per line.
_BOUNDARY = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bInc)(?<!\bLtd)(?<!\bU\.S)(?<!\bSr)(?<!\bJr)(?<!\bDr)"
    r"(?<!\bMr)(?<!\bMs)(?<!\bNo)(?<!\bSt)[.!?](?=\s)|\n|•"
)


def _clip(text: str, left: int, right: int, start: int, end: int, limit: int) -> tuple[int, int]:
    """Narrow [left, right) to at most `limit` characters, keeping [start, end) whole and cutting at spaces."""
    if right - left > limit:
        room = max(0, limit - (end - start))
        left = max(left, start - room // 2)
        right = min(right, left + max(limit, end - start))
        if 0 < left < start:
            space = text.find(" ", left, start)
            left = space + 1 if space != -1 else left
        if end < right < len(text):
            space = text.rfind(" ", end, right)
            right = space if space != -1 else right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _sentence(text: str, start: int, end: int, limit: int = EVIDENCE_LIMIT) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), clipped to `limit` characters."""
    window = max(limit, 2 * limit - (end - start))
    left = max(0, start - window)
    for m in _BOUNDARY.finditer(text, left, start):
        left = m.end()
    m = _BOUNDARY.search(text, end, min(len(text), end + window))
    right = (m.start() + (text[m.start()] in ".!?")) if m else min(len(text), end + window)
    return _clip(text, left, right, start, end, limit)


def _span(text: str, start: int, end: int, limit: int = EVIDENCE_LIMIT) -> str:
    left, right = _sentence(text, start, end, limit)
    return text[left:right]


# ---------------------------------------------------------------------------------------------------------
# Work mode
# ---------------------------------------------------------------------------------------------------------

_DAYS = r"(?:[1-5]|one|two|three|four|five)(?:\s*(?:-|–|to|or)\s*(?:[1-5]|two|three|four|five))?"
_DAY_WORDS = f"{NUMBER} one two three four five"
_NOT_REMOTE_WORK = (
    r"(?![- ](?:sensing|sensors?|control(?:led|s)?|access|desktop|monitoring|patients?|servers?|teams?|"
    r"workers|employees|colleagues|devices?|vehicles?|operations?|assistance|sites?|areas?|locations?|"
    r"communities|villages|learning|islands?|diagnostics|repositor(?:y|ies)|branch(?:es)?)\b)"
)
_NOT_HYBRID_WORK = (
    r"(?![- ](?:cloud|search|apps?|mobile|models?|vehicles?|cars?|engines?|approach(?:es)?|architectures?|"
    r"systems?|solutions?|infrastructure|retrieval|methods?|techniques?|integration|networks?|"
    r"environments? of)\b)"
)
_NOT_IN_PERSON_WORK = (
    r"(?![- ](?:events?|collaboration|meet\w*|gatherings?|off-?sites?|retreats?|interviews?|time|locations?|"
    r"connections?|training|onboarding|visits?|days?)\b)"
)
# Kinds in priority order at one position; "_s" marks phrases clear enough to count in any sentence,
# bare words count in a description only in sentences about the role.
_MODES = _Lexicon(
    (
        # Options offered side by side: the most flexible one the candidate may choose is remote.
        (
            "remote_opt",
            "on onsite hybrid in",
            r"(?:on-?site|hybrid|in[- ]office)(?:\s+\w+){0,2}\s*,?\s*(?:or|and/or|/)\s*(?:full(?:y)?[- ])?"
            r"remote(?:ly)?\b",
        ),
        (
            "remote_opt",
            "full fully remote",
            r"(?:full(?:y)?[- ])?remote\s*(?:,|or|/)\s*(?:or\s+)?(?:hybrid|on-?site)\b",
        ),
        (
            "days_s",
            _DAY_WORDS,
            rf"{_DAYS}\s+days?\s*(?:a|per|each|every|/|of the)\s*week\b[^.\n]{{0,40}}?\b(?:in|at|from|into)\s+"
            r"(?:the|our|an?|one of our)\s+(?:[\w-]+\s+){0,2}?(?:office|offices|HQ|headquarters|studio|hub)\b",
        ),
        (
            "days_s",
            "in on onsite",
            rf"(?:in[- ](?:the[- ])?office|on-?site|in[- ]person)\s+(?:[\w-]+\s+){{0,3}}?{_DAYS}\s+days?\s*"
            r"(?:a|per|each|every|/)\s*week\b",
        ),
        (
            "hybrid_s",
            "hybrid",
            r"hybrid[- ](?:work(?:ing|place)?|role|position|job|schedule|policy|arrangement|set-?up|"
            r"opportunity|options?|environment|remote|model of work|work model|working model)\b",
        ),
        (
            "remote_s",
            "full fully 100 completely entirely all",
            r"(?:full(?:y)?|100\s?%|completely|entirely|all)[- ]remote(?:ly)?\b",
        ),
        (
            "remote_s",
            "remote",
            r"remote[- ](?:first|friendly|only|optional|role|position|job|opportunity|work(?:ing)?|basis|"
            r"setting|environment|employee|contract|company)\b(?! experience)",
        ),
        ("remote_s", "virtual", r"virtual[- ]first\b"),
        ("remote_s", "work working", r"work(?:ing)?[- ](?:from|at)[- ]home\b|work(?:ing)? remotely\b"),
        ("remote_s", "wfh telecommute telecommuting telecommuter telecommuters", r"WFH\b|telecommut\w*"),
        ("remote_s", "home", r"home[- ](?:office[- ])?based\b"),
        (
            "onsite_s",
            "full fully 100 entirely on onsite in",
            r"(?:full(?:y)?|100\s?%|entirely)[- ]on-?site\b|on-?site[- ](?:role|position|job|basis)\b"
            r"|in[- ]office[- ](?:role|position|job)\b",
        ),
        (
            "onsite_s",
            "office",
            r"(?<!home )(?<!home-)office[- ]based\s+(?:role|position|job)\b|(?<=\()office(?=\))",
        ),
        ("hybrid", "hybrid", rf"hybrid\b{_NOT_HYBRID_WORK}"),
        ("remote", "remote remotely", rf"remote(?:ly)?\b{_NOT_REMOTE_WORK}"),
        ("onsite", "on onsite in", rf"(?:on-?site|in[- ]office|in[- ]person)\b{_NOT_IN_PERSON_WORK}"),
    ),
    _I,
)
# Sentences that talk about this role rather than the company.
_ROLE_CUE = re.compile(
    r"\b(?:this|the)\s+(?:role|position|job|vacancy)\b|\byou(?:'ll|’ll| will| would| can)?\s+"
    r"(?:be\s+)?(?:work|working|based|located)\b|\bwork(?:ing)?\s+(?:location|arrangement|model|type|"
    r"setup|style|mode)\b|\blocation\s*(?:type)?\s*:|\b(?:role|position|job)\s+(?:is|will be)\b|"
    r"\bour roles\b|\bwe (?:are|'re) hiring\b|\bcandidates? (?:must|should)\b",
    _I,
)
_FIVE_DAYS = re.compile(r"(?:5|five)\s+days", _I)
_NEGATED = re.compile(r"\b(?:not|no|non|never|isn't|cannot|can't)\b[^.\n]{0,12}$", _I)
_MODE_VALUES = {"remote": WorkMode.remote, "hybrid": WorkMode.hybrid, "onsite": WorkMode.onsite}


def _header_start(text: str, left: int) -> int:
    """Include a 'Work Type:'-style header line just above the sentence: it names what follows."""
    i = left - 2
    if i < 0 or text[left - 1] != "\n":
        return left
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    return text.rfind("\n", 0, i) + 1 if i >= 0 and text[i] == ":" else left


def _modes(text: str, *, strict: bool) -> tuple[str, int, int] | None:
    """The best (mode, start, end) in one text; `strict` keeps bare words only in role sentences.

    Best: a remote option offered among others, then hybrid (it qualifies any remote wording next to
    it), then the first phrase in the text.
    """
    found = []
    for kind, m in _MODES.finditer(text):
        if strict and not kind.endswith(("_s", "_opt")):
            if _NEGATED.search(text, max(0, m.start() - 25), m.start()):
                continue
            left, right = _sentence(text, m.start(), m.end(), 400)
            if not _ROLE_CUE.search(text, _header_start(text, left), right):
                continue
        mode = kind.split("_")[0]
        if kind == "days_s":  # every working day in the office is on-site, fewer is hybrid
            mode = "onsite" if _FIVE_DAYS.match(m.group()) else "hybrid"
        found.append((kind != "remote_opt", mode != "hybrid", m.start(), mode, m.end()))
    if not found:
        return None
    *_, start, mode, end = min(found)
    return mode, start, end


def work_mode(
    title: str,
    description: str,
    location: str,
    *,
    hint: str | None = None,
    remote_board: bool = False,
) -> tuple[WorkMode, Clarity, str | None]:
    """Remote / hybrid / onsite / unknown, how clearly the listing says so, and the words that say it.

    Sources are tried from most to least specific: title, location, the board's structured hint, then
    description sentences about the role (company blurbs mention remote teams and remote sensing). Within
    one source hybrid beats remote ("remote-friendly, 3 days in office"), unless the text offers remote as
    one option among others. A remote-only board with nothing stated gives remote, implied, no evidence;
    a city alone says nothing about the mode, so it stays unknown.
    """
    for text, strict in ((title, False), (location, False), (hint or "", False), (description, True)):
        best = _modes(text, strict=strict) if text else None
        if best:
            mode, start, end = best
            evidence = _span(text, start, end) if strict else text[start:end]
            return _MODE_VALUES[mode], Clarity.explicit, evidence
    if remote_board:
        return WorkMode.remote, Clarity.implied, None
    return WorkMode.unknown, Clarity.unknown, None


# ---------------------------------------------------------------------------------------------------------
# Seniority
# ---------------------------------------------------------------------------------------------------------

# "X Manager" titles that name a job, not a people manager; the level comes from the title's other words.
_ROLE_MANAGER = re.compile(
    r"\b(?:product|program(?:me)?|project|account|accounts|partner(?:ships?)?|community|customer success|"
    r"success|marketing|content|territory|category|growth|brand|campaign|social media|vendor|escalation|"
    r"relationship|case|solutions)(?:\s+(?!engineering\b)\w+)?\s+manager\b|\bchief of staff\b",
    _I,
)
_GROUP_MANAGER = re.compile(r"\bgroup\s+(?:product|program)\s+manager\b", _I)
_PEOPLE_MANAGER = re.compile(
    r"\bmanager\b|\bmgr\b|\bhead of\b|\bdirector\b|\bvp\b|\bvice[- ]president\b|\bchief\b|"
    r"\b(?:ceo|cto|cfo|coo|cmo|cio|ciso|cpo|svp|evp|avp|tlm)\b",
    _I,
)
# "Staff Engineer, Ads Business Manager": a manager word after an IC job names a product or a team.
_FIRST_SEGMENT = re.compile(r"^[^,–]*?(?=,|\s[-–]\s|$)")
_IC_JOB = re.compile(r"\b(?:engineer|scientist|developer|designer|analyst|researcher|architect)s?\b", _I)
_PARENTHESES = re.compile(r"\([^)]*\)")
# Highest first: "Mid/Senior" is senior, "Senior Staff" is staff.
_TITLE_LEVELS = (
    (Seniority.principal, re.compile(r"\b(?:principal|distinguished|fellow)\b", _I)),
    (
        Seniority.staff,
        re.compile(
            r"(?<!of )\bstaff\b(?!\s+(?:writer|accountant|nurse|attorney|reporter|photographer|physician|"
            r"pharmacist|augmentation))",
            _I,
        ),
    ),
    (
        Seniority.senior,
        re.compile(
            r"\b(?:senior|sr|snr)\b|\blead\b(?![- ]gen)|\bTL\b|\bchief of staff\b"
            r"|(?<!Tier )(?<!Level )\b(?-i:III|IV)\b",
            _I,
        ),
    ),
    (
        Seniority.mid,
        re.compile(
            r"\bmid(?:[- ]?level|weight)?\b(?![- ]market)|\bintermediate\b"
            r"|(?<!Tier )(?<!Level )\b(?-i:II)\b",
            _I,
        ),
    ),
    (
        Seniority.junior,
        re.compile(
            r"\b(?:junior|jr|entry[- ]level|graduate|new grad|associate|trainee|apprentice)\b"
            r"|(?<!Tier )(?<!Level )\b(?-i:I)\b(?![/'’])",
            _I,
        ),
    ),
)
_INTERN = re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b", _I)
# Jobicy jobLevel; "Any" says nothing.
_WORD_LEVELS = {
    "senior": Seniority.senior,
    "midweight": Seniority.mid,
    "mid": Seniority.mid,
    "mid-level": Seniority.mid,
    "junior": Seniority.junior,
    "entry": Seniority.junior,
    "entry-level": Seniority.junior,
    "lead": Seniority.senior,
    "staff": Seniority.staff,
    "principal": Seniority.principal,
    "intern": Seniority.intern,
    "internship": Seniority.intern,
    "manager": Seniority.manager,
    "director": Seniority.manager,
    "executive": Seniority.manager,
}
_LADDER = re.compile(r"(?:(?P<ic>IC)|(?P<mgmt>[MD]|VP)|L)?\s*(?P<n>\d{1,2})", _I)
_DESCRIPTION_LEVEL = _Lexicon(
    (
        ("junior", "entry junior", r"(?:entry|junior)[- ]level\s+(?:role|position|opportunity|job)\b"),
        ("mid", "mid", r"mid[- ]level\s+(?:role|position|opportunity|job)\b"),
        ("senior", "senior", r"senior[- ]level\s+(?:role|position|opportunity|job)\b"),
        ("intern", "this", r"this\s+(?:is\s+an?\s+)?internship\b"),
    ),
    _I,
)


def _manages_people(title: str) -> bool:
    head = _FIRST_SEGMENT.match(title)
    head_text = head.group() if head else title
    if _IC_JOB.search(head_text) and not _PEOPLE_MANAGER.search(_ROLE_MANAGER.sub(" ", head_text)):
        title = head_text + " " + " ".join(_PARENTHESES.findall(title))
    return bool(_PEOPLE_MANAGER.search(_ROLE_MANAGER.sub(" ", title)) or _GROUP_MANAGER.search(title))


def _title_seniority(title: str) -> Seniority:
    if _manages_people(title):
        return Seniority.manager
    if _INTERN.search(title):
        return Seniority.intern
    for level, pattern in _TITLE_LEVELS:
        if pattern.search(title):
            return level
    return Seniority.unknown


def _hint_seniority(hint: str) -> Seniority:
    """The level field, which may list several levels ("4, 5": Waymo hires some roles across a span).
    A span whose levels read differently says no single level, so it is unknown."""
    levels = {_one_level(part) for part in hint.split(",")} - {Seniority.unknown}
    return levels.pop() if len(levels) == 1 else Seniority.unknown


def _one_level(hint: str) -> Seniority:
    """Jobicy words; Reddit IC/M/D levels; bare numbers or L-numbers on Waymo's Google-style ladder."""
    word = hint.strip().lower()
    if word in _WORD_LEVELS:
        return _WORD_LEVELS[word]
    m = _LADDER.fullmatch(word)
    if not m:
        return Seniority.unknown
    n = int(m.group("n"))
    if m.group("mgmt"):
        return Seniority.manager
    if m.group("ic"):
        # Reddit, read off its titles: IC3 plain, IC4 Senior, IC5 Staff, IC6 Senior Staff, IC7 Principal.
        if n <= 2:
            return Seniority.junior
        return {3: Seniority.mid, 4: Seniority.senior, 5: Seniority.staff, 6: Seniority.staff}.get(
            n, Seniority.principal
        )
    # Waymo, read off its titles: 3 entry, 4 plain, 5 Senior, 6 Staff, 7 Senior Staff, 8 Principal/Director.
    if n <= 0:
        return Seniority.unknown
    if n <= 3:
        return Seniority.junior
    return {4: Seniority.mid, 5: Seniority.senior, 6: Seniority.staff, 7: Seniority.staff}.get(
        n, Seniority.principal
    )


def seniority(title: str, *, level_hint: str | None = None, description: str = "") -> Seniority:
    """The level a listing hires at: title words first, then the board's level field, then the text.

    People managers (Manager, Head of, Director, VP, Chief, TLM) win over IC words; "Product / Program /
    Account ... Manager" and similar are jobs, so "Senior Product Manager" is senior and a bare
    "Product Manager" is unknown unless the level field says more. Several IC words: the highest wins.
    The description only counts when it names the level of the position ("an entry-level opportunity").
    """
    level = _title_seniority(title)
    if level is Seniority.unknown and level_hint:
        level = _hint_seniority(level_hint)
    if level is Seniority.unknown and description:
        found = _DESCRIPTION_LEVEL.search(description)
        if found:
            level = Seniority(found[0])
    return level


# ---------------------------------------------------------------------------------------------------------
# Employment type
# ---------------------------------------------------------------------------------------------------------

_RAW_TYPES = {
    "full_time": EmploymentType.full_time,
    "fulltime": EmploymentType.full_time,
    "permanent": EmploymentType.full_time,
    "part_time": EmploymentType.part_time,
    "parttime": EmploymentType.part_time,
    "contract": EmploymentType.contract,
    "contractor": EmploymentType.contract,
    "contract_to_hire": EmploymentType.contract,
    "freelance": EmploymentType.freelance,
    "freelancer": EmploymentType.freelance,
    "internship": EmploymentType.internship,
    "intern": EmploymentType.internship,
    "temporary": EmploymentType.temporary,
    "temp": EmploymentType.temporary,
    "seasonal": EmploymentType.temporary,
}
_RAW_SEP = re.compile(r"[\s\-_/]+")
_TYPE_PREFIXES = (
    ("full", EmploymentType.full_time),
    ("part", EmploymentType.part_time),
    ("contract", EmploymentType.contract),
    ("fixed", EmploymentType.contract),
    ("ftc", EmploymentType.contract),
    ("freelance", EmploymentType.freelance),
    ("intern", EmploymentType.internship),
    ("temp", EmploymentType.temporary),
    ("seasonal", EmploymentType.temporary),
)
# "Contract Manager" and "Contracts Counsel" are jobs about contracts, not contract jobs.
_NOT_CONTRACT_JOB = (
    r"(?!\s+(?:manager|management|specialist|administrator|administration|negotiat\w*|lawyer|attorney|"
    r"counsel|analyst|review\w*))"
)
_TITLE_TYPE = re.compile(
    r"\b(?P<type>part[- ]?time|freelancer?|intern(?:ship)?|temp(?:orary)?|seasonal|full[- ]?time)\b"
    rf"|\b(?P<contract>contract(?:or)?|fixed[- ]term|FTC)\b{_NOT_CONTRACT_JOB}",
    _I,
)
_SP = r"[^\S\n]+"  # spaces within a line: a type word ending one line says nothing of the next
_TYPE_WORD = (
    r"(?P<type>full[- ]?time|part[- ]?time|contract(?:[- ]to[- ]hire)?|fixed[- ]term|freelance|internship|"
    r"temporary|seasonal)"
)
_DESCRIPTION_TYPE = _Lexicon(
    (
        (
            "field",
            "job employment position contract work",
            rf"(?:job|employment|position|contract|work)[^\S\n]?type\s*:\s*{_TYPE_WORD}",
        ),
        (
            "phrase",
            "full fulltime part parttime contract fixed freelance internship temporary seasonal",
            rf"{_TYPE_WORD}{_SP}(?:role|position|job|opportunity|employment|basis|contract|hire|engagement|"
            r"assignment|program)\b",
        ),
        ("phrase", "this", r"this is an? (?P<type>internship)\b"),
        ("phrase", "on", rf"on an?{_SP}(?P<type>contract|freelance|part-time|full-time){_SP}basis\b"),
    ),
    _I,
)


def _type_of(word: str) -> EmploymentType:
    word = word.lower()
    return next((kind for prefix, kind in _TYPE_PREFIXES if word.startswith(prefix)), EmploymentType.unknown)


def employment_type(
    raw: str | list[str] | None, *, title: str = "", description: str = ""
) -> EmploymentType:
    """The board's type field when it holds a known value (the first known one of a list), else title
    words, else a description phrase that states the type of this job ("a full-time position")."""
    for value in [raw] if isinstance(raw, str) else list(raw or []):
        kind = _RAW_TYPES.get(_RAW_SEP.sub("_", value.strip().lower())) if isinstance(value, str) else None
        if kind:
            return kind
    m = _TITLE_TYPE.search(title) if title else None
    if m:
        return _type_of(m.group("type") or m.group("contract"))
    found = _DESCRIPTION_TYPE.search(description) if description else None
    return _type_of(found[1].group("type")) if found else EmploymentType.unknown


# ---------------------------------------------------------------------------------------------------------
# ML relevance
# ---------------------------------------------------------------------------------------------------------

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
_DIRECT_ROLE = re.compile(
    rf"{_ML_TERM}(?:(?:\s*[/&+,]?\s*(?:and\s+|&\s+)?[\w.+-]+){{0,2}}?)\s*[/-]?\s*{_ML_ROLE}"
)
_GENERIC_ROLE = re.compile(
    r"(?P<prefix>[\w+#-]+\s+)?(?P<role>engineer(?:ing)?(?:\s+manager)?|swe|"
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
_ML_DUTIES = _Lexicon(
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
# Section headers: a short line naming what follows. Only duty sections (and text before any header) count.
_SECTION = re.compile(
    r"(?im)^(?=[^\n]{0,60}$)[^\n]{0,30}?\b(?:(?P<duty>(?:key |main |core |your )?responsibilities|"
    r"what you(?:'ll|’ll| will) (?:do|be doing|work on)|(?:about )?the role|your role|role overview|duties|"
    r"day[- ]to[- ]day|in this role|you will)|(?P<other>(?:nice|good) to have|bonus|preferred|qualifications|"
    r"requirements|what (?:we're|we’re|we are) looking for|about you|who you are|skills|"
    r"tech(?:nology)? stack|you have|must[- ]haves?|plus(?:es)?|benefits|perks|what we offer|compensation|"
    r"about (?:us|the company)|who we are|why join))\b[^\n.]*$"
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
    sections = [(m.start(), bool(m.group("duty"))) for m in _SECTION.finditer(description)]
    seen: dict[str, str] = {}
    index = 0
    for name, m in _ML_DUTIES.finditer(description):
        if name in seen:
            continue
        while index < len(sections) and sections[index][0] <= m.start():
            index += 1
        if index and not sections[index - 1][1]:
            continue
        left, right = _sentence(description, m.start(), m.end(), 300)
        if not _NOT_A_DUTY.search(description, left, right):
            seen[name] = m.group()
    return list(seen.values())


def ml_relevance(
    title: str, description: str, tags: list[str], category: str | None = None
) -> tuple[bool, list[str]]:
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


# ---------------------------------------------------------------------------------------------------------
# Signals
# ---------------------------------------------------------------------------------------------------------

# Named ML platforms and tools. Ambiguous names (Ray, Comet, Feast, Triton) are matched case-sensitively
# and, for Ray, Feast and Comet, only in a list or next to their own components.
_PLATFORM_ENTRIES = (
    ("MLflow", "mlflow", r"(?i:mlflow)\b"),
    ("Weights & Biases", "weights wandb w", r"(?i:weights\s*(?:&|and)\s*biases\b|wandb\b)|W&B\b"),
    ("Vertex AI", "vertex vertexai", r"(?i:vertex\s*ai)\b"),
    ("SageMaker", "sagemaker sage", r"(?i:sage\s?maker)\b"),
    ("Kubeflow", "kubeflow", r"(?i:kubeflow)\b"),
    ("Ray", "ray", r"Ray(?=\s*(?:[,/)]|and\b|or\b|Serve\b|Tune\b|Train\b|Data\b|Core\b|RLlib\b|clusters?\b))"),
    ("Databricks", "databricks", r"(?i:databricks)\b"),
    ("Feast", "feast", r"Feast(?=\s*(?:[,/)]|and\b|or\b|feature))"),
    ("Tecton", "tecton", r"Tecton\b"),
    ("Airflow", "airflow", r"(?i:airflow)\b"),
    ("BentoML", "bentoml", r"(?i:bentoml)\b"),
    ("Triton", "triton", r"Triton(?:\s+Inference\s+Server)?\b"),
    ("KServe", "kserve kserving kfserve kfserving", r"(?i:kf?serv(?:e|ing))\b"),
    ("Seldon", "seldon", r"Seldon(?:\s+Core)?\b"),
    ("TFX", "tfx", r"TFX\b"),
    ("DVC", "dvc", r"DVC\b"),
    ("Comet", "comet cometml", r"(?i:comet(?:\.ml|\s?ml))\b|Comet(?=\s*(?:[,/)]|and\b|or\b))"),
    ("Neptune", "neptune", r"(?i:neptune(?:\.ai|\s+ai))\b"),
    ("Azure ML", "azure azureml", r"(?i:azure\s*(?:ml|machine\s+learning))\b"),
    ("Metaflow", "metaflow", r"(?i:metaflow)\b"),
    ("Flyte", "flyte", r"Flyte\b"),
    ("ZenML", "zenml", r"(?i:zenml)\b"),
    ("ClearML", "clearml", r"(?i:clearml)\b"),
    ("TorchServe", "torchserve", r"(?i:torchserve)\b"),
    ("TensorFlow Serving", "tensorflow tf", r"(?i:tensorflow\s+serving|tf\s+serving)\b"),
    ("TensorRT", "tensorrt", r"(?i:tensorrt)\b"),
    ("vLLM", "vllm", r"(?i:vllm)\b"),
    ("Hopsworks", "hopsworks", r"(?i:hopsworks)\b"),
)
_PLATFORMS = _Lexicon(_PLATFORM_ENTRIES)
# Tags are short and many: one alternation is cheap there, and keeps them out of the word-index cache.
_PLATFORM_TAG = re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, _, p) in enumerate(_PLATFORM_ENTRIES)))
_INFERENCE = _Lexicon(
    (
        (
            "latency",
            "low real online high large production",
            r"(?:low[- ]latency|real[- ]time|online|high[- ]throughput|large[- ]scale|production)\s+"
            r"(?:ML\s+|model\s+)?(?:inference|serving|predictions?|model serving)\b",
        ),
        (
            "scale",
            "hundreds tens millions billions trillions thousands",
            r"(?:(?:hundreds|tens) of )?(?:millions|billions|trillions|thousands)\s+of\s+"
            r"(?:(?:daily|real-time|online)\s+)?(?:requests|predictions|inferences|queries|api calls|"
            r"recommendations|ad requests|events)\b(?:\s+(?:per|a|each)\s+(?:second|day|minute)\b)?",
        ),
        (
            "qps",
            NUMBER,
            r"\d[\d,.]*\s*[kmb]?\+?\s*(?:QPS|RPS|requests per second|queries per second|predictions per "
            r"(?:second|day))\b",
        ),
        ("qps", "qps", r"(?-i:QPS)\b"),
        (
            "serving",
            "serve serves serving model inference",
            r"serv(?:e|es|ing)\s+(?:ML\s+|machine learning\s+|deep learning\s+)?models?\s+(?:in|to|at)\s+"
            r"(?:production|scale)\b|model serving\b|inference (?:at scale|infrastructure|platform|service|"
            r"servers?|latency|throughput|optimization)\b",
        ),
    ),
    _I,
)
_AB_TESTING = _Lexicon(
    (
        (
            "A/B testing",
            "a split",
            # A bare "A/B" (an A/B switch, A/B sides) counts only with tests or experiments close by.
            r"A\s?/\s?B(?:[- ]?(?:test(?:s|ing)?|experiment(?:s|ation)?)\b|(?![\w/])(?=[^.\n]{0,30}?"
            r"\b(?:test|experiment)))|split[- ]test(?:s|ing)?\b",
        ),
        (
            "online experiments",
            "online controlled multi",
            r"online\s+(?:experiment(?:s|ation)?|evaluations?|controlled experiments)\b"
            r"|controlled experiments\b|multi-armed bandits?\b",
        ),
        (
            "experimentation platform",
            "experimentation",
            r"experimentation\s+(?:platform|framework|infrastructure|systems?|tooling)\b",
        ),
    ),
    _I,
)
_YEARS = r"(?:years?|yrs?)\b"
_SENIORITY_TEXT = _Lexicon(
    (
        ("mentorship", "mentor mentors mentored mentoring mentorship", r"mentor(?:s|ed|ing|ship)?\b"),
        (
            "leads design",
            "lead leads leading",
            r"lead(?:s|ing)?\s+(?:the\s+)?(?:technical\s+|system\s+|architecture\s+)?design\b",
        ),
        (
            "technical leadership",
            "technical as be become",
            r"technical\s+leadership\b|(?:as|be|become)\s+(?:a|the)\s+(?:[\w-]+\s+)?tech(?:nical)?\s+lead\b",
        ),
        (
            "end-to-end ownership",
            "own owns owning end",
            r"own(?:s|ing)?\b[^.\n]{0,60}?\bend[- ]to[- ]end\b|end[- ]to[- ]end\s+ownership\b",
        ),
        ("years", NUMBER, rf"(?P<n>\d{{1,2}})\s*(?:\+|plus|or more)\s*{_YEARS}"),
        ("years", "at minimum min", rf"(?:at least|minimum(?: of)?|min\.?)\s*(?P<n>\d{{1,2}})\s*{_YEARS}"),
        ("years", NUMBER, rf"(?P<lo>\d{{1,2}})\s*(?:-|–|to)\s*(?P<hi>\d{{1,2}})\s*\+?\s*{_YEARS}"),
    ),
    _I,
)
# Years only count as a requirement when experience is named or an activity follows: "25+ years in
# Finance" in a founder's bio is not one.
_EXPERIENCE_AFTER = re.compile(
    r"[^\n]{0,100}?\b(?:experience|exp|background|track record|roles?|positions?)\b"
    r"|['’]?\s+(?:of\s+)?(?:[\w-]+\s+)?\w+ing\b",
    _I,
)
_FRAMEWORKS = _Lexicon(
    (
        ("PyTorch", "pytorch py", r"py\s?torch\b"),
        ("TensorFlow", "tensorflow tensor", r"tensor\s?flow\b(?!\s+serving)"),
        ("JAX", "jax", r"(?-i:JAX)\b"),
        ("Keras", "keras", r"keras\b"),
        ("scikit-learn", "scikit sklearn", r"scikit[- ]?learn\b|sklearn\b"),
        ("XGBoost", "xgboost", r"xgboost\b"),
        ("LightGBM", "lightgbm", r"lightgbm\b"),
        ("CatBoost", "catboost", r"catboost\b"),
        ("Hugging Face", "hugging huggingface", r"hugging\s?face\b"),
        ("spaCy", "spacy", r"spacy\b"),
        ("NLTK", "nltk", r"nltk\b"),
        ("OpenCV", "opencv", r"opencv\b"),
        ("MXNet", "mxnet", r"mxnet\b"),
        ("Caffe", "caffe caffe2", r"caffe2?\b"),
        ("Theano", "theano", r"theano\b"),
        ("ONNX", "onnx", r"onnx\b"),
        ("LangChain", "langchain", r"langchain\b"),
        ("LlamaIndex", "llamaindex llama", r"llama\s?index\b"),
        ("Gensim", "gensim", r"gensim\b"),
        ("fastai", "fastai fast", r"fast\.?ai\b"),
        ("PaddlePaddle", "paddlepaddle paddle", r"paddle\s?paddle\b"),
        ("Chainer", "chainer", r"(?-i:Chainer)\b"),
        ("CNTK", "cntk", r"cntk\b"),
        ("DeepSpeed", "deepspeed", r"deepspeed\b"),
        ("Spark MLlib", "mllib", r"mllib\b"),
        ("H2O", "h2o", r"(?-i:H2O)(?:\.ai)?\b"),
    ),
    _I,
)
_LABELLING = _Lexicon(
    (
        (
            "labelling",
            "data label labeling labelling annotate annotating annotation annotations",
            r"(?:data\s+)?(?:label(?:l)?ing|annotat(?:e|ing|ion|ions))\b",
        ),
        ("labelling", "data dataset training", r"(?:data|dataset|training[- ]data)\s+curation\b"),
        ("labelling", "curate curating", r"curat(?:e|ing)\s+(?:training\s+)?data(?:sets?)?\b"),
    ),
    _I,
)
_TITLE_LABELLING = re.compile(
    r"\b(?:data\s+)?(?:label(?:l)?ing|annotat(?:e|ing|ion|ions))\b|\bdata(?:set)?\s+curation\b", _I
)
# Automating labelling away is ML work, not data operations.
_AUTO_LABELLING = re.compile(
    r"\bauto(?:mat(?:ed|ic|ion))?[- ]?label(?:l)?ing|\blabel(?:l)?ing\s+automation", _I
)
_WHITESPACE = re.compile(r"\s+")


def _signal(kind: str, label: str, evidence: str, field: str = "description") -> Signal:
    return Signal(kind=kind, label=label, evidence=evidence, field=field)


def _platform_signals(title: str, description: str, tags: list[str]) -> list[Signal]:
    found: dict[str, Signal] = {}
    for field, text in (("title", title), ("description", description)):
        for name, m in _PLATFORMS.finditer(text):
            if name not in found:
                evidence = m.group() if field == "title" else _span(text, m.start(), m.end())
                found[name] = _signal("ml_platform", name, evidence, field)
    for tag in tags:
        m = _PLATFORM_TAG.fullmatch(tag.strip()) if tag else None
        if m:
            name = _PLATFORM_ENTRIES[int((m.lastgroup or "p0")[1:])][0]
            found.setdefault(name, _signal("ml_platform", name, tag, "tags"))
    return list(found.values())


def _inference_signals(description: str) -> list[Signal]:
    found: dict[str, Signal] = {}
    for _, m in _INFERENCE.finditer(description):
        label = _WHITESPACE.sub(" ", m.group()).lower()
        if label not in found:
            found[label] = _signal("inference_scale", label, _span(description, m.start(), m.end()))
    return list(found.values())


def _ab_signals(description: str) -> list[Signal]:
    found: dict[str, Signal] = {}
    for label, m in _AB_TESTING.finditer(description):
        if label not in found:
            found[label] = _signal("ab_testing", label, _span(description, m.start(), m.end()))
    return list(found.values())


def _years(m: re.Match[str]) -> tuple[int, str] | None:
    """(minimum years, label) for a stated experience requirement."""
    if not _EXPERIENCE_AFTER.match(m.string, m.end()):
        return None
    groups = m.groupdict()
    if groups.get("lo"):
        lo, hi = int(groups["lo"]), int(groups["hi"])
        return (lo, f"{lo}-{hi} years") if 0 < lo < hi <= 30 else None
    n = int(groups["n"])
    return (n, f"{n}+ years") if 0 < n <= 30 else None


def _seniority_signals(description: str) -> list[Signal]:
    """Ownership and leadership phrases, and the highest experience requirement (the job's bar; smaller
    numbers usually belong to a single tool)."""
    found: dict[str, Signal] = {}
    best: tuple[int, Signal] | None = None
    for label, m in _SENIORITY_TEXT.finditer(description):
        if label == "years":
            years = _years(m)
            if years and (best is None or years[0] > best[0]):
                best = (years[0], _signal("seniority", years[1], _span(description, m.start(), m.end())))
        elif label not in found:
            found[label] = _signal("seniority", label, _span(description, m.start(), m.end()))
    return list(found.values()) + ([best[1]] if best else [])


def _wishlist(description: str) -> Signal | None:
    hits = [(name, m.start(), m.end()) for name, m in _FRAMEWORKS.finditer(description)]
    names = {name for name, _, _ in hits}
    if len(names) < WISHLIST_MIN:
        return None
    # From the first named framework to the one that completes the set.
    start, named, end = hits[0][1], set(), hits[-1][2]
    for name, _, hit_end in hits:
        named.add(name)
        if len(named) == len(names):
            end = hit_end
            break
    if end - start <= WISHLIST_LIMIT:
        return _signal("red_flag", "framework wishlist", description[start:end])
    # Too spread out to quote whole: the sentence naming the most of them.
    left, right = max(
        (_sentence(description, s, e, WISHLIST_LIMIT) for _, s, e in hits),
        key=lambda bounds: len({n for n, s, e in hits if s >= bounds[0] and e <= bounds[1]}),
    )
    return _signal("red_flag", "framework wishlist", description[left:right])


def _labelling(title: str, description: str) -> Signal | None:
    m = _TITLE_LABELLING.search(title)
    if m and not _AUTO_LABELLING.search(title):
        return _signal("red_flag", "data labelling as main duty", m.group(), "title")
    header = next((h for h in _SECTION.finditer(description) if h.group("duty")), None)
    start = header.end() if header else 0
    end = min(len(description), start + FIRST_DUTIES_CHARS)
    for _, m in _LABELLING.finditer(description, start, end):
        if not _AUTO_LABELLING.search(description, max(0, m.start() - 15), min(len(description), m.end() + 15)):
            return _signal("red_flag", "data labelling as main duty", _span(description, m.start(), m.end()))
    return None


def signals(title: str, description: str, tags: list[str]) -> list[Signal]:
    """What the role guide says separates credible ML listings, each with the words that show it:
    named ML platforms (one per platform), production inference scale, A/B testing, seniority
    expectations, and red flags (a framework wishlist: WISHLIST_MIN or more distinct ML frameworks; data
    labelling in the title or the first duties). "No ML system design" cannot be seen in a listing, so it
    is not reported."""
    out = _platform_signals(title, description, tags)
    if description:
        out += _inference_signals(description) + _ab_signals(description) + _seniority_signals(description)
        wishlist = _wishlist(description)
        out += [wishlist] if wishlist else []
    labelling = _labelling(title, description)
    return out + ([labelling] if labelling else [])


# ---------------------------------------------------------------------------------------------------------
# Skills
# ---------------------------------------------------------------------------------------------------------

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
) + _PLATFORM_ENTRIES
_SKILLS = _Lexicon(_SKILL_ENTRIES)
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
        names += [name for name, _ in _SKILLS.finditer(description)]
    out: dict[str, str] = {}
    for name in names:
        out.setdefault(name.lower(), name)
    return list(out.values())
