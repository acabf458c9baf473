"""The house's layout, read from the code: modules under 300 lines (tools and tests too), no import
cycle in ``ingest/``, a core that never imports Scrapy, INGEST_* defaults in ingest/settings.py
only. Same checks as ``python tools/check_layout.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_layout", ROOT / "tools" / "check_layout.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layout = _checker()


def test_no_module_is_over_300_lines() -> None:
    assert layout.oversized() == []


def test_ingest_has_no_import_cycle() -> None:
    graph = layout.import_graph()
    assert graph["ingest.store.export"]  # the graph was read: export imports store modules
    assert layout.cycles(graph) == []


def test_the_core_never_imports_scrapy_or_the_crawl_side() -> None:
    assert layout.crawl_side_imports() == []


def test_every_ingest_setting_default_is_in_settings_py_only() -> None:
    assert layout.misplaced_settings() == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def test_the_checks_see_a_cycle_a_long_module_and_a_misplaced_default(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "ingest/__init__.py": "",
            "ingest/a.py": "from ingest.b import thing\n",
            "ingest/b.py": "def thing():\n    from ingest import c\n",
            "ingest/c.py": "from . import a\nimport scrapy\n",
            "ingest/d.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import ingest.a\n",
            "ingest/demo.py": "def run():\n    import scrapy\n",
            "ingest/settings.py": "INGEST_BATCH = 50\n",
            "pipelines/store.py": (
                "def f(s):\n"
                "    s.getint('INGEST_BATCH', 50), s.get('INGEST_LOST'), s.getint('INGEST_BATCH')\n"
            ),
            "tests/test_long.py": "x = 1\n" * 301,
            "data/generated.py": "x = 1\n" * 400,
        },
    )
    graph = layout.import_graph(root=root)
    assert layout.cycles(graph) == [["ingest.a", "ingest.b", "ingest.c"]]
    assert graph["ingest.d"] == set()  # type-checking imports are not run
    assert layout.crawl_side_imports(root) == ["ingest/c.py:2 scrapy"]
    assert layout.oversized(root) == [("tests/test_long.py", 301)]
    assert layout.misplaced_settings(root) == [
        "pipelines/store.py:2 INGEST_BATCH: default given at the call",
        "pipelines/store.py:2 INGEST_LOST: not in ingest/settings.py",
    ]
