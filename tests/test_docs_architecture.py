"""docs/architecture.md stays honest: every module of `twg_data` and `benchmarks` is named
there with its job, and every public class and function of `twg_data` has a docstring."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def modules(package: str) -> list[Path]:
    return sorted(
        p
        for p in (ROOT / package).rglob("*.py")
        if p.name != "__init__.py" and "synth" not in p.parts
    )


def test_every_module_is_named_in_the_architecture_with_its_job():
    table = [line for line in ARCHITECTURE.splitlines() if line.startswith("| `")]
    named = set(re.findall(r"`([\w/.]+)`", "\n".join(table)))
    missing = []
    for path in [*modules("twg_data"), *modules("benchmarks")]:
        stem = path.stem
        relative = path.relative_to(ROOT).as_posix()
        if relative not in named and f"{stem}.py" not in named and stem not in named:
            missing.append(relative)
    assert missing == []


def public_definitions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_"):
            yield node
            if isinstance(node, ast.ClassDef):
                yield from (
                    n
                    for n in node.body
                    if isinstance(n, ast.FunctionDef)
                    and not n.name.startswith("_")
                    and not any(getattr(d, "attr", None) == "setter" for d in n.decorator_list)
                )


def test_every_public_class_and_function_of_twg_data_has_a_docstring():
    undocumented = [
        f"{path.relative_to(ROOT).as_posix()}:{node.lineno} {node.name}"
        for path in sorted((ROOT / "twg_data").rglob("*.py"))
        for node in public_definitions(path)
        if not ast.get_docstring(node)
    ]
    assert undocumented == []


def test_no_module_is_over_450_lines():
    long = {
        p.relative_to(ROOT).as_posix(): n
        for package in ("twg_data", "benchmarks", "pages")
        for p in (ROOT / package).rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert long == {}
