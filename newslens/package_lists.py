"""The big word lists that come with packages, each loaded once per process and shared by every step: pyspellchecker's
English dictionary (the audit's known words, the mentions step's common words) and gender-guesser's first names (the
mentions step's first names; the quotes step's pronoun for each first name).

Parsing them costs a second or more; newslens.cache keeps them as JSON between runs.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cached_json

if TYPE_CHECKING:
    from gender_guesser.detector import Detector


@lru_cache(maxsize=1)
def english_words() -> dict[str, int]:
    """pyspellchecker's English dictionary: each lower-case word and its count in the subtitle corpus it comes from."""
    def build() -> list[list]:
        from spellchecker import SpellChecker

        counts = SpellChecker().word_frequency.dictionary  # lower case; words that differ only in case summed
        return [list(counts), list(counts.values())]

    def convert(table: list[list]) -> dict[str, int]:
        words, counts = table
        if len(words) != len(counts) or not all(isinstance(n, int) for n in counts[:100]):
            raise ValueError("not a word list")
        return dict(zip(words, counts))

    return cached_json("english-words", build, convert, sources=[Path(__file__)], packages=["pyspellchecker"])


@lru_cache(maxsize=1)
def gender_detector() -> Detector:
    """gender-guesser's Detector (case-insensitive), its name table read from the cache instead of parsed again."""
    from gender_guesser.detector import Detector

    def build() -> dict[str, dict[str, str]]:
        return Detector(case_sensitive=False).names

    def convert(names: dict[str, dict[str, str]]) -> Detector:
        if not all(isinstance(g, dict) for g in list(names.values())[:100]):
            raise ValueError("not a name table")
        detector = Detector.__new__(Detector)  # what Detector.__init__ sets, without parsing the data file
        detector.case_sensitive = False
        detector.names = names
        return detector

    return cached_json("gender-guesser-names", build, convert, sources=[Path(__file__)], packages=["gender-guesser"])


_PRONOUNS = {"male": "he", "female": "she"}  # "mostly_male", "andy" and the rest: too unsure to rule anyone out
_OPPOSITE = {"he": {"female", "mostly_female"}, "she": {"male", "mostly_male"}}


@lru_cache(maxsize=1)
def first_name_pronouns() -> dict[str, str]:
    """Each lower-case first name gender-guesser is sure of -> the pronoun it usually takes ('he', 'she').

    A name whose usual gender differs between countries ("Patrice": a man's name in France, a woman's in the US) is
    left out. Kept apart from gender_detector() because the quotes step needs only this: a tenth of the size to read
    when a command starts."""
    def build() -> dict[str, str]:
        detector = gender_detector()
        pronouns = {}
        for name in detector.names:
            pronoun = _PRONOUNS.get(detector.get_gender(name), "")
            if pronoun and not any(detector.get_gender(name, c) in _OPPOSITE[pronoun] for c in ("usa", "great_britain")):
                pronouns[name] = pronoun
        return pronouns

    def convert(pronouns: dict[str, str]) -> dict[str, str]:
        if not set(list(pronouns.values())[:100]) <= {"he", "she"}:
            raise ValueError("not a pronoun table")
        return pronouns

    return cached_json("first-name-pronouns", build, convert, sources=[Path(__file__)], packages=["gender-guesser"])
