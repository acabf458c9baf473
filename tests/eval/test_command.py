"""``ingest eval`` on a tiny labelled folder: the table, the JSON figures, bad input."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.eval.command import register

ARTICLE = (
    "<html><head><title>Rain in the valley</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Rain in the valley</h1><p>Heavy rain fell across the valley on Monday, "
    "flooding roads and closing two schools, officials said.</p><p>Forecasters expect the "
    "weather to clear by Wednesday, though rivers will stay high for several days.</p>"
    "</article><footer>Copyright 2024 Example News</footer></body></html>"
)


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "html").mkdir(parents=True)
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    truth = {
        "p1": {
            "url": "https://news.example/rain",
            "articleBody": "Heavy rain fell across the valley on Monday, flooding roads and "
            "closing two schools, officials said.\nForecasters expect the weather to clear by "
            "Wednesday, though rivers will stay high for several days.",
        }
    }
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    return tmp_path


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["eval", *argv])


def test_eval_prints_the_table_and_writes_json(tmp_path: Path, capsys) -> None:
    folder = _folder(tmp_path / "set")
    out = tmp_path / "figures.json"
    args = _args(str(folder), "--json", str(out), "--worst", "1")
    assert args.handler(args) == 0
    printed = capsys.readouterr().out
    assert "precision" in printed and "pages/s" in printed and "p1" in printed
    figures = json.loads(out.read_text())
    ours = figures["runs"]["ingest"]
    assert ours["f1"] == pytest.approx(1.0)
    assert ours["empty"] == 0 and ours["pages"] == 1
    assert figures["worst"][0]["id"] == "p1"


def test_eval_compares_trafilatura_modes(tmp_path: Path, capsys) -> None:
    pytest.importorskip("trafilatura")
    args = _args(str(_folder(tmp_path)), "--compare", "trafilatura")
    assert args.handler(args) == 0
    printed = capsys.readouterr().out
    for mode in ("favor_precision", "default", "fast"):
        assert f"trafilatura {mode}" in printed


def test_eval_rejects_a_folder_without_ground_truth(tmp_path: Path) -> None:
    args = _args(str(tmp_path))
    with pytest.raises(InputError, match=r"ground-truth\.json"):
        args.handler(args)
