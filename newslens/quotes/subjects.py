"""The words that name a speaker: the subject of a speech cue, before it, inverted after it, or the clause's."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .. import paths
from ..files import read_data_list, read_word_kinds
from ..tokens import QuoteToken

INVERTED_VERBS = paths.DATA / "inverted_speech_verbs.txt"
SENTENCE_OPENERS = paths.DATA / "sentence_openers.txt"
GROUP_QUANTIFIERS = paths.DATA / "group_quantifiers.txt"


def _fused(toks: Sequence[QuoteToken], j: int) -> bool:
    """Whether token j+1 is glued to token j with no space (a scraper's join, split by the tokenizer)."""
    return j + 1 < len(toks) and toks[j].end == toks[j + 1].start and toks[j].text[-1:].isalpha() and toks[j + 1].text[:1].isalpha()


def _possessor(tok: QuoteToken) -> bool:
    return tok.low.endswith(("'s", "’s")) or tok.low.endswith(("s'", "s’"))


PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural", "i": "person"}
RELATIVES = {"who", "which"}
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Words that sit between a subject and its speech verb ("has also said", "had previously told", "yesterday said").
AUX = {
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do",
    "also", "previously", "repeatedly", "publicly", "privately", "recently", "later", "earlier", "again", "often",
    "once", "then", "reportedly", "never", "always", "long", "already", "just", "still", "even", "first", "ultimately",
    "is", "are", "was", "were", "been", "'s", "’s", "'ve", "’ve", "both", "all", "separately", "further", "however",
    "yesterday", "today", "tonight",
}
# Words that end a subject when walking left from a cue: clause openers, prepositions, verbs that are not names.
STOP = {
    "that", "when", "while", "if", "because", "as", "after", "before", "since", "but", "so", "than", "where",
    "although", "though", "or", "nor", "in", "on", "at", "by", "with", "from", "into", "about", "amid", "during",
    "under", "over", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "not", "to",
    "what", "how", "why", "whether", "there", "here", "this", "these", "those", "such", "also", "then", "now",
    "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "however", "meanwhile", "instead", "still", "yet", "later", "earlier", "said", "says", "told", "says", "week",
    "last", "next", "ago", "year", "month", "night", "morning", "afternoon", "evening", "time", "times", "can",
    "could", "should", "may", "might", "must", "do", "does", "did", "it", "he", "she", "they", "we", "i", "you",
    "him", "them", "us", "me", "who", "which", "whom", "against", "toward", "towards", "without", "within", "upon",
    "through", "across", "between", "among", "like", "unlike", "per", "via", "up", "down", "out", "off", "than",
    "very", "too", "much", "many", "more", "most", "only", "just", "even", "again", "ever", "never", "always",
    "being", "having", "get", "got", "make", "made", "take", "took", "go", "went", "come", "came", "see", "saw",
}
# Heads of an organisation's office named after whom it serves or where ("the US mission to the UN")
ORGANISATION_HEADS = {"mission", "delegation", "embassy", "ministry", "office"}
NP_GLUE = {"of", "for", "to", "and", "&", "the", "a", "an", "-", "de", "al", "von", "van", "la", "le", "del", "da"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "that"}
CLAUSE_INTRO = {"who", "which", "whose", "in", "among", "including", "along", "together", "like", "as", "a", "an",
                "the", "at", "on", "for", "with", "from", "after", "before", "speaking", "writing", "citing",
                "according", "meanwhile", "however", "too", "also", "though", "it", "he", "she", "they", "when",
                "where", "whom", "alongside", "unlike", "despite", "but", "and", "by", "during"}
OBJECT_STOP = {"that", ":", "to", "how", "what", "why", "whether", "if", "about", "of"}


QUOTE_TOKENS = {"”", '"', "'", "“"}
WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "today", "yesterday", "earlier", "later", "last", "this", "on", "in", "at", "that", "repeatedly"}


@lru_cache(maxsize=1)
def _head_kinds() -> dict[str, frozenset[str]]:
    """Head nouns of descriptions and documents by kind (data/description_heads.csv)."""
    return read_word_kinds(paths.DATA / "description_heads.csv", ("title", "person", "organisation", "document", "agent"))


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    """Head nouns of descriptions of one person or organisation (data/description_heads.csv: 'minister', 'agency')."""
    kinds = _head_kinds()
    return kinds["title"] | kinds["person"] | kinds["organisation"]


