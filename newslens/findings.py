"""Each notebook's key findings, computed from the article's tables: a few plain sentences, the same for the seed as
for a reader's own article (no sentence is written for one article). Notebook 06's are computed the same way from a
corpus folder's articles.csv and summary tables."""
from __future__ import annotations

import calendar
from typing import Iterable, Mapping, Sequence

import pandas as pd

from . import audit, corpus_summary, mentions, quotes, stance, tables, vocabulary
from .article import Article

# the audit's kinds in a reader's words, singular and plural
PROBLEM_WORDS = {
    "glued_sentence": ("sentence end glued to the next sentence", "sentence ends glued to the next sentence"),
    "fused_words": ("word fused with the next where text was cut out", "words fused with the next where text was cut out"),
    "doubled_punctuation": ("doubled punctuation mark", "doubled punctuation marks"),
    "cut_sentence": ("sentence cut off", "sentences cut off"),
    "lost_speaker": ("quotation that lost its speaker", "quotations that lost their speaker"),
    "lost_subject": ("sentence that lost its subject", "sentences that lost their subject"),
    "unbalanced_quotes": ("unbalanced quotation mark", "unbalanced quotation marks"),
    "not_article": ("line that is not the article's own text", "lines that are not the article's own text"),
    "long_quote": ("quotation too long to be one quote", "quotations too long to be one quote"),
}
# the speaker kinds that are institutions; any other kind but a person is a speaker shown only by a description
# ("local residents", "the report"), as notebook 03's chart of speaker kinds keeps apart
INSTITUTIONS = ("organisation", "place")
DESCRIBED = ("speaker shown only by a description", "speakers shown only by a description")
DAMAGE = ("fused_words", "cut_sentence", "lost_speaker", "lost_subject", "doubled_punctuation")  # text cut out


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 quote', '3 quotes'."""
    return f"{n:,} {singular if n == 1 else plural_form or singular + 's'}"


def verb(n: int, singular: str, plural_form: str) -> str:
    """The verb form agreeing with a count of n."""
    return singular if n == 1 else plural_form


def shorten(text: str, width: int = 60) -> str:
    """The text on one line, cut at a word with an ellipsis when longer than `width`."""
    text = " ".join(text.split()).rstrip(" .,;:")  # the sentence around it ends with its own mark
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


def listing(items: Sequence[str], limit: int | None = None, total: int | None = None) -> str:
    """'a', 'a and b', 'a, b and c'; cut to the first `limit` items, the list says how many it leaves out of its
    `total` (by default the number of items): 'a, b and 3 more'."""
    items = list(items)
    total = len(items) if total is None else total
    items = items[:limit]
    if total > len(items):
        items.append(f"{total - len(items):,} more")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def counted(pairs: Iterable[tuple[str, int]], limit: int = 4, total: int | None = None) -> str:
    """'Ukraine 21, Russia 9, Moscow 7, Washington 5 and 10 more': the first `limit` names with their counts, and how
    many of the `total` names (by default the pairs given) are left out."""
    pairs = list(pairs)
    return listing([f"{name} {count}" for name, count in pairs[:limit]], total=len(pairs) if total is None else total)


def grouped_by_count(pairs: Iterable[tuple[str, int]], noun: str, limit: int = 10) -> str:
    """'A and B (5 mentions each); C (1 mention)': names grouped by their count, largest first, at most `limit`."""
    groups: dict[int, list[str]] = {}
    for name, count in list(pairs)[:limit]:
        groups.setdefault(int(count), []).append(name)
    parts = [f"{listing(names)} ({plural(count, noun)}{' each' if len(names) > 1 else ''})"
             for count, names in groups.items()]
    return "; ".join(parts)


def markdown(findings: Sequence[str], subject: str = "this article") -> str:
    """The findings as a Markdown list under a heading, as the notebooks show them."""
    return f"**Findings for {subject}**\n\n" + "\n".join(f"- {line}" for line in findings)


