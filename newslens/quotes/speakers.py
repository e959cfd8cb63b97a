"""Speakers: from the words naming them to an entity (description heads, pronouns, fallback names).

With the mentions module's Mention list this uses its entities; without it, a small fallback matches surnames to the
full names used earlier in the article.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Sequence

from .. import paths
from ..files import read_word_kinds
from ..tokens import QuoteToken
from .cues import _Attr
from .subjects import POSSESSIVE_PRONOUNS, PRONOUNS, WHEN_WORDS

SPEAKER_WORDS = paths.DATA / "speaker_words.csv"


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, frozenset[str]]:
    """Words of the phrases naming speakers, by kind: title, organisation, organisation_head, person_head."""
    return read_word_kinds(SPEAKER_WORDS, ("title", "organisation", "organisation_head", "person_head"))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The place names of the mentions step's gazetteer (one gazetteer for the project): the fallback's places."""
    from ..mentions import lexicon

    return frozenset(name for name, kind in lexicon().gazetteer.values() if kind == "place")


@lru_cache(maxsize=1)
def _places_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in _places())


class _Resolver:
    """Turns speaker words into (name, kind), keeping the current speaker for pronouns."""

    def __init__(self, body: str, toks: Sequence[QuoteToken], mentions: Sequence[Any] | None,
                 frames: Sequence[tuple[int, int]] = (), in_quote=lambda offset: False):
        self.body = body
        self.in_quote = in_quote
        self.mentions = sorted(mentions or [], key=lambda m: m.start)
        self.named = mentions is not None  # the mentions module ran: entities, not only words, are wanted
        self.recent: list[tuple[str, str]] = []  # speakers so far, newest last: (name, kind)
        self.last_at = -1  # where the newest speaker was named
        # people who spoke (or whose office spoke), and people who open a sentence as its subject: (offset, name)
        self.people: list[tuple[int, str]] = []
        self.full_names = self._full_names(body)
        self.subjects = self._subjects(frames)
        self.frame_starts = [fs for fs, _ in frames]
        self.entity_roles: dict[str, set[str]] | None = None  # made when a description first needs it

    def _subjects(self, frames: Sequence[tuple[int, int]]) -> list[tuple[int, str]]:
        """People named at the start of a sentence ('Prime Minister Anna Berg visited ...'): main-clause subjects."""
        found = []
        opener = re.compile(r"(?:[^,]{0,40},\s*)?(?:(?:[A-Z][\w.'’-]*|the|of|to)\s+)*")
        if self.mentions:
            starts = [m.start for m in self.mentions]
            for fs, fe in frames:
                k = bisect.bisect_left(starts, fs)
                while k < len(self.mentions) and self.mentions[k].start < min(fe, fs + 80):
                    m = self.mentions[k]
                    possessive = self.body[m.end:m.end + 2] in {"'s", "’s"}  # "Zelenskiy's rise" is no subject
                    if getattr(m, "kind", "") == "person" and not possessive and not self.in_quote(m.start) \
                            and opener.fullmatch(self.body[fs:m.start]):
                        found.append((m.start, getattr(m, "entity", "") or m.text))
                        break
                    k += 1
        else:
            for fs, fe in frames:
                m = re.match(r"(?:[A-Z][\w.'’-]*\s+)*?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\s+[a-z]", self.body[fs:fe])
                if m and _fallback_name(m.group(1), self.full_names)[1] == "person":
                    found.append((fs + m.start(1), _fallback_name(m.group(1), self.full_names)[0]))
        return found

    @staticmethod
    def _full_names(body: str) -> list[str]:
        found = re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+\b", body)
        names = []
        for name in found:
            parts = name.split()
            while len(parts) > 2 and parts[0].lower() in speaker_words()["title"]:
                parts.pop(0)  # "Prime Minister Boris Johnson" -> "Boris Johnson"
            if parts[0].lower() not in speaker_words()["title"]:
                names.append(" ".join(parts))
        return names

    def speakers(self, attr: _Attr, toks: Sequence[QuoteToken]) -> list[tuple[str, str, int | None, int | None]]:
        """The speakers of a cue: its subject resolved; for a subject cut by scraping, the last person who spoke."""
        if attr.elided:
            person = next((name for name, kind in reversed(self.recent) if kind == "person"), "")
            return [(person, "person", None, None)] if person else []
        out = []
        for a, b in attr.speaker_spans:
            s, e = toks[a].start, toks[b - 1].end
            name, kind = self.resolve(s, e)
            out.append((name, kind, s, e))
        if out:
            names = [(n, k) for n, k, _, _ in out if n]
            if names:
                self.recent.append(names[0] if len(names) == 1 else (" and ".join(n for n, _ in names), "plural"))
                self.last_at = out[0][2]
        return out

    def resolve(self, start: int, end: int) -> tuple[str, str]:
        """The speaker entity named by body[start:end]: ('Boris Johnson', 'person'), or ('', '') if unknown.

        Only a name is a person: a description ("organisers", "a senior aide") is shown as written, kind "other".
        """
        name, kind = self._resolve(start, end)
        if kind == "person" and not is_proper_name(name):
            return re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE), "other"
        return name, kind

    def _resolve(self, start: int, end: int) -> tuple[str, str]:
        if start > 0 and self.body[start - 1].isalnum() and re.match(r"[A-Z][a-z]", self.body[start:start + 2]):
            while start > 0 and self.body[start - 1].isalnum():
                start -= 1  # a capital inside a word ('TransCanada'): the speaker words are the whole glued name
        words = self.body[start:end]
        clause = re.search(r"\s+(?:who|whom|whose|which|that|but|on condition|familiar with|close to|with knowledge)\b|,",
                           words)
        described = re.match(r"(?:the|a|an|some|several|two|three|one)\s", words, re.IGNORECASE) or words[:1].islower()
        if clause and clause.start() and described and not any(
                w.lower() in description_heads()["document"] for w in re.findall(r"[\w'-]+", words[:clause.start()])):
            # "a senior aide who spoke on condition of anonymity", "sources familiar with the talks": the description
            # ends before what it says of them (a document keeps its "by ...")
            end = start + clause.start()
            words = self.body[start:end]
        low = words.lower()
        if low in PRONOUNS:
            return self._pronoun(low, start)
        if described:
            # "the director of operations for EHS, Jane Roe, says": the name set off after the description
            gap = re.match(r",\s*", self.body[end:end + 3])
            named = [m for m in self.mentions if gap and m.start == end + gap.end()
                     and getattr(m, "kind", "") == "person" and self.body[m.end:m.end + 1] == ","]
            if named:
                return self._person(start, named[0])
        m = re.match(r"(his|her|their|its)\s+(\w+)$", low)
        if m:
            owner, _ = self._pronoun(POSSESSIVE_PRONOUNS[m.group(1)], start)
            if not owner:
                return "", ""
            return f"{owner}'s {m.group(2)}", "organisation"
        described = self._description(start, end, words)
        if described is not None:
            return described
        document = self._document(start, end, words)
        if document is not None:
            return document
        m = re.match(r"(?:the\s+)?(.+?)['’]s\s+([\w\s-]+)$", words, re.IGNORECASE)
        # the head is the noun before "of" ("China's ministry of foreign affairs"), else the last word
        head = re.split(r"\s+of\s+", m.group(2))[0].split()[-1].lower() if m else ""
        if m and (head in speaker_words()["organisation"] or head in speaker_words()["organisation_head"] or head in speaker_words()["person_head"]):
            # "Johnson's office", "Ukraine's state broadcaster": the owner does not speak, its office does
            owner, kind = self._name(start, start + len(m.group(1)), m.group(1))
            if kind == "person":
                self.people.append((start, owner))
            return f"{owner}'s {m.group(2)}", "person" if head in speaker_words()["person_head"] else "organisation"
        m = re.match(r"(?:the\s+)?(.+?)\s+(government|ministry|embassy|administration|military|army|parliament|"
                     r"presidency|police|campaign)$", words, re.IGNORECASE)
        if m:
            owner, kind = self._name(start, start + m.end(1), m.group(1))
            if kind in {"place", "person"}:  # "the UK government" speaks for the state, not the place
                return f"{owner} {m.group(2).lower()}", "organisation"
        last = words.split()[-1].lower()
        if last in speaker_words()["person_head"] and not any(getattr(x, "kind", "") == "person" and start <= x.start and x.end <= end
                                            for x in self.mentions):
            # "The UK culture secretary", "the former president", "Critics": an unnamed person, as the text names them
            return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE), "person"
        name, kind = self._name(start, end, words)
        places = [x.end for x in self.mentions if start <= x.start and x.end <= end and getattr(x, "kind", "") == "place"]
        if kind == "place" and " " in words.strip() and places and max(places) <= start + words.rstrip().rfind(" "):
            # "the Kentucky Republican", "a Vancouver hockey coach": the place only says where the speaker is from
            heads = description_heads()
            if last.strip(".,") in heads["title"] | heads["person"] | speaker_words()["title"] | speaker_words()["person_head"]:
                return self._unnamed_person(start, end, last in heads["title"])
            return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE), "other"
        if kind == "person" and is_proper_name(name):
            self.people.append((start, name))
        return name, kind

    def _description(self, start: int, end: int, words: str) -> tuple[str, str] | None:
        """A definite description as subject ("the former president", "the agency"): the entity it stands for.

        A person: the one the article attached the description to, by a role ("President Lula") or an apposition
        ("Lula, the former president,"), newest first; else, for a title, the person named for the first time in the
        next sentence ("The culture secretary said ... Nadine Dorries tweeted"); else the current speaker, if a person
        spoke last and nobody else has been named since. An organisation ("the agency"): the newest organisation
        whose name holds the word, else the current speaker if it is an organisation. Unsure: unattributed, never the
        description itself. None when the words are no definite description (or no mention list is given).
        """
        if not self.named:
            return None
        heads = description_heads()
        titles, orgs = heads["title"], heads["organisation"]
        persons = titles | heads["person"]
        m = re.fullmatch(r"(?:the|this)\s+((?:[\w’'.-]+\s+){0,3})([a-z][\w-]*)", words, re.IGNORECASE)
        possessive = None
        if not m:
            # "Brazil's former president": a place's office holder, linked the same way (left as written if unsure)
            possessive = re.fullmatch(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+((?:[\w-]+\s+){0,3})([a-z][\w-]*)",
                                      words)
            if not possessive or possessive.group(3) not in persons or not any(
                    getattr(x, "kind", "") == "place" for x in self.mentions if start <= x.start and x.end <= end):
                return None
            mods, head = possessive.group(1) + " " + possessive.group(2), possessive.group(3)
        else:
            mods, head = m.group(1), m.group(2).lower()
        if any(getattr(x, "kind", "") in {"person", "organisation"} and start <= x.start and x.end <= end
               for x in self.mentions):
            return None  # a name inside ("the Kremlin's spokesman", "the EBU") is resolved as a name
        required = {_fold_word(w) for w in re.findall(r"[\w’'.-]+", mods) if w[:1].isupper()} | {head}
        before = [x for x in self.mentions if x.end <= start and not self.in_quote(x.start)]
        if head in persons:
            people = [x for x in before if getattr(x, "kind", "") == "person"]
            for x in reversed(people):
                if required <= self._described_as(x) | self._roles_of(getattr(x, "entity", "")):
                    return self._person(start, x)
            return self._unnamed_person(start, end, head in titles)
        if head in orgs:
            for x in reversed(before):
                if getattr(x, "kind", "") == "organisation" and head in _fold_word(getattr(x, "entity", "")).split():
                    return getattr(x, "entity", ""), "organisation"
            if self.recent and self.recent[-1][1] == "organisation":
                return self.recent[-1]
            near = self._organisation_just_named(start)
            return (near, "organisation") if near else ("", "")
        return None

    def _unnamed_person(self, start: int, end: int, title: bool) -> tuple[str, str]:
        """The person a description no earlier mention matched stands for: for a title, the person named for the first
        time in the next sentence; else the current speaker, if a person spoke last and nobody else has been named
        since; else unattributed."""
        people = [x for x in self.mentions if x.end <= start and not self.in_quote(x.start)
                  and getattr(x, "kind", "") == "person"]
        if title:
            after = [x for x in self.mentions if x.start >= end and x.start < end + 300
                     and not self.in_quote(x.start) and getattr(x, "kind", "") == "person"]
            if after:
                x = after[0]
                gap = self.body[end:x.start]
                seen = {getattr(y, "entity", "") for y in people}
                if len(re.findall(r"[.!?][”\"’']?\s", gap)) == 1 and getattr(x, "entity", "") not in seen:
                    return self._person(start, x)
        if self.recent and self.recent[-1][1] == "person" and 0 <= self.last_at < start:
            name = self.recent[-1][0]
            between = {getattr(x, "entity", "") for x in people if x.start > self.last_at}
            if between <= {name} and start - self.last_at < 1500:
                self.people.append((start, name))
                return name, "person"
        return "", ""

    def paragraph_subject(self, at: int) -> str:
        """The speaker of a quote with no cue opening its paragraph at offset `at`: the one person the paragraph
        before is about ('Laurin lost her job. / "It took me two years ..."'), the only person named there, or
        the person a 'He', 'She', 'His' or 'Her' opening it stands for; '' when it names nobody or several people."""
        line_start = self.body.rfind("\n", 0, at) + 1
        if self.body[line_start:at].strip():
            return ""
        end = line_start - 1
        while end > 0:
            start = self.body.rfind("\n", 0, end) + 1
            if re.search(r"[A-Za-z]", self.body[start:end]):
                break  # the paragraph before, past lines with no words ('.') some scrapers leave
            end = start - 1
        else:
            return ""
        named = {getattr(m, "entity", "") or m.text for m in self.mentions if start <= m.start < end
                 and getattr(m, "kind", "") == "person"}  # named in anyone's words too: then whose voice is unclear
        if len(named) == 1:
            name = named.pop()
            return name if is_proper_name(name) else ""
        opener = re.match(r"\s*(he|she|his|her)\b", self.body[start:end], re.IGNORECASE)
        if not named and opener:
            return self._salient_person(POSSESSIVE_PRONOUNS.get(opener.group(1).lower(), opener.group(1).lower()), start)
        return ""

    def _document(self, start: int, end: int, words: str) -> tuple[str, str] | None:
        """A document as subject ('the lawsuit claims', 'the union's release said'): who wrote it. Its owner when
        one is named in the words ('the union's', 'the RCMP', 'released by'), else the author named where the same
        noun was used before ('a study released by ...'); else unattributed. None when the words name no document
        (or no mention list is given)."""
        if not self.named:
            return None
        documents = description_heads()["document"]
        found = [w for w in list(re.finditer(r"[\w.’'&-]+", words))[:6] if w.group().lower() in documents]
        if not found or found[0].start() == 0:
            return None  # "Reports said": no determiner, no owner, not a document named as such
        head_at = start + found[0].start()
        first = re.match(r"(?:the|a|an|this|that|its|their|his|her)\s+", words, re.IGNORECASE)
        owner = re.match(r"(.+?)['’]s\b", words[:found[0].start()])
        if owner:  # "the union's Friday release": the union
            return self._resolve(start, start + len(owner.group(1)))
        if first and first.group().split()[0].lower() in POSSESSIVE_PRONOUNS:  # "its report"
            return self._pronoun(POSSESSIVE_PRONOUNS[first.group().split()[0].lower()], start)
        inside = [x for x in self.mentions if start <= x.start and x.end <= end
                  and getattr(x, "kind", "") in {"organisation", "person", "other"}]
        if inside:  # "the RCMP report", "a study released by Civic Action"
            return self._name(start, end, words) if inside[0].end <= head_at else self._name(
                inside[0].start, inside[0].end, inside[0].text)
        # the same document named before with its author: "a study released Monday by Civic Action ... the study"
        head = found[0].group().lower()
        for earlier in reversed(list(re.finditer(rf"\b{head}\b", self.body[:start], re.IGNORECASE))):
            by = re.match(r"[^.;”\"]{0,60}?\bby\s+(?:the\s+)?", self.body[earlier.end():])
            if by:
                at = earlier.end() + by.end()
                author = [x for x in self.mentions if x.start == at
                          and getattr(x, "kind", "") in {"organisation", "person", "other"}]
                if author:
                    return self._name(author[0].start, author[0].end, author[0].text)
        return "", ""  # a document does not speak, and who wrote it is unclear

    def _organisation_just_named(self, start: int) -> str:
        """The organisation named in this sentence or the one before ('Procter & Gamble rallied ... . The company
        said ...'), even inside someone's words ('... done by TransLink. The agency told ...'), when it is the only
        one named there; else ''. A name of kind other counts: the description says what it is."""
        k = bisect.bisect_right(self.frame_starts, start) - 1
        since = self.frame_starts[max(k - 1, 0)] if self.frame_starts else 0
        near = {getattr(x, "entity", "") for x in self.mentions
                if since <= x.start and x.end <= start and getattr(x, "kind", "") in {"organisation", "other"}}
        return near.pop() if len(near) == 1 else ""

    def _roles_of(self, entity: str) -> set[str]:
        """The words of every role the article gives a person, at any mention ('Mayor McCallum' once, even inside
        a quote, makes 'the mayor' McCallum later on)."""
        if self.entity_roles is None:
            self.entity_roles = {}
            for m in self.mentions:
                if getattr(m, "kind", "") == "person" and getattr(m, "role", ""):
                    self.entity_roles.setdefault(m.entity, set()).update(
                        _fold_word(w) for w in re.findall(r"[\w’'.-]+", m.role))
        return self.entity_roles.get(entity, set())

    def _described_as(self, x) -> set[str]:
        """The words the article uses for a person at one mention: its role and the appositions around it."""
        text = getattr(x, "role", "") or ""
        after = re.match(r",\s+([^,.;:“”\"]{1,80})[,.;]", self.body[x.end:x.end + 90])
        if after and not re.match(r"(?:who|which|whose|\d)", after.group(1)):
            text += " " + after.group(1)
        before = re.search(r"(?:^|[,.;:]\s|\n)([^,.;:\n“”\"]{1,80}),\s*$", self.body[max(0, x.start - 90):x.start])
        if before:
            text += " " + before.group(1)
        return {_fold_word(w) for w in re.findall(r"[\w’'.-]+", text)}

    def _person(self, at: int, x) -> tuple[str, str]:
        name = getattr(x, "entity", "") or x.text
        self.people.append((at, name))
        return name, "person"

    def _pronoun(self, pronoun: str, at: int) -> tuple[str, str]:
        if pronoun in {"he", "she", "i"}:
            name = self._salient_person(pronoun, at)
            return (name, "person") if name else ("", "")
        for name, kind in reversed(self.recent):
            if pronoun == "they" and kind in {"plural", "organisation"}:
                return name, "organisation" if kind == "organisation" else "other"
            if pronoun == "it" and kind in {"organisation", "place"}:
                return name, kind
        if pronoun == "they" and self.named:
            return self._group_subject(at)
        return "", ""

    def _group_subject(self, at: int) -> tuple[str, str]:
        """The group a 'they' with no group speaker before it stands for: the plural opening its sentence
        ('Republican senators are eager ..., and they say'), or, for a 'They' opening one, the sentence before
        ('Authorities described ... . They said'); ('', '') if that sentence opens with no plural."""
        k = bisect.bisect_right(self.frame_starts, at) - 1
        if k < 0:
            return "", ""
        if not self.body[self.frame_starts[k]:at].strip(" \n\"“”'‘’."):
            k -= 1
        if k < 0:
            return "", ""
        fs = self.frame_starts[k]
        m = re.match(r"\s*((?:The\s+)?(?:[A-Z][\w'’-]*\s+){0,3}?([A-Za-z][\w'’-]*s))\s+[a-z]", self.body[fs:at])
        if not m or not m.group(1)[:1].isupper() or not _plural_noun(m.group(2)):
            return "", ""
        name, kind = self._name(fs + m.start(1), fs + m.end(1), m.group(1))
        if kind == "person":
            return "", ""
        return (name, kind) if kind == "organisation" else (re.sub(r"^the\s+", "", m.group(1), flags=re.I).lower()
                                                             if not name else name, "other")

    def _salient_person(self, pronoun: str, at: int) -> str:
        """The person a 'he', 'she' or 'I' at offset `at` stands for: the last person named before it whose first
        name does not contradict the pronoun ("she" is never Kody Cook); in that person's sentence, the one who
        spoke or is its subject comes first ('Sandmann, seen as he stood with Phillips, has said ... . He told ...').
        Names inside quotes and reported words, and owners ("Zelenskiy's rise"), are nobody's current subject."""
        agrees = (lambda name: True) if pronoun == "i" else (lambda name: name_gender(name) in {pronoun, ""})
        main = [(offset, name, 1) for offset, name in self.people + self.subjects if offset < at and agrees(name)]
        named = [(m.start, getattr(m, "entity", "") or m.text, 0) for m in self.mentions
                 if m.start < at and getattr(m, "kind", "") == "person" and not self.in_quote(m.start)
                 and self.body[m.end:m.end + 2] not in {"'s", "’s"} and agrees(getattr(m, "entity", "") or m.text)]
        if not main and not named:
            return ""
        last = max(main + named)
        k = bisect.bisect_right(self.frame_starts, last[0]) - 1
        sentence_start = self.frame_starts[k] if k >= 0 else 0
        in_sentence = [c for c in main if c[0] >= sentence_start]
        return max(in_sentence)[1] if in_sentence else last[1]

    def _name(self, start: int, end: int, words: str) -> tuple[str, str]:
        # The mentions module, once it is there: the entity of a mention inside the speaker words is the answer.
        inside = [m for m in self.mentions if m.start >= start and m.end <= end]
        if inside and " " not in words and all(m.text != words for m in inside) and words[:1].isupper():
            # "UA:PBC": one name glued by punctuation, of which the mentions module saw a part
            return words, "organisation" if getattr(inside[0], "kind", "") != "person" else "person"
        opens = not self.body[:start].rstrip() or self.body[:start].rstrip()[-1] in ".!?”\"\n:"
        if self.named and not inside and " " not in words.strip():
            # "Woods said" opening a sentence: a surname that is also a word, of a person named before
            same = [m.entity for m in self.mentions if m.end <= start and getattr(m, "kind", "") == "person"
                    and m.entity.split()[-1] == words.strip()]
            same = same or [f for f in self.full_names if f.split()[-1] == words.strip()]
            if same:
                return same[-1], "person"
        if self.named and not inside and _not_a_name(words, opens):
            if _plural_noun(words):
                return words.lower(), "other"  # "Authorities said": an unnamed group, shown as written
            return "", ""  # "Friday", "Statement": a day, a month or a common noun opening a sentence never speaks
        if inside:
            people = [m for m in inside if getattr(m, "kind", "") == "person"]
            best = people[-1] if people else inside[-1]
            ent = getattr(best, "entity", None)
            name = getattr(ent, "name", None) or (ent if isinstance(ent, str) else best.text)
            return name, getattr(best, "kind", "other") or "other"
        return _fallback_name(words, self.full_names)


