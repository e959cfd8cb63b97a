"""Stance terms: which frame words occur, where, whose words they are, and whether they are negated or hypothetical.

The lexicon (data/stance_terms.csv) and the cues (data/negation_cues.csv) are data a reader edits; nothing about
particular terms lives in this module. Every offset is into article.body as stored; the headline is counted
apart and carries no offsets.
"""
from __future__ import annotations

import bisect
import heapq
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Protocol, Sequence

import pandas as pd

from . import paths
from .files import read_data_csv, read_data_list
from .article import Article
from .audit import doubled_passages, not_article_lines
from .document import Document, read_document
from .mentions import same_name
from .quotes import UNATTRIBUTED, VIEW  # one label for a quote with no speaker, in every table and chart; a view's kind
from .typed_frames import BOOL, INT, OPTIONAL_INT, STR, rows_frame, typed_frame
from .stance_scope import Cue, Flag, Scope, is_verbal, load_cues

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LEXICON_PATH = paths.DATA / "stance_terms.csv"
ACTING_CUES_PATH = paths.DATA / "acting_speech_cues.txt"
NARRATOR = "narrator"
HYPHENS = "-‐‑‒–—"
APOSTROPHES = "'’"
# A form must not continue a longer word. Letters, digits and an apostrophe inside a word ("o'clock", "won't")
# glue words together; a hyphen does not (compounds are searched inside) and neither does a possessive 's.
LEFT_EDGE = r"(?<![^\W_])(?<![^\W_]['’])"
RIGHT_EDGE = r"(?![^\W_])(?!['’](?!s\b)[^\W_])"


class QuoteLike(Protocol):
    """Anything with the offsets and speaker of a quote: newslens.quotes.Quote, or a stand-in in tests."""

    start: int
    end: int
    speaker: str


@dataclass(frozen=True)
class Term:
    frame: str
    term: str
    forms: tuple[str, ...]
    not_in: tuple[str, ...] = ()  # longer phrases in which a form is another sense ("trade war", "diplomatic editor")
    only_with: tuple[str, ...] = ()  # when given, a form counts only with one of these words near it (SENSE_REACH)
    not_as_speaker: tuple[str, ...] = ()  # forms that, naming the speaker of a quote, are a source ("diplomats said")


@dataclass(frozen=True)
class Match:
    """A stretch of text that is one of a term's forms; start and end index into the text searched."""

    start: int
    end: int
    text: str
    term: str
    frame: str
    compound: str  # the whole hyphenated word when the match is part of one ("pre-invasion"), else ""


@dataclass(frozen=True)
class Occurrence:
    """One use of a stance term in the body, with whose words it is and how it is qualified."""

    start: int
    end: int
    text: str
    term: str
    frame: str
    compound: str
    owner: str  # the speaker of the quote it sits in, "(unattributed)", or "narrator"
    voice: str  # the kind of that quote (direct, partial, reported; view for a source's reported view) or "narrator"
    quote_start: int | None
    quote_end: int | None
    negated: bool
    negation_cue: str  # the words that negate or deny the use, as written ("not", "ruled out"); "" when none
    hypothetical: bool
    condition_cue: str  # the words that make it hypothetical ("if", "would", "the threat of"); "" when none
    word_index: int  # index of its first token in newslens.tokens.words(body), the x axis of the dispersion plot
    negation_cue_start: int | None = None  # the cue's offsets in the body (newslens.stance_scope decides)
    negation_cue_end: int | None = None
    condition_cue_start: int | None = None
    condition_cue_end: int | None = None
    # the speakers who own it together when a joint subject spoke ("Washington and London have said": Washington,
    # London), as notebook 03 gives each of them the quote; () when one owner holds it
    speakers: tuple[str, ...] = ()


# A named owner's office, as the quotes step writes it once the owner is resolved ("Boris Johnson's office" for "his
# office said"); a description's ("the president's office") stays as written: which president is not known here.
_OFFICE = re.compile(r"(?P<owner>[A-Z].*?)[’']s\s+(?i:office)")


def counts_for(owner: str) -> str:
    """The source a use counts for in the owner tables and charts: a named owner's office speaks for it ("Boris
    Johnson's office" counts for Boris Johnson, as the never-quoted tables and the stance score have it); any other
    owner as shown."""
    office = _OFFICE.fullmatch(owner)
    return office["owner"] if office else owner


def owners_of(occurrence: Occurrence) -> tuple[str, ...]:
    """Each owner a use counts for (counts_for): the speakers of a joint quote one by one, else its one owner."""
    return tuple(dict.fromkeys(map(counts_for, occurrence.speakers or (occurrence.owner,))))


# ---------------------------------------------------------------------------------------------------- lexicon


