"""Fundus's golden test pages (``<p>_<Name>.json`` + ``<p>_<Name>_<date>.html.gz`` + ``<p>_meta.info``).

Every expected field compared exactly, as the golden-file test does: title, authors (in order),
publish instant, body paragraphs (our body lines against the expected headlines + paragraphs);
body bag-of-words F1 beside it, to see how far a mismatch is.
"""

from __future__ import annotations

from pathlib import Path
from statistics import mean

from ingest.errors import InputError
from ingest.eval import fields
from ingest.eval.sample import Extractor, Output, Sample, read_gzip, read_json

NAME = "ru-uk"
HEADLINE = "fields_exact"
COLUMNS = ("title", "authors", "published", "paragraphs", "body_f1", "fields_exact")
_FIELDS = ("title", "authors", "published", "paragraphs")


def detect(folder: Path) -> bool:
    """At least one ``<prefix>_meta.info`` with its expected JSON beside it."""
    return any(folder.glob("*_meta.info"))


def load(folder: Path) -> list[Sample]:
    """Every expected page, in name order; the language is the file prefix's (ua → uk)."""
    samples = []
    for info_path in sorted(folder.glob("*_meta.info")):
        prefix = info_path.name.removesuffix("_meta.info")
        for html_name, crawl in sorted(read_json(info_path).items()):
            html_path = folder / f"{prefix}_{html_name}"
            stem = html_name.split("_")[0]
            expected = read_json(folder / f"{prefix}_{stem}.json").get("V1")
            when = fields.parse_when(crawl.get("crawl_date"))
            if expected is None or when is None:
                raise InputError(f"{html_path}: no V1 expectation or no readable crawl_date")
            if when.tzinfo is None:
                when = when.astimezone()  # as the golden-file test reads it
            language = {"ua": "uk"}.get(prefix, prefix)
            samples.append(
                Sample(
                    f"{prefix}_{stem}",
                    crawl.get("url", ""),
                    read_gzip(html_path),
                    when,
                    expected,
                    language,
                )
            )
    return samples


def baselines() -> dict[str, Extractor]:
    """trafilatura favor_precision with its metadata."""
    from ingest.eval.baselines import trafilatura_document

    return {"trafilatura favor_precision": trafilatura_document("favor_precision")}


def expected_paragraphs(expected: dict) -> tuple[str, ...]:
    """Headlines and paragraphs of every section, whitespace collapsed."""
    lines: list[str] = []
    for section in expected["body"]["sections"]:
        lines.extend(section["headline"])
        lines.extend(section["paragraphs"])
    return tuple(" ".join(line.split()) for line in lines)


def page_figures(sample: Sample, output: Output) -> dict[str, float]:
    """Each expected field of one page: 1 when it matches exactly."""
    expected = sample.truth
    paragraphs = expected_paragraphs(expected)
    found = {
        "title": float(output.title == expected["title"]),
        "authors": float(list(output.authors) == list(expected["authors"])),
        "published": fields.same_instant(expected["publishing_date"], output.published, 0),
        "paragraphs": float(tuple(" ".join(p.split()) for p in output.paragraphs) == paragraphs),
    }
    found["body_f1"] = fields.bag_f1("\n".join(paragraphs), "\n".join(output.paragraphs))
    found["fields_exact"] = mean(found[f] for f in _FIELDS)
    return found


def figures(samples: list[Sample], outputs: list[Output]) -> dict[str, float]:
    """Each field's share of pages that match."""
    per_page = [page_figures(s, o) for s, o in zip(samples, outputs, strict=True)]
    return {column: mean(p[column] for p in per_page) if per_page else 0.0 for column in COLUMNS}


def page_score(sample: Sample, output: Output) -> float:
    """This page's share of exact fields."""
    return page_figures(sample, output)["fields_exact"]
