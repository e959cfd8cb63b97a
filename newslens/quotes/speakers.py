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
from ..files import read_data_list, read_word_kinds
from ..mentions import DEMONYMS
from ..package_lists import first_name_pronouns
from ..tokens import QuoteToken
from .cues import _Attr
from .marks import text_end
from .subjects import POSSESSIVE_PRONOUNS, PRONOUNS, STOP, WHEN_WORDS, group_quantifiers

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


# a plural common noun or a share, then a preposition and more ('doctors in Athens', '61% of Americans')
_GROUP_OF_PLACE = re.compile(r"(?:[\w-]+\s+){0,5}?(?:[A-Za-z][a-z-]*[a-rt-z]s|[A-Z]+s|\d+(?:\.\d+)?\s?%)\s+(?:in|at|of)\s+\S")


class _Resolver:
    """Turns speaker words into (name, kind), keeping the current speaker for pronouns."""

    def __init__(self, body: str, toks: Sequence[QuoteToken], mentions: Sequence[Any] | None,
                 frames: Sequence[tuple[int, int]] = (), in_quote=lambda offset: False, in_marks=None):
        self.body = body
        self.in_quote = in_quote  # inside anyone's words: a quote or reported words
        self.in_marks = in_marks or in_quote  # inside quotation marks: the speaker's own wording
        self.mentions = sorted(mentions or [], key=lambda m: m.start)
        # Every lookup below goes through sorted offsets (bisect), never a scan of all mentions per speaker: the
        # time stays linear in the article's length.
        self.starts = [m.start for m in self.mentions]
        self.named = mentions is not None  # the mentions module ran: entities, not only words, are wanted
        self.recent: list[tuple[str, str]] = []  # speakers so far, newest last: (name, kind)
        self.newest: dict[str, int] = {}  # kind -> index in self.recent of the newest speaker of that kind
        self.last_at = -1  # where the newest speaker was named
        # people who spoke (or whose office spoke), and people who open a sentence as its subject: (offset, name),
        # kept sorted by offset
        self.people: list[tuple[int, str]] = []
        self.full_names = _FullNames(self._full_names(body))
        # person mentions outside anyone's words: their starts, and where each entity is first named so
        self.free_people = [m for m in self.mentions if getattr(m, "kind", "") == "person" and not in_quote(m.start)]
        self.free_people_starts = [m.start for m in self.free_people]
        self.first_named: dict[str, int] = {}
        for m in self.free_people:
            self.first_named.setdefault(getattr(m, "entity", ""), m.end)
        self.first_mentioned: dict[str, int] = {}  # the same, counting mentions inside anyone's words
        for m in self.mentions:
            if getattr(m, "kind", "") == "person":
                self.first_mentioned.setdefault(getattr(m, "entity", ""), m.end)
        self.by_surname: dict[str, list[Any]] = {}  # person mentions by the last word of their entity, in order
        for m in self.mentions:
            if getattr(m, "kind", "") == "person" and getattr(m, "entity", ""):
                self.by_surname.setdefault(m.entity.split()[-1], []).append(m)
        self.described_index: dict[str, list[Any]] | None = None  # made when a description first needs it
        self.organisation_index: dict[str, list[Any]] | None = None
        self.main_organisation: tuple[str, int] | None = None  # (name, where first named), made when needed
        self.word_ends: dict[str, list[int]] = {}  # a document noun -> where it ends each time it is used
        self.subjects = self._subjects(frames)
        self.frame_starts = [fs for fs, _ in frames]
        self.entity_roles: dict[str, set[str]] | None = None  # made when a description first needs it
        # the words naming a speaker, resolved once: two cues of one subject ('the president added, saying ...')
        # have one speaker, whatever was named or said between the two lookups
        self.named_at: dict[tuple[int, int], tuple[str, str]] = {}
        self.said_as: dict[str, set[str]] = {}  # a person -> the words of descriptions that named them as a speaker
        self.person_words: set[str] = set()  # speaker words resolved to a person (a lone name seen so once stays so)

    def _within(self, start: int, end: int) -> list[Any]:
        """The mentions lying inside body[start:end]."""
        out = []
        for k in range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)):
            if self.mentions[k].end <= end:
                out.append(self.mentions[k])
        return out

    def _at(self, offset: int) -> list[Any]:
        """The mentions starting at offset."""
        return self.mentions[bisect.bisect_left(self.starts, offset):bisect.bisect_right(self.starts, offset)]

    def _remember(self, name: str, kind: str) -> None:
        self.newest[kind] = len(self.recent)
        self.recent.append((name, kind))

    def _newest(self, *kinds: str) -> tuple[str, str] | None:
        """The newest speaker of one of the kinds, or None."""
        found = [self.newest[k] for k in kinds if k in self.newest]
        return self.recent[max(found)] if found else None

    def _add_person(self, at: int, name: str) -> None:
        bisect.insort(self.people, (at, name))

    def _subjects(self, frames: Sequence[tuple[int, int]]) -> list[tuple[int, str]]:
        """People named at the start of a sentence ('Prime Minister Anna Berg visited ...'): main-clause subjects."""
        found = []
        # (an opening phrase of up to 60 characters: 'Announcing new sanctions on key Russian figures, Justin Trudeau')
        opener = re.compile(r"(?:[^,]{0,60},\s*)?(?:(?:[A-Z][\w.'’-]*|the|of|to)\s+)*")
        if self.mentions:
            starts = [m.start for m in self.mentions]
            for fs, fe in frames:
                k = bisect.bisect_left(starts, fs)
                while k < len(self.mentions) and self.mentions[k].start < min(fe, fs + 100):
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
            while parts and parts[0].lower() in STOP:
                parts.pop(0)  # "Although Russian forces ...": a clause word opening the sentence is no first name
            while len(parts) > 2 and parts[0].lower() in speaker_words()["title"]:
                parts.pop(0)  # "Prime Minister Boris Johnson" -> "Boris Johnson"
            if len(parts) > 1 and parts[0].lower() not in speaker_words()["title"] \
                    and parts[-1].lower() not in _demonyms():  # ('.../Getty Images Ukrainian officials': no surname)
                names.append(" ".join(parts))
        return names

    def speakers(self, attr: _Attr, toks: Sequence[QuoteToken]) -> list[tuple[str, str, int | None, int | None]]:
        """The speakers of a cue: its subject resolved; for a subject cut by scraping, the last person who spoke."""
        if attr.elided:
            newest = self._newest("person")
            return [(newest[0], "person", None, None)] if newest else []
        out = []
        for a, b in attr.speaker_spans:
            s, e = toks[a].start, toks[b - 1].end
            if (s, e) not in self.named_at:
                self.named_at[(s, e)] = self.resolve(s, e)
            name, kind = self.named_at[(s, e)]
            out.append((name, kind, s, e))
        if out:
            names = [(n, k) for n, k, _, _ in out if n]
            if names:
                self._remember(*(names[0] if len(names) == 1 else (" and ".join(n for n, _ in names), "plural")))
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
        brk = self.body.rfind("\n", start, end)
        if brk >= 0 and self.body[brk + 1:end].strip():
            start = brk + 1  # '...April 10, 2022\n\nThe Irish government has called': no name goes on across a line
        if start > 0 and self.body[start - 1].isalnum() and re.match(r"[A-Z][a-z]", self.body[start:start + 2]):
            while start > 0 and self.body[start - 1].isalnum():
                start -= 1  # a capital inside a word ('TransCanada'): the speaker words are the whole glued name
        words = self.body[start:end]
        clause = re.search(r"\s+(?:who|whom|whose|which|that|but|on condition|familiar with|close to|with knowledge)\b|,",
                           words)
        # ('Another, Jane Roe, said': a lone determiner is a description too, of the one named after it)
        described = re.match(r"(?:the|a|an|some|several|two|three|one|another)(?:\s|$)", words, re.IGNORECASE) \
            or words[:1].islower()
        if clause and clause.start() and described and not any(
                w.lower() in description_heads()["document"] for w in re.findall(r"[\w'-]+", words[:clause.start()])):
            # "a senior aide who spoke on condition of anonymity", "sources familiar with the talks": the description
            # ends before what it says of them (a document keeps its "by ...")
            end = start + clause.start()
            words = self.body[start:end]
        low = words.lower()
        if low in PRONOUNS:
            return self._pronoun(low, start)
        quantifier = low.split(maxsplit=1)[0] if low.strip() else ""
        if quantifier in group_quantifiers():
            # 'many in the West', 'Some officials': an unnamed group, shown as the text names it (not the place or
            # the organisation after "in" or "of": a part is not the whole)
            return quantifier + re.sub(r"\s+", " ", words[len(quantifier):]), "other"
        if _GROUP_OF_PLACE.match(words) and not self._at(start):
            # 'Doctors in Athens', 'analysts at Investec', '61% of Americans': a group within a place or body, shown
            # as the text names it (a name opening the words, 'Friends of the Earth', is a mention and resolved)
            return re.sub(r"\s+", " ", words), "other"
        heads = description_heads()
        if described or words.strip().lower() in heads["title"] | heads["person"] and words[:1].isupper():
            # "the director of operations for EHS, Jane Roe, says", "said the spokesperson, Jane Roe.": the name set
            # off after the description (a lone title word too: "Director, Jane Roe, said")
            gap = re.match(r",\s*", self.body[end:end + 3])
            named = [m for m in (self._at(end + gap.end()) if gap else [])
                     if getattr(m, "kind", "") == "person" and self.body[m.end:m.end + 1] in {",", ".", ""}]
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
            if described[1] == "person" and described[0] and self.first_named.get(described[0], end) < start:
                # ('The French president said': the person so described is 'the president' later on; not a guess at
                # someone named only after it)
                self.said_as.setdefault(described[0], set()).update(
                    _fold_word(w) for w in re.findall(r"[\w’'.-]+", words))
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
                self._add_person(start, owner)
            return f"{owner}'s {m.group(2)}", "person" if head in speaker_words()["person_head"] else "organisation"
        m = re.match(r"(?:the\s+)?(.+?)\s+(government|ministry|embassy|administration|military|army|parliament|"
                     r"presidency|police|campaign)$", words, re.IGNORECASE)
        if m:
            owner, kind = self._name(start, start + m.end(1), m.group(1))
            if kind in {"place", "person"}:  # "the UK government" speaks for the state, not the place
                return f"{owner} {m.group(2).lower()}", "organisation"
        office = re.sub(r"^the\s+", "", words, flags=re.IGNORECASE)
        m = re.fullmatch(r"(?:(?!(?:A|An)\s)[A-Z][\w.’'-]*\s+)+([a-z]+)\s+(?:to|of|for|at|in)\s+(?:the\s+)?[A-Z].*", office)
        if m and m.group(1) in speaker_words()["organisation"] - speaker_words()["person_head"]:
            # "the US mission to the UN", "the Polish embassy in Kyiv": an office, named as written (not the UN)
            return office, "organisation"
        last = words.split()[-1].lower()
        if last in speaker_words()["person_head"] and not any(getattr(x, "kind", "") == "person"
                                                              for x in self._within(start, end)):
            # "The UK culture secretary", "the former president", "Critics": an unnamed person, as the text names them
            # ('"...," the lanky, bespectacled professor said': a lone noun after a description cut at its commas
            # stands for the one person named just before, as a description does)
            bare = re.fullmatch(r"[a-z]+", words.strip()) and last not in description_heads()["agent"] \
                and not last.endswith("s") and re.search(r"\bthe\s[^.;:“”\"]*,[^.;:,“”\"]*$", self.body[max(0, start - 60):start])
            shown = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE)
            if _not_a_name(words, self._opens_sentence(start)):
                shown = shown.lower()  # "Analysts say": a common noun, capitalised only as its sentence's first word
            return (bare and self._person_just_named(start)) or (shown, "person")
        held = re.match(r"(?:a|an|the)\s+[a-z](?:[\w’'-]*\s+){1,5}?(?:at|in)\s", words, re.IGNORECASE)
        inside = self._within(start, end)
        if held and not any(getattr(x, "kind", "") in {"person", "organisation"} and x.start < start + held.end()
                            or getattr(x, "kind", "") == "person" for x in inside):
            # 'a defence official at the embassy in Oslo': an unnamed speaker, the places only say where
            return _as_written(words)
        name, kind = self._name(start, end, words)
        places = [x.end for x in self._within(start, end) if getattr(x, "kind", "") == "place"]
        if kind == "place" and " " in words.strip() and places and max(places) <= start + words.rstrip().rfind(" "):
            # "the Kentucky Republican", "a Vancouver hockey coach": the place only says where the speaker is from
            heads = description_heads()
            if last.strip(".,") in heads["title"] | heads["person"] | speaker_words()["title"] | speaker_words()["person_head"]:
                # (else, as for a description with a place in it, the one person named just before: '... McConnell
                # blamed the media. "...," the Kentucky Republican said')
                return self._unnamed_person(start, end, last in heads["title"]) or (
                    last not in heads["agent"] and self._person_just_named(start)) or _as_written(words)
            return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE), "other"
        if kind != "person" and self.named and re.fullmatch(r"[A-Z][a-z’'-]+", words.strip()):
            # "Bout's wife, Alla, told ...": a lone name set off after a word for a person is a person's name
            before = re.search(r"([a-z]+),\s*$", self.body[max(0, start - 40):start])
            # "Lavrov, the Russian foreign minister, claimed ...": or before a description of one person set off
            after = re.match(r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,4}?([a-z]+)\s*,", self.body[end:end + 80])
            heads = description_heads()
            if before and before.group(1) in speaker_words()["person_head"] or after and after.group(1) in (
                    heads["title"] | heads["person"]) or words.strip() in self.person_words:
                name, kind = words.strip(), "person"
        if kind == "person" and is_proper_name(name):
            self._add_person(start, name)
            self.person_words.add(words.strip())  # the same lone name later is the same person
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
        written = words
        words = re.sub(r"\bPM\b", "prime minister", words)  # 'The PM said': news English's one common title initialism
        # 'the new head of the British army': the head noun is the one before 'of' (the description as a whole is
        # still shown if nobody is found)
        words = re.sub(r"\s+of\s+(?:the\s+)?[\w’'.\s-]+$", "", words) if re.match(r"(?:the|this)\s", words, re.I) else words
        m = re.fullmatch(r"(?:the|this)\s+((?:[\w’'.-]+\s+){0,3})([a-z][\w-]*)", words, re.IGNORECASE)
        possessive = None
        if not m:
            # "Brazil's former president": a place's office holder, linked the same way (left as written if unsure)
            possessive = re.fullmatch(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+((?:[\w-]+\s+){0,3})([a-z][\w-]*)",
                                      words)
            if not possessive or possessive.group(3) not in persons or not any(
                    getattr(x, "kind", "") == "place" for x in self._within(start, end)):
                return None
            mods, head = possessive.group(1) + " " + possessive.group(2), possessive.group(3)
        else:
            mods, head = m.group(1), m.group(2).lower()
        if any(getattr(x, "kind", "") in {"person", "organisation"} for x in self._within(start, end)):
            return None  # a name inside ("the Kremlin's spokesman", "the EBU") is resolved as a name
        required = {_fold_word(w) for w in re.findall(r"[\w’'.-]+", mods) if w[:1].isupper()} | {head}
        if head in persons:
            # the current speaker, when the article describes them so or a description so named them as a speaker
            # ('The French president said ... . Macron said ... . The president added'),
            # before anyone else it described so (an older mention in reported words: 'talks with the Russian
            # president')
            if self.recent and self.recent[-1][1] == "person" and 0 <= self.last_at < start:
                speaker = self.recent[-1][0]
                if required <= self.said_as.get(speaker, set()) or any(
                        getattr(x, "entity", "") == speaker and required <= self._described_as(x) | self._roles_of(
                        speaker) for x in _newest_first(self._described_by().get(head, []), start)):
                    self._add_person(start, speaker)
                    return speaker, "person"
            # only the people described by the head word are tried, newest first
            for x in _newest_first(self._described_by().get(head, []), start):
                if required <= self._described_as(x) | self._roles_of(getattr(x, "entity", "")):
                    # 'Justin Trudeau said ... . The prime minister said': the one who spoke in the sentence right
                    # before, as its subject, named after the one the title was attached to and given no title of
                    # their own, comes first
                    before = self._subject_just_before(start)
                    if before and before[1] != getattr(x, "entity", "") and x.start < before[0] \
                            and self.recent and self.recent[-1][0] == before[1] \
                            and not self._roles_of(before[1]) & persons:
                        self._add_person(start, before[1])
                        return before[1], "person"
                    return self._person(start, x)
            return self._unnamed_person(start, end, head in titles, required, head) or _as_written(written)
        if head not in orgs and head not in heads["document"] | heads["agent"] and mods.strip() and \
                _AGENTIVE.search(head) and head not in speaker_words()["organisation"]:
            # 'the rookie defenceman': a modified word for a person (by its ending) no list holds
            return self._person_just_named(start) or _as_written(written)
        if head in orgs:
            for x in _newest_first(self._organisations_by_word().get(head, []), start):
                return getattr(x, "entity", ""), "organisation"
            # a guess must bear the nationality the description gives: 'the Russian foreign ministry' is not a party
            # named just before whose name says nothing Russian
            nations = {w for w in re.findall(r"[\w’'-]+", mods) if w[:1].isupper() and w.lower() in _demonyms()}
            if self.recent and self.recent[-1][1] == "organisation" and _bears(self.recent[-1][0], nations):
                return self.recent[-1]
            near = self._organisation_just_named(start, head) or self._main_organisation(start, head)
            return (near, "organisation") if near and _bears(near, nations) else _as_written(written)
        return None

    def _main_organisation(self, start: int, head: str) -> str:
        """The organisation the article is about ('the company' in a story on Tesla): the organisation or other name
        named most often, at least 3 times and twice as often as any other, already named before `start` and
        holding no other head word; else ''."""
        if self.main_organisation is None:
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            for x in self.mentions:
                if getattr(x, "kind", "") in {"organisation", "other"} and getattr(x, "entity", ""):
                    counts[x.entity] = counts.get(x.entity, 0) + 1
                    first.setdefault(x.entity, x.start)
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            top = ranked[0] if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) \
                else None
            self.main_organisation = (top[0], first[top[0]]) if top else ("", 0)
        name, first_at = self.main_organisation
        heads = description_heads()["organisation"] - {head}
        return name if name and first_at < start and not heads & set(_fold_word(name).split()) else ""

    def _unnamed_person(self, start: int, end: int, title: bool, required: set[str] = frozenset(),
                        head: str = "") -> tuple[str, str] | None:
        """The person a description no earlier mention matched stands for: for a title, the person named for the first
        time in the next sentence, unless the article gives them another title; else the current speaker, if a person spoke last, nobody else has been named
        since and the article never described them otherwise; else None."""
        if title:
            k = bisect.bisect_left(self.free_people_starts, end)
            if k < len(self.free_people) and self.free_people[k].start < end + 300:
                x = self.free_people[k]
                gap = self.body[end:x.start]
                # named for the first time: no mention of the entity ends before the description, not even in someone's
                # words ('MPs criticised Anna Berg and Tom Reed. The PM insisted ... Ms Reed will ...': not Reed)
                if len(re.findall(r"[.!?][”\"’']?\s", gap)) == 1 and self.first_mentioned.get(
                        getattr(x, "entity", ""), start + 1) > start and not (
                        head not in _LEADS | {""} and self._titled_otherwise(getattr(x, "entity", ""), head)):
                    # (not someone the article gives another title: 'The prime minister said ... . Opposition leader Anna
                    # Berg said' is someone new; 'the head of X', 'the tax chief' may hold any title)
                    return self._person(start, x)
        if self.recent and self.recent[-1][1] == "person" and 0 <= self.last_at < start and start - self.last_at < 1500:
            name = self.recent[-1][0]
            lo = bisect.bisect_right(self.free_people_starts, self.last_at)
            hi = bisect.bisect_left(self.free_people_starts, start)
            between = {getattr(x, "entity", "") for x in self.free_people[lo:hi] if x.end <= start}
            if between <= {name} and not self._described_otherwise(name, required, head):
                self._add_person(start, name)
                return name, "person"
        if title:
            # 'Anna Berg's office said the president ...': an office speaking of a title holder speaks of its own
            # head, the person whose office it is
            office = re.fullmatch(r"(.+)['’]s office", self.recent[-1][0]) if self.recent and 0 <= self.last_at < start \
                else None
            if office and any(name == office.group(1) for _, name in self.people):
                self._add_person(start, office.group(1))
                return office.group(1), "person"
            # 'Anna Berg denounced the move. The president said ...': the title stands for the person who opens the
            # sentence right before as its subject, when nobody else is named after them but people the article
            # gives another title ('Anna Berg met the Ruritanian president, Tom Hale. The prime minister said')
            subject = self._subject_just_before(start, head)
            if subject:
                self._add_person(start, subject[1])
                return subject[1], "person"
        return None

    def _person_just_named(self, start: int) -> tuple[str, str] | None:
        """The one person named (outside anyone's words, not as an owner) in the sentence before `start` and in its
        own sentence up to it ('Schuh is aware he is entering uncharted waters. "...," the lanky professor said'):
        a description no mention matched stands for them; None when nobody or several people are named there."""
        k = bisect.bisect_right(self.frame_starts, start) - 1
        before = k - 1
        while before >= 0 and not re.search(r"[A-Za-z]", self.body[self.frame_starts[before]:self.frame_starts[before + 1]]):
            before -= 1  # (past lines with no words, the '.' some scrapers leave between paragraphs)
        if before < 0:
            return None
        lo = bisect.bisect_left(self.free_people_starts, self.frame_starts[before])
        hi = bisect.bisect_left(self.free_people_starts, start)
        named = {getattr(x, "entity", "") or x.text for x in self.free_people[lo:hi]
                 if self.body[x.end:x.end + 2] not in {"'s", "’s"}}
        if len(named) != 1:
            return None
        name = named.pop()
        if not is_proper_name(name):
            return None
        self._add_person(start, name)
        return name, "person"

    def _described_otherwise(self, name: str, required: set[str], head: str) -> bool:
        """Whether the article gives the person `name` the description's head word without the rest of it (spoken of
        as 'Lithuania's foreign minister', so not 'Estonia's prime minister')."""
        if len(required) < 2:
            return False
        words: set[str] = set(self._roles_of(name))
        for x in self.free_people:
            if getattr(x, "entity", "") == name:
                words |= self._described_as(x)
        return head in words and not required <= words

    def _subject_just_before(self, start: int, head: str = "") -> tuple[int, str] | None:
        """(offset, name) of the person opening the sentence right before `start` as its subject, if nobody else is
        named after them up to `start` (but, for a title `head`, people the article gives another title and never
        this one); else None."""
        subject = _newest_agreeing(self.subjects, start, lambda name: True)
        k = bisect.bisect_right(self.frame_starts, start) - 1
        if not subject or k < 1 or not self.frame_starts[k - 1] <= subject[0] < self.frame_starts[k]:
            return None
        lo = bisect.bisect_right(self.free_people_starts, subject[0])
        hi = bisect.bisect_left(self.free_people_starts, start)
        named = {getattr(x, "entity", "") for x in self.free_people[lo:hi]
                 if not (head and self._titled_otherwise(getattr(x, "entity", ""), head))}
        return (subject[0], subject[1]) if named <= {subject[1]} else None

    def _titled_otherwise(self, name: str, head: str) -> bool:
        """Whether the article gives the person `name` a title and never the title `head`."""
        words = set(self._roles_of(name))
        for x in self.mentions:
            if getattr(x, "entity", "") == name and getattr(x, "kind", "") == "person":
                words |= self._described_as(x)
        return head not in words and bool(words & description_heads()["title"])

    def paragraph_subject(self, at: int) -> str:
        """The speaker of a quote with no cue at offset `at`: the one person the paragraph is about, before the quote
        ('Kettunen took part in a peace mission. "You could say ..."'; when someone spoke there, that speaker if nobody
        else is named after them) or, for a quote opening its paragraph, the
        paragraph before ('Laurin lost her job. / "It took me two years ..."'): the only person named there, or the
        person a 'He', 'She', 'His' or 'Her' opening it (after a conjunction or a short opening phrase) stands for; '' when it names nobody or several people."""
        line_start = self.body.rfind("\n", 0, at) + 1
        if re.search(r"[A-Za-z]", self.body[line_start:at]):
            if line_start <= self.last_at < at:
                # someone spoke in the paragraph before the quote ('"Forget it," Ellison said. And here was the
                # reveal: "..."'): the voice goes on, if it is a person's and nobody else is named after them
                return self._speaker_going_on(at)
            start, end = line_start, at
        else:
            end = line_start - 1
            while end > 0:
                start = self.body.rfind("\n", 0, end) + 1
                if re.search(r"[A-Za-z]", self.body[start:end]):
                    break  # the paragraph before, past lines with no words ('.') some scrapers leave
                end = start - 1
            else:
                return ""
        named = {getattr(m, "entity", "") or m.text
                 for m in self.mentions[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]
                 if getattr(m, "kind", "") == "person"}  # named in anyone's words too: then whose voice is unclear
        if len(named) == 1:
            name = named.pop()
            return name if is_proper_name(name) else ""
        # (the pronoun may follow a conjunction or a short opening phrase: 'But early on, he did have ...')
        opener = re.match(r"\s*(?:(?:but|and|yet|so|still)\s+)?(?:[^,.;:“”\"]{1,30},\s*)?(he|she|his|her)\b",
                          self.body[start:end], re.IGNORECASE)
        if not named and opener:
            return self._salient_person(POSSESSIVE_PRONOUNS.get(opener.group(1).lower(), opener.group(1).lower()), start)
        return ""

    def _speaker_going_on(self, at: int) -> str:
        """The newest speaker, if a person and nobody else is named outside quotes between where they were named and
        offset `at` (a full name the mentions step could not type counts: 'Unison Dave Prentis criticised the
        plans.'); else ''."""
        if not self.recent or self.recent[-1][1] != "person":
            return ""
        name = self.recent[-1][0]
        between = {getattr(x, "entity", "") or x.text for x in self._within(self.last_at + 1, at)
                   if not self.in_quote(x.start) and (getattr(x, "kind", "") == "person" or getattr(
                       x, "kind", "") == "other" and len(x.text.split()) > 1 and is_proper_name(x.text))}
        return name if between <= {name} and is_proper_name(name) else ""

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
        after = words[found[0].end():]
        if found[0].group().islower() and re.match(r"\s+(?:the\s+\w|[A-Z])", after):
            return None  # "In its statement Valve said": the name after the noun is the subject, not the document
        source = re.match(r"\s+from\s+(?:the\s+)?(?=[A-Z])", after)
        if source:  # "a statement from Mr Spitzer's office": the office
            return self._resolve(head_at + len(found[0].group()) + source.end(), end)
        first = re.match(r"(?:the|a|an|this|that|its|their|his|her)\s+", words, re.IGNORECASE)
        owner = re.match(r"(.+?)['’]s\b", words[:found[0].start()])
        if owner:  # "the union's Friday release": the union
            return self._resolve(start, start + len(owner.group(1)))
        if first and first.group().split()[0].lower() in POSSESSIVE_PRONOUNS:  # "its report"
            return self._pronoun(POSSESSIVE_PRONOUNS[first.group().split()[0].lower()], start)
        inside = [x for x in self._within(start, end) if getattr(x, "kind", "") in {"organisation", "person", "other"}]
        if inside:  # "the RCMP report", "a study released by Civic Action"
            return self._name(start, end, words) if inside[0].end <= head_at else self._name(
                inside[0].start, inside[0].end, inside[0].text)
        between = words[first.end():found[0].start()].split() if first else []
        if between and all(w[:1].isupper() for w in between) and not all(w.lower() in _demonyms() for w in between):
            # "an FA statement", "a CAS statement": the capitalised words before the noun name its author
            return self._name(start + first.end(), head_at, " ".join(between))
        if first and first.group().split()[0].lower() in {"the", "this", "that"} and found[0].start() > first.end():
            # "the parole board decision": the words before the noun describe its author ("the parole board")
            owner = self._description(start, start + found[0].start(), words[:found[0].start()].rstrip())
            if owner and owner[0]:
                return owner
        # the same document named before with its author: "a study released Monday by Civic Action ... the study"
        head = found[0].group().lower()
        if head not in self.word_ends:  # once per noun, not once per use
            self.word_ends[head] = [m.end() for m in re.finditer(rf"\b{head}\b", self.body, re.IGNORECASE)]
        ends = self.word_ends[head]
        for earlier_end in reversed(ends[:bisect.bisect_right(ends, start)]):
            by = _BY.match(self.body, earlier_end)
            if by and not re.search(r"\b(?:obtained|seen|reviewed|viewed|received)\s+by\s", by.group()):
                # (a memo 'obtained by The Globe' was not written by it)
                at = by.end()
                # 'prepared by the British thinktank Ceasefire': the name may follow up to three words describing it
                lead = re.match(r"(?:[A-Za-z][\w-]*\s+){0,3}", self.body[at:at + 60])
                author = [x for x in self._within(at, at + lead.end() + 60)
                          if x.start <= at + lead.end() and not re.search(r"[,.;:]", self.body[at:x.start])
                          and getattr(x, "kind", "") in {"organisation", "person", "other"}]
                if author:
                    return self._name(author[0].start, author[0].end, author[0].text)
        return "", ""  # a document does not speak, and who wrote it is unclear

    def _organisation_just_named(self, start: int, head: str) -> str:
        """The organisation named in this sentence or the one before ('Procter & Gamble rallied ... . The company
        said ...'), even inside someone's words ('... done by TransLink. The agency told ...'), when it is the only
        one named there; when several are, the nearest organisation, else the nearest name of kind other, whose name
        holds no other head word ('Tide and Crest maker Procter & Gamble rallied ... . The company said'; never the
        'Port Rail Company' for 'the agency'); else ''."""
        k = bisect.bisect_right(self.frame_starts, start) - 1
        since = self.frame_starts[max(k - 1, 0)] if self.frame_starts else 0
        found = [x for x in self._within(since, start) if getattr(x, "kind", "") in {"organisation", "other"}]
        near = {getattr(x, "entity", "") for x in found}
        if len(near) == 1:
            return near.pop()
        heads = description_heads()["organisation"] - {head}
        compatible = [x for x in found if not heads & set(_fold_word(getattr(x, "entity", "")).split())]
        organisations = [x for x in compatible if getattr(x, "kind", "") == "organisation"] or compatible
        return getattr(organisations[-1], "entity", "") if organisations else ""

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

    def _described_by(self) -> dict[str, list[Any]]:
        """Person mentions outside quotation marks, by each word the article describes them with (made once): in
        reported words too, whose wording is the writer's ('Stoltenberg said he had spoken to Turkey's president,
        Recep Tayyip Erdoğan')."""
        if self.described_index is None:
            self.described_index = {}
            for x in self.mentions:
                if getattr(x, "kind", "") != "person" or self.in_marks(x.start):
                    continue
                for word in self._described_as(x) | self._roles_of(getattr(x, "entity", "")):
                    self.described_index.setdefault(word, []).append(x)
        return self.described_index

    def _organisations_by_word(self) -> dict[str, list[Any]]:
        """Organisation mentions outside anyone's words, by each word of their entity's name (made once)."""
        if self.organisation_index is None:
            self.organisation_index = {}
            for x in self.mentions:
                if getattr(x, "kind", "") == "organisation" and not self.in_quote(x.start):
                    for word in set(_fold_word(getattr(x, "entity", "")).split()):
                        self.organisation_index.setdefault(word, []).append(x)
        return self.organisation_index

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
        self._add_person(at, name)
        return name, "person"

    def _pronoun(self, pronoun: str, at: int) -> tuple[str, str]:
        if pronoun in {"he", "she", "i"}:
            name = self._salient_person(pronoun, at)
            return (name, "person") if name else ("", "")
        newest = self._newest("plural", "organisation") if pronoun == "they" else (
            self._newest("organisation", "place", "other") if pronoun == "it" else None)
        if newest and pronoun == "it" and newest[1] == "other" and not is_proper_name(newest[0]):
            # 'The report ... says ... . It says': a name of kind other (the thinktank 'Ceasefire') may be 'it'; a
            # description shown as written ('17-second spot') may not
            newest = self._newest("organisation", "place")
        if newest and pronoun == "they":
            return newest[0], "organisation" if newest[1] == "organisation" else "other"
        if newest:
            return newest
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
        # the newest candidate of each list, walking back from `at` until one agrees
        main = [c for c in (_newest_agreeing(self.people, at, agrees), _newest_agreeing(self.subjects, at, agrees)) if c]
        named = []
        for k in range(bisect.bisect_left(self.free_people_starts, at) - 1, -1, -1):
            m = self.free_people[k]
            name = getattr(m, "entity", "") or m.text
            if self.body[m.end:m.end + 2] not in {"'s", "’s"} and agrees(name):
                named = [(m.start, name, 0)]
                break
        if not main and not named:
            return ""
        last = max(main + named)
        k = bisect.bisect_right(self.frame_starts, last[0]) - 1
        sentence_start = self.frame_starts[k] if k >= 0 else 0
        in_sentence = [c for c in main if c[0] >= sentence_start]
        return max(in_sentence)[1] if in_sentence else last[1]

    def _opens_sentence(self, start: int) -> bool:
        """Whether the words at `start` open a sentence (or a quotation, or a line)."""
        stop = text_end(self.body, start)
        return stop == 0 or self.body[stop - 1] in ".!?”\"\n:"

    def _name(self, start: int, end: int, words: str) -> tuple[str, str]:
        # The mentions module, once it is there: the entity of a mention inside the speaker words is the answer.
        inside = self._within(start, end)
        if inside and " " not in words and all(m.text != words for m in inside) and words[:1].isupper() \
                and not re.search(r"['’]s?$", words):
            # "UA:PBC": one name glued by punctuation, of which the mentions module saw a part (a possessive,
            # "Zelenskiy’s", is the name it holds)
            return words, "organisation" if getattr(inside[0], "kind", "") != "person" else "person"
        opens = self._opens_sentence(start)
        if self.named and not inside and " " not in words.strip():
            # "Woods said" opening a sentence: a surname that is also a word, of a person named before
            same = [m.entity for m in self.by_surname.get(words.strip(), []) if m.end <= start]
            same = same or self.full_names.ending(words.strip())
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


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Nationality adjectives, lower case (data/demonyms.txt: 'British', 'Russian')."""
    return frozenset(w.lower() for w in read_data_list(DEMONYMS))


def _bears(name: str, nations: set[str]) -> bool:
    """Whether a name holds each of the nationality adjectives ('Russian' in 'Russian Foreign Ministry')."""
    return all(n.lower() in name.lower() for n in nations)


def is_proper_name(name: str) -> bool:
    """Whether a speaker's name is a name ('Anna Berg', 'Ursula von der Leyen'), not a description ('organisers',
    'Board members', 'another player'): every word capitalised but the particles of names."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in NAME_PARTICLES for w in words)


