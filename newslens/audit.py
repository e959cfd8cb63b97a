"""What is broken in a scraped text: glued sentences, fused words, doubled punctuation, cut sentences, lost speakers."""
from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import paths
from .files import read_data_list
from .package_lists import english_words

CUT_WORDS = paths.DATA / "audit_cut_words.txt"
NOT_ARTICLE_STARTS = paths.DATA / "not_article_lines.txt"
CALL_VERBS = paths.DATA / "call_to_action_verbs.txt"

KINDS = {
    "glued_sentence": "a sentence end glued to the next sentence with no space",
    "lost_subject": "a sentence glued on that starts with a lower-case word: its subject was cut out",
    "fused_words": "two words fused where text was cut out",
    "doubled_punctuation": "two punctuation marks in a row where one belongs",
    "cut_sentence": "a sentence or clause that stops on a word that cannot end it",
    "lost_speaker": "a quotation followed by a speech verb with no speaker",
    "unbalanced_quotes": "a quotation mark with no partner: opened twice, closed unopened, or left open",
    "not_article": "a line that is not the article's own text: a link headline, a Read more, Related or sign-up line, "
                   "a promotion ending in a call to action ('Book tickets here'), an all-capitals related-story line, "
                   "a photo caption or credit (left out of the stance counts)",
    "long_quote": "a quotation or a sentence too long to be one quote (over 5,000 characters): no quote is taken",
}


@dataclass(frozen=True)
class Problem:
    kind: str
    start: int
    end: int
    excerpt: str


OPENING = "“"
CLOSING = "”"

# Guillemets and German low-high marks are quotation marks too (European news in English keeps them: «We will not
# impose sanctions»). They are read as the English curly pair, one character for one, so every offset stays valid.
# Which guillemet opens is the paragraph's style: French «...» opens with «, German »...« with »; the first one in a
# paragraph decides. German „...“ closes with “, the English opening mark: a “ after an unclosed „ closes.
_FOREIGN_MARK = re.compile(r"[«»„“\n]")


def english_marks(body: str) -> str:
    """The body with « » „ and »...« read as the English “ ”; the same length, so offsets point into both."""
    if not re.search(r"[«»„]", body):
        return body
    chars = list(body)
    opener, low_open = None, False  # the paragraph's opening guillemet; a „ waits for its closing “
    for m in _FOREIGN_MARK.finditer(body):
        ch, i = m.group(), m.start()
        if ch == "\n":
            opener, low_open = None, False
        elif ch == "„":
            chars[i], low_open = OPENING, True
        elif ch == "“":
            if low_open:
                chars[i], low_open = CLOSING, False
        else:
            opener = opener or ch
            chars[i] = OPENING if ch == opener else CLOSING
    return "".join(chars)

# A sentence end glued to a capitalised word, optionally through quotation marks: 'January 29.The', 'Ukraine."This'.
# 'Bagle.AT' and 'Zafi.D' are names: the next word must look like a sentence's first word.
# (The stop comes first and the letter before it is looked behind at: a pattern that starts with a character class
# is searched for in C, several times faster than trying a look-behind at every position.)
_GLUED = re.compile(r"[.!?](?<=[a-z0-9%)\]][.!?])(?P<quotes>[\"“”]{0,2})(?=[A-Z][a-z]|[AI]\b|[A-Z]{2,}\s)")
# A full stop glued to a lower-case word: 'the country.told'. Not web addresses ('bbc.co.uk', 'example.com').
_GLUED_LOWER = re.compile(
    r"\.(?<=[a-z]{2}\.)(?=(?!(?:com|org|net|gov|edu|co|uk|io|biz|info|tv|life|html?|php|aspx?|zip|exe|txt|pdf|jpe?g|gif|png|doc)\b)[a-z]{3,}\b(?!\.[a-z]))"
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
_QUOTE_MARK = re.compile(r'["“”]')
_MARK_OR_NEWLINE = re.compile(r'["“”\n]')


@lru_cache(maxsize=None)
def _cut_pattern() -> re.Pattern[str]:
    phrases = sorted(read_data_list(CUT_WORDS), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")[.,](?![\d\"”])")


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_data_list(paths.DATA / "abbreviations.txt"))


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
    prev = body[i - 1] if i > 0 else " "
    nxt = body[i + width] if i + width < len(body) else " "
    # A curly mark typed the wrong way round: an opening one glued to the words before it and followed by a space
    # closes ('and so will the town.“ A hundred ...'); a closing one after a space, glued to a capital, opens
    # ('she said. ”We will ...'). Curly marks are otherwise taken as they are shaped.
    if ch == OPENING:
        return "close" if (prev.isalnum() or prev in ".,!?") and nxt.isspace() else "open"
    if ch == CLOSING:
        return "open" if prev.isspace() and nxt.isupper() else "close"
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
    for m in _MARK_OR_NEWLINE.finditer(body):  # a regex finds them: a loop over every character cost 0.5 ms
        i = m.start()
        if m.group() == "\n":
            depth = 0
        else:
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
    known = english_words()  # pyspellchecker's 160,000 words, shared with the mentions step
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