@lru_cache(maxsize=1)
def inverted_verbs() -> frozenset[str]:
    """Speech verbs (lemmas) that put their subject after them ('..., said Johnson'); "called Florida's standards" has an
    object there."""
    return frozenset(read_data_list(INVERTED_VERBS))


@lru_cache(maxsize=1)
def sentence_openers() -> frozenset[str]:
    """Words opening a sentence's adverbial before a comma ('Later that month, ...', 'Nonetheless, ...')."""
    return frozenset(read_data_list(SENTENCE_OPENERS))


@lru_cache(maxsize=1)
def group_quantifiers() -> frozenset[str]:
    """Quantifiers opening the name of an unnamed group ('many in the West', 'some officials')."""
    return frozenset(read_data_list(GROUP_QUANTIFIERS))


# the prepositions between a quantifier and its group ('many in the West', 'many on the left', 'most of the diplomats')
_GROUP_PREPOSITIONS = frozenset({"in", "on", "of", "among", "across"})


def _with_quantifier(toks: Sequence[QuoteToken], a: int, lo: int) -> int:
    """Where the subject starting at token a begins once a quantifier before it is taken in: 'many in | the West',
    'Many | analysts', 'most of | the diplomats' (the group as the text names it); a when there is none."""
    k = a - 1 if a - 1 >= lo and toks[a - 1].low in _GROUP_PREPOSITIONS else a
    if k - 1 >= lo and toks[k - 1].low in group_quantifiers() and (k < a or toks[a].text.islower()):
        return k - 1  # ('Some Russians' is found whole already; a bare quantifier before a name is no group)
    return a


# prepositions joining a group to the place or body it is part of ('doctors in Athens', 'analysts at Investec',
# '61% of Americans')
_GROUP_PLACE_PREPOSITIONS = frozenset({"in", "at", "of"})


def _with_group_head(toks: Sequence[QuoteToken], a: int, lo: int) -> int:
    """Where the subject starting at token a begins once a group it is part of is taken in: 'Doctors in | Athens',
    'analysts at | Investec', '61% of | Americans' (a plural common noun or a share, then a preposition); a when
    there is none. The group speaks, not the whole place or organisation."""
    if a - 2 < lo or toks[a - 1].low not in _GROUP_PLACE_PREPOSITIONS:
        return a
    head = toks[a - 2]
    share = head.text == "%" and a - 3 >= lo and toks[a - 3].text[:1].isdigit() and toks[a - 1].low == "of"
    plural = (head.text.isalpha() and head.low.endswith("s") and not head.low.endswith("ss") and len(head.low) > 2
              and head.low not in STOP and (head.text.islower() or a - 2 == lo or head.text[:-1].isupper()))
    if share:
        return a - 3
    if not plural:
        return a
    found = _np_left(toks, a - 2, lo)
    return found[0] if found else a - 2


def _adverbial_opener(toks: Sequence[QuoteToken], lo: int, comma: int) -> bool:
    """Whether toks[lo:comma] opens its sentence as an adverbial ('Later that month', 'First though', 'Earlier
    Monday'): never the speaker, whose name comes after the comma."""
    words = toks[lo:comma]
    return 0 < len(words) <= 4 and words[0].low in sentence_openers() and all(
        w.text[:1].islower() or w.text[:1].isdigit() or w.low in WHEN_WORDS for w in words[1:])


def _participle_opener(toks: Sequence[QuoteToken], lo: int, comma: int) -> bool:
    """Whether toks[lo:comma] is a participle clause opening its sentence ('Discussing the talks between Moscow and
    Kyiv,'): its nouns are its object, never the subject of the verb after the comma."""
    return comma - lo >= 2 and toks[lo].low.endswith("ing") and toks[lo].text[1:].islower() and not any(
        t.text in {",", ";", ":"} for t in toks[lo + 1:comma])


def _clause_subject(toks: Sequence[QuoteToken], a: int, end: int) -> tuple[list[tuple[int, int]], str] | None:
    """The subject opening the clause at token a: a pronoun, or a run of capitalised words; None otherwise."""
    if a >= end:
        return None
    if toks[a].low in PRONOUNS and toks[a].low not in {"we", "i"}:
        return [(a, a + 1)], toks[a].low
    b = a
    while b < end and (toks[b].text[:1].isupper() or toks[b].low in NP_GLUE or _possessor(toks[b])) and b - a < 10:
        b += 1
    while b > a and toks[b - 1].low in NP_GLUE:
        b -= 1
    if b > a and toks[a].text[:1].isupper() and toks[a].low not in DETERMINERS:
        return _split_joint(toks, (a, b)), ""
    return None


