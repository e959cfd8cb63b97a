"""Score the analysis on the GenderGapTracker (GGT) format: quotes, the speaker name a reader is shown, people.

A GGT record (one JSON object a line) holds an article's `text`, its gold `people`, its quoted people
(`sourcesFemale`, `sourcesMale`, `sourcesUnknown`) and its `quotes`, each with `quote_span`, `speaker`, `speaker_span`,
`verb` and `reference` (the fullest name of the speaker, also for "he" and for follow-on quotes). Every figure
replicates the reference scorer ../shared/ggt/score_ggt.py (`--explain` defines them; its default `--nested drop`):

- quotes: one row per quoted span (a predicted quote inside another predicted quote is dropped). For each gold quote
  in order, the remaining prediction covering more than the threshold of its characters (strictly), the first of
  equal ones, is matched and removed. P/R/F1 at coverage 0.3 and 0.8, micro-summed over articles.
- speaker name: of the quotes found, the share whose shown speaker names the gold reference (accents, possessive 's,
  case, punctuation and a leading the/a/an ignored; equal words, or the same last word, or one's words a run inside
  the other's; an empty or pronoun speaker is never right). Split by the gold speaker's form (named; pronoun;
  follow-on = no gold speaker words) and by whether the reference is in the article's gold people. The GGT span rule
  (speaker spans overlap, or no predicted and no gold speaker words) and GGT's verb match are given beside it.
- people mentioned: entities of kind person vs gold people; quoted people: distinct person speakers (speaker_kind)
  vs gold sources. Both as sets of GGT clean names (non-word characters to spaces, a trailing "s" word dropped,
  lower case) compared exactly ("strict").

Speaker errors (found quotes at the lower coverage whose shown name is wrong), one class each, first that applies:
  unattributed         the reader is shown no speaker
  pronoun shown        the shown speaker is a pronoun ("he", "they")
  description shown    the shown speaker has no capitalised word: a common noun phrase ("officials", "the mayor")
  non-person for a person    the reference is one of the gold people, the shown speaker is not of kind person
  person for a non-person    the reference is not a gold person (an organisation, a group), the shown one is a person
  different person     both are people, with different names
  different non-person both are organisations, groups or places, with different names
Each class is counted by gold form too: the column "gold follow-on" holds quotes found whose gold quote continues a
speaker named earlier (no speaker words), where the error lies in carrying the speaker over.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd

from .measure import stamp
from .offsets import check_span
from .quotes.table import quotes_only

THRESHOLDS = (0.3, 0.8)
DATASET = "GGT dev"  # the name its figures are recorded under in data/evaluation/ggt.csv
# The reference scorer's definitions, fixed so the figures stay comparable with it (not a reader's word list).
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers", "their", "theirs",
            "its", "our", "us", "me", "one", "who", "whom", "this", "that", "these", "those", "someone", "somebody"}
DETERMINERS = {"the", "a", "an"}
FORMS = ("named", "pronoun", "follow-on")
ERROR_CLASSES = {
    "unattributed": "no speaker shown",
    "pronoun shown": "a pronoun shown as the speaker",
    "description shown": "a common noun phrase shown (no capitalised word)",
    "non-person for a person": "reference is a gold person; shown speaker is not of kind person",
    "person for a non-person": "reference is not a gold person; shown speaker is of kind person",
    "different person": "both people, different names",
    "different non-person": "both organisations, groups or places, different names",
}


# ---------------------------------------------------------------------------------------------------------------
# Names: GGT's clean name for sets, the looser rule for a speaker against a reference.

def clean_name(name: str) -> str:
    """GGT's name key: non-word characters to spaces, a trailing possessive "s" word dropped, lower case."""
    words = re.sub(r"\W", " ", name).split()
    if len(words) > 1 and words[-1] == "s":
        words = words[:-1]
    return " ".join(words).lower()