def text_findings(article: Article) -> list[str]:
    """Notebook 01: what is broken in the text, its length, its vocabulary and its set phrases."""
    problems = audit.find_problems(article.body)
    by_kind = pd.Series([p.kind for p in problems], dtype=str).value_counts()
    out = []
    if by_kind.empty:
        out.append("The audit finds nothing broken in the text: no glued sentences, fused words, doubled punctuation "
                   "or unbalanced quotation marks.")
    else:
        parts = []
        for kind, n in by_kind.items():
            one, many = PROBLEM_WORDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))
            part = plural(int(n), one, many)
            if kind == "fused_words":
                fused = [f'"{article.body[p.start:p.end]}"' for p in problems if p.kind == kind]
                part += f" ({listing(fused, limit=4)})"
            parts.append(part)
        out.append(f"The audit finds {plural(len(problems), 'problem')} in the text: {listing(parts)}. "
                   "Read every count below with that in mind.")
    summary = vocabulary.summary(article.body).set_index("measure")["count"]
    out.append(f"Split into sentences, the body has {plural(int(summary['sentences']), 'sentence')} and "
               f"{plural(int(summary['words']), 'word')} ({int(summary['distinct words']):,} distinct).")
    top = vocabulary.top_words(article.body, n=5)
    if len(top):
        words = [f"*{w}* ({c})" for w, c in top[["word", "count"]].itertuples(index=False)]
        out.append(f"The most frequent content words are {listing(words)}.")
    pairs = vocabulary.collocations(article.body)
    if len(pairs):
        out.append(f"Word pairs that recur: {listing(['*' + p + '*' for p in pairs.pair], limit=4)}.")
    else:
        out.append("No pair of content words occurs together twice.")
    return out


def mention_findings(article: Article) -> list[str]:
    """Notebook 02: the people named and the most mentioned, their roles, places and organisations, actors."""
    entities, found = mentions.find_mentions(article)
    table = mentions.entity_table(entities)
    people = table[table.kind == "person"]
    out = []
    if people.empty:
        out.append("No person is named.")
    else:
        pairs = list(people[["entity", "mentions"]].itertuples(index=False))
        most = "The most mentioned: " if len(pairs) > 10 else ""
        out.append(f"{plural(len(people), 'person', 'people')} {verb(len(people), 'is', 'are')} named, "
                   f"{plural(int(people.mentions.sum()), 'time')} in "
                   f"all. {most}{grouped_by_count(pairs, 'mention')}.")
        roles = people[people.role != ""]
        if len(roles):
            examples = listing(['"' + r + '"' for r in roles.role], limit=2)
            out.append(f"{len(roles)} of the {plural(len(people), 'person', 'people')} "
                       f"{verb(len(roles), 'comes', 'come')} with a title, kept as a "
                       f"role ({examples}).")
    for kind in ("place", "organisation"):
        rows = table[table.kind == kind]
        if len(rows):
            top = [(e, m) for e, m in rows[["entity", "mentions"]].itertuples(index=False) if m > 1]
            detail = f" ({counted(top, total=len(rows))})" if top else ""
            out.append(f"{plural(int(rows.mentions.sum()), kind + ' mention')} of {plural(len(rows), kind)}{detail}.")
    spans = mentions.mention_table(found)
    actors = spans[spans.actor & (spans.kind != "person")]
    if len(actors):
        names = list(dict.fromkeys(actors.entity))
        out.append(f"{plural(len(names), 'place or organisation', 'places and organisations')} "
                   f"{verb(len(names), 'acts like a person', 'act like people')}, followed by a verb ({listing(names, limit=5)}); "
                   f"{verb(len(names), 'it is', 'they are')} marked as {verb(len(names), 'an actor', 'actors')} so "
                   "that quotes can be attributed to "
                   f"{verb(len(names), 'it', 'them')}.")
    return out


