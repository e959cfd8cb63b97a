import subprocess
import sys

import nbformat

from newslens import paths

RUN = "import sys; from newslens.runner import execute; print(execute(sys.argv[1]).cells[0].outputs[0].text, end='')"


def test_a_notebook_runs_without_the_unencrypted_kernel_warning(tmp_path):
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    notebook = work / "one.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]), notebook)
    before = set(work.iterdir())
    done = subprocess.run([sys.executable, "-c", RUN, str(notebook)], capture_output=True, text=True,
                          cwd=work, env={"PATH": f"{sys.prefix}/bin:/usr/bin:/bin", "HOME": str(home),
                                             "PYTHONPATH": str(paths.ROOT), "JUPYTER_PLATFORM_DIRS": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == "42\n"
    assert "without encryption" not in done.stderr
    assert set(work.iterdir()) == before  # no socket or key file left in the working directory
