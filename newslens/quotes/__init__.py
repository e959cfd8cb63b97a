"""Who is quoted: direct, partial and reported speech, each with its cue and its speaker resolved to an entity; beside
them, on request, the sources' reported views (kind "view": beliefs, fears, intents; not quotes).

One job a module, in the order the finder uses them: marks (quotation marks paired into segments and frames), cues
(speech verbs and where they stand), subjects (the words naming a speaker), speakers (those words to an entity),
find (the orchestration, find_quotes), table (tables and the chart for notebooks and the analyse command).
"""
from .cues import Cue, load_cues
from .find import KINDS, VIEW, Quote, find_quotes
from .marks import Segment, find_quote_marks
from .speakers import description_heads, is_proper_name, name_gender, speaker_words
from .table import (UNATTRIBUTED, mentioned_not_quoted, quote_words, quotes_only, quotes_table, source_kinds,
                    speaker_table, views_table, words_chart)

__all__ = ["KINDS", "UNATTRIBUTED", "VIEW", "Cue", "Quote", "Segment", "description_heads", "find_quote_marks",
           "find_quotes", "is_proper_name", "load_cues", "mentioned_not_quoted", "name_gender", "quote_words",
           "quotes_only", "quotes_table", "source_kinds", "speaker_table", "speaker_words", "views_table",
           "words_chart"]
