"""The generic snapshot is what its generator builds, byte for byte, and says it is synthetic."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.conftest import ROOT

SNAPSHOT = ROOT / "data" / "snapshot-generic"


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_generator_rebuilds_the_committed_snapshot(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "bgs", ROOT / "tools" / "build_generic_snapshot.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path / "out")
    assert _files(tmp_path / "out") == _files(SNAPSHOT)


def test_manifest_is_marked_synthetic_and_every_file_exists() -> None:
    manifest = json.loads((SNAPSHOT / "manifest.json").read_text("utf-8"))
    assert manifest["synthetic"] is True
    paths = {"sitemap", "feed", "links"}
    assert {s["discovery"] for s in manifest["sites"]} == paths | {f"{p}-opaque" for p in paths}
    for url, res in manifest["resources"].items():
        assert (SNAPSHOT / res["file"]).is_file(), url
        assert url.split("/")[2].endswith(".example"), url
        if res["kind"] == "article":
            assert (SNAPSHOT / res["expected"]).is_file(), url
