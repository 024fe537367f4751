"""The eval runner: fact folding, scoring, reports, comparison and the threshold gate."""

import json

import pytest
from typer.testing import CliRunner

from assistant.answer.models import Answer, Citation, ListingView
from assistant.cli import app
from assistant.evals import gate
from assistant.evals.questions import EvalQuestion, QuestionFileError, load_questions
from assistant.evals.report import compare, load_report
from assistant.evals.scoring import fact_found, fold, score

runner = CliRunner()
PAY_ROW = "| Germany | €110,000 – €165,000 |"


@pytest.mark.parametrize("variant", ["€110k", "110,000", "110 000", "110000", "€110,000"])
def test_number_formats_fold_together(variant):
    assert fact_found(variant, f"The range is {PAY_ROW}")


@pytest.mark.parametrize(
    ("fact", "text"), [("€110k", "€11,000"), ("4 to 8 weeks", "4 to 6 weeks"), ("165,000", "16,500")]
)
def test_different_figures_do_not_match(fact, text):
    assert not fact_found(fact, text)


@pytest.mark.parametrize(
    ("fact", "text"),
    [
        ("eight weeks", "takes 4 to 8 weeks"),
        ("4 to 8 weeks", "four to eight weeks"),
        ("30%", "about 30 percent of the time"),
    ],
)
def test_number_words_and_percent_fold_as_numbers(fact, text):
    assert fact_found(fact, text)


def test_number_words_fold_only_as_whole_words():
    assert not fact_found("one", "someone")  # "someone" holds no number
    assert not fact_found("eight weeks", "weighty weeks")


def test_case_and_white_space_fold():
    assert fold("Take-Home   ML\nproject") == fold("take-home ml project")


def answer(text: str, citations=(), listings=(), answerable=True) -> Answer:
    return Answer(
        question="q",
        answer=text,
        citations=list(citations),
        listings=list(listings),
        answerable=answerable,
        backend="extractive",
        timings_ms={"total": 12.0},
    )


def documents(doc_id: str) -> str:
    return {"guide:g#pay": f"Pay\n\n{PAY_ROW}"}.get(doc_id, "")


PAY = Citation(n=1, id="guide:g#pay", kind="guide", title="Pay", quote=PAY_ROW)


def test_a_correct_answer_passes():
    question = EvalQuestion(
        id="pay-de",
        category="pay",
        question="q",
        facts=["€110k", "165,000"],
        forbidden=["$120,000"],
        sources=["guide", "guide:g#pay"],
    )
    result = score(question, answer("Germany: €110,000 – €165,000 [1]", [PAY]), documents, {})
    assert result.passed and result.facts_found == 1 and result.reasons == []


def test_one_of_the_sections_named_is_enough_but_every_kind_named_is_needed():
    question = EvalQuestion(id="q", category="pay", question="q", sources=["guide", "guide:g#pay", "guide:g#faq"])
    assert score(question, answer("Germany: €110,000 – €165,000 [1]", [PAY]), documents, {}).sources_ok
    question = question.model_copy(update={"sources": ["listing", "guide:g#pay"]})
    assert not score(question, answer("Germany: €110,000 – €165,000 [1]", [PAY]), documents, {}).sources_ok
    question = question.model_copy(update={"sources": ["guide:g#faq", "guide:g#levels"]})
    assert not score(question, answer("Germany: €110,000 – €165,000 [1]", [PAY]), documents, {}).sources_ok


