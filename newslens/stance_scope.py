"""Whether a stance term's own event is negated (or denied) or hypothetical, decided for the term's clause.

No parser and no model: the body's words, the sentence a term sits in, and two editable lists, data/negation_cues.csv
(the cues and what each does) and data/scope_words.csv (the word classes a cue passes through or stops at). From each
cue before the term, nearest first, a short walk reads the words in between: a clause boundary, or another head the
cue governs ("not the FIRST war", "won't WIDEN the war"), stops it; a verb that brings its object about ("will not
SEND troops") lets it through. After the term, its own predicate is read ("an invasion WOULD ...", "sanctions WERE
NOT imposed", "troops ... RULED OUT"). Every decision names its cue and the cue's offsets in the body.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import paths
from .files import read_data_csv

CUES_PATH = paths.DATA / "negation_cues.csv"
WORDS_PATH = paths.DATA / "scope_words.csv"
CUE_KINDS = ("not", "no", "denial", "cessation", "condition", "modal", "prospect", "plan", "infinitive", "nonspecific",
             "pseudo")
NEGATING = {"not", "no", "denial", "cessation"}  # the rest ("condition", "modal", "prospect", "plan") make a use hypothetical
ROLES = ("boundary", "aux", "pass_verb", "block_verb", "occurrence_verb", "nominal_pass", "definite", "indefinite",
         "preposition", "skip", "subject")  # the order decides a word listed under several roles
# Words, with inner apostrophes and hyphens, or any other single character (punctuation).
# A number with thousands separators is one word ("1,000 more troops"): its commas part no clause.
TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+\b|\w+(?:['’]\w+)*(?:[‐‑‒–—-]\w+(?:['’]\w+)*)*|\S")
QUOTE_MARKS = set("\"“”‘’'«»")
BE = {"be", "is", "are", "was", "were", "been", "being"}
NOMINAL_ENDINGS = ("ion", "ions", "ment", "ments", "ity", "ities", "ance", "ences", "ence", "ship", "acy", "ism",
                   "ic", "al", "ive", "ile", "ue", "ues", "shed", "fare", "or", "ors")
ADJECTIVE_ENDINGS = ("ic", "al")  # "diplomatic", "military": an adjective, not a noun modifying the next noun
NOT_ADVERBS = {"family", "supply", "apply", "reply", "rally", "assembly", "anomaly", "monopoly", "italy", "butterfly"}
# The prepositions a verb that brings its object about takes before that object ("lead to war", "call for sanctions",
# "engage in talks", "placed under sanctions"); after others ("be used during the war") the noun is an adjunct, not the
# object.
VERB_PARTICLES = {"to", "for", "in", "into", "on", "with", "under"}
# The prepositions of purpose, target and topic, and "into" of result (Quirk et al. 1985, 9.44-9.58): what follows
# them is the aim, the subject matter or the outcome of the act ("meet for talks", "argue about an incursion", "could
# turn into a war"), so an act not yet real reaches it; after others ("work in partnership", "be under threat",
# "prisoners of war") the noun is a manner, place or part.
GOAL_PREPOSITIONS = {"for", "about", "on", "over", "against", "towards", "toward", "into"}
# The prepositions of topic (Quirk et al. 1985, 9.58): what one fears or warns "about" is unreal when indefinite ("worries
# about a wider war"), a definite or possessive topic is known ("concerned about Sweden's support")
TOPIC_PREPOSITIONS = {"about", "over", "at"}
# Nouns of fear before "of": the people after them are who fears ("the concerns of Nato allies"), not what is feared;
# unlike "the prospect of Nato troops on the battlefield", where they are the unreal event.
FEAR_OF = [[noun, "of"] for noun in ("fear", "fears", "concern", "concerns", "worry", "worries", "anxiety")]
# The prepositions of means and path (Quirk et al. 1985, 9.48): a phrase of means belongs to the verb, also after the
# verb's object ("can build a way out through diplomatic channels", "facilitate his fall through tighter sanctions",
# "would respond with more sanctions", "would be hit with new sanctions"), so an act not yet real reaches it there
# too; the object itself, when definite, stays real, and so do people ("a plan to work with allies").
MEANS_PREPOSITIONS = {"through", "via", "with"}
# A phrase of means or of result belongs to the verb also after the verb's object: "provoking Putin into a wider war"
# (an object-oriented resultative; Quirk et al. 1985, 16.44), "taking us into overt war"; and so does the "from" of
# what is prevented ("to deter Russia from further aggression", "to prevent this conflict from becoming a war").
AFTER_OBJECT = MEANS_PREPOSITIONS | {"into", "from"}
# Determiners that are also adverbs of degree: right after a modal or "to" no noun phrase can open, so they are the
# adverb ("would further complicate", "to further annex").
DEGREE_ADVERBS = {"further", "more"}
# The demonstratives are pronouns as well as determiners (Quirk et al. 1985, 6.40): before a modal they are its subject.
DEMONSTRATIVES = {"this", "that", "these", "those"}
# The privative suffix "-free" after a hyphen ("nuclear-free", "an alliance-free state"; Quirk et al. 1985, I.37): the
# compound says the noun's thing is absent.
PRIVATIVE = re.compile(r"[‐‑-](free)\b", re.IGNORECASE)
# Cardinal numerals after a noun name it ("world war three"), they are no head it modifies.
NUMERALS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "ii", "iii", "iv"}
# Nouns of number before "of": the head of "thousands of troops" in form only (Quirk et al. 1985, 5.25)
NUMBER_NOUNS = {"tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "hundred", "thousand",
                "million", "billion", "dozen"}
QUANTITIES = NUMBER_NOUNS | {"couple", "handful", "majority", "most", "some", "many", "all", "none", "half", "part",
                             "rest", "bulk"}
CLAUSE_PUNCTUATION = set(".!?;:,()[]‐‑‒–—-")  # marks that end a clause or part a list ("$", "%", "/" do not)
MAX_REACH = 25  # tokens between a cue and its term: a longer stretch is another clause in all but name

# Walk states: what the words so far lead the cue to expect next.
# KNOWN_OBJ: the definite object of a verb no list knows ("could shorten the war"): real, but a phrase of means after
# it is not.
# ADJUNCT: inside a prepositional phrase of a clause that is not (yet) real; there an indefinite or bare noun is no
# particular, real thing (Givón 2001, ch. 10: indefinites in irrealis scope are non-referential), a definite one is.
VERB, VERB_UNKNOWN, AFTER_TO, NP, OBJ, NOMINAL, SUBJ, ADJUNCT, KNOWN_OBJ = range(9)
IRREALIS = {"modal", "plan", "condition", "prospect"}


@dataclass(frozen=True)
class Cue:
    cue: str
    kind: str
    position: str


DIRECTED_TO = Cue("to", "plan", "before")  # the "to" after a directive verb's object, read as a plan cue


@dataclass(frozen=True)
class Flag:
    """One flag's verdict: the cue that decided it (as written in the body) and its offsets."""

    cue: str
    start: int
    end: int


_PLAIN = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})


def _norm(word: str) -> str:
    return word.lower().translate(_PLAIN)


