"""``ingest eval`` on tiny labelled folders of every layout: the tables, the JSON, bad input."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.eval.command import register

ARTICLE = (
    "<html lang='en'><head><title>Rain in the valley</title>"
    "<meta property='article:published_time' content='2024-03-04T09:30:00+02:00'>"
    "<meta name='author' content='Ann Lee'></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Rain in the valley</h1><p>Heavy rain fell across the valley on Monday, "
    "flooding roads and closing two schools, officials said.</p><p>Forecasters expect the "
    "weather to clear by Wednesday, though rivers will stay high for several days.</p>"
    "</article><footer>Copyright 2024 Example News</footer></body></html>"
)
BODY = (
    "Heavy rain fell across the valley on Monday, flooding roads and closing two schools, "
    "officials said.\nForecasters expect the weather to clear by Wednesday, though rivers will "
    "stay high for several days."
)
URL = "https://news.example/rain"


def _page(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(ARTICLE.encode()))


def _sets(root: Path) -> Path:
    _page(root / "aeb" / "html" / "p1.html.gz")
    truth = {"p1": {"url": URL, "articleBody": BODY}}
    (root / "aeb" / "ground-truth.json").write_text(json.dumps(truth))
    _page(root / "traf" / "html" / "p1.html.gz")
    items = {"p1.html": {"url": URL, "with": ["closing two  schools"], "without": ["Home"]}}
    (root / "traf" / "items.json").write_text(json.dumps(items))
    _page(root / "dates" / "html" / "p1.html.gz")
    (root / "dates" / "gold.json").write_text(
        json.dumps({"p1.html": {"url": URL, "date": "2024-03-04"}})
    )
    _page(root / "fundus" / "xx" / "News_2024.html.gz")
    gold = {
        "title": "Rain in the valley",
        "authors": ["Ann Lee"],
        "publishing_date": "2024-03-04 07:30:00+00:00",
        "body": {"summary": [], "sections": [{"headline": [], "paragraphs": BODY.split("\n")}]},
    }
    pages = {
        "xx/News_2024.html.gz": {
            "url": URL,
            "crawl_date": "2024-03-05 10:00:00",
            "languages": ["en"],
            "gold": gold,
        }
    }
    (root / "fundus" / "pages.json").write_text(json.dumps(pages))
    return root


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    return parser.parse_args(["eval", *argv])


def test_one_command_scores_every_set_of_a_folder(tmp_path: Path, capsys) -> None:
    out = tmp_path / "figures.json"
    args = _args(str(_sets(tmp_path / "sets")), "--fast", "--json", str(out), "--worst", "1")
    assert args.handler(args) == 0
    printed = capsys.readouterr().out
    for name in ("== aeb", "== traf", "== dates", "== fundus", "pages/s", "per language"):
        assert name in printed
    sets = json.loads(out.read_text())["sets"]
    assert sets["aeb"]["runs"]["ingest"]["f1"] == pytest.approx(1.0)
    assert sets["traf"]["runs"]["ingest"]["f1"] == pytest.approx(1.0)  # whitespace normalised
    assert sets["dates"]["runs"]["ingest"]["day_exact"] == 1.0
    fundus = sets["fundus"]["runs"]["ingest"]
    assert fundus["body_f1"] == pytest.approx(1.0)
    assert (fundus["title_exact"], fundus["authors_f1"], fundus["language"]) == (1.0, 1.0, 1.0)
    assert (fundus["date_same_day"], fundus["date_same_instant"]) == (1.0, 1.0)
    assert list(sets["aeb"]["runs"]) == ["ingest"]  # --fast: no baselines
    assert sets["aeb"]["languages"]["en"]["pages"] == 1
    assert sets["aeb"]["worst"][0]["id"] == "p1"


def test_baselines_run_beside_ours_on_the_same_pages(tmp_path: Path, capsys) -> None:
    pytest.importorskip("trafilatura")
    root = _sets(tmp_path / "sets")
    out = tmp_path / "figures.json"
    args = _args(str(root / "aeb"), str(root / "dates"), "--json", str(out))
    assert args.handler(args) == 0
    sets = json.loads(out.read_text())["sets"]
    for mode in ("favor_precision", "default", "fast"):
        assert f"trafilatura {mode}" in sets["aeb"]["runs"]
    assert sets["dates"]["runs"]["htmldate extensive"]["day_exact"] == 1.0


def test_a_folder_without_labels_is_one_clear_error(tmp_path: Path) -> None:
    args = _args(str(tmp_path))
    with pytest.raises(InputError, match=r"no labelled set"):
        args.handler(args)


def test_a_broken_labels_file_names_itself(tmp_path: Path) -> None:
    (tmp_path / "ground-truth.json").write_text("{not json")
    args = _args(str(tmp_path), "--fast")
    with pytest.raises(InputError, match=r"ground-truth\.json"):
        args.handler(args)
