"""Measuring apart from analysing: score the research data sets that are here, record the figures in data/evaluation/.

`make evaluate` calls `record()`. It reads research data (../shared, ~/.cache) and writes small tables of figures
only, each row with its data set, its size, the date and the commit measured; never article text. The notebooks and
the README read those tables with `results()`, so a reader's machine without the research data shows the same.
A data set that is not here is skipped with a message and its rows already recorded are kept.
"""
from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Callable

import pandas as pd

from . import paths
from .files import write_csv

QUOTE_COLUMNS = ["dataset", "documents", "coverage", "gold", "predicted", "found", "precision", "recall", "f1",
                 "speaker_accuracy", "measured", "commit"]
CUE_COLUMNS = ["dataset", "cue", "gold", "recall@0.3", "recall@0.8", "speaker_accuracy", "measured", "commit"]
GGT_COLUMNS = ["dataset", "articles", "gold_quotes", "measured", "commit", "figure", "value"]
STANCE_COLUMNS = ["dataset", "articles", "uses", "figure", "value", "count", "of", "measured", "commit"]
PEOPLE_COLUMNS = ["dataset", "articles", "people", "precision", "recall", "mention_precision", "mention_recall",
                  "measured", "commit"]


def results(name: str, folder: Path | None = None) -> pd.DataFrame:
    """A recorded result table (quotes, quotes_by_cue, people, ...) as committed in data/evaluation/; the GGT figures
    with a column saying in words what each measures, beside its recorded name."""
    path = Path(folder or paths.EVALUATION) / f"{name}.csv"
    if not path.is_file():
        raise ValueError(f"{path}: no recorded results; run `make evaluate` beside the research data")
    table = pd.read_csv(path)
    if "figure" in table and name == "ggt":
        table.insert(table.columns.get_loc("figure") + 1, "measures", table["figure"].map(ggt_words))
    return table


# the recorded GGT figure names' parts in a reader's words, in the order they are replaced (the coverage taken out)
GGT_WORDS = [("quotes speaker", "speaker"), ("quotes verb", "verb"), ("speaker errors ", "speaker wrong: "),
             ("speaker_name_accuracy", "speaker name right"), ("speaker name accuracy", "speaker name right"),
             ("speaker_span_accuracy", "speaker words right"), ("verb_accuracy", "speech verb right"),
             (" gold all", ""), (" gold named", ", where the reference names the speaker"),
             (" gold pronoun", ", where the reference speaker is a pronoun"),
             (" gold follow-on", ", where the quote continues the one before"),
             (" gold reference not a person", ", where the speaker is not a person"),
             (" gold reference a person", ", where the speaker is a person"),
             ("(strict)", "(names matched exactly)"), (" f1", " F1")]


def ggt_words(figure: str) -> str:
    """A recorded GGT figure's name in words: 'speaker name accuracy @0.3 gold reference not a person' -> 'speaker
    name right, where the speaker is not a person (a quote found when 30% of it is covered)'."""
    cover = re.search(r" @0\.(\d)", figure)
    words = re.sub(r" @0\.\d", "", figure)
    for code, text in GGT_WORDS:
        words = words.replace(code, text)
    return words + (f" (a quote found when {cover[1]}0% of it is covered)" if cover else "")


# The GGT figures that count quotes (the others are shares of them): "quotes found @0.3 gold named", "speaker errors
# @0.3 unattributed". They share the table's float `value` column with the shares.
GGT_COUNT_FIGURES = ("quotes found ", "speaker errors ")


def ggt_counts(table: pd.DataFrame) -> pd.DataFrame:
    """The counts among the recorded GGT figures, as whole numbers in a `quotes` column instead of `value`."""
    counts = table[table["figure"].str.startswith(GGT_COUNT_FIGURES)]
    return counts.assign(quotes=counts["value"].round().astype("int64")).drop(columns="value")


# The GGT figures a reader asks for first: quote F1, speaker name right overall and by kind of reference, people F1.
GGT_HEADLINE = r"@0\.3 (?:f1|speaker_name_accuracy)|strict\) f1|accuracy @0\.3 gold"