@lru_cache(maxsize=4096)
def name_gender(name: str) -> str:
    """The pronoun a person's first name usually takes ('he', 'she'), by gender-guesser's list; '' if unknown, unsure
    or if there is no first name (a surname alone: "Baxter" is also a first name)."""
    words = re.findall(r"[^\W\d_][\w’'-]*", name)
    return first_name_pronouns().get(words[0].lower(), "") if len(words) >= 2 else ""


DESCRIPTION_HEADS = paths.DATA / "description_heads.csv"


@lru_cache(maxsize=1)
def description_heads() -> dict[str, frozenset[str]]:
    """Head nouns of one-person or one-organisation descriptions and of documents, by kind (title, person,
    organisation, document; agent: a person speaking for someone else)."""
    return read_word_kinds(DESCRIPTION_HEADS, ("title", "person", "organisation", "document", "agent"))


# Title words saying only that someone leads something ('the head of the agency', 'the tax chief'), whatever their
# office is called (a chief executive, a director general)
_LEADS = frozenset({"head", "chief"})

# Endings of English nouns for a person ('defenceman', 'novelist', 'historian'; not '-er' or '-or', which as many
# things end in as people: 'the court order', 'the final quarter')
_AGENTIVE = re.compile(r"(?:man|woman|ist|ian)$")


