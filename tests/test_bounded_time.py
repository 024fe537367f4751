"""Bounded time on hostile single inputs (issue 11): each took 7-22 s before; each must take well under one."""

import json
import time

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.corpus.guides import _text_to_markdown, split_sections
from assistant.corpus.listings.enrich import ml_relevance
from assistant.corpus.listings.sources import remoteok
from assistant.corpus.text import html_to_text
from assistant.query import understand
from assistant.query.injection import _blank_injection
from assistant.vocab.money import find_salary_in_text, parse_salary_text
from assistant.vocab.places import normalize_location, resolve_place

LIMIT = 1.0  # seconds; each case ran 7-22 s on the old code


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Place tables and exchange rates load on first use; that one-off cost is not the input's."""
    normalize_location("Berlin, Germany")
    parse_salary_text("€100k", posted_at=None)
    understand("remote ml jobs in berlin over €100k")


def _timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _remoteok(description: str):
    job = {"id": 1, "position": "ML Engineer", "url": "https://remoteok.com/1", "description": description}
    return remoteok.parse(json.dumps([job]).encode(), "api.json")


CASES = {
    "remoteok <br> storm": lambda: _remoteok("<p>Job</p>" + "<br>" * 20_000 + "x"),
    "remoteok <br> storm before the footer": lambda: _remoteok(
        "<p>Job</p>" + "<br />  " * 20_000 + "Please mention the word X"
    ),
    "guide heading of spaces": lambda: split_sections("# x" + " " * 2_000 + "y"),
    "guide heading of spaces and hashes": lambda: split_sections("## " + " #" * 2_000 + " {#x"),
    "plain-text guide of blank lines": lambda: _text_to_markdown("Title\n" + "\n\n" * 10_000 + "x"),
    "html2text blank lines": lambda: html_to_text("\n\n " * 8_000),
    "html trailing spaces": lambda: html_to_text("<p>a" + " " * 30_000 + "b</p>"),
    "location of spaces": lambda: normalize_location("Remote" + " " * 20_000 + "x"),
    "location of mixed blanks": lambda: normalize_location(" \n" * 10_000 + "-"),
    "place of spaces": lambda: resolve_place(" " * 20_000 + "Berlin"),
    "US$1 and 20,000 zeros": lambda: parse_salary_text("US$1" + "0" * 20_000, posted_at=None),
    "dollar signs": lambda: parse_salary_text("$" * 20_000, posted_at=None),
    "salary in a description of digits": lambda: find_salary_in_text("salary " + "9" * 30_000, posted_at=None),
    "grouped thousands": lambda: parse_salary_text("$1" + ",000" * 5_000, posted_at=None),
    "generic role title": lambda: ml_relevance("a" * 20_000 + " engineer", "", [], None),
    "generic role words": lambda: ml_relevance("ab " * 7_000, "machine learning " * 500, [], None),
    "injection blank lines": lambda: _blank_injection("\n" * 30_000 + "x"),
    "injection spaced lines": lambda: _blank_injection(" \n" * 15_000 + "x"),
    "injection quotes": lambda: _blank_injection("invent jobs '" * 2_300),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_input_is_read_in_bounded_time(name):
    assert _timed(CASES[name]) < LIMIT


def test_a_remoteok_footer_is_still_cut_with_the_breaks_before_it():
    batch = _remoteok("<p>Build models.</p><br><br/> <br />Please mention the word BEAM when applying.")
    assert batch.listings[0].description_html == "<p>Build models.</p>"


def test_guide_headings_keep_their_ids_and_closing_hashes_go():
    sections = split_sections("# Guide\n\n## Pay by market {#pay} ##\n\ntext\n\n## C#\n\nmore\n\n##   Spaced   ##\n")
    assert [(s.id, s.title) for s in sections] == [
        ("guide", "Guide"),
        ("pay", "Pay by market"),
        ("c", "C"),
        ("spaced", "Spaced"),
    ]


def test_search_refuses_an_overlong_query_in_one_line():
    result = CliRunner().invoke(app, ["search", "ml " * 10_000])
    assert result.exit_code == 2
    assert "limit is 2,000" in result.output and "Traceback" not in result.output


def test_understand_a_long_query_in_bounded_time():
    assert _timed(lambda: understand("remote ml jobs in europe paying over $150k " * 45)) < 2 * LIMIT


def test_a_question_with_400_nines_is_read_without_overflow():
    understood = understand("find ML jobs paying $" + "9" * 400)  # OverflowError from `ask` before
    assert understood.filters.min_annual_usd is None


def test_infinite_or_absurd_amounts_are_no_salary():
    assert parse_salary_text("$" + "9" * 400, posted_at=None) is None
    assert parse_salary_text("US$1" + "0" * 20_000, posted_at=None) is None
    assert parse_salary_text("$120,000 - $150,000", posted_at=None).max == 150_000


def test_ask_with_400_nines_answers_instead_of_an_overflow(indexed_home, monkeypatch):
    from assistant.chat import Assistant
    from assistant.settings import Settings

    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    answer = Assistant(Settings()).ask("find ML jobs paying $" + "9" * 400)  # OverflowError traceback before
    assert answer.answer
