"""Follow-ups: the rules both backends use, asked through a conversation, and the LLM's condense step with its guard.

The LLM half runs against the scripted OpenAI-compatible server of tests/scripted_llm.py. The condense request is
the one that does not stream (answers stream), so each test scripts the two separately.
"""

from __future__ import annotations

import json

import pytest

from assistant.answer.followup import Turn, merge_filters, resolve
from assistant.chat import Assistant, Conversation
from assistant.query import Filters, Intent, understand
from assistant.settings import Settings
from tests.scripted_llm import completion, hang, reply, settings_for

GERMANY = "What do senior ML engineers earn in Germany?"
US_ML_JOBS = "show me ML jobs in the US"


@pytest.fixture
def assistant(indexed_home, monkeypatch) -> Assistant:
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    return Assistant(Settings())


def filters_of(answer) -> dict:
    """The filters that were set, but the role words an ML search keeps titled jobs by (test_query reads them)."""
    found = answer.understood.filters.model_dump(mode="json", exclude={"ml_titles"})
    return {name: value for name, value in found.items() if value not in (None, [], False)}


def after(first: str, question: str):
    """The rules' reading of `question` asked right after `first`."""
    return resolve(understand(question), [Turn(question=first, understood=understand(first), listing_ids=["a", "b"])])


# --- the rules, on understand()'s output -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("only the senior ones", {"countries": ["US"], "seniority": ["senior"]}),
        ("just the remote ones", {"countries": ["US"], "work_modes": ["remote"]}),
        ("which of those state a salary?", {"countries": ["US"], "salary_disclosed": True}),
        ("any in Canada instead?", {"countries": ["CA"]}),
        ("anything in Ireland?", {"countries": ["IE"]}),  # a search of its own when asked first, a follow-up here
        ("and in taiwan?", {"countries": ["TW"]}),
        ("what about APAC?", {"regions": ["APAC"]}),
        ("what about staff level?", {"countries": ["US"], "seniority": ["staff"]}),
        ("and in Canada too?", {"countries": ["US", "CA"]}),
        ("which of those pay over $150k?", {"countries": ["US"], "min_annual_usd": 150000.0}),
        ("on-site is fine too actually. anything else in the US?", {"countries": ["US"]}),
    ],
)
def test_follow_ups_adjust_the_previous_listing_search(question, expected):
    resolved = after(US_ML_JOBS, question)
    assert resolved.understood.intent is Intent.listings and resolved.listing_ids == []
    found = resolved.understood.filters.model_dump(mode="json", exclude_defaults=True, exclude={"ml_titles"})
    assert found == {"kind": "listing", "ml_only": True, **expected}
    assert resolved.note == "Follow-up: narrowing the previous listing search."


def test_which_of_those_state_a_salary_is_a_search_not_a_pay_question():
    understood = understand("which of those state a salary?")
    assert understood.intent is Intent.listings and understood.filters.salary_disclosed is True


def test_a_new_guide_question_after_a_search_is_not_taken_for_a_filter():
    resolved = after(US_ML_JOBS, "and what are the red flags?")
    assert resolved.understood.intent is Intent.flags and resolved.note is None


def test_a_named_level_moves_the_search_rather_than_widening_it():
    resolved = after("senior ML jobs in the US", "what about staff level?")
    assert resolved.understood.filters.seniority == ["staff"]  # any-of: ["senior", "staff"] would widen it


def test_merge_adds_unless_told_to_replace():
    old, new = Filters(countries=["US"], seniority=["senior"]), Filters(regions=["APAC"], seniority=["staff"])
    assert merge_filters(old, new).model_dump(exclude_defaults=True) == {
        "countries": ["US"],
        "regions": ["APAC"],
        "seniority": ["senior", "staff"],
    }
    assert merge_filters(old, new, replace=True).model_dump(exclude_defaults=True) == {
        "regions": ["APAC"],
        "seniority": ["staff"],
    }


