"""Fundus's publisher pages (``pages.json`` + ``<country>/<Publisher>_<date>.html.gz``): every field.

Per page, averaged: body bag-of-words F1 (lead + body against summary + headlines + paragraphs),
authors set F1, title exact, publish date same day and same instant (60 s), language right for
the publisher.
"""

from __future__ import annotations

from pathlib import Path
from statistics import mean

from ingest.eval import fields
from ingest.eval.sample import Extractor, Output, Sample, read_gzip, read_json

NAME = "fundus"
HEADLINE = "body_f1"
COLUMNS = ("body_f1", "authors_f1", "title_exact", "date_same_day", "date_same_instant", "language")


def detect(folder: Path) -> bool:
    """This layout's labels file is there."""
    return (folder / "pages.json").is_file()


def load(folder: Path) -> list[Sample]:
    """Every labelled page, in key order, fetched when Fundus crawled it (UTC)."""
    pages = read_json(folder / "pages.json")
    samples = []
    for key, item in sorted(pages.items()):
        crawled = fields.parse_when(item.get("crawl_date"))
        if crawled is None:
            from ingest.errors import InputError

            raise InputError(f"{folder / 'pages.json'}: {key}: no readable crawl_date")
        if crawled.tzinfo is None:
            from datetime import UTC

            crawled = crawled.replace(tzinfo=UTC)
        languages = list(item.get("languages") or [])
        truth = dict(item["gold"], languages=languages)
        samples.append(
            Sample(
                key,
                item.get("url", ""),
                read_gzip(folder / key),
                crawled,
                truth,
                languages[0] if languages else "",
            )
        )
    return samples


def baselines() -> dict[str, Extractor]:
    """trafilatura favor_precision with its metadata."""
    from ingest.eval.baselines import trafilatura_document

    return {"trafilatura favor_precision": trafilatura_document("favor_precision")}


def body_text(gold: dict) -> str:
    """Summary, then every section's headline and paragraphs, one per line."""
    body = gold.get("body") or {}
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines.extend(section.get("headline") or [])
        lines.extend(section.get("paragraphs") or [])
    return "\n".join(lines)


def page_figures(sample: Sample, output: Output) -> dict[str, float]:
    """Every field of one page, each 0..1."""
    gold = sample.truth
    date = gold.get("publishing_date")
    return {
        "body_f1": fields.bag_f1(body_text(gold), output.text),
        "authors_f1": fields.authors_f1(gold.get("authors") or [], output.authors),
        "title_exact": fields.title_exact(gold.get("title") or "", output.title),
        "date_same_day": fields.same_day(date, output.published),
        "date_same_instant": fields.same_instant(date, output.published),
        "language": fields.language_right(gold["languages"], output.language),
    }


def figures(samples: list[Sample], outputs: list[Output]) -> dict[str, float]:
    """Each field's mean over pages."""
    per_page = [page_figures(s, o) for s, o in zip(samples, outputs, strict=True)]
    return {column: mean(p[column] for p in per_page) if per_page else 0.0 for column in COLUMNS}


def page_score(sample: Sample, output: Output) -> float:
    """This page's body F1."""
    return fields.bag_f1(body_text(sample.truth), output.text)