def _np_left(toks: Sequence[QuoteToken], i: int, lo: int) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase ending at token i (inclusive), not before token lo."""
    j = i
    while j >= lo:
        t = toks[j]
        if j < i and _fused(toks, j):
            break  # "VladimirNATO": words run together by a scraper; the subject starts after the join
        glue = t.low in {"to", "of", "for"} and j > lo and (
            toks[j - 1].text[:1].isupper() or toks[j - 1].low in ORGANISATION_HEADS) and toks[j + 1].low != "be"
        glue = glue and (toks[j + 1].text[:1].isupper() or toks[j + 1].low == "the")
        if t.low in STOP and not glue and not (t.text[:1].isupper() and j > lo):
            break
        if t.text in {",", ";", ":", "(", ")", '"', "“", "”", "—", "–", "."} or (not t.text[0].isalnum() and t.text not in {"&", "-"}):
            break
        if not t.text[:1].isupper() and t.low not in NP_GLUE and not t.low.isalpha() and not _possessor(t):
            if not re.fullmatch(r"[\w'’-]+", t.text):
                break
        if i - j >= 10 or (t.text.islower() and len(t.low) > 4 and t.low.endswith(("ing", "ed"))):
            break  # "performing a popular play called": a verb ends the subject
        j -= 1
    a = j + 1
    # Trim glue on the left ("and", "of"), and a capitalised sentence opener such as "However".
    while a <= i and toks[a].low in NP_GLUE - {"the", "a", "an"}:
        a += 1
    if a > i:
        return None
    # Lowercase-only phrases must end in a noun-like word, not an adverb ("publicly").
    if all(not toks[k].text[:1].isupper() for k in range(a, i + 1)) and toks[i].low.endswith("ly"):
        return None
    return a, i + 1


def _np_right(toks: Sequence[QuoteToken], i: int, hi: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at token i, ending before a comma, full stop or a lowercase verb."""
    j = i
    while j < hi:
        t = toks[j]
        if not t.text[0].isalnum() and t.text not in {"&", "-"} and not (j == i and t.low in {"'s"}):
            break
        if j > i and (t.low in STOP or _fused(toks, j - 1)):
            break
        if j - i >= 10:
            break
        j += 1
    if j == i:
        return None
    if not any(toks[k].text[:1].isupper() or toks[k].low in PRONOUNS for k in range(i, j)) \
            and toks[i].low not in DETERMINERS | {"one", "some", "another", "several"}:  # 'says one of the players'
        return None
    return i, j


def _skip_aux_left(toks: Sequence[QuoteToken], i: int, lo: int) -> int:
    # a capitalised "May" or "Will" inside a sentence is a name ("Ms. May acknowledged"), not an auxiliary
    while i >= lo and ((toks[i].low in AUX and not (toks[i].text[:1].isupper() and i > lo))
                       or (toks[i].low.endswith("ly") and toks[i].text.islower()
                           and len(toks[i].low) > 3 and toks[i].low not in {"italy", "family"})):
        i -= 1
    return i


# Words opening a description that may be a relative's antecedent ("a European official who said"), and the words
# that may come right before it (a preposition, a copula)
_DESCRIPTION_OPENERS = frozenset({"a", "an", "the", "one", "some", "several", "two", "three", "many", "another"})
_BEFORE_RELATIVE_ANTECEDENT = frozenset({"by", "from", "with", "of", "among", "including", "is", "was", "are", "were",
                                        ",", "and"})


# A time phrase between a subject and its verb ('Boris Johnson on Wednesday promised', 'Estonia's prime minister last
# week called for'): its last word, and the words that may open it
_TIME_NOUNS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
                         "year", "weekend", "morning", "afternoon", "evening", "night", "today", "yesterday"})
_TIME_OPENERS = frozenset({"on", "last", "this", "earlier", "late", "early"})


def _time_phrase_start(toks: Sequence[QuoteToken], j: int, lo: int) -> int | None:
    """The first token of a time phrase ending at token j ('on Wednesday', 'last week', 'earlier this month'), or
    None when token j ends none."""
    if j < lo or toks[j].low not in _TIME_NOUNS:
        return None
    k = j
    while k - 1 >= lo and (toks[k - 1].low in _TIME_NOUNS | _TIME_OPENERS) and j - k < 3:
        k -= 1
    return k if toks[k].low in _TIME_OPENERS else None