def quote_findings(article: Article) -> list[str]:
    """Notebook 03: who speaks, who gets quotation marks and how many words, inferred and missing speakers,
    who is mentioned but never quoted."""
    entities, found = mentions.find_mentions(article)
    table = quotes.quotes_table(quotes.find_quotes(article, found))
    if table.empty:
        return ["Nobody is quoted: the article has no quotation and no reported speech that the rules find."]
    speakers = quotes.speaker_table(table)
    named = speakers[speakers.speaker != quotes.UNATTRIBUTED]
    persons = named[named.speaker_kind == "person"]
    institutions = named[named.speaker_kind.isin(INSTITUTIONS)]
    described = named[~named.speaker_kind.isin(["person", *INSTITUTIONS])]
    groups = [plural(len(persons), "person", "people"),
              plural(len(institutions), "place or organisation", "places or organisations")]
    if len(described):
        groups.append(plural(len(described), DESCRIBED[0], DESCRIBED[1]))
    out = [f"{plural(len(named), 'source')} {verb(len(named), 'speaks', 'speak')}: {listing(groups)}."]
    full = persons[persons.direct > 0]
    if len(full):
        who = [f"{s} ({plural(int(d), 'quotation')}, {plural(int(w), 'word')} in quotation marks)"
               for s, d, w in full[["speaker", "direct", "own_words"]].itertuples(index=False)]
        out.append(f"{plural(len(full), 'person', 'people')} {verb(len(full), 'gets', 'get')} full quotations: "
                   f"{listing(who)}.")
    # utterances once per kind ("Washington and London have said" is one by places), as notebook 03's chart
    by_kind = tables.speaker_kinds(table).set_index("speaker_kind")  # an utterance and its words once per kind
    against = f" against {plural(int(by_kind['utterances'].get('person', 0)), 'time')} for people"
    for who, rows in (("Places and organisations", institutions), (DESCRIBED[1].capitalize(), described)):
        if rows.empty:
            continue
        spoken, own, reported = by_kind.reindex(rows.speaker_kind.unique())[
            ["utterances", "own_words", "reported_words"]].sum().astype(int)
        busiest = rows.sort_values("utterances", ascending=False, kind="stable")
        out.append(f"{who} speak {plural(spoken, 'time')}{against}, with {plural(own, 'word')} "
                   f"in quotation marks and {reported:,} reported in paraphrase; most often "
                   f"{counted(busiest[['speaker', 'utterances']].itertuples(index=False))}.")
        against = ""  # said once, in the first of the two sentences
    inferred = table[table.inferred].drop_duplicates(["start", "end"])
    if len(inferred):
        direct = table[table.kind == "direct"].drop_duplicates(["start", "end"])
        out.append(f"{plural(len(inferred), 'quote row')} ({int(direct.inferred.sum())} of the "
                   f"{plural(len(direct), 'full quotation')}) lost the words naming the speaker in the text and "
                   f"{verb(len(inferred), 'goes', 'go')} to the last person who spoke "
                   f"({listing(list(dict.fromkeys(inferred.speaker)))}), marked `inferred`.")
    nobody = table[table.speaker == ""].drop_duplicates(["start", "end"])
    if len(nobody):
        texts = [f'"{shorten(t)}"' for t in nobody.text]
        out.append(f"{plural(len(nobody), 'quote')} {verb(len(nobody), 'has', 'have')} no speaker: "
                   f"{listing(texts, limit=3)}.")
    silent = quotes.mentioned_not_quoted(entities, table, kinds=("person",))
    if len(silent):
        names = [f"{e} ({plural(int(m), 'mention')})" for e, m in silent[["entity", "mentions"]].itertuples(index=False)]
        out.append(f"People mentioned but never quoted: {listing(names)}.")
    else:
        out.append("Every person mentioned is quoted.")
    return out


