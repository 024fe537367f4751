"""The recruiter's interview brief: built from real indexed listings and the shipped guide, every statement cited
with a quote that is verbatim in what it cites; its Markdown, and `career-assistant brief`."""

import re
from datetime import UTC, datetime

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from assistant.brief import BriefError, InterviewBrief, build_brief, to_markdown
from assistant.brief.models import MustHave
from assistant.brief.notes import match_notes
from assistant.chat import Assistant
from assistant.cli import app
from assistant.corpus.guides import load_guides
from assistant.corpus.listings import snapshots
from assistant.corpus.listings.normalize import normalize
from assistant.corpus.listings.sources import RawListing
from assistant.index.build import build_index
from assistant.settings import Settings

runner = CliRunner()
GUIDE = "guide:remote-senior-ml-engineer"
FLAGGED = "greenhouse:4242"  # defined by the flagged_home fixture below
BARE = "greenhouse:4343"  # the same fixture's listing with no description at all
INJECTED_ID = "remoteok:999"  # defined by tests/conftest.py's indexed_home
WISHLIST_HTML = (
    "<h2>About the role</h2><p>You will own our ranking models in production, from training to low-latency "
    "inference serving millions of requests per day.</p><ul><li>Ship models behind A/B tests and read the "
    "results.</li><li>Work with our ML platform built on MLflow and SageMaker.</li><li>Experience with PyTorch, "
    "TensorFlow, JAX, Keras, scikit-learn, XGBoost, LightGBM and Hugging Face.</li><li>Strong Python and "
    "Kubernetes skills.</li></ul>"
)


@pytest.fixture
def assistant(indexed_home, monkeypatch) -> Assistant:
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    return Assistant(Settings())


@pytest.fixture(scope="module")
def flagged_home(tmp_path_factory):
    """An index over the guide and one listing (normalized and enriched for real) that carries both red flags
    the enricher knows (a framework wishlist, labelling in the title), every green flag and a euro salary: the
    captured feeds of the shared index hold no framework wishlist."""
    home = tmp_path_factory.mktemp("brief")
    raw = RawListing(
        source="greenhouse",
        native_id="4242",
        url="https://job-boards.greenhouse.io/example/jobs/4242",
        title="Senior Machine Learning Engineer, Data Labeling",
        company="Example AI",
        description_html=WISHLIST_HTML,
        location_texts=["Berlin, Germany"],
        salary_fields={"min": 95000, "max": 120000, "currency": "EUR", "period": "year"},
        posted_at=datetime(2026, 7, 1, tzinfo=UTC),
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAREER_ASSISTANT_HOME", str(home))
        settings = Settings()
        bare = RawListing(
            source="greenhouse",
            native_id="4343",
            url="https://job-boards.greenhouse.io/example/jobs/4343",
            title="Machine Learning Engineer",
            company="Example AI",
            description_html="",
            location_texts=["Berlin, Germany"],
            posted_at=datetime(2026, 7, 1, tzinfo=UTC),
        )
        fetched = datetime(2026, 7, 2, tzinfo=UTC)
        snapshots.write_snapshot(settings.listings_dir, [normalize(raw, fetched), normalize(bare, fetched)], {})
        build_index(settings, say=lambda _: None)
    return home


@pytest.fixture
def flagged(flagged_home, monkeypatch) -> Assistant:
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(flagged_home))
    return Assistant(Settings())


