"""htmldate's evaluation layout (``gold.json`` + ``html/<file>.gz``): the publish day, exactly.

A page scores when its publish date in the page's own time (``published_at_local``, else
``published_at``) falls on the labelled day; no date, or a refused page, counts as wrong.
"""

from __future__ import annotations

from pathlib import Path

from ingest.eval.sample import Extractor, Output, Sample, now, read_gzip, read_json

NAME = "dates"
HEADLINE = "day_exact"
COLUMNS = ("day_exact", "no_date")


def detect(folder: Path) -> bool:
    """This layout's labels file is there."""
    return (folder / "gold.json").is_file()


def load(folder: Path) -> list[Sample]:
    """Every labelled page, in file order (no language in the labels: grouped by ours)."""
    gold = read_json(folder / "gold.json")
    fetched_at = now()
    return [
        Sample(
            name,
            item.get("url", ""),
            read_gzip(folder / "html" / f"{name}.gz"),
            fetched_at,
            item["date"],
        )
        for name, item in sorted(gold.items())
    ]


def baselines() -> dict[str, Extractor]:
    """htmldate, extensive search, the original (not the updated) date."""
    from ingest.eval.baselines import htmldate_date

    return {"htmldate extensive": htmldate_date()}


def figures(samples: list[Sample], outputs: list[Output]) -> dict[str, float]:
    """Share of pages dated on the right day; pages with no date."""
    right = sum(page_score(s, o) for s, o in zip(samples, outputs, strict=True))
    return {
        "day_exact": right / len(samples) if samples else 0.0,
        "no_date": sum(1 for o in outputs if not o.published),
    }


def page_score(sample: Sample, output: Output) -> float:
    """1 when the page's day is the labelled one."""
    return float(bool(output.published and output.published[:10] == sample.truth))
