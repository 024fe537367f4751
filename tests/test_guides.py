"""The guide loader (Markdown, text, HTML) and the shipped guide's honesty: its own words, no new figures."""

import re
from pathlib import Path

import pytest

from assistant.corpus.guides import GuideError, load_guide, load_guides
from assistant.settings import Settings
from tests.conftest import REFERENCE

SHIPPED = Path(__file__).resolve().parents[1] / "corpus" / "guides" / "remote-senior-ml-engineer.md"
EXPECTED_IDS = [
    "overview",
    "employers",
    "responsibilities",
    "skills",
    "time-split",
    "pay",
    "hiring-process",
    "levels",
    "green-flags",
    "red-flags",
    "checks-before-applying",
    "listing-signals",
    "faq",
    "faq-phd",
    "faq-research-vs-engineering",
    "faq-staying-current",
    "faq-mle-vs-data-scientist",
    "faq-domain-expertise",
]


def test_loader_reads_the_plain_text_reference_into_sections():
    guide = load_guide(REFERENCE)
    assert guide.format == "text"
    assert guide.title == "What senior machine learning engineers do in remote teams"
    ids = [section.id for section in guide.sections]
    assert ids[1:] == [
        "the-employer-landscape",
        "core-responsibilities",
        "required-skills-and-experience",
        "five-things-worth-checking-before-you-apply",
        "pay-and-level-expectations",
        "what-the-hiring-process-looks-like",
        "the-bottleneck-at-each-level",
        "red-flags-and-green-flags",
        "gateway-to-current-listings",
        "frequently-asked-questions",
    ]
    pay = guide.section("pay-and-level-expectations")
    assert "| Germany | €110,000 – €165,000 |" in pay.text
    assert pay.heading_path == [guide.title, "Pay and level expectations"]
    # Nothing is lost: every line of the reference is in some section's text or heading.
    covered = "\n".join(s.title + "\n" + s.text for s in guide.sections)
    assert all(line.strip() in covered for line in REFERENCE.read_text().splitlines() if line.strip())


def test_loader_reads_a_dropped_in_html_guide(tmp_path):
    page = tmp_path / "data-scientist.html"
    page.write_text(
        "<html><head><title>Remote data scientist</title></head><body>"
        "<h1>Remote data scientist</h1><p>Intro &amp; scope.</p>"
        "<h2>Pay</h2><p>Pay depends on the market.</p><h3>Europe</h3><ul><li>Varies by country</li></ul>"
        "<script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    guide = load_guide(page)
    assert (guide.id, guide.title, guide.format) == ("data-scientist", "Remote data scientist", "html")
    assert [(s.id, s.level) for s in guide.sections] == [("remote-data-scientist", 1), ("pay", 2), ("europe", 3)]
    assert guide.section("remote-data-scientist").text == "Intro & scope."
    assert guide.section("europe").heading_path == ["Remote data scientist", "Pay", "Europe"]
    assert "alert" not in guide.section("europe").text


def test_guides_folder_mixes_formats_and_keeps_ids_unique(tmp_path):
    (tmp_path / "remote-senior-ml-engineer.md").write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "remote-senior-ml-engineer.txt").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    ids = [guide.id for guide in load_guides(tmp_path)]
    assert ids == ["remote-senior-ml-engineer", "remote-senior-ml-engineer-txt"]


def test_unsupported_or_empty_guides_are_clear_errors(tmp_path):
    with pytest.raises(GuideError, match="unsupported guide format"):
        load_guide(tmp_path / "x.docx")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(GuideError, match="no text found"):
        load_guide(empty)


def test_shipped_guide_front_matter_and_stable_section_ids():
    guide = load_guide(SHIPPED)
    assert guide.id == "remote-senior-ml-engineer" and guide.as_of is not None and guide.role
    assert guide.sources and guide.sources[0].path == "shared/reference/remote-senior-ml-engineer.txt"
    assert [s.id for s in guide.sections if s.level >= 2] == EXPECTED_IDS
    assert all(s.text for s in guide.sections if s.level >= 2 and s.id != "faq")  # faq only holds subsections


def test_shipped_guides_are_found_by_default_settings():
    assert "remote-senior-ml-engineer" in [g.id for g in load_guides(Settings().guides_dir)]


@pytest.mark.parametrize(
    ("market", "low", "high"),
    [
        ("United States", "$190,000", "$270,000"),
        ("United Kingdom", "£110,000", "£175,000"),
        ("Germany", "€110,000", "€165,000"),
        ("Canada", "CAD 175,000", "CAD 240,000"),
        ("Remote (global)", "$120,000", "$200,000"),
    ],
)
def test_shipped_guide_has_every_market_in_the_pay_table(market, low, high):
    assert f"| {market} | {low} – {high} |" in load_guide(SHIPPED).section("pay").text


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_shipped_guide_copies_no_sentence_of_its_source():
    body = SHIPPED.read_text(encoding="utf-8").split("---", 2)[2]
    reference = _words(REFERENCE.read_text(encoding="utf-8"))
    runs = {tuple(reference[i : i + 8]) for i in range(len(reference) - 7)}
    words = _words(body)
    copied = [" ".join(words[i : i + 8]) for i in range(len(words) - 7) if tuple(words[i : i + 8]) in runs]
    assert copied == []


def _figures(text: str) -> set[str]:
    return {m.replace(",", "") for m in re.findall(r"\d[\d,]*", text)}


def test_shipped_guide_invents_no_figures():
    guide = load_guide(SHIPPED)
    body = "\n".join(s.text for s in guide.sections)
    body = re.sub(r"^\d+\. ", "", body, flags=re.M)  # numbered-list markers are not figures
    reference = REFERENCE.read_text(encoding="utf-8")
    spelled = {"3": "three", "4": "four", "5": "five", "6": "six", "8": "eight"}
    known = _figures(reference) | {d for d, word in spelled.items() if word in reference.lower()}
    assert _figures(body) - known == set()