def stance_findings(article: Article, lexicon: Sequence[stance.Term] | None = None,
                    terms: Sequence[str] = ()) -> list[str]:
    """Notebook 04: the frames used, how each of `terms` (and the most used term) is used, whose words they are."""
    said = quotes.find_quotes(article, mentions.find_mentions(article)[1], views=True)
    tables = stance.stance_tables(article, said, lexicon)
    frames, uses = tables["stance_frames"], tables["stance_occurrences"]
    total = int(frames["count"].sum())
    if total == 0:
        return ["No term of the stance lexicon occurs in the body."]
    used = frames[frames["count"] > 0].sort_values("count", ascending=False, kind="stable")
    out = [f"{plural(total, 'stance-term use')} in the body, by frame: "
           f"{counted(used[['frame', 'count']].itertuples(index=False), limit=len(used))}."]
    table = tables["stance"].set_index("term")
    chosen = list(dict.fromkeys([*terms, table["count"].idxmax()]))
    for term in chosen:
        if term not in table.index or table.at[term, "count"] == 0:
            continue
        row = table.loc[term]
        forms = " and its forms" if "|" in str(row.forms_seen) else ""
        headline = f" (and {row.headline_count} in the headline, counted apart)" if row.headline_count else ""
        flags = [plural(int(row.hypothetical), "hypothetical use"), plural(int(row.negated), "negated or denied use")]
        times = "once" if row["count"] == 1 else f"{row['count']} times"
        out.append(f'"{term}"{forms} occurs {times} in the body{headline}: '
                   f"{listing(flags)}.")
    quoted = uses[uses.voice.isin(["direct", "partial"])]
    top = quoted.owner.map(stance.counts_for).value_counts()
    lead = f" ({top.iloc[0]} of them {top.index[0]}'s)" if len(top) else ""
    held = int((uses.voice == "view").sum())
    views = f", {held} in a source's reported view (what it fears, believes or wants)" if held else ""
    own = int((uses.voice == "narrator").sum())
    out.append(f"{len(quoted)} of the {plural(total, 'use')} {verb(len(quoted), 'sits', 'sit')} inside quotation "
               f"marks{lead}, {(uses.voice == 'reported').sum()} in reported speech (a source paraphrased){views} and "
               f"{own} {verb(own, 'is', 'are')} the narrator's own.")
    return out


def limitation_findings(article: Article, term_lists: Mapping[str, Sequence[stance.Term]]) -> list[str]:
    """Notebook 05: damage that cost the analysis something, unsure speakers, and how the stance picture holds up
    under other term lists."""
    problems = [p for p in audit.find_problems(article.body) if p.kind in DAMAGE]
    out = [f"Scraping cut or damaged the text in {plural(len(problems), 'place')}; whatever was cut out cannot be "
           "recovered." if problems else "The audit finds no place where text was cut out."]
    entities, found = mentions.find_mentions(article)
    said = quotes.find_quotes(article, found, views=True)  # views for the stance owners below, not counted as quotes
    rows = quotes.quotes_table(said)
    table = quotes.quotes_only(rows)
    if len(table):
        inferred = int(table.inferred.sum())
        lost = int(((table.speaker == "") & (table.cue != "")).sum())
        silent = int(((table.speaker == "") & (table.cue == "")).sum())
        views = f" (the table's {plural(len(rows) - len(table), 'view row')} left out)" if len(rows) > len(table) else ""
        out.append(f"Of {plural(len(table), 'quote row')}{views}, {inferred} {verb(inferred, 'has', 'have')} an inferred "
                   f"speaker (check by hand), {lost} a speech cue but no speaker, and {silent} neither cue nor speaker.")
    compared = stance.compare_lexicons(article, said, term_lists)
    if compared["count"].sum():
        lead = leading_frames(compared)
        out.append(f"{lead[0].upper()}{lead[1:]}.")
    return out


def list_name(name: str) -> str:
    """A term list's name in a sentence: 'the full list', 'the core terms', 'the list without denial'."""
    return f"the list {name}" if name.startswith("without") else name if name.startswith("the ") else f"the {name}"


