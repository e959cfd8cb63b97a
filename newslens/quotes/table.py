"""The quotes as tables and a chart: one row per quote, per speaker, per kind of source; who is only talked about."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Sequence

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from .find import Quote


def quotes_table(quotes: Iterable[Quote]) -> pd.DataFrame:
    """The quotes as a DataFrame with the columns the analyse command writes."""
    from ..typed_frames import BOOL, INT, OPTIONAL_INT, STR, rows_frame

    # Offsets that may be missing are nullable integers; each column is made once with its type.
    return rows_frame(list(quotes), {
        "start": INT, "end": INT, "speaker": STR, "speaker_kind": STR, "speaker_start": OPTIONAL_INT,
        "speaker_end": OPTIONAL_INT, "kind": STR, "cue": STR, "text": STR, "cue_start": OPTIONAL_INT,
        "cue_end": OPTIONAL_INT, "attribution": INT, "inferred": BOOL})


# ---------------------------------------------------------------------------------------------------------------
# Summaries for the notebook and the tables: who speaks, in how many words, and who is only talked about.

UNATTRIBUTED = "(unattributed)"
# The kind of a source's reported belief, fear, hope, intent or demand in quotes.csv ('Experts believe that ...', found
# by quotes.find from data/view_verbs.csv like reported speech): not a quote, and no quote count or score reads it.
VIEW = "view"


def quotes_only(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a quotes table that are quotes: without the sources' reported views (kind "view")."""
    return table[table["kind"] != VIEW] if "kind" in table.columns else table


def views_table(table: pd.DataFrame) -> pd.DataFrame:
    """The sources' reported views (beliefs, fears, hopes, intents, demands) in a quotes table, in text order: who
    holds each (`holder`, as shown for a speaker), the verb, the view's words, and whether the holder is also quoted."""
    spoken = set(quotes_only(table)["speaker"]) - {""}
    views = table[table["kind"] == VIEW].sort_values("start", kind="stable")
    return views.assign(quoted=views["speaker"].isin(spoken))[
        ["start", "speaker", "speaker_kind", "cue", "text", "quoted"]].rename(
        columns={"speaker": "holder", "speaker_kind": "holder_kind", "text": "view"}).reset_index(drop=True)


def _word_count(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def quote_words(table: pd.DataFrame) -> pd.DataFrame:
    """The quote rows (views left out), "(unattributed)" for no speaker, with their words in the speaker's own words
    (direct and partial quotes) and reported in paraphrase (without the quoted words inside it, which are their own)."""
    import pandas as pd

    t = quotes_only(table).copy()  # a source's reported view is not a quote
    t["speaker"] = t["speaker"].where(t["speaker"] != "", UNATTRIBUTED)
    t["words"] = t["text"].map(_word_count)
    partial = t[t.kind == "partial"]
    inside = [int(partial[(partial.start >= r.start) & (partial.end <= r.end) & (partial.speaker == r.speaker)]
                  .drop_duplicates(["start", "end"]).words.sum()) for r in t.itertuples()]
    t["reported_words"] = (t["words"] - pd.Series(inside, index=t.index)).where(t.kind == "reported", 0)
    t["own_words"] = t["words"].where(t.kind.isin(["direct", "partial"]), 0)
    return t


def speaker_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker (views left out): utterances, quotes by kind, words in their own words (direct + partial), words reported."""
    t = quote_words(table)
    kinds = t[t.speaker != UNATTRIBUTED].groupby("speaker")["speaker_kind"].first()
    out = t.groupby("speaker").agg(
        utterances=("attribution", "nunique"),
        direct=("kind", lambda k: int((k == "direct").sum())),
        partial=("kind", lambda k: int((k == "partial").sum())),
        reported=("kind", lambda k: int((k == "reported").sum())),
        own_words=("own_words", "sum"),
        reported_words=("reported_words", "sum"),
    ).reset_index()
    out.insert(1, "speaker_kind", out["speaker"].map(kinds).fillna(""))
    return out.sort_values(["own_words", "reported_words", "speaker"], ascending=[False, False, True],
                           ignore_index=True)


def source_kinds(speakers: pd.DataFrame) -> pd.DataFrame:
    """People, organisations and places as sources: speakers, utterances and words per kind."""
    t = speakers.copy()
    t["speaker_kind"] = t["speaker_kind"].where(t["speaker"] != UNATTRIBUTED, UNATTRIBUTED)
    return (t.groupby("speaker_kind")
            .agg(speakers=("speaker", "size"), utterances=("utterances", "sum"), own_words=("own_words", "sum"),
                 reported_words=("reported_words", "sum"))
            .reset_index().sort_values("utterances", ascending=False, ignore_index=True))


def mentioned_not_quoted(entities: Sequence[Any], table: pd.DataFrame,
                         kinds: tuple[str, ...] = ("person", "organisation")) -> pd.DataFrame:
    """Entities of the given kinds that the article mentions but never quotes, most mentioned first."""
    import pandas as pd

    spoken = set(quotes_only(table)["speaker"])  # a view reported is no voice
    # an office speaks for its owner: "Boris Johnson's office" counts as Boris Johnson being quoted
    owners = {s.split("'s ")[0] for s in spoken if "'s " in s}
    rows = [{"entity": e.name, "kind": e.kind, "mentions": e.mentions, "role": e.role}
            for e in entities if e.kind in kinds and e.name not in spoken and e.name not in owners]
    return pd.DataFrame(rows, columns=["entity", "kind", "mentions", "role"]).sort_values(
        "mentions", ascending=False, ignore_index=True)


def words_chart(speakers: pd.DataFrame, name: str) -> Figure:
    """Stacked bars per source: words in their own words (quoted) and words reported in paraphrase; saved as NAME."""
    from ..figures import PALETTE, new_figure, save_figure

    data = speakers[["speaker", "speaker_kind", "own_words", "reported_words"]].reset_index(drop=True)
    total = int(data.own_words.sum() + data.reported_words.sum())
    fig, ax = new_figure("How many words does each source get?",
                         "words (labels: in quotation marks + reported; most in quotation marks first)", "source",
                         total, "words, shared ones for each source",
                         figsize=(8, max(2.5, 0.32 * len(data) + 1.2)))
    ordered = data.iloc[::-1]
    ax.barh(ordered.speaker, ordered.own_words, color=PALETTE[0], label="in their own words (direct and partial quotes)")
    ax.barh(ordered.speaker, ordered.reported_words, left=ordered.own_words, color=PALETTE[1],
            label="reported (paraphrase, no quotation marks)")
    for y, (own, reported) in enumerate(zip(ordered.own_words, ordered.reported_words)):
        ax.text(own + reported, y, f" {int(own)} + {int(reported)}", va="center", fontsize=8)
    ax.tick_params(axis="y", length=0)
    ax.legend(frameon=False, loc="lower right")
    save_figure(fig, name, data)
    return fig
