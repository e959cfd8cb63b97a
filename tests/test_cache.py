"""The cache of derived word lists: used when fresh, rebuilt when stale or corrupt, harmless where read-only; and the
English dictionary loaded once for the mentions and audit steps."""
import json

import pytest

from newslens import audit, cache, mentions, package_lists, paths


def _clear_lists():
    mentions.lexicon.cache_clear()
    package_lists.english_words.cache_clear()
    package_lists.gender_detector.cache_clear()
    package_lists.first_name_pronouns.cache_clear()


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """An empty cache folder; the process-wide lists are read again before and after the test."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(paths, "CACHE", folder)
    _clear_lists()
    yield folder
    _clear_lists()


class Builder:
    """A table builder that counts its calls."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def _cached(build, source):
    return cache.cached_json("table", build, lambda v: v, sources=[source], packages=["pyspellchecker"])


def test_a_table_is_built_once_then_read_from_the_cache(cache_dir, tmp_path):
    source = tmp_path / "list.txt"
    source.write_text("a\n")
    build = Builder({"words": ["a"]})
    assert _cached(build, source) == {"words": ["a"]}
    assert _cached(build, source) == {"words": ["a"]}
    assert build.calls == 1
    files = list(cache_dir.glob("table-*.json"))
    assert len(files) == 1 and json.loads(files[0].read_text())["value"] == {"words": ["a"]}
    assert not list(cache_dir.glob(".*.tmp"))  # written through a temporary file, renamed


@pytest.mark.parametrize("damage", ["", "{not json", '{"key": "other", "value": 1}', "[1, 2]", "\xff\xfe"])
def test_a_corrupt_cache_file_is_rebuilt(cache_dir, tmp_path, damage):
    source = tmp_path / "list.txt"
    source.write_text("a\n")
    build = Builder(["a"])
    _cached(build, source)
    (path,) = cache_dir.glob("table-*.json")
    path.write_text(damage, encoding="latin-1")
    assert _cached(build, source) == ["a"]
    assert build.calls == 2
    assert json.loads(path.read_text())["value"] == ["a"]  # and written again


def test_a_stale_cache_file_is_not_used(cache_dir, tmp_path):
    source = tmp_path / "list.txt"
    source.write_text("a\n")
    _cached(Builder(["a"]), source)
    source.write_text("a\nb\n")  # the list edited: the table derived from it must follow
    build = Builder(["a", "b"])
    assert _cached(build, source) == ["a", "b"]
    assert build.calls == 1


def test_a_value_the_reader_rejects_is_rebuilt(cache_dir, tmp_path):
    source = tmp_path / "list.txt"
    source.write_text("a\n")

    def convert(value):
        return {"n": int(value["n"])}  # a KeyError or ValueError on a table of the wrong shape

    assert cache.cached_json("table", Builder({"n": 1}), convert, sources=[source]) == {"n": 1}
    (path,) = cache_dir.glob("table-*.json")
    stored = json.loads(path.read_text())
    path.write_text(json.dumps({"key": stored["key"], "value": {"m": 1}}))
    build = Builder({"n": 2})
    assert cache.cached_json("table", build, convert, sources=[source]) == {"n": 2}
    assert build.calls == 1


def test_an_unwritable_cache_folder_builds_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(paths, "CACHE", blocker / "cache")  # under a file: cannot be made, even by root
    build = Builder([1])
    assert cache.cached_json("table", build, lambda v: v) == [1]
    assert cache.cached_json("table", build, lambda v: v) == [1]
    assert build.calls == 2


def test_old_versions_of_a_table_are_pruned(cache_dir, tmp_path):
    source = tmp_path / "list.txt"
    for k in range(cache.KEEP + 3):
        source.write_text(f"{k}\n")
        _cached(Builder([k]), source)
    assert len(list(cache_dir.glob("table-*.json"))) == cache.KEEP


def test_the_english_dictionary_is_loaded_once_for_mentions_and_audit(cache_dir, monkeypatch):
    import spellchecker

    loads = []

    class Counted(spellchecker.SpellChecker):
        def __init__(self, *args, **kwargs):
            loads.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(spellchecker, "SpellChecker", Counted)
    body = "The goverment said afteand that Boris Johnson told reporters."
    built = mentions.lexicon()
    problems = audit.find_problems(body)
    assert len(loads) == 1
    assert "afteand" in [body[p.start:p.end] for p in problems]  # the audit did read the dictionary
    # A new process (the lists cleared) reads every list from the cache, and gets the same lexicon.
    _clear_lists()
    assert mentions.lexicon() == built
    assert audit.find_problems(body) == problems
    assert len(loads) == 1


def test_the_cached_gender_detector_answers_as_the_package(cache_dir):
    from gender_guesser.detector import Detector

    fresh = Detector(case_sensitive=False)
    package_lists.gender_detector()
    package_lists.gender_detector.cache_clear()
    cached = package_lists.gender_detector()  # read back from the cache file
    for name in ("Patrice", "Anna", "Boris", "Liz", "Jan", "Andrea", "Xyzzy"):
        for country in (None, "usa", "great_britain", "italy"):
            assert cached.get_gender(name, country) == fresh.get_gender(name, country), (name, country)


def test_the_cached_first_name_pronouns_are_the_detectors_sure_answers(cache_dir):
    from gender_guesser.detector import Detector

    fresh = Detector(case_sensitive=False)
    built = package_lists.first_name_pronouns()
    package_lists.first_name_pronouns.cache_clear()
    assert package_lists.first_name_pronouns() == built  # read back from the cache file
    assert len(list(cache_dir.glob("first-name-pronouns-*.json"))) == 1
    assert (built["wendy"], built["kevin"]) == ("she", "he")
    assert fresh.get_gender("patrice") == "male" and "patrice" not in built  # a woman's name in the US
    assert all(fresh.get_gender(name) in {"male", "female"} for name in list(built)[::500])


def test_a_missing_source_file_leaves_the_error_to_the_builder(cache_dir, tmp_path):
    def build():
        raise ValueError("list.txt: cannot read the list")  # as files.read_data_list says it

    with pytest.raises(ValueError, match="cannot read the list"):
        cache.cached_json("table", build, lambda v: v, sources=[tmp_path / "list.txt"], packages=["no-such-package"])
    assert not list(cache_dir.glob("table-*.json"))  # nothing cached from a failed build