def _subject_left(toks: Sequence[QuoteToken], cue_i: int, lo: int) -> tuple[list[tuple[int, int]], str] | None:
    """The subject of the cue at cue_i: token ranges naming the speaker(s), and the pronoun used (if any)."""
    j = _skip_aux_left(toks, cue_i - 1, lo)
    if j < lo:
        return None
    timed = _time_phrase_start(toks, j, lo)
    if timed is not None and timed - 1 >= lo and (toks[timed - 1].text[:1].isalnum() or toks[timed - 1].text == ",") \
            and toks[timed - 1].low not in STOP | NP_GLUE | AUX:
        # the subject before the time phrase speaks ('Albanese, on Sunday pledged'); not a place's noun ('gathered in
        # the square on Sunday said')
        found = _subject_left(toks, timed, lo)
        first = min((a for a, _ in found[0]), default=lo) if found else lo
        # (a name or a named office: 'A tweet last week said' finds no author, and is left as before)
        named = found and any(toks[k].text[:1].isupper() and toks[k].low not in DETERMINERS
                              for a, b in found[0] for k in range(a, b))
        if named and not (first > lo and toks[first - 1].low in STOP):
            return found
    t = toks[j]
    if t.low in PRONOUNS and t.low not in {"we", "i"}:
        return [(j, j + 1)], t.low
    if t.low in RELATIVES:
        # "Washington, which has said ...": the antecedent before the comma
        if j - 1 >= lo and toks[j - 1].text == ",":
            found = _np_left(toks, j - 2, lo)
            if found:
                return _split_joint(toks, found), ""
        elif j - 1 >= lo and toks[j - 1].text[:1].isalnum():
            # "voiced by a European official who said that ...": a restrictive relative after a preposition, its
            # antecedent a description; the words name it up to the relative (PolNeAR marks the relative as the
            # source; the description is resolved without it). A verb's object ("told a woman who suggested", "not
            # paying an architect who said") is left out: its words are mostly not what the sentence reports.
            found = _np_left(toks, j - 1, lo)
            if found and toks[found[0]].low in _DESCRIPTION_OPENERS and (
                    found[0] == lo or toks[found[0] - 1].low in _BEFORE_RELATIVE_ANTECEDENT):
                return [(found[0], j + 1)], ""
        return None
    if t.text in {"–", "—", ")"}:
        # "the EBU – an alliance of public service media organisations – said", "Sen. John Cornyn (R-Texas) told":
        # step over the inserted phrase to the subject before it
        opener = {"–", "—"} if t.text != ")" else {"("}
        k = j - 1
        while k >= lo and toks[k].text not in opener:
            k -= 1
        found = _np_left(toks, k - 1, lo) if k > lo else None
        return (_split_joint(toks, found), "") if found else None
    if t.text == ",":
        # "The Kremlin, which has denied ..., has insisted", "Marley Anderson, 21, a junior from Las Vegas, said":
        # skip up to three inserted pieces back to the subject before them
        end = j
        for _ in range(3):
            k = end - 1
            while k >= lo and toks[k].text != ",":
                k -= 1
            if k < lo or not (k + 1 < end and (toks[k + 1].low in CLAUSE_INTRO or end - k <= 14)):
                return None
            found = _np_left(toks, k - 1, lo)
            if found and _participle_opener(toks, lo, k) and _clause_subject(toks, k + 1, end):
                # "Discussing the talks between Moscow and Kyiv, Lavrov, said": the name after the opening clause
                return _clause_subject(toks, k + 1, end)
            if found and found[0] == lo and _adverbial_opener(toks, lo, k):
                # "Nonetheless, she played nice ... and, without meaning a word of it, told Tracy": the clause's
                # own subject, after the opening adverbial
                return _clause_subject(toks, k + 1, end)
            chunk = range(k + 1, end)
            if found and _is_name_chunk(toks, chunk) and found[0] - 2 >= lo and toks[found[0] - 1].low in {
                    "to", "of", "for", "at"} and toks[found[0] - 2].text.islower():
                return [(k + 1, end)], ""  # "Russia's ambassador to the UN, Vassily Nebenzya, said": not the UN
            if found and toks[found[1] - 1].text.islower() and _is_name_chunk(toks, chunk):
                return [(k + 1, end)], ""  # "Ukraine's state broadcaster, UA:PBC, said": the name, not the description
            if found and any(toks[m].text[:1].isupper() or toks[m].low in PRONOUNS for m in range(*found)):
                return _split_joint(toks, found), ""
            if found and all(toks[m].text[:1].isupper() or toks[m].low in NP_GLUE for m in chunk):
                return [(k + 1, end)], ""  # "her senior policy adviser, Jake Sullivan, said": the name in apposition
            end = k
        return None
    if t.low in NP_GLUE:
        return None  # "... in the disaster and was asking": a second verb, its subject is further back
    found = _np_left(toks, j, lo)
    if not found:
        return None
    a, b = found
    if b - a == 1 and toks[a].low in POSSESSIVE_PRONOUNS:
        return None
    if (a - 2 >= lo and toks[a].low in POSSESSIVE_PRONOUNS and toks[a - 1].text.islower()
            and len(toks[a - 1].low) > 4 and toks[a - 1].low.endswith("ing")):
        # "the court ruling approving her transfer said": the object of a participle is not the subject; the noun
        # phrase before the participle is
        before = _np_left(toks, a - 2, lo)
        if before and toks[before[1] - 1].low.isalpha() and toks[before[1] - 1].low not in PRONOUNS:
            found = before
    named = _name_before_with(toks, a, lo)
    if named:
        return [named], ""
    for k in range(b - 2, a - 1, -1):
        if toks[k].low in WHEN_WORDS and toks[k].text[:1].isupper() and toks[k + 1].low in {"the", "a", "an"}:
            a, found = k + 1, (k + 1, b)  # 'In early November the company announced': the time is no part of it
            break
    if all(toks[k].low in WHEN_WORDS | {"the"} for k in range(a, b)):
        # "Joe Biden earlier Wednesday announced": a day or month names a time, never a speaker; the subject is
        # before it, unless a preposition ("on Friday") or a clause boundary comes first
        k = a - 1
        while k >= lo and toks[k].low in WHEN_WORDS - {"on", "in", "at", "that", "this"}:
            k -= 1
        if k < a - 1 or (k >= lo and toks[k].text[:1].isupper() and k == a - 1):
            found = _np_left(toks, k, lo) if k >= lo and toks[k].text[:1].isupper() else None
            if found:
                return _joint_list(toks, _split_joint(toks, found), lo), ""
        return None
    holder = _with_described_holder(toks, a, lo)
    if holder < a and holder - 2 >= lo and toks[holder - 1].text == ",":
        # 'Jane Roe, an analyst at Investec said': the name before the description, whose closing comma was left out
        named = _np_left(toks, holder - 2, lo)
        if named and named[1] - named[0] >= 2 and all(toks[k].text[:1].isupper() for k in range(*named)) and (
                named[0] == lo or not toks[named[0] - 1].text[:1].isalnum()):
            return [named], ""
    group = min(_with_quantifier(toks, a, lo), _with_group_head(toks, a, lo), holder)
    if group < a:
        return [(group, b)], ""
    return _joint_list(toks, _split_joint(toks, found), lo), ""