def leading_frames(compared: pd.DataFrame) -> str:
    """Which frame leads under each term list (lexicon, frame, count, as stance.compare_lexicons gives them, the
    lists in that order): one clause, stating ties and the lists that find no use."""
    leads, empty = {}, []
    for name, rows in compared.groupby("lexicon", sort=False):
        total, top = int(rows["count"].sum()), int(rows["count"].max())
        if total == 0:
            empty.append(list_name(name))
            continue
        first = rows[rows["count"] == top].frame.tolist()
        lead = first[0] if len(first) == 1 else f"a tie of {listing(first)} ({top} {verb(top, 'use', 'uses')} each)"
        leads.setdefault(lead, []).append((list_name(name), top / total))
    none = f"; no uses under {listing(empty)}" if empty else ""
    if len(leads) == 1 and not next(iter(leads)).startswith("a tie"):
        lead, shares = next(iter(leads.items()))
        low, high = (f"{f(s for _, s in shares):.0%}" for f in (min, max))
        every = "every term list tried" if not empty else "every term list that finds a use"
        return (f"{lead} leads the stance wording under {every} "
                f"({low if low == high else f'{low} to {high}'} of uses){none}")
    each = [f"{lead} under {listing([name for name, _ in names])}" for lead, names in leads.items()]
    return f"the leading frame depends on the term list: {'; '.join(each)}{none}"


# ---------------------------------------------------------------------------------------------- a corpus (06)

KIND_WORDS = {"person": "people", "organisation": "organisations", "place": "places speaking as states",
              "other": "speakers described but not named as a person, organisation or place",
              "unattributed": "quotes with no speaker named"}


def month_name(month: str) -> str:
    """'2022-02' -> 'February 2022'; anything else as it is."""
    year, _, number = str(month).partition("-")
    return f"{calendar.month_name[int(number)]} {year}" if number.isdigit() and 1 <= int(number) <= 12 else str(month)


def day_name(date: str) -> str:
    """'2022-02-23' -> '23 February 2022'; a month alone as month_name gives it."""
    day = str(date)[8:10]
    return f"{int(day)} {month_name(str(date)[:7])}" if len(str(date)) == 10 and day.isdigit() else month_name(date)


def month_span(months: Sequence[str]) -> str:
    """'February to July 2022' (or 'December 2021 to March 2022') for the first and last of `months`."""
    first, last = month_name(months[0]), month_name(months[-1])
    if first == last:
        return first
    if first.split()[-1] == last.split()[-1]:
        first = first.rsplit(" ", 1)[0]
    return f"{first} to {last}"


def percent_range(values: Iterable[float]) -> str:
    """'55 to 58%', or '9%' when every value rounds alike."""
    low, high = (f"{100 * v:.0f}" for v in (min(values), max(values)))
    return f"{low}%" if low == high else f"{low} to {high}%"


def _people_findings(entities: pd.DataFrame, analysed: int, min_articles: int) -> list[str]:
    people = entities[entities["kind"] == "person"]
    if people.empty:
        return ["No person is named in the corpus."]
    top = people.sort_values(["articles", "mentions"], ascending=False, kind="stable").iloc[0]
    line = (f"{top.entity} is mentioned in {top.articles:,} of the {analysed:,} articles and quoted in "
            f"{top.articles_quoted:,} of them ({top.articles_quoted / top.articles:.0%})")
    frequent = people[people["articles"] >= min_articles]
    frequent = frequent.assign(share=frequent["articles_quoted"] / frequent["articles"])
    if len(frequent) >= 3:
        least = frequent.sort_values(["share", "articles"], ascending=[True, False], kind="stable").head(2)
        names = [f"{e} ({s:.0%})" for e, s in least[["entity", "share"]].itertuples(index=False)]
        line += (f"; of the {len(frequent)} people named in at least {min_articles} articles, "
                 f"{listing(names)} are the least often quoted where they are mentioned")
    out = [line + "."]
    named = entities[entities["entity"] != quotes.UNATTRIBUTED]
    voiced = named.sort_values(["articles_quoted", "articles"], ascending=False, kind="stable").iloc[0]
    if voiced.articles_quoted > 0:
        out.append(f"{voiced.entity} is quoted in more articles than any other source ({voiced.articles_quoted:,}, "
                   f"of the {voiced.articles:,} that mention {'them' if voiced.kind == 'person' else 'it'}).")
    never = entities[(entities["kind"] == "person") & (entities["articles_quoted"] == 0)]
    if len(never):
        most = never.sort_values(["articles", "mentions"], ascending=False, kind="stable").head(3)
        out.append(f"{plural(len(never), 'person', 'people')} named are never quoted in any article; the most "
                   f"mentioned of them: {counted(most[['entity', 'articles']].itertuples(index=False), limit=3)} "
                   "articles.")
    return out