def _fold_word(text: str) -> str:
    return text.replace("’", "'").lower().removesuffix("'s").rstrip(".")


def _not_a_name(words: str, opens_sentence: bool) -> bool:
    """A lone capitalised day or month, or a common English word opening a sentence ("Friday", "Statement"): no
    entity, never a speaker; so is a date ("February 22, 2022")."""
    parts = words.replace(",", " ").split()
    if len(parts) > 1 and parts[0].lower() in WHEN_WORDS and words[:1].isupper() and all(p.isdigit() for p in parts[1:]):
        return True
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


class _FullNames:
    """The full names written in the article, in order, also by their last word."""

    def __init__(self, names: list[str]):
        self.names = names
        self.by_last: dict[str, list[tuple[int, str]]] = {}
        for k, name in enumerate(names):
            self.by_last.setdefault(name.split()[-1], []).append((k, name))

    def ending(self, word: str) -> list[str]:
        """The full names whose last word is `word`, in text order (repeats kept)."""
        return [name for _, name in self.by_last.get(word, [])]


_BY = re.compile(r"[^.;”\"]{0,60}?\bby\s+(?:the\s+)?")


def _newest_first(mentions: Sequence[Any], start: int):
    """The mentions (sorted by start) that end before offset start, newest first."""
    for k in range(bisect.bisect_left(mentions, start, key=lambda m: m.start) - 1, -1, -1):
        if mentions[k].end <= start:
            yield mentions[k]


