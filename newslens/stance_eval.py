"""Score the stance step against the hand annotation of stance-term uses: the tuning set (data/annotations/stance/*.csv)
and the check set (data/annotations/stance_check/*.csv, drawn after the rules were tuned on the first), each apart.

The annotation holds article ids, offsets and labels only (format and label rules: data/annotations/stance/README.md);
the texts are read from the corpus JSONL under newslens.paths.SHARED when it is there, and never copied into the
project. Scored: sense (does the program count the use at all), owner (narrator, or the same entity as the annotated
source), negated and hypothetical (precision and recall), on the uses that are the article's own text; and how many
uses that are not (a link headline, a "Read more" line) the program still counts.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from . import paths
from .files import read_data_csv
from .mentions import find_mentions, same_name
from .quotes import find_quotes
from .stance import NARRATOR, counts_for, find_occurrences, load_lexicon, occurrence_table

FOLDER = paths.ANNOTATIONS / "stance"
CHECK_FOLDER = paths.ANNOTATIONS / "stance_check"
CORPUS = Path("corpora") / "ru_ua_2022_articles.jsonl"
COLUMNS = ["article_id", "start", "end", "term", "in_article", "sense", "owner", "negated", "hypothetical"]
DATASET = "Russia-Ukraine 2022 stance uses"
CHECK_DATASET = "Russia-Ukraine 2022 stance uses, check set"


def annotation_files(folder: Path | None = None) -> list[Path]:
    """The annotation tables in the stance folder, by name."""
    return sorted(Path(folder or FOLDER).glob("*.csv"))


def annotation_sets() -> dict[str, list[Path]]:
    """The annotation tables by data set, a set without tables left out: the tuning set, then the check set. Never
    pool them: the rules were tuned on the one and not on the other, so only the check set says how they hold."""
    sets = {DATASET: annotation_files(FOLDER), CHECK_DATASET: annotation_files(CHECK_FOLDER)}
    return {name: files for name, files in sets.items() if files}


def load_annotation(files: Iterable[Path]) -> pd.DataFrame:
    """All rows of the given annotation tables, with a `file` column (the table's name) and booleans parsed."""
    parts = []
    for path in files:
        table = read_data_csv(Path(path), COLUMNS)
        for column in ("in_article", "sense", "negated", "hypothetical"):
            bad = ~table[column].isin(["True", "False"])
            if bad.any():
                raise ValueError(f"{path}: column {column} must be True or False (row {int(bad.idxmax()) + 1}: "
                                 f"{table[column][bad].iloc[0]!r})")
            table[column] = table[column] == "True"
        table["start"], table["end"] = table["start"].astype(int), table["end"].astype(int)
        parts.append(table.assign(file=Path(path).stem))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS + ["file"])


def corpus_texts(ids: Iterable[str], shared: Path | None = None) -> dict[str, str]:
    """The `text` of each wanted corpus row; ValueError naming the missing ids when some are not there."""
    wanted, texts = set(ids), {}
    corpus = Path(shared or paths.SHARED) / CORPUS
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("id") in wanted:
                texts[row["id"]] = row["text"] or ""
    if wanted - set(texts):
        raise ValueError(f"{corpus}: annotated article(s) not found: {', '.join(sorted(wanted - set(texts)))}")
    return texts


def predict(text: str) -> pd.DataFrame:
    """The stance step's uses in one text, as the analyse command finds them (mentions -> quotes -> stance)."""
    said = find_quotes(text, find_mentions(text)[1], views=True)  # a view's words are its holder's too
    return occurrence_table(find_occurrences(text, said, load_lexicon()))


# ------------------------------------------------------------------------------------------------ owners

def _fold(name: str) -> str:
    name = re.sub(r"[’']s\b", "", name.lower())
    name = re.sub(r"[^\w\s]", " ", name)
    return " ".join(w for w in name.split() if w != "the")


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", name) if w.lower() not in ("of", "the", "and"))


def same_owner(gold: str, got: str | None) -> bool:
    """Whether the program's owner is the annotated one: narrator for narrator; for a source, the same entity: equal
    after case and punctuation folding (newslens.mentions.same_name, aliases included), the same surname for a person
    ("Putin", "Vladimir Putin") or given name ("Alla", "Alla Bout"), one an acronym ("UN", "United Nations") or the closing words ("authorities", "border
    authorities") of the other, a trailing phrase set aside ("pundits on Russian television" is "pundits"). Joint
    owners ("A and B") are right when one part of each is the same. A person's office is its owner (stance.counts_for:
    "Boris Johnson's office" is Boris Johnson, the quotes step lets "his office said" speak for him); a ministry is
    not its state."""
    if got is None:
        return False
    if NARRATOR in (gold, got):
        return gold == got
    gold, got = counts_for(gold), counts_for(got)
    if same_name(gold, got):
        return True
    return any(_same_part(g, p) for g in re.split(r"\s+and\s+", gold) for p in re.split(r"\s+and\s+", got))


