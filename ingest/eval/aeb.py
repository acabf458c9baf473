"""The article-extraction-benchmark layout (``ground-truth.json`` + ``html/<id>.html.gz``)."""

from __future__ import annotations

from pathlib import Path

from ingest.eval.metric import score_page, summarize
from ingest.eval.sample import Extractor, Output, Sample, now, read_gzip, read_json, text_language

NAME = "aeb"
HEADLINE = "f1"
COLUMNS = ("precision", "recall", "f1", "empty")
TRAFILATURA_COMMENTS = False  # the benchmark's bodies leave reader comments out


def detect(folder: Path) -> bool:
    """This layout's labels file is there."""
    return (folder / "ground-truth.json").is_file()


def load(folder: Path) -> list[Sample]:
    """Every labelled page, in id order; the language is that of the true body."""
    truth = read_json(folder / "ground-truth.json")
    fetched_at = now()
    samples = []
    for page_id, item in sorted(truth.items()):
        html = read_gzip(folder / "html" / f"{page_id}.html.gz")
        body = item.get("articleBody") or ""
        samples.append(
            Sample(page_id, item.get("url", ""), html, fetched_at, body, text_language(body))
        )
    return samples


def baselines() -> dict[str, Extractor]:
    """trafilatura's three modes, body text only (comments excluded, as the benchmark does)."""
    from ingest.eval.baselines import trafilatura_text

    return {
        f"trafilatura {mode}": trafilatura_text(mode, comments=TRAFILATURA_COMMENTS)
        for mode in ("favor_precision", "default", "fast")
    }


def figures(samples: list[Sample], outputs: list[Output]) -> dict[str, float]:
    """Mean per-page precision and recall of 4-token shingles, their F1, empty outputs."""
    s = summarize(
        [score_page(x.truth, o.text) for x, o in zip(samples, outputs, strict=True)],
        [o.text for o in outputs],
    )
    return {"precision": s.precision, "recall": s.recall, "f1": s.f1, "empty": s.empty}


def page_score(sample: Sample, output: Output) -> float:
    """This page's shingle F1."""
    return score_page(sample.truth, output.text).f1