def _newest_agreeing(found: Sequence[tuple[int, str]], at: int, agrees) -> tuple[int, str, int] | None:
    """Of (offset, name) pairs sorted by offset, the newest before `at` whose name agrees (the greatest name of
    equal offsets), as (offset, name, 1); None if none does."""
    best = None
    for k in range(bisect.bisect_left(found, (at,)) - 1, -1, -1):
        offset, name = found[k]
        if best is not None and offset < best[0]:
            break
        if agrees(name) and (best is None or name > best[1]):
            best = (offset, name, 1)
    return best


def _as_written(words: str) -> tuple[str, str]:
    """A description no named entity was found for, shown as the text gives it ('Kharkiv regional governor', 'port
    authority'), kind other: what a reader would call the source, never a person's name."""
    return re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", words.strip()), flags=re.IGNORECASE), "other"


def _fallback_name(words: str, full_names: _FullNames) -> tuple[str, str]:
    """Name and kind from the speaker words alone: titles dropped, a surname matched to an earlier full name."""
    # 'the port authority': a short description of common words, no name to shorten it to (a longer run, or one with
    # a verb or a second determiner, is a subject the scan cut wrongly: 'a move the company')
    if re.fullmatch(r"(?:the|a|an)(?:\s+(?!(?:the|a|an|this|that)\b)[a-z][\w’'-]*(?<!ed)(?<!ly)){1,3}", words.strip(),
                    re.IGNORECASE) and not any(w.lower() in speaker_words()["organisation"] for w in words.split()):
        return _as_written(words)  # ('the government' is an organisation, below)
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
        longer = [(k, f) for k, f in full_names.by_last.get(name, []) if len(f.split()) > 1]
        if longer:
            # the shortest-worded of the first names written (list.index: the first occurrence of a repeated name)
            first = {}
            for k, f in longer:
                first.setdefault(f, k)
            best = max(first, key=lambda f: (len(f.split()) <= 3, -first[f]))
            return best, "person"
        return name, "person" if titled else "other"
    # ('No 10', 'G7': a word of a person's name is never a numeral)
    return name, "person" if len(tail) >= 2 and name[:1].isupper() and not re.search(r"\d", name) else "other"
