"""Question understanding: a plain question becomes an intent plus the structured filters the retriever applies.

Pure, offline and fixed-vocabulary: no model, no network, no fuzzy-matching package. The result is shown to
the user, so every filter and every decision comes with one ``explanation`` line that quotes the words of the
question it came from ("region: Europe (from 'in europe')").

How a question is read:

* It is cut into tokens that keep their place in the original text, and each token is normalized: lower
  case, a small fixed table of abbreviations and typos ("sr", "snr" → senior, "mle" → ml engineer,
  "ds" → data science as a whole word, "redflags" → red flags), and a strict difflib pass that fixes only
  near-misses of a short keyword list. Every pattern below runs on the normalized text; every quote in the
  explanation is cut from the original.
* Instruction-like text ("ignore previous instructions", "system prompt") is blanked out before anything
  else: the question is data, and nothing in it changes what is extracted. A question that is nothing but
  such text is off topic.
* One extractor per filter (sources, companies, skills, seniority, work mode, salary floor, salary
  disclosure, posting age, places, role words) finds its cues, whatever the intent.
* The intent is then decided. Listings when the question asks to find/show/list jobs, or names a role noun
  with a listing-only filter ("roles paying 150k+", "jobs that state a salary"), or refers to earlier
  results ("which of these ..."), or is a bare role-noun question with no guide topic ("remote ML jobs in
  Europe?") that does not ask about what the jobs come with ("do ML jobs sponsor visas?"), or names one
  posting by its title or what is open where ("senior ML engineer at Waymo in London", "anything in
  Ireland?"), or asks what a named company pays (its listings that state a salary). Otherwise the first
  guide topic that matches, in a fixed priority order (flags, PhD/degree, checks, levels, time split, pay,
  the other FAQ topics, hiring, how the work is done (overview), skills, responsibilities, employers, what
  the role is (overview)), else general. Off topic comes first: an unrelated subject (weather, recipes,
  sports...) and no career word, or nothing but instruction-like text.
* A salary amount is read by assistant.salary in the currency the question names (symbol, code or word),
  else US dollars, never guessed from a place (nor read from a retirement plan's name, "401k"); it is
  annualized at the ECB rate of ``today``. An amount after "under"/"up to" is a ceiling, which filters
  nothing and is explained as ignored; any other is a floor.
* Only a listing question carries listing filters (``kind="listing"``). A guide question carries
  ``kind="guide"`` and nothing else, so its filters are safe to apply to guide sections as they are; the
  places it names go to ``markets`` (the guide's pay markets) and ``unknown_markets`` (other places), for
  every guide intent, so a follow-up such as "and in the UK?" keeps its place. Listing cues found in a
  guide question are named in one "not applied" explanation line, not silently dropped.

Modules: `text` (tokens and normalization), `injection` (instruction-like text), `cues` (the extracted
cues and their hits), one module per extractor (`sources`, `companies`, `skills`, `roles`, `seniority`,
`work_mode`, `salary`, `posted`, `places`, `comparison`), `vocabulary` (the words the extractors read, which
no company name is), `extract` (runs the extractors), `topics` (guide topics), `listing` (listing triggers),
`intent` (off topic and the intent decision), `listing_filters` and `markets` (what a listing or guide
question carries), `results` (`Intent`, `Filters`, `Understood`) and `assemble` (`understand`, which uses
all the others).
"""

from .assemble import understand
from .markets import MARKETS
from .posted import RECENT_DAYS
from .results import Filters, Intent, Understood
from .text import normalized

__all__ = ["Intent", "Filters", "Understood", "understand", "normalized", "MARKETS"]
