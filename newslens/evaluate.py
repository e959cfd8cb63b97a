"""Score the quote finder against annotations: PolNeAR's JSONL format, or the project's own quotes.csv."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import takewhile
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from . import paths
from .article import load_article
from .files import read_data_csv
from .ggt_eval import is_pronoun_or_empty, names_match
from .offsets import cell_number, check_span
from .mentions import find_mentions, same_name
from .quotes import Quote, find_quotes, load_cues

THRESHOLDS = (0.3, 0.8)
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Unit:
    """One quote to score: its content pieces, the words naming its speaker(s), its cue."""
    content: Spans
    source: Spans
    cue: str = ""
    speaker: str = ""  # the entity, when the annotation names one (the project's own annotation)


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Unit]
    excluded: list[Unit] = field(default_factory=list)  # annotated, but not speech (PolNeAR "polls show")
    group_by_attribution: bool = True  # PolNeAR: one attribution = a split quote with its follow-ons


# ---------------------------------------------------------------------------------------------------------------
# Cues: which annotated cues are speech, and the label each is counted under.

# The cues that select the gold and label it: a frozen copy of the finder's list, so that extending
# data/speech_verbs.csv changes what is found, never what it is scored against.
GOLD_CUES = paths.DATA / "annotations" / "gold_speech_cues.csv"


def cue_label(cue: str) -> str:
    """The speech-cue lemma of an annotated cue ('has said' -> 'say', ':' -> 'colon'), or '' if not speech."""
    cues = load_cues(str(GOLD_CUES))
    words = re.findall(r"[\w’']+|:", cue.lower())
    for k, w in enumerate(words):
        for particle, c in cues.get(w, []):
            if not particle or (k + 1 < len(words) and words[k + 1] == particle):
                return c.lemma
    if ":" in words:
        return "colon"
    return ""


# ---------------------------------------------------------------------------------------------------------------
# Loading annotations.

def load_polnear(path: Path, speech_only: bool = True, limit: int | None = None) -> list[Doc]:
    """Read a PolNeAR JSONL file: one Doc per (article, annotator), speech attributions as gold."""
    path = Path(path)
    docs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ValueError(f"{path}: cannot read the annotation file ({err.strerror})") from None
    for n, line in enumerate(lines[:limit] if limit else lines, 1):
        if not line.strip():
            continue
        where = f"{path}, line {n}"
        try:
            row = json.loads(line)
            text, attributions = row["text"], row["attributions"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise ValueError(f"{where}: not a PolNeAR attribution record ({err})") from None
        if not isinstance(text, str) or not isinstance(attributions, list):
            raise ValueError(f"{where}, field {'text' if not isinstance(text, str) else 'attributions'}: "
                             "not a PolNeAR attribution record (a string and a list expected)")
        gold, excluded = [], []
        for k, a in enumerate(attributions):
            try:
                cue = " ".join(piece["text"] for piece in a["cue"])
                spans = {part: tuple(check_span(p["start"], p["end"], len(text),
                                                f"{where}, field attributions[{k}].{part}[{j}]")
                                     for j, p in enumerate(a[part])) for part in ("content", "source")}
            except (KeyError, TypeError) as err:
                raise ValueError(f"{where}, field attributions[{k}]: not a PolNeAR attribution ({err!r})") from None
            unit = Unit(spans["content"], spans["source"], cue)
            if not unit.content:
                continue
            (gold if (cue_label(cue) or not speech_only) else excluded).append(unit)
        docs.append(Doc(f"{row.get('article', n)}/{row.get('annotator', '')}", text, gold, excluded))
    return docs


ANNOTATION_COLUMNS = ["start", "end", "kind", "cue", "speaker", "speaker_start", "speaker_end", "text"]


def load_annotation(csv_path: Path, article_path: Path | None = None) -> Doc:
    """Read a quotes.csv annotation (the project's format) with the article it annotates."""
    csv_path = Path(csv_path)
    article = load_article(article_path or paths.ARTICLES / f"{csv_path.parent.name}.txt")
    table = read_data_csv(csv_path, ANNOTATION_COLUMNS)
    return _annotated_doc(csv_path, article.id, article.body, table)


HELDOUT = paths.ANNOTATIONS / "quotes-heldout" / "quotes_heldout.csv"
HELDOUT2 = paths.ANNOTATIONS / "quotes-heldout" / "quotes_heldout2.csv"  # speaker entities, annotated later
CORPORA = ("ru_ua_2022_articles.jsonl", "bbc_2225.jsonl")


def load_heldout(csv_path: Path = HELDOUT, shared: Path | None = None) -> list[Doc]:
    """Read an offsets-only annotation of corpus articles (column `article`: a row id in ../shared/corpora)."""
    csv_path = Path(csv_path)
    table = read_data_csv(csv_path, set(ANNOTATION_COLUMNS) - {"text"} | {"article"})
    wanted = set(table["article"])
    texts: dict[str, str] = {}
    for name in CORPORA:
        corpus = Path(shared or paths.SHARED) / "corpora" / name
        if corpus.is_file():
            with open(corpus, encoding="utf-8") as handle:
                for line in handle:
                    row = json.loads(line)
                    if row.get("id") in wanted:
                        texts[row["id"]] = row["text"]
    lost = wanted - set(texts)
    if lost:
        raise ValueError(f"{csv_path}: article(s) not found in {Path(shared or paths.SHARED) / 'corpora'}: "
                         f"{', '.join(sorted(lost))}")
    return [_annotated_doc(csv_path, article_id, texts[article_id], rows)
            for article_id, rows in table.groupby("article", sort=False)]


def _annotated_doc(csv_path: Path, doc_id: str, body: str, table) -> Doc:
    """One article's annotation rows as gold units; a row's `text`, when the table has one, must match the body."""
    groups: dict[tuple[int, int], list] = defaultdict(list)
    with open(csv_path, encoding="utf-8") as handle:  # the '#' notes above the header, to name a row's line
        notes = sum(1 for _ in takewhile(lambda line: line.startswith("#"), handle))
    for row in table.itertuples():
        n = notes + row.Index + 2  # the header is the line after the notes
        where = f"{csv_path}, line {n}, field"
        start, end = check_span(cell_number(row.start, f"{where} start"), cell_number(row.end, f"{where} end"),
                                len(body), f"{where} start/end")
        s_start = cell_number(row.speaker_start, f"{where} speaker_start") if row.speaker_start.strip() else None
        s_end = cell_number(row.speaker_end, f"{where} speaker_end") if row.speaker_end.strip() else None
        if (s_start is None) != (s_end is None):
            raise ValueError(f"{where} speaker_start/speaker_end: give both or neither")
        if s_start is not None:
            check_span(s_start, s_end, len(body), f"{where} speaker_start/speaker_end")
        if hasattr(row, "text") and body[start:end] != row.text:
            raise ValueError(f"{where} text: does not match the article at {start}:{end} "
                             f"({body[start:end][:40]!r} != {row.text[:40]!r})")
        groups[(start, end)].append((row, s_start, s_end))
    gold = []
    for (start, end), rows in groups.items():
        source = tuple((s, e) for _, s, e in rows if s is not None)
        speaker = " and ".join(sorted({r.speaker for r, _, _ in rows if r.speaker}))
        gold.append(Unit(((start, end),), source, rows[0][0].cue, speaker))
    return Doc(doc_id, body, gold, group_by_attribution=False)


# ---------------------------------------------------------------------------------------------------------------
# Predictions as units.

def predicted_units(quotes: Sequence[Quote], by_attribution: bool) -> list[Unit]:
    """Group predicted quotes into scoring units: per attribution (PolNeAR) or per quoted span."""
    groups: dict = defaultdict(list)
    for q in quotes:
        groups[q.attribution if by_attribution else (q.start, q.end)].append(q)
    units = []
    for qs in groups.values():
        content = tuple(sorted({(q.start, q.end) for q in qs}))
        source = tuple(sorted({(q.speaker_start, q.speaker_end) for q in qs if q.speaker_start is not None}))
        cue = next((q.cue for q in qs if q.cue), "")
        speaker = " and ".join(sorted({q.speaker for q in qs if q.speaker}))
        units.append(Unit(content, source, cue, speaker))
    return units


def _chars(spans: Spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


@dataclass
class Match:
    doc: str
    gold: Unit
    pred: Unit | None
    coverage: float
    speaker_ok: bool | None


def match_doc(doc: Doc, preds: Sequence[Unit], threshold: float) -> tuple[list[Match], int, int]:
    """One-to-one matches of gold to predicted units; returns matches, true and counted predictions."""
    gold_chars = [_chars(g.content) for g in doc.gold]
    pred_chars = [_chars(p.content) for p in preds]
    pairs = []
    for gi, gc in enumerate(gold_chars):
        if not gc:
            continue
        for pi, pc in enumerate(pred_chars):
            cov = len(gc & pc) / len(gc)
            if cov >= threshold:
                pairs.append((cov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, found = set(), set(), {}
    for cov, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            found[gi] = (pi, cov)
    # A prediction that lands on an annotated attribution left out of scoring (not speech) is neither right nor
    # wrong: it is not counted.
    excluded_chars = [_chars(e.content) for e in doc.excluded]
    counted = 0
    for pi, pc in enumerate(pred_chars):
        if pi in used_p:
            counted += 1
        elif not any(ec and len(ec & pc) / len(ec) >= threshold or (pc and len(ec & pc) / len(pc) >= 0.5)
                     for ec in excluded_chars):
            counted += 1
    matches = []
    for gi, g in enumerate(doc.gold):
        if gi in found:
            p = preds[found[gi][0]]
            ok = _overlaps(p.source, g.source) if (p.source and g.source) else (not p.source and not g.source)
            matches.append(Match(doc.id, g, p, found[gi][1], ok))
        else:
            matches.append(Match(doc.id, g, None, 0.0, None))
    return matches, len(used_p), counted


def _prf(tp_gold: int, n_gold: int, tp_pred: int, n_pred: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


NAME_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|de|van|von|al))*(?<!\s(?:of|de|al))")


def source_name(text: str, unit: Unit) -> str:
    """The run of capitalised words ending the first phrase of a unit's source words ("House Speaker Paul D. Ryan
    (R-Wis.)", "Flynn, a top surrogate," -> "Flynn"); '' for a description ("Small groups of protesters", "The GOP
    nominee", "Scott's family") or a lone pronoun or determiner ("He", "The")."""
    if not unit.source:
        return ""
    a, b = unit.source[0]
    phrase = re.split(r"[,(;]", text[a:b])[0].rstrip(" :")
    runs = list(NAME_RUN.finditer(phrase))
    if not runs or phrase[runs[-1].end():].strip() or is_pronoun_or_empty(runs[-1].group()):
        return ""
    return runs[-1].group()


def _speaker_verdict(m: Match, pred_name: str) -> str:
    """How the predicted speaker entity of one gold quote compares with the annotated one."""
    if m.pred is None:
        return "not found"
    if not pred_name and not m.gold.speaker:
        return "unattributed in both"
    if same_name(pred_name, m.gold.speaker):
        return "right"
    return "left unattributed" if not pred_name else "wrong"


def evaluate(docs: Iterable[Doc], thresholds: Sequence[float] = THRESHOLDS, progress: bool = True) -> dict[str, pd.DataFrame]:
    """Precision, recall, F1 per coverage threshold, speaker accuracy, and a per-cue breakdown."""
    from tqdm import tqdm

    docs = list(docs)
    doc_text = {d.id: d.text for d in docs if d.group_by_attribution}  # PolNeAR: source words, no entity annotated
    cache: dict[str, list[Quote]] = {}
    summary, per_cue_rows, entity_rows, name_rows = [], [], [], []
    all_matches: dict[float, list[Match]] = {t: [] for t in thresholds}
    counts = {t: [0, 0, 0, 0] for t in thresholds}  # matched gold, gold, matched pred, counted pred
    for doc in tqdm(docs, desc="evaluating", unit="doc", disable=not progress):
        if doc.text not in cache:
            # Speakers resolve through the mentions module: the project's annotation names speaker entities, and
            # PolNeAR's source words are compared with the entity shown (its quote spans are the same either way).
            cache[doc.text] = find_quotes(doc.text, find_mentions(doc.text)[1])
        preds = predicted_units(cache[doc.text], doc.group_by_attribution)
        for t in thresholds:
            matches, tp_pred, n_pred = match_doc(doc, preds, t)
            all_matches[t].extend(matches)
            c = counts[t]
            c[0] += sum(m.pred is not None for m in matches)
            c[1] += len(matches)
            c[2] += tp_pred
            c[3] += n_pred
    for t in thresholds:
        found = [m for m in all_matches[t] if m.pred is not None]
        p, r, f = _prf(*counts[t])
        summary.append({"coverage": t, "gold": counts[t][1], "predicted": counts[t][3], "found": counts[t][0],
                        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                        "speaker_accuracy": round(sum(bool(m.speaker_ok) for m in found) / len(found), 3) if found else 0.0})
        named = [(m, name) for m in found if m.doc in doc_text and (name := source_name(doc_text[m.doc], m.gold))]
        if named:
            right = sum(names_match(m.pred.speaker, name) for m, name in named)
            name_rows.append({"coverage": t, "found_with_named_source": len(named), "name_shown_right": right,
                              "accuracy": round(right / len(named), 3)})
    low = min(thresholds)
    doc_by_id = {d.id: d for d in docs}
    by_cue: dict[str, list[Match]] = defaultdict(list)
    for m in all_matches[low]:
        by_cue[cue_label(m.gold.cue) or ("(none)" if not m.gold.cue else "other")].append(m)
    high = {id(m.gold): m for m in all_matches[max(thresholds)]}
    for cue, ms in sorted(by_cue.items(), key=lambda kv: -len(kv[1])):
        found = [m for m in ms if m.pred is not None]
        per_cue_rows.append({"cue": cue, "gold": len(ms), f"recall@{low}": round(len(found) / len(ms), 3),
                             f"recall@{max(thresholds)}": round(sum(high[id(m.gold)].pred is not None for m in ms) / len(ms), 3),
                             "speaker_accuracy": round(sum(bool(m.speaker_ok) for m in found) / len(found), 3) if found else None})
    for m in all_matches[low]:
        if doc_by_id[m.doc].group_by_attribution:
            continue  # PolNeAR names no entities: speaker spans only
        if not m.gold.speaker and m.gold.source:
            continue  # an unnamed source ("Critics said"): no entity to compare
        pred_name = m.pred.speaker if m.pred else ""
        entity_rows.append({"doc": m.doc, "start": m.gold.content[0][0], "gold_speaker": m.gold.speaker,
                            "predicted_speaker": pred_name, "verdict": _speaker_verdict(m, pred_name)})
    return {"summary": pd.DataFrame(summary), "per_cue": pd.DataFrame(per_cue_rows),
            "speakers": pd.DataFrame(entity_rows, columns=["doc", "start", "gold_speaker", "predicted_speaker", "verdict"]),
            "speaker_names": pd.DataFrame(name_rows, columns=["coverage", "found_with_named_source", "name_shown_right",
                                                              "accuracy"]),
            "misses": pd.DataFrame([{"doc": m.doc, "cue": m.gold.cue, "start": m.gold.content[0][0],
                                     "coverage": round(m.coverage, 2)} for m in all_matches[low] if m.pred is None],
                                   columns=["doc", "cue", "start", "coverage"])}


def default_sources() -> list[Path]:
    """The project's own annotations, and PolNeAR dev when the shared research data is there."""
    found = sorted(paths.ANNOTATIONS.glob("*/quotes.csv"))
    dev = paths.SHARED / "polnear" / "polnear_dev.jsonl"
    held = [p for p in (HELDOUT, HELDOUT2) if p.is_file()] if (paths.SHARED / "corpora").is_dir() else []
    return found + held + ([dev] if dev.is_file() else [])


def load_any(path: Path, speech_only: bool = True, limit: int | None = None) -> list[Doc]:
    """Annotations from a PolNeAR .jsonl file or a project quotes.csv (article from data/articles/<folder>.txt)."""
    path = Path(path)
    if path.suffix == ".jsonl":
        return load_polnear(path, speech_only, limit)
    if path.suffix == ".csv":
        with open(path, encoding="utf-8") as handle:
            header = next((line for line in handle if not line.startswith("#")), "")
        return load_heldout(path) if header.startswith("article,") else [load_annotation(path)]
    raise ValueError(f"{path}: expected a PolNeAR .jsonl file or a quotes.csv annotation")


def run(sources: Sequence[Path], speech_only: bool = True, limit: int | None = None,
        out: Path | None = None) -> dict[str, dict[str, pd.DataFrame]]:
    """Evaluate each annotation source in turn; print its tables and write them as CSV when `out` is given."""
    from .files import write_csv

    results = {}
    for source in sources:
        source = Path(source)
        name = source.parent.name if source.suffix == ".csv" else source.stem
        tables = evaluate(load_any(source, speech_only, limit))
        results[name] = tables
        print(f"\n== {source} ==")
        with pd.option_context("display.width", 160, "display.max_columns", 20, "display.max_rows", 60):
            print(tables["summary"].to_string(index=False))
            print("\nper cue (found at the lower coverage):")
            print(tables["per_cue"].head(25).to_string(index=False))
            if len(tables["speaker_names"]):
                print("\nspeaker name shown vs the name that ends the annotated source words' first phrase:")
                print(tables["speaker_names"].to_string(index=False))
            if len(tables["speakers"]):
                print("\nspeaker entities:", tables["speakers"]["verdict"].value_counts().to_dict())
        if out is not None:
            for key, table in tables.items():
                write_csv(table, Path(out) / f"{name}-{key}.csv")
    return results