def _adjective(form: str) -> bool:
    """Whether a form is (most likely) an adjective by its suffix (Quirk et al. 1985, I.52-I.59: -ic, -ile, -ive, -ous,
    -al but not the noun suffix -ial): as a modifier it is its head's own kind ("a potential hostile response": no
    response, nothing hostile), not a noun naming a thing of its own ("possible war crimes": the war is real)."""
    word = _norm(form)
    return word.endswith(("ic", "ile", "ive", "ous")) or (word.endswith("al") and not word.endswith("ial"))


def load_cues(path: str | Path | None = None) -> tuple[Cue, ...]:
    """Read the cues (cue, kind, position); by default data/negation_cues.csv, read again whenever it changes."""
    path = Path(path or CUES_PATH)
    stat = path.stat() if path.is_file() else None
    return _read_cues(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@lru_cache(maxsize=8)
def _read_cues(path: Path, mtime_ns: int, size: int) -> tuple[Cue, ...]:
    table = read_data_csv(path, ("cue", "kind", "position"))
    cues = []
    for number, row in enumerate(table.itertuples(index=False), start=1):
        cue, kind, position = " ".join(_norm(row.cue).split()), row.kind.strip(), row.position.strip()
        if not cue or kind not in CUE_KINDS or position not in {"before", "after"}:
            raise ValueError(f"{path}: row {number} ({row.cue!r}, {row.kind!r}, {row.position!r}): need a cue, "
                             f"a kind in {list(CUE_KINDS)} and a position before|after")
        cues.append(Cue(cue, kind, position))
    return tuple(cues)


def load_roles(path: str | Path | None = None) -> dict[str, str]:
    """Each word's role in a walk (see data/scope_words.csv), the first of ROLES when it has several; read again
    whenever the file changes."""
    path = Path(path or WORDS_PATH)
    stat = path.stat() if path.is_file() else None
    return _read_roles(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0)


@lru_cache(maxsize=4)
def _read_roles(path: Path, mtime_ns: int, size: int) -> dict[str, str]:
    table = read_data_csv(path, ("words", "role"))
    roles: dict[str, str] = {}
    for number, row in enumerate(table.itertuples(index=False), start=1):
        role = row.role.strip()
        if role in SET_ROLES:
            continue  # read by load_word_set: a word of an aside keeps its role outside one ("however the war ends")
        if role not in ROLES:
            raise ValueError(f"{path}: row {number}: role {role!r} is not one of {list(ROLES)}")
        for word in row.words.split("|"):
            word = _norm(word.strip())
            if word and (word not in roles or ROLES.index(role) < ROLES.index(roles[word])):
                roles[word] = role
    return roles


# word lists read apart from the walk's roles (load_word_set)
SET_ROLES = ("aside", "person", "ordinal", "causative", "directive", "sending", "neg_raising")


def load_word_set(role: str, path: str | Path | None = None) -> frozenset[str]:
    """The words of data/scope_words.csv listed under one of SET_ROLES: "aside" (", however," between commas does
    not end a clause), "person" (nouns for people); read again whenever the file changes."""
    path = Path(path or WORDS_PATH)
    stat = path.stat() if path.is_file() else None
    return _read_word_set(path, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0, role)


@lru_cache(maxsize=8)
def _read_word_set(path: Path, mtime_ns: int, size: int, role: str) -> frozenset[str]:
    table = read_data_csv(path, ("words", "role"))
    return frozenset(_norm(word.strip()) for row in table.itertuples(index=False) if row.role.strip() == role
                     for word in row.words.split("|") if word.strip())


@lru_cache(maxsize=8)
def _cue_index(cues: tuple[Cue, ...]) -> dict[str, list[tuple[tuple[str, ...], Cue]]]:
    """Cues by their first word, longest first, for matching on tokens."""
    index: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for cue in cues:
        words = tuple(_norm(m.group()) for m in TOKEN.finditer(cue.cue))
        index.setdefault(words[0], []).append((words, cue))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def is_verbal(form: str, term: str) -> bool:
    """Whether a matched form is (most likely) a verb: "invades", "deployed"; not "invasion", "sanctions", "war"."""
    form, term = _norm(form), _norm(term)
    if form.endswith(("ed", "ing")):
        return True
    if form == term or form in (term + "s", term + "es") or term in (form + "s", form + "es"):
        return False
    return not form.endswith(NOMINAL_ENDINGS)


@dataclass
class _Hit:
    i: int  # first token
    j: int  # one past the last token
    cue: Cue


class Scope:
    """One body's tokens and sentences, read once; `flags` judges one term use at a time."""

    def __init__(self, body: str, sentences: Sequence[tuple[int, int]], cues: Sequence[Cue],
                 roles: dict[str, str] | None = None):
        self.body = body
        # The current sentence's tokens (set by _sentence_tokens): offsets into the body, as written, normalised.
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.raw: list[str] = []
        self.low: list[str] = []
        self._read: dict[tuple[int, int], tuple[list[int], list[int], list[str], list[str]]] = {}
        self.sentences = sorted(sentences)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.index = _cue_index(cues if isinstance(cues, tuple) else tuple(cues))
        self.roles = load_roles() if roles is None else roles
        self.asides = load_word_set("aside")
        self.people = load_word_set("person")
        self.ordinals = load_word_set("ordinal")
        self.causatives = load_word_set("causative")
        self.directives = load_word_set("directive")
        self.sending = load_word_set("sending")
        self.neg_raising = load_word_set("neg_raising")
        # per sentence: its cue hits sorted by end, their ends (for bisect), and the hits by first token
        self._hits: dict[tuple[int, int], tuple[list[_Hit], list[int], dict[int, list[_Hit]]]] = {}
        self._sentence = ((0, 0), 0, 0)  # the sentence being judged: its key, first token, one past its last

    # ------------------------------------------------------------------------------------------ words

    def _role(self, k: int) -> str | None:
        word = self.low[k]
        role = self.roles.get(word)
        if role is None and (word.endswith("'s") or word.endswith("s'")) and len(word) > 2:
            return "definite"  # a possessive: "Russia's invasion"
        return role

    def _adverb(self, k: int) -> bool:
        """A lower-case word in -ly that no list knows: an adverb, passed over ("would absolutely have")."""
        word = self.low[k]
        return (len(word) >= 6 and word.endswith("ly") and word not in NOT_ADVERBS and self.raw[k][:1].islower()
                and word not in self.roles)

    def _capital(self, k: int, first: int) -> bool:
        return k > first and self.raw[k][:1].isupper()

    def _punct(self, k: int) -> bool:
        return not (self.raw[k][:1].isalnum() or self.raw[k][:1] == "_")

    def _aside_end(self, k: int, j: int) -> int | None:
        """When token k is a comma opening a parenthetical aside (", however,", ", for now,"; Quirk et al. 1985,
        8.134-8.137: disjuncts and conjuncts set off by commas), the token after its closing comma; else None."""
        if self.low[k] != ",":
            return None
        for m in range(k + 1, min(j, k + 5)):
            if self.low[m] == ",":
                return m + 1 if m > k + 1 else None
            if self.low[m] not in self.asides:
                return None
        return None

    def _sentence_tokens(self, start: int, end: int) -> tuple[tuple[int, int], int, int]:
        """Make the sentence holding [start, end) the current one; return (a key for it, its first token, one past
        its last token)."""
        s = bisect.bisect_right(self.sentence_starts, start) - 1
        if s >= 0 and start < self.sentences[s][1]:
            lo, hi = self.sentences[s]
        else:  # between sentences (a stray line): its own paragraph line is the clause
            lo = self.body.rfind("\n", 0, start) + 1
            newline = self.body.find("\n", end)
            hi = len(self.body) if newline < 0 else newline
        key = (lo, hi)
        if key not in self._read:  # only sentences that hold a term are ever split into words
            found = list(TOKEN.finditer(self.body, lo, hi))
            raw = [m.group() for m in found]
            self._read[key] = ([m.start() for m in found], [m.end() for m in found], raw, [_norm(w) for w in raw])
        self.starts, self.ends, self.raw, self.low = self._read[key]
        return key, 0, len(self.starts)

    def _cue_hits(self) -> tuple[list[_Hit], list[int], dict[int, list[_Hit]]]:
        """Every cue in the current sentence's tokens (cues inside a pseudo-negation such as "no doubt" left out),
        found once per sentence and indexed so that each term looks only at the cues near it."""
        key, lo, hi = self._sentence
        if key in self._hits:
            return self._hits[key]
        hits = []
        for i in range(lo, hi):
            for words, cue in self.index.get(self.low[i], ()):
                j = self._match_words(i, hi, words)
                if j is not None:
                    if cue.kind == "modal" and self._not_modal(i, lo):
                        continue
                    hits.append(_Hit(i, j, cue))
        pseudo = {k for h in hits if h.cue.kind == "pseudo" for k in range(h.i, h.j)}
        hits = [h for h in hits if h.cue.kind != "pseudo" and not (h.i in pseudo and h.j - 1 in pseudo)]
        # A negation inside a longer one is read as the longer one: "refused" in "refused to" (which negates a verb,
        # not the whole complement), "no" in "no longer"
        longer = [h for h in hits if h.cue.kind in NEGATING]
        hits = [h for h in hits if h.cue.kind not in NEGATING or not any(
            o.i <= h.i and h.j <= o.j and o.j - o.i > h.j - h.i for o in longer)]
        by_start: dict[int, list[_Hit]] = {}
        for h in hits:
            by_start.setdefault(h.i, []).append(h)
        hits.sort(key=lambda h: (h.j, -h.i))
        self._hits[key] = (hits, [h.j for h in hits], by_start)
        return self._hits[key]

    def _match_words(self, i: int, hi: int, words: tuple[str, ...]) -> int | None:
        """One past the last token of the cue `words` read from token i, quotation marks inside it passed over
        (a scare-quoted word: 'is "open" to talks'); None when the tokens are not the cue."""
        k = i
        for n, word in enumerate(words):
            while n and k < hi and self.low[k] in QUOTE_MARKS:
                k += 1
            if k >= hi or self.low[k] != word:
                return None
            k += 1
        return k

    def _not_modal(self, i: int, lo: int) -> bool:
        """A modal's word used otherwise: "the will of", "a can of", the month "May"."""
        if i > lo and self._role(i - 1) in ("definite", "indefinite") and self.low[i - 1] not in DEMONSTRATIVES:
            return True  # "the will of", "a can of"; a demonstrative before a modal is its subject: "this could mean"
        if self.low[i] == "should" and i + 1 < len(self.raw) and (self._role(i + 1) == "subject"
                                                                  or self.raw[i + 1][:1].isupper()):
            return True  # "should they dare to": the inverted conditional (Quirk et al. 1985, 15.36), a condition cue
        return self.raw[i] == "May" and (i > lo or (i + 1 < len(self.raw) and self.raw[i + 1][:1].isdigit()))

    # ------------------------------------------------------------------------------------------ walks

    def _walk(self, i: int, j: int, hit: _Hit, lo: int) -> int | None:
        """Walk the tokens [i, j) from a cue to its term: the state reached, or None when the cue stops short."""
        kind = hit.cue.kind
        if kind == "denial":  # a denial covers its whole complement, up to the next clause boundary
            for k in range(i, j):
                if (self._punct(k) and self.low[k] not in QUOTE_MARKS) or (
                        self._role(k) == "boundary" and self.low[k] not in ("that", "and", "or")):
                    return None
                if self.low[k] in ("and", "or") and k + 1 < j and self._role(k + 1) in (None, "aux", "pass_verb"):
                    return None  # "denied responsibility and suggested ...": another verb, another clause
                if self._role(k) == "block_verb":
                    return None  # "rejected feelers about joining the alliance": the alliance exists, joining is denied
            return NP
        verb_cue = kind in ("not", "modal", "plan")
        state = SUBJ if kind == "condition" else VERB if verb_cue else NP
        previous, named, resume = None, False, i
        particle_at = -1  # where the conditional clause's verb may take its particle: "goes (ahead) with", "resorts to"
        for k in range(i, j):
            if k < resume:
                continue  # inside an aside
            word, role = self.low[k], self._role(k)
            if role == "block_verb" and k + 1 < j and self.low[k + 1] in ("into", "in"):
                # "into", "in" of result name what the verb brings about: "escalate into a war", "could end in a
                # full-fledged war"; a definite phrase there is known ("would fight in the war")
                if k + 2 < j and self._role(k + 2) == "definite":
                    return None
                role = "pass_verb"
            if self._punct(k):
                if word in QUOTE_MARKS:
                    continue
                resume = self._aside_end(k, j) or 0
                if resume:
                    continue
                if state in (NP, ADJUNCT) and self._coordinate_adjectives(k, j):
                    continue  # "proposing immediate, in-person talks", "would wage a long, costly war"
                return None
            if state == KNOWN_OBJ:
                if word in MEANS_PREPOSITIONS:
                    state, named = ADJUNCT, False
                elif not (role in (None, "indefinite", "definite", "skip", "subject") or word == "of"):
                    return None  # the object's noun phrase goes on to its end: "his fall", "the arming of Kyiv"
                previous = role
                continue
            if k == i and kind == "not" and role == "preposition" and self._after_be(hit) and all(
                    self._role(m) in (None, "definite", "indefinite", "subject")
                    and not self.low[m].endswith(("ing", "ed")) for m in range(k + 1, j)):
                # "Nato is not at war", "we're not into war": a copula's prepositional predicate (Quirk et al. 1985,
                # 16.44) is what the negation denies, when the term heads it (not "not in Nato's interest to send
                # troops", "not about replacing dialogue")
                state, previous = NP, role
                continue
            if role == "boundary":
                if word in ("and", "or") and state in (NP, OBJ, VERB_UNKNOWN, SUBJ):
                    previous = role
                    continue  # inside a noun phrase, a joint subject or a list of acts: "no weapons or troops"
                if word == "as" and ((k == i and kind == "not") or previous == "pass_verb"):
                    previous, state = role, NP  # "not as a defensive alliance", "be seen as an act of aggression"
                    continue
                return None
            if word == "to":
                if previous == "pass_verb":
                    state = NP  # "lead to war"
                elif state in (VERB, AFTER_TO, NOMINAL) or previous == "nominal_pass" or (
                        k > i and self.low[k - 1] == "able"):
                    state = AFTER_TO  # "not to invade", "no intention to invade", "would be able to send" (a
                    # semi-auxiliary; Quirk et al. 1985, 3.47)
                elif k == particle_at:
                    pass  # the verb's object after its particle: "if the EU resorts to sanctions"
                elif state != SUBJ:
                    return None
            elif state == ADJUNCT and (word in BE or role == "aux"):
                return None  # a new predicate after the adjunct: "to deter Putin with sanctions was hindered by ..."
            elif word in BE and state in (VERB, AFTER_TO, SUBJ):
                state = OBJ  # a copula: what follows is its complement ("will be a war", "if there is a war")
            elif word in ("have", "has", "had") and k + 1 < j and self._role(k + 1) in ("definite", "indefinite"):
                state = OBJ  # "have" as the main verb: "would have her support"
            elif role == "aux" and state == SUBJ:
                state = VERB  # "should they be used": the subject is over, its verb comes
            elif role in ("aux", "skip") or self._adverb(k) or (word in DEGREE_ADVERBS and state in (VERB, AFTER_TO)):
                if particle_at == k:
                    particle_at += 1  # an adverb before the particle: "goes ahead with"
            elif role == "pass_verb":
                if state == SUBJ and kind == "condition" and k > i and self._capital(k - 1, lo):
                    particle_at = k + 1  # "if the EU moves ahead with sanctions"
                state = ADJUNCT if state == ADJUNCT else OBJ  # "for talks on providing support"
            elif role == "block_verb":
                return None
            elif role == "nominal_pass" and state != VERB:
                state = NOMINAL
            elif role == "preposition":
                if word == "of" and state == NP and k > i and (self.low[k - 1] in NUMBER_NOUNS or self.low[k - 1][
                        :1].isdigit() or self.low[k - 1] in NUMERALS):
                    pass  # a noun of number is the head in form only: "promised hundreds of thousands of troops" (not
                    # "a part of negotiations", "a couple of hundred thousand troops": a part or a couple is a head)
                elif state == NOMINAL or (previous == "pass_verb" and word in VERB_PARTICLES):
                    state = NP
                elif k == particle_at and word in VERB_PARTICLES:
                    pass  # the verb's object after its particle: "if the EU goes ahead with sanctions"
                elif kind in IRREALIS and (state == ADJUNCT or (state in (VERB_UNKNOWN, OBJ) and word in (
                        GOAL_PREPOSITIONS | MEANS_PREPOSITIONS)) or (state == NP and word in AFTER_OBJECT)):
                    # "will meet on Monday for talks": the aim of an act not yet real (a PP of the verb, not of a
                    # noun: "lessen its reliance on partners"); a new aim leaves the name of the last one behind
                    state, named = ADJUNCT, named and word not in GOAL_PREPOSITIONS | MEANS_PREPOSITIONS
                elif kind in IRREALIS and state in (VERB_UNKNOWN, OBJ) and k + 1 < j and self._capital(k + 1, lo):
                    named = True  # a place or a day on the way ("will meet in Brussels for talks"), never the aim
                elif state != SUBJ:
                    return None
            elif role in ("definite", "indefinite") and state in (VERB, AFTER_TO) and kind != "not" and verb_cue:
                return None  # "going to this war": the cue wants a verb, and "to" was a preposition
            elif role == "definite":
                if k == i and ((kind == "no" and self.low[k - 1] == "of") or (
                        kind == "prospect" and self.low[k - 1] in TOPIC_PREPOSITIONS)):
                    # "keeping out of the war", "free of its alliances", "worries about Russia's invasion": the war,
                    # the alliances, the invasion exist
                    return None
                if kind in NEGATING and previous == "preposition" and k - 2 >= i and (
                        self._role(k - 2) == "nominal_pass") and all(
                        self._role(m) in (None, "definite", "indefinite", "subject") for m in range(k + 1, j)):
                    return None  # "no justification for its invasion": what a definite phrase names is known, only
                    # the justification, the sign or the plan is denied (not "evidence of the kind of deployments":
                    # the phrase's head is another noun of kind)
                if state == VERB_UNKNOWN and kind in IRREALIS:
                    state = KNOWN_OBJ  # "could shorten the war": the war is presupposed, a means after it is not
                elif (state == VERB and kind == "not") or state in (VERB_UNKNOWN, ADJUNCT):
                    return None  # "not the first war"; "could end the war": the war is presupposed
                elif state != SUBJ:
                    state = NP
            elif role == "indefinite":
                if state not in (SUBJ, VERB_UNKNOWN, ADJUNCT):
                    state = NP
            elif role == "subject" or self._capital(k, lo):
                if state == ADJUNCT:
                    named = True  # a name makes the phrase a particular, real thing: "on supporting Nato allies"
                elif state == VERB and (kind in ("modal", "plan") or (kind == "not" and previous == "aux")):
                    state = SUBJ  # a question: "will Russia invade?"; an inversion: "nor will Nato send troops"
                elif state in (NP, OBJ, NOMINAL):
                    state = NP  # a modifier: "Russian troops", "Nato allies"
                elif state not in (SUBJ, VERB_UNKNOWN):
                    return None
            else:  # a word no list knows: a modifier inside a noun phrase, else a verb governing what follows
                if state == NP and word.endswith("ing") and k > i and previous is None and (
                        self.raw[k - 1].isalpha() and self.raw[k - 1].islower()
                        and not self.low[k - 1].endswith(ADJECTIVE_ENDINGS)) and k + 1 < j and (
                        self._role(k + 1) in ("definite", "indefinite") or self._capital(k + 1, lo)):
                    return None  # a participle with its own object after a noun opens a clause of its own: "its role
                    # aiding Russia's invasion" (a reduced relative; Quirk et al. 1985, 17.24)
                if state == ADJUNCT:
                    pass
                elif state in (NP, OBJ, NOMINAL):
                    state = NP
                elif state in (VERB, AFTER_TO):
                    if kind == "not" and k + 2 == j and self.low[k + 1] in ("or", "and", "nor"):
                        resume = j  # verbs joined share the negation: "could no longer invade or threaten"
                        continue
                    if kind == "not":
                        return None  # the negation is this verb's: "did not mention sanctions"
                    state = VERB_UNKNOWN
                elif state == SUBJ and ((k + 1 < j and self._role(k + 1) in ("definite", "indefinite")) or (
                        k > i and self._capital(k - 1, lo))):
                    # "if Russia widens the war": the verb of the conditional clause, before its object or right
                    # after a name ("if the European Union goes ahead with sanctions")
                    state, particle_at = VERB_UNKNOWN, k + 1
            previous = role
        if kind == "not" and state == SUBJ:
            return None  # the term is the inverted subject: the negation is its verb's ("nor will Nato troops leave")
        return None if named or state == KNOWN_OBJ else state

    def _unreal_verb(self, v: int, lo: int, found: list[_Hit]) -> bool:
        """Whether the verb at token v is governed by a modal, a plan cue or the marker "to" right before it (adverbs
        between): an act asked for, expected or possible, not one done ("must stop", "to stop", "plans to stop")."""
        k = v - 1
        while k > lo and (self._adverb(k) or self._role(k) == "skip" and self.low[k] != "to"):
            k -= 1
        return k >= lo and (self.low[k] == "to" or any(h.j == k + 1 and h.cue.kind in ("modal", "plan")
                                                         for h in found))

    def _after_be(self, hit: _Hit) -> bool:
        """Whether the negation `hit` is a copula's: "not" right after a form of "be" ("is not", "we're not"), or a
        negative contraction of it ("isn't", "weren't")."""
        first = self.low[hit.i]
        if first.endswith("n't"):
            return first[:-3] in BE or first[:-3] in ("are", "were", "was", "is")
        if hit.i == 0:
            return False
        before = self.low[hit.i - 1]
        return before in BE or before in ("am", "'s", "'re", "'m") or before.endswith(("'s", "'re", "'m"))

    def _coordinated_walk(self, hit: _Hit, t0: int, lo: int, verbal: bool) -> int | None:
        """The walk's state at the term when the term sits in a later verb phrase of a coordination whose first verb
        the modal or plan cue governs ("will be under fire and face the threat of death", "will send aid to Ukraine,
        as well as levelling sanctions": coordinated predicates share the auxiliary before the first, Quirk et al.
        1985, ch. 13); None when the term is in no such phrase, or a clause boundary comes first."""
        k = hit.j
        while k < t0 and self.low[k] not in BE and (self._role(k) in ("aux", "skip") or self._adverb(k)
                                                     or self.low[k] in ("not", "never")):
            k += 1  # to the first verb: "will also impose", "could not easily send"
        if k >= t0 or not self.raw[k].isalpha() or not self.raw[k].islower() or (self._role(k) not in (
                None, "pass_verb", "occurrence_verb", "block_verb") and self.low[k] not in BE):
            return None  # the cue's own verb, right after it: any word that may be one ("intervene")
        start, m = None, k + 1
        while m < t0:
            if self.low[m] in ("and", "or"):
                v = m + 2 if m + 2 <= t0 and self.low[m + 1] == "to" else m + 1  # "to show strength and to support"
            elif self.low[m:m + 3] == ["as", "well", "as"]:
                v = m + 3
            else:
                v = None
            if v is not None:
                if v < t0 or (v == t0 and (verbal or self.low[v - 1] == "to")):
                    if (self.low[v - 1] == "to" and self.raw[v].isalpha() and self.raw[v].islower()) or self._verb_form(
                            v, ing=self.low[m] == "as"):  # after "to" any word is the verb
                        start = v
                m = v
                continue
            if (self.low[m] in CLAUSE_PUNCTUATION and not (
                    self.low[m] == "," and m + 1 < t0 and self.low[m + 1] in ("and", "or", "as"))) or (
                    self._role(m) == "boundary" and self.low[m] not in ("and", "or", "than")):  # "more than $100m"
                break  # a clause ends, or a list goes on: the walk from the last verb decides
            m += 1
        return None if start is None else self._walk(start, t0, hit, lo)

    def _means_walk(self, hit: _Hit, t0: int, lo: int, verbal: bool) -> int | None:
        """The walk's state at the term when it sits in a "by"-gerund phrase, the means of the act the modal or plan
        cue leaves unreal ("it would be necessary to preserve the state by providing financial support", "would oblige
        it to restore the balance by strengthening its defences, including by deploying nuclear weapons"; Quirk et al.
        1985, 9.48: "by" of means); None when the term is in no such phrase or a clause ends first."""
        by = None
        for m in range(hit.j, t0):
            if self.low[m] == "by" and m + 1 <= t0 and self.low[m + 1].endswith("ing") and self.raw[m + 1].islower():
                # not the agent of a passive ("will be seen by invading forces")
                by = None if any(w in BE for w in self.low[max(hit.j, m - 3):m]) else m
            elif (self.low[m] in CLAUSE_PUNCTUATION and not (self.low[m] == "," and self.low[m + 1] == "including")
                  ) or (self._role(m) == "boundary" and self.low[m] != "than"):
                return None
        if by is None or (by + 1 == t0 and not verbal):
            return None
        return self._walk(by + 1, t0, hit, lo)

    def _verb_form(self, k: int, ing: bool) -> bool:
        """Whether token k opens a predicate: a verb of data/scope_words.csv in its base form ("face", "provide",
        "be"), or with `ing` any -ing form ("as well as levelling"); a word no list knows may be an adjective ("and
        humanitarian support", "or elite support"), so it is no verb here."""
        word, role = self.low[k], self._role(k)
        if not self.raw[k].isalpha() or not self.raw[k].islower():
            return False
        if ing:
            return word.endswith("ing") and role in (None, "pass_verb", "occurrence_verb", "block_verb")
        return (role in ("pass_verb", "occurrence_verb", "block_verb") or word in BE) and not word.endswith(
            ("ed", "ing")) and not (word.endswith("s") and not word.endswith("ss"))

    def _coordinate_adjectives(self, k: int, j: int) -> bool:
        """Whether the comma at token k parts two modifiers of the noun phrase ending at the term at j ("immediate,
        in-person talks", "direct, in-country military support"; Quirk et al. 1985, 17.115: coordinate adjectives):
        a lower-case word no list knows before it, one or two such words and then the term after it."""
        def plain(m: int) -> bool:
            return (self._role(m) is None and self.raw[m][:1].islower() and not self._punct(m)
                    and not self._adverb(m) and not self.low[m].endswith("ing"))
        before = self.low[k - 1] if k > 0 else ""
        plural = before.endswith("s") and not before.endswith(("ss", "us", "is"))  # adjectives have no plural: "who
        # want more liberal policies, most support Sanders" ends a noun phrase at the comma ("serious", "various" do not)
        return k > 0 and plain(k - 1) and not plural and 1 <= j - k - 1 <= 2 and all(plain(m) for m in range(k + 1, j))

    def _definite(self, t0: int, lo: int) -> bool:
        """Whether the noun phrase ending in the term at token t0 opens with a definite determiner or possessive."""
        for k in range(t0 - 1, max(lo, t0 - 5) - 1, -1):
            role = self._role(k)
            if role == "definite":
                return True
            if (self.low[k] == "of" and k > lo and self._role(k - 1) == "nominal_pass") or (
                    role == "nominal_pass" and self.low[k + 1] == "of"):
                continue  # the head in form only: "Putin's act of aggression" is as definite as its "act"
            if self._punct(k) or (role is not None and role != "subject" and not self._capital(k, lo - 1)):
                return False
        return False

    def _predicate(self, t1: int, hi: int, lo: int) -> dict:
        """What follows the term's noun phrase: its auxiliaries, modal, negation, main verb, and an after-cue."""
        k, steps = t1, 0
        found = {"modal": None, "not": None, "be": False, "verb": None, "after": None, "k": k}
        while k < hi and steps < 6:  # the rest of the noun phrase: "an invasion OF UKRAINE would ..."
            role = self._role(k)
            if self.low[k] in QUOTE_MARKS:
                k += 1  # a quotation opening on the predicate: 'deployment on their territories "would provoke ..."'
                continue
            if self._punct(k):
                break
            # a future time adverbial (a multi-word after-cue) on an indefinite noun phrase: "talks in the coming days"
            time = next((h for h in self._starting(k, hi, lo) if h.cue.position == "after" and h.cue.kind not in
                         NEGATING and h.j - h.i > 1), None)
            if time is not None and not self._definite(t1 - 1, lo):
                found["after"] = time
                return found
            after_modifier = k > t1 and self._role(k - 1) in ("preposition", "definite", "indefinite")
            if (role == "preposition" and self.low[k] != "to") or (role in ("definite", "indefinite") and k > t1) or (
                    role is None and (self._capital(k, lo) or after_modifier or self.low[k].isdigit())):
                k, steps = k + 1, steps + 1
                continue
            break
        found["k"] = k
        definite = self._definite(t1 - 1, lo)
        while k < hi:
            # a futurate progressive ("is coming", "were approaching"; Quirk et al. 1985, 4.28) is said of an
            # indefinite subject: "war was coming", not "Chelsea's main threat was coming from crosses"
            hit = next((h for h in self._starting(k, hi, lo) if h.cue.kind in ("not", "modal", "plan") or (
                h.cue.position == "after" and not (definite and h.cue.kind == "prospect" and self.low[h.i] in BE))),
                       None)
            if hit is not None and hit.cue.position == "after":
                found["after"] = hit
                return found
            if hit is not None:
                # a plan after its subject ("troops were trying to ...") is the subject's act, not the subject's event
                key = "not" if hit.cue.kind == "not" else "modal" if hit.cue.kind == "modal" else "plan"
                found[key] = found.get(key) or hit
                for word in self.low[hit.i:hit.j]:
                    found["be"] |= word in BE
                k = hit.j
                continue
            aside = self._aside_end(k, hi)
            if aside is not None:
                k = aside  # "sanctions will not, however, be imposed"
                continue
            if self.low[k] in QUOTE_MARKS:
                k += 1
                continue
            role = self._role(k)
            if role == "aux" or (role == "skip" and self.low[k] != "to") or self.low[k] in BE or (
                    self.low[k] in DEGREE_ADVERBS and found["be"]):  # "must be further tightened"
                found["be"] |= self.low[k] in BE
                k += 1
                continue
            break
        found["k"] = k
        found["verb"] = None if k >= hi or self._punct(k) else self.low[k]
        return found

    def _starting(self, k: int, hi: int, lo: int) -> list[_Hit]:
        return self._cue_hits()[2].get(k, [])

    # ------------------------------------------------------------------------------------------ the verdict

    def flags(self, start: int, end: int, term: str, form: str) -> tuple[Flag | None, Flag | None]:
        """(negation, condition) for the term use at [start, end): the cue that decides each, or None."""
        key, lo, hi = self._sentence = self._sentence_tokens(start, end)
        t0 = bisect.bisect_right(self.starts, start) - 1
        t1 = max(t0 + 1, bisect.bisect_left(self.starts, end))
        t0 = max(t0, lo)
        negation = condition = None
        verbal = is_verbal(form, term)
        found, ends, _ = self._cue_hits()
        near = found[bisect.bisect_left(ends, t0 - MAX_REACH):bisect.bisect_right(ends, t0)]
        hits = [h for h in reversed(near) if h.cue.position == "before"]  # nearest first
        negation_done = False
        prospect = None  # the prospect cue ("plans to") behind the condition, which a negation right before takes over
        # A possessive term ("if he considers the alliance's expansion") is not the head its cue governs; nor is a
        # noun modifying the noun after it ("possible war crimes", "no alliance nation"), for a cue that opens the
        # noun phrase: it governs the phrase's head.
        possessive = self.body[end:end + 2] in ("'s", "’s")
        modifier = not verbal and self._modifies_next(t1, hi, form)
        for hit in hits:
            kind = hit.cue.kind
            if (kind in NEGATING and (negation or negation_done)) or (kind not in NEGATING and condition):
                continue
            if possessive and kind != "denial":
                continue
            if kind == "infinitive":
                if self._asserted_infinitive(hit.i, lo):
                    continue  # "the only country to support Russia", "forced Kyiv to impose sanctions"
                if (hit.j == t0 and self._verb_use(t0, t1, hi, verbal)) or (
                        not (verbal or modifier) and (_norm(form) not in self.people or self.low[hit.j] in self.sending)
                        and not any(h.i < hit.i < h.j for h in near) and self._brought_about(hit.j, t0, lo)):
                    # (a "to" that ends another cue is read with it: "failed to impose sanctions", "plans to send")
                    condition = self._flag(hit.i, hit.j)  # "to invade", "to sanction Russia": not asserted
                    prospect = hit  # "no intention to invade": a denial right before takes it over
                    continue
                if not self._directed(hit.i, lo):
                    continue
                # what one is urged, asked or called on to do is not done yet: the "to" governs its verb phrase as a
                # plan does ("called for the Baltic states to be handed war-fighting capabilities")
                if _norm(form) in self.people or self._definite(t0, lo):
                    # people exist whatever they are asked to do ("to call off his troops"), and so does a thing named
                    # as known ("pressed the alliance to take the threat seriously"), as for any to-infinitive
                    continue
                hit, kind = _Hit(hit.i, hit.j, DIRECTED_TO), "plan"
            if kind == "nonspecific":
                if _norm(form) in self.people or any(h.cue.kind in NEGATING and h.j <= hit.i for h in found) or not (
                        self._opens_phrase(hit.j, t0, lo)):
                    continue  # "not any troops": the negation's scope; people exist; "any of the sanctions" is a part
                hit, kind = _Hit(hit.i, hit.j, Cue(hit.cue.cue, "prospect", hit.cue.position)), "prospect"
            gerund = self.low[next((k for k in range(hit.j, t0) if self.low[k] not in QUOTE_MARKS), t0)].endswith("ing")
            if kind == "no" and hit.j < t0 and self._role(hit.j) == "aux":
                # "nor can his invasion be excused": before an inverted auxiliary "nor", "neither" negate the verb,
                # not a noun phrase (Quirk et al. 1985, 10.60)
                hit, kind = _Hit(hit.i, hit.j, Cue(hit.cue.cue, "not", hit.cue.position)), "not"
            if kind == "cessation":
                if not gerund or self._unreal_verb(hit.i, lo, found):
                    continue  # "to stop a war" keeps it from happening, which is no denial of it; "must stop
                    # supporting", "urged it to stop supporting": the ceasing is not real, the support goes on
                hit, kind = _Hit(hit.i, hit.j, Cue(hit.cue.cue, "not", hit.cue.position)), "not"  # "stopped supporting"
            to = next((k for k in range(t1, min(hi, t1 + 2)) if self.low[k] not in QUOTE_MARKS), hi)
            if kind in IRREALIS and hit.cue.cue.split()[-1] == "for" and _norm(form) in self.people and (
                    to + 1 < hi and self.low[to] == "to" and self.low[to + 1] != "be"):
                continue  # "a call for Nato troops to leave": the subject of the infinitive called for
                # (Quirk et al. 1985, 15.15: for-to clauses) is people, who exist; what they are asked to do is not
                # ("called for more troops to be sent": what is done to them is the event)
            if kind == "prospect" and to + 1 < hi and self.low[to] == "to" and self.raw[to + 1].isalpha() and (
                    self.raw[to + 1].islower() and self._role(to + 1) not in ("definite", "indefinite", "preposition")
                    and self._definite(t0, lo)):
                continue  # "wanted the war to end", "expects the sanctions to bite": a known thing is the subject of the
                # infinitive clause wanted or expected (Quirk et al. 1985, 16.64), only that clause's event is unreal
            if hit.cue.cue.split() in FEAR_OF and _norm(form) in self.people:
                continue  # "the concerns of Nato allies": people after a noun of fear hold it (a subjective
                # genitive, Quirk et al. 1985, 17.41), they are not what is feared, and they exist
            if kind == "plan" and hit.cue.cue.split()[-1] != "to" and not gerund:
                continue  # "aimed at destabilising" (also 'intent on "creating"') is an aim; "aimed at troops", a target
            state = self._walk(hit.j, t0, hit, lo)
            if state is None and kind in ("modal", "plan"):
                # "will be under fire and face the threat"; people exist whatever is done to them ("and urge allies")
                if _norm(form) not in self.people:
                    state = self._coordinated_walk(hit, t0, lo, verbal)
                    state = self._means_walk(hit, t0, lo, verbal) if state is None else state
            if state is None or (hit.cue is DIRECTED_TO and state == VERB_UNKNOWN):
                continue  # a verb no list knows may take a real object: "urged businesses to defy diplomatic warnings"
            if modifier and ((kind in ("no", "prospect") and hit.cue.cue.split()[-1] not in ("of", "for", "to")
                              and not _adjective(form))
                             or (kind in IRREALIS and (state == VERB_UNKNOWN or (
                                 state == ADJUNCT and not _norm(form).endswith(ADJECTIVE_ENDINGS))))):
                # the cue opens the phrase, or its verb's object or aim is the phrase: it governs the head ("launch an
                # investigation into possible war crimes": the war is real); an adjective is the head's own kind ("a
                # way out through diplomatic channels": no channels, no diplomacy)
                continue
            if kind == "denial" and (k := self._denial_negated(hit, lo)) is not None:
                # "did not rule out sanctions", "refused to rule out": not denied, left open
                condition, negation_done = condition or self._flag(k, hit.j), True
                continue
            if kind == "condition" and state == SUBJ and not verbal and not self._happens(t1, hi, lo):
                continue  # "if the war drags on": the condition is about dragging on
            if state == ADJUNCT and (verbal or (_norm(form) in self.people and self._with_phrase(t0, lo))):
                continue  # a verb form inside the adjunct modifies a noun: "be seen by invading forces"; people one
                # acts with exist ("a plan to work with allies")
            if kind in NEGATING:
                negation = self._flag(hit.i, hit.j)
                if prospect is not None and all(self._role(k) in ("definite", "indefinite", "aux", "skip", "subject")
                                                or self.low[k] in BE or self.low[k] in ("have", "has", "had")
                                                for k in range(hit.j, prospect.i)):
                    # "denied any plans to invade", "denied it plans to", "do not have plans to": what is denied is
                    # the plan, not its prospect; not so when the negation opens the subject ("neither country
                    # expects sanctions": no sanctions are expected, and none are real)
                    condition = None
            else:
                condition = self._flag(hit.i, hit.j)
                prospect = hit if kind in ("prospect", "plan") else None
            if negation and condition:
                break
        if negation is None and condition is not None and (raised := self._raised_negation(condition, lo)) is not None:
            negation = self._flag(raised.i, raised.j)  # "I don't think Russia would start a war"
        if condition is None and (modal := self._gerund_subject_modal(t0, t1, lo, hi)) is not None:
            condition = self._flag(modal.i, modal.j)  # "sending troops would be a mistake"
        if negation is None and (suffix := PRIVATIVE.match(self.body, end)):
            negation = Flag(suffix.group(1), suffix.start(1), suffix.end(1))  # "an alliance-free state": without one
        if condition is not None and t1 < hi and self.low[t1] == "already":
            condition = None  # "would adopt the sanctions already imposed": they exist, whatever the clause says
        if not (negation and condition) and not verbal and not self._prepositional(t0, lo):
            # the term as the subject of what follows
            predicate = self._predicate(t1, hi, lo)
            after = predicate["after"]
            if after is not None and after.cue.kind in NEGATING:
                negation = negation or self._flag(after.i, after.j)
            elif after is not None:
                condition = condition or self._flag(after.i, after.j)
            roles = self.roles
            if predicate["not"] and predicate["be"] and roles.get(predicate["verb"] or "") == "pass_verb":
                negation = negation or self._flag(predicate["not"].i, predicate["not"].j)  # "troops were not sent"
            # people exist whatever they would do ("partners would send weapons"); what would be done to them is not
            # real ("troops would be deployed")
            acted_on = predicate["be"] and roles.get(predicate["verb"] or "") == "pass_verb" and not (
                predicate["verb"] or "").endswith("ing")  # "partners would be imposing sanctions" is what they do
            # a thing a block verb acts on exists already ("new sanctions must be further strengthened", "sanctions
            # could be lifted"): only what is done to it is unreal
            exists = roles.get(predicate["verb"] or "") == "block_verb" and predicate["be"]
            if predicate["modal"] and not self._definite(t0, lo) and not exists and (
                    _norm(form) not in self.people or acted_on):
                condition = condition or self._flag(predicate["modal"].i, predicate["modal"].j)  # "a war would"
        return negation, condition

    def _raised_negation(self, condition: Flag, lo: int) -> _Hit | None:
        """The negation of a neg-raising verb right before the clause whose modal is the condition cue ("I don't
        think Russia would start a war": it would not; Horn 1989, A Natural History of Negation,
        5.2): its subject (a pronoun or a name) and an optional "that" between; None when there is no such negation."""
        m = bisect.bisect_left(self.starts, condition.start)
        if m >= len(self.starts) or self.starts[m] != condition.start or not any(
                h.cue.kind == "modal" for h in self._starting(m, 0, lo)):
            return None
        k = m - 1
        while k > lo and k > m - 4 and (self._role(k) == "subject" or self._capital(k, lo)):
            k -= 1  # the complement's subject
        if k == m - 1:
            return None
        k -= self.low[k] == "that"
        if k <= lo or self.low[k] not in self.neg_raising:
            return None
        k -= 1
        while k > lo and self._adverb(k):
            k -= 1  # "don't really think"
        return next((h for h in self._cue_hits()[0] if h.j == k + 1 and h.cue.kind == "not"), None)

    def _opens_phrase(self, i: int, t0: int, lo: int) -> bool:
        """Whether the words [i, t0) before the term are its own noun phrase's modifiers ("any such", "any new
        Russian"), a noun of kind and its "of" included ("any kind of"): no verb, clause or other prepositional phrase."""
        for k in range(i, t0):
            role = self._role(k)
            if self.low[k] == "of" and k > i and self._role(k - 1) == "nominal_pass":
                continue
            if self._punct(k) or role not in (None, "indefinite", "subject", "nominal_pass") or self._adverb(k) or (
                    role is None and self.low[k].endswith(("ed", "ing"))):
                return False  # a participle may be the verb of "any" as a pronoun: "if any opposed the war"
        return True

    def _cue_word(self, k: int) -> bool:
        """Whether token k opens a cue other than a determiner's ("possible", "no"; not "any")."""
        return any(cue.kind != "nonspecific" for _, cue in self.index.get(self.low[k], ()))

    def _with_phrase(self, t0: int, lo: int) -> bool:
        """Whether the noun phrase ending in the term at t0 is the object of "with"."""
        k = t0 - 1
        while k > lo and k > t0 - 5 and not self._punct(k) and self._role(k) in (None, "definite", "indefinite",
                                                                                   "subject"):
            k -= 1
        return k >= lo and self.low[k] == "with"

    def _prepositional(self, t0: int, lo: int) -> bool:
        """Whether the noun phrase ending in the term at t0 is the object of a preposition ("recovery from Russia's war
        of aggression will be ...", "support for sanctions would ..."): then it is no subject, and the predicate after
        it is another noun's. Not after a noun of quantity or kind, the phrase's head only in form ("a number of
        troops would", "thousands of troops will", "any kind of war would": nominal_pass nouns and numerals)."""
        k = t0 - 1
        while k > lo and k > t0 - 5 and not self._punct(k) and (
                self._role(k) in (None, "definite", "indefinite", "subject") and not self._cue_word(k)):
            k -= 1  # over the phrase's determiners, possessives and modifiers
        if k < lo or self._role(k) != "preposition" or (k + 1 < t0 and self.low[k + 1][:1].isdigit()):
            return False  # before a numeral "about", "around", "over" approximate it: "about 300,000 troops will be"
        if self.low[k] == "of" and k > lo:
            before = self.low[k - 1]
            return not (self._role(k - 1) == "nominal_pass" or before.isdigit() or before in NUMERALS
                        or before in QUANTITIES)
        return True

    def _modifies_next(self, t1: int, hi: int, form: str) -> bool:
        """Whether a singular noun term modifies the noun right after it, the head of its phrase ("war crimes",
        "alliance nation"): a lower-case word no list knows, neither an adverb nor a participle, that ends the phrase
        (a boundary, preposition, auxiliary or participle follows); not a head that takes the term as its argument
        ("invasion plans", "troop deployment": nominal_pass nouns, as in "plans for an invasion")."""
        if form.lower().endswith("s") or t1 >= hi or not self.raw[t1].isalpha() or not self.raw[t1].islower():
            return False
        word = self.low[t1]
        if word in self.roles or word in self.index or word in NUMERALS or self._adverb(t1) or word.endswith(
                ("ed", "ing")):
            return False
        if t1 + 1 >= hi or self._punct(t1 + 1):
            return True
        after = self.low[t1 + 1]
        # a lower-case pronoun opens a relative clause with no "that" ("troop movements it was seeing")
        return self._role(t1 + 1) in ("boundary", "preposition", "aux") or after in BE or after.endswith("ed") or (
            self._role(t1 + 1) == "subject" and self.raw[t1 + 1].islower())

    def _verb_use(self, t0: int, t1: int, hi: int, verbal: bool) -> bool:
        """Whether the term right after "to" is a verb: a verbal form ("invade"), or a form that is also a noun with
        an object after it ("to support a resolution", "to sanction Russia"); not "to war", "in addition to
        sanctions"."""
        word = self.low[t1 - 1]
        if word.endswith(("s", "ed", "ing")):
            return False  # an infinitive is a base form: "to diplomats", "committed to supporting" hold a preposition
        if verbal:
            return True
        return t1 < hi and (self._role(t1) in ("definite", "indefinite", "subject") or self._capital(t1, t0))

    def _gerund_subject_modal(self, t0: int, t1: int, lo: int, hi: int) -> _Hit | None:
        """The modal of a clause whose subject is a gerund phrase holding the term ("Sending troops would be a
        mistake", "But keeping multinational troops deployed in Europe will be expensive", "invading Ukraine would
        trigger ..."): the gerund's event is what the modal leaves unreal. None when there is no such subject."""
        g = t0
        while g > lo and not self._punct(g - 1) and self._role(g - 1) != "boundary":
            g -= 1  # the clause opens after a punctuation mark or a boundary word ("but", "that")
        if g > lo and self.low[g - 1] == ",":
            # after a comma only when the comma closes an opening aside ("Of course, deploying ..."): else the gerund
            # is a participle clause of the sentence before ("..., suggesting allies must send ...")
            k = g - 2
            while k >= lo and self.low[k] in self.asides:
                k -= 1
            if k >= lo or k == g - 2:
                return None
        word = self.low[g]
        if t0 - g > 4 or not word.endswith("ing") or len(word) < 6 or self._role(g) not in (None, "pass_verb"):
            return None
        if any(self._role(k) not in (None, "indefinite") or self._punct(k) for k in range(g + 1, t0)):
            return None  # only modifiers between the gerund and its object: no "for", "the", "of"
        for k in range(t1, min(hi, t1 + 12)):
            if self._punct(k) or (self._role(k) == "boundary" and self.low[k] not in ("and", "or")):
                return None
            modal = next((h for h in self._starting(k, hi, lo) if h.cue.kind == "modal"), None)
            if modal is not None:
                return modal
        return None

    def _brought_about(self, v: int, t0: int, lo: int) -> bool:
        """Whether the term at t0 is the indefinite object of a base-form verb at v that brings it about ("to impose
        sweeping sanctions", "to put sanctions on assets"): the infinitive does not assert that object's event."""
        if v >= t0 or self._role(v) != "pass_verb" or self.low[v].endswith(("s", "ed", "ing")):
            return False
        return all(self.low[k] in QUOTE_MARKS or self._role(k) == "indefinite" or (
            self._role(k) is None and self.raw[k][:1].islower() and not self._punct(k)) for k in range(v + 1, t0))

    def _directed(self, to: int, lo: int) -> bool:
        """Whether the to-infinitive at token `to` is what a directive verb asks of its object ("urged Russia to
        return", "called on the community to support", "asked Nato to send"; Quirk et al. 1985, 16.63; Searle 1976's
        directives): a verb of data/scope_words.csv's role directive before it, with no clause boundary between."""
        for k in range(to - 1, max(lo, to - 10) - 1, -1):
            if self.low[k] in self.directives:
                return True
            if self._punct(k) and self.low[k] not in QUOTE_MARKS or self._role(k) == "boundary" or self.low[k] == "to":
                return False
        return False

    def _asserted_infinitive(self, to: int, lo: int) -> bool:
        """Whether the to-infinitive at token `to` asserts its event: an infinitival relative clause after a noun
        modified by an ordinal or "only" ("the first country to impose sanctions", "the only state in the world to
        support Russia"; Quirk et al. 1985, 17.30), or the complement of an implicative causative verb ("prompted
        the allies to impose sanctions", "forced Kyiv to"; Karttunen 1971)."""
        for k in range(to - 1, max(lo, to - 7) - 1, -1):
            if self._punct(k) or (self._role(k) == "boundary" and self.low[k] not in ("and", "or")):
                return False  # a joint object goes on: "prompted Washington and allies to impose sanctions"
            if self.low[k] in self.causatives or (
                    self.low[k] in self.ordinals and k > lo and self._role(k - 1) == "definite"):
                return True
        return False

    def _happens(self, t1: int, hi: int, lo: int) -> bool:
        """Whether the term, as the subject of a conditional clause, is said to take place: "if war breaks out",
        "if sanctions are imposed", "in the event of war," (no verb of its own); not "if the war drags on"."""
        predicate = self._predicate(t1, hi, lo)
        verb = predicate["verb"]
        if verb is None or self._role(predicate["k"]) in ("boundary", "preposition"):
            return predicate["modal"] is None and predicate["not"] is None
        role = self.roles.get(verb)
        return role == "occurrence_verb" or (predicate["be"] and role == "pass_verb")

    def _denial_negated(self, hit: _Hit, lo: int) -> int | None:
        """The first token of a negation right before a denial ("did not rule out", "refused to deny"), if any."""
        for k in range(hit.i - 1, max(lo, hit.i - 4) - 1, -1):
            if self._punct(k):
                return None
            for h in self._cue_hits()[2].get(k, []):
                if h.j <= hit.i and (h.cue.kind == "not" or h.cue.cue.startswith("refus")):
                    return k
        return None

    def _flag(self, i: int, j: int) -> Flag:
        start, end = self.starts[i], self.ends[j - 1]
        return Flag(self.body[start:end], start, end)