def name_tokens(name: str) -> list[str]:
    """The lower-case words of a name without accents, possessive 's or a leading determiner."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"['\u2019]s\b", "", s)
    words = re.sub(r"\W+", " ", s.lower()).split()
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return words


def is_pronoun_or_empty(name: str) -> bool:
    """Is a shown speaker empty, or a lone pronoun?"""
    words = name_tokens(name)
    return not words or (len(words) == 1 and words[0] in PRONOUNS)


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


def names_match(shown: str, reference: str) -> bool:
    """Does the shown speaker name the reference: equal words, the same last word, or one a run inside the other?"""
    if is_pronoun_or_empty(shown):
        return False
    p, g = name_tokens(shown), name_tokens(reference)
    if not g:
        return False
    return p == g or p[-1] == g[-1] or _contains(p, g) or _contains(g, p)


def strict_counts(gold: Sequence[str], found: Sequence[str]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives of two name sets compared by clean name."""
    g = {clean_name(x) for x in gold} - {""}
    p = {clean_name(x) for x in found} - {""}
    return len(g & p), len(p - g), len(g - p)


# ---------------------------------------------------------------------------------------------------------------
# Reading: the gold file and the predicted tables.

def is_ggt_file(path: Path) -> bool:
    """Is this a .jsonl file whose records have GGT `quotes` and `people`?"""
    path = Path(path)
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with open(path, encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        row = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(row, dict) and "quotes" in row and "people" in row


def load_ggt(path: Path, limit: int | None = None) -> list[dict]:
    """The GGT records of a .jsonl file (the first `limit` if given), checked for the fields scoring needs."""
    path = Path(path)
    records = []
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError as err:
        raise ValueError(f"{path}: cannot read the annotation file ({err.strerror})") from None
    needed = ("id", "text", "people", "quotes", "sourcesFemale", "sourcesMale", "sourcesUnknown")
    for n, line in enumerate(lines[:limit] if limit else lines, 1):
        try:
            row = json.loads(line)
            missing = [k for k in needed if k not in row]
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}, line {n}: not JSON ({err})") from None
        if missing:
            raise ValueError(f"{path}, line {n}: not a GGT record (missing {', '.join(missing)})")
        _check_record(row, f"{path}, line {n}")
        records.append(row)
    return records


SPANS = ("quote_span", "speaker_span", "verb_span")


def _check_record(row: dict, where: str) -> None:
    """Raise ValueError naming the field unless the text is a string and every span given lies within it."""
    if not isinstance(row["text"], str):
        raise ValueError(f"{where}, field text: not a string")
    if not isinstance(row["quotes"], list) or not all(isinstance(q, dict) for q in row["quotes"]):
        raise ValueError(f"{where}, field quotes: not a list of quotes")
    for k, quote in enumerate(row["quotes"]):
        for name in SPANS:
            span = quote.get(name)
            if span is None or span == []:  # no span: its words were not found in the text
                continue
            field = f"{where}, field quotes[{k}].{name}"
            if not isinstance(span, list) or len(span) != 2:
                raise ValueError(f"{field}: not a [start, end] pair ({span!r:.40})")
            check_span(*span, len(row["text"]), field)


@dataclass(frozen=True)
class Said:
    """One predicted quote row as the scorer reads it from quotes.csv."""
    start: int
    end: int
    speaker: str
    speaker_kind: str
    cue: str
    speaker_span: tuple[int, int] | None


def _cell(value) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()


def read_said(quotes: pd.DataFrame, text: str) -> list[Said]:
    """The predicted quotes of one article, one row per quoted span (nested ones and repeats dropped)."""
    rows = []
    for r in quotes.itertuples(index=False):
        start, end = int(r.start), int(r.end)
        if not 0 <= start < end <= len(text):
            continue
        ss, se = getattr(r, "speaker_start", None), getattr(r, "speaker_end", None)
        span = (int(ss), int(se)) if _cell(ss) and _cell(se) and int(ss) < int(se) else None
        rows.append(Said(start, end, _cell(r.speaker), _cell(getattr(r, "speaker_kind", "")).lower(),
                         _cell(r.cue), span))
    spans = {(q.start, q.end) for q in rows}
    out, seen = [], set()
    for q in rows:
        if any(a <= q.start and q.end <= b and (a, b) != (q.start, q.end) for a, b in spans):
            continue  # a partial quote inside a longer predicted quote: GGT annotates the quoted span once
        key = (q.start, q.end, q.speaker.lower())
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Matching and scoring.

def coverage(gold: Sequence[int] | None, pred: tuple[int, int] | None) -> float:
    """The share of the gold span's characters that the predicted span covers."""
    if not gold or pred is None or gold[1] <= gold[0] or pred[1] <= pred[0]:
        return 0.0
    return max(0, min(gold[1], pred[1]) - max(gold[0], pred[0])) / (gold[1] - gold[0])