_LINE = re.compile(r"[^\n]+")
_CAPTION = re.compile(r"\b(?:Photograph|Photo|Illustration|Composite|Graphic)s?(?: by)?:\s")
_MEDIA_LINK = re.compile(r"[–—-]\s*(?:video|audio|podcast|in pictures)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\"”’'…:;)]\s*$")
_CLAUSE = re.compile(r",\s+[a-z]")
_EMBEDDED_POST = re.compile(r"pic\.twitter\.com|\(@\w+\)|https?://")  # a quoted tweet: the article quoting


@lru_cache(maxsize=None)
def _not_article_start() -> re.Pattern[str]:
    starts = sorted(read_data_list(NOT_ARTICLE_STARTS), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in starts) + r")\b", re.IGNORECASE)


# The same things inside a paragraph, where the page's line breaks were lost: a link headline glued to "Read more",
# a timed video link ("01:50Zelenskiy says ... – video"), a caption sentence and its credit ("... Photograph: A B/AFP").
_GLUED_READ_MORE = re.compile(r"(?<=\S)Read more\b")
# A media link's end: "– video" (or audio, podcast, in pictures; "video report", "video explainer") followed by the
# next sentence's capital, a digit (a glued date) or an opening quotation mark, as pages glue it into a paragraph.
_INLINE_MEDIA = re.compile(r"\s?[–—-]\s?(?:video|audio|podcast|in pictures)(?:\s(?:report|explainer|interview))?\b"
                           r"(?=\s+[A-Z0-9‘'\"“]|\s*$)", re.MULTILINE)
# Its headline's start: a video's running time glued to it ("01:50Zelenskiy says ...", or the "0" a lost one leaves:
# "0Boris Johnson ..."), or else
# the sentence end before it; untimed, a headline is at most HEADLINE_WORDS words and opens with a capital or a mark.
_RUNNING_TIME = re.compile(r"(?<![\w:,])(?:\d{1,2}:\d{2}|0)(?=[A-Z‘'\"“])")
_HEADLINE_OPENING = re.compile(r"[A-Z0-9‘'\"“]")
_INLINE_CREDIT = re.compile(r"\b(?:Photograph|Photo|Illustration|Composite):\s+(?:(?:[^\s/]+\s){0,3}[^\s/]+(?:/[^\s/]+)+"
                            r"(?:\s(?:Images|Pictures))?|\S+(?:\s[A-Z]\S*){0,2})")
_BEFORE = re.compile(r"(?:[.!?][\"”’]?\s+|\s{2,}|\n)(?=\S)")
# A caption with no credit, set as a sentence of its own: "Map of the front line on day two.", "Graphic showing ...".
# Captions drop the article and the verb; prose that starts a sentence so ("A map of the region shows ...") does not.
_CAPTION_SENTENCE = re.compile(r"(?:(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n)|^)"
                               r"(?:Map|Graphic|Chart|Infographic)s?\s+(?:of|showing)\s[^.!?\n]{3,120}?"
                               r"(?:[.!?]|(?<=[a-z])(?=\s+(?:The|A|An|In|On|At|As|But|It|He|She|They|We|This|Its|His|"
                               r"Her|Their|After|When|While|Meanwhile)\s))")
# A page's link headline may hold two sentences when it is an opinion piece's: "Sentence. Sentence | Author". Such a
# headline, glued to its "Read more", reaches back over a sentence while the whole stays headline-long.
HEADLINE_WORDS = 20
# A pull quote the page prints twice in a row: a passage of at least this many words at once repeated (any case).
PULL_QUOTE_WORDS = 8
PASSAGE_MAX_WORDS = 300  # a pull quote or a paragraph, not a page: the bound keeps the search linear
_WORD = re.compile(r"\S+")