def ggt_headline(table: pd.DataFrame) -> pd.DataFrame:
    """The headline GGT figures (shares), then the speaker errors by kind (counts of quotes): one row each, named by
    what it measures; the data set and commit, the same on every row, are left to said_once."""
    shares = table[table["figure"].str.contains(GGT_HEADLINE)].drop_duplicates("measures")  # one figure, two names
    errors = ggt_counts(table)
    errors = errors[errors["figure"].str.startswith("speaker errors")]
    values = list(shares["value"].round(3)) + list(errors["quotes"])
    names = pd.Index(list(shares["measures"]) + list(errors["measures"]), name="measures")
    return pd.Series(values, index=names, dtype=object).to_frame("value")


def said_once(table: pd.DataFrame, skip: tuple[str, ...] = ("figure", "measures", "value", "count", "of")) -> str:
    """The columns that hold one value on every row of a recorded table (data set, size, date, commit), in words."""
    same = [c for c in table.columns if c not in skip and table[c].nunique() == 1]
    return "; ".join(f"{c.replace('_', ' ')}: {table[c].iloc[0]}" for c in same)


def stance_table(table: pd.DataFrame, parts: bool = True) -> pd.DataFrame:
    """The recorded stance figures, one row a figure and one column a data set, named by what sets it apart from the
    others ('stance_a', 'check set'; 'all' for the whole tuning set) and, when recorded, its size ('all (1,784
    uses)'), as text to read: shares with three decimals, counts whole. Without `parts`, the tuning set's tables
    apart ('<tuning set>: stance_a') are left out."""
    if not parts:
        table = table[~table["dataset"].str.contains(": ", regex=False)]
    sets = list(dict.fromkeys(table["dataset"]))
    common = sets[0] if all(s.startswith(sets[0]) for s in sets) else ""
    size = table.groupby("dataset")["uses"].first() if "uses" in table else {}
    short = {s: (s[len(common):].lstrip(":, ") or "all") + (f" ({int(size[s]):,} uses)" if s in size else "")
             for s in sets}
    wide = table.pivot_table(index="figure", columns="dataset", values="value", sort=False)[sets]

    def shown(row: pd.Series) -> pd.Series:  # a count ("not the article's text, still counted") as a whole number
        count = (row.dropna() % 1 == 0).all() and (row.dropna() > 1).any()
        return row.map(lambda v: "" if pd.isna(v) else f"{int(v)}" if count else f"{v:.3f}")
    return wide.apply(shown, axis=1).rename(columns=short).rename_axis(columns=common or "dataset")