def _with_described_holder(toks: Sequence[QuoteToken], a: int, lo: int) -> int:
    """Where the subject starting at token a begins when it only says where a described speaker is: 'A defence
    official at the embassy in | Oslo told', 'a man in | Leeds said' (noun phrases joined by 'at' or 'in' back
    to one opened by 'a', 'an' or 'the' that opens its clause); a when there is none."""
    start = a
    while start - 2 >= lo and toks[start - 1].low in {"at", "in"} and toks[start - 2].text.isalpha() \
            and toks[start - 2].text.islower() and toks[start - 2].low not in STOP | NP_GLUE | AUX \
            and not toks[start - 2].low.endswith("ed"):
        found = _np_left(toks, start - 2, lo)
        if not found:
            break
        start = found[0]
    opens = start == lo or not toks[start - 1].text[:1].isalnum()
    return start if start < a and toks[start].low in {"a", "an", "the"} and opens and a - start <= 12 else a


def _name_before_with(toks: Sequence[QuoteToken], a: int, lo: int) -> tuple[int, int] | None:
    """'Tim Guest with the health authority says': the person before "with", not the employer after it, speaks."""
    if a - 2 < lo or toks[a - 1].low != "with" or not toks[a - 2].text[:1].isupper():
        return None
    found = _np_left(toks, a - 2, lo)
    if found and found[1] - found[0] >= 2 and all(toks[k].text[:1].isupper() for k in range(*found)):
        return found
    return None