NAME_PARTICLES = {"de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ten", "ter", "al",
                  "el", "bin", "ibn", "y", "e", "dos", "das", "st.", "mc", "mac", "o'"}


def is_proper_name(name: str) -> bool:
    """Whether a speaker's name is a name ('Anna Berg', 'Ursula von der Leyen'), not a description ('organisers',
    'Board members', 'another player'): every word capitalised but the particles of names."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in NAME_PARTICLES for w in words)


_GENDERS = {"male": "he", "female": "she"}  # "mostly_male", "andy" and the rest: too unsure to rule anyone out
_OPPOSITE = {"he": {"female", "mostly_female"}, "she": {"male", "mostly_male"}}


@lru_cache(maxsize=1)
def _first_names():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def name_gender(name: str) -> str:
    """The pronoun a person's first name usually takes ('he', 'she'), by gender-guesser's list; '' if unknown or
    if there is no first name (a surname alone: "Baxter" is also a first name)."""
    words = re.findall(r"[^\W\d_][\w’'-]*", name)
    if len(words) < 2:
        return ""
    detector = _first_names()
    pronoun = _GENDERS.get(detector.get_gender(words[0]), "")
    # a name whose usual gender differs between countries ("Patrice": a man's name in France, a woman's in the US)
    # is left unsure
    if pronoun and any(detector.get_gender(words[0], c) in _OPPOSITE[pronoun] for c in ("usa", "great_britain")):
        return ""
    return pronoun


DESCRIPTION_HEADS = paths.DATA / "description_heads.csv"


@lru_cache(maxsize=1)
def description_heads() -> dict[str, frozenset[str]]:
    """Head nouns of one-person or one-organisation descriptions and of documents, by kind (title, person,
    organisation, document)."""
    return read_word_kinds(DESCRIPTION_HEADS, ("title", "person", "organisation", "document"))


def _fold_word(text: str) -> str:
    return text.replace("’", "'").lower().removesuffix("'s").rstrip(".")


def _not_a_name(words: str, opens_sentence: bool) -> bool:
    """A lone capitalised day or month, or a common English word opening a sentence ("Friday", "Statement"): no
    entity, never a speaker."""
    if " " in words.strip() or not words[:1].isupper():
        return False
    low = words.strip().lower()
    if low in WHEN_WORDS:
        return True
    from ..mentions import lexicon

    return opens_sentence and low in lexicon().english and not words.isupper()


def _plural_noun(word: str) -> bool:
    """'Authorities', 'Officials': a capitalised English plural (its singular is a word too), not a day or month."""
    from ..mentions import lexicon

    low = word.strip().lower()
    english = lexicon().english
    singular = {low[:-3] + "y", low[:-2], low[:-1]} if low.endswith("ies") else {low[:-2], low[:-1]}
    return low.endswith("s") and low not in WHEN_WORDS and bool(singular & english)


def _fallback_name(words: str, full_names: Sequence[str]) -> tuple[str, str]:
    """Name and kind from the speaker words alone: titles dropped, a surname matched to an earlier full name."""
    parts = words.split()
    titled = False
    while len(parts) > 1 and (parts[0].lower().strip(",") in speaker_words()["title"] or parts[0][:1].islower()):
        titled = titled or parts[0].lower() in speaker_words()["title"]
        parts.pop(0)
    # "U.S. Ambassador to Moscow John Sullivan": the name is the capitalised run after the last title word
    k = len(parts)
    while k > 0 and parts[k - 1][:1].isupper() and parts[k - 1].lower() not in speaker_words()["title"]:
        k -= 1
    tail = parts[k:] or parts
    while len(tail) > 2 and tail[0] in _places():
        tail = tail[1:]  # "Ambassador to Moscow John Sullivan": the place belongs to the title
    name = " ".join(tail)
    if name.lower() in _places_lower():
        return name, "place"
    if any(w.lower() in speaker_words()["organisation"] for w in parts) or name.isupper():
        return " ".join(parts) if words.lower().startswith("the ") is False else words[4:], "organisation"
    if len(tail) == 1:
        longer = [f for f in full_names if f.split()[-1] == name and len(f.split()) > 1]
        if longer:
            best = max(longer, key=lambda f: (len(f.split()) <= 3, -full_names.index(f)))
            return best, "person"
        return name, "person" if titled else "other"
    return name, "person" if len(tail) >= 2 and name[:1].isupper() else "other"
