# Two entry points: `make serve` (the main job) and `make test`. Both create .venv when it is missing.
PY      := .venv/bin/python
CLI     := .venv/bin/career-assistant
FEEDS   ?= ../shared/feeds
STAMP   := .venv/.installed

.PHONY: serve test install clean

$(PY):
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip

# torch first, pinned, so no dependency can pull a CUDA build.
$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(CLI) serve --feeds $(FEEDS)

test: $(STAMP)
	$(PY) -m pytest

clean:
	rm -rf .venv

# The index benchmark (issue 3): writes bench/results/index.{json,md,png}; takes about an hour on 2 cores
# (see bench/index_bench.py).
.PHONY: bench
bench: $(STAMP)
	$(PY) bench/index_bench.py

# The README's screenshots, taken by the browser tests themselves.
.PHONY: screenshots
screenshots: $(STAMP)
	SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest tests/test_web.py -q -k "pay_question or brief_for_a_listing or whole_words"

# The web benchmark: answers through a running `career-assistant serve` (needs `make serve`'s snapshot and index).
.PHONY: bench-web
bench-web: $(STAMP)
	$(PY) bench/web_bench.py

# Long fuzzing runs (issue 11): 10,000 inputs per parser, runs of one piece up to 5,000 long, 5 s of CPU an input;
# bench/fuzz.py writes what each parser was tried on, each test's outcome, the commit and a digest of the code
# fuzzed to bench/results/fuzz.json, and prints the counts.
FUZZ_EXAMPLES ?= 10000
.PHONY: fuzz
fuzz: $(STAMP)
	$(PY) bench/fuzz.py --examples $(FUZZ_EXAMPLES) --run 5000 --deadline 5 --out bench/results/fuzz.json

# docs/reliability.md (+ .json, -soak.png) from measurements made by the command itself: SIGKILLs, index
# corruptions, a 10-minute soak of 20 chat sessions against a real `serve`; and fuzzing, quoted from
# bench/results/fuzz.json when `make fuzz` fuzzed exactly this code with >= RELIABILITY_EXAMPLES per parser,
# else run here with RELIABILITY_EXAMPLES.
RELIABILITY_EXAMPLES ?= 10000
SOAK_MINUTES ?= 10
.PHONY: reliability
reliability: $(STAMP)
	$(PY) bench/reliability.py --examples $(RELIABILITY_EXAMPLES) --fuzz-report bench/results/fuzz.json \
		--soak-minutes $(SOAK_MINUTES) --soak-sessions 20