def _sentence_start(body: str, before: int, reach: int = 250) -> int:
    """Where the sentence (or headline) ending right before offset `before` starts: after the last sentence end."""
    start = max(0, before - reach)
    for m in _BEFORE.finditer(body, start, before):
        start = m.end()
    return start


def _link_headline_start(body: str, before: int) -> int:
    """Where a link headline glued to its "Read more" at `before` starts: its sentence, and for an opinion piece's
    headline ("... | Author") the sentence before too when both together stay headline-long."""
    start = _sentence_start(body, before)
    if "|" in body[start:before] and start > 0:
        earlier = _sentence_start(body, start - 1)
        if earlier < start and len(body[earlier:before].split()) <= HEADLINE_WORDS:
            return earlier
    return start


def _lowered_words(body: str) -> list[str]:
    """The body's words, lower-cased and interned line by line: a body of a few MB repeats some thousands of words, and
    a list of its own strings (plus the split's copy) took a third of the peak of the step that read it on a 5 MB
    body. Their offsets are read only when a passage is found (most bodies: never)."""
    return [w for line in body.lower().splitlines() for w in map(sys.intern, line.split())]


def doubled_passages(body: str) -> list[tuple[int, int]]:
    """Passages of PULL_QUOTE_WORDS to PASSAGE_MAX_WORDS words printed twice in a row: the copy, and the first print too when the
    passage stands a third time elsewhere in the body (a pull quote: the page repeats the article's own sentence)."""
    low = _lowered_words(body)
    last: dict[str, int] = {}  # each word's latest place: a repeat of a passage shows as a word seen `length` back
    found, k = [], 0  # (first print, copy, end of copy), in word indexes
    while k < len(low):
        i = last.get(low[k])
        last[low[k]] = k
        length = k - i if i is not None else 0
        if PULL_QUOTE_WORDS <= length <= PASSAGE_MAX_WORDS:
            start = k
            # the copy may begin before this word (a word used twice in the passage), never a passage's length before
            while start > max(length, k - length) and low[start - 1] == low[start - 1 - length]:
                start -= 1
            end = start + length
            # word by word, stopping at the first difference: slicing both copies cost the distance for every word
            if end <= len(low) and all(low[n - length] == low[n] for n in range(start, end)):
                found.append((start - length, start, end))
                for n in range(k, end):
                    last[low[n]] = n
                k = max(end, k + 1)  # a passage printed three times in a row is met again from its second copy
                continue
        k += 1
    if not found:
        return []
    openings = {tuple(low[first:first + PULL_QUOTE_WORDS]) for first, _, _ in found}
    firsts, seen = {o[0] for o in openings}, dict.fromkeys(openings, 0)
    for n, word in enumerate(low):  # each opening counted in one pass over the words, not a search per passage
        if word in firsts and (gram := tuple(low[n:n + PULL_QUOTE_WORDS])) in seen:
            seen[gram] += 1
    spans = [(first if seen[tuple(low[first:first + PULL_QUOTE_WORDS])] > 2 else start, end - 1)
             for first, start, end in found]
    # Only the offsets of the words a passage starts or ends on are kept (a list of every word's match took 100 MB
    # of a 5 MB body).
    wanted = {k for span in spans for k in span}
    offsets = {k: m.span() for k, m in enumerate(_WORD.finditer(body)) if k in wanted}
    return sorted({(offsets[a][0], offsets[b][1]) for a, b in spans})


def _inline_media_links(body: str) -> list[tuple[int, int]]:
    """Video, audio and picture links glued into a paragraph: "... again”. 0Boris Johnson promises ... – video Johnson
    had faced ...". A running time glued to the headline marks its start (up to 250 characters back); with none, the
    headline is the sentence before the dash, when it is headline-long."""
    spans = []
    for m in _INLINE_MEDIA.finditer(body):
        before = m.start()
        # a headline may end in its own question or exclamation mark, or a closing quotation mark
        while before > 0 and body[before - 1] in "?!.’'\"” ":
            before -= 1
        # (never reaching back over the link before: its time is its own)
        reach = max(before - 250, spans[-1][1] if spans else 0, 0)
        timed = [t.start() for t in _RUNNING_TIME.finditer(body, reach, before) if "\n" not in body[t.start():before]]
        if timed:
            start = timed[-1]
        else:
            start = _sentence_start(body, before)
            if not _HEADLINE_OPENING.match(body, start) or len(body[start:before].split()) > HEADLINE_WORDS:
                continue
        spans.append((start, m.end()))
    return spans


