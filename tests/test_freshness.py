"""The comparison behind the freshness tests: it reports a stale output, naming notebook and cell, and ignores only
what is volatile. Runs on copies of a committed notebook, so it needs no kernel."""
import copy

import nbformat
import pytest

from newslens import freshness, paths

NOTEBOOK = sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))[0]
NAME = f"notebooks/{NOTEBOOK.name}"


@pytest.fixture
def committed():
    return nbformat.read(NOTEBOOK, as_version=4)


def code_cells(notebook):
    return [(i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"]


def first_with(notebook, output_type, mime=None):
    for index, cell in code_cells(notebook):
        for output in cell.outputs:
            if output.output_type == output_type and (mime is None or mime in output.get("data", {})):
                return index, output
    pytest.skip(f"{NOTEBOOK.name} has no {output_type} {mime or ''} output to edit")


def test_committed_notebook_equals_itself(committed):
    assert freshness.notebook_differences(committed, copy.deepcopy(committed), NAME) == []


def test_a_changed_result_is_reported_with_notebook_cell_and_make(committed):
    # what happens when analysis code changes and `make` is not rerun: the fresh run's result differs
    fresh = copy.deepcopy(committed)
    index, output = first_with(fresh, "execute_result", "text/plain")
    output.data["text/plain"] += "\nan extra row"
    problems = freshness.notebook_differences(committed, fresh, NAME)
    assert len(problems) == 1 and f"{NAME} cell {index}" in problems[0] and "text/plain" in problems[0]
    assert "an extra row" in problems[0]
    message = freshness.report(problems, NAME)
    assert "run `make`" in message and NAME in message


def test_a_changed_figure_in_the_notebook_is_reported(committed):
    fresh = copy.deepcopy(committed)
    index, output = first_with(fresh, "display_data", "image/png")
    output.data["image/png"] = output.data["image/png"][:-8] + "AAAAAAA="
    problems = freshness.notebook_differences(committed, fresh, NAME)
    assert len(problems) == 1 and f"cell {index}" in problems[0] and "image/png" in problems[0]


def test_missing_or_extra_output_is_reported(committed):
    fresh = copy.deepcopy(committed)
    index, cell = code_cells(fresh)[0]
    cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text="new line\n"))
    problems = freshness.notebook_differences(committed, fresh, NAME)
    assert len(problems) == 1 and f"cell {index}" in problems[0]


def test_execution_counts_must_be_one_to_n(committed):
    stale = copy.deepcopy(committed)
    cells = code_cells(stale)
    cells[1][1].execution_count = 7  # a cell rerun by hand after the clean run
    problems = freshness.execution_count_problems(stale, NAME)
    assert problems and f"cell {cells[1][0]}" in problems[0] and "expected 2" in problems[0]
    assert freshness.execution_count_problems(committed, NAME) == []


def test_memory_addresses_timings_and_warnings_are_ignored():
    committed = [
        {"output_type": "stream", "name": "stdout", "text": "CPU times: user 3 ms, sys: 1 ms, total: 4 ms\n"},
        {"output_type": "stream", "name": "stdout", "text": "Wall time: 5.2 ms\n"},
        {"output_type": "execute_result", "execution_count": 1, "metadata": {},
         "data": {"text/plain": "<Figure at 0x7f3a2b1c0d90>"}},
    ]
    fresh = [
        {"output_type": "stream", "name": "stderr",
         "text": "/x/pandas/core.py:12: FutureWarning: the default will change\n  return frame.groupby(key)\n"},
        {"output_type": "stream", "name": "stdout", "text": "CPU times: user 9 ms, sys: 0 ns, total: 9 ms\nWall"},
        {"output_type": "stream", "name": "stdout", "text": " time: 11 ms\n"},  # the same stream, in two chunks
        {"output_type": "execute_result", "execution_count": 1, "metadata": {},
         "data": {"text/plain": "<Figure at 0x7f99aa001122>"}},
    ]
    assert freshness.normalise_outputs(committed) == freshness.normalise_outputs(fresh)


def test_real_differences_are_not_mistaken_for_volatile():
    a = [{"output_type": "stream", "name": "stdout", "text": "34 sentences in 0.2 s\n"}]
    b = [{"output_type": "stream", "name": "stdout", "text": "35 sentences in 0.2 s\n"}]
    assert freshness.normalise_outputs(a) != freshness.normalise_outputs(b)
    err = [{"output_type": "stream", "name": "stderr", "text": "Traceback (most recent call last):\n"}]
    assert freshness.normalise_outputs(err) != []


def test_folder_differences_name_each_file(tmp_path):
    committed, fresh = tmp_path / "committed", tmp_path / "fresh"
    committed.mkdir(), fresh.mkdir()
    (committed / "01-a.csv").write_text("word,count\nnato,3\n")
    (fresh / "01-a.csv").write_text("word,count\nnato,4\n")
    (committed / "01-old.png").write_bytes(b"\x89PNG old")
    (fresh / "01-new.svg").write_text("<svg/>")
    (committed / "01-same.svg").write_text("<svg/>")
    (fresh / "01-same.svg").write_text("<svg/>")
    problems = freshness.folder_differences(committed, fresh, "01-*", "figures")
    assert len(problems) == 3
    assert "figures/01-old.png is committed but" in problems[0]
    assert "figures/01-new.svg is written by a fresh run but not committed" in problems[1]
    assert "figures/01-a.csv differs" in problems[2] and "-nato,3" in problems[2] and "+nato,4" in problems[2]


def test_blank_cells_are_not_counted(committed):
    notebook = copy.deepcopy(committed)
    notebook.cells.insert(1, nbformat.v4.new_code_cell(""))  # nbclient skips it and the kernel does not count it
    assert freshness.execution_count_problems(notebook, NAME) == []


def test_progress_bars_compare_by_their_last_state():
    def bar(text, model_id):
        return [{"output_type": "stream", "name": "stderr", "text": text},
                {"output_type": "display_data", "metadata": {},
                 "data": {freshness.WIDGET: {"model_id": model_id, "version_major": 2, "version_minor": 0}}}]
    a = bar("\r 50%|#####     | 1/2 [00:00<00:00, 9.1it/s]\r100%|##########| 2/2 [00:01<00:00, 1.9it/s]\n", "ab12")
    b = bar("100%|##########| 2/2 [00:00<00:00, 3.3it/s]\r\n", "cd34")
    assert freshness.normalise_outputs(a) == freshness.normalise_outputs(b)
    c = bar("100%|##########| 3/3 [00:00<00:00, 3.3it/s]\n", "cd34")  # a different count is a real change
    assert freshness.normalise_outputs(a) != freshness.normalise_outputs(c)
