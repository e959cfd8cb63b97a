"""Each notebook's key findings, computed from the article's tables: a few plain sentences, the same for the seed as
for a reader's own article (no sentence is written for one article)."""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import pandas as pd

from . import audit, mentions, quotes, stance, vocabulary
from .article import Article

# the audit's kinds in a reader's words, singular and plural
PROBLEM_WORDS = {
    "glued_sentence": ("sentence end glued to the next sentence", "sentence ends glued to the next sentence"),
    "fused_words": ("word fused with the next where text was cut out", "words fused with the next where text was cut out"),
    "doubled_punctuation": ("doubled punctuation mark", "doubled punctuation marks"),
    "cut_sentence": ("sentence cut off", "sentences cut off"),
    "lost_speaker": ("quotation that lost its speaker", "quotations that lost their speaker"),
    "lost_subject": ("sentence that lost its subject", "sentences that lost their subject"),
    "unbalanced_quote": ("unbalanced quotation mark", "unbalanced quotation marks"),
}
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


def listing(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def counted(pairs: Iterable[tuple[str, int]], limit: int = 4) -> str:
    """'Ukraine 21, Russia 9 and Moscow 7': the first `limit` names with their counts."""
    return listing([f"{name} {count}" for name, count in list(pairs)[:limit]])


def grouped_by_count(pairs: Iterable[tuple[str, int]], noun: str, limit: int = 10) -> str:
    """'A and B (5 mentions each); C (1 mention)': names grouped by their count, largest first, at most `limit`."""
    groups: dict[int, list[str]] = {}
    for name, count in list(pairs)[:limit]:
        groups.setdefault(int(count), []).append(name)
    parts = [f"{listing(names)} ({plural(count, noun)}{' each' if len(names) > 1 else ''})"
             for count, names in groups.items()]
    return "; ".join(parts)


def markdown(findings: Sequence[str]) -> str:
    """The findings as a Markdown list under a heading, as the notebooks show them."""
    return "**Findings for this article**\n\n" + "\n".join(f"- {line}" for line in findings)


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
                fused = [f'"{article.body[p.start:p.end]}"' for p in problems if p.kind == kind][:4]
                part += f" ({listing(fused)})"
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
        out.append(f"Word pairs that recur: {listing(['*' + p + '*' for p in pairs.pair.head(4)])}.")
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
            examples = listing(['"' + r + '"' for r in roles.role.head(2)])
            out.append(f"{len(roles)} of the {plural(len(people), 'person', 'people')} "
                       f"{verb(len(roles), 'comes', 'come')} with a title, kept as a "
                       f"role ({examples}).")
    for kind, plural_kind in (("place", "places"), ("organisation", "organisations")):
        rows = table[table.kind == kind]
        if len(rows):
            top = [(e, m) for e, m in rows[["entity", "mentions"]].itertuples(index=False) if m > 1]
            detail = f" ({counted(top)})" if top else ""
            out.append(f"{plural(int(rows.mentions.sum()), kind + ' mention')} of {plural(len(rows), kind)}{detail}.")
    spans = mentions.mention_table(found)
    actors = spans[spans.actor & (spans.kind != "person")]
    if len(actors):
        names = list(dict.fromkeys(actors.entity))
        out.append(f"{plural(len(names), 'place or organisation', 'places and organisations')} act like people, "
                   f"followed by a verb ({listing(names[:5])}); they are marked as actors so that quotes can be "
                   "attributed to them.")
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
    others = named[named.speaker_kind != "person"]
    out = [f"{plural(len(named), 'source')} speak: {plural(len(persons), 'person', 'people')} and "
           f"{plural(len(others), 'place or organisation', 'places or organisations')}."]
    full = persons[persons.direct > 0]
    if len(full):
        who = [f"{s} ({plural(int(d), 'quotation')}, {plural(int(w), 'word')} in quotation marks)"
               for s, d, w in full[["speaker", "direct", "own_words"]].itertuples(index=False)]
        out.append(f"{plural(len(full), 'person', 'people')} {verb(len(full), 'gets', 'get')} full quotations: "
                   f"{listing(who)}.")
    if len(others):
        share = int(others.own_words.sum()), int(others.reported_words.sum())
        busiest = others.sort_values("utterances", ascending=False, kind="stable")
        out.append(f"Places and organisations speak {plural(int(others.utterances.sum()), 'time')} against "
                   f"{plural(int(persons.utterances.sum()), 'time')} for people, with {plural(share[0], 'word')} in "
                   f"quotation marks and {share[1]:,} reported in paraphrase; most often "
                   f"{counted(busiest[['speaker', 'utterances']].itertuples(index=False))}.")
    inferred = table[table.inferred].drop_duplicates(["start", "end"])
    if len(inferred):
        direct = table[table.kind == "direct"].drop_duplicates(["start", "end"])
        out.append(f"{plural(len(inferred), 'quote row')} ({int(direct.inferred.sum())} of the "
                   f"{plural(len(direct), 'full quotation')}) lost the words naming the speaker in the text and "
                   f"{verb(len(inferred), 'goes', 'go')} to the last person who spoke "
                   f"({listing(list(dict.fromkeys(inferred.speaker)))}), marked `inferred`.")
    nobody = table[table.speaker == ""].drop_duplicates(["start", "end"])
    if len(nobody):
        texts = [f'"{shorten(t)}"' for t in nobody.text.head(3)]
        out.append(f"{plural(len(nobody), 'quote')} {verb(len(nobody), 'has', 'have')} no speaker: {listing(texts)}.")
    silent = quotes.mentioned_not_quoted(entities, table, kinds=("person",))
    if len(silent):
        names = [f"{e} ({plural(int(m), 'mention')})" for e, m in silent[["entity", "mentions"]].itertuples(index=False)]
        out.append(f"Mentioned but never quoted: {listing(names)}.")
    else:
        out.append("Every person mentioned is quoted.")
    return out


def stance_findings(article: Article, lexicon: Sequence[stance.Term] | None = None,
                    terms: Sequence[str] = ()) -> list[str]:
    """Notebook 04: the frames used, how each of `terms` (and the most used term) is used, whose words they are."""
    said = quotes.find_quotes(article, mentions.find_mentions(article)[1])
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
    top = quoted.owner.value_counts()
    lead = f" ({top.iloc[0]} of them {top.index[0]}'s)" if len(top) else ""
    out.append(f"{len(quoted)} of the {total} uses sit inside quotation marks{lead}, "
               f"{(uses.voice == 'reported').sum()} in reported speech (a source paraphrased) and "
               f"{(uses.voice == 'narrator').sum()} are the narrator's own.")
    return out


def limitation_findings(article: Article, term_lists: Mapping[str, Sequence[stance.Term]]) -> list[str]:
    """Notebook 05: damage that cost the analysis something, unsure speakers, and how the stance picture holds up
    under other term lists."""
    problems = [p for p in audit.find_problems(article.body) if p.kind in DAMAGE]
    out = [f"Scraping cut or damaged the text in {plural(len(problems), 'place')}; whatever was cut out cannot be "
           "recovered." if problems else "The audit finds no place where text was cut out."]
    entities, found = mentions.find_mentions(article)
    said = quotes.find_quotes(article, found)
    table = quotes.quotes_table(said)
    if len(table):
        inferred = int(table.inferred.sum())
        lost = int(((table.speaker == "") & (table.cue != "")).sum())
        silent = int(((table.speaker == "") & (table.cue == "")).sum())
        out.append(f"Of {plural(len(table), 'quote row')}, {inferred} {verb(inferred, 'has', 'have')} an inferred "
                   f"speaker (check by hand), {lost} a speech cue but no speaker, and {silent} neither cue nor speaker.")
    compared = stance.compare_lexicons(article, said, term_lists)
    if compared["count"].sum():
        shares = compared.assign(share=compared["count"] / compared.groupby("lexicon")["count"].transform("sum"))
        leaders = shares.sort_values("share", ascending=False, kind="stable").groupby("lexicon", sort=False).head(1)
        if leaders.frame.nunique() == 1:
            low, high = leaders.share.min(), leaders.share.max()
            spread = f"{low:.0%}" if f"{low:.0%}" == f"{high:.0%}" else f"{low:.0%} to {high:.0%}"
            out.append(f"{leaders.frame.iloc[0].capitalize()} leads the stance wording under every term list tried "
                       f"({spread} of uses).")
        else:
            each = [f"{frame} under {lex}" for lex, frame in leaders[["lexicon", "frame"]].itertuples(index=False)]
            out.append(f"The leading frame depends on the term list: {listing(each)}.")
    return out
