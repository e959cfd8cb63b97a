"""Is what is committed what a fresh run gives? Compare notebooks' outputs and output folders with a fresh run."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import nbformat

RERUN = "the committed outputs are stale: run `make` and commit the result"

# Truly volatile text, replaced before comparing: everything else must match exactly.
VOLATILE = [
    (re.compile(r"0x[0-9a-fA-F]{6,16}"), "0x…"),  # memory addresses in reprs
    (re.compile(r"^(CPU times|Wall time): .*$", re.M), r"\1: …"),  # %time
    # %timeit
    (re.compile(r"\d+(\.\d+)? ?(ns|µs|us|ms|s) ± \d+(\.\d+)? ?(ns|µs|us|ms|s) per loop[^\n]*"), "… per loop"),
    (re.compile(r"\[\d+:\d+(:\d+)?<[^\]]*\]"), "[…]"),  # tqdm's elapsed<remaining, rate]
]
WIDGET = "application/vnd.jupyter.widget-view+json"
# Lines a kernel may print on stderr that depend on the machine, not on the analysis.
STDERR_NOISE = re.compile(r"^(\S*:\d+: )?\w*Warning: |^\s*warnings\.warn\(|^\[IPKernelApp\] ")


def _tidy_text(text: str, stderr: bool = False) -> str:
    """Text with volatile parts replaced; progress-bar redraws reduced to their last state."""
    lines = [([part for part in line.split("\r") if part] or [""])[-1] for line in text.split("\n")]
    if stderr:
        kept, skip_source = [], False
        for line in lines:
            if STDERR_NOISE.match(line):
                skip_source = "Warning: " in line  # a warning is followed by its source line, indented
                continue
            if skip_source and line.startswith("  "):
                skip_source = False
                continue
            skip_source = False
            kept.append(line)
        lines = kept
    text = "\n".join(lines)
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def _as_text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def normalise_outputs(outputs: list) -> list[dict]:
    """A cell's outputs as plain dicts ready to compare: streams joined, volatile text replaced."""
    result: list[dict] = []
    for output in outputs:
        kind = output.get("output_type")
        if kind == "stream":
            name = output.get("name", "stdout")
            text = _as_text(output.get("text", ""))
            # a stream can arrive in one chunk or several: join consecutive chunks of the same stream
            if result and result[-1]["output_type"] == "stream" and result[-1]["name"] == name:
                result[-1]["text"] += text
            else:
                result.append({"output_type": "stream", "name": name, "text": text})
        elif kind in ("execute_result", "display_data"):
            data = {}
            for mime, value in output.get("data", {}).items():
                value = _as_text(value) if isinstance(value, (str, list)) else value
                data[mime] = _tidy_text(value) if mime.startswith("text/") and isinstance(value, str) else value
                if mime == WIDGET and isinstance(value, dict):  # a progress-bar widget gets a new id each run
                    data[mime] = {k: ("…" if k == "model_id" else v) for k, v in value.items()}
            result.append({"output_type": kind, "data": data, "metadata": dict(output.get("metadata", {}))})
        elif kind == "error":
            result.append({"output_type": "error", "ename": output.get("ename"),
                           "evalue": _tidy_text(output.get("evalue", ""))})
        else:
            result.append(dict(output))
    for output in result:
        if output["output_type"] == "stream":
            output["text"] = _tidy_text(output["text"], stderr=output["name"] == "stderr")
    # a stderr stream left empty once its warnings are gone says nothing
    result = [o for o in result
              if not (o["output_type"] == "stream" and o["name"] == "stderr" and not o["text"].strip())]
    # and a stream split around it is one stream again
    joined: list[dict] = []
    for output in result:
        if (output["output_type"] == "stream" and joined and joined[-1]["output_type"] == "stream"
                and joined[-1]["name"] == output["name"]):
            joined[-1]["text"] += output["text"]
        else:
            joined.append(output)
    return joined


def _short_diff(committed, fresh, limit: int = 12) -> str:
    a = committed if isinstance(committed, str) else repr(committed)
    b = fresh if isinstance(fresh, str) else repr(fresh)
    if len(a) > 2000 and len(b) > 2000 and not ("\n" in a):
        return f"      (values of {len(a)} and {len(b)} characters differ, e.g. an image)"
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), "committed", "fresh run", lineterm="", n=1))
    shown = [("      " + line)[:160] for line in lines[:limit]]
    if len(lines) > limit:
        shown.append(f"      ... {len(lines) - limit} more diff lines")
    return "\n".join(shown)


def _kinds(outputs: list[dict]) -> list[str]:
    return [o["output_type"] + (":" + o["name"] if "name" in o else "") for o in outputs]