def lexicon_from_frame(frame: pd.DataFrame, source: str = "lexicon") -> list[Term]:
    """Build a lexicon from a table with columns frame, term, forms ("|"-separated) and, optionally, not_in,
    only_with and not_as_speaker (the sense rules, "|"-separated); errors name `source`."""
    missing = {"frame", "term", "forms"} - set(frame.columns)
    if missing:
        raise ValueError(f"{source}: missing column(s) {', '.join(sorted(missing))}; need frame, term, forms")
    terms: list[Term] = []
    owner_of: dict[str, str] = {}
    for number, row in enumerate(frame.fillna("").itertuples(index=False), start=1):
        frame_name, term = str(row.frame).strip(), str(row.term).strip().lower()
        if not frame_name or not term:
            raise ValueError(f"{source}: row {number} needs both a frame and a term (got {row.frame!r}, {row.term!r})")
        forms = [term] + [f.strip().lower() for f in str(row.forms).split("|") if f.strip()]
        unique = tuple(dict.fromkeys(_normalise(f) for f in forms))
        for form in unique:
            if form in owner_of and owner_of[form] != term:
                raise ValueError(f"{source}: row {number}: the form {form!r} of {term!r} already belongs to "
                                 f"{owner_of[form]!r}; a form may belong to one term only")
            owner_of[form] = term
        if term in {t.term for t in terms}:
            raise ValueError(f"{source}: row {number}: the term {term!r} is listed twice")
        not_in = _phrases(getattr(row, "not_in", ""))
        if any(not any(re.search(rf"\b{re.escape(f)}\b", phrase) for f in unique) for phrase in not_in):
            raise ValueError(f"{source}: row {number}: every not_in phrase of {term!r} must hold one of its forms "
                             f"(got {'|'.join(not_in)!r})")
        not_as_speaker = _phrases(getattr(row, "not_as_speaker", ""))
        if any(form not in unique for form in not_as_speaker):
            raise ValueError(f"{source}: row {number}: every not_as_speaker form of {term!r} must be one of its forms "
                             f"(got {'|'.join(not_as_speaker)!r})")
        terms.append(Term(frame_name, term, unique, not_in, _phrases(getattr(row, "only_with", "")), not_as_speaker))
    if not terms:
        raise ValueError(f"{source}: the lexicon has no terms")
    return terms


def load_lexicon(path: str | Path | None = None) -> list[Term]:
    """Read a stance lexicon CSV (frame, term, forms, not_in, only_with, not_as_speaker); by default
    data/stance_terms.csv. Read
    again whenever the file changes (a reader's edit shows at the next call); otherwise the parsed list is reused."""
    path = Path(path or LEXICON_PATH)
    stat = path.stat() if path.is_file() else None
    return list(_read_lexicon(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0))


@lru_cache(maxsize=16)
def _read_lexicon(path: Path, mtime_ns: int, size: int) -> tuple[Term, ...]:
    return tuple(lexicon_from_frame(read_data_csv(path), str(path)))


def _phrases(cell: object) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_normalise(p.lower()) for p in str(cell or "").split("|") if p.strip()))


def lexicon_frame(lexicon: Sequence[Term]) -> pd.DataFrame:
    """The lexicon as a table (frame, term, forms, not_in, only_with, not_as_speaker), the shape load_lexicon
    reads."""
    return pd.DataFrame([{"frame": t.frame, "term": t.term, "forms": "|".join(t.forms[1:]),
                          "not_in": "|".join(t.not_in), "only_with": "|".join(t.only_with),
                          "not_as_speaker": "|".join(t.not_as_speaker)} for t in lexicon],
                        columns=["frame", "term", "forms", "not_in", "only_with", "not_as_speaker"])


def without_sense_rules(lexicon: Sequence[Term]) -> list[Term]:
    """The same terms with every sense rule (not_in, only_with, not_as_speaker) dropped: each form counts wherever
    it occurs."""
    return [Term(t.frame, t.term, t.forms) for t in lexicon]


def _normalise(form: str) -> str:
    """One spelling of a form: single spaces, plain hyphens and apostrophes."""
    form = re.sub(r"\s+", " ", form.strip())
    form = re.sub(f"[{HYPHENS}]", "-", form)
    return re.sub(f"[{APOSTROPHES}]", "'", form)


