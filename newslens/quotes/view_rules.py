"""Whether a view verb found with its subject reports a view its holder is said to hold: not a participle or a noun,
not a passive, not asked about or supposed, not held by nobody (measured on BBC and Russia-Ukraine 2022 news)."""
from __future__ import annotations

import re
from typing import Sequence

from ..tokens import QuoteToken
from .cues import _Attr
from .subjects import AUX, _possessor

_BE = frozenset({"is", "are", "was", "were", "be", "been", "am", "'s", "’s", "'re", "’re", "'m", "’m"})
# words that end no subject naming a holder: what a verb's left neighbour is when the subject was not found ('and
# thus seek to ...', 'I am hoping')
_NO_HOLDER_WORDS = frozenset({"thus", "hence", "therefore", "so", "am", "'m", "’m", "not", "and", "or", "but"})
# a holder opened by these holds nothing ('No one wants to ...', 'Neither the Conservatives nor the Liberal Democrats
# wished to ...'): the view is denied of everyone named
_NOBODY = frozenset({"no", "neither", "nor", "none", "nobody"})
# a holder after one of these is a preposition's object, and the verb form after it a noun ('on UK plans to')
_PREPOSITIONS = frozenset({"on", "about", "for", "against", "over", "into", "with", "by", "to", "from"})
# a view in a clause that opens with these is supposed or asked about, not reported ('if he feels there is ...',
# 'asked whether he thought ...')
_NOT_ASSERTED = frozenset({"if", "unless", "whether"})
# a modal of possibility or duty between the holder and the verb makes the view the writer's guess or advice ('would
# seek to', 'may wish to', 'can hope to'); 'will' is left out: 'will seek to reassure MPs on Monday' reports a plan
_MODALS = frozenset({"would", "could", "may", "might", "should", "must", "can"})
_QUESTION_END = re.compile(r"\?[\s\"'”’)]*$")
# words between an auxiliary and its verb besides the adverbs ('was not planning', 'is now hoping')
_BETWEEN = frozenset({"not", "n't", "n’t", "now", "currently"})


def _after_modal(toks: Sequence[QuoteToken], i: int, lo: int) -> bool:
    """Whether the verb at token i follows a modal of _MODALS, past auxiliaries and adverbs ('may still think', 'would
    not want', 'may have believed'); a modal further back belongs to another verb ('fears that it could spark a crisis
    and wants to ...')."""
    k = i - 1
    while k >= lo and (toks[k].low in AUX | _BETWEEN
                       or toks[k].text.islower() and toks[k].low.endswith("ly") and len(toks[k].low) > 3):
        if toks[k].low in _MODALS:
            return True
        k -= 1
    return False


def _left_over_adverbs(toks: Sequence[QuoteToken], i: int, lo: int) -> int:
    """The index of the first token left of i that is not an adverb or auxiliary adverb ('is | widely expected')."""
    k = i - 1
    while k >= lo and (toks[k].low in AUX - _BE or toks[k].low in _BETWEEN
                       or toks[k].text.islower() and toks[k].low.endswith("ly") and len(toks[k].low) > 3):
        k -= 1
    return k


def not_a_view(body: str, toks: Sequence[QuoteToken], attr: _Attr, frame: tuple[int, int], lo: int,
               content_tok: int, undertaking: bool) -> bool:
    """Whether the view cue `attr` (its content opening at token `content_tok`, its sentence `frame` from token
    `lo`) reports no view: a noun or participle, a passive, a question or condition, nobody, or words not its own."""
    cue_i = attr.cue_i
    last = cue_i
    while last + 1 < len(toks) and toks[last + 1].start < attr.cue_end:
        last += 1
    verb = toks[cue_i].low
    before = _left_over_adverbs(toks, cue_i, lo)
    if not undertaking:
        if content_tok > last + 1 and toks[content_tok].start > attr.cue_end:
            return True  # 'plan another round of talks on Monday, even though previous talks that ...': the words
            # found start away from the verb, whose own object is a noun phrase
        if verb.endswith("ing") and not (before >= lo and toks[before].low in _BE):
            return True  # 'oligarchs seeking to ...', 'his clear feeling that', 'there can be no doubting': a
            # participle or a noun; a view is reported by a finite verb ('is hoping')
        if (before >= lo and toks[before].low in _BE and before < cue_i - 1
                and not verb.endswith("ing") and verb != attr.lemma):
            return True  # 'is widely expected next May': a passive, nobody named holds it
    first, end = attr.speaker_spans[0][0], attr.speaker_spans[-1][1]
    if not undertaking and _after_modal(toks, cue_i, lo):
        return True  # 'Nato would seek to respond ...': the writer's guess at a view, nobody is said to hold it (a
        # speech verb's undertaking stays: 'the Labour leader could promise to ...' would give his words)
    if toks[end - 1].low in _NO_HOLDER_WORDS or _possessor(toks[end - 1]):
        return True  # ('China’s stance ... views': a possessive names whose thing it is, not a holder)
    if any(toks[k].low in {"i", "we", "you"} for a, b in attr.speaker_spans for k in range(a, b)):
        return True  # 'as a very young child, I somehow thought': the writer's own view is the narrator's
    if first > lo and toks[first - 1].low in _PREPOSITIONS:
        return True  # 'dodged questions on UK plans to ...': after a preposition the verb's form is a noun
    if any(toks[k].low in _NOBODY for k in range(max(lo, first - 2), end)):
        return True
    # the clause before the verb, back to a comma or semicolon: 'if Stop the War believes that', 'When asked
    # whether he thought'
    k = cue_i - 1
    while k >= lo and toks[k].text not in {",", ";", ":"}:
        if toks[k].low in _NOT_ASSERTED:
            return True
        k -= 1
    if _QUESTION_END.search(body, frame[0], frame[1]):
        return True  # 'who can doubt he will do so?': a question asks, it reports no one's view
    return False
