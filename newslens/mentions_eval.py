"""Measure people-mentioned precision and recall against the hand annotation of 25 real articles.

The annotation (data/annotations/people/people.csv) holds article ids, names and counts only; the texts are read from
the shared research data (newslens.paths.SHARED) when it is there, and never copied into the project.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .files import read_data_csv
from .mentions import _fold, find_mentions

PEOPLE = paths.ANNOTATIONS / "people" / "people.csv"  # 25 articles, used while the rules were developed
HELDOUT = paths.ANNOTATIONS / "people" / "people_heldout.csv"  # 10 more, annotated after and never tuned on
SOURCES = {
    "bbc": ("corpora/bbc_2225.jsonl", "id"),
    "ru_ua": ("corpora/ru_ua_2022_articles.jsonl", "id"),
    "polnear": ("polnear/polnear_dev.jsonl", "article"),
}


def shared_available(shared: Path | None = None) -> bool:
    """Are the research texts the evaluation needs present?"""
    shared = Path(shared or paths.SHARED)
    return all((shared / rel).is_file() for rel, _ in SOURCES.values())


@lru_cache(maxsize=4)
def _texts(source: str, shared: str) -> dict[str, str]:
    rel, key = SOURCES[source]
    out: dict[str, str] = {}
    with open(Path(shared) / rel, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            out.setdefault(row[key], row["text"] or "")
    return out


def shared_text(source: str, article: str, shared: Path | None = None) -> str:
    """The text of one annotated article from the shared data (PolNeAR's repeated headline line dropped)."""
    if source not in SOURCES:
        raise ValueError(f"{PEOPLE}: unknown source '{source}' (expected one of {sorted(SOURCES)})")
    texts = _texts(source, str(Path(shared or paths.SHARED)))
    if article not in texts:
        raise ValueError(f"{PEOPLE}: article '{article}' is not in {SOURCES[source][0]}")
    text = texts[article]
    if source == "polnear":
        text = text.partition("\n")[2]  # the first line repeats the headline
    return text


def _tokens(name: str) -> list[str]:
    """The words of a name without case, accents, hyphens or full stops ("Jean-Luc" and "jean luc" meet)."""
    return _fold(name.replace("-", " ").replace(".", " ")).split()


def same_person(gold: str, found: str) -> bool:
    """Do two names denote the same person: equal, or one's words a part of the other's ("Lula" and "Luiz Inácio
    Lula da Silva", "Harry" and "Prince Harry"), with equal surnames when both have two words or more?"""
    g, f = _tokens(gold), _tokens(found)
    if not g or not f:
        return False
    if g == f:
        return True
    if len(g) >= 2 and len(f) >= 2:
        return g[-1] == f[-1] and (g[0] == f[0] or g[0] in f or f[0] in g)
    short, long = (g, f) if len(g) == 1 else (f, g)
    return short[0] in long


def load_people(path: Path = PEOPLE) -> pd.DataFrame:
    """The hand annotation: one row per (source, article, person) with the number of mentions."""
    table = read_data_csv(path, ("source", "article", "person", "mentions"))
    table["mentions"] = table["mentions"].astype(int)
    return table


def evaluate_people(path: Path = PEOPLE, shared: Path | None = None) -> pd.DataFrame:
    """One row per gold or found person: article, gold name, found name, gold and found mention counts."""
    gold = load_people(path)
    rows = []
    for (source, article), group in gold.groupby(["source", "article"], sort=False):
        entities, _ = find_mentions(shared_text(source, article, shared))
        found = [e for e in entities if e.kind == "person"]
        used: set[int] = set()
        for person, count in zip(group["person"], group["mentions"]):
            # An alias counts too: data/actors.csv may rename ("Volodymyr Zelenskiy" is reported as Zelensky).
            match = next((i for i, e in enumerate(found) if i not in used and (
                same_person(person, e.name) or any(same_person(person, a) for a in e.aliases))), None)
            if match is None:
                rows.append((source, article, person, "", count, 0))
            else:
                used.add(match)
                rows.append((source, article, person, found[match].name, count, found[match].mentions))
        for i, e in enumerate(found):
            if i not in used:
                rows.append((source, article, "", e.name, 0, e.mentions))
    return pd.DataFrame(rows, columns=["source", "article", "gold", "found", "gold_mentions", "found_mentions"])


def scores(matches: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall of people found (per source and overall), and of their mention counts."""
    out = []
    for source, group in [*matches.groupby("source", sort=False), ("all", matches)]:
        tp = int(((group["gold"] != "") & (group["found"] != "")).sum())
        fp = int(((group["gold"] == "") & (group["found"] != "")).sum())
        fn = int(((group["gold"] != "") & (group["found"] == "")).sum())
        agree = int(group[["gold_mentions", "found_mentions"]].min(axis=1).sum())
        out.append({
            "source": source, "articles": group["article"].nunique(), "people": tp + fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
            "mention_precision": round(agree / group["found_mentions"].sum(), 3) if group["found_mentions"].sum() else 0.0,
            "mention_recall": round(agree / group["gold_mentions"].sum(), 3) if group["gold_mentions"].sum() else 0.0,
            "exact_counts": int(((group["gold_mentions"] == group["found_mentions"]) & (group["gold"] != "")).sum()),
        })
    return pd.DataFrame(out)


def people_scores(sets: dict[str, Path] | None = None) -> pd.DataFrame:
    """One row of overall scores per annotation set: the 25 development articles and the 10 held out."""
    sets = sets or {"25 development articles": PEOPLE, "10 held-out articles": HELDOUT}
    rows = [scores(evaluate_people(path)).query("source == 'all'").assign(set=name) for name, path in sets.items()]
    columns = ["set", "articles", "people", "precision", "recall", "mention_precision", "mention_recall"]
    return pd.concat(rows, ignore_index=True)[columns]