@pytest.mark.parametrize(
    ("first", "question", "markets", "comparison"),
    [
        (GERMANY, "and in the UK?", ["United Kingdom"], False),
        ("how much do senior MLEs make in the UK?", "and for fully remote global roles?", ["Remote (global)"], False),
        ("what do senior mles earn in canada", "how does that compare with the US?", ["Canada", "United States"], True),
        (GERMANY, "and for staff?", ["Germany"], False),  # no market named: the previous one stays
    ],
)
def test_guide_follow_ups_keep_the_topic_and_take_the_market(first, question, markets, comparison):
    resolved = after(first, question)
    assert resolved.understood.intent is Intent.pay
    assert resolved.understood.markets == markets and resolved.understood.comparison is comparison


def test_which_of_those_picks_by_searching_again_within_the_previous_search():
    """ "which of those is on search and recommendations?" names no filter, but picks among the shown listings by
    its words: the previous search again, with them, rather than a card for each listing shown."""
    resolved = after(US_ML_JOBS, "which of those is on search and recommendations?")
    assert resolved.listing_ids == [] and resolved.understood.intent is Intent.listings
    assert resolved.understood.filters.countries == ["US"]
    assert after(US_ML_JOBS, "what do those pay?").listing_ids == ["a", "b"]
    # Which of them pays more compares the ones shown, whatever words it uses for pay.
    assert after(US_ML_JOBS, "which of the two has the higher bottom of the pay range?").listing_ids == ["a", "b"]


def test_a_pointer_names_the_listing():
    assert after(US_ML_JOBS, "tell me more about the second one").listing_ids == ["b"]
    # "it" of several shown is the first, the best match ("is there a senior MLOps job?", then this).
    assert after(US_ML_JOBS, "does it need a security clearance?").listing_ids == ["a"]


def test_the_one_named_by_words_of_its_title_is_that_listing_and_what_is_set_aside_is_not():
    titles = ["Staff ML Engineer, Search", "Senior ML Engineer, Search", "Senior Engineering Manager, Search"]
    first = "search ML roles at Reddit?"
    shown = [Turn(question=first, understood=understand(first), listing_ids=["a", "b", "c"], listing_names=titles)]
    assert resolve(understand("what level is the staff one?"), shown).listing_ids == ["a"]
    assert resolve(understand("the senior one: is it remote?"), shown).listing_ids == ["b", "c"]
    aside = resolve(understand("just the senior IC one, not the manager: is it remote?"), shown)
    assert aside.listing_ids == ["b"]
    # Words no title holds name none of them: "it" is the first shown.
    assert resolve(understand("the remote one: is it full time?"), shown).listing_ids == ["a"]
    placed = [
        Turn(
            question=first,
            understood=understand(first),
            listing_ids=["a", "b"],
            listing_names=[
                "AI Engineer — Remote, Bangalore; India",
                "AI Engineer — Remote, US; United States of America",
            ],
        )
    ]
    us = resolve(
        understand("the US one - what does it pay, and is that normal for a senior ML engineer in the US?"), placed
    )
    assert us.listing_ids == ["b"]
    # The part that points at no listing is a guide question beside it: the pay table.
    assert us.guide is not None and us.guide.intent is Intent.pay


def test_a_fragment_after_one_posting_is_about_it_unless_it_names_a_filter():
    first = "what's the weekly stipend for the Anthropic Fellows Program?"
    shown = [Turn(question=first, understood=understand(first, intent=Intent.listings), listing_ids=["a"])]
    assert resolve(understand("and in pounds?"), shown).listing_ids == ["a"]
    assert resolve(understand("and in Canada?"), shown).listing_ids == []  # a place to search by
    several = [Turn(question=first, understood=understand(first, intent=Intent.listings), listing_ids=["a", "b"])]
    assert resolve(understand("and in pounds?"), several).listing_ids == []


def test_a_guide_question_about_jobs_like_the_ones_shown_is_read_with_the_search_that_showed_them():
    first = "show me data labeling jobs that pay by the hour"
    like = after(first, "would a job like that count as real ML engineering?")
    assert like.listing_ids == [] and like.understood.intent is not Intent.listings
    assert like.understood.context == first
    # Pointing at one shown ("like that one"), the guide answers beside it.
    beside = after(first, "does a PhD matter much for roles like that one?")
    assert beside.listing_ids == ["a"] and beside.guide is not None and beside.guide.context == first
    # A new guide question after a search points at nothing shown and reads alone.
    assert after(first, "what are the red flags in a job description?").understood.context == ""


