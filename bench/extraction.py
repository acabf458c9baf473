"""Extraction speed and quality on aeb-dev and traf-dev: ours beside trafilatura, readability, the floor.

    python -m bench.extraction [--eval DIR] [--passes 5] [--json PATH]

Every extractor runs over every page of both sets in each pass (passes interleaved, so a busy
moment of the machine hits all of them alike); pages/s is the median over passes of extraction
time alone, per set and over both sets together (all pages over the summed time of one pass).
F1 is each set's metric as ``ingest eval`` scores it (the layout's own ``figures``: aeb's 4-token
shingles, traf's snippets), on the first pass; trafilatura runs as ``ingest eval`` runs it on
that set (reader comments included on traf-dev, trafilatura's default; excluded on aeb-dev).
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path
from types import ModuleType
from typing import Any

import lxml.html

from bench import report
from ingest.eval import aeb, traf
from ingest.eval.baselines import trafilatura_text
from ingest.eval.sample import (
    RAISED,
    Extractor,
    Output,
    Run,
    Sample,
    decode_html,
    ours,
    run_extractor,
)

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
# Set folder name → its layout (the module ``ingest eval`` scores it with).
SETS: dict[str, ModuleType] = {"aeb-dev": aeb, "traf-dev": traf}
OURS = "ingest"


def readability_text(sample: Sample) -> Output:
    """readability-lxml's main content alone, as text (no metadata, no cleaning of ours)."""
    from readability import Document

    summary = Document(decode_html(sample.html), url=sample.url).summary(html_partial=True)
    return Output(text=lxml.html.fromstring(summary).text_content() if summary.strip() else "")


def parse_floor(sample: Sample) -> Output:
    """The least any extractor must do: parse the page with lxml and take the text of <body>."""
    tree = lxml.html.document_fromstring(sample.html)
    body = tree.find("body")
    return Output(text=(body if body is not None else tree).text_content())


def extractors(layout: ModuleType) -> dict[str, Extractor]:
    """Ours (the one record path, lead + body as stored), trafilatura default and fast as
    ``ingest eval`` runs them on ``layout``'s set, readability, and the floor."""
    comments = layout.TRAFILATURA_COMMENTS
    return {
        OURS: ours,
        "trafilatura default": trafilatura_text("default", comments=comments),
        "trafilatura fast": trafilatura_text("fast", comments=comments),
        "readability-lxml": readability_text,
        "parse floor": parse_floor,
    }


def measure(folder: Path, passes: int) -> dict[str, Any]:
    """Per set and over both: median pages/s and ms/page of each extractor, with its figures."""
    samples = {name: layout.load(folder / name) for name, layout in SETS.items()}
    runs: dict[str, dict[str, list[Run]]] = {name: {} for name in SETS}
    for _ in range(passes):
        for name, layout in SETS.items():
            for label, extractor in extractors(layout).items():
                run = run_extractor(label, extractor, samples[name])
                runs[name].setdefault(label, []).append(run)
    sets = {
        name: {
            "folder": str(folder / name),
            "layout": layout.NAME,
            "pages": len(samples[name]),
            "headline": layout.HEADLINE,
            "extractors": {
                label: _figures(layout, samples[name], label_runs)
                for label, label_runs in runs[name].items()
            },
        }
        for name, layout in SETS.items()
    }
    labels = list(runs[next(iter(SETS))])
    combined = {label: _rates([_pass(runs, label, n) for n in range(passes)]) for label in labels}
    return {
        "sets": sets,
        "combined": {"pages": sum(len(s) for s in samples.values()), "extractors": combined},
        "passes": passes,
    }


def _figures(layout: ModuleType, samples: list[Sample], runs: list[Run]) -> dict[str, Any]:
    """The set's metric on the first pass, errors raised, and the median rate over passes."""
    outputs = runs[0].outputs
    figures: dict[str, Any] = dict(layout.figures(samples, outputs))
    figures["errors"] = sum(1 for o in outputs if o.error.startswith(RAISED))
    return figures | _rates([r.pages_per_second for r in runs])


def _pass(runs: dict[str, dict[str, list[Run]]], label: str, n: int) -> float:
    """Pages/s of ``label`` over every set in pass ``n``: all pages over the time summed."""
    pages = sum(len(by_label[label][n].outputs) for by_label in runs.values())
    seconds = sum(by_label[label][n].seconds for by_label in runs.values())
    return pages / seconds if seconds else 0.0


def _rates(rates: list[float]) -> dict[str, Any]:
    median = statistics.median(rates)
    return {
        "pages_per_second": median,
        "ms_per_page": 1000 / median if median else 0.0,
        "passes": [round(r, 1) for r in rates],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder holding the sets")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    results = measure(args.eval, args.passes)
    report(results, args.json)


if __name__ == "__main__":
    main()
