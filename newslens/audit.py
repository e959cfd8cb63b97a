"""What is broken in a scraped text: glued sentences, fused words, doubled punctuation, cut sentences, lost speakers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import paths
from .files import read_data_list

CUT_WORDS = paths.DATA / "audit_cut_words.txt"

KINDS = {
    "glued_sentence": "a sentence end glued to the next sentence with no space",
    "lost_subject": "a sentence glued on that starts with a lower-case word: its subject was cut out",
    "fused_words": "two words fused where text was cut out",
    "doubled_punctuation": "two punctuation marks in a row where one belongs",
    "cut_sentence": "a sentence or clause that stops on a word that cannot end it",
    "lost_speaker": "a quotation followed by a speech verb with no speaker",
    "unbalanced_quotes": "a quotation mark with no partner: opened twice, closed unopened, or left open",
}


@dataclass(frozen=True)
class Problem:
    kind: str
    start: int
    end: int
    excerpt: str


OPENING = "“"
CLOSING = "”"

# A sentence end glued to a capitalised word, optionally through quotation marks: 'January 29.The', 'Ukraine."This'.
# 'Bagle.AT' and 'Zafi.D' are names: the next word must look like a sentence's first word.
_GLUED = re.compile(r"(?<=[a-z0-9%)\]])[.!?](?P<quotes>[\"“”]{0,2})(?=[A-Z][a-z]|[AI]\b|[A-Z]{2,}\s)")
# A full stop glued to a lower-case word: 'the country.told'. Not web addresses ('bbc.co.uk', 'example.com').
_GLUED_LOWER = re.compile(
    r"(?<=[a-z]{2})\.(?=(?!(?:com|org|net|gov|edu|co|uk|io|biz|info|tv|life|html?|php|aspx?|zip|exe|txt|pdf|jpe?g|gif|png|doc)\b)[a-z]{3,}\b(?!\.[a-z]))"
)
# Lower case running into a capital inside one token: 'andBritain', 'VladimirNATO'.
_CAMEL = re.compile(r"\b(?P<left>[A-Za-z][a-z]{2,})(?P<right>[A-Z][A-Za-z]+)\b")
_LOWER_WORD = re.compile(r"\b[a-z]{5,}\b")
# '!,' and '?,' are left alone: titles such as 'Airplane!,' end in them.
_DOUBLED = re.compile(r"(?:,,|[.;:],|,[.;:]|;;|::|\.[\"”],)")
_LOST_SPEAKER = re.compile(r"[\"”]\s*,?\s*\b(?:said|says|added|told|stated|wrote)\b(?=\s*(?:[,.;:]|that\b))")
# Paragraphs end at a line break, or at the double space that flattened scraped text leaves between them.
_PARAGRAPH_BREAK = re.compile(r"\n\s*|(?<=\S) {2,}(?=\S)")
_FUNCTION_WORDS = ("and", "the", "that", "with", "for")


@lru_cache(maxsize=None)
def _cut_pattern() -> re.Pattern[str]:
    phrases = sorted(read_data_list(CUT_WORDS), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")[.,](?![\d\"”])")


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_data_list(paths.DATA / "abbreviations.txt"))


@lru_cache(maxsize=None)
def _dictionary():
    from spellchecker import SpellChecker  # loaded only when the audit needs it: it reads a 160,000-word list

    return SpellChecker(distance=1).word_frequency


def _excerpt(body: str, start: int, end: int, width: int = 30) -> str:
    return body[max(0, start - width) : end + width].replace("\n", " ")


def _matched(kind: str, body: str, m: re.Match) -> Problem:
    """A problem covering a regex match, with its excerpt."""
    return Problem(kind, m.start(), m.end(), _excerpt(body, m.start(), m.end()))


def _mark(body: str, i: int) -> Problem:
    """An unbalanced quotation mark at body[i]."""
    return Problem("unbalanced_quotes", i, i + 1, _excerpt(body, i, i))


def _word_before(body: str, i: int) -> str:
    """The word (with its full stops) that ends right at offset i, lower case: 'u.s' before 'U.S.Army'."""
    # only the last few characters: searching the whole prefix each time cost milliseconds per article
    return re.search(r"[\w.]*$", body[max(0, i - 64) : i]).group().lower()


def mark_role(body: str, i: int, width: int = 1) -> str:
    """'open', 'close' or '?' for the quotation mark at body[i] (`width` characters long), from its neighbours."""
    ch = body[i]
    if ch == OPENING:
        return "open"
    if ch == CLOSING:
        return "close"
    prev = body[i - 1] if i > 0 else " "
    nxt = body[i + width] if i + width < len(body) else " "
    left_open = prev.isspace() or prev in "([{—–-/:"
    right_open = nxt.isspace() or nxt in ",.;:!?)]}—–-"
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "?"  # 'Ukraine."This' opens, 'Ukraine."Stoltenberg' closes: only the pairing state can tell


def _quote_opens(body: str, i: int, depth: int) -> bool:
    """Whether the quotation mark at body[i] opens a quotation; `depth` is how many are open before it."""
    role = mark_role(body, i)
    return role == "open" if role != "?" else depth == 0


def glued_boundaries(body: str) -> list[int]:
    """Offsets where a sentence starts with no space before it; the tokenizer splits there."""
    return sorted(problem.end for problem in _glued(body))


def _quote_depths(body: str) -> dict[int, bool]:
    """For each quotation mark, whether it opens; the count resets at each paragraph."""
    opens: dict[int, bool] = {}
    depth = 0
    for i, ch in enumerate(body):
        if ch == "\n":
            depth = 0
        elif ch in '"“”':
            opens[i] = _quote_opens(body, i, depth)
            depth = depth + 1 if opens[i] else max(depth - 1, 0)
    return opens


def _glued(body: str) -> list[Problem]:
    """The glued boundaries, each as a Problem whose end is where the next sentence starts."""
    abbreviations = _abbreviations()
    opens = _quote_depths(body) if _GLUED.search(body) else {}
    found = []
    for m in _GLUED.finditer(body):
        word = _word_before(body, m.start())
        if word in abbreviations or "." in word:  # 'St.Petersburg', 'U.S.Army'
            continue
        boundary = m.end()
        for q in range(m.start("quotes"), m.end("quotes")):
            if opens.get(q):
                boundary = q  # an opening quotation mark belongs to the sentence it opens
                break
        found.append(Problem("glued_sentence", m.start(), boundary, _excerpt(body, m.start(), m.end())))
    for m in _GLUED_LOWER.finditer(body):
        found.append(_matched("lost_subject", body, m))
    return found


def _fused(body: str) -> list[Problem]:
    found = []
    standalone: set[str] | None = None  # the body's words between non-word characters, read once when first needed
    for m in _CAMEL.finditer(body):
        left, right = m["left"], m["right"]
        # A lower-case word running into a name ('andBritain'), or a name running into an acronym that the article
        # also uses on its own ('VladimirNATO'). Company names such as 'TimeWarner' or 'YouTube' fit neither.
        if not left.islower() and right.isupper() and standalone is None:
            # One pass over the body, not a search of the whole body per fused word (quadratic on long bodies).
            standalone = {w.group() for w in re.finditer(r"[\w-]+", body)}
        if left.islower() or (right.isupper() and right in standalone):
            found.append(_matched("fused_words", body, m))
    known = _dictionary()
    for m in _LOWER_WORD.finditer(body):
        word = m.group()
        if word in known:
            continue
        # A word cut short and run into a function word: 'afte' + 'and'.
        for tail in _FUNCTION_WORDS:
            head = word[: -len(tail)]
            if word.endswith(tail) and len(head) >= 4 and head not in known and any(
                w.startswith(head) for w in (head + "r", head + "e", head + "s", head + "n", head + "t") if w in known
            ):
                found.append(_matched("fused_words", body, m))
                break
    return found


def find_problems(body: str) -> list[Problem]:
    """List every problem found in the body, in text order."""
    found = _glued(body) + _fused(body)
    abbreviations = _abbreviations()
    for m in _DOUBLED.finditer(body):
        word = _word_before(body, m.start())
        if body[m.start()] == "." and (word in abbreviations or "." in word or len(word) == 1):
            continue  # 'Inc.,', 'etc.,', 'M.A.S.K.,': the full stop belongs to an abbreviation
        found.append(_matched("doubled_punctuation", body, m))
    for m in _cut_pattern().finditer(body):
        found.append(_matched("cut_sentence", body, m))
    found += [_matched("lost_speaker", body, m)
              for m in _LOST_SPEAKER.finditer(body)]
    found += _unbalanced(body)
    return sorted(found, key=lambda p: (p.start, p.kind))


def _unbalanced(body: str) -> list[Problem]:
    """Quotation marks that open twice, close what was never opened, or stay open at a paragraph's end
    (unless the next paragraph, or the next sentence where breaks were lost, opens again: that is how a
    quotation runs over several paragraphs)."""
    found = []
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(body)] + [len(body)]
    k = 0  # the next paragraph break (an index, not breaks.pop(0): that copies the list at each break)
    open_at = None
    for i in (i for i, ch in enumerate(body) if ch in '"“”'):
        while i >= breaks[k]:
            if open_at is not None and body[breaks[k] : breaks[k] + 1] not in ('"', OPENING):
                found.append(_mark(body, open_at))
            open_at = None
            k += 1
        if _quote_opens(body, i, int(open_at is not None)):
            # A quotation that opens again after a sentence end continues over a lost paragraph break.
            if open_at is not None and not re.search(r"[.!?]\s+$", body[max(0, i - 3) : i]):
                found.append(_mark(body, open_at))
            open_at = i
        elif open_at is None:
            found.append(_mark(body, i))
        else:
            open_at = None
    if open_at is not None:
        found.append(_mark(body, open_at))
    return found
