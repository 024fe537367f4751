"""Question understanding: a plain question becomes an intent (with its probabilities) plus the structured
filters the retriever applies.

Offline: the intent comes from a learned model, the slots from rules over one shared vocabulary. The result is
shown to the user, so every filter and every decision comes with one ``explanation`` line that quotes the words
of the question it came from ("region: Europe (from 'in europe')") or the classifier's score.

How a question is read:

* Instruction-like text ("ignore previous instructions", "system prompt") is blanked out before anything
  else: the question is data, and nothing in it changes what is extracted. A question that is nothing but
  such text is off topic.
* It is cut into tokens that keep their place in the original text; each token is normalized (lower case,
  abbreviations such as "sr" and "mle", and known typos).
* One extractor per slot (sources, companies, skills, seniority, work mode, employment type, salary amounts,
  salary disclosure, posting age, places, role words) finds its cues, whatever the intent. A search's words no
  extractor reads are kept as `Understood.asked`: what it asks of the listings beyond its filters. Companies
  are the indexed listings' own (`Employers`: a name no other text uses is read in any case), besides proper
  nouns where a company stands. Skills are assistant.corpus.listings.enrich's vocabulary, so whatever a
  listing can be tagged with can be asked for. A work mode said to be acceptable ("office-based is fine too")
  widens the others and alone filters nothing.
* The intent is the classifier's (`classifier`: logistic regression over all-MiniLM-L6-v2 embeddings, trained
  on evals/train.jsonl): a probability per label, the best one decides and close runners-up are kept
  (`Understood.close`). The slots then settle what the wording cannot (`intent`): a company's pay is its
  listings', pay for a place is the pay table's question, a board, a posting age, a stated salary or a salary
  bound on a job noun only exists on listings, and a search said as one ("find ... jobs") is a search when the
  classifier is not sure of a guide topic. An elliptical follow-up ("and in the UK?") is marked `fragment`;
  the previous turn completes it (assistant/answer/followup.py). A career topic no guide section covers is
  `unsupported` and refused.
* A salary amount is read by assistant.vocab.money in the currency the question names (symbol, code or word),
  else US dollars, never guessed from a place (nor read from a retirement plan's name, "401k"); it is
  annualized at the ECB rate of ``today``. In a listing question it is a floor (or, after "under"/"up to", a
  ceiling that filters nothing); in a pay question it is the `figure` the answer compares with the range.
* Only a listing question carries listing filters (``kind="listing"``). A guide question carries
  ``kind="guide"`` and nothing else; the places it names go to ``markets`` (the guide's pay markets) and
  ``unknown_markets`` (other places), so a follow-up such as "and in the UK?" keeps its place. Listing cues
  found in a guide question are named in one "not applied" explanation line, not silently dropped.

Modules: `text` (tokens and normalization), `injection` (instruction-like text), `cues` (the extracted cues and
their hits), one module per extractor (`sources`, `companies`, `skills`, `roles`, `seniority`, `work_mode`,
`employment`, `salary`, `posted`, `places`, `comparison`), `vocabulary` (the words the extractors read, which no
company name is, and the words they leave), `extract` (runs the extractors), `classifier` (the learned intent
model), `listing` (the forms that ask for postings), `intent` (the decision), `listing_filters` and `markets`
(what a listing or guide question carries), `results` (`Intent`, `Understood`; `Filters` is the index's) and
`assemble` (`understand`).
"""

from .assemble import understand
from .companies import Employers
from .markets import MARKETS
from .results import Filters, Intent, Understood
from .text import WORD, normalized, question_parts
from .vocabulary import names_a_job

__all__ = [
    "Employers",
    "Intent",
    "Filters",
    "Understood",
    "understand",
    "normalized",
    "names_a_job",
    "question_parts",
    "MARKETS",
    "WORD",
]