# --- the rules, through a conversation ---------------------------------------------------------------------


def test_narrowing_a_listing_search_step_by_step(assistant):
    chat = Conversation()
    first = assistant.ask(US_ML_JOBS, chat)
    assert first.listings
    senior = assistant.ask("only the senior ones", chat)
    assert filters_of(senior) == {"kind": "listing", "countries": ["US"], "seniority": ["senior"], "ml_only": True}
    assert senior.listings and all(
        assistant.library.listings[v.id].seniority.value == "senior" for v in senior.listings
    )
    assert "Follow-up: narrowing the previous listing search." in senior.notices
    staff = assistant.ask("what about staff level?", chat)
    assert filters_of(staff)["seniority"] == ["staff"] and filters_of(staff)["countries"] == ["US"]
    assert staff.listings and all(assistant.library.listings[v.id].seniority.value == "staff" for v in staff.listings)


def test_which_of_those_state_a_salary(assistant):
    chat = Conversation()
    assistant.ask(US_ML_JOBS, chat)
    paid = assistant.ask("which of those state a salary?", chat)
    assert paid.understood.intent == "listings"
    assert filters_of(paid) == {"kind": "listing", "countries": ["US"], "salary_disclosed": True, "ml_only": True}
    assert paid.listings and all(view.salary is not None for view in paid.listings)


def test_a_new_place_replaces_the_old_one_and_keeps_the_other_filters(assistant):
    chat = Conversation()
    assistant.ask("find remote jobs in europe", chat)
    canada = assistant.ask("and in canada?", chat)
    assert filters_of(canada) == {"kind": "listing", "countries": ["CA"], "work_modes": ["remote"]}
    assert canada.listings
    for view in canada.listings:
        location = assistant.library.listings[view.id].location
        assert "CA" in location.countries or "Worldwide" in location.regions
    taiwan = assistant.ask("any in Taiwan instead?", chat)
    assert filters_of(taiwan) == {"kind": "listing", "countries": ["TW"], "work_modes": ["remote"]}
    assert all("Worldwide" in assistant.library.listings[v.id].location.regions for v in taiwan.listings)


def test_just_the_remote_ones(assistant):
    chat = Conversation()
    assistant.ask("senior jobs in the US", chat)
    remote = assistant.ask("just the remote ones", chat)
    assert filters_of(remote) == {
        "kind": "listing",
        "countries": ["US"],
        "seniority": ["senior"],
        "work_modes": ["remote"],
    }
    assert remote.listings and all(view.work_mode == "remote" for view in remote.listings)


def test_pay_follow_up_compares_with_the_market_asked_before(assistant):
    chat = Conversation()
    assistant.ask("what do senior mles earn in canada", chat)
    compared = assistant.ask("how does that compare with the US?", chat)
    assert "CAD 175,000" in compared.answer and "$190,000" in compared.answer


def test_a_general_question_answered_from_a_section_is_continued_as_that_topic(assistant):
    chat = Conversation()
    first = assistant.ask("what does it take to go from ML engineer to senior ML engineer?", chat)
    # The classifier reads a career question no section covers about as much as the levels, whose section is the
    # closest by meaning: the levels answer it.
    assert first.understood.intent is Intent.general and first.answerable
    assert first.citations[0].id.endswith("#levels") and "production ownership" in first.answer
    assert chat.turns[-1].understood.intent is Intent.levels
    after = assistant.ask("and the step after that?", chat)
    assert after.answerable and after.citations[0].id.endswith("#levels")
    assert "technical leadership" in after.answer


def test_a_posting_named_by_its_own_title_is_answered_as_that_posting_and_it_is_then_it(assistant):
    chat = Conversation()
    named = assistant.ask("What is the Deepgram Research Scientist (Voice AI Foundations) role?", chat)
    assert named.answer.startswith("**Research Scientist (Voice AI Foundations)** at Deepgram")
    assert len({c.id for c in named.citations}) == 1
    assert chat.turns[-1].listing_ids == [named.citations[0].id.removeprefix("listing:")]
    # A title any company may use names no one posting: that is a search.
    searched = assistant.ask("senior data scientist at Coinbase")
    assert "matching listing" in searched.answer


