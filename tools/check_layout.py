"""The house's layout rules, read from the code: no module over 300 lines, no import cycle in
``ingest/``, a core that never imports Scrapy, and every ``INGEST_*`` default in
``ingest/settings.py`` only. ``python tools/check_layout.py`` prints what it found and exits 1 on a
breach; tests/test_layout.py runs the same checks."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 300
SKIPPED_DIRS = {"build", "dist", "node_modules", "__pycache__"}
# What the Scrapy-free core may not import: Scrapy, its reactor, and the Scrapy-side packages.
CRAWL_SIDE = (
    "scrapy",
    "twisted",
    "spiders",
    "pipelines",
    "middlewares",
    "extensions",
    "handlers",
    "commands",
)
# Modules of the core that start a crawl, and so import Scrapy inside the function that does it.
CRAWL_LAUNCHERS = {"ingest/demo.py"}


def python_files(root: Path = ROOT) -> list[Path]:
    """Every .py file of the checkout: tools and tests too, not the venv, caches or data."""
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts[:-1]
        if parts[:1] == ("data",) or any(
            p.startswith(".") or p in SKIPPED_DIRS or p.endswith(".egg-info") for p in parts
        ):
            continue
        found.append(path)
    return found


def oversized(root: Path = ROOT, limit: int = MAX_LINES) -> list[tuple[str, int]]:
    """(path, lines) of every module longer than ``limit`` lines, longest first."""
    sizes = [
        (str(p.relative_to(root)), len(p.read_text("utf-8").splitlines()))
        for p in python_files(root)
    ]
    return sorted(((p, n) for p, n in sizes if n > limit), key=lambda pn: -pn[1])


def module_name(path: Path, root: Path = ROOT) -> str:
    """``ingest/store/__init__.py`` → ``ingest.store``; ``ingest/cli.py`` → ``ingest.cli``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(path: Path, root: Path = ROOT) -> Iterator[tuple[str, int, bool]]:
    """(imported name, line, at module level) of every import the module runs; names under
    ``from x import y`` come as ``x.y``, a submodule or not; ``if TYPE_CHECKING:`` is left out."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package.pop()

    def visit(node: ast.AST, top: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking_only(child):
                for other in child.orelse:
                    yield from visit(other, top)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, child.lineno, top
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package[: len(package) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    yield f"{base}.{alias.name}", child.lineno, top
            inner = top and not isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            yield from visit(child, inner)

    yield from visit(tree, True)


def import_graph(package: str = "ingest", root: Path = ROOT) -> dict[str, set[str]]:
    """Module → the modules of ``package`` it imports (anywhere in it, lazily or not)."""
    files = {module_name(p, root): p for p in python_files(root / package)}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for imported, _, _ in imports(path, root):
            if imported not in files:  # ``from x import name``: the module is x
                imported = imported.rpartition(".")[0]
            if imported in files and imported != name:
                graph[name].add(imported)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(found)


def crawl_side_imports(root: Path = ROOT) -> list[str]:
    """``path:line name`` of every import of Scrapy or a Scrapy-side package from ``ingest/``
    (inside a function too, except in the crawl launchers)."""
    found = []
    for path in python_files(root / "ingest"):
        relative = str(path.relative_to(root))
        for name, line, top in imports(path, root):
            top_package = name.split(".")[0]
            if top_package not in CRAWL_SIDE or (not top and relative in CRAWL_LAUNCHERS):
                continue
            found.append(f"{relative}:{line} {top_package}")
    return sorted(set(found))


_GETTERS = {"get", "getint", "getfloat", "getbool", "getlist", "getdict", "getdictorlist"}


def defined_settings(root: Path = ROOT) -> set[str]:
    """The names ``ingest/settings.py`` assigns at module level."""
    tree = ast.parse((root / "ingest" / "settings.py").read_text("utf-8"))
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def misplaced_settings(root: Path = ROOT) -> list[str]:
    """``path:line NAME`` of every read of an ``INGEST_*`` Scrapy setting that gives its own
    default, or names one ``ingest/settings.py`` does not define (environment reads aside)."""
    defined, found = defined_settings(root), []
    for path in python_files(root):
        if path.relative_to(root).parts[0] in ("tests", "tools", "bench", "fuzz"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in _GETTERS or not node.args:
                continue
            name = node.args[0]
            if not (isinstance(name, ast.Constant) and str(name.value).startswith("INGEST_")):
                continue
            owner = node.func.value
            if isinstance(owner, ast.Attribute) and owner.attr == "environ":
                continue  # the environment, which settings.py itself reads
            where = f"{path.relative_to(root)}:{node.lineno} {name.value}"
            if len(node.args) > 1 or node.keywords:
                found.append(f"{where}: default given at the call")
            elif name.value not in defined:
                found.append(f"{where}: not in ingest/settings.py")
    return sorted(found)


def main() -> int:
    big = oversized()
    groups = cycles(import_graph())
    scrapy = crawl_side_imports()
    files = python_files()
    print(f"{len(files)} modules; over {MAX_LINES} lines: {len(big)}")
    for path, lines in big:
        print(f"  {path}: {lines} lines")
    print(f"import cycles in ingest/: {len(groups)}")
    for group in groups:
        print("  " + " ↔ ".join(group))
    print(f"Scrapy-side imports in ingest/: {len(scrapy)}")
    for line in scrapy:
        print(f"  {line}")
    misplaced = misplaced_settings()
    print(f"INGEST_* settings read with a default outside ingest/settings.py: {len(misplaced)}")
    for line in misplaced:
        print(f"  {line}")
    return 1 if big or groups or scrapy or misplaced else 0


if __name__ == "__main__":
    sys.exit(main())
