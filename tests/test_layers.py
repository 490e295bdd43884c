"""The package's layers, read from the source (nothing is imported): each module imports only
modules of its own layer or of layers below it.

Every import of a pemilu_timeline module counts, wherever it is written: at module level,
inside a function (the lazy imports that keep start-up fast) and under ``if TYPE_CHECKING:``.
A module belongs to the layer of its top-level name (``schedule.read`` is in ``schedule``);
a new top-level module or package has to be given a layer in ``LAYERS`` below.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PACKAGE = "pemilu_timeline"
ROOT = Path(__file__).resolve().parents[1] / "src" / PACKAGE
FACADE = PACKAGE  # the package's own __init__.py: the public API, importing lazily

# The layers, lowest first: a module may import modules of its own layer and of the layers
# listed before it, never of one listed after it. Units of one layer may import each other,
# one way only (see test_one_way_within_a_layer) and except as FORBIDDEN_SIBLINGS says.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("i18n",),  # messages (the catalog), format, lexicon
    ("errors",),
    ("timing", "dateparse", "fsio", "gcpause"),
    ("model", "countdown"),
    ("rules",),  # calendar, describe, resolve
    ("schedule",),  # schema, locate, read, validate, write, store, cache, edit
    ("diff", "factcheck"),  # factcheck: extract, match, verify, review, wording
    ("exports", "views"),  # json, csv, ical | console, layout, tables, text, gantt
    ("cli",),  # app, options, read, edit, check, export
    ("__main__",),
)
RANK = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}
# (importer, imported) units of one layer that must not import each other: the exports are
# plain data for scripts and never render.
FORBIDDEN_SIBLINGS = {("exports", "views")}
# Third-party packages only one unit may import (rich: views/ is the only place that
# renders; typer and the click it is built on: cli/ is the only command line; matplotlib
# draws the pictures, in views/chart.py).
ONLY_IN = {"rich": "views", "typer": "cli", "click": "cli", "matplotlib": "views"}


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    imported: str  # dotted module name (a package's name for its __init__.py)
    path: Path
    line: int
    module_level: bool  # run when the importer is imported (not in a function or TYPE_CHECKING)

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT.parents[1])}:{self.line}"


def module_name(path: Path) -> str:
    parts = [PACKAGE, *path.relative_to(ROOT).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    found = {module_name(p): p for p in sorted(ROOT.rglob("*.py")) if "__pycache__" not in p.parts}
    assert f"{PACKAGE}.model" in found, f"no package found at {ROOT}"
    return found


@cache
def tree(path: Path) -> ast.Module:
    try:
        return ast.parse(path.read_text(encoding="utf-8"), str(path))
    except SyntaxError as error:
        pytest.fail(f"cannot read the imports of {path}: {error}", pytrace=False)


def unit(module: str) -> str | None:
    """The top-level name a module belongs to (None for the facade itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def rank(module: str) -> int | None:
    name = unit(module)
    return RANK.get(name) if name is not None else None


@cache
def facade_exports() -> dict[str, str]:
    """The facade's lazy names (``_EXPORTS``), each with the module it imports it from;
    ``__version__`` it reads from the installed metadata."""
    for node in tree(modules()[FACADE]).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in targets):
                assert node.value is not None
                table = ast.literal_eval(node.value)
                return {"__version__": "importlib.metadata",
                        **{name: f"{PACKAGE}.{place.partition(':')[0]}"
                           for name, place in table.items()}}
    return {"__version__": "importlib.metadata"}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _statements(body: list[ast.stmt], module_level: bool) -> list[tuple[ast.stmt, bool]]:
    """Every statement, nested ones too, with whether it runs at import time."""
    found: list[tuple[ast.stmt, bool]] = []
    for node in body:
        found.append((node, module_level))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += _statements(node.body, False)
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            found += _statements(node.body, False)
            found += _statements(node.orelse, module_level)
        else:
            for name in ("body", "orelse", "finalbody", "handlers", "cases"):
                for child in getattr(node, name, None) or ():
                    if isinstance(child, ast.stmt):
                        found += _statements([child], module_level)
                    else:  # an except handler or a match case: its body
                        found += _statements(child.body, module_level)
    return found


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The dotted name an ImportFrom names, relative imports resolved."""
    if not node.level:
        return node.module or ""
    package = module.split(".")
    path = modules().get(module)
    if path is None or path.name != "__init__.py":
        package = package[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def raw_imports(module: str, source: ast.Module | None = None) -> list[tuple[str, int, bool]]:
    """(dotted name, line, runs at import time) of every import statement in ``module``,
    ``from A import b`` as ``A.b`` when that is a module and ``A`` when it is a name."""
    found = []
    body = (source or tree(modules()[module])).body
    for node, module_level in _statements(body, True):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, module_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in modules():
                    found.append((submodule, node.lineno, module_level))
                elif base == FACADE and alias.name in facade_exports():
                    # A name from the facade is imported from its own module, lazily.
                    found.append((facade_exports()[alias.name], node.lineno, module_level))
                else:
                    found.append((base, node.lineno, module_level))
    return list(dict.fromkeys(found))  # `from A import b, c` of names is one import of A


@cache
def package_imports() -> tuple[Import, ...]:
    """Every import of a pemilu_timeline module, by every module."""
    found = []
    for module, path in modules().items():
        for name, line, module_level in raw_imports(module):
            if name == PACKAGE or name.startswith(PACKAGE + "."):
                found.append(Import(module, name, path, line, module_level))
    return tuple(found)


def fail_if(found: list[str], heading: str) -> None:
    """Fail with one offender a line (and not the repr of a list)."""
    if found:
        pytest.fail(f"{heading}:\n" + "\n".join(found), pytrace=False)


def listing(imports: list[Import]) -> list[str]:
    return [f"  {i.importer} -> {i.imported} (rank {rank(i.importer)} -> rank "
            f"{rank(i.imported)}) at {i.where}" for i in imports]


# --- the tests --------------------------------------------------------------------------------

SAMPLE = """
from typing import TYPE_CHECKING
import pemilu_timeline.model
from pemilu_timeline.schedule import store, read as reader
from pemilu_timeline.schedule.schema import Field, Kind
from . import options
from ..views.text import dates_text
from pemilu_timeline import load_schedule, __version__
if TYPE_CHECKING:
    from pemilu_timeline.diff import ScheduleDiff
