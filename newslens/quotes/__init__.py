"""Who is quoted: direct, partial and reported speech, each with its cue and its speaker resolved to an entity.

One job a module, in the order the finder uses them: marks (quotation marks paired into segments and frames), cues
(speech verbs and where they stand), subjects (the words naming a speaker), speakers (those words to an entity),
find (the orchestration, find_quotes), table (tables and the chart for notebooks and the analyse command).
"""
from .cues import Cue, load_cues
from .find import KINDS, Quote, find_quotes
from .marks import Segment, find_quote_marks
from .speakers import description_heads, is_proper_name, name_gender, speaker_words
from .table import UNATTRIBUTED, mentioned_not_quoted, quotes_table, source_kinds, speaker_table, words_chart

__all__ = ["KINDS", "UNATTRIBUTED", "Cue", "Quote", "Segment", "description_heads", "find_quote_marks", "find_quotes",
           "is_proper_name", "load_cues", "mentioned_not_quoted", "name_gender", "quotes_table", "source_kinds",
           "speaker_table", "speaker_words", "words_chart"]