def match_quotes(gold: list[dict], said: list[Said], threshold: float) -> tuple[list[tuple[dict, Said]], int, int]:
    """GGT's greedy matching in gold order: (gold, prediction) pairs, unmatched gold, unmatched predictions."""
    remaining = list(said)
    pairs, missed = [], 0
    for g in gold:
        best, best_cov = None, 0.0
        for q in remaining:
            cov = coverage(g.get("quote_span"), (q.start, q.end))
            if cov > threshold and cov > best_cov:  # strictly more: the first of equal predictions wins
                best, best_cov = q, cov
        if best is None:
            missed += 1
        else:
            pairs.append((g, best))
            remaining.remove(best)
    return pairs, missed, len(remaining)


def gold_form(quote: dict) -> str:
    """How the gold quote names its speaker: named, pronoun, or follow-on (no speaker words)."""
    words = quote.get("speaker") or ""
    if not words.strip():
        return "follow-on"
    return "pronoun" if is_pronoun_or_empty(words) else "named"


def error_class(said: Said, reference_is_person: bool) -> str:
    """The class of a wrong shown speaker (see the module docstring), first that applies."""
    if not said.speaker:
        return "unattributed"
    if is_pronoun_or_empty(said.speaker):
        return "pronoun shown"
    if not any(w[:1].isupper() for w in said.speaker.split()):
        return "description shown"
    shown_person = said.speaker_kind == "person"
    if reference_is_person:
        return "different person" if shown_person else "non-person for a person"
    return "person for a non-person" if shown_person else "different non-person"


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else float("nan")


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"gold": tp + fn, "predicted": tp + fp, "matched": tp, "precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def score(records: Sequence[dict], predicted: dict[str, dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """Summary, speaker accuracy by gold form, speaker error classes and the errors by quote (no names, no text)."""
    counts = {t: Counter() for t in THRESHOLDS}
    people, sources = Counter(), Counter()
    error_rows = []
    for rec in records:
        tables = predicted.get(rec["id"], {})
        said = read_said(tables.get("quotes", pd.DataFrame(columns=["start", "end", "speaker", "cue"])), rec["text"])
        entities = tables.get("mentions", pd.DataFrame(columns=["entity", "kind"]))
        gold_people = {clean_name(p) for p in rec["people"]}
        for t in THRESHOLDS:
            pairs, missed, extra = match_quotes(rec["quotes"], said, t)
            c = counts[t]
            c["tp"] += len(pairs)
            c["fn"] += missed
            c["fp"] += extra
            for g, q in pairs:
                reference = g.get("reference") or ""
                person = clean_name(reference) in gold_people
                right = names_match(q.speaker, reference)
                for group in ("all", gold_form(g), "reference a person" if person else "reference not a person"):
                    c[group] += 1
                    c[group + " right"] += right
                c["verb"] += q.cue.lower() == (g.get("verb") or "").lower().strip()
                gold_span = g.get("speaker_span")
                c["span"] += (coverage(gold_span, q.speaker_span) > 0 if gold_span and q.speaker_span else False) or (
                    q.speaker_span is None and gold_form(g) == "follow-on")
                if t == min(THRESHOLDS) and not right:
                    error_rows.append({"article": rec["id"], "start": q.start, "end": q.end, "gold_form": gold_form(g),
                                       "error": error_class(q, person)})
        found_people = [_cell(e) for e, k in zip(entities["entity"], entities["kind"]) if _cell(k).lower() == "person"]
        people.update(dict(zip(("tp", "fp", "fn"), strict_counts(rec["people"], found_people))))
        speakers = {q.speaker for q in said if not is_pronoun_or_empty(q.speaker) and q.speaker_kind == "person"}
        gold_sources = rec["sourcesFemale"] + rec["sourcesMale"] + rec["sourcesUnknown"]
        sources.update(dict(zip(("tp", "fp", "fn"), strict_counts(gold_sources, speakers))))

    summary, by_form = [], []
    for t, c in counts.items():
        summary.append({"measure": "quotes", "coverage": t, **_prf(c["tp"], c["fp"], c["fn"]),
                        "speaker_name_accuracy": _ratio(c["all right"], c["all"]),
                        "speaker_span_accuracy": _ratio(c["span"], c["all"]), "verb_accuracy": _ratio(c["verb"], c["all"])})
        for group in ("all", *FORMS, "reference a person", "reference not a person"):
            by_form.append({"coverage": t, "gold": group, "found": c[group], "right": c[group + " right"],
                            "accuracy": _ratio(c[group + " right"], c[group])})
    summary.append({"measure": "people mentioned (strict)", **_prf(people["tp"], people["fp"], people["fn"])})
    summary.append({"measure": "quoted people (strict)", **_prf(sources["tp"], sources["fp"], sources["fn"])})
    errors = pd.DataFrame(error_rows, columns=["article", "start", "end", "gold_form", "error"])
    found = counts[min(THRESHOLDS)]["all"]
    classes = []
    for name, meaning in ERROR_CLASSES.items():
        these = errors[errors["error"] == name]
        classes.append({"error": name, "quotes": len(these), "share_of_found": _ratio(len(these), found),
                        **{f"gold {f}": int((these["gold_form"] == f).sum()) for f in FORMS}, "meaning": meaning})
    return {"summary": pd.DataFrame(summary), "by_form": pd.DataFrame(by_form),
            "error_classes": pd.DataFrame(classes), "errors": errors}


# ---------------------------------------------------------------------------------------------------------------
# Running the analysis, the result table, the report.

def analyse_records(records: Sequence[dict], progress: bool = True) -> dict[str, dict[str, pd.DataFrame]]:
    """Run the analysis on each record's text in this process; its quotes (without the sources' reported views, which
    GGT does not count as quotes) and mentions tables by article id."""
    from tqdm import tqdm

    from .article import parse_article
    from .tables import analyse

    out = {}
    for rec in tqdm(records, desc="analysing", unit="article", disable=not progress):
        tables = analyse(parse_article(rec["text"], rec["id"]))
        out[rec["id"]] = {"quotes": quotes_only(tables["quotes"]), "mentions": tables["mentions"]}
    return out


def result_table(tables: dict[str, pd.DataFrame], dataset: str, articles: int, quotes: int,
                 stamp: dict[str, str]) -> pd.DataFrame:
    """Every figure as one row (figure, value) with dataset, size, date and commit: fit to commit, no names or text."""
    rows = []
    for r in tables["summary"].to_dict("records"):
        label = r["measure"] + (f" @{r['coverage']}" if r["measure"] == "quotes" else "")
        keys = ["precision", "recall", "f1"] + (
            ["speaker_name_accuracy", "speaker_span_accuracy", "verb_accuracy"] if r["measure"] == "quotes" else [])
        rows += [(f"{label} {k}", r[k]) for k in keys]
    for r in tables["by_form"].to_dict("records"):
        rows += [(f"speaker name accuracy @{r['coverage']} gold {r['gold']}", r["accuracy"]),
                 (f"quotes found @{r['coverage']} gold {r['gold']}", r["found"])]
    for r in tables["error_classes"].to_dict("records"):
        rows.append((f"speaker errors @{min(THRESHOLDS)} {r['error']}", r["quotes"]))
    table = pd.DataFrame(rows, columns=["figure", "value"])
    meta = {"dataset": dataset, "articles": articles, "gold_quotes": quotes, **stamp}
    return table.assign(**meta)[[*meta, "figure", "value"]]


def run(path: Path, limit: int | None = None, out: Path | None = None) -> dict[str, pd.DataFrame]:
    """Analyse and score a GGT .jsonl file; print the tables, and write them as CSV into `out` when given."""
    from .files import write_csv

    path = Path(path)
    records = load_ggt(path, limit)
    tables = score(records, analyse_records(records))
    n_quotes = sum(len(r["quotes"]) for r in records)
    tables["result"] = result_table(tables, DATASET, len(records), n_quotes, stamp())
    print(f"\n== {path} (GenderGapTracker format: {len(records)} articles, {n_quotes} gold quotes) ==")
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_rows", 60):
        print(tables["summary"].to_string(index=False, na_rep=""))
        print("\nspeaker name shown vs gold reference, by how the gold names the speaker:")
        print(tables["by_form"].to_string(index=False))
        print(f"\nspeaker errors on quotes found at coverage {min(THRESHOLDS)}:")
        print(tables["error_classes"].to_string(index=False))
    if out is not None:
        for key, table in tables.items():
            write_csv(table, Path(out) / f"{path.stem}-{key}.csv")
    return tables