else:
    import pemilu_timeline.countdown
def command():
    from pemilu_timeline.exports.json import to_json
class Lazy:
    import pemilu_timeline.errors
try:
    import pemilu_timeline.timing
except ImportError:
    import pemilu_timeline.dateparse
"""


def test_the_walk_finds_every_kind_of_import() -> None:
    """In functions and under TYPE_CHECKING too; relative ones resolved; a module imported
    from its package is that module, and a name from the facade comes from its own module."""
    found = [(name.removeprefix(f"{PACKAGE}."), eager)
             for name, _, eager in raw_imports(f"{PACKAGE}.cli.sample", ast.parse(SAMPLE))]
    assert found == [
        ("typing", True), ("model", True), ("schedule.store", True), ("schedule.read", True),
        ("schedule.schema", True), ("cli.options", True), ("views.text", True),
        ("schedule.read", True), ("importlib.metadata", True), ("diff", False),
        ("countdown", True), ("exports.json", False), ("errors", True), ("timing", True),
        ("dateparse", True)]


def test_every_module_has_a_layer() -> None:
    fail_if([f"  {m}" for m in sorted(modules()) if m != FACADE and rank(m) is None],
            "modules with no layer: give their top-level name a place in LAYERS in "
            "tests/test_layers.py")


def test_no_module_imports_a_higher_layer() -> None:
    def higher(i: Import) -> bool:
        a, b = rank(i.importer), rank(i.imported)
        return a is None or b is None or b > a

    fail_if(listing([i for i in package_imports() if i.importer != FACADE and higher(i)]),
            "imports of a higher layer (or of a module with no layer)")


def test_forbidden_siblings() -> None:
    fail_if(listing([i for i in package_imports()
                     if (unit(i.importer), unit(i.imported)) in FORBIDDEN_SIBLINGS]),
            "imports between units of one layer that must not meet")


def test_one_way_within_a_layer() -> None:
    """Two units of one layer (model and countdown) may not import each other: one of them
    is the lower, and a cycle between them would make the layer meaningless."""
    edges: dict[tuple[str | None, str | None], list[Import]] = {}
    for i in package_imports():
        if i.importer != FACADE and unit(i.importer) != unit(i.imported) \
                and rank(i.importer) == rank(i.imported):
            edges.setdefault((unit(i.importer), unit(i.imported)), []).append(i)
    fail_if(listing([i for (a, b), found in edges.items() if (b, a) in edges for i in found]),
            "units of one layer that import each other")


def test_no_module_outside_cli_imports_cli() -> None:
    """Neither by an import statement nor by name, as a string (import_module("...cli..."));
    __main__ is the entry point, whose one job is to start cli.app."""
    pattern = re.compile(rf"^{PACKAGE}\.cli(\.|$)")
    outside = [m for m in modules() if unit(m) not in ("cli", "__main__")]
    bad = listing([i for i in package_imports()
                   if i.importer in outside and pattern.match(i.imported)])
    for module in outside:
        path = modules()[module]
        docstrings = {id(n.body[0].value) for n in ast.walk(tree(path))
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef
                                    | ast.AsyncFunctionDef)
                      and n.body and isinstance(n.body[0], ast.Expr)}
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings and pattern.match(node.value):
                bad.append(f"  {module} -> {node.value} (by name) at "
                           f"{path.relative_to(ROOT.parents[1])}:{node.lineno}")
    fail_if(bad, f"modules outside cli/ that import {PACKAGE}.cli")


def test_third_party_layers() -> None:
    """rich only in views/ (cli/ renders through views, never directly), typer only in cli/."""
    bad = []
    for module, path in modules().items():
        for name, line, _ in raw_imports(module):
            owner = ONLY_IN.get(name.partition(".")[0])
            if owner is not None and unit(module) != owner:
                bad.append(f"  {module} -> {name} (only {owner}/ may) at "
                           f"{path.relative_to(ROOT.parents[1])}:{line}")
    fail_if(bad, "third-party imports outside their layer")


def test_subpackage_inits_are_empty() -> None:
    """A subpackage's __init__.py imports nothing: importing one module of it (cli.app, the
    start-up path) must not pay for its siblings."""
    inits = [p for p in modules().values() if p.name == "__init__.py" and p.parent != ROOT]
    assert inits, "no subpackages found"
    fail_if([f"  {p.relative_to(ROOT.parents[1])}" for p in inits
             if p.read_text(encoding="utf-8").strip()],
            "subpackage __init__.py files that are not empty")


def test_facade_imports_only_the_standard_library_at_import_time() -> None:
    """The facade may name anything lazily (PEP 562, or for type checkers), but importing
    the package runs only standard-library imports."""
    stdlib = sys.stdlib_module_names | {"__future__"}
    fail_if([f"  {name} at line {line}" for name, line, module_level in raw_imports(FACADE)
             if module_level and name.partition(".")[0] not in stdlib],
            f"{PACKAGE}/__init__.py imports more than the standard library at module level")


def test_facade_names_exist() -> None:
    """Each lazy name of the facade points at a module of the package, which has a layer."""
    exports = facade_exports()
    assert "load_schedule" in exports
    fail_if([f"  {name} -> {module}" for name, module in sorted(exports.items())
             if name != "__version__" and (module not in modules() or rank(module) is None)],
            "facade names pointing at no module with a layer")
