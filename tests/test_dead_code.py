"""No dead code in the package: every name a module imports is used in it, and every function or class it defines is
used somewhere (the package, the tests, the notebooks, the benchmarks or the Makefile)."""
import ast
import json
import re
from collections import Counter

from newslens import paths

MODULES = sorted((paths.ROOT / "newslens").rglob("*.py"))


def _tree(path):
    return ast.parse(path.read_text(encoding="utf-8"))


def test_no_module_imports_a_name_it_never_uses():
    unused = []
    for path in MODULES:
        if path.name == "__init__.py":
            continue  # a package's __init__ re-exports what it imports
        tree = _tree(path)
        imported = {(alias.asname or alias.name).split(".")[0]: node.lineno for node in ast.walk(tree)
                    if isinstance(node, (ast.Import, ast.ImportFrom)) and getattr(node, "module", "") != "__future__"
                    for alias in node.names}
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        unused += [f"{path.relative_to(paths.ROOT)}:{line} {name}" for name, line in imported.items()
                   if name not in used]
    assert not unused


def _sources():
    texts = [p.read_text(encoding="utf-8") for folder in ("newslens", "tests", "benchmarks")
             for p in (paths.ROOT / folder).rglob("*.py")]
    texts += ["\n".join("".join(c["source"]) for c in json.loads(p.read_text(encoding="utf-8"))["cells"])
              for p in paths.NOTEBOOKS.glob("*.ipynb")]
    return "\n".join(texts + [(paths.ROOT / "Makefile").read_text(encoding="utf-8")])


def test_every_function_and_class_of_the_package_is_used_somewhere():
    words = Counter(re.findall(r"\w+", _sources()))
    unused = []
    for path in MODULES:
        for node in _tree(path).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                if words[node.name] < 2:  # the definition itself, and nothing else
                    unused.append(f"{path.relative_to(paths.ROOT)}:{node.lineno} {node.name}")
    assert not unused