def _describe_outputs(where: str, committed: list[dict], fresh: list[dict]) -> list[str]:
    if len(committed) != len(fresh):
        return [f"{where}: {len(committed)} outputs committed {_kinds(committed)}, "
                f"{len(fresh)} in a fresh run {_kinds(fresh)}"]
    problems = []
    for k, (old, new) in enumerate(zip(committed, fresh), start=1):
        if old == new:
            continue
        if old["output_type"] != new["output_type"]:
            problems.append(f"{where}, output {k}: {old['output_type']} committed, {new['output_type']} fresh")
            continue
        fields = (["text"] if old["output_type"] == "stream" else ["ename", "evalue"] if old["output_type"] == "error"
                  else [])
        for field in fields:
            if old.get(field) != new.get(field):
                detail = _short_diff(old.get(field), new.get(field))
                problems.append(f"{where}, output {k} ({field}) differs:\n{detail}")
        if old["output_type"] in ("execute_result", "display_data"):
            for mime in sorted(set(old["data"]) | set(new["data"])):
                if old["data"].get(mime) != new["data"].get(mime):
                    problems.append(f"{where}, output {k} ({mime}) differs:\n"
                                    f"{_short_diff(old['data'].get(mime, ''), new['data'].get(mime, ''))}")
            if old["metadata"] != new["metadata"]:
                problems.append(f"{where}, output {k} metadata differs: {old['metadata']} vs {new['metadata']}")
    return problems


def execution_count_problems(notebook: nbformat.NotebookNode, name: str) -> list[str]:
    """Where the code cells' execution counts are not 1..n in order (so not from one clean top-to-bottom run)."""
    problems = []
    expected = 0
    for index, cell in enumerate(notebook.cells):
        # nbclient leaves blank cells and cells tagged skip-execution unrun, and the kernel does not count them
        if (cell.cell_type != "code" or not cell.source.strip()
                or "skip-execution" in cell.get("metadata", {}).get("tags", [])):
            continue
        expected += 1
        count = cell.get("execution_count")
        if count != expected:
            problems.append(f"{name} cell {index} (code cell {expected}): execution count {count}, expected {expected}")
        for output in cell.get("outputs", []):
            if output.get("output_type") == "execute_result" and output.get("execution_count") != count:
                problems.append(f"{name} cell {index}: result numbered {output.get('execution_count')}, cell {count}")
    return problems


def notebook_differences(committed: nbformat.NotebookNode, fresh: nbformat.NotebookNode, name: str) -> list[str]:
    """Every way the committed notebook differs from a fresh run of it, each naming the notebook and the cell."""
    problems = execution_count_problems(committed, name)
    if len(committed.cells) != len(fresh.cells):
        return problems + [f"{name}: {len(committed.cells)} cells committed, {len(fresh.cells)} after a fresh run"]
    code = 0
    for index, (old, new) in enumerate(zip(committed.cells, fresh.cells)):
        if old.cell_type != "code":
            continue
        code += 1
        first_line = old.source.strip().splitlines()[0][:60] if old.source.strip() else ""
        where = f"{name} cell {index} (code cell [{code}]: {first_line!r})"
        if old.source != new.source:
            problems.append(f"{where}: source differs from the fresh run")
        problems += _describe_outputs(where, normalise_outputs(old.get("outputs", [])),
                                      normalise_outputs(new.get("outputs", [])))
    return problems


def folder_differences(committed: Path, fresh: Path, pattern: str = "*", label: str = "") -> list[str]:
    """Files matching `pattern` that are missing, extra or different between a committed folder and a fresh run."""
    committed, fresh = Path(committed), Path(fresh)
    label = label or str(committed)
    old = {p.name: p for p in committed.glob(pattern) if p.is_file()} if committed.is_dir() else {}
    new = {p.name: p for p in fresh.glob(pattern) if p.is_file()} if fresh.is_dir() else {}
    problems = []
    for name in sorted(set(old) - set(new)):
        problems.append(f"{label}/{name} is committed but a fresh run does not write it: delete it")
    for name in sorted(set(new) - set(old)):
        problems.append(f"{label}/{name} is written by a fresh run but not committed")
    for name in sorted(set(old) & set(new)):
        a, b = old[name].read_bytes(), new[name].read_bytes()
        if a == b:
            continue
        if name.endswith((".csv", ".svg", ".txt")):
            detail = _short_diff(a.decode("utf-8", "replace"), b.decode("utf-8", "replace"))
        else:
            detail = f"      ({len(a)} bytes committed, {len(b)} bytes fresh)"
        problems.append(f"{label}/{name} differs from a fresh run:\n{detail}")
    return problems


def report(problems: list[str], what: str) -> str:
    """One failure message: what is stale, every difference, and the fix."""
    return f"{what}: {RERUN}.\n" + "\n".join(f"  - {p}" for p in problems)
