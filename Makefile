# `make` reproduces everything from a clean clone; `make test` checks it. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ARTICLES := $(wildcard data/articles/*.txt)
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))

.PHONY: all analyse notebooks test fuzz evaluate corpus bench lab html report clean

all: analyse notebooks

$(STAMP): requirements.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

analyse: $(STAMP)
	for f in $(ARTICLES); do $(PY) -m newslens analyse "$$f" --out "data/processed/$$(basename "$$f" .txt)" || exit 1; done

notebooks: $(STAMP)
	$(PY) -m newslens execute $(NOTEBOOKS)

test: $(STAMP)
	$(PY) -m pytest

# the generated-article properties (tests/test_properties.py) at 10,000 examples; prints how many ran
fuzz: $(STAMP)
	NEWSLENS_HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q tests/test_properties.py --hypothesis-show-statistics

# accuracy on the research data (../shared, ~/.cache) when it is here, recorded as figures in data/evaluation/
evaluate: $(STAMP)
	$(PY) -m newslens evaluate --record

# the clean Russia-Ukraine 2022 articles of ../shared analysed from scratch on Dask (full tables in build/corpus/),
# their aggregates recorded in data/corpus/ru_ua_2022/ (names, counts, ids, dates, outlets; no text); then notebook 06
corpus: $(STAMP)
	$(PY) -m newslens corpus-record
	$(PY) -m newslens execute notebooks/06-corpus.ipynb

# stand-alone pages of the notebooks as committed (figures embedded) in html/, for readers without Jupyter
html: $(STAMP)
	$(PY) -m newslens html $(NOTEBOOKS) --out html

# every notebook run for one article of yours (a text file or a news page saved as .html), in reports/<article>/:
# make report ARTICLE=path/to/article.txt, with ENCODING=latin-1 (any --encoding) for a file that is not UTF-8
report: $(STAMP)
	@test -n "$(ARTICLE)" || { echo "make report: name the article, e.g. make report ARTICLE=path/to/article.txt"; exit 1; }
	$(PY) -m newslens report "$(ARTICLE)" --out "reports/$(basename $(notdir $(ARTICLE)))"$(if $(ENCODING), --encoding "$(ENCODING)")

bench: $(STAMP)
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/bench_corpus.py

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ip 127.0.0.1 --no-browser --notebook-dir notebooks

clean:
	rm -rf $(VENV)