def _joint_list(toks: Sequence[QuoteToken], parts: list[tuple[int, int]], lo: int) -> list[tuple[int, int]]:
    """'the US, Britain and France urged': a joint subject of two or more names also takes the names listed before
    it with commas. A name after a preposition ('In London, Britain and France said') is no subject and ends the list."""
    if len(parts) < 2:
        return parts
    a = parts[0][0]
    while a - 2 >= lo and toks[a - 1].text == ",":
        found = _np_left(toks, a - 2, lo)
        if not found or not any(toks[m].text[:1].isupper() for m in range(*found)):
            break
        before = toks[found[0] - 1].low if found[0] - 1 >= lo else ""
        if before in STOP - {"as", "that", "while", "when", "but", "after", "before", "since", "because", "although",
                             "though", "if"}:
            break
        parts.insert(0, found)
        a = found[0]
    return parts


def _is_name_chunk(toks: Sequence[QuoteToken], chunk: range) -> bool:
    """Capitalised words, possibly glued by punctuation with no space ('UA:PBC'): a name in apposition."""
    if not chunk or not toks[chunk[0]].text[:1].isupper():
        return False
    return all(toks[m].text[:1].isupper() or toks[m].low in NP_GLUE - {"and", "&"}
               or (not toks[m].text[:1].isalnum() and toks[m].start == toks[m - 1].end and m + 1 < chunk.stop
                   and toks[m + 1].start == toks[m].end) for m in chunk)


def _split_joint(toks: Sequence[QuoteToken], rng: tuple[int, int]) -> list[tuple[int, int]]:
    """'Washington and London' -> two speakers; 'Procter and Gamble'-like names rarely speak in the news."""
    a, b = rng
    parts, start = [], a
    for k in range(a, b):
        if toks[k].low == "and" and k > start and k + 1 < b and toks[k + 1].text[:1].isupper() and toks[k - 1].text[:1].isupper():
            parts.append((start, k))
            start = k + 1
    parts.append((start, b))
    return parts


def _employer_follows(toks: Sequence[QuoteToken], j: int, hi: int) -> bool:
    """'said Ann Lee with the Harbor Union': 'with' or 'from' and a name (the speaker's employer), not 'with a
    smile'."""
    if toks[j].low not in {"with", "from"}:
        return False
    k = j + 2 if j + 2 < hi and toks[j + 1].low == "the" else j + 1
    return k < hi and toks[k].text[:1].isupper()


_CITING = frozenset({"cited", "citing", "cites", "quoted", "quoting", "quotes"})
# Verbs that present their object speaking ('a video showed the minister saying', 'heard the crowd chanting')
_PRESENTING = frozenset({"showed", "heard", "filmed", "recorded", "pictured", "watched", "overheard", "caught",
                         "captured", "photographed"})
# Prepositions of place or direction whose object is never the subject of a participle after it ('welcomed the
# delegates to the Foreign Office saying', 'quoted in the local paper saying'); 'with', 'from' and 'into' are left out:
# 'with organisers saying', 'a message from the company warning', 'looking into Home Office orders telling'
# Verbs of putting out a text ('issued a statement saying'): the text speaks for the verb's subject, who issued it
# (general English news usage)
_ISSUING = frozenset({"issued", "released", "published", "posted", "put", "made"})
_PLACE_PREPOSITIONS = frozenset({"to", "in", "at", "across", "inside", "near", "towards", "toward", "through",
                                 "outside"})


def _issuer(toks: Sequence[QuoteToken], spans, lo: int):
    """The subject of a verb of putting out a document ('Haas later issued a statement saying'), whom the document
    speaks for; None when the noun phrase `spans` is no document put out so."""
    a, end = spans[0][0], spans[-1][1]
    k = a - 1
    while k >= lo and toks[k].low in DETERMINERS:
        k -= 1
    if k < lo or toks[k].low not in _ISSUING or toks[end - 1].low not in _head_kinds()["document"]:
        return None
    return _subject_left(toks, k, lo)


def _governed(toks: Sequence[QuoteToken], a: int, end: int, lo: int) -> bool:
    """Whether the noun phrase toks[a:end], a name or opening with 'the', is the object of a preposition of place, or
    a definite object of a verb in the past ('entered the hall warning that ...'): a participle after it hangs on the
    clause's subject, not on it. An indefinite or bare object is mostly a reduced relative's subject ('issued a
    message saying', 'disputed reports suggesting'), and a verb of showing or hearing presents its object speaking
    ('a video showed the minister saying')."""
    k = a - 1
    while k >= lo and toks[k].low in DETERMINERS:
        k -= 1
    if k < lo or not (toks[k + 1].low == "the" or toks[k + 1].text[:1].isupper()) or any(
            toks[n].text.islower() and toks[n].low in NP_GLUE - DETERMINERS for n in range(k + 1, end)):
        return False  # ('to continue writing', 'to free personal care for the elderly despite research suggesting')
    w = toks[k]
    if w.low in _PLACE_PREPOSITIONS:
        return True
    return (toks[k + 1].low == "the" and w.text.islower() and len(w.low) > 4 and w.low.endswith("ed")
            and w.low not in _PRESENTING | _CITING)


