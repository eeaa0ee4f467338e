"""The house's structure: the import graph of `twg_data` has no circle (a module never imports
itself through others, even inside a function), only `ui.link` touches the URL, and the page's
filters are the value the sidebar returned."""

from __future__ import annotations

import ast
from pathlib import Path

from twg_data import ui
from twg_data.filters import Filters

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "twg_data"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Module -> the twg_data modules it imports (anywhere in it; a package's own modules
    imported through `from package import module` count as the module)."""
    names = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name in names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in names else node.module)
        graph[name] = {m for m in found if m in names and m != name}
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """A circle of imports, or []: a depth-first search for a back edge."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_module_imports_itself_through_others():
    graph = imports()

    # Packages import their modules to list them (`queries`, `ui`): a package's __init__ is
    # its index, not a module with a job, so an edge into a package is an edge into its parts.
    def parts(target: str, seen: frozenset[str]) -> set[str]:
        if target not in PACKAGES or target in seen:
            return {target}
        return {m for t in graph[target] for m in parts(t, seen | {target})}

    modules = {
        name: {m for t in edges for m in parts(t, frozenset()) if m != name} - PACKAGES
        for name, edges in graph.items()
        if name not in PACKAGES
    }
    assert cycle(modules) == []


PACKAGES = {module_name(p) for p in PACKAGE.rglob("__init__.py")}


def test_the_brief_writers_never_import_each_other_and_the_brief_never_imports_the_ui():
    graph = imports()
    writers = {"twg_data.brief.markdown", "twg_data.brief.word", "twg_data.brief.rows"}
    for writer in writers:
        assert not graph[writer] & writers, writer
    below_ui = [n for n in graph if not n.startswith(("twg_data.ui", "twg_data.curating"))]
    assert [n for n in below_ui if any(m.startswith("twg_data.ui") for m in graph[n])] == []


def test_only_the_link_module_reads_or_writes_the_url():
    touching = sorted(
        p.relative_to(ROOT).as_posix()
        for p in [*PACKAGE.rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
        if "st.query_params" in p.read_text(encoding="utf-8")
    )
    assert touching == ["twg_data/ui/link.py"]


def test_the_pages_filters_are_the_value_the_sidebar_returned():
    assert ui.filters_in_force() == Filters()  # outside a run of app.py: none
    bogota = Filters(cities=("bogota",))
    with ui.in_force(bogota):
        assert ui.filters_in_force() is bogota
        with ui.in_force(Filters()):
            assert ui.filters_in_force() == Filters()
        assert ui.filters_in_force() is bogota
    assert ui.filters_in_force() == Filters()