def test_each_failure_is_named():
    question = EvalQuestion(
        id="x",
        category="listings",
        question="q",
        facts=["€110k", "£175,000"],
        forbidden=["€165,000"],
        sources=["listing"],
        listings=["remoteok:1", "remoteok:2"],
        answerable=True,
    )
    bad_quote = PAY.model_copy(update={"quote": "| Germany | €1 |"})
    shown = [
        ListingView(
            id="remoteok:9", title="t", company="c", url="u", source="remoteok", location="l", work_mode="remote"
        )
    ]
    result = score(
        question,
        answer("€110,000 – €165,000 [1] [2]", [bad_quote], shown, answerable=False),
        documents,
        {"remoteok:1": "remoteok:9"},
    )
    assert not result.passed
    assert result.facts_found == 0.5 and result.missing_facts == ["£175,000"]
    assert result.forbidden_found == ["€165,000"]
    assert result.listing_recall == 0.5  # remoteok:1 was merged into remoteok:9, which was returned
    assert not result.sources_ok and not result.answerable_ok and not result.citations_valid
    assert "[2] has no citation" in result.reasons and "quote of [1] is not in guide:g#pay" in result.reasons


def test_question_files_are_validated(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "category": "pay", "question": "q"}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(QuestionFileError, match="line 2"):
        load_questions(path)


QUESTIONS = [
    {
        "id": "pay-de",
        "category": "pay",
        "question": "What do senior ML engineers earn in Germany?",
        "facts": ["€110k", "165,000"],
        "forbidden": ["$120,000"],
        "sources": ["guide:remote-senior-ml-engineer#pay"],
    },
    {
        "id": "pay-uk",
        "category": "multi_turn",
        "turns": ["What do senior ML engineers earn in Germany?"],
        "question": "and in the UK?",
        "facts": ["£110,000"],
        "forbidden": ["€110,000"],
        "sources": ["guide"],
    },
    {
        "id": "hiring",
        "category": "hiring",
        "question": "how long is the hiring process",
        "facts": ["4 to 8 weeks"],
        "sources": ["guide"],
    },
    {"id": "bonus", "category": "unanswerable", "question": "what's the usual signing bonus?", "answerable": False},
    {
        "id": "wrong",
        "category": "pay",
        "question": "What do senior ML engineers earn in Canada?",
        "facts": ["CAD 999,000"],
    },
]


def test_eval_cli_reports_plots_compares_and_gates(indexed_home, monkeypatch, tmp_path):
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    first = runner.invoke(app, ["eval", "--questions", questions, "--report", tmp_path / "one", "--json"])
    assert first.exit_code == 0, first.output
    payload = json.loads(first.stdout)
    by_id = {row["id"]: row for row in payload["results"]}
    assert by_id["pay-de"]["scores"]["passed"] and by_id["pay-uk"]["scores"]["passed"]
    assert by_id["bonus"]["scores"]["passed"] and not by_id["wrong"]["scores"]["passed"]
    assert by_id["pay-de"]["retrieval"]["rank"] == 1
    assert payload["totals"]["passed"] == 4 and payload["categories"]["pay"]["pass_rate"] == 0.5
    for name in ("report.json", "report.md", "report.png"):
        assert (tmp_path / "one" / name).stat().st_size > 0
    markdown = (tmp_path / "one" / "report.md").read_text(encoding="utf-8")
    assert "## Failures (1)" in markdown and "missing fact 'CAD 999,000'" in markdown

    fixed = [q if q["id"] != "wrong" else {**q, "facts": ["CAD 175,000"]} for q in QUESTIONS]
    questions.write_text("".join(json.dumps(q) + "\n" for q in fixed), encoding="utf-8")
    second = runner.invoke(
        app, ["eval", "--questions", questions, "--report", tmp_path / "two", "--compare", tmp_path / "one"]
    )
    assert second.exit_code == 0, second.output
    changes = compare(load_report(tmp_path / "one"), load_report(tmp_path / "two"))
    assert changes["fixed"] == ["wrong"] and changes["broken"] == []
    assert "Now passing (1): wrong" in (tmp_path / "two" / "report.md").read_text(encoding="utf-8")

    strict = tmp_path / "thresholds.toml"
    strict.write_text("[overall]\npass_rate = 1.0\n[categories.pay]\npass_rate = 0.9\n", encoding="utf-8")
    assert gate.check(load_report(tmp_path / "two"), strict) == []
    questions.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    gated = runner.invoke(app, ["eval", "--questions", questions, "--thresholds", strict])
    assert gated.exit_code == 1 and "below threshold" in gated.output