def _form_pattern(form: str) -> str:
    """A regex for one form: any whitespace for a space, any hyphen or dash for a hyphen, either apostrophe."""
    parts = []
    for char in form:
        if char == " ":
            parts.append(r"\s+")
        elif char == "-":
            parts.append(f"[{HYPHENS}]")
        elif char == "'":
            parts.append(f"[{APOSTROPHES}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@lru_cache(maxsize=32)
def _alternation(forms: frozenset[str]) -> tuple[re.Pattern, list[str]]:
    """One regex for many forms, on word boundaries, longest form first so overlaps go to the longer one."""
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    # The forms grouped by first letter, each group behind a look-ahead for that letter: a word is tried against
    # the forms that can match it, not all of them (four times faster; the order within a group is kept, and
    # forms of different groups never match at the same place, so the same form wins).
    by_first: dict[str, list[str]] = defaultdict(list)
    for i, f in enumerate(ordered):
        by_first[f[0].lower()].append(f"(?P<f{i}>{_form_pattern(f)})")
    body = "|".join(f"(?={_form_pattern(c)})(?:{'|'.join(group)})" for c, group in by_first.items())
    # A word start with one of the forms' first letters is checked before the edges and the alternation: most
    # positions fail that cheap test, which makes the search several times faster on long bodies.
    first = "".join(sorted({c for f in ordered for c in (f[0].lower(), f[0].upper())}))
    return re.compile(f"\\b(?=[{re.escape(first)}]){LEFT_EDGE}(?:{body}){RIGHT_EDGE}", re.IGNORECASE), ordered


# ---------------------------------------------------------------------------------------------------- matching


_COMPILED: dict[tuple[int, ...], tuple[tuple[Term, ...], tuple]] = {}


def _compiled_for(lexicon: Sequence[Term]) -> tuple:
    """_compiled for a lexicon, looked up by its terms' identity: hashing every term for each article cost more
    than the search (the terms of load_lexicon are the same objects until the file changes)."""
    key = tuple(map(id, lexicon))
    cached = _COMPILED.get(key)
    if cached is None or any(a is not b for a, b in zip(cached[0], lexicon)):
        if len(_COMPILED) > 32:
            _COMPILED.clear()
        cached = _COMPILED[key] = (tuple(lexicon), _compiled(tuple(lexicon)))
    return cached[1]


@lru_cache(maxsize=32)
def _compiled(lexicon: tuple[Term, ...]) -> tuple[re.Pattern, list[Term], tuple | None, dict[str, re.Pattern]]:
    """The lexicon's patterns, built once: all forms (one alternation), the not_in phrases with the term each
    belongs to, each term's only_with words."""
    form_term = {form: term for term in lexicon for form in term.forms}
    pattern, ordered = _alternation(frozenset(form_term))
    phrase_term = {p: t.term for t in lexicon for p in t.not_in}
    exceptions = None
    if phrase_term:
        phrase_pattern, phrases = _alternation(frozenset(phrase_term))
        exceptions = (phrase_pattern, [phrase_term[p] for p in phrases])
    context = {t.term: re.compile(f"{LEFT_EDGE}(?:{'|'.join(_form_pattern(w) for w in t.only_with)}){RIGHT_EDGE}",
                                  re.IGNORECASE) for t in lexicon if t.only_with}
    return pattern, [form_term[f] for f in ordered], exceptions, context


# How far (in characters, about ten words) an only_with word may stand from the form it licenses, in its sentence.
SENSE_REACH = 60
SENTENCE_END = re.compile(r"[.!?;]\s")
_OF_PHRASE = re.compile(r"\s+of\b", re.IGNORECASE)


# A noun inside a complex preposition "in the N of" ("in the face of", "in the pay of"; Quirk et al. 1985, 9.10-9.13)
# is part of a preposition, not the word that licenses a sense ("face consequences", "pay").
_IN_THE = re.compile(r"\bin\s+the\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def _licensed(text: str, start: int, end: int, words: re.Pattern) -> bool:
    """Whether one of a term's only_with words stands within SENSE_REACH of [start, end), in the same sentence, and
    not as the noun of a complex preposition ("in the face of")."""
    left, right = max(0, start - SENSE_REACH), min(len(text), end + SENSE_REACH)
    for stop in SENTENCE_END.finditer(text, left, start):
        left = stop.end()
    stop = SENTENCE_END.search(text, end, right)
    return any(not (_IN_THE.search(text, max(0, m.start() - 10), m.start()) and _OF_AFTER.match(text, m.end()))
               for m in words.finditer(text, left, stop.start() if stop else right))


def find_matches(text: str, lexicon: Sequence[Term]) -> list[Match]:
    """Every form of every term in `text`: case-insensitive, on word boundaries, longest match first; a form inside
    one of its term's not_in phrases is another sense: left out. A form of a term with only_with words counts where
    one of them stands near it. Elsewhere a bare noun form counts too once it has counted so somewhere in the text:
    one sense per discourse (Gale, Church and Yarowsky 1992: a word keeps its sense through a text), so "deployments"
    in an article that has spoken of troop deployments are troop deployments; a verb's object or a noun's "of" phrase
    says the sense on the spot ("deploy testing teams", "the consequences of the drought"), so those are not carried."""
    pattern, terms, exceptions, context = _compiled_for(lexicon)
    forms = list(pattern.finditer(text))
    # the not_in phrases found, in text order and never overlapping (one regex pass, only when a form was found: in
    # most articles none is): one bisect per match
    other_sense = [] if exceptions is None or not forms else [
        (m.start(), m.end(), exceptions[1][int(m.lastgroup[1:])]) for m in exceptions[0].finditer(text)]
    phrase_starts = [a for a, _, _ in other_sense]
    matches, licensed, unlicensed = [], set(), []
    for found in forms:
        start, end = found.span()
        term = terms[int(found.lastgroup[1:])]
        k = bisect.bisect_right(phrase_starts, start) - 1
        if k >= 0 and end <= other_sense[k][1] and other_sense[k][2] == term.term:
            continue
        match = Match(start, end, found.group(), term.term, term.frame, _compound(text, start, end))
        if term.term in context:
            if not _licensed(text, start, end, context[term.term]):
                if not is_verbal(match.text, term.term) and not _OF_PHRASE.match(text, end):
                    unlicensed.append(match)
                continue
            licensed.add(_normalise(match.text.lower()))
        matches.append(match)
    again = [m for m in unlicensed if _normalise(m.text.lower()) in licensed]
    return sorted(matches + again, key=lambda m: m.start) if again else matches


def _compound(text: str, start: int, end: int) -> str:
    """The whole hyphenated word around a match, or "" when the match is a word on its own."""
    left, right = start, end
    while left > 1 and text[left - 1] in HYPHENS and text[left - 2].isalnum():
        left -= 1
        while left > 0 and (text[left - 1].isalnum() or text[left - 1] in APOSTROPHES):
            left -= 1
    while right < len(text) - 1 and text[right] in HYPHENS and text[right + 1].isalnum():
        right += 1
        while right < len(text) and text[right].isalnum():
            right += 1
    return text[left:right] if (left, right) != (start, end) else ""


def _owner(match: Match, quotes: Sequence[QuoteLike]) -> tuple[str, str, int | None, int | None, tuple[str, ...]]:
    """Whose words: the innermost quote overlapping the match gives its speaker; outside every quote, the narrator.
    (The definition; _owners gives the same for many matches at once.)"""
    inside = [q for q in quotes if q.start < match.end and match.start < q.end]
    if not inside:
        return NARRATOR, NARRATOR, None, None, ()
    quote = _speaking(min(inside, key=lambda q: (q.end - q.start, q.start)), inside)
    return _described(quote, [q for q in inside if (q.start, q.end) == (quote.start, quote.end)])


def _speaking(quote: QuoteLike, quotes: Sequence[QuoteLike]) -> QuoteLike:
    """The quote whose speaker owns words inside `quote`: itself when it has a speaker; else the smallest quote
    around it that has one (a quotation inside X's reported words, its own cue unresolved, is X's words: 'Anna Berg
    believed that “a bad peace beats a good war”'); itself when none does. A quote over the same span
    (a joint speaker) counts as the quote itself."""
    span = (quote.start, quote.end)
    if any(_has_speaker(q) for q in quotes if (q.start, q.end) == span):
        return quote
    around = [q for q in quotes if q.start <= quote.start and quote.end <= q.end and (q.start, q.end) != span
              and _has_speaker(q)]
    return min(around, key=lambda q: (q.end - q.start, q.start)) if around else quote


def _has_speaker(quote: QuoteLike) -> bool:
    return bool((getattr(quote, "speaker", "") or "").strip())


def _described(quote: QuoteLike, joint: Sequence[QuoteLike]) -> tuple[str, str, int | None, int | None, tuple[str, ...]]:
    """Owner, voice, offsets and joint speakers of a quote. A joint subject ("Washington and London have said") comes
    as one quote per speaker over the same span (`joint`, in the quotes' order): they own the words together."""
    speakers = [s for s in dict.fromkeys((getattr(q, "speaker", "") or "").strip() for q in joint) if s]
    return (" and ".join(speakers) or UNATTRIBUTED, getattr(quote, "kind", "") or "quote", quote.start, quote.end,
            tuple(speakers) if len(speakers) > 1 else ())


def _owners(matches: Sequence[Match], quotes: Sequence[QuoteLike]) -> list[tuple[str, str, int | None, int | None,
                                                                               tuple[str, ...]]]:
    """_owner of every match in O((quotes + matches) log quotes): the body is cut once into stretches, each with the
    innermost quote over it (the quotes notebook 03 shows), and each match finds its stretches by bisect."""
    if not quotes:
        return [(NARRATOR, NARRATOR, None, None, ())] * len(matches)
    rank = {k: (q.end - q.start, q.start, k) for k, q in enumerate(quotes)}
    same_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, q in enumerate(quotes):
        same_span[(q.start, q.end)].append(k)
    by_start = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
    points = sorted({q.start for q in quotes} | {q.end for q in quotes})
    cuts, owner_at = [], []  # stretch i runs from cuts[i] to cuts[i + 1]; owner_at[i]: its innermost quote or None
    open_quotes: list[tuple[tuple[int, int, int], int]] = []
    begun = 0
    for point in points:
        while begun < len(by_start) and quotes[by_start[begun]].start <= point:
            k = by_start[begun]
            heapq.heappush(open_quotes, (rank[k], k))
            begun += 1
        while open_quotes and quotes[open_quotes[0][1]].end <= point:  # ended: never innermost again
            heapq.heappop(open_quotes)
        cuts.append(point)
        owner_at.append(open_quotes[0][1] if open_quotes else None)
    owners = []
    for match in matches:
        i = max(0, bisect.bisect_right(cuts, match.start) - 1)
        best = None
        while i < len(cuts) and cuts[i] < match.end:
            k = owner_at[i]
            if k is not None and quotes[k].end > match.start and (best is None or rank[k] < rank[best]):
                best = k
            i += 1
        if best is None:
            owners.append((NARRATOR, NARRATOR, None, None, ()))
        else:
            quote = quotes[best]
            if not any(_has_speaker(quotes[k]) for k in same_span[(quote.start, quote.end)]):
                quote = _speaking(quote, quotes)  # rare: a linear search is cheap enough
            owners.append(_described(quote, [quotes[k] for k in same_span[(quote.start, quote.end)]]))
    return owners


def find_occurrences(body: str, quotes: Sequence[QuoteLike] = (), lexicon: Sequence[Term] | None = None,
                     cues: Sequence[Cue] | None = None, document: Document | None = None) -> list[Occurrence]:
    """Every stance term in the body with its owner (quote speaker or narrator) and its negation/condition flags,
    each decided for the term's own clause (newslens.stance_scope)."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    cues = load_cues() if cues is None else cues
    doc = read_document(body) if document is None else document
    scope = Scope(body, [(s.start, s.end) for s in doc.sentences], cues)
    occurrences = []
    for match, (owner, voice, quote_start, quote_end, speakers) in owned_matches(body, quotes, lexicon,
                                                                                  doc.not_article_spans):
        negation, condition = scope.flags(match.start, match.end, match.term, match.text)
        occurrences.append(Occurrence(match.start, match.end, match.text, match.term, match.frame, match.compound,
                                      owner, voice, quote_start, quote_end, word_index=doc.word_index(match.start),
                                      **_flag_fields(negation, "negat"), **_flag_fields(condition, "condition"),
                                      speakers=speakers))
    return occurrences


@lru_cache(maxsize=1)
def acting_speech_cues() -> frozenset[str]:
    """The first words of speech cues whose speech is an act towards another party (data/acting_speech_cues.txt)."""
    return frozenset(w.lower() for w in read_data_list(ACTING_CUES_PATH))


def owned_matches(body: str, quotes: Sequence[QuoteLike], lexicon: Sequence[Term],
                  outside: Sequence[tuple[int, int]] | None = None) -> list[tuple[Match, tuple]]:
    """The uses find_occurrences flags, each with its owner (speaker or narrator, voice, quote offsets); `outside`,
    the spans of not_article_lines(body) when already at hand."""
    # A use in a line that is not the article's own text (a link headline, "Read more: ...") is not counted; the audit
    # table lists those lines.
    matches = find_matches(body, lexicon)
    if outside is None:
        outside = [(p.start, p.end) for p in not_article_lines(body)] if matches else []  # read only when needed
    if matches and outside:
        # A pull quote printed twice repeats the article's own words: its terms are the article's (the annotation
        # rules, data/annotations/stance/README.md); the quotes step still leaves the copy out.
        repeated = set(doubled_passages(body))
        outside = [span for span in outside if span not in repeated]
    # A form that names the speaker of a quote is a source, not the frame, for terms that say so ("diplomats said").
    as_speaker = {t.term: set(t.not_as_speaker) for t in lexicon if t.not_as_speaker}
    # (so does one naming the holder of a view, "diplomats fear that ...", but not a speaker whose speech is an act
    # towards another party: "diplomats pleaded with the world" do diplomacy)
    acts = acting_speech_cues() if as_speaker else frozenset()
    sources = [(q.speaker_start, q.speaker_end) for q in quotes if as_speaker
               and getattr(q, "speaker_start", None) is not None and getattr(q, "speaker_end", None) is not None
               and (getattr(q, "cue", "") or "").lower().split(" ")[0] not in acts]
    matches = [m for m in matches if not _inside(outside, m.start)
               and not (m.term in as_speaker and _normalise(m.text.lower()) in as_speaker[m.term]
                        and any(a <= m.start < b for a, b in sources))]
    return list(zip(matches, _owners(matches, quotes)))


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether offset falls in one of the sorted, disjoint spans."""
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and offset < spans[k][1]


def _flag_fields(flag: Flag | None, name: str) -> dict[str, object]:
    """An Occurrence's fields for one flag: negated/negation_cue/... or hypothetical/condition_cue/..."""
    key = "negation" if name == "negat" else "condition"
    return {("negated" if name == "negat" else "hypothetical"): flag is not None,
            f"{key}_cue": flag.cue if flag else "", f"{key}_cue_start": flag.start if flag else None,
            f"{key}_cue_end": flag.end if flag else None}


# ---------------------------------------------------------------------------------------------------- tables

OCCURRENCE_KINDS = {"start": INT, "end": INT, "text": STR, "term": STR, "frame": STR, "compound": STR, "owner": STR,
                    "voice": STR, "quote_start": OPTIONAL_INT, "quote_end": OPTIONAL_INT, "negated": BOOL,
                    "negation_cue": STR, "hypothetical": BOOL, "condition_cue": STR, "word_index": INT,
                    "negation_cue_start": OPTIONAL_INT, "negation_cue_end": OPTIONAL_INT,
                    "condition_cue_start": OPTIONAL_INT, "condition_cue_end": OPTIONAL_INT}
# the voices of a source's words given in the writer's words: reported speech, and a source's reported view
PARAPHRASED = ("reported", VIEW)
COUNT_COLUMNS = ["count", "headline_count", "narrator", "quoted", "reported", "negated", "hypothetical"]
TERM_KINDS = {"term": STR, "frame": STR, **dict.fromkeys(COUNT_COLUMNS, INT), "forms_seen": STR, "owners": STR}
FRAME_KINDS = {"frame": STR, **dict.fromkeys(COUNT_COLUMNS, INT), "terms_used": INT}


def occurrence_table(occurrences: Sequence[Occurrence]) -> pd.DataFrame:
    """One row per occurrence, in body order; offsets into article.body."""
    # boolean even with no rows, so that uses[uses.negated] selects rows, never columns
    return rows_frame(occurrences, OCCURRENCE_KINDS, typed_when_empty=("negated", "hypothetical", "compound"))


def _by_column(rows: Sequence[Mapping], kinds: Mapping[str, str]) -> pd.DataFrame:
    """typed_frame from rows that are dicts."""
    return typed_frame({name: [row[name] for row in rows] for name in kinds}, kinds)


def _term_rows(occurrences: Sequence[Occurrence], lexicon: Sequence[Term], title: str | None) -> list[dict]:
    """The stance table's rows, one per term: body and headline counts, narrator/quoted/reported uses, negated,
    hypothetical, forms seen and owners; every term listed, most used first (then by frame and term)."""
    headline = Counter(m.term for m in find_matches(title or "", lexicon))
    by_term: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        by_term[o.term].append(o)
    rows = []
    for term in lexicon:
        mine = by_term.get(term.term, [])
        rows.append({
            "term": term.term, "frame": term.frame, "count": len(mine),
            "headline_count": headline[term.term],
            # whose words: the narrator's own, a source's in quotation marks, or a source's paraphrased (reported;
            # a source's reported view too: the writer's words for what it holds, in no quotation marks)
            "narrator": sum(o.voice == NARRATOR for o in mine),
            "quoted": sum(o.voice not in (NARRATOR, *PARAPHRASED) for o in mine),
            "reported": sum(o.voice in PARAPHRASED for o in mine),
            "negated": sum(bool(o.negated) for o in mine), "hypothetical": sum(bool(o.hypothetical) for o in mine),
            "forms_seen": "|".join(sorted({o.text.lower() for o in mine})),
            "owners": "|".join(sorted({s for o in mine for s in owners_of(o)})),
        })
    return sorted(rows, key=lambda r: (-r["count"], r["frame"], r["term"]))


def _frame_rows(term_rows: Iterable[Mapping]) -> list[dict]:
    """The stance_frames table's rows from term rows: sums per frame, most used first."""
    frames: dict[str, dict] = {}
    for row in term_rows:
        total = frames.setdefault(row["frame"], {"frame": row["frame"], **dict.fromkeys(COUNT_COLUMNS, 0),
                                                 "terms_used": 0})
        for c in COUNT_COLUMNS:
            total[c] += int(row[c])
        total["terms_used"] += int(row["count"]) > 0
    return sorted(frames.values(), key=lambda r: (-r["count"], r["frame"]))


def owner_frame_table(occurrences: Sequence[Occurrence]) -> pd.DataFrame:
    """Owner by frame counts (rows: owners, narrator first; columns: frames); a cell counts uses of that frame. A use
    a joint subject owns counts for each of its speakers, as notebook 03 gives each of them the quote."""
    rows = pd.DataFrame([(s, o.frame) for o in occurrences for s in owners_of(o)], columns=["owner", "frame"])
    table = pd.crosstab(rows["owner"], rows["frame"]) if len(rows) else pd.DataFrame()
    order = sorted(table.index, key=lambda o: (o != NARRATOR, -int(table.loc[o].sum()), o))
    return table.loc[order].rename_axis(index="owner", columns=None).reset_index()


def stance_tables(article: Article, quotes: Sequence[QuoteLike] = (), lexicon: Sequence[Term] | None = None,
                  cues: Sequence[Cue] | None = None, document: Document | None = None) -> dict[str, pd.DataFrame]:
    """The stance step's tables for one article (read once into `document` if given): stance, stance_frames,
    stance_occurrences."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    occurrences = find_occurrences(article.body, quotes, lexicon, cues, document=document)
    rows = _term_rows(occurrences, lexicon, article.title)
    return {"stance": _by_column(rows, TERM_KINDS), "stance_frames": _by_column(_frame_rows(rows), FRAME_KINDS),
            "stance_occurrences": occurrence_table(occurrences)}


def compare_lexicons(article: Article, quotes: Sequence[QuoteLike], lexicons: Mapping[str, Sequence[Term]],
                     cues: Sequence[Cue] | None = None) -> pd.DataFrame:
    """Frame counts under several term lists side by side (one row per lexicon and frame), for the limitations."""
    rows = []
    doc = read_document(article)
    for name, lexicon in lexicons.items():
        frames = stance_tables(article, quotes, lexicon, cues, document=doc)["stance_frames"]
        rows.append(frames.assign(lexicon=name))
    table = pd.concat(rows, ignore_index=True)
    return table[["lexicon"] + [c for c in table.columns if c != "lexicon"]]


def load_annotation(article_id: str) -> pd.DataFrame:
    """The team's hand annotation of an article's stance uses (data/annotations/<id>/stance.csv)."""
    table = read_data_csv(paths.ANNOTATIONS / article_id / "stance.csv")
    return table.astype({"start": int, "end": int, "negated": int, "hypothetical": int})


def compare_with_annotation(uses: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each annotated use beside what was found at its offsets: found?, owner, negated and hypothetical agree?"""
    found = uses.set_index(["start", "end"])
    rows = []
    for g in gold.itertuples(index=False):
        # the gold owner of a paraphrase is its source (reported_by); the narrator only when nobody is reported
        want = g.owner if g.owner != NARRATOR else (g.reported_by or NARRATOR)
        hit = found.loc[(g.start, g.end)] if (g.start, g.end) in found.index else None
        got = None if hit is None else hit["owner"]
        rows.append({"start": g.start, "text": g.text, "term": g.term, "found": hit is not None,
                     "gold_owner": want, "owner": got,
                     "owner_ok": got is not None and same_name(want, got),
                     "negated_ok": hit is not None and bool(hit["negated"]) == bool(g.negated),
                     "hypothetical_ok": hit is not None and bool(hit["hypothetical"]) == bool(g.hypothetical)})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------------- reading


def concordance(body: str, occurrences: Sequence[Occurrence], terms: Iterable[str] | None = None,
                width: int = 45) -> pd.DataFrame:
    """Keyword-in-context lines: `width` characters either side of each occurrence (all terms, or `terms`)."""
    wanted = None if terms is None else {t.lower() for t in terms}
    rows = []
    for o in occurrences:
        if wanted is not None and o.term not in wanted:
            continue
        # Whitespace is collapsed so each line stays on one line; the keyword column lines up.
        left = re.sub(r"\s+", " ", body[max(0, o.start - width):o.start]).rstrip().rjust(width)
        right = re.sub(r"\s+", " ", body[o.end:o.end + width]).lstrip().ljust(width)
        rows.append({"start": o.start, "term": o.term, "owner": o.owner, "negated": o.negated,
                     "hypothetical": o.hypothetical, "left": left, "match": o.text, "right": right,
                     "line": f"{left} [{o.text}] {right}"})
    return pd.DataFrame(rows, columns=["start", "term", "owner", "negated", "hypothetical", "left", "match",
                                       "right", "line"])


OWNER_WIDTH = 28  # characters of an owner's name in a concordance line


def concordance_text(lines: pd.DataFrame) -> str:
    """The concordance as aligned plain text: offset, owner, N (negated) and H (hypothetical) marks, the line.
    The owner column is as wide as the longest owner, up to `OWNER_WIDTH`; a longer name is cut with an ellipsis."""
    width = min(OWNER_WIDTH, max([len("owner"), *map(len, lines["owner"])]))
    rows = [f"{'start':>5}  {'owner':<{width}} NH  keyword in context"]
    for row in lines.itertuples(index=False):
        marks = ("N" if row.negated else "·") + ("H" if row.hypothetical else "·")
        owner = row.owner if len(row.owner) <= width else row.owner[:width - 1].rstrip() + "…"
        rows.append(f"{row.start:>5}  {owner:<{width}} {marks}  {row.line}")
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------------------- charts


def plot_frames(frames: pd.DataFrame, title: str = "Which frames does the article's wording use?") -> tuple[Figure, pd.DataFrame]:
    """Horizontal bars: uses per frame in the body, split into plain, negated and hypothetical uses."""
    from .figures import FLAG_STYLE, new_figure

    data = frames[["frame", "count", "negated", "hypothetical"]].iloc[::-1].reset_index(drop=True)
    fig, ax = new_figure(title, "uses in the body", "", int(data["count"].sum()), "stance-term uses")
    y = range(len(data))
    ax.barh(y, data["count"], label="all uses", **FLAG_STYLE["all"])
    ax.barh([i + 0.17 for i in y], data["negated"], height=0.3, label="of which negated or denied",
            **FLAG_STYLE["negated"])
    ax.barh([i - 0.17 for i in y], data["hypothetical"], height=0.3,
            label="of which hypothetical (if, would, should ...)", **FLAG_STYLE["hypothetical"])
    ax.set_yticks(list(y), data["frame"])
    ax.legend(frameon=False, loc="lower right")
    return fig, data


def plot_owner_frames(occurrences: Sequence[Occurrence],
                      title: str = "Whose words are the stance terms? Uses by speaker and frame") -> tuple[Figure, pd.DataFrame]:
    """Stacked horizontal bars: for the narrator and each quoted speaker, their uses of each frame."""
    from .figures import PALETTE, new_figure

    table = owner_frame_table(occurrences)
    frames = [c for c in table.columns if c != "owner"]
    shared = sum(1 for o in occurrences if len(owners_of(o)) > 1)  # their bars add up to more than the N
    xlabel = "uses in the body" + (f" ({shared} shared by two sources or more, counted for each)" if shared else "")
    fig, ax = new_figure(title, xlabel, "", len(occurrences), "stance-term uses",
                         figsize=(8, max(2.5, 0.45 * len(table) + 1.5)))
    left = pd.Series(0, index=table.index)
    plotted = table.iloc[::-1]
    for i, frame in enumerate(frames):
        ax.barh(plotted["owner"], plotted[frame], left=left.loc[plotted.index], label=frame,
                color=PALETTE[i % len(PALETTE)])
        left = left + table[frame]
    ax.legend(frameon=False, loc="lower right", fontsize=8)
    return fig, table


def plot_dispersion(body: str, occurrences: Sequence[Occurrence], terms: Sequence[str],
                    title: str = "Where in the article do the terms fall?") -> tuple[Figure, pd.DataFrame]:
    """NLTK's lexical dispersion plot over the body's words, one row per term (all of a term's forms)."""
    from nltk.draw.dispersion import dispersion_plot

    from .figures import use_house_style
    from .tokens import words

    terms = [t.lower() for t in terms]
    # Each occurrence's first word is replaced by its term's label, so NLTK plots every form and multi-word
    # terms on one row per term; the x axis is the word position in newslens.tokens.words(body).
    tokens = [span.text.lower() for span in words(body)]
    marker = {}
    for o in occurrences:
        if o.term in terms:
            marker[o.word_index] = o.term
    labelled = [f"\x00{marker[i]}" if i in marker else token for i, token in enumerate(tokens)]
    use_house_style()
    ax = dispersion_plot(labelled, [f"\x00{t}" for t in terms])
    ax.set_yticks(range(len(terms)), list(reversed(terms)), color="black")
    shown = [o for o in occurrences if o.term in terms]
    ax.set_title(f"{title} (N={len(shown):,} uses)")
    ax.set_xlabel(f"position in the body, counted in tokens (words and punctuation, 0 to {len(tokens) - 1:,})")
    ax.set_ylabel("")
    data = pd.DataFrame([{"term": o.term, "word_index": o.word_index, "start": o.start, "text": o.text,
                          "owner": o.owner, "negated": o.negated} for o in shown],
                        columns=["term", "word_index", "start", "text", "owner", "negated"])
    return ax.figure, data


def other_term_lists(lexicon: Sequence[Term], core: Iterable[str], broad: Iterable[str]) -> dict[str, list[Term]]:
    """The full list and three other reasonable ones: its `core` terms only, without `broad` words, without denial."""
    core, broad = set(core), set(broad)
    return {"full list": list(lexicon), "core terms": [t for t in lexicon if t.term in core],
            "without broad words": [t for t in lexicon if t.term not in broad],
            "without denial": [t for t in lexicon if t.frame != "denial"]}