def _find_subject(toks, i, last, lo, hi, frame_attrs, lemma: str = "say") -> tuple[list[tuple[int, int]], str]:
    """The speaker words of the cue at token i: before it, inverted after it, or the clause's subject."""
    t = toks[i]
    prev = toks[i - 1] if i > lo else None
    progressive = prev is not None and prev.low in {"is", "are", "was", "were", "been", "be", "am", "'s", "’s"}
    earlier = frame_attrs[-1] if frame_attrs and frame_attrs[-1].speaker_spans and toks[
        frame_attrs[-1].speaker_spans[-1][1] - 1].low not in RELATIVES else None
    if t.low.endswith("ing") and not progressive and lemma == "add" and earlier is not None \
            and earlier.cue_i < i - 1 and last + 1 < hi and (toks[last + 1].text in {":", ",", "that"} | QUOTE_TOKENS):
        # "Berg said the plan had support from voters adding: ...": one adds to what one said, so 'adding' goes on
        # from the sentence's earlier speaker, never the noun before it (not 'which suggests adding incentives')
        return list(earlier.speaker_spans), earlier.pronoun
    if t.low.endswith("ing") and not progressive and prev is not None and prev.text[:1].isalpha() \
            and prev.low not in {"and", "but", "by", "while", "before", "after", "also", "then", "without", "as"} \
            and prev.low not in AUX and prev.low not in WHEN_WORDS:
        # "with organisers saying ...": the noun right before the verb is its subject ("a statement on Friday
        # stating" is not: a day or month never speaks)
        subj = _subject_left(toks, i, lo)
        issuer = _issuer(toks, subj[0], lo) if subj is not None and subj[0] else None
        if issuer is not None:
            return issuer
        if subj is not None and not (subj[0] and _governed(toks, subj[0][0][0], subj[0][-1][1], lo)):
            return subj
    if t.low.endswith("ing") and prev is not None and prev.low == "as" and i - 2 >= lo:
        # "Tass cited Russia's ambassador as saying", "agencies quoting officials as saying": the one cited speaks
        cited = _np_left(toks, i - 2, lo)
        if cited and cited[0] - 1 >= lo and toks[cited[0] - 1].low in _CITING:
            return [cited], ""
    if t.low.endswith("ing") and not progressive:
        # "..., saying that": the subject of the clause it hangs on, not the nearest noun (nor a relative's
        # antecedent: 'forced to defend not paying an architect who said ..., saying')
        if earlier is not None:
            return list(earlier.speaker_spans), earlier.pronoun
        subj0 = _sentence_subject(toks, lo, i)
        return (_split_joint(toks, subj0), "") if subj0 else ([], "")
    if prev is not None and prev.text == ",":
        # "Hemsley, the co-author of ..., said the days ...": a subject before an inserted phrase comes first
        subj = _subject_left(toks, i, lo)
        if subj is not None:
            return subj
    if prev is not None and (prev.text in QUOTE_TOKENS or (prev.text == "," and lemma in inverted_verbs())):
        # inverted: '"...," said Johnson.'  '..., said Michael O'Hanlon, a fellow at ...'
        inv = _np_right(toks, last + 1, hi)
        if inv and toks[inv[0]].low not in WHEN_WORDS and (
                inv[1] >= hi or toks[inv[1]].text in {",", ".", ";", "(", "—", "–"} | QUOTE_TOKENS
                or toks[inv[1]].low in {"who", "whose", "in", "on", "at", "during", "after", "before", "as", "while",
                                        "when"}
                or (toks[inv[1]].low == "with" and inv[1] + 1 < hi  # 'said Colton with a smile'
                    and toks[inv[1] + 1].low in {"a", "an", "his", "her", "their"})
                or _employer_follows(toks, inv[1], hi)):
            return [inv], ""
    j = _skip_aux_left(toks, i - 1, lo)
    if prev is not None and (prev.low in {"and", "but"} or (j >= lo and j < i - 1 and toks[j].low in {"and", "but"})):
        # "... and asked", "... but has said": a second verb shares the subject of the first
        if frame_attrs and frame_attrs[-1].speaker_spans:
            return list(frame_attrs[-1].speaker_spans), frame_attrs[-1].pronoun  # "... but added that"
        subj0 = _sentence_subject(toks, lo, i)  # "He shook hands and asked ..."
        return (_split_joint(toks, subj0), "") if subj0 else ([], "")
    subj = _subject_left(toks, i, lo)
    if subj is not None:
        return subj
    return [], ""


