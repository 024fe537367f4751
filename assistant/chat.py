"""The assistant: a question (and the conversation so far) in, an `Answer` with verified citations out."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from functools import lru_cache, reduce

from assistant.answer.extractive.draft import Draft, join_drafts
from assistant.answer.extractive.guide import answer_guide
from assistant.answer.extractive.listings import answer_listing_detail, answer_listings, describes, filter_parts
from assistant.answer.extractive.refusals import not_answerable
from assistant.answer.extractive.relevance import specific_terms, stem, terms_of, unique_units
from assistant.answer.followup import Resolved, Turn, asked_about, merge_filters, resolve
from assistant.answer.models import Answer, AnswerError, ListingView, Passage
from assistant.answer.sections import (
    chosen_sections,
    closer_of,
    rank_sections,
    second_readings,
    section_reading,
    top_label,
)
from assistant.index.filters import loosened
from assistant.index.retrieve import Hit, Retriever, place_terms
from assistant.library import Library
from assistant.query import (
    WORD,
    Filters,
    Intent,
    Understood,
    classifier,
    names_a_job,
    normalized,
    question_parts,
    understand,
)
from assistant.query.intent import CLOSE
from assistant.query.markets import listing_markets
from assistant.search import ground
from assistant.settings import Settings
from assistant.vocab.places import country_name

GUIDE_K = 5
GUIDE_DEPTH = 40  # guide sections searched before the one that answers is chosen
LISTING_K = 10
RARE_WORD_SHARE = 0.05  # a word in more chunks than this ("open", "team", "security") sets no listing apart
MAX_NAMED = 3  # more listings named by one question than this is a search, not a question about them


PART_SURE = 0.6  # a part is answered on its own only when the classifier reads its topic this surely


def _reads_pay(understood: Understood) -> bool:
    """The classifier reads pay first or close behind its first reading."""
    scores = understood.scores
    return bool(scores) and scores.get(Intent.pay.value, 0.0) >= CLOSE * max(scores.values())


@lru_cache(maxsize=1024)
def _asks_pay(question: str) -> bool:
    """The classifier reads the question as pay first: once per question, not once per listing it is asked of."""
    return top_label(classifier.classify(question)) == Intent.pay.value


def _says(question: str, name: str) -> bool:
    return bool(re.search(rf"\b{re.escape(name)}\b", question, re.I))


class Conversation:
    """One person's chat: earlier turns, so follow-ups can refer back to them."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []

    def reset(self) -> None:
        self.turns.clear()