# Where a call to action sends the reader, closing its sentence (or glued to the next one: "Book tickets here This
# article was amended ..."). Not a web address: an embedded post ends on one ("Read the latest from @...
# https://t.co/..."), and the article quoting a post is the article.
_DESTINATION = re.compile(r"\b(?:here|now|today|online|wherever\s+you\s+(?:get|find|listen\s+to)\s+your\s+\w+)"
                          r"(?=\s*[.!]|[ \t]*(?:\n|$)|\s+[A-Z])")
# A promotion is a few sentences: its first is looked for this many words back from its call to action, in its line.
PROMOTION_WORDS = 60
# A line the page inserted is at most this many words; a longer one is a paragraph, or a body whose breaks were lost.
LINE_WORDS = 60


@lru_cache(maxsize=None)
def _call_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A sentence opening with a call-to-action verb (data/call_to_action_verbs.txt), after an "If ...," or "To ...,"
    lead and "you can" or "please" at most; and such a verb, capitalised, opening a sentence or glued to the word
    before it ("UkraineJoin a panel")."""
    verbs = sorted(read_data_list(CALL_VERBS), key=len, reverse=True)
    forms = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    capitals = "|".join(re.escape(v[:1].upper() + v[1:]).replace(r"\ ", r"\s+") for v in verbs)
    opening = re.compile(r"(?:(?:[Ii]f|[Tt]o|[Ww]hen)\b[^.!?\n]{0,100}?,\s+)?(?:(?i:you\s+can|please)\s+)?"
                         rf"(?i:{forms})\b")
    first = re.compile(rf"(?:(?<=[a-z])|(?<=[.!?] )|(?<=[.!?][\"”’] )|(?<=\n)|^)(?:{capitals})\b")
    return opening, first


def calls_to_action(body: str) -> list[tuple[int, int]]:
    """Promotions ending in a call to action: a sentence that opens with a verb asking the reader to act and ends on
    where ("Book tickets here", "If you're not already signed up, subscribe now", "To listen ..., search ... wherever
    you get your podcasts"), from the first sentence of the same line, within PROMOTION_WORDS words before, that opens
    with such a verb ("Join a panel of journalists, hosted by Jane Roe, ... Book tickets here"); else the call alone.
    A few sentences of page furniture, found in paragraphs and where line breaks were lost alike."""
    opening, first = _call_patterns()
    spans: list[tuple[int, int]] = []
    for m in _DESTINATION.finditer(body):
        start = _sentence_start(body, m.start())
        if not opening.match(body, start):
            continue
        line_start = body.rfind("\n", 0, start) + 1
        back = [w.start() for w in _WORD.finditer(body, max(line_start, m.end() - 40 * PROMOTION_WORDS), m.end())]
        reach = back[-PROMOTION_WORDS] if len(back) >= PROMOTION_WORDS else line_start
        earlier = first.search(body, reach, start)
        start = earlier.start() if earlier else start
        if spans and start <= spans[-1][1]:
            start = min(start, spans[-1][0])
            spans.pop()  # one promotion with two calls ("click here. Read terms of service here"): one stretch
        spans.append((start, m.end()))
    return spans


def _inline_not_article(body: str) -> list[Problem]:
    spans = [(_link_headline_start(body, m.start() - 1), m.end()) for m in _GLUED_READ_MORE.finditer(body)]
    spans += [m.span() for m in _CAPTION_SENTENCE.finditer(body)]
    spans += doubled_passages(body)
    spans += _inline_media_links(body)
    spans += [(_sentence_start(body, max(0, m.start() - 2)), m.end()) for m in _INLINE_CREDIT.finditer(body)]
    spans += calls_to_action(body)
    return [Problem("not_article", a, b, _excerpt(body, a, b, 0)) for a, b in spans]


def labelled_lines(body: str) -> list[tuple[int, int]]:
    """Lines opening with a link or promotion label of data/not_article_lines.txt ("Read more: ...", "Sign up to
    ...") and promotions ending in a call to action (calls_to_action): what the page put there to send the reader
    elsewhere. The people they name are not in the story (the mentions step leaves them out: newslens.credits)."""
    spans = []
    for m in _LINE.finditer(body):
        line = m.group().strip()
        if line and len(line.split()) <= LINE_WORDS and _not_article_start().match(line):
            start = m.start() + m.group().index(line[0])
            spans.append((start, start + len(line)))
    return sorted(spans + calls_to_action(body))


def not_article_lines(body: str) -> list[Problem]:
    """Lines inside the body that are not the article's own text: link headlines, Read more / Related / sign-up
    lines (data/not_article_lines.txt), all-capitals related-story lines, photo captions and credits."""
    found = []
    lines = [m for m in _LINE.finditer(body) if m.group().strip()]
    for k, m in enumerate(lines):
        line = m.group().strip()
        start = m.start() + m.group().index(line[0])
        words = line.split()
        if len(words) > LINE_WORDS:
            continue  # a paragraph (or a body whose line breaks were lost), not a line the page inserted
        # counted only for a line whose start has no lower-case letter: most lines fail that at once
        letters = [c for c in line if c.isalpha()] if not any(c.islower() for c in line[:12]) else []
        capitals = sum(c.isupper() for c in letters)
        following = lines[k + 1].group().strip() if k + 1 < len(lines) else "A"
        # A link headline stands alone between paragraphs (never first: that is the lede): no sentence end, no clause
        # after a comma, not a list item or a line the next one continues.
        headline = (k > 0 and 5 <= len(words) <= 20 and line[0].isupper() and not _SENTENCE_END.search(line)
                    and not _CLAUSE.search(line) and not _EMBEDDED_POST.search(line)
                    and (following[0].isupper() or following[0] in "\"“‘'"))
        if (_not_article_start().match(line) or _CAPTION.search(line) or _MEDIA_LINK.search(line) or headline
                or (len(words) >= 3 and len(letters) >= 10 and capitals >= 0.8 * len(letters))):
            found.append(Problem("not_article", start, start + len(line), _excerpt(body, start, start + len(line), 0)))
    inline = [p for p in _inline_not_article(body) if not any(f.start <= p.start and p.end <= f.end for f in found)]
    return sorted(found + inline, key=lambda p: p.start)


def find_problems(body: str, not_article: Sequence[Problem] | None = None) -> list[Problem]:
    """List every problem found in the body, in text order; `not_article`, the body's not_article_lines when already
    found (a Document holds them)."""
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
    found += not_article_lines(body) if not_article is None else not_article
    found += _long_quotes(body)
    return sorted(found, key=lambda p: (p.start, p.kind))


def _long_quotes(body: str) -> list[Problem]:
    """Quoted stretches and sentences longer than the quotes step takes as one quote (it leaves them out)."""
    from .quotes.find import MAX_QUOTE_CHARS  # here, not above: the quotes step reads this module
    from .quotes.marks import find_quote_marks

    from .tokens import Span

    # only a paragraph (a line) longer than the limit can hold such a quotation: the marks of the others are not paired
    long_lines = [Span(m.start(), m.end(), "") for m in re.finditer(r"[^\n]{%d,}" % (MAX_QUOTE_CHARS + 1), body)]
    spans = [(s.start, s.end) for s in find_quote_marks(body, long_lines) if s.end - s.start > MAX_QUOTE_CHARS]
    spans += [m.span() for m in re.finditer(r"[^.!?\n]{%d,}" % (MAX_QUOTE_CHARS + 1), body)]
    return [Problem("long_quote", a, b, _excerpt(body, a, a)) for a, b in sorted(set(spans))]


def _unbalanced(body: str) -> list[Problem]:
    """Quotation marks that open twice, close what was never opened, or stay open at a paragraph's end
    (unless the next paragraph, or the next sentence where breaks were lost, opens again: that is how a
    quotation runs over several paragraphs)."""
    found = []
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(body)] + [len(body)]
    k = 0  # the next paragraph break (an index, not breaks.pop(0): that copies the list at each break)
    open_at = None
    for i in (m.start() for m in _QUOTE_MARK.finditer(body)):
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
