"""Counts across a corpus: per article from its tables (who is mentioned, who speaks, which stance terms), then
summed over all articles, by month and by outlet, into the tidy tables of DIR/summary/.

The per-article counts are small (a few rows per article, names and numbers only, no text): they are written beside
each partition of analysed articles, and at the end read back a partition at a time into sums (Summary), so memory
holds the sums, never the whole corpus's rows; the same article always gives the same rows.
Word counts follow notebook 03: own words are the words inside quotation marks (direct and partial quotes),
reported words the paraphrase around them, without the quoted words inside it. Stance-term uses are also counted
under other reasonable term lists (data/stance_term_lists.csv, as notebook 05 does for one article), each searched
afresh: a narrower list can match differently ("diplomatic solution" is a term of its own in the full list, a use
of "diplomacy" in one without it), so filtering the full list's uses would not give the same counts.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple, Sequence

import pandas as pd

from . import paths, stance
from .audit import not_article_lines
from .files import read_data_csv
from .quotes import UNATTRIBUTED, quotes_only  # UNATTRIBUTED: the label every table and chart gives a quote with no speaker
from .stance import NARRATOR

NO_DATE, NO_OUTLET = "(no date)", "(no outlet)"
SOURCE_KINDS = ["person", "organisation", "place", "unattributed"]  # voice share; any other kind counts as "other"
WORD = re.compile(r"[\w'’-]+")

ENTITY_COLUMNS = ["key", "article_id", "entity", "kind", "mentions", "utterances", "own_words", "reported_words",
                  "quoted"]
VOICE_COLUMNS = ["key", "article_id", "kind", "utterances", "own_words", "reported_words"]
STANCE_COLUMNS = ["key", "article_id", "term", "frame", "owner", "owner_name", "negated", "hypothetical", "uses"]
TERM_LIST_COLUMNS = ["key", "article_id", "term_list", "frame", "owner", "uses"]
TERM_LISTS_PATH = paths.DATA / "stance_term_lists.csv"
PLATFORMS_PATH = paths.DATA / "platforms.csv"
OWN_NAME, PLATFORM = "the outlet's own name", "a platform words are posted on"


def _words(text: str) -> int:
    return len(WORD.findall(text))


def _quote_words(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes (no views) of many articles, one row per quote and speaker (the unattributed under UNATTRIBUTED),
    with its own words (direct and partial) and reported words (a paraphrase less the quoted words inside it)."""
    quotes = quotes_only(quotes)  # a source's reported view is not a quote
    t = quotes.assign(speaker=quotes["speaker"].fillna("").replace("", UNATTRIBUTED),
                      speaker_kind=quotes["speaker_kind"].fillna(""),
                      words=quotes["text"].fillna("").map(_words)).reset_index(drop=True)
    t["row"] = t.index
    # the quoted words inside a paraphrase are the speaker's own words, so the paraphrase counts the rest only
    partial = t[t["kind"] == "partial"].drop_duplicates(["key", "start", "end", "speaker"])
    pairs = t[t["kind"] == "reported"].merge(partial[["key", "speaker", "start", "end", "words"]],
                                             on=["key", "speaker"], suffixes=("", "_inside"))
    pairs = pairs[(pairs["start_inside"] >= pairs["start"]) & (pairs["end_inside"] <= pairs["end"])]
    inside = pairs.groupby("row")["words_inside"].sum().reindex(t.index, fill_value=0)
    t["own_words"] = t["words"].where(t["kind"].isin(["direct", "partial"]), 0)
    t["reported_words"] = (t["words"] - inside).where(t["kind"] == "reported", 0)
    return t