def stamp() -> dict[str, str]:
    """When and on what a figure was measured: today's date and the commit, marked '-dirty' when the code or the
    lists in data/ differ from it (the recorded results and the other outputs in data/ do not count: a corpus
    record writes its tables before its stamp)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(paths.ROOT), *args], capture_output=True, text=True,
                              check=True).stdout.strip()
    try:
        head = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "newslens", "data", ":!data/evaluation", ":!data/corpus",
                    ":!data/processed")
    except (OSError, subprocess.CalledProcessError):
        head, dirty = "unknown", ""
    return {"measured": date.today().isoformat(), "commit": head + ("-dirty" if dirty else "")}


def _quote_sets() -> dict[str, tuple[Path, Path]]:
    """The quote annotations by data-set name, each with what must be here to score it (the file, or the corpora
    whose texts an offsets-only annotation points into)."""
    from .evaluate import HELDOUT, HELDOUT2

    seed = paths.ANNOTATIONS / paths.SEED.stem / "quotes.csv"
    polnear = paths.SHARED / "polnear" / "polnear_dev.jsonl"
    corpora = paths.SHARED / "corpora"
    return {"seed (team annotation)": (seed, seed),
            "PolNeAR dev": (polnear, polnear),
            "Russia-Ukraine 2022 held-out 1": (HELDOUT, corpora),
            "Russia-Ukraine 2022 held-out 2": (HELDOUT2, corpora)}


def _measure_quotes(stamp: dict) -> dict[str, pd.DataFrame]:
    from .evaluate import evaluate, load_any

    summaries, cues = [], []
    for name, (source, needed) in _quote_sets().items():
        if not needed.exists():
            print(f"skipped {name}: {needed} is not here")
            continue
        docs = load_any(source)
        tables = evaluate(docs, progress=False)
        summaries.append(tables["summary"].assign(dataset=name, documents=len(docs), **stamp))
        cues.append(tables["per_cue"].assign(dataset=name, **stamp))
        print(f"measured {name}: {len(docs)} documents")
    return {"quotes": _frame(summaries, QUOTE_COLUMNS), "quotes_by_cue": _frame(cues, CUE_COLUMNS)}


def _measure_people(stamp: dict) -> dict[str, pd.DataFrame]:
    from . import mentions_eval

    if not mentions_eval.shared_available():
        print(f"skipped people: the annotated texts are not in {paths.SHARED}")
        return {"people": _frame([], PEOPLE_COLUMNS)}
    table = mentions_eval.people_scores().rename(columns={"set": "dataset"}).assign(**stamp)
    print(f"measured people: {int(table.articles.sum())} articles")
    return {"people": table[PEOPLE_COLUMNS]}


def _measure_ggt(stamp: dict) -> dict[str, pd.DataFrame]:
    from . import ggt_eval

    if not paths.GGT_DEV.is_file():
        print(f"skipped {ggt_eval.DATASET}: {paths.GGT_DEV} is not here (built by ../shared/ggt/build_dev.py)")
        return {"ggt": _frame([], GGT_COLUMNS)}
    records = ggt_eval.load_ggt(paths.GGT_DEV)
    tables = ggt_eval.score(records, ggt_eval.analyse_records(records, progress=False))
    n_quotes = sum(len(r["quotes"]) for r in records)
    print(f"measured {ggt_eval.DATASET}: {len(records)} articles")
    return {"ggt": ggt_eval.result_table(tables, ggt_eval.DATASET, len(records), n_quotes, stamp)}


def _measure_stance(stamp: dict) -> dict[str, pd.DataFrame]:
    from . import stance_eval

    if not stance_eval.available():
        print(f"skipped stance: no annotation in {stance_eval.FOLDER} or {stance_eval.CHECK_FOLDER}, "
              f"or no {paths.SHARED / stance_eval.CORPUS}")
        return {"stance": _frame([], STANCE_COLUMNS)}
    parts = []
    sets = stance_eval.annotation_sets()
    tuning = sets.get(stance_eval.DATASET, [])
    # the tuning set's tables together, then each annotator's table apart (they judged different articles); the
    # check set on its own, never pooled with the tuning set (the rules were tuned on that one, not on this)
    scored = ([(stance_eval.DATASET, tuning)] + [(f"{stance_eval.DATASET}: {f.stem}", [f]) for f in tuning]
              if tuning else [])
    scored += [(name, files) for name, files in sets.items() if name != stance_eval.DATASET]
    for name, chosen in scored:
        tables = stance_eval.evaluate(chosen)
        counts = tables["articles"].iloc[0]
        parts.append(tables["summary"].assign(dataset=name, articles=int(counts.articles), uses=int(counts.uses),
                                              **stamp))
    print(f"measured stance: {', '.join(f'{name} ({len(files)} table(s))' for name, files in sets.items())}")
    return {"stance": _frame(parts, STANCE_COLUMNS)}


def _frame(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


MEASURES: list[Callable[[dict], dict[str, pd.DataFrame]]] = [_measure_quotes, _measure_people, _measure_ggt,
                                                              _measure_stance]


def record(folder: Path | None = None) -> list[Path]:
    """Measure every data set that is here and write data/evaluation/<table>.csv, keeping the rows of data sets
    that are not here; return the paths written."""
    folder = Path(folder or paths.EVALUATION)
    when = stamp()
    written = []
    for measure in MEASURES:
        for name, fresh in measure(when).items():
            path = folder / f"{name}.csv"
            old = pd.read_csv(path) if path.is_file() else fresh.iloc[:0]
            kept = old[~old["dataset"].isin(fresh["dataset"])]
            table = pd.concat([kept, fresh], ignore_index=True) if len(kept) else fresh
            write_csv(table, path)
            written.append(path)
    return written