def _same_part(gold: str, got: str) -> bool:
    if same_name(gold, got):
        return True
    gold, got = (re.split(r"\s+(?:of|on|at|in|from|for|to)\s+", name)[0] for name in (gold, got))
    g, p = _fold(gold), _fold(got)
    if not g or not p:
        return False
    if g == p:
        return True
    g_words, p_words = g.split(), p.split()
    if g_words[-1] == p_words[-1] and gold.split()[-1][:1].isupper() and got.split()[-1][:1].isupper():
        return True  # the same surname (or the same proper head: "the Kremlin", "Kremlin")
    short, long = sorted((g_words, p_words), key=len)
    if len(short) < len(long) and long[-len(short):] == short:
        return True  # a short form: the closing words of the longer name
    if len(short) == 1 and len(long) > 1:
        longer = gold if len(g_words) > 1 else got
        if long[0] == short[0] and all(w[:1].isupper() for w in longer.split()):
            return True  # a person named by the given name the article uses ("Alla", "Alla Bout")
        return _acronym(longer).lower() == short[0]
    return False


# ------------------------------------------------------------------------------------------------ scoring

def score_rows(gold: pd.DataFrame, predicted: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each annotated use beside what the program found at its offsets (found, owner, negated, hypothetical)."""
    rows = []
    for g in gold.itertuples(index=False):
        uses = predicted.get(g.article_id)
        hit = None
        if uses is not None and len(uses):
            same = uses[(uses["start"] == g.start) & (uses["end"] == g.end)]
            hit = same.iloc[0] if len(same) else None
        rows.append({"article_id": g.article_id, "start": g.start, "end": g.end, "term": g.term, "file": g.file,
                     "in_article": g.in_article, "sense": g.sense, "found": hit is not None,
                     "gold_owner": g.owner, "owner": None if hit is None else hit["owner"],
                     "owner_ok": same_owner(g.owner, None if hit is None else hit["owner"]),
                     "gold_negated": g.negated, "negated": hit is not None and bool(hit["negated"]),
                     "negation_cue": "" if hit is None else hit["negation_cue"],
                     "gold_hypothetical": g.hypothetical, "hypothetical": hit is not None and bool(hit["hypothetical"]),
                     "condition_cue": "" if hit is None else hit["condition_cue"]})
    return pd.DataFrame(rows)


def _ratio(right: int, of: int) -> float | None:
    return round(right / of, 3) if of else None


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    """The figures, one row each: value, and the counts it is made of (count right, of how many)."""
    own = rows[rows["in_article"]]
    used = own[own["sense"]]  # owners and flags are scored on uses in the frame's sense
    figures = [("sense accuracy", int((own["found"] == own["sense"]).sum()), len(own))]
    narrated = used[used["gold_owner"] == NARRATOR]
    named = used[used["gold_owner"] != NARRATOR]
    figures += [("owner accuracy", int(used["owner_ok"].sum()), len(used)),
                ("owner accuracy, narrator", int(narrated["owner_ok"].sum()), len(narrated)),
                ("owner accuracy, named source", int(named["owner_ok"].sum()), len(named))]
    for flag in ("negated", "hypothetical"):
        both = int((used[flag] & used[f"gold_{flag}"]).sum())
        figures += [(f"{flag} precision", both, int(used[flag].sum())),
                    (f"{flag} recall", both, int(used[f"gold_{flag}"].sum()))]
    outside = rows[~rows["in_article"]]
    figures.append(("not the article's text, still counted", int(outside["found"].sum()), len(outside)))
    return pd.DataFrame([{"figure": name, "value": _ratio(right, of) if not name.startswith("not the") else right,
                          "count": right, "of": of} for name, right, of in figures])


def evaluate(files: Sequence[Path] | None = None, shared: Path | None = None) -> dict[str, pd.DataFrame]:
    """Score the program against the annotation tables: `summary` (the figures) and `rows` (each use's verdict)."""
    gold = load_annotation(annotation_files() if files is None else files)
    texts = corpus_texts(gold["article_id"].unique(), shared)
    predicted = {article: predict(text) for article, text in texts.items()}
    for g in gold.itertuples():
        if not 0 <= g.start < g.end <= len(texts[g.article_id]):
            raise ValueError(f"{g.file}.csv: row {g.Index + 1}: offsets {g.start}:{g.end} lie outside {g.article_id}")
    rows = score_rows(gold, predicted)
    return {"summary": summary(rows), "rows": rows,
            "articles": pd.DataFrame({"articles": [gold["article_id"].nunique()], "uses": [len(gold)]})}


def available(shared: Path | None = None) -> bool:
    """Whether there is an annotation to score (in either set) and the corpus its offsets point into."""
    return bool(annotation_sets()) and (Path(shared or paths.SHARED) / CORPUS).is_file()


def report(tables: dict[str, pd.DataFrame]) -> str:
    """The stance figures as text for the evaluate command."""
    counts = tables["articles"].iloc[0]
    lines = [f"stance uses: {int(counts.uses)} annotated uses in {int(counts.articles)} articles "
             f"({', '.join(sorted(set(tables['rows']['file'])))})"]
    for row in tables["summary"].itertuples(index=False):
        shown = str(row.count) if row.figure.startswith("not the article") else f"{row.value:.3f}"
        lines.append(f"  {row.figure:42} {shown:>6}  ({row.count} of {row.of})")
    return "\n".join(lines)