def assert_cited(brief: InterviewBrief, assistant: Assistant) -> None:
    """Every statement has a citation, every citation exists and is used, every quote is verbatim indexed text."""
    numbers = [c.n for c in brief.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    used = set()
    for statement in brief.statements():
        assert statement.cites, statement.text
        assert set(statement.cites) <= set(numbers), statement.text
        used |= set(statement.cites)
    assert used == set(numbers)
    for citation in brief.citations:
        assert citation.quote and citation.quote in assistant.library.retriever.document_text(citation.id), citation
        assert citation.kind == citation.id.split(":")[0]


def cited_ids(brief: InterviewBrief, statement) -> set[str]:
    return {c.id for c in brief.citations if c.n in statement.cites}


def guide_stage_names() -> list[str]:
    guide = load_guides(Settings().guides_dir)[0]
    return re.findall(r"^\d+\.\s+\*\*(.+?):\*\*", guide.section("hiring-process").text, re.M)


def test_listing_brief_pairs_the_market_row_with_the_disclosed_range(assistant):
    listing = next(
        l
        for _, l in sorted(assistant.library.listings.items())
        if l.salary and l.skills and l.location.countries == ["US"] and l.salary.currency == "USD"
    )
    brief = build_brief(assistant.library, listing_id=listing.id)
    assert (brief.subject_kind, brief.subject_id, brief.url) == ("listing", listing.id, listing.url)
    assert brief.must_haves and {m.skill for m in brief.must_haves} <= set(listing.skills)
    for must in brief.must_haves:
        assert cited_ids(brief, must) == {f"listing:{listing.id}"}
    assert [s.name for s in brief.stages] == guide_stage_names()
    technical = next(s for s in brief.stages if s.name == "Technical phone screen")
    assert any(brief.must_haves[0].skill in probe.text for probe in technical.probes)
    pay = brief.pay
    assert pay.market == "United States" and pay.note is None
    assert [(r.market, r.guide_range) for r in pay.rows] == [("United States", "$190,000 – $270,000")]
    assert cited_ids(brief, pay.rows[0]) == {f"{GUIDE}#pay"}
    assert f"{listing.salary.min:,.0f}" in pay.listing.text
    assert cited_ids(brief, pay.listing) == {f"listing:{listing.id}"}
    assert pay.salary.annual_usd_min == listing.salary.annual_usd_min
    assert "United States" in pay.comparison.text and "$190,000" in pay.comparison.text
    assert brief.ownership_questions and all(q.text.endswith("?") for q in brief.ownership_questions)
    assert_cited(brief, assistant)


def test_red_and_green_flags_are_shown_with_their_evidence(flagged):
    brief = build_brief(flagged.library, listing_id=FLAGGED)
    listing_text = flagged.library.retriever.document_text(f"listing:{FLAGGED}")
    red = {flag.label: flag for flag in brief.red_flags}
    assert set(red) == {"framework wishlist", "data labelling as main duty"}
    assert "PyTorch, TensorFlow, JAX" in red["framework wishlist"].evidence
    assert red["data labelling as main duty"].evidence == "Data Labeling"  # from the title
    for flag in red.values():
        assert flag.evidence in listing_text and flag.evidence in flag.text
        assert cited_ids(brief, flag) == {f"listing:{FLAGGED}", f"{GUIDE}#red-flags"}
    green = " ".join(flag.text for flag in brief.green_flags)
    assert "MLflow" in green and "A/B tests" in green and "millions of requests" in green
    assert "Salary disclosed: EUR 95,000–120,000/year" in green
    assert all(f"listing:{FLAGGED}" in cited_ids(brief, flag) for flag in brief.green_flags)
    assert brief.pay.market == "Germany" and brief.pay.rows[0].guide_range == "€110,000 – €165,000"
    assert "Germany" in brief.pay.comparison.text and "$108,139" in brief.pay.comparison.text
    assert_cited(brief, flagged)


def test_candidate_notes_match_some_must_haves_and_leave_the_others_as_gaps(flagged):
    notes = "Built ranking services in PyTorch at two startups.\n\nRan them on k8s for three years.\n"
    brief = build_brief(flagged.library, listing_id=FLAGGED, notes=notes)
    matched = {m.skill: m for m in brief.notes_match}
    assert set(matched) == {"PyTorch", "Kubernetes"}  # "k8s" counts, as the skills vocabulary reads it
    assert matched["Kubernetes"].note_line == "Ran them on k8s for three years."
    assert "Built ranking services in PyTorch" in matched["PyTorch"].text
    gaps = {g.skill for g in brief.notes_gaps}
    assert {"JAX", "MLflow"} <= gaps and gaps | set(matched) == {m.skill for m in brief.must_haves}
    must = {m.skill: m.cites for m in brief.must_haves}
    assert all(item.cites == must[item.skill] for item in [*brief.notes_match, *brief.notes_gaps])
    assert_cited(brief, flagged)


def test_notes_read_negation_and_years_of_experience():
    must = [
        MustHave(skill=name, text=name, terms=[name], cites=[n])
        for n, name in enumerate(["Machine Learning", "TensorFlow", "PyTorch", "Spark", "Kubernetes"], 1)
    ]
    notes = "7 yrs ML across two startups.\nNo TensorFlow, strong PyTorch.\nSpark: none yet\nNever ran Kubernetes"
    matches, gaps = match_notes(must, notes)
    matched = {m.skill: m for m in matches}
    assert set(matched) == {"Machine Learning", "PyTorch"}  # "ML" is Machine Learning, as the boards' tags say
    assert matched["Machine Learning"].years == 7 and "(7 years)" in matched["Machine Learning"].text
    assert matched["PyTorch"].years is None
    negated = {g.skill: g for g in gaps if g.negated}
    assert set(negated) == {"TensorFlow", "Spark", "Kubernetes"}
    assert "No TensorFlow" in negated["TensorFlow"].text and "not having it" in negated["TensorFlow"].text


def test_a_pay_ask_in_the_notes_is_compared_with_the_listing_range(flagged):
    brief = build_brief(flagged.library, listing_id=FLAGGED, notes="Strong PyTorch.\nAsking for €140,000 base.")
    ask = brief.pay.ask
    assert ask is not None and "Asking for €140,000 base." in ask.text
    assert "above the top of the listing's range" in ask.text and "ECB rate of" in ask.text
    assert cited_ids(brief, ask) == {f"listing:{FLAGGED}"}
    assert "Asking for €140,000" in to_markdown(brief).split("## Pay benchmark")[1].split("##")[0]
    within = build_brief(flagged.library, listing_id=FLAGGED, notes="Would take €100k.").pay.ask
    assert "within the listing's range" in within.text
    assert build_brief(flagged.library, listing_id=FLAGGED, notes="7 yrs ML").pay.ask is None  # years are no pay ask
    assert_cited(brief, flagged)


def test_a_listing_without_a_description_says_so(flagged):
    brief = build_brief(flagged.library, listing_id=BARE)
    assert brief.no_description and not brief.must_haves
    assert "The listing has no description text" in to_markdown(brief)
    assert "No skills found" not in to_markdown(brief)


def test_guide_brief_covers_the_role_without_a_listing(assistant):
    brief = build_brief(assistant.library, notes="Strong ML fundamentals; writes PyTorch daily.")
    assert (brief.subject_kind, brief.subject_id, brief.company) == ("guide", "remote-senior-ml-engineer", None)
    assert all(cited_ids(brief, s) == {f"{GUIDE}#overview"} for s in brief.role_summary)
    assert "Production ML experience" in {m.skill for m in brief.must_haves}
    assert [s.name for s in brief.stages] == guide_stage_names()
    assert {r.market for r in brief.pay.rows} == {
        "United States",
        "United Kingdom",
        "Germany",
        "Canada",
        "Remote (global)",
    }
    assert brief.pay.listing is None and brief.pay.market is None
    assert "Framework wishlist" in {f.label for f in brief.red_flags}
    assert "Dedicated ML platform team" in {f.label for f in brief.green_flags}
    sources = {i for q in brief.ownership_questions for i in cited_ids(brief, q)}
    assert {f"{GUIDE}#responsibilities", f"{GUIDE}#levels", f"{GUIDE}#skills"} <= sources
    assert {m.skill for m in brief.notes_match} >= {"ML fundamentals", "Software engineering discipline"}
    assert_cited(brief, assistant)


def test_a_listing_outside_the_guide_markets_gets_a_plain_statement(assistant):
    listing = next(
        l
        for _, l in sorted(assistant.library.listings.items())
        if l.location.countries
        and not set(l.location.countries) & {"US", "GB", "DE", "CA"}
        and "Worldwide" not in l.location.regions
    )
    brief = build_brief(assistant.library, listing_id=listing.id)
    assert brief.pay.market is None
    assert "no pay row" in brief.pay.note.text and "Germany" in brief.pay.note.text
    assert [r.market for r in brief.pay.rows] == ["Remote (global)"]  # the nearest, labelled as such
    assert "nearest" in brief.pay.rows[0].text
    assert_cited(brief, assistant)


def test_unknown_ids_raise_a_brief_error(assistant):
    with pytest.raises(BriefError, match="no listing 'remoteok:nope' in the current snapshot"):
        build_brief(assistant.library, listing_id="remoteok:nope")
    with pytest.raises(BriefError, match="no guide 'nope'"):
        build_brief(assistant.library, guide_id="nope")


def test_markdown_has_parts_markers_sources_and_inert_listing_text(assistant):
    brief = build_brief(assistant.library, listing_id=INJECTED_ID, notes="<script>alert(1)</script> knows Python")
    text = to_markdown(brief)
    for heading in (
        "# Interview brief:",
        "## Role summary",
        "## Must-have skills",
        "## Suggested interview stages",
        "## Questions that test production ownership",
        "## Pay benchmark",
        "## Red flags",
        "## Green flags",
        "## Candidate notes",
        "## Sources",
    ):
        assert heading in text
    assert "[1]" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text and "<img" not in text and "<script" not in text
    rendered = MarkdownIt("commonmark").render(text)  # what a Markdown viewer makes of the download
    assert "<img" not in rendered and "<script" not in rendered and "&lt;img src=x" in rendered
    sources = text.split("## Sources", 1)[1]
    assert len(re.findall(r"^\d+\. \*\*", sources, re.M)) == len(brief.citations)
    assert f"({GUIDE}#hiring-process)" in sources and "<https://remoteok.com/remote-jobs/999>" in sources


def test_cli_prints_markdown_or_json_and_writes_a_file(assistant, indexed_home, tmp_path):
    listing = next(l.id for _, l in sorted(assistant.library.listings.items()) if l.salary and l.skills)
    result = runner.invoke(app, ["brief", "--listing", listing])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Interview brief:") and "## Sources" in result.stdout
    as_json = runner.invoke(app, ["brief", "--listing", listing, "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert InterviewBrief.model_validate_json(as_json.stdout).subject_id == listing
    notes, out = tmp_path / "notes.txt", tmp_path / "brief.md"
    notes.write_text("Python for six years\n", encoding="utf-8")
    written = runner.invoke(
        app, ["brief", "--guide", "remote-senior-ml-engineer", "--notes", str(notes), "--out", str(out)]
    )
    assert written.exit_code == 0, written.output
    assert "## Candidate notes" in out.read_text(encoding="utf-8") and written.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--listing", "remoteok:nope"], "no listing 'remoteok:nope'"),
        (["--guide", "nope"], "no guide 'nope'"),
        (["--listing", "remoteok:999", "--notes", "missing-notes.txt"], "--notes missing-notes.txt: no such file"),
        (["--listing", "remoteok:999", "--guide", "remote-senior-ml-engineer"], "not both"),
    ],
)
def test_cli_errors_exit_2_with_one_line(indexed_home, monkeypatch, args, message):
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    result = runner.invoke(app, ["brief", *args])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_without_an_index_says_how_to_build_one():
    result = runner.invoke(app, ["brief", "--listing", "remoteok:999"])
    assert result.exit_code == 2 and "career-assistant index build" in result.output
