"""Find where page code hands Streamlit Markdown that may hold unescaped data.

Streamlit draws as Markdown the body of `st.markdown`, `st.caption`, titles, headers and
alerts, and the label and help of nearly every element and widget (expanders, tabs, metrics,
buttons, inputs, column configurations), and the options of radios, sliders, pills and
segmented controls. Every such argument must be built from what is known to be safe:

- string constants and interface text: `_()`, `ngettext()`, `column_label()` (the catalog);
- data escaped by `md()`, or a template of safe text filled by `fmt()` (which escapes each
  value);
- f-strings, `+`, `x if c else y`, `a or b`, `sep.join(...)`, `str()`, `.lower()` of safe
  parts, and names whose every assignment in the module is safe (a loop variable is as safe
  as the elements it takes, position by position; `d[k]` as the values of the dict `d`);
- a parameter of a function when every call of it in the scanned files passes a safe value,
  and a call of a function whose every `return` is safe.

Anything else (an attribute of a row, a subscript, a function parameter, `.format()`) is a
finding: `str.format` fills a template with raw values, where `fmt` escapes them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Streamlit calls (by attribute name) whose first argument is drawn as Markdown.
FIRST_ARGUMENT_IS_MARKDOWN = frozenset(
    {
        # bodies
        "markdown",
        "caption",
        "title",
        "header",
        "subheader",
        "warning",
        "error",
        "info",
        "success",
        "toast",
        "badge",
        "write",
        "html",  # drawn as HTML: only constants may go there
        # labels
        "expander",
        "popover",
        "status",
        "metric",
        "button",
        "download_button",
        "form_submit_button",
        "link_button",
        "page_link",
        "checkbox",
        "toggle",
        "radio",
        "selectbox",
        "multiselect",
        "slider",
        "select_slider",
        "text_input",
        "text_area",
        "number_input",
        "date_input",
        "time_input",
        "datetime_input",
        "file_uploader",
        "color_picker",
        "camera_input",
        "segmented_control",
        "pills",
        "feedback",
        # column configuration: the label
        "Column",
        "TextColumn",
        "NumberColumn",
        "CheckboxColumn",
        "SelectboxColumn",
        "DateColumn",
        "DatetimeColumn",
        "TimeColumn",
        "ListColumn",
        "LinkColumn",
        "ImageColumn",
        "LineChartColumn",
        "BarChartColumn",
        "AreaChartColumn",
        "ProgressColumn",
        "JsonColumn",
        "MultiselectColumn",
    }
)
# Keywords drawn as Markdown, wherever they are passed to one of the calls above.
MARKDOWN_KEYWORDS = frozenset({"body", "label", "help", "value", "delta", "captions"})
# Widgets whose options are drawn as Markdown (checked in Chromium): what `format_func`
# returns, or the options themselves without one.
MARKDOWN_OPTIONS = frozenset({"radio", "select_slider", "segmented_control", "pills"})
# `st.tabs([...])`: each label.
LIST_OF_LABELS = frozenset({"tabs"})

# Calls whose result is safe whatever their arguments: escaping, and interface text from the
# catalog (`_` of data would pass data through: it is for interface text only).
SAFE_RESULT = frozenset({"md", "code", "_", "N_", "ngettext", "column_label", "format_count"})
# Markdown the project writes itself: the brief (its data through the one escaping function,
# checked with hostile data in AppTest and Chromium), the data dictionary (from the schema
# and the summaries' code) and the terms of use (constants, with the licence's address).
DOCUMENTS = frozenset({"ui.brief_markdown", "dictionary.summaries_markdown", "citation.terms"})
# Calls whose result is safe when their own arguments (all, or the receiver) are.
SAFE_IF_ARGUMENTS = frozenset({"str", "Markdown"})
SAFE_IF_RECEIVER = frozenset({"lower", "upper", "strip", "capitalize", "title"})


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    call: str
    argument: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.call}() draws unescaped text: {self.argument}"


@dataclass(frozen=True, eq=False)
class _Parameter(ast.expr):
    """A function's parameter: safe when every call in the project passes a safe value."""

    function: str
    name: str
    index: int  # its position, for positional arguments