# --- the LLM's condense step ----------------------------------------------------------------------------------

UK = "What do senior ML engineers earn in the United Kingdom?"


def scripted(condense, answer=None):
    """Condense requests (not streamed) get `condense`; answers (streamed) fail, so the answer is extractive."""
    answer = answer or reply(503, '{"error": {"message": "busy"}}')

    def script(handler, body):
        return (answer if body.get("stream") else condense)(handler, body)

    return script


def condense_requests(llm_server) -> list[dict]:
    return [r["body"] for r in llm_server.requests if not r["body"].get("stream")]


@pytest.fixture
def llm_assistant(indexed_home, monkeypatch, llm_server):
    monkeypatch.setenv("CAREER_ASSISTANT_HOME", str(indexed_home))
    return Assistant(settings_for(llm_server.url, llm_timeout=0.5))


def test_the_condensed_question_is_used(llm_assistant, llm_server):
    llm_server.script = scripted(completion(UK))
    chat = Conversation()
    llm_assistant.ask(GERMANY, chat)
    assert condense_requests(llm_server) == []  # no history yet: nothing to condense
    follow = llm_assistant.ask("and in the UK?", chat)
    assert "£110,000 – £175,000" in follow.answer and "€110,000" not in follow.answer
    assert f"Follow-up read as: {UK}" in follow.notices
    assert follow.understood.question == UK and follow.understood.markets == ["United Kingdom"]
    [request] = condense_requests(llm_server)
    prompt = request["messages"][-1]["content"]
    assert prompt.startswith("Given a conversation (between Human and Assistant)")  # llama-index's own prompt
    assert f"user: {GERMANY}" in prompt and "assistant: " in prompt and "€110,000" in prompt  # the history
    assert prompt.index("<Follow Up Message>") < prompt.index("and in the UK?")
    assert request["max_tokens"] <= 128 and request["temperature"] == 0


def test_a_label_and_an_explanation_around_the_rewrite_are_dropped(llm_assistant, llm_server):
    llm_server.script = scripted(completion(f'Standalone question: "{UK}"\nThis keeps the role from the history.'))
    chat = Conversation()
    llm_assistant.ask(GERMANY, chat)
    follow = llm_assistant.ask("and in the UK?", chat)
    assert f"Follow-up read as: {UK}" in follow.notices and "£110,000 – £175,000" in follow.answer


@pytest.mark.parametrize(
    ("script", "why"),
    [
        (lambda llm_server: reply(500, '{"error": {"message": "boom"}}'), "server error (HTTP 500)"),
        (lambda llm_server: hang(llm_server.release), "timed out"),
        (
            lambda llm_server: completion("Sure! " + "Here is a long story about the sea and its many moods. " * 8),
            "far longer",
        ),
        (lambda llm_server: completion("Senior ML engineers in the UK earn £110,000 – £175,000."), "figures"),
        (lambda llm_server: completion("What is the weather like in the UK today?"), "something else"),
        (lambda llm_server: completion("What do senior ML engineers earn in Germany?"), "dropped United Kingdom"),
        (lambda llm_server: completion("   "), "no question"),
    ],
)
def test_a_failed_or_implausible_rewrite_falls_back_to_the_rules(llm_assistant, llm_server, script, why):
    llm_server.script = scripted(script(llm_server))
    chat = Conversation()
    llm_assistant.ask(GERMANY, chat)
    follow = llm_assistant.ask("and in the UK?", chat)
    assert "£110,000 – £175,000" in follow.answer and "€110,000" not in follow.answer  # the rules' reading
    notice = next(n for n in follow.notices if "could not rewrite the follow-up" in n)
    assert notice.startswith(f"Follow-up: read as a follow-up to: {GERMANY}") and why in notice
    assert follow.understood.question == "and in the UK?"


