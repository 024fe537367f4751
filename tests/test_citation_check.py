"""The citation check on the shipped guide's own chunks: what it keeps, what it removes and why, and the quotes."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.answer.check.figures import figures
from assistant.answer.check.support import check_answer, markers
from assistant.answer.models import Passage
from assistant.corpus.guides import load_guide
from assistant.index.chunks import guide_chunks
from assistant.index.meta import ListingMeta
from assistant.settings import PROJECT_ROOT

GUIDE = PROJECT_ROOT / "corpus" / "guides" / "remote-senior-ml-engineer.md"


@cache
def _chunks() -> dict:
    return {chunk.id: chunk for chunk in guide_chunks(load_guide(GUIDE))}


def guide(n: int, section: str, part: int = 0) -> Passage:
    chunk = _chunks()[f"guide:remote-senior-ml-engineer#{section}~{part}"]
    return Passage(n=n, doc_id=chunk.doc_id, kind="guide", title=chunk.meta.title, text=chunk.text)


LISTING = Passage(
    n=1,
    doc_id="listing:remoteok:42",
    kind="listing",
    title="Senior ML Engineer — Acme AI",
    url="https://remoteok.com/remote-jobs/42",
    meta=ListingMeta(
        listing_id="remoteok:42",
        title="Senior ML Engineer — Acme AI",
        url="https://remoteok.com/remote-jobs/42",
        source="remoteok",
        company="Acme AI",
        countries=["DE"],
        regions=["Europe"],
        work_mode="remote",
        seniority="senior",
        employment_type="full_time",
        ml_relevant=True,
        skills=["PyTorch", "MLflow"],
        salary_disclosed=True,
        annual_usd_min=97000.0,
        annual_usd_max=130000.0,
        posted_at="2026-11-27T00:00:00+00:00",
    ),
    text="Senior ML Engineer — Acme AI\nLocation: Berlin (Germany)\nWork mode: remote (stated in the listing)\n"
    "Salary: EUR 90,000 – 120,000 per year (about $97,000 – $130,000 a year in USD at the ECB rate of "
    "2026-11-27)\nSource: Remote OK.\n\nWe build recommendation systems with PyTorch and MLflow. "
    "Benefits include 30 days of paid vacation.",
)


def check(text: str, *passages: Passage):
    """check_answer, plus the contract every result must keep: markers 1..m, each with a verbatim quote."""
    result = check_answer(text, list(passages))
    for citation in result.citations:
        source = [p for p in passages if p.doc_id == citation.id and citation.quote in p.text]
        assert citation.quote and source, citation
        assert (citation.kind, citation.title, citation.url) == (source[0].kind, source[0].title, source[0].url)
    assert (
        sorted(set(markers(result.text)))
        == [c.n for c in result.citations]
        == list(range(1, len(result.citations) + 1))
    )
    return result


# --- the classic failure ---------------------------------------------------------------------------------


@pytest.mark.parametrize("part", [0, 1])  # the pay table, then the same figures as prose
def test_germany_paired_with_the_global_range_is_removed(part):
    sentence = "In Germany, senior ML engineers earn $120,000 – $200,000 [1]."
    result = check(sentence, guide(1, "pay", part))
    assert result.text == "" and result.kept == 0 and result.citations == []
    [(removed, reason)] = result.removed
    assert removed == sentence
    assert "never appear together in one line of [1]" in reason and "Germany" in reason and "$120,000" in reason


def test_the_right_german_range_is_kept_with_its_row_as_quote():
    sentence = "In Germany, senior ML engineers earn a base salary of €110,000 – €165,000 [1]."
    result = check(sentence, guide(1, "pay"))
    assert result.text == sentence and result.removed == [] and result.kept == 1
    assert result.citations[0].quote == "| Germany | €110,000 – €165,000 |"
    assert result.citations[0].id == "guide:remote-senior-ml-engineer#pay"


# --- markers ---------------------------------------------------------------------------------------------


def test_a_marker_that_names_no_passage_is_removed():
    result = check("Senior ML engineers mostly work asynchronously [3].", guide(1, "overview"))
    assert result.text == ""
    assert result.removed == [
        ("Senior ML engineers mostly work asynchronously [3].", "cites [3], but there is no source [3]")
    ]


def test_a_figure_without_a_marker_is_removed_but_a_plain_sentence_stays():
    text = "I can only answer from the sources. Senior ML engineers in Germany earn €110,000 – €165,000."
    result = check(text, guide(1, "pay"))
    assert result.text == "I can only answer from the sources."
    assert result.kept == 1 and result.examined == 2
    assert "without a citation" in result.removed[0][1] and "€110,000" in result.removed[0][1]


def test_a_name_without_a_marker_is_removed():
    result = check("Databricks hires remote ML engineers.", guide(1, "employers"))
    assert result.text == "" and "Databricks" in result.removed[0][1]


def test_a_marker_after_the_full_stop_belongs_to_the_sentence_before():
    text = "In Germany the range is €110,000 – €165,000. [1] In Canada it is CAD 175,000 – CAD 240,000. [1]"
    result = check(text, guide(1, "pay"))
    assert result.text == text and result.kept == 2


# --- figures and names in other words -------------------------------------------------------------------


@pytest.mark.parametrize(
    "pay",
    [
        "€110k – €165k",
        "110 000 – 165 000 EUR",
        "EUR 110,000 to 165,000",
        "€110–165k",
        "110,000 to 165,000 euros",
        "between €110,000 and €165,000",
        "€110.000 – €165.000",
    ],
)
def test_figure_formats_are_normalized(pay):
    sentence = f"Senior ML engineers in Germany earn {pay} [1]."
    assert check(sentence, guide(1, "pay")).text == sentence


@pytest.mark.parametrize("pay", ["$110,000 – $165,000", "€110,000 – €175,000", "€120k – €165k"])
def test_a_wrong_currency_or_figure_is_removed(pay):
    result = check(f"Senior ML engineers in Germany earn {pay} [1].", guide(1, "pay"))
    assert result.text == "" and len(result.removed) == 1


@pytest.mark.parametrize(
    "pay",
    ["$175,000 – $240,000", "$175k – $240k", "175,000 to 240,000 dollars", "C$175,000 – C$240,000", "C$175k – C$240k"],
)
def test_a_bare_or_canadian_dollar_is_backed_by_cad(pay):
    """The dollars rule (assistant.vocab.currencies): an answer's bare "$" or "dollars" may be its source's CAD."""
    sentence = f"In Canada, senior ML engineers earn {pay} [1]."
    assert check(sentence, guide(1, "pay")).text == sentence


@pytest.mark.parametrize(
    "pay",
    [
        "US $175,000 – US $240,000",
        "USD 175,000 – 240,000",
        "€175,000 – €240,000",
        "R$175,000 – R$240,000",
        "175,000 to 240,000 quid",
        "A$175k – A$240k",
    ],
)
def test_a_stated_currency_other_than_the_sources_is_removed(pay):
    result = check(f"In Canada, senior ML engineers earn {pay} [1].", guide(1, "pay"))
    assert result.text == "" and "not found in [1]" in result.removed[0][1]


def test_every_currency_of_the_table_is_read():
    in_kronor = LISTING.model_copy(
        update={
            "text": LISTING.text.replace(
                "EUR 90,000 – 120,000 per year (about $97,000 – $130,000",
                "SEK 900,000 – 1,200,000 per year (about $85,000 – $113,000",
            )
        }
    )
    kept = "Acme AI pays 900,000 – 1,200,000 kronor a year [1]."
    assert check(kept, in_kronor).text == kept
    assert check("Acme AI pays €900,000 – €1,200,000 a year [1].", in_kronor).text == ""
    read = figures("¥10,000,000, ₹3,000,000, NZ$150k, 100k quid, 90 000 £ and 150k bucks")
    assert [f.currency for f in read] == ["JPY", "INR", "NZD", "GBP", "GBP", "$"]


def test_figures_read_alike():
    assert [f.value for f in figures("€110k, 110,000, 110 000 and 110.000 EUR")] == [110_000.0] * 4
    four, six = figures("4 to 6 stages")
    assert (four.value, four.unit, six.value, six.unit) == (4.0, "stage", 6.0, "stage")
    low, high = figures("20–30%")
    assert low.percent and high.percent and (low.value, high.value) == (20.0, 30.0)
    assert figures("GPT-4 on L6 hardware") == []


def test_counts_keep_their_unit():
    hiring = guide(1, "hiring-process")
    assert check("Hiring usually takes 4 to 8 weeks [1].", hiring).kept == 1
    result = check("Hiring usually takes 4 to 6 weeks [1].", hiring)
    assert result.text == "" and "6 weeks" in result.removed[0][1]  # 4 to 6 are stages, not weeks


@pytest.mark.parametrize(
    "sentence",
    [
        "In Deutschland, senior ML engineers earn €110,000 – €165,000 [1].",
        "German senior ML engineers earn €110,000 – €165,000 [1].",
        "In the UK the range is £110,000 – £175,000 [1].",
        "In Britain the range is £110,000 – £175,000 [1].",
        "Globally, the range is $120,000 – $200,000 [1].",
    ],
)
def test_place_names_are_normalized(sentence):
    assert check(sentence, guide(1, "pay")).text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Canadian senior ML engineers earn $190,000 – $270,000 [1].",
        "The global range is €110,000 – €165,000 [1].",
    ],
)
def test_a_market_paired_with_another_markets_range_is_removed(sentence):
    assert check(sentence, guide(1, "pay")).text == ""


# --- structure: lists, two sources, renumbering, quotes ---------------------------------------------------


def test_a_list_answer_loses_only_its_wrong_item():
    text = (
        "Base salary ranges:\n\n- Germany: €110,000 – €165,000 [1]\n- Canada: $120,000 – $200,000 [1]\n"
        "- **United Kingdom:** £110,000 – £175,000 [1]"
    )
    result = check(text, guide(1, "pay"))
    assert result.text == (
        "Base salary ranges:\n\n- Germany: €110,000 – €165,000 [1]\n- **United Kingdom:** £110,000 – £175,000 [1]"
    )
    assert result.removed[0][0] == "- Canada: $120,000 – $200,000 [1]"
    assert result.kept == 3


def test_a_sentence_citing_two_passages_passes_on_the_second():
    sentence = "Senior ML engineers in Germany earn €110,000 – €165,000 [1][2]."
    result = check(sentence, guide(1, "overview"), guide(2, "pay"))
    assert result.text == sentence
    assert [c.id for c in result.citations] == [
        "guide:remote-senior-ml-engineer#overview",
        "guide:remote-senior-ml-engineer#pay",
    ]
    assert result.citations[1].quote == "| Germany | €110,000 – €165,000 |"


def test_markers_are_renumbered_in_order_of_first_use():
    overview, pay, hiring = guide(1, "overview"), guide(2, "pay"), guide(3, "hiring-process")
    text = (
        "Hiring runs through 4 to 6 stages [3]. In Germany the pay is $120,000 – $200,000 [2]. "
        "Remote senior ML engineers mostly work asynchronously [1]. In Germany the range is "
        "€110,000 – €165,000 [2, 3]."
    )
    result = check(text, overview, pay, hiring)
    assert result.text == (
        "Hiring runs through 4 to 6 stages [1]. Remote senior ML engineers mostly work "
        "asynchronously [2]. In Germany the range is €110,000 – €165,000 [3, 1]."
    )
    assert [(c.n, c.id.split("#")[1]) for c in result.citations] == [(1, "hiring-process"), (2, "overview"), (3, "pay")]
    assert "4 to 6 stages" in result.citations[0].quote
    assert result.citations[1].quote == "Remote senior ML engineers mostly work asynchronously."
    assert result.citations[2].quote == "| Germany | €110,000 – €165,000 |"


def test_quotes_are_exact_substrings_of_the_passage():
    time_split = guide(1, "time-split")
    result = check(
        "About 20–30% of a senior ML engineer's time goes to model development [1]. "
        "Production engineering takes about 50–60% [1].",
        time_split,
    )
    assert result.kept == 2
    quote = result.citations[0].quote
    assert quote in time_split.text and quote.startswith("**Model development and experimentation:**")


# --- listings: the header is the context of every line -------------------------------------------------


def test_a_listing_header_backs_every_line_of_its_chunk():
    text = (
        "Acme AI pays EUR 90,000 – 120,000 a year for this Berlin role [1]. Acme AI offers 30 days of paid "
        "vacation [1]. Acme AI uses PyTorch and Weights & Biases [1]."
    )
    result = check(text, LISTING)
    assert result.text == (
        "Acme AI pays EUR 90,000 – 120,000 a year for this Berlin role [1]. Acme AI offers 30 "
        "days of paid vacation [1]."
    )
    assert "Weights & Biases" in result.removed[0][1]
    assert result.citations[0].url == LISTING.url


def test_the_check_is_deterministic():
    text = "In Germany, senior ML engineers earn €110,000 – €165,000 [1]. The UK pays $120,000 [1]."
    assert check_answer(text, [guide(1, "pay")]) == check_answer(text, [guide(1, "pay")])