_OPAQUE = ast.Name(id="<opaque>")  # a value the scan cannot see: never safe


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _streamlit_call(call: ast.Call) -> str | None:
    """The name of a Streamlit method (`st.x`, `cell.x`, `st.sidebar.x`), not of the project's
    own helpers (`ui.x`, or a bare function name)."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    if isinstance(func.value, ast.Name) and func.value.id == "ui":
        return None
    return func.attr


class _Module:
    """The bindings of every name in one module, and the safety of expressions in it."""

    def __init__(self, project: Project, tree: ast.Module, path: str) -> None:
        self.project, self.tree, self.path = project, tree, path
        self.bindings: dict[str, list[ast.expr]] = {}
        self.appended: dict[str, list[ast.expr]] = {}
        self._resolving: set[str] = set()
        for node in ast.walk(tree):
            self._collect(node)

    def _bind(self, target: ast.expr, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            self.bindings.setdefault(target.id, []).append(_OPAQUE if value is None else value)
        elif isinstance(target, ast.Starred):
            self._bind(target.value, None)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts):
                for part, element in zip(target.elts, value.elts, strict=True):
                    self._bind(part, element)
            else:
                for part in target.elts:
                    self._bind(part, None)

    def _elements(self, iterable: ast.expr, depth: int = 0) -> list[ast.expr] | None:
        """The elements a loop takes from `iterable`, when the scan can see them."""
        if isinstance(iterable, (ast.Tuple, ast.List, ast.Set)):
            return list(iterable.elts)
        if isinstance(iterable, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            return [iterable.elt]
        if isinstance(iterable, ast.Name) and depth < 5:
            found: list[ast.expr] = list(self.appended.get(iterable.id, []))
            for value in self.bindings.get(iterable.id, [_OPAQUE]):
                elements = self._elements(value, depth + 1)
                if elements is None:
                    return None
                found += elements
            return found
        return None

    def _bind_loop(self, target: ast.expr, iterable: ast.expr) -> None:
        elements = self._elements(iterable)
        if elements is None:
            self._bind(target, None)
        else:
            for element in elements:
                self._bind(target, element)

    def _bind_parameters(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        arguments = node.args
        positional = [*arguments.posonlyargs, *arguments.args]
        named = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        for index, argument in enumerate(positional):
            value = _Parameter(node.name, argument.arg, index) if named else _OPAQUE
            self.bindings.setdefault(argument.arg, []).append(value)
        for argument in arguments.kwonlyargs:
            value = _Parameter(node.name, argument.arg, -1) if named else _OPAQUE
            self.bindings.setdefault(argument.arg, []).append(value)
        for argument in (arguments.vararg, arguments.kwarg):
            if argument is not None:
                self.bindings.setdefault(argument.arg, []).append(_OPAQUE)

    def _collect(self, node: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self._bind(target, node.value)
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr, ast.AugAssign)):
            self._bind(node.target, node.value)
        elif _appends_to(node):  # `items.append(x)`: x is one of the items
            self.appended.setdefault(node.func.value.id, []).extend(node.args[-1:])
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            self._bind_loop(node.target, node.iter)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            self._bind_parameters(node)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    self._bind(item.optional_vars, None)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self.bindings.setdefault(node.name, []).append(_OPAQUE)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                name = (alias.asname or alias.name).split(".")[0]
                self.bindings.setdefault(name, []).append(_OPAQUE)

    def safe(self, node: ast.expr) -> bool:
        """Whether `node` is built only from constants, interface text and escaped data."""
        if node is _OPAQUE:
            return False
        if isinstance(node, _Parameter):
            return self.project.parameter_safe(node)
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            parts = [part.value for part in node.values if isinstance(part, ast.FormattedValue)]
            return all(self.safe(part) for part in parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.safe(node.left) and self.safe(node.right)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body) and self.safe(node.orelse)
        if isinstance(node, ast.BoolOp):
            return all(self.safe(value) for value in node.values)
        if isinstance(node, (ast.Tuple, ast.List)):
            return all(self.safe(element) for element in node.elts)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):  # each element it makes
            return self.safe(node.elt)
        if isinstance(node, ast.Lambda):
            return self.safe(node.body)
        if isinstance(node, ast.Name):
            return self._safe_name(node.id)
        if isinstance(node, ast.Subscript):  # an item of a dict whose every value is safe
            return isinstance(node.value, ast.Name) and self._safe_values(node.value.id)
        if isinstance(node, ast.Call):
            return self._safe_call(node)
        return False

    def _safe_name(self, name: str) -> bool:
        if name in self._resolving:  # a name built from itself (`x += ...`): its other parts
            return True
        values = self.bindings.get(name, []) + self.appended.get(name, [])
        if not values:
            return False
        self._resolving.add(name)
        try:
            return all(self.safe(value) for value in values)
        finally:
            self._resolving.discard(name)

    def _safe_values(self, name: str) -> bool:
        """Whether `name` is only ever a dict (a literal or a comprehension) of safe values."""
        values = self.bindings.get(name, [])
        return bool(values) and all(
            (isinstance(v, ast.Dict) and all(self.safe(item) for item in v.values))
            or (isinstance(v, ast.DictComp) and self.safe(v.value))
            for v in values
        )

    def _safe_call(self, node: ast.Call) -> bool:
        name = _call_name(node.func)
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if name in SAFE_RESULT:
            return True
        if isinstance(receiver, ast.Name) and f"{receiver.id}.{name}" in DOCUMENTS:
            return True
        if name == "fmt":  # the template must be safe; the values are escaped
            return bool(node.args) and self.safe(node.args[0])
        if name in SAFE_IF_ARGUMENTS:
            return all(self.safe(a) for a in node.args)
        if name in SAFE_IF_RECEIVER and receiver is not None:
            return self.safe(receiver)
        if name == "join" and receiver is not None and len(node.args) == 1:
            (items,) = node.args
            if isinstance(items, (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
                return self.safe(receiver) and self.safe(items.elt)
            return self.safe(receiver) and self._safe_elements(items)
        if name is not None and (receiver is None or _is_ui(receiver)):
            return self.project.returns_safe(name)
        return False

    def _safe_elements(self, items: ast.expr) -> bool:
        elements = self._elements(items)
        return elements is not None and all(self.safe(element) for element in elements)


def _appends_to(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("append", "insert")
        and isinstance(node.func.value, ast.Name)
        and bool(node.args)
    )


def _is_ui(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Name) and node.id == "ui"


def _markdown_arguments(call: ast.Call) -> Iterator[ast.expr]:
    """The arguments of a Streamlit call that it draws as Markdown, and of `Markdown(...)`,
    which says its argument is safe Markdown (`fmt` and `md` pass it on unescaped). Raw HTML
    in Markdown (`unsafe_allow_html=True`) is never safe: the keyword itself is reported."""
    if _call_name(call.func) == "Markdown":
        yield from call.args
        return
    for keyword in call.keywords:
        allowed = keyword.value
        if keyword.arg == "unsafe_allow_html" and not (
            isinstance(allowed, ast.Constant) and allowed.value is False
        ):
            yield ast.copy_location(ast.Name(id="unsafe_allow_html"), allowed)
    name = _streamlit_call(call)
    if name in LIST_OF_LABELS and call.args:
        yield call.args[0]
        return
    if name not in FIRST_ARGUMENT_IS_MARKDOWN:
        return
    if call.args:
        yield call.args[0]
    for keyword in call.keywords:
        if keyword.arg in MARKDOWN_KEYWORDS:
            yield keyword.value
    if name in MARKDOWN_OPTIONS:
        shown = {k.arg: k.value for k in call.keywords}
        if "format_func" in shown:
            yield shown["format_func"]
        elif "options" in shown:
            yield shown["options"]
        elif len(call.args) > 1:
            yield call.args[1]
    if name == "metric" and len(call.args) > 1:
        yield from call.args[1:3]  # value, delta


class Project:
    """The scanned files: a parameter or a function's result is followed across them."""

    def __init__(self, paths: list[Path], root: Path) -> None:
        self.modules = []
        for path in paths:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            self.modules.append(_Module(self, tree, str(path.relative_to(root))))
        self.functions: dict[str, list[tuple[_Module, ast.FunctionDef]]] = {}
        for module in self.modules:
            for node in ast.walk(module.tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    self.functions.setdefault(node.name, []).append((module, node))
        self._checking: set[object] = set()
        self.findings: list[Finding] = []

    def returns_safe(self, name: str) -> bool:
        """Whether every `return` of the project's functions of that name is safe."""
        definitions = self.functions.get(name)
        if not definitions or name in self._checking:
            return bool(definitions)
        self._checking.add(name)
        try:
            return all(
                module.safe(node.value)
                for module, function in definitions
                for node in ast.walk(function)
                if isinstance(node, ast.Return) and node.value is not None
            )
        finally:
            self._checking.discard(name)

    def parameter_safe(self, parameter: _Parameter) -> bool:
        """Whether every call of the function passes that parameter a safe value (a finding at
        each call that does not)."""
        if parameter in self._checking:
            return True
        self._checking.add(parameter)
        safe = True
        for module in self.modules:
            for call in ast.walk(module.tree):
                if not isinstance(call, ast.Call) or _call_name(call.func) != parameter.function:
                    continue
                if _streamlit_call(call) is not None and not _is_ui(call.func):
                    continue  # a method of another object that happens to share the name
                passed = [k.value for k in call.keywords if k.arg == parameter.name]
                if not passed and 0 <= parameter.index < len(call.args):
                    passed = [call.args[parameter.index]]
                for value in passed:
                    if not module.safe(value):
                        safe = False
                        self.findings.append(
                            Finding(
                                module.path, value.lineno, parameter.function, ast.unparse(value)
                            )
                        )
        self._checking.discard(parameter)
        return safe

    def scan(self) -> list[Finding]:
        """Every Markdown argument in the files that the scan cannot show to be safe."""
        for module in self.modules:
            for node in ast.walk(module.tree):
                if not isinstance(node, ast.Call):
                    continue
                for argument in _markdown_arguments(node):
                    if not module.safe(argument):
                        self.findings.append(
                            Finding(
                                module.path,
                                argument.lineno,
                                _streamlit_call(node) or _call_name(node.func) or "?",
                                ast.unparse(argument)[:120],
                            )
                        )
        return sorted(set(self.findings), key=lambda f: (f.path, f.line, f.call))
