"""Answer logic over an index in memory (tests/fakes.py): no Chroma, no BM25, no embedding model.

The questions are read by hand (an `Understood` built in the test), so what is tested is what the answer code
does with given passages: which section answers, what is quoted, which listings a filter keeps.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from conftest import FEEDS
from fakes import MemoryRetriever, chunk

from assistant.answer.extractive.guide import answer_guide
from assistant.answer.extractive.listings import answer_listings
from assistant.answer.models import ListingView
from assistant.answer.sections import chosen_sections, rank_sections, second_readings
from assistant.brief.sources import Sources
from assistant.chat import Assistant
from assistant.corpus.listings.normalize import normalize
from assistant.corpus.listings.sources import CONNECTORS
from assistant.index.chunks import listing_chunks
from assistant.index.filters import Filters, matches
from assistant.library import Library
from assistant.query import Intent, Understood
from assistant.vocab.listing import Listing

GUIDE = "guide:g#"
HIRING = (
    "Guide > Hiring process\n\nCandidates meet four stages: a recruiter call, a take-home exercise, a system "
    "design interview and a final values conversation."
)
PAY = "Guide > Pay\n\nBase pay in the example market runs from 100,000 to 150,000 a year."
ROLE = "Guide > Overview\n\nThe role ships models to production and keeps them healthy."


def guide_library(**parts: str) -> Library:
    return Library(retriever=MemoryRetriever([chunk(GUIDE + name, text, title=name) for name, text in parts.items()]))


def by_section(hit) -> dict[str, float]:
    """A section's intent reading, given instead of the classifier's: its id names it."""
    return {"hiring": 1.0} if hit.doc_id.endswith("hiring") else {"pay": 1.0}


def remotive_listings() -> list[Listing]:
    batch = CONNECTORS["remotive"].parse((FEEDS / "remotive" / "remote-jobs_2026-07-18.json").read_bytes(), "r")
    return [normalize(raw, datetime(2026, 7, 18, tzinfo=UTC)) for raw in batch.listings]


def test_passages_number_every_chunk_of_a_section_and_the_first_of_a_listing():
    listing = next(found for found in remotive_listings() if len(listing_chunks(found)) > 1)
    chunks = [
        chunk(GUIDE + "hiring", HIRING, 0),
        chunk(GUIDE + "hiring", "Guide > Hiring (continued)\n\nMore.", 1),
        *listing_chunks(listing),
    ]
    library = Library(retriever=MemoryRetriever(chunks))
    hits = library.retriever.search(f"hiring {listing.title}", Filters(), k=5)
    passages = library.passages(hits)
    assert {(p.doc_id, p.chunk) for p in passages} == {
        (GUIDE + "hiring", 0),
        (GUIDE + "hiring", 1),
        (f"listing:{listing.id}", 0),
    }
    assert [p.n for p in passages] == [1, 2, 3]


def test_the_section_that_answers_is_quoted_and_the_other_is_not():
    library = guide_library(hiring=HIRING, pay=PAY, overview=ROLE)
    understood = Understood(
        question="What stages does the interview have?",
        intent=Intent.hiring,
        filters=Filters(kind="guide"),
        scores={"hiring": 0.9, "pay": 0.1},
    )
    hits = library.retriever.search(understood.question + " hiring process", understood.filters, k=5)
    draft = answer_guide(understood, library.passages(hits), chosen_sections(understood, hits, by_section))
    assert draft.answerable and draft.citations
    assert all(c.id == GUIDE + "hiring" and c.quote in HIRING for c in draft.citations)
    assert "150,000" not in draft.answer


RED = "Guide > Red flags\n\nA loop with no system design round is a warning. Vague ownership is another."
GREEN = "Guide > Green flags\n\nA dedicated platform team is a good sign. So is a model review process."


def test_sections_sharing_an_intent_are_told_apart_by_their_closest_sentence():
    """The classifier may read the green section as more surely "flags" than the red one; that says nothing about
    which the question asks for. The same intent weighs the same, and the sentence nearest the question decides."""
    library = guide_library(red=RED, green=GREEN)
    understood = Understood(
        question="No system design round in the loop: should I be worried?",
        intent=Intent.flags,
        filters=Filters(kind="guide"),
        scores={"flags": 0.99},
    )
    found = library.retriever.search("system design platform team", understood.filters, k=5)
    hits = [h.model_copy(update={"similarity": 0.4}) for h in found if h.kind == "guide"]
    assert {h.doc_id for h in hits} == {GUIDE + "red", GUIDE + "green"}
    profile = {GUIDE + "red": {"flags": 0.63, "levels": 0.37}, GUIDE + "green": {"flags": 0.85, "checks": 0.15}}
    nearest = {GUIDE + "red": 0.45, GUIDE + "green": 0.40}
    read, near = (lambda hit: profile[hit.doc_id]), (lambda question, hit: nearest[hit.doc_id])
    assert chosen_sections(understood, rank_sections(understood, hits, read, near), read, near)[0] == GUIDE + "red"


def test_a_section_sharing_its_intent_with_another_is_answered_under_its_heading():
    """ "good or bad sign?" answered from the green flags must say they are the green ones."""
    library = guide_library(red=RED, green=GREEN)
    understood = Understood(
        question="They asked about my model review process: good or bad sign?",
        intent=Intent.flags,
        filters=Filters(kind="guide"),
        scores={"flags": 0.99},
    )
    passages = library.passages(library.retriever.search("model review process", understood.filters, k=5))
    flags = {GUIDE + "red", GUIDE + "green"}
    titled = answer_guide(understood, passages, [GUIDE + "green"], siblings=flags.__contains__)
    assert titled.answer.startswith("**green**\n") and "model review" in titled.answer
    assert not answer_guide(understood, passages, [GUIDE + "green"]).answer.startswith("**")


def test_a_topic_the_guide_does_not_cover_is_refused_even_with_passages_at_hand():
    library = guide_library(hiring=HIRING, pay=PAY)
    understood = Understood(
        question="What signing bonus is typical?",
        intent=Intent.pay,
        unsupported=True,
        filters=Filters(kind="guide"),
        scores={"pay": 0.6},
    )
    hits = library.retriever.search("pay bonus", understood.filters, k=5)
    draft = answer_guide(understood, library.passages(hits), chosen_sections(understood, hits, by_section))
    assert hits and not draft.answerable and "100,000" not in draft.answer


def test_a_country_filter_keeps_only_the_listings_open_there():
    listings = remotive_listings()
    library = Library(retriever=MemoryRetriever([c for listing in listings for c in listing_chunks(listing)]))
    by_id = {listing.id: listing for listing in listings}
    country = next(code for listing in listings for code in listing.location.countries)
    understood = Understood(
        question="engineer jobs", intent=Intent.listings, filters=Filters(kind="listing", countries=[country])
    )
    hits = library.retriever.search("engineer", understood.filters, k=10)
    draft = answer_listings(understood, library.passages(hits), by_id)
    open_there = {c.doc_id.removeprefix("listing:") for c in library.retriever.chunks if matches(understood.filters, c)}
    shown = {view.id for view in draft.listings}
    assert draft.answerable and shown and shown <= open_there
    assert len(open_there) < len(listings)  # the filter excluded some: the answer shows none of those


def test_a_brief_quotes_a_span_the_splitter_cut_by_a_verbatim_piece_or_not_at_all():
    chunks = [
        chunk("guide:x#1", text, n)
        for n, text in enumerate(["Head\n\nWe ship models daily.", "Head (continued)\n\nWe name PyTorch, JAX."])
    ]
    src = Sources(Library(retriever=MemoryRetriever(chunks)), guide=None)
    found = src.locate("guide:x#1", "We ship models daily. We name PyTorch, JAX.")
    assert found and found[1] == "We ship models daily." and found[1] in found[0].text
    assert src.locate("guide:x#1", "Nothing of this is indexed anywhere.") is None


def _misread_as_overview(question: str, **fields) -> Understood:
    """Read as the overview, with hiring nearly as likely (a close second reading)."""
    return Understood(
        question=question,
        intent=Intent.overview,
        close=[Intent.overview, Intent.hiring],
        filters=Filters(kind="guide"),
        scores={"overview": 0.45, "hiring": 0.35},
        **fields,
    )


def _by_name(hit) -> dict[str, float]:
    return {hit.doc_id.removeprefix(GUIDE): 1.0}


def test_a_close_second_reading_answers_when_the_first_reading_s_section_does_not():
    library = guide_library(hiring=HIRING, overview=ROLE)
    understood = _misread_as_overview("Which stages will the interview have?")  # the overview names no stages
    hits = library.retriever.search(understood.question, understood.filters, k=5)
    overview = [GUIDE + "overview"]
    assert not answer_guide(understood, library.passages(hits), overview).answerable
    seconds = second_readings(understood, hits, _by_name)
    assert seconds == [("hiring", GUIDE + "hiring")]
    draft = answer_guide(understood, library.passages(hits), overview, seconds)
    assert draft.answerable and {c.id for c in draft.citations} == {GUIDE + "hiring"}
    assert "the close second reading" in " ".join(understood.explanation)


def test_a_second_reading_does_not_answer_what_its_section_does_not_cover_either():
    library = guide_library(hiring=HIRING, overview=ROLE)
    understood = _misread_as_overview("What relocation package do teams offer?", subjects=["relocation package"])
    hits = library.retriever.search("interview stages of the role", understood.filters, k=5)  # both sections
    seconds = second_readings(understood, hits, _by_name)
    assert seconds and not answer_guide(understood, library.passages(hits), [GUIDE + "overview"], seconds).answerable


CHECKS = (
    "Guide > Checks\n\nAsk what the level means in the team. At some companies it means three to five years of "
    "experience; at others a record of shipping systems."
)


def _counting(question: str, intent: Intent = Intent.general, **fields) -> Understood:
    return Understood(question=question, intent=intent, filters=Filters(kind="guide"), **fields)


def test_a_count_of_time_the_guide_states_is_answered_even_when_read_as_beyond_it():
    library = guide_library(checks=CHECKS, hiring=HIRING)
    hits = library.retriever.search("levels years experience stages", Filters(kind="guide"), k=5)
    asked = _counting("How many years of experience does the level take?", unsupported=True, scores={"checks": 0.3})
    draft = answer_guide(asked, library.passages(hits), [GUIDE + "hiring"])
    assert draft.answerable and "three to five years" in draft.answer
    assert {c.id for c in draft.citations} == {GUIDE + "checks"}
    # A count stated about something else shares no word with the question: still beyond the guide.
    other = _counting("How many years does promotion to staff take?", unsupported=True, scores={"checks": 0.3})
    assert not answer_guide(other, library.passages(hits), [GUIDE + "checks"]).answerable


def test_a_count_of_time_is_found_through_another_inflection_of_the_question_s_word():
    stages = "Guide > Hiring process\n\nHiring usually takes four to eight weeks from the first call."
    library = guide_library(hiring=stages, overview=ROLE)
    hits = library.retriever.search("hiring weeks", Filters(kind="guide"), k=5)
    asked = _counting("How many weeks does it take to get hired?", unsupported=True, scores={"hiring": 0.4})
    draft = answer_guide(asked, library.passages(hits), [GUIDE + "overview"])
    assert draft.answerable and "four to eight weeks" in draft.answer  # "hired" and "hiring" are one word


def test_a_close_second_reading_that_uses_the_question_s_words_as_written_answers_instead():
    duties = "Guide > Duties\n\nThey set standards for reproducibility and documentation across the team."
    skills = "Guide > Skills\n\nThey produce design documents, model cards and experiment reports."
    library = guide_library(hiring=duties, overview=skills)  # _misread_as_overview: overview first, hiring close
    hits = library.retriever.search("documents documentation", Filters(kind="guide"), k=5)
    understood = _misread_as_overview("What documents will I produce?")
    understood.intent, understood.close = Intent.hiring, [Intent.hiring, Intent.overview]
    seconds = second_readings(understood, hits, _by_name)
    assert seconds == [("overview", GUIDE + "overview")]
    # The first reading's section shares only a stem ("documentation"); the second uses "documents" itself.
    draft = answer_guide(understood, library.passages(hits), [GUIDE + "hiring"], seconds)
    assert draft.answerable and {c.id for c in draft.citations} == {GUIDE + "overview"}
    assert "model cards" in draft.answer


def test_a_count_of_time_no_sentence_states_is_refused_even_when_the_topic_is_sure():
    library = guide_library(hiring=HIRING)
    hits = library.retriever.search("interview stages", Filters(kind="guide"), k=5)
    sure = {"hiring": 0.95}
    hours = _counting("How many hours does each interview stage last?", intent=Intent.hiring, scores=sure)
    assert not answer_guide(hours, library.passages(hits), [GUIDE + "hiring"]).answerable
    stages = _counting("Which interview stages are there?", intent=Intent.hiring, scores=sure)
    assert answer_guide(stages, library.passages(hits), [GUIDE + "hiring"]).answerable


ABOUT = (
    "Guide > Overview\n\nThe role spans many teams. Most of the work happens across time zones. Meetings are "
    "rare and short. Offices are optional. Travel is yearly. Precise written communication is what carries "
    "decisions."
)


def test_a_prose_answer_quotes_the_sentences_nearest_in_meaning_when_none_shares_a_word():
    library = guide_library(overview=ABOUT)
    hits = library.retriever.search("role", Filters(kind="guide"), k=5)
    # Read as skills: an overview question is answered by its whole section (the role in summary).
    asked = _counting("Why are they valued for writing so much?", intent=Intent.skills, scores={"skills": 0.9})
    by_words = answer_guide(asked, library.passages(hits), [GUIDE + "overview"])
    assert "written communication" not in by_words.answer  # no sentence shares a word: the first four are quoted

    def closeness(question: str, texts) -> list[float]:  # a model that finds "writing" near "written"
        return [0.6 if "written" in text else 0.1 for text in texts]

    by_meaning = answer_guide(asked, library.passages(hits), [GUIDE + "overview"], closeness=closeness)
    assert by_meaning.answerable and "Precise written communication" in by_meaning.answer


def test_a_count_of_time_the_chosen_section_states_answers_a_question_sharing_no_word_with_it():
    stages = "Guide > Hiring process\n\nThe process runs four to eight weeks from the first call to an offer."
    library = guide_library(hiring=stages)
    hits = library.retriever.search("process weeks", Filters(kind="guide"), k=5)
    unsure = {"hiring": 0.4}  # below SURE_TOPIC: the section would need one of the question's words
    asked = _counting("And how long does it usually take?", intent=Intent.hiring, scores=unsure)
    draft = answer_guide(asked, library.passages(hits), [GUIDE + "hiring"])
    assert draft.answerable and "four to eight weeks" in draft.answer
    other = _counting("And who usually decides?", intent=Intent.hiring, scores=unsure)
    assert not answer_guide(other, library.passages(hits), [GUIDE + "hiring"]).answerable
    # Surer of the topic, the section chosen by meaning answers though it shares no word of the question.
    sure = _counting("And who usually decides?", intent=Intent.hiring, scores={"hiring": 0.55})
    assert answer_guide(sure, library.passages(hits), [GUIDE + "hiring"]).answerable


def test_a_hyphenated_word_of_the_question_is_found_by_its_parts():
    levels = "Guide > Levels\n\nMoving to staff takes a record of leading work across several teams."
    library = guide_library(levels=levels)
    hits = library.retriever.search("staff levels", Filters(kind="guide"), k=5)
    asked = _counting("How do I judge if an applicant is staff-ready?", intent=Intent.levels, scores={"levels": 0.6})
    draft = answer_guide(asked, library.passages(hits), [GUIDE + "levels"])
    assert draft.answerable and "several teams" in draft.answer


def test_a_role_word_no_ml_tagged_job_matches_finds_the_jobs_that_use_it():
    """ "an engineer who integrates LLMs" when no job tagged as ML matches: the jobs whose text uses the word,
    said so in the explanation; none at all when no job uses it."""
    from assistant.chat import Assistant

    plain = [listing for listing in remotive_listings() if not listing.ml_relevant]
    using = {listing.id for listing in plain if "llm" in f"{listing.title} {listing.description}".lower()}
    assert using and len(using) < len(plain)  # the captures hold both kinds
    library = Library(retriever=MemoryRetriever([c for listing in plain for c in listing_chunks(listing)]))
    assistant = Assistant(library=library)
    asked = Understood(
        question="engineer who integrates LLMs into products",
        intent=Intent.listings,
        filters=Filters(kind="listing", ml_only=True),
        role_terms=["LLM"],
    )
    hits = assistant._listing_hits(asked)
    assert hits and {hit.doc_id.removeprefix("listing:") for hit in hits} <= using
    assert asked.filters.ml_only is False and asked.explanation[-1].startswith("ml only: dropped")
    nowhere = Understood(
        question="engineer who builds quantum compilers",
        intent=Intent.listings,
        filters=Filters(kind="listing", ml_only=True),
        role_terms=["quantum"],
    )
    assert assistant._listing_hits(nowhere) == [] and nowhere.filters.ml_only is True


def test_a_currency_asked_in_words_finds_the_figure_a_listing_writes_by_its_code():
    """ "what does it pay in pounds?" about a listing that writes "2,310 GBP": that line is quoted."""
    from assistant.answer.extractive.listings import answer_listing_detail
    from assistant.vocab.currencies import codes_named

    assert codes_named(["in", "pounds"]) == {"GBP"} and codes_named(["euros", "quid"]) == {"EUR", "GBP"}
    listing = next(listing for listing in remotive_listings() if listing.salary is None)
    listing = listing.model_copy(
        update={"description": "About the team.\n\nWeekly stipend: 3,850 USD / 2,310 GBP.\n\nWe value craft."}
    )
    library = Library(retriever=MemoryRetriever(listing_chunks(listing)))
    document = library.document(f"listing:{listing.id}")
    draft = answer_listing_detail(document[0], listing, "what does it pay in pounds?", document)
    described = draft.answer.split("From the listing's description:", 1)[1]
    assert "2,310 GBP" in described and "craft" not in described


def test_a_lead_in_the_question_names_brings_its_whole_list():
    """ "what does it require?": "Requirements:" shares the word, and its items say what is required whether or
    not they repeat the word ("LangChain is mandatory"); an item outside the list is left out."""
    from assistant.answer.extractive.listings import answer_listing_detail

    listing = next(listing for listing in remotive_listings() if listing.salary is None)
    description = (
        "We build agents for clients.\n\nExperience with vector databases is required for the data work.\n\n"
        "Requirements:\n\n- Python\n- 2+ years of LangChain is mandatory\n- Pinecone or Weaviate\n\n"
        "Nice to have:\n\n- Go"
    )
    listing = listing.model_copy(update={"description": description})
    library = Library(retriever=MemoryRetriever(listing_chunks(listing)))
    document = library.document(f"listing:{listing.id}")
    draft = answer_listing_detail(document[0], listing, "what does it require? which vector DBs?", document)
    described = draft.answer.split("From the listing's description:", 1)[1]
    assert "vector databases is required" in described and "LangChain is mandatory" in described
    assert "Weaviate" in described and "Go" not in described.split("Weaviate", 1)[1]


def test_a_rare_word_of_the_question_outweighs_common_ones_in_what_a_listing_is_quoted_for():
    """ "a gig that wants LangChain plus a vector DB": the sentence naming LangChain is quoted before the ones that
    share only "looking" and "plus"; without weights the common words win by number."""
    from assistant.answer.extractive.listings import DESCRIBED_UNITS, answer_listing_detail

    listing = next(listing for listing in remotive_listings() if listing.salary is None)
    common = [f"Looking for a great team plus perk number {n}?" for n in range(DESCRIBED_UNITS)]
    description = "\n\n".join([*common, "2+ years of LangChain is mandatory."])
    listing = listing.model_copy(update={"description": description})
    library = Library(retriever=MemoryRetriever(listing_chunks(listing)))
    document = library.document(f"listing:{listing.id}")
    question = "looking for a gig that wants LangChain plus a team"
    flat = answer_listing_detail(document[0], listing, question, document)
    assert "LangChain is mandatory" not in flat.answer
    weights = {"look": 0.1, "plus": 0.1, "team": 0.1, "langchain": 6.0}
    weighted = answer_listing_detail(document[0], listing, question, document, weights)
    assert "LangChain is mandatory" in weighted.answer.split("From the listing's description:", 1)[1]


def test_a_location_that_names_no_country_shows_the_one_it_was_read_as():
    """ "Austin · remote" leaves the reader guessing the country; "Austin (United States)" does not. A text
    that names its country already is left as it is."""
    from assistant.answer.extractive.listings import listing_view, location_cell
    from assistant.vocab.listing import Location

    listing = remotive_listings()[0]
    city = listing.model_copy(update={"location": Location(text="Austin", countries=["US"])})
    assert location_cell(listing_view(city), city, Filters()).startswith("Austin (United States) · ")
    named = listing.model_copy(update={"location": Location(text="Berlin, Germany", countries=["DE"])})
    assert location_cell(listing_view(named), named, Filters()).startswith("Berlin, Germany · ")


def test_a_rare_word_a_search_asks_for_puts_the_jobs_titled_by_it_first():
    """ "waymo marketplace ML roles?": of the jobs the filters keep, those whose titles hold a rare word the
    question asks beyond its filters come first, whatever the fused ranks say."""
    from assistant.chat import RARE_WORD_SHARE, Assistant

    listings = remotive_listings()
    retriever = MemoryRetriever([c for x in listings for c in listing_chunks(x)])
    # The last listing whose title holds a word no other title has and few chunks hold.
    named, word = next(
        (x, w)
        for x in reversed(listings)
        for w in re.findall(r"[a-z]{6,}", x.title.lower())
        if sum(w in y.title.lower() for y in listings) == 1 and retriever.share_with(w) <= RARE_WORD_SHARE
    )
    asked = Understood(
        question="engineering jobs",
        intent=Intent.listings,
        filters=Filters(kind="listing"),
        asked=[word],
    )
    assistant = Assistant(library=Library(retriever=retriever))
    plain = assistant._listing_hits(asked.model_copy(update={"asked": []}))
    assert plain[0].doc_id != f"listing:{named.id}"  # fusion alone ranks another first
    assert assistant._listing_hits(asked)[0].doc_id == f"listing:{named.id}"


def _titled(*titles: str) -> tuple[Assistant, list[ListingView]]:
    from assistant.answer.extractive.listings import listing_view

    """The captured listings, the first retitled at Acme; more jobs titled "Senior Machine Learning Engineer, ..."
    make those words common, as they are on the boards."""
    teams = [f"Senior Machine Learning Engineer, {team}" for team in ("Search", "Ads", "Vision", "Speech")]
    listings = remotive_listings()
    listings = [
        listing.model_copy(update={"title": title, "company": "Acme"})
        for listing, title in zip(listings, [*titles, *teams], strict=False)
    ] + listings[len(titles) + len(teams) :]
    retriever = MemoryRetriever([c for x in listings for c in listing_chunks(x)])
    return Assistant(library=Library(retriever=retriever)), [listing_view(x) for x in listings[: len(titles)]]


def _search(question: str) -> Understood:
    return Understood(question=question, intent=Intent.listings, filters=Filters(kind="listing"))


def test_the_words_several_titles_share_name_a_kind_of_job_not_one_job():
    """ "who's hiring for an embedding platform team?" searches: two jobs titled by those words are both shown,
    not the one whose description happens to say more of the question."""
    assistant, views = _titled("Staff ML Engineer, Embedding Platform", "Senior ML Engineer, Embedding Platform")
    asked = _search("who's hiring for an embedding platform team?")
    assert assistant._asked_of_named(asked, views) == []
    one = _search("the Staff ML Engineer, Embedding Platform job at Acme: is it remote?")
    assert views[0].id in assistant._asked_of_named(one, views)


def test_a_title_inside_the_longer_one_a_question_says_does_not_name_its_job():
    """ "postings with Senior Machine Learning Engineer in the title" holds all of "Machine Learning Engineer":
    that job is one of the search's, not the one the question is about."""
    assistant, views = _titled("Machine Learning Engineer", "Senior Machine Learning Engineer, Simulation")
    asked = _search("Does Acme have postings with Senior Machine Learning Engineer in the title?")
    assert assistant._asked_of_named(asked, views) == []
    alone = _search("Does Acme's Machine Learning Engineer posting say what it pays?")
    assert assistant._asked_of_named(alone, views) == [views[0].id]


def test_a_word_every_candidate_sentence_shares_picks_none_of_them_and_a_rarer_one_does():
    from assistant.answer.extractive.relevance import relevant_units
    from assistant.answer.models import Passage
    from assistant.answer.units import units

    text = (
        "Guide > Pay\n\nLarge platforms pay at the upper end of the range. "
        "Equity packages can exceed base compensation there. Pay at staff level runs above the range."
    )
    passage = Passage(n=1, doc_id=GUIDE + "pay", kind="guide", title="Pay", text=text)
    found = [(passage, unit) for unit in units(text)]
    # "pay" and "range" are in two of the three sentences each; "equity" is in one and decides the second pick.
    picked = relevant_units("does the pay reach the top of the range, and is equity a big deal?", found, 2)
    assert [unit.text for _, unit in picked] == [
        "Large platforms pay at the upper end of the range.",
        "Equity packages can exceed base compensation there.",
    ]