def _voice_findings(voice: pd.DataFrame, min_articles: int) -> list[str]:
    months = voice[voice["articles"] >= min_articles]
    if months.empty:
        return []
    names = sorted(months["month"].astype(str).unique())
    shares = months.pivot_table(index="month", columns="source_kind", values="share", aggfunc="sum", fill_value=0)
    kinds = [k for k in KIND_WORDS if k in shares.columns]
    parts = [f"{KIND_WORDS[k]} {percent_range(shares[k])}" for k in kinds]
    left_out = sorted(set(voice["month"].astype(str)) - set(names))
    small = f" ({listing([month_name(m) for m in left_out])}, with fewer articles, left out)" if left_out else ""
    return [f"Share of utterances in every month of at least {min_articles} articles, {month_span(names)}{small}: "
            f"{listing(parts)}."]


def _term_rates(uses: pd.DataFrame, per_month: pd.Series, months: Sequence[str]) -> pd.Series:
    """Uses per article of each term over `months`, largest first."""
    mine = uses[uses["month"].isin(months)]
    return (mine.groupby("term")["uses"].sum() / per_month.reindex(months).sum()).sort_values(ascending=False,
                                                                                                  kind="stable")


def _stance_findings(uses: pd.DataFrame, per_month: pd.Series) -> list[str]:
    uses = uses.assign(month=uses["month"].astype(str))
    months = sorted(m for m in per_month.index if m in set(uses["month"]))
    if not months:
        return ["No term of the stance lexicon occurs in the corpus."]
    first = _term_rates(uses, per_month, months[:1])
    top = [f'"{t}" ({r:.1f})' for t, r in first.head(3).items()]
    line = (f"In {month_name(months[0])} ({plural(int(per_month[months[0]]), 'article')}) the stance terms used most "
            f"per article are {listing(top)}")
    if len(months) > 1:
        later = _term_rates(uses, per_month, months[1:])
        leader, lead = later.index[0], later.iloc[0]
        line += f"; from {month_span(months[1:])} \"{leader}\" leads ({lead:.1f} per article)"
        if first.index[0] != leader:
            before, after = first.iloc[0], later.get(first.index[0], 0.0)
            move = "falls" if after < before else "rises"
            line += (f' and "{first.index[0]}" {move} to {after:.1f} ({after / before:.0%} of its '
                     f"{month_name(months[0]).split()[0]} rate)")
    out = [line + "."]
    owners = uses.groupby(["frame", "owner"])["uses"].sum().unstack(fill_value=0)
    if "narrator" in owners.columns:
        total = owners.to_numpy().sum()
        speaker = (1 - owners["narrator"] / owners.sum(axis=1)).sort_values(ascending=False, kind="stable")
        out.append(f"The journalists' own words hold {owners['narrator'].sum() / total:.0%} of the stance-term uses; "
                   f"speakers' share is largest in the {speaker.index[0]} frame ({speaker.iloc[0]:.0%}) and smallest "
                   f"in {speaker.index[-1]} ({speaker.iloc[-1]:.0%}).")
    return out


