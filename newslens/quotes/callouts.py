"""Readers' callout pieces: first-person paragraphs a paper prints from its readers, each signed by a line "Name, age,
occupation, place" ("Jane Roe, 45, teacher, Leeds"). The paragraphs before a signature are the signer's words, as
the words in quotation marks are a speaker's; the quotes step gives them to the signer.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document
from ..tokens import Span

# A signature: one to four capitalised words, an age ("45", "30s"), a short description and, after commas, a place
# ("teacher, Leeds"; "editor, from Leeds, living in York"), opening a line or a sentence (in scraped text the pieces
# often run on in one line: "... served us well. Jane Roe, 45, teacher, Leeds Tom ..."). A name and age before a
# clause ("Jane Roe, 39, has been charged over ...", "Tom Hale, 26, from Leeds, said") is a report.
_SIGNATURE = re.compile(r"(?:(?<=^)|(?<=\n)|(?<=[.!?…”’\"] ))((?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+), "
                        r"(\d{1,3}|\d0s), [^,.;:\n]{1,60}(?:, [^,.;:\n]{1,60})*?, [A-Z]", re.MULTILINE)
# The first person, outside quotation marks: what makes a piece a reader's own account ("US" is no "us").
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|[Mm]y|me|[Ww]e|[Ww]e’re|[Ww]e're|[Ww]e’ve|[Ww]e've|"
                           r"[Oo]ur|us)\b")


# How many sentences before a signature are looked at for the first person.
LAST = 3


class Callout(NamedTuple):
    start: int  # the signer's words
    end: int
    name_start: int  # the signer's name in the signature
    name_end: int


def find_callouts(doc: Document) -> list[Callout]:
    """The signed pieces: each signature's name, and the signer's words before it, from the first sentence in the
    first person after the paragraph's start or the signature before (whichever is later) to the signature. A piece
    none of whose last LAST sentences is in the first person is not a reader's account ("Jane Roe, 41, a nurse,
    ..." in a report) and is left out."""
    body, found, last = doc.body, [], 0
    quoted = [(g.open_mark, g.outer_end) for g in doc.quote_marks]
    for m in _SIGNATURE.finditer(body):
        k = doc.paragraph_at(m.start())
        lo = max(last, doc.paragraphs[k].start if k is not None else 0)
        last = m.end(2)
        own = [s for s in doc.sentences if lo <= s.end <= m.start() or s.start < lo < s.end <= m.start()]
        first = [s for s in own if _first_person(body, s, quoted)]
        if not any(_first_person(body, s, quoted) for s in own[-LAST:]):
            continue
        start = max(first[0].start, lo)
        end = own[-1].end
        found.append(Callout(start, end, m.start(1), m.end(1)))
    return found


def _first_person(body: str, sentence: Span, quoted: list[tuple[int, int]]) -> bool:
    """Whether the sentence speaks in the first person outside the quotation marks paired in the body (a speaker's
    "I" in a report is not the writer's)."""
    return any(not any(a <= m.start() < b for a, b in quoted)
               for m in _FIRST_PERSON.finditer(body, sentence.start, sentence.end))