def test_a_pointer_at_a_listing_stays_with_the_rules(llm_assistant, llm_server):
    llm_server.script = scripted(completion("Tell me more about the AI Engineer job."))
    chat = Conversation()
    listed = llm_assistant.ask(US_ML_JOBS, chat)
    second = llm_assistant.ask("tell me more about the second one", chat)
    assert [view.id for view in second.listings] == [listed.listings[1].id]
    assert condense_requests(llm_server) == []


def test_a_condensed_search_keeps_the_filters_the_rules_carried(llm_assistant, llm_server):
    standalone = "Which ML jobs in the US state a salary?"  # no "which ... state" together: the words alone lose it
    assert understand(standalone).filters.salary_disclosed is None
    llm_server.script = scripted(completion(standalone))
    chat = Conversation()
    llm_assistant.ask(US_ML_JOBS, chat)
    paid = llm_assistant.ask("which of those state a salary?", chat)
    assert filters_of(paid) == {"kind": "listing", "countries": ["US"], "salary_disclosed": True, "ml_only": True}
    assert f"Follow-up read as: {standalone}" in paid.notices
    history = condense_requests(llm_server)[0]["messages"][-1]["content"]
    assert f"user: {US_ML_JOBS}" in history and "matching listing" in history  # the table's head, shortened


def test_the_request_is_shown_the_key_only_in_the_header(llm_assistant, llm_server):
    llm_server.script = scripted(completion(UK))
    chat = Conversation()
    llm_assistant.ask(GERMANY, chat)
    follow = llm_assistant.ask("and in the UK?", chat)
    assert "sk-test-SECRET" not in json.dumps(condense_requests(llm_server)) + follow.model_dump_json()


def test_an_llm_reply_that_cites_nothing_falls_back_to_the_extractive_answer(llm_assistant, llm_server):
    llm_server.script = completion("Great question! It depends on many things.")  # passes the check, says nothing
    answer = llm_assistant.ask(GERMANY)
    assert answer.backend == "extractive" and "€110,000 – €165,000" in answer.answer
    assert any("cited no source" in notice for notice in answer.notices)


def test_of_those_which_are_of_one_employment_type_narrows_and_shows_each_type(assistant):
    """ "of those, which are contract rather than permanent?": the previous search, by the type it asks for and
    not by the one it sets aside; every row shows its type, in the board's own word where it says more."""
    listings = assistant.library.listings.values()
    kinds = [k for k in ("contract", "part_time", "freelance") if any(x.employment_type.value == k for x in listings)]
    assert kinds  # the captures hold jobs that are not full time
    kind = kinds[0]
    chat = Conversation()
    assistant.ask("show me jobs", chat)
    asked = assistant.ask(f"of those, which ones are {kind.replace('_', '-')} rather than permanent?", chat)
    taken = {kind} | ({"contract", "freelance"} if kind in ("contract", "freelance") else set())  # one family
    assert set(filters_of(asked)["employment"]) == taken
    assert asked.listings and all(
        assistant.library.listings[v.id].employment_type.value in taken for v in asked.listings
    )
    assert "| Employment |" in asked.answer and all(v.employment in asked.answer for v in asked.listings)
    whether = assistant.ask(f"is the {asked.listings[0].title} job at {asked.listings[0].company} permanent?")
    assert "employment" not in filters_of(whether) and "| Employment |" in whether.answer
    assert asked.listings[0].id in [v.id for v in whether.listings]


def test_a_reply_naming_nothing_to_filter_by_keeps_the_search_and_a_question_no_section_covers_asks_the_jobs(
    assistant,
):
    chat = Conversation()
    first = assistant.ask("looking for freelance AI engineering gigs", chat)
    assert "A.Team" in [view.company for view in first.listings]
    # "hourly pay is fine" names no filter: the freelance search stands rather than a search for nothing.
    fine = assistant.ask("hourly pay is fine", chat)
    assert filters_of(fine) == filters_of(first) and fine.listings
    # The guide covers no one job's rate or locations; the jobs just shown do.
    asked = assistant.ask("what's the hourly rate, and which countries are allowed?", chat)
    assert asked.listings and asked.listings[0].company == "A.Team"
    assert "170" in asked.answer and "Israel" in asked.answer