def _term_list_findings(lists: pd.DataFrame, per_month: pd.Series, min_articles: int,
                        full: str = "full list") -> list[str]:
    totals = lists.groupby("term_list")["uses"].sum()
    if full not in totals.index or totals[full] == 0 or len(totals) < 2:
        return []
    narrator = lists[lists["owner"] == stance.NARRATOR].groupby("term_list")["uses"].sum().reindex(totals.index,
                                                                                                   fill_value=0)
    share = narrator / totals
    others = [name for name in totals.index if name != full]
    named = {name: list_name(name) for name in totals.index}
    found = [f"{named[name]} {totals[name] / totals[full]:.0%}" for name in others]
    frames = lists.groupby(["term_list", "frame"])["uses"].sum().rename("count").reset_index()
    frames = frames.rename(columns={"term_list": "lexicon"}).sort_values(  # the full list first, as notebook 05
        "lexicon", key=lambda name: name.map([full, *others].index), kind="stable")
    lead = leading_frames(frames)
    finds = verb(len(others), "finds", "find")
    out = (f"Of the full list's stance-term uses, the {plural(len(others), 'other term list')} {finds} {listing(found)}; "
           f"the journalists' share of the uses is {percent_range(share[others])} "
           f"({share[full]:.0%} under the full list), and {lead}")
    months = per_month[per_month >= min_articles]
    rates = (lists[lists["month"].astype(str).isin(months.index)].groupby(["term_list", "month"])["uses"].sum()
             .div(months, level="month"))
    if len(months) > 1 and len(rates):
        peaks = rates.groupby(level="term_list").idxmax().map(lambda pair: pair[1])
        if peaks.nunique() == 1:
            out += (f"; every list has its most uses per article in {month_name(peaks.iloc[0])} (of the months of at "
                    f"least {min_articles} articles)")
        else:
            by_month = peaks.groupby(peaks, sort=True).groups
            out += "; the month with most uses per article depends on the list: " + listing(
                [f"{month_name(m)} under {listing([named[n] for n in sorted(names, key=list(peaks.index).index)])}"
                 for m, names in by_month.items()])
    return [out + "."]


def corpus_findings(articles: pd.DataFrame, summary: Mapping[str, pd.DataFrame], min_articles: int = 20) -> list[str]:
    """Notebook 06: the corpus's size and span, who is mentioned and who quoted, whose voice it is month by month,
    how the stance terms move and whose words they are, and how that holds under other term lists; from a corpus
    folder's articles.csv and summary tables (read as notebook 06 reads them). `min_articles` sets which people and
    months are counted in the comparisons: fewer articles give shares too unsteady to compare."""
    ok = articles[articles["status"] == "ok"]
    if ok.empty:
        return ["No article of the corpus was analysed without error."]
    dates = ok["date"].astype(str).replace("", pd.NA).dropna().sort_values()
    span = f", from {day_name(dates.iloc[0])} to {day_name(dates.iloc[-1])}" if len(dates) else ""
    outlets = ok["outlet"].astype(str).replace("", pd.NA).dropna().value_counts()
    source = (f"all from {outlets.index[0]}" if len(outlets) == 1 and outlets.iloc[0] == len(ok)
              else f"from {plural(len(outlets), 'outlet')}")
    failed = len(articles) - len(ok)
    out = [f"{plural(len(ok), 'article')} analysed{span}, {source}"
           f"{f'; {failed:,} could not be analysed' if failed else ''}."]
    per_month = ok.assign(month=ok["date"].astype(str).str[:7]).query("month != ''").groupby("month").size()
    entities = summary["entities"]
    # the outlet's own names and the platforms are not who is in the news (as notebook 06's charts)
    entities = entities[corpus_summary.page_names(entities, ok["outlet"]) == ""]
    out += _people_findings(entities, len(ok), min_articles)
    out += _voice_findings(summary["voice_by_month"], min_articles)
    out += _stance_findings(summary["stance_uses"], per_month)
    if "stance_by_term_list" in summary:  # a corpus folder written before the term lists were counted has none
        out += _term_list_findings(summary["stance_by_term_list"], per_month, min_articles)
    return out
