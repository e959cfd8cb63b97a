"""Quotation marks paired into quoted segments, and the frames (sentences merged across quotations) they sit in."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from .. import audit, tokens
from ..tokens import Span
from .cues import _is_cue

# A quotation mark: straight, curly, or two apostrophes (the New York Times archive style, ''like this'').
_MARK = re.compile(r"''|[\"“”]")


# ---------------------------------------------------------------------------------------------------------------
# Quotation marks: paired per paragraph, resynchronising after an unbalanced mark.

@dataclass
class Segment:
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when it was missing
    start: int  # the words inside
    end: int
    close_len: int = 1
    continues: bool = False  # the quote goes on in the next paragraph (which opens with a mark again)
    continued: bool = False  # this segment continues the previous paragraph's quote
    unbalanced: bool = False

    @property
    def outer_end(self) -> int:
        return self.close_mark + self.close_len if self.close_mark is not None else self.end


def text_end(body: str, end: int, chars: str | None = None) -> int:
    """len(body[:end].rstrip(chars)) without copying the body: where the text before `end` stops, trailing
    whitespace (or `chars`) left out."""
    while end > 0 and (body[end - 1] in chars if chars is not None else body[end - 1].isspace()):
        end -= 1
    return end


def find_quote_marks(body: str, paragraphs: Sequence[Span] | None = None) -> list[Segment]:
    """Pair the quotation marks of the body into quoted segments, straight and curly alike (paragraph by paragraph)."""
    segments: list[Segment] = []
    paras = [(p.start, p.end) for p in (tokens.paragraphs(body) if paragraphs is None else paragraphs)]
    carry = False  # the previous paragraph ended inside a quote
    for p, (lo, hi) in enumerate(paras):
        marks = [(m.start(), m.end() - m.start()) for m in _MARK.finditer(body, lo, hi)]
        opened: int | None = None
        continued = False
        first_text = lo + len(body[lo:hi]) - len(body[lo:hi].lstrip())
        if carry and not (marks and marks[0][0] == first_text):
            carry = False  # the previous quote never reopened: it was cut at its paragraph end
        for i, width in marks:
            role = audit.mark_role(body, i, width)
            if opened is None:
                if role == "close":
                    # A closing mark with no opening one: the opening mark was lost ('Ukraine.Russian hackers
                    # pose ...,” said Monaco'). The quote runs from the start of its sentence.
                    start = _sentence_start(body, lo, i)
                    # ... and from the sentence after the last one holding a quote, when sentences stand between: a
                    # quotation of several sentences whose opening mark was lost ('... told reporters that it was a
                    # “dangerous” development. Lukashenko's statement is ... . I believe this is a signal.”')
                    if segments and lo <= segments[-1].outer_end < start:
                        start = _next_sentence(body, segments[-1].outer_end, i, start)
                    if body[start:i].strip() and (not segments or segments[-1].outer_end <= start):
                        segments.append(Segment(start, i, start, i, width, unbalanced=True))
                    continue
                opened, open_w, continued = i, width, carry and i == first_text
                carry = False
            elif role == "open" and body[opened + open_w:i].strip():
                # Two opening marks in a row: the first quote lost its closing mark. Cut it at the end of its
                # last sentence before the new mark, so every later quote keeps its own pairing.
                end = _cut_unbalanced(body, opened + open_w, i)
                segments.append(Segment(opened, None, opened + open_w, end, continued=continued, unbalanced=True))
                opened, open_w, continued = i, width, False
            else:
                segments.append(Segment(opened, i, opened + open_w, i, width, continued=continued))
                opened = None
        if opened is not None:
            nxt = paras[p + 1] if p + 1 < len(paras) else None
            reopens = nxt is not None and _MARK.match(body[nxt[0]:nxt[1]].lstrip()) is not None
            end = text_end(body, hi)
            segments.append(Segment(opened, None, opened + open_w, end, continues=reopens, continued=continued,
                                     unbalanced=not reopens))
            carry = reopens
    kept = [s for s in segments if body[s.start:s.end].strip()]
    for s in kept:  # '« We will not »': the French space inside the marks is no part of the quotation
        s.start += len(body[s.start:s.end]) - len(body[s.start:s.end].lstrip())
        s.end = text_end(body, s.end)
    return kept


def _sentence_start(body: str, lo: int, i: int) -> int:
    """Where the sentence holding offset i starts, looking back no further than lo (its paragraph)."""
    starts = [m.end() for m in re.finditer(r"[.!?][\"”’]?\s*(?=[A-Z“\"])", body[lo:i])]
    start = lo + (starts[-1] if starts else 0)
    return start + len(body[start:i]) - len(body[start:i].lstrip())


def _next_sentence(body: str, after: int, stop: int, fallback: int) -> int:
    """Where the first sentence starting after offset `after` (and before `stop`) begins; `fallback` when none."""
    m = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z“\"])").search(body, after, stop)
    return m.end() if m else fallback


def _cut_unbalanced(body: str, start: int, stop: int) -> int:
    """End of the last full sentence in body[start:stop], or stop when there is none."""
    text = body[start:stop]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s|$)", text)]
    return start + (ends[-1] if ends else len(text.rstrip()))


# ---------------------------------------------------------------------------------------------------------------
# Sentences: the tokens module's sentences, merged where a boundary falls inside a quotation, so that a quote of
# several sentences and its attribution share one frame.

def _frames(body: str, sentences: Sequence[Span], segments: Sequence[Segment]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s in sentences:
        # 'the I.C.R.C. said': an acronym's full stop before a lower-case word does not end the sentence
        if spans and body[s.start:s.start + 1].islower() and re.search(r"(?:[A-Z]\.){2,}\s*$", body[spans[-1][0]:spans[-1][1]]):
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
    inside = [(s.open_mark, s.outer_end) for s in segments]
    merged: list[tuple[int, int]] = []
    k = 0
    for start, end in spans:
        while k < len(inside) and inside[k][1] <= start:
            k += 1
        cut_inside = k < len(inside) and inside[k][0] < start < inside[k][1]
        if merged and cut_inside and "\n" not in body[merged[-1][1]:start]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _merge_question_frames(body, frames, segments, toks, tok_starts, cues):
    """Join '"Is it you?" | Borger asked.': a quote ending in ? or ! and a next sentence that is its attribution;
    also a quote ending in a full stop and a next sentence opening in lower case ('"... built." | he said.'): a
    sentence does not open so, the splitter cut the attribution off."""
    ends = {s.outer_end: s for s in segments}
    out: list[tuple[int, int]] = []
    for start, end in frames:
        if out:
            p_start, p_end = out[-1]
            seg = ends.get(text_end(body, p_end))
            if seg is not None and (body[seg.start:seg.end].rstrip()[-1:] in "?!" or body[start:start + 1].islower()) \
                    and "\n" not in body[p_end:start]:
                k = bisect.bisect_left(tok_starts, start)
                for j in range(k, min(k + 6, len(toks))):
                    if toks[j].start >= end or not (toks[j].text[:1].isalnum()):
                        break
                    if _is_cue(toks, j, cues):
                        out[-1] = (p_start, end)
                        break
                else:
                    out.append((start, end))
                    continue
                if out[-1] == (p_start, end):
                    continue
        out.append((start, end))
    return out