_FINITE_VERBS = {"is", "are", "was", "were", "has", "have", "had"}


def _verb_after_adverbs(toks, m: int, i: int) -> bool:
    """Whether a verb in the past or an auxiliary follows at token m, past adverbs ('also published', 'has')."""
    while m < i - 1 and toks[m].text.islower() and (toks[m].low in {"also", "then", "now", "later", "again"}
                                                    or toks[m].low.endswith("ly")):
        m += 1
    return m < i and toks[m].text.islower() and (toks[m].low.endswith("ed") or toks[m].low in AUX)


def _sentence_subject(toks, lo, i):
    """The first noun phrase of the sentence (after an opening phrase ending in a comma, or a quote opening it)."""
    if lo < i and toks[lo].text in QUOTE_TOKENS:
        # '“When the books were shown to me, ...,” he was quoted as saying': the subject follows the quote
        close = max((k for k in range(lo + 1, i) if toks[k].text in QUOTE_TOKENS), default=None)
        if close is None:
            return None
        lo = close + 1
        while lo < i and toks[lo].text == ",":
            lo += 1
    if lo < i and toks[lo].low in {"he", "she", "they"}:
        return (lo, lo + 1)  # 'She had declined comment to the Globe, saying ...': a pronoun opening it is its subject
    j = lo
    for k in range(lo, i):
        if toks[k].text == ",":
            main_clause = toks[lo].low in {"the", "a", "an"} and any(
                t.text.islower() and (t.low in _FINITE_VERBS or (len(t.low) > 4 and t.low.endswith("ed")))
                for t in toks[lo + 1:k])  # 'The diocese issued a statement on Tuesday, saying': no opening phrase
            if (toks[lo].low in CLAUSE_INTRO or toks[lo].text.islower() or _adverbial_opener(toks, lo, k)) \
                    and not main_clause:
                j = k + 1
            break
    if j < i and toks[j].low in {"he", "she", "they", "it", "who"}:
        return (j, j + 1)
    def capitalised_run(k: int) -> int:
        start = k
        while k < i and (toks[k].text[:1].isupper() or toks[k].low in NP_GLUE or _possessor(toks[k])) and k - start < 10:
            k += 1
        return k

    k = capitalised_run(j)
    # a title in lower case before the name ('Chinese foreign ministry spokeswoman Hua Chunying shot back'), or a
    # determiner's noun before its verb ('The diocese issued a statement, saying'): up to three lower-case words that
    # are neither clause words nor verbs (-ed), then a name, or a verb
    m = k
    # ("US secretary of state Antony Blinken": an "of" inside the title)
    # ("The foreign ministry's consular-affairs office": a possessive or a hyphenated word inside the description)
    while m < i and m - k < 4 and re.fullmatch(r"[a-z]+(?:-[a-z]+)*(?:['’]s)?", toks[m].text) \
            and toks[m].low not in STOP \
            and (toks[m].low not in NP_GLUE | DETERMINERS or (toks[m].low == "of" and m > k)) \
            and not toks[m].low.endswith("ed") and toks[m].low not in AUX:
        m += 1
    heads = [n for n in range(k, m) if toks[n].low in _head_words()]
    if m > k > j and toks[j].low not in DETERMINERS and m < i and toks[m].text[:1].isupper() \
            and toks[m].text[:1].isalpha():
        k = capitalised_run(m)
    elif heads and k > j and (toks[j].low in {"the", "a", "an"} or _possessor(toks[k - 1])):
        # 'The Russian foreign minister left ... after telling', 'Erdoğan’s regime, ... while claiming': the
        # description, to its head
        return (j, heads[0] + 1)
    elif m > k and toks[j].low in {"the", "a", "an"} and m < i and _verb_after_adverbs(toks, m, i):
        return (j, m)  # 'A Superior Court of Ontario judge ruled ...': the head noun before the verb ends it
    if k > j and any(toks[n].text[:1].isupper() and toks[n].low not in DETERMINERS for n in range(j, k)):
        return (j, k)
    return None