class Assistant:
    def __init__(
        self, settings: Settings | None = None, retriever: Retriever | None = None, library: Library | None = None
    ) -> None:
        self.library = library or Library(settings, retriever)
        self.settings = self.library.settings
        self._profiles: dict[str, dict[str, float]] = {}
        self._units: dict[str, list[str]] = {}

    def check_question(self, question: str) -> str:
        question = (question or "").strip()
        if not question:
            raise AnswerError("the question is empty: ask about remote ML roles, pay, hiring or listings")
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise AnswerError(f"the question is {len(question):,} characters long; the limit is {limit:,}")
        return question

    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        on_token: Callable[[str], None] | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        """`filters` (the web page's controls) narrow whatever the question itself asks for."""
        return self.reply(self.check_question(question), conversation, on_token, filters)

    def reply(
        self,
        question: str,
        conversation: Conversation | None = None,
        on_token: Callable[[str], None] | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        """`ask` for a question `check_question` has passed (the web page checks it before it streams)."""
        started = time.perf_counter()
        history = conversation.turns if conversation else []
        resolved = self._resolve(understand(question, employers=self.library.employers), history)
        if filters is not None:
            understood = resolved.understood
            understood.filters = merge_filters(understood.filters, filters)
        retrieve_started = time.perf_counter()
        hits = self.retrieve(resolved)
        retrieve_ms = (time.perf_counter() - retrieve_started) * 1000
        draft, passages = self._extractive(resolved, hits)
        answer = Answer(
            question=question,
            answer=draft.answer,
            citations=draft.citations,
            listings=draft.listings,
            answerable=draft.answerable,
            backend="extractive",
            understood=resolved.understood,
        )
        if resolved.note:
            answer.notices.append(resolved.note)
        if self.library.stale and self.library.stale not in answer.answer:
            answer.notices.append(self.library.stale)
        if self.settings.llm == "openai" and draft.answerable and resolved.understood.intent is not Intent.listings:
            # The LLM answers the standalone question when the condense step made one.
            answer = self._with_llm(answer, resolved.understood.question, passages, history, on_token)
        elif on_token:
            on_token(answer.answer)
        total = (time.perf_counter() - started) * 1000
        answer.timings_ms = {
            "retrieve": round(retrieve_ms, 1),
            "generate": round(total - retrieve_ms, 1),
            "total": round(total, 1),
        }
        if conversation is not None:
            # A question about shown listings leaves the search they came from in force: "which of those are
            # remote?" after "what do those pay?" narrows that search.
            carried = history[-1].understood if resolved.listing_ids and history else self._answered(resolved, answer)
            conversation.turns.append(
                Turn(
                    question=question,
                    understood=carried,
                    answer=answer.answer,
                    listing_ids=[view.id for view in answer.listings],
                    listing_companies=[view.company for view in answer.listings],
                    listing_names=[f"{view.title} — {view.location}" for view in answer.listings],
                )
            )
        return answer

    def _resolve(self, understood: Understood, history: list[Turn]) -> Resolved:
        """Follow-ups: the rules, or with an LLM configured its condense step, checked against the rules."""
        if self.settings.llm == "openai" and history:
            from assistant.answer.condense import resolve_follow_up  # the LLM client loads only when used

            return resolve_follow_up(understood, history, self.settings, self.library.employers)
        return resolve(understood, history, self.library.employers)

    # --- retrieval ---------------------------------------------------------------------------------------------

    def retrieve(self, resolved: Resolved) -> list[Hit]:
        understood = resolved.understood
        if resolved.listing_ids:  # the listings are known; a guide question asked beside them is searched
            return self._guide_hits(resolved.guide) if resolved.guide else []
        if understood.intent is Intent.off_topic:
            return []
        if understood.intent is Intent.listings:
            return self._listing_hits(understood)
        return self._guide_hits(understood)

    def _listing_hits(self, understood: Understood) -> list[Hit]:
        expand = place_terms(understood.filters) + understood.markets
        ground(understood, self.library.retriever)
        # A rare word the search asks for beyond its filters, in a title, names the job ("marketplace ML roles").
        titled = self._rare(understood.asked)
        hits = self.library.retriever.search(
            understood.question, understood.filters, k=LISTING_K, expand=expand, title_words=titled
        )
        if hits:
            return hits
        return self._loosened(understood, titled) or self._ml_widened(understood, expand, titled)

    def _loosened(self, understood: Understood, titled: list[str]) -> list[Hit]:
        """A search by company that none of its jobs matches: its jobs under the nearest wider filters ("the
        Pinterest posting: would they help me relocate from Spain?" is about Pinterest's job, not jobs in Spain),
        with what was dropped said."""
        for wider in loosened(understood.filters):
            expand = place_terms(wider) + understood.markets
            hits = self.library.retriever.search(
                understood.question, wider, k=LISTING_K, expand=expand, title_words=titled
            )
            if hits:
                kept = set(filter_parts(wider))
                understood.unmatched = [part for part in filter_parts(understood.filters) if part not in kept]
                understood.explanation.append(f"dropped: {', '.join(understood.unmatched)} (no listing matches them)")
                understood.filters = wider
                return hits
        return []

    def _ml_widened(self, understood: Understood, expand: list[str], titled: list[str]) -> list[Hit]:
        if not understood.filters.ml_only:
            return []
        # A company search shows its ML roles; one with none shows all its jobs rather than nothing. A search by
        # a role word that no job tagged as ML matches shows the jobs that use the word ("an engineer who
        # integrates LLMs": a full-stack job with AI coding).
        wider = understood.filters.model_copy(update={"ml_only": False})
        hits = self.library.retriever.search(understood.question, wider, k=LISTING_K, expand=expand, title_words=titled)
        if wider.companies:
            why = "the company has no ML roles in the snapshot"
        else:
            terms = [term.lower() for term in understood.role_terms]
            hits = [hit for hit in hits if any(term in hit.text.lower() for term in terms)]
            why = f"no ML role matches; these mention {', '.join(terms)}"
        if hits:
            understood.filters = wider
            understood.explanation.append(f"ml only: dropped ({why})")
        return hits

    def _guide_hits(self, understood: Understood) -> list[Hit]:
        # Every section competes: the one that answers is chosen by meaning, not by its rank among keywords.
        expand = place_terms(understood.filters) + understood.markets
        hits = self.library.retriever.search(understood.question, understood.filters, k=GUIDE_DEPTH, expand=expand)
        if understood.context:
            # A follow-up's own words pick among sections ("and the green ones?" after red flags); read with the
            # question it continues, it finds the topic ("and for an MLOps-heavy role?"). Each section keeps
            # the closer of the two readings.
            joined = f"{understood.context} {understood.question}"
            hits = closer_of(
                hits, self.library.retriever.search(joined, understood.filters, k=GUIDE_DEPTH, expand=expand)
            )
        return rank_sections(understood, hits, self.section_profile, self.section_nearest)[:GUIDE_K]

    def _answered(self, resolved: Resolved, answer: Answer) -> Understood:
        """The reading a follow-up continues: a general question answered from a section is, from then on, about
        that section's topic ("what does it take to become senior?" answered by the levels; "and the step after
        that?" asks the levels again)."""
        understood = resolved.understood
        cited = next((c.id for c in answer.citations if c.kind == "guide"), None)
        if understood.intent is not Intent.general or not answer.answerable or cited is None:
            return understood
        label = top_label(self._profile_of(cited))
        topic = Intent(label) if label in Intent.__members__ else None
        if topic is None or topic in (Intent.listings, Intent.off_topic, Intent.general):
            return understood
        return understood.model_copy(update={"intent": topic})

    def section_profile(self, hit: Hit) -> dict[str, float]:
        """The classifier's reading of a section (the mean over its sentences and items), once per section."""
        found = self._profiles.get(hit.doc_id)
        if found is None:
            found = self._profiles[hit.doc_id] = section_reading(self._units_of(hit), classifier.classify_all)
        return found

    def has_siblings(self, section: str) -> bool:
        """Whether another guide section reads as the same intent (red and green flags, the FAQ's items)."""
        label = top_label(self._profile_of(section))
        return any(
            top_label(self._profile_of(other)) == label
            for other in self.library.retriever.by_doc
            if other != section and other.startswith("guide:")
        )

    def _profile_of(self, doc_id: str) -> dict[str, float]:
        first = self.library.retriever.hits_for(doc_id)
        return self.section_profile(first[0]) if first else {}

    def section_nearest(self, question: str, hit: Hit) -> float:
        """The cosine of the question to the section's closest sentence or list item."""
        return max(self.library.retriever.closeness(question, self._units_of(hit)), default=0.0)

    def _units_of(self, hit: Hit) -> list[str]:
        """The sentences and list items of a hit's section, once per section."""
        units = self._units.get(hit.doc_id)
        if units is None:
            own = self.library.passages(self.library.retriever.hits_for(hit.doc_id) or [hit])
            units = self._units[hit.doc_id] = [u.text for _, u in unique_units(own)]
        return units

    # --- backends ----------------------------------------------------------------------------------------------

    def _extractive(self, resolved: Resolved, hits: list[Hit]) -> tuple[Draft, list[Passage]]:
        understood = resolved.understood
        if resolved.listing_ids:
            pointed = self._pointed(resolved, hits)
            if pointed:
                return pointed
        passages = self.library.passages(hits)
        if understood.intent is Intent.off_topic:
            return not_answerable(understood, passages), passages
        if understood.intent is Intent.listings:
            if self.library.indexing and not self.library.listings_indexed:
                # A search begun on the guides-only index as the build finished is answered from it still.
                why = self.library.stale or "They have just been indexed: ask again to search them."
                return Draft(answer=f"No listings are searchable yet. {why}", answerable=False), passages
            return self._with_guide_pay(understood, self._listings(understood, passages)), passages
        draft = self._guide(understood, hits, passages)
        if not draft.answerable:
            by_company = self._told_by_company(understood)
            if by_company is not None:
                return self._with_guide_topic(understood, hits, passages, by_company)
            told = self._told_by_skill(understood) or self._told_by_job(understood)
            if told is not None:
                return told
        if draft.answerable:
            draft = self._with_job_of(understood, self._with_other_parts(understood, draft))
        if draft.answerable and self._also_listings(understood):
            # Near two intents, answer both: "relocating to Toronto, what base, and who is hiring there?"
            search = understand(understood.question, intent=Intent.listings, employers=self.library.employers)
            found = self.library.passages(self._listing_hits(search))
            listed = answer_listings(search, found, self.library.listings)
            if listed.answerable:
                return join_drafts(draft, listed), passages
        return draft, passages

    def _with_job_of(self, understood: Understood, draft: Draft) -> Draft:
        """The job whose company a question asks the guide's criteria of ("is the Workada data labeling job real ML
        work by your guide?"), after the section: the one its words name, else the first found."""
        if not understood.job_of:
            return draft
        search = understand(understood.question, intent=Intent.listings, employers=self.library.employers)
        found = self.library.passages(self._listing_hits(search))
        views = answer_listings(search, found, self.library.listings).listings
        named = self._asked_of_named(search, views) or [view.id for view in views[:1]]
        return reduce(join_drafts, [self._detail(lid, found, understood.question) for lid in named], draft)

    def _with_guide_topic(
        self, understood: Understood, hits: list[Hit], passages: list[Passage], told: tuple[Draft, list[Passage]]
    ) -> tuple[Draft, list[Passage]]:
        """A guide topic asked of one company's job that its listing speaks to ("then why does the Deepgram one ask
        for a PhD?" after the PhD question): the listing, then the section on the topic for jobs in general."""
        if not understood.unsupported or understood.intent in (Intent.general, Intent.listings, Intent.off_topic):
            return told
        general = self._guide(understood.model_copy(update={"unsupported": False}), hits, passages)
        return (join_drafts(told[0], general), told[1] + passages) if general.answerable else told

    def _told_by_company(self, understood: Understood) -> tuple[Draft, list[Passage]] | None:
        """A question the guide cannot answer that names a company ("anthropic fellows: do they sponsor visas?",
        "for that Raft MLOps role, is there travel?"): the guide names no company, so its listings may say. Answered
        from the ones it names, or the first found when it points at it; None (the refusal stands) otherwise."""
        search = understand(understood.question, intent=Intent.listings, employers=self.library.employers)
        if not search.filters.companies:
            return None
        found = self.library.passages(self._listing_hits(search))
        views = answer_listings(search, found, self.library.listings).listings
        named = self._asked_of_named(search, views) or [v.id for v in views[:1] if self._points_at(understood, v)]
        named = [lid for lid in named if self._speaks_to(understood.question, lid)]
        if not named:
            return None
        return reduce(join_drafts, [self._detail(lid, found, understood.question) for lid in named]), found

    def _told_by_skill(self, understood: Understood) -> tuple[Draft, list[Passage]] | None:
        """What is asked of a tool the guide cannot answer for ("where is LangChain a hard requirement?"): the
        postings that name it say what they want of it. None (the refusal stands) when no posting names it, or
        when the question is not about what the work asks or involves."""
        if understood.intent not in (Intent.skills, Intent.responsibilities):
            return None
        search = understand(understood.question, intent=Intent.listings, employers=self.library.employers)
        if not search.filters.skills:
            return None
        found = self.library.passages(self._listing_hits(search))
        listed = self._listings(search, found)
        return (listed, found) if listed.answerable else None

    def _told_by_job(self, understood: Understood) -> tuple[Draft, list[Passage]] | None:
        """A job the question describes by what it works on ("Fraud and identity verification data science job,
        remote in the US — what does it pay?"): no section covers one job, and the one listing found whose text
        holds every word the question sets it apart by may. None (the refusal stands) when the question names no
        role and job, or when no found listing, or more than one, holds them all."""
        if not names_a_job(understood.question):
            return None
        search = understand(understood.question, intent=Intent.listings, employers=self.library.employers)
        rare = self._rare(search.asked)
        if not search.role_terms or len(rare) < 2:
            return None
        found = self.library.passages(self._listing_hits(search))
        holding = [
            view.id
            for view in answer_listings(search, found, self.library.listings).listings
            if self._holds(view.id, rare)
        ]
        if len(holding) != 1:
            return None
        return self._detail(holding[0], found, understood.question), found

    def _holds(self, listing_id: str, words: list[str]) -> bool:
        text = self._text_of(listing_id)
        return all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)

    def _text_of(self, listing_id: str) -> str:
        return " ".join(p.text for p in self.library.document(f"listing:{listing_id}")).lower()

    def _points_at(self, understood: Understood, view: ListingView) -> bool:
        """Whether a question is about a job: it says "role" or "job", "the Deepgram one", or a word only few titles
        have ("fellows" in "anthropic fellows: visas?"). "How many engineers does Anthropic employ?" asks about the
        company."""
        said = set(WORD.findall(understood.question.lower()))
        rare = self.library.retriever.columns.rare_title_words(view.title)
        # "the Deepgram one": the company's job, named as one of its kind.
        one = re.search(rf"\b{re.escape(view.company)}(?:'s)? one\b", understood.question, re.I)
        return names_a_job(understood.question) or bool(rare & said) or one is not None

    def _speaks_to(self, question: str, listing_id: str) -> bool:
        """Whether a listing's text holds a word of the question that few chunks hold ("visas", "travel"): support
        for an answer the guide could not give. A common word is no support ("employ" is not "employment" of every
        equal-opportunity notice)."""
        view = self.library.listings[listing_id]
        named = set(WORD.findall(f"{view.title} {view.company}".lower()))
        text = self._text_of(listing_id)
        asked = [w for w in self._rare(WORD.findall(question.lower())) if w not in named]
        return any(re.search(rf"\b{re.escape(w)}\b", text) for w in asked)

    def _listings(self, understood: Understood, passages: list[Passage]) -> Draft:
        listed = answer_listings(
            understood,
            passages,
            self.library.listings,
            self._asked_of_found(understood),
            self.library.document,
            self._weights(understood.question),
        )
        if len(listed.listings) == 1 and (
            understood.asked or understood.close[:1] in ([Intent.skills], [Intent.responsibilities])
        ):
            # "what does Lemon.io's senior AI engineer require?", "the Raft MLOps posting: what does its text say
            # the range is?": one job found, and the question asks something of it beyond the search.
            return self._detail(listed.listings[0].id, passages, understood.question)
        asked = self._asked_of_named(understood, listed.listings)
        if asked:  # "anthropic fellows program - what's the stipend?": that job, and what it says of that
            return reduce(join_drafts, [self._detail(lid, passages, understood.question) for lid in asked])
        return listed

    def _asked_of_found(self, understood: Understood) -> list[str]:
        """What a search asks of the jobs it finds: the words of the parts after the one that searches ("is there a
        forward-deployed AI architect role? how many yrs experience do they ask for"), else its rare words
        ("MLOps roles that need a security clearance")."""
        later = {w for part in question_parts(understood.question)[1:] for w in WORD.findall(normalized(part))}
        return [w for w in understood.asked if w in later and terms_of([w])] or self._rare(understood.asked)

    def _with_guide_pay(self, understood: Understood, draft: Draft) -> Draft:
        """A search whose pay is compared with the guide's ("how does the Coinbase posting's range compare with
        your guide's US range?") gets the guide's range beside the jobs: for the markets it names, else the
        markets of the jobs found."""
        if not (draft.answerable and understood.comparison and _reads_pay(understood)):
            return draft
        reading = understand(understood.question, intent=Intent.pay, employers=self.library.employers)
        found = [self.library.listings[v.id] for v in draft.listings if v.id in self.library.listings]
        if not reading.markets:
            reading.markets = list(dict.fromkeys(m for listing in found for m in listing_markets(listing)))
        if len(found) == 1:  # one job: its range placed in the market's ("partly inside the range for ...")
            reading.figure = found[0].salary
        hits = self._guide_hits(reading)
        guide = self._guide(reading, hits, self.library.passages(hits))
        return join_drafts(draft, guide) if guide.answerable else draft

    def _rare(self, words: list[str]) -> list[str]:
        """The words few chunks hold ("clearance", unlike "open" or "team"): what sets a listing apart."""
        retriever = self.library.retriever
        parts = dict.fromkeys(part for word in words for part in word.split("-"))  # as the keyword index cuts them
        return [w for w in parts if 0 < retriever.share_with(w) <= RARE_WORD_SHARE]

    def _with_other_parts(self, understood: Understood, draft: Draft) -> Draft:
        """A question asking two things ("what skills do they want, and how will the interviews test them?"):
        a part read on its own as another guide topic is answered from that topic's section after the first."""
        cited = {c.id for c in draft.citations}
        for part in question_parts(understood.question)[1:]:
            reading = understand(part, employers=self.library.employers)
            if reading.intent in (understood.intent, Intent.listings, Intent.general, Intent.off_topic):
                continue
            if reading.fragment or reading.scores.get(reading.intent.value, 0.0) < PART_SURE:
                continue
            hits = self._guide_hits(reading)
            other = self._guide(reading, hits, self.library.passages(hits))
            if other.answerable and not {c.id for c in other.citations} <= cited:
                draft = join_drafts(draft, other)
                cited |= {c.id for c in other.citations}
        return draft

    def _guide(self, understood: Understood, hits: list[Hit], passages: list[Passage]) -> Draft:
        sections = chosen_sections(understood, hits, self.section_profile, self.section_nearest)
        seconds = second_readings(understood, hits, self.section_profile)
        closeness = self.library.retriever.closeness
        return answer_guide(understood, passages, sections, seconds, closeness, self.has_siblings)

    def _pointed(self, resolved: Resolved, hits: list[Hit]) -> tuple[Draft, list[Passage]] | None:
        """The shown listings a follow-up points at, each with what its description says about the question;
        then the guide's answer to a question asked beside them. None when none of them is indexed now."""
        asked = asked_about(resolved.understood.question)
        drafts, passages = [], []
        for listing_id in resolved.listing_ids:
            own = self.library.passages(self.library.retriever.hits_for(f"listing:{listing_id}"))
            if self.library.listings.get(listing_id) and own:
                drafts.append(self._detail(listing_id, own, asked))
                passages += own
        if not drafts:
            return None
        if resolved.guide and hits:
            found = self.library.passages(hits)
            guide = self._guide(resolved.guide, hits, found)
            if guide.answerable:
                drafts.append(guide)
                passages += found
        return reduce(join_drafts, drafts), passages

    def _asked_of_named(self, understood: Understood, views: list[ListingView]) -> list[str]:
        """The found listings the question names by the words that set their titles apart, when it asks
        something their descriptions speak to; none when it only searches ("senior ML engineer jobs")."""
        question = understood.question
        # A rare title word the question searches by ("python django jobs", "AI engineer in Brazil") names a skill or
        # a place, not one job.
        filters = understood.filters
        slots = filters.skills + understood.role_terms + [country_name(c) for c in filters.countries] + filters.regions
        searched = {stem(w) for slot in slots for w in WORD.findall(slot.lower())}
        said = {stem(word) for word in WORD.findall(question.lower())}
        columns = self.library.retriever.columns
        named, wholly, matched = [], [], set()
        titles = [{stem(word) for word in WORD.findall(view.title.lower())} for view in views]
        for view, title in zip(views, titles, strict=True):
            rare = {stem(word) for word in columns.rare_title_words(view.title)} - searched
            # A title inside a longer one the question says ("Senior Machine Learning Engineer in the title" holds
            # "Machine Learning Engineer") does not name its job: the longer one's does.
            inside = any(title < other & said for other in titles)
            whole = title <= said and _says(question, view.company) and not inside
            if whole or (rare and (rare <= said or len(rare & said) >= 2)):  # all the words its title alone has
                named.append(view.id)
                matched.add(frozenset(rare & said) if not whole else frozenset(title))
            # "What is the Anthropic Fellows Program?" asks about the posting itself: nothing else is asked, and
            # its title is its own ("senior machine learning engineer at Waymo" searches).
            if (
                whole
                and rare
                and not specific_terms(question) - title - {stem(w) for w in WORD.findall(view.company.lower())}
            ):
                wholly.append(view.id)
        if not named or len(named) > MAX_NAMED:
            return []
        if len(named) > 1 and len(matched) == 1 and not wholly:
            return []  # the same words in several titles name a team or a kind of job ("an embedding platform team")
        return [lid for lid in named if lid in wholly or describes(question, self.library.document(f"listing:{lid}"))]

    def _detail(self, listing_id: str, passages: list[Passage], question: str) -> Draft:
        """One listing's facts, from the first of `passages` that is its, and what its description says about
        the question."""
        doc_id = f"listing:{listing_id}"
        facts = next(p for p in passages if p.doc_id == doc_id)
        listing = self.library.listings[listing_id]
        described, weights = self.library.document(doc_id), self._weights(question)
        return answer_listing_detail(facts, listing, question, described, weights, _asks_pay(question))

    def _weights(self, question: str) -> dict[str, float]:
        """Each of the question's terms by how few chunks hold it (inverse document frequency): "langchain" says
        more about which sentence answers than "looking" or "plus"."""
        retriever = self.library.retriever
        floor = 1 / max(len(retriever.chunks), 1)
        return {stem(w): -math.log(max(retriever.share_with(w), floor)) for w in WORD.findall(normalized(question))}

    @staticmethod
    def _also_listings(understood: Understood) -> bool:
        """Listings beside a guide answer when the classifier found a search nearly as likely and the question
        names something a search can filter on (a place, a work mode)."""
        return Intent.listings in understood.close and bool(understood.markets or understood.unknown_markets)

    def _with_llm(
        self,
        answer: Answer,
        question: str,
        passages: list[Passage],
        history: list[Turn],
        on_token: Callable[[str], None] | None,
    ) -> Answer:
        from assistant.answer.check.support import check_answer
        from assistant.answer.llm import LLMError, generate

        turns = [
            (role, text)
            for turn in history[-3:]
            for role, text in (("user", turn.question), ("assistant", turn.answer))
        ]
        try:
            text = generate(question, passages, self.settings, history=turns, on_token=on_token)
        except LLMError as error:
            answer.notices.append(f"The language model failed ({error}); this answer is extractive.")
            return answer
        checked = check_answer(text, passages)
        if not checked.kept:
            answer.notices.append("The language model's answer failed the citation check; this answer is extractive.")
            return answer
        if not checked.citations:  # a reply that cites nothing ("Good question!") says nothing checkable
            answer.notices.append("The language model's answer cited no source; this answer is extractive.")
            return answer
        notices = [
            f"Removed a sentence that its sources do not support: {sentence!r} ({reason})"
            for sentence, reason in checked.removed
        ]
        return answer.model_copy(
            update={
                "answer": checked.text,
                "citations": checked.citations,
                "backend": f"openai:{self.settings.llm_model}",
                "notices": answer.notices + notices,
            }
        )
