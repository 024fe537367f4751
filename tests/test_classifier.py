"""The intent classifier: weights trained on the current training file, probabilities, and reading paraphrases
it was not fitted on."""

import re

import numpy as np
import pytest

from assistant.query import Intent, classifier, understand


def test_the_committed_weights_come_from_the_current_training_file():
    # Edit evals/train.jsonl, then run `career-assistant intent train`: weights and data must not drift apart.
    assert classifier.model().digest == classifier.file_digest(), "run `career-assistant intent train`"


def test_every_training_label_is_known_and_has_many_paraphrases():
    examples = classifier.read_examples()
    counts = {label: sum(e.intent == label for e in examples) for label in classifier.LABELS}
    assert min(counts.values()) >= 50, counts


def test_scores_are_probabilities_over_every_label():
    scores = classifier.classify("what do senior ML engineers earn in Germany?")
    assert set(scores) == set(classifier.LABELS)
    assert abs(sum(scores.values()) - 1) < 1e-4
    assert list(scores.values()) == sorted(scores.values(), reverse=True)  # best first


def test_held_out_paraphrases_are_read_right():
    """Fitted on four fifths of the training file, the model reads the other fifth — wording it never saw."""
    examples = classifier.read_examples()
    rng = np.random.default_rng(0)
    held = rng.random(len(examples)) < 0.2
    texts = np.array(classifier.normalized_texts([e.text for e in examples]))
    labels = np.array([e.intent for e in examples])
    model = classifier.fit(list(texts[~held]), list(labels[~held]))
    predicted = np.array([max(s := model.scores(v), key=s.__getitem__) for v in model.features(list(texts[held]))])
    assert (predicted == labels[held]).mean() >= 0.8


def test_the_reading_is_explained_with_its_score():
    understood = understand("how long does the interview loop usually take?")
    assert understood.intent is Intent.hiring
    assert understood.scores["hiring"] == max(understood.scores.values())
    assert re.match(r"intent: hiring \(classifier hiring [01]\.\d\d\)", understood.explanation[0])


def test_a_company_s_pay_is_read_from_its_listings():
    # The guide has no pay by company: the company's listings answer, whatever the classifier says.
    understood = understand("What does Waymo pay its machine learning engineers?")
    assert understood.intent is Intent.listings
    assert understood.filters.companies == ["Waymo"]


def test_an_acceptable_work_mode_is_no_filter():
    understood = understand("ML engineer jobs in Europe, remote ideally (office-based is fine too)")
    assert understood.intent is Intent.listings
    assert set(understood.filters.work_modes) == {"remote", "onsite"}
    assert understand("office-based is fine: ML jobs in Berlin").filters.work_modes == []


@pytest.mark.parametrize(
    "question",
    [
        "computer vision ML engineer roles? happy to be on-site",
        "ML jobs in London, I don't mind working in the office",
        "data science roles in Berlin, open to hybrid",
    ],
)
def test_a_work_mode_said_acceptable_before_it_filters_nothing(question):
    assert understand(question).filters.work_modes == []


@pytest.mark.parametrize(
    "question",
    [
        "AI infrastructure jobs in Germany? can they be done remote?",
        "ML jobs in Germany, are any of them remote?",
        "machine learning roles in Madrid - could these be fully remote?",
    ],
)
def test_a_work_mode_asked_of_the_jobs_found_filters_nothing(question):
    understood = understand(question)
    assert understood.intent is Intent.listings and understood.filters.countries
    assert understood.filters.work_modes == []


def test_a_wanted_work_mode_beside_an_acceptable_one_keeps_both():
    assert set(understand("remote ML jobs, open to hybrid").filters.work_modes) == {"remote", "hybrid"}
    assert understand("on-site ML jobs in London").filters.work_modes == ["onsite"]


@pytest.mark.parametrize(
    "question", ["red flags list pls, remote ML job hunting", "how is the job market for senior MLEs these days?"]
)
def test_a_job_noun_naming_an_activity_or_a_market_asks_for_no_postings(question):
    assert understand(question).intent is not Intent.listings


def test_a_search_said_as_one_still_is():
    assert understand("list remote ML roles").intent is Intent.listings


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("List the red flags in remote senior ML job descriptions.", Intent.flags),
        ("what should I find out about a remote senior MLE role before I even apply?", Intent.checks),
    ],
)
def test_a_search_verb_and_a_job_noun_do_not_overrule_a_model_that_reads_no_search(question, intent):
    understood = understand(question)
    assert understood.intent is intent and understood.scores["listings"] < 0.05


@pytest.mark.parametrize(
    "question",
    [
        "Is there a research engineer role on post-training and evaluation?",
        "are there any applied scientist positions in Canada?",
        "any NLP jobs that use Rust?",
        # The clause ends at the job noun, its "?" outside the normalized words; "there's" is "there".
        "is there a client-facing ML architect kind of role? how senior is it",
        "There's an ML engineer role at a bank in Canada, right? What would I build?",
    ],
)
def test_asking_whether_postings_of_a_named_role_exist_is_a_search(question):
    """The role word right before the job noun, after "is there" or "any": a search, however sure the model is
    of the topic the other words are about ("post-training and evaluation" reads as responsibilities)."""
    assert understand(question).intent is Intent.listings


@pytest.mark.parametrize(
    "question",
    ["Is there a senior ML role ladder at most companies?", "Are there any telltale signs an ML job is mislabeled?"],
)
def test_a_role_and_a_job_noun_that_name_no_posting_are_no_search(question):
    assert understand(question).intent is not Intent.listings