def speaker_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    """Per article (key, article_id) and speaker: kind, utterances, own words (direct and partial) and reported
    words, from the quotes tables of many articles at once (each row with its article's key and article_id)."""
    article = ["key", "article_id"]
    columns = [*article, "entity", "speaker_kind", "utterances", "own_words", "reported_words"]
    if quotes_only(quotes).empty:
        return pd.DataFrame(columns=columns)
    t = _quote_words(quotes)
    t["named_kind"] = t["speaker_kind"].where(t["speaker_kind"] != "")
    out = t.groupby([*article, "speaker"], sort=True).agg(
        speaker_kind=("named_kind", "first"), utterances=("attribution", "nunique"),
        own_words=("own_words", "sum"), reported_words=("reported_words", "sum")).reset_index()
    out["speaker_kind"] = out["speaker_kind"].fillna("").astype(str)
    out.loc[out["speaker"] == UNATTRIBUTED, "speaker_kind"] = "unattributed"
    return out.rename(columns={"speaker": "entity"})[columns]


def entity_counts(mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per article and entity mentioned or speaking in it: mentions, utterances, words, and whether it is
    quoted (it speaks, or its office does: "Boris Johnson's office said" quotes Boris Johnson). Both tables hold
    many articles, each row with its article's key and article_id."""
    article = ["key", "article_id"]
    speakers = speaker_counts(quotes)
    rows = mentions[[*article, "entity", "kind", "mentions"]].merge(speakers, on=[*article, "entity"], how="outer")
    # a source's kind is the one its quotes give it (as in notebook 03); an entity that never speaks keeps its own
    kind = rows["speaker_kind"].where(rows["speaker_kind"].fillna("") != "", rows["kind"])
    rows = rows.assign(kind=kind.fillna("").astype(str))
    for column in ("mentions", "utterances", "own_words", "reported_words"):
        rows[column] = rows[column].fillna(0).astype("int64")
    office = speakers[speakers["entity"].str.contains("'s ", regex=False)]
    owners = set(zip(office["key"], office["entity"].str.split("'s ").str[0]))
    owned = pd.Series([pair in owners for pair in zip(rows["key"], rows["entity"])], index=rows.index, dtype=bool)
    rows["quoted"] = (rows["utterances"] > 0) | owned
    return rows[ENTITY_COLUMNS].sort_values(["key", "entity"], ignore_index=True)


def voice_counts(entities: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per article and kind of source (person, organisation, place, unattributed, other): utterances and words, each
    utterance counted once, so the kinds' utterances add up to the article's. One by several speakers ("Washington
    and London have said") counts for the kind of the first named; the speaker table gives it to each of them.
    `entities`: entity_counts of the same articles (a source's kind as the entity table gives it)."""
    if quotes_only(quotes).empty:
        return pd.DataFrame(columns=VOICE_COLUMNS)
    t = _quote_words(quotes)
    # a speaker's kind is the one its quotes give it; a name mentioned with two kinds and none from quotes: the first
    kinds = entities.drop_duplicates(["key", "entity"]).set_index(["key", "entity"])["kind"]
    kind = pd.Series(list(zip(t["key"], t["speaker"])), index=t.index).map(kinds).fillna("")
    t["source"] = kind.where(kind.isin(SOURCE_KINDS), "other")
    first = (t.sort_values(["key", "attribution", "speaker_start"], na_position="last", kind="stable")
             .drop_duplicates(["key", "attribution"])[["key", "attribution", "source"]])
    # a joint quote has a row per speaker: its words are counted once
    once = t.drop(columns="source").drop_duplicates(["key", "attribution", "start", "end", "kind"])
    once = once.merge(first, on=["key", "attribution"])
    out = once.groupby(["key", "article_id", "source"], sort=True).agg(
        utterances=("attribution", "nunique"), own_words=("own_words", "sum"),
        reported_words=("reported_words", "sum")).reset_index()
    return out.rename(columns={"source": "kind"})[VOICE_COLUMNS]


def stance_counts(occurrences: pd.DataFrame) -> pd.DataFrame:
    """Uses of each stance term per article by owner (narrator or speaker, and the name it counts for: an office's
    owner, stance.counts_for) and flags, from the stance_occurrences tables of many articles (each row with its
    article's key and article_id)."""
    if occurrences.empty:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    occ = occurrences.assign(owner_name=occurrences["owner"].map(stance.counts_for),
                             negated=occurrences["negated"].astype(bool),
                             hypothetical=occurrences["hypothetical"].astype(bool))
    occ["owner"] = occ["owner_name"].where(occ["owner_name"] == NARRATOR, "speaker")
    uses = occ.groupby(["key", "article_id", "term", "frame", "owner", "owner_name", "negated", "hypothetical"]).size()
    return uses.rename("uses").reset_index()[STANCE_COLUMNS]


def load_term_lists(path: str | Path | None = None) -> dict[str, list[stance.Term]]:
    """The stance lexicon and the other term lists of notebook 05 by name (full list, core terms, without broad
    words, without denial), the core and broad terms read from data/stance_term_lists.csv."""
    path = Path(path or TERM_LISTS_PATH)
    table = read_data_csv(path, ["term", "list"])
    unknown = sorted(set(table["list"]) - {"core", "broad"})
    if unknown:
        raise ValueError(f"{path}: list must be core or broad, not {', '.join(map(repr, unknown))}")
    terms = table["term"].str.strip().str.lower()
    return stance.other_term_lists(stance.load_lexicon(), terms[table["list"] == "core"],
                                   terms[table["list"] == "broad"])


def term_list_counts(body: str, quotes: pd.DataFrame, term_lists: Mapping[str, Sequence[stance.Term]],
                     occurrences: pd.DataFrame | None = None) -> list[tuple[str, str, str, int]]:
    """Stance-term uses of one article under each term list: (term_list, frame, owner, uses) rows, sorted, owner
    narrator or speaker. Each list is searched afresh (stance.owned_matches), owned through the article's quotes
    table (start, end, speaker); a list that is the lexicon the analysis used takes its uses from the article's
    stance_occurrences table instead, when given (the same uses: find_occurrences flags owned_matches)."""
    said = [_Said(*row) for row in zip(quotes["start"].tolist(), quotes["end"].tolist(), quotes["speaker"].tolist())]
    analysed = stance.load_lexicon()
    outside = None  # the not-the-article lines, found once for all the lists searched
    uses: Counter[tuple[str, str, str]] = Counter()
    for name, lexicon in term_lists.items():
        if occurrences is not None and _same_terms(lexicon, analysed):
            uses.update((name, frame, _owner_kind(owner))
                        for frame, owner in zip(occurrences["frame"].tolist(), occurrences["owner"].tolist()))
            continue
        if outside is None:
            outside = [(p.start, p.end) for p in not_article_lines(body)]
        uses.update((name, match.frame, _owner_kind(owner))
                    for match, (owner, *_) in stance.owned_matches(body, said, lexicon, outside))
    return [(*k, n) for k, n in sorted(uses.items())]


class _Said(NamedTuple):
    """A quotes-table row as stance.QuoteLike: enough to own the words inside it."""

    start: int
    end: int
    speaker: str


def _owner_kind(owner: str) -> str:
    return NARRATOR if owner == NARRATOR else "speaker"


def _same_terms(lexicon: Sequence[stance.Term], other: Sequence[stance.Term]) -> bool:
    # the lists of load_term_lists hold load_lexicon's own Term objects: identity settles it without hashing
    return len(lexicon) == len(other) and all(a is b or a == b for a, b in zip(lexicon, other))


def partition_counts(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The per-article counts of a partition, from its analysed tables concatenated (with key and article_id);
    `_term_list_uses`, when there, is already counted (term_list_counts per article)."""
    entities = entity_counts(tables["mentions"], tables["quotes"])
    counts = {"_entity_counts": entities, "_voice_counts": voice_counts(entities, tables["quotes"]),
              "_stance_counts": stance_counts(tables["stance_occurrences"])}
    if "_term_list_uses" in tables:
        counts["_term_list_counts"] = tables["_term_list_uses"].reindex(columns=TERM_LIST_COLUMNS)
    return counts


def article_places(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles analysed without error (key, month, outlet, and order: the article's place in the list); a
    missing date or outlet gets a label of its own."""
    ok = articles[articles["status"] == "ok"].drop_duplicates("key")
    return pd.DataFrame({"key": ok["key"], "month": ok["date"].fillna("").astype(str).str[:7].replace("", NO_DATE),
                         "outlet": ok["outlet"].fillna("").astype(str).replace("", NO_OUTLET),
                         "order": range(len(ok))})


ENTITY_SUMS = ["articles", "mentions", "articles_quoted", "utterances", "own_words", "reported_words"]


def entity_kind_sums(entities: pd.DataFrame) -> pd.DataFrame:
    """Per entity and kind, from per-article rows with their article's order (article_places; the unattributed
    left out): the rows (n), the first article's order (first), and the sums of entity_summary (articles: those
    mentioning it)."""
    named = entities[entities["entity"] != UNATTRIBUTED]
    rows = named.assign(first=named["order"], n=1,
                        articles=(named["mentions"] > 0).astype("int64"), articles_quoted=named["quoted"].astype("int64"))
    return _sums(rows, ["entity", "kind"], ["n", *ENTITY_SUMS], first="first")


def entity_summary(sums: pd.DataFrame) -> pd.DataFrame:
    """Per entity across the corpus, from entity_kind_sums: its most frequent kind (a tie: the kind of the first
    article in the article list giving it one of them, however the articles were partitioned or counted),
    articles mentioning it, mentions, articles quoting it, utterances, words."""
    sums = _sums(sums, ["entity", "kind"], ["n", *ENTITY_SUMS], first="first")
    kinds = sums.sort_values(["entity", "n", "first"], ascending=[True, False, True]).drop_duplicates("entity")
    out = sums.groupby("entity")[ENTITY_SUMS].sum().reset_index()
    out.insert(1, "kind", out["entity"].map(kinds.set_index("entity")["kind"]))
    return out.sort_values(["articles", "mentions", "entity"], ascending=[False, False, True], ignore_index=True)


def _sums(rows: pd.DataFrame, keys: list[str], summed: list[str], first: str | None = None) -> pd.DataFrame:
    """Sums of `summed` per `keys` (and the least `first`): partial sums summed again give the same."""
    agg = {c: (c, "sum") for c in summed} | ({first: (first, "min")} if first else {})
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in agg else object) for c in keys + list(agg)})
    return rows.groupby(keys, sort=False).agg(**agg).reset_index()


def page_names(entities: pd.DataFrame, outlets: Iterable[str], platforms: Path | None = None) -> pd.Series:
    """Why each entity of a summary is not someone in the news, or "" when it is: the name of an outlet the corpus
    comes from ("The Guardian", "Guardian", and its sections, editions and staff: "Guardian Australia", "Guardian
    spokesperson"; outlets from articles.csv), or a platform of data/platforms.csv ("said on Telegram": a channel).
    Another outlet or a news agency cited ("Reuters reported", "told the BBC") is a source and stays."""
    own = {re.sub(r"^the\s+", "", str(o).strip(), flags=re.I) for o in outlets} - {"", NO_OUTLET}
    listed = set(read_data_csv(Path(platforms or PLATFORMS_PATH), ["name"])["name"].str.strip())
    names = entities["entity"].astype(str).str.replace(r"^the\s+", "", regex=True, flags=re.I)
    # a section or a spokesperson begins with the outlet's name; a name merely holding it ("New York Times" for
    # an outlet "The Times") is another outlet
    is_own = pd.Series(False, index=entities.index)
    for name in own:
        is_own |= (names == name) | names.str.startswith(name + " ") | names.str.startswith(name + "'s ")
    return pd.Series("", index=entities.index).mask(names.isin(listed), PLATFORM).mask(is_own, OWN_NAME)


def voice_share(voice: pd.DataFrame, places: pd.DataFrame, by: str) -> pd.DataFrame:
    """Utterances and words per kind of source (people, organisations, places, unattributed, other) per month or
    outlet, with each kind's share of the utterances of that month or outlet (voice_counts: each utterance once, so
    the shares are of the utterances and add up to one)."""
    speaking = voice[voice["utterances"] > 0]
    out = (speaking.rename(columns={"kind": "source_kind"})
           .groupby([by, "source_kind"])[["utterances", "own_words", "reported_words"]].sum().reset_index())
    articles = places.groupby(by)["key"].nunique().rename("articles")
    out = out.merge(articles, left_on=by, right_index=True, how="left")
    out["share"] = (out["utterances"] / out.groupby(by)["utterances"].transform("sum")).round(4)
    order = {k: i for i, k in enumerate(SOURCE_KINDS + ["other"])}
    return out.sort_values([by, "source_kind"], key=lambda s: s.map(order) if s.name == "source_kind" else s,
                           ignore_index=True)[[by, "source_kind", "articles", "utterances", "share", "own_words",
                                               "reported_words"]]


def stance_summary(stance: pd.DataFrame) -> pd.DataFrame:
    """Stance-term uses by month, outlet, frame, term, owner (narrator or speaker) and flags (negated, hypothetical)."""
    keys = ["month", "outlet", "frame", "term", "owner", "negated", "hypothetical"]
    out = stance.groupby(keys)["uses"].sum().reset_index()
    return out.sort_values(keys, ignore_index=True)


def speaker_term_sums(stance: pd.DataFrame) -> pd.DataFrame:
    """Per speaker (or the narrator), frame and term, from per-article rows: uses, and in how many articles."""
    rows = stance.groupby(["owner_name", "frame", "term"], sort=False).agg(uses=("uses", "sum"),
                                                                         articles=("key", "nunique"))
    return rows.reset_index()


def stance_by_speaker(sums: pd.DataFrame) -> pd.DataFrame:
    """Per speaker (or the narrator), frame and term: uses, and in how many articles (from speaker_term_sums of
    parts holding different articles)."""
    out = _sums(sums, ["owner_name", "frame", "term"], ["uses", "articles"]).rename(columns={"owner_name": "owner"})
    return out.sort_values(["uses", "owner", "term"], ascending=[False, True, True], ignore_index=True)


def term_list_summary(term_lists: pd.DataFrame) -> pd.DataFrame:
    """Stance-term uses under each term list by month, outlet, frame and owner (narrator or speaker)."""
    keys = ["term_list", "month", "outlet", "frame", "owner"]
    out = term_lists.groupby(keys)["uses"].sum().reset_index()
    return out.sort_values(keys, ignore_index=True)


STANCE_KEYS = ["month", "outlet", "frame", "term", "owner", "negated", "hypothetical"]
TERM_LIST_KEYS = ["term_list", "month", "outlet", "frame", "owner"]
VOICE_KEYS = ["month", "outlet", "kind"]
WORDS = ["utterances", "own_words", "reported_words"]


class Summary:
    """The corpus summary tables, counted a partition at a time: each partition's per-article counts are reduced
    to sums per entity, month, outlet, term... as they come, so memory holds sums, not every article's rows."""

    def __init__(self, articles: pd.DataFrame, compact_every: int = 64):
        """`articles`: the article list (key, date, outlet, status); only its articles analysed without error count."""
        self.places = article_places(articles)
        self.seen: set[str] = set()  # the keys counted: an article analysed twice is counted once
        self.compact_every = compact_every
        self.parts: dict[str, list[pd.DataFrame]] = {name: [] for name in
                                                     ("entities", "voice", "stance", "speakers", "term_lists")}

    def add(self, entities: pd.DataFrame, voice: pd.DataFrame, stance: pd.DataFrame,
            term_lists: pd.DataFrame | None = None) -> None:
        """Count one part's per-article rows (entity_counts, voice_counts, stance_counts, term-list counts)."""
        term_lists = pd.DataFrame(columns=TERM_LIST_COLUMNS) if term_lists is None else term_lists
        fresh = [self._fresh(table, columns) for table, columns in ((entities, ENTITY_COLUMNS),
                                                                     (voice, VOICE_COLUMNS),
                                                                     (stance, STANCE_COLUMNS),
                                                                     (term_lists, TERM_LIST_COLUMNS))]
        for table in (entities, voice, stance, term_lists):
            self.seen.update(table["key"])
        entities, voice, stance, term_lists = fresh
        self._keep("entities", entity_kind_sums(entities), ["entity", "kind"], ["n", *ENTITY_SUMS], "first")
        self._keep("voice", voice, VOICE_KEYS, WORDS)
        self._keep("stance", stance, STANCE_KEYS, ["uses"])
        self._keep("speakers", speaker_term_sums(stance), ["owner_name", "frame", "term"], ["uses", "articles"])
        self._keep("term_lists", term_lists, TERM_LIST_KEYS, ["uses"])

    def _fresh(self, table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        """The rows of articles not counted yet, once each, with their month and outlet (articles of the list only)."""
        table = table.reindex(columns=columns)
        return table[~table["key"].isin(self.seen)].drop_duplicates().merge(self.places, on="key")

    def _keep(self, name: str, rows: pd.DataFrame, keys: list[str], summed: list[str], first: str | None = None) -> None:
        parts = self.parts[name]
        parts.append(_sums(rows, keys, summed, first))
        if len(parts) >= self.compact_every:  # sums of sums: the list stays short however long the corpus
            parts[:] = [_sums(pd.concat(parts, ignore_index=True), keys, summed, first)]

    def _all(self, name: str) -> pd.DataFrame:
        return pd.concat(self.parts[name], ignore_index=True)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The corpus summary tables by file name."""
        voice = _sums(self._all("voice"), VOICE_KEYS, WORDS)
        return {
            "entities": entity_summary(self._all("entities")),
            "voice_by_month": voice_share(voice, self.places, "month"),
            "voice_by_outlet": voice_share(voice, self.places, "outlet"),
            "stance_uses": stance_summary(self._all("stance")),
            "stance_by_speaker": stance_by_speaker(self._all("speakers")),
            "stance_by_term_list": term_list_summary(self._all("term_lists")),
        }


def summarise(articles: pd.DataFrame, entities: pd.DataFrame, voice: pd.DataFrame, stance: pd.DataFrame,
              term_lists: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """The corpus summary tables by file name, from the article list (key, date, outlet, status) and the
    per-article counts all at once (Summary counts them a part at a time)."""
    summary = Summary(articles)
    summary.add(entities, voice, stance, term_lists)
    return summary.tables()


# Reading the summary tables in notebook 06: one question a function.

def largest_first(rows: pd.DataFrame, by: str) -> list[str]:
    """The values of `by` (frame, term list) by their total uses, largest first (ties as first seen)."""
    return rows.groupby(by, sort=False)["uses"].sum().sort_values(ascending=False, kind="stable").index.tolist()


def per_article(uses: pd.DataFrame, per_month: pd.DataFrame, by: str, order: Sequence[str] | None = None) -> pd.DataFrame:
    """Uses per article by month and `by` (frame, term, term list): the month's uses over its number of articles
    (`per_month`: month, articles), so a month with few articles does not read as a quiet one. Rows by month, then
    `by` in `order` (default: sorted)."""
    out = uses.groupby(["month", by], as_index=False)["uses"].sum().merge(per_month, on="month")
    out["per_article"] = (out["uses"] / out["articles"]).round(3)
    if order is not None:
        out = out.sort_values(by, key=lambda v: v.map(list(order).index), kind="stable")
    return out.sort_values("month", kind="stable", ignore_index=True)


def by_month(rows: pd.DataFrame, by: str, order: Sequence[str]) -> pd.DataFrame:
    """per_article's rows as a table: one row a month, one column each value of `by` in `order`."""
    return rows.pivot_table(index="month", columns=by, values="per_article")[list(order)]


def owner_uses(uses: pd.DataFrame, by: str) -> pd.DataFrame:
    """Uses by `by` (frame, term list) and owner (narrator or speaker): the largest `by` first, and within it the
    owners with most uses first."""
    out = uses.groupby([by, "owner"], as_index=False)["uses"].sum().sort_values("uses", ascending=False, kind="stable")
    order = largest_first(out, by)
    return out.sort_values(by, key=lambda v: v.map(order.index), kind="stable", ignore_index=True)


def owner_table(owners: pd.DataFrame, by: str) -> pd.DataFrame:
    """owner_uses' rows as a table: one row each `by`, one column an owner, the uses (0 where none)."""
    return owners.pivot_table(index=by, columns="owner", values="uses", aggfunc="sum", fill_value=0, sort=False)


def narrator_share(by_list: pd.DataFrame, order: Sequence[str]) -> pd.DataFrame:
    """Of each frame's uses under each term list (columns in `order`), the share in the narrator's own words; empty
    where the list finds no use of the frame."""
    totals = by_list.groupby(["frame", "term_list"])["uses"].sum()
    narrator = by_list[by_list["owner"] == NARRATOR].groupby(["frame", "term_list"])["uses"].sum()
    share = (narrator.reindex(totals.index, fill_value=0) / totals).round(2).unstack("term_list")
    return share[list(order)].rename_axis(index="frame", columns="term list")


def top_speakers(speakers: pd.DataFrame, n: int = 12, terms: int = 3) -> pd.DataFrame:
    """The `n` speakers (the narrator left out) with most stance-term uses, and each one's `terms` most used terms."""
    named = speakers[speakers["owner"] != NARRATOR]
    top = named.groupby("owner")["uses"].sum().nlargest(n)
    words = [", ".join(named[named["owner"] == owner].nlargest(terms, "uses")["term"]) for owner in top.index]
    return pd.DataFrame({"uses": top, "top terms": words})


def quoted_share(entities: pd.DataFrame, min_articles: int = 20) -> pd.DataFrame:
    """People in at least `min_articles` articles: of the articles mentioning them, the share (%) that quote them;
    least quoted first (ties: most mentioned first)."""
    people = entities[(entities["kind"] == "person") & (entities["articles"] >= min_articles)]
    people = people.assign(quoted_share=(100 * people["articles_quoted"] / people["articles"]).round(1))
    people = people.sort_values(["quoted_share", "articles"], ascending=[True, False])
    return people[["entity", "articles", "articles_quoted", "quoted_share"]]


def read_summary(corpus: Path) -> dict[str, pd.DataFrame]:
    """The summary tables a corpus run wrote in CORPUS/summary/, by name (entities, stance_uses, ...)."""
    return {p.stem: pd.read_csv(p, keep_default_na=False) for p in sorted((Path(corpus) / "summary").glob("*.csv"))}


def analysed(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles of articles.csv analysed without error, each with its month ('(no date)' where it has none)."""
    ok = articles[articles["status"] == "ok"]
    return ok.assign(month=ok["date"].str[:7].replace("", "(no date)"))


def overview(articles: pd.DataFrame) -> pd.Series:
    """The corpus at a glance: articles listed, analysed and failed, the first and last date of those analysed, how
    many outlets."""
    ok = analysed(articles)
    dates = ok["date"][ok["date"] != ""]  # an undated article has no place in the span
    return pd.Series({"articles": len(articles), "analysed": len(ok), "failed": len(articles) - len(ok),
                      "first date": dates.min(), "last date": dates.max(), "outlets": ok["outlet"].nunique()})
