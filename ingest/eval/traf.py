"""trafilatura's evaluation layout (``items.json`` + ``html/<file>.gz``): snippets with and without.

A ``with`` snippet found in the output (whitespace-normalised substring) is a true positive,
missing a false negative; a ``without`` snippet found is a false positive, absent a true
negative; counts pooled over all pages, F1 of the pooled precision and recall.
"""

from __future__ import annotations

from pathlib import Path

from ingest.eval.sample import Extractor, Output, Sample, now, read_gzip, read_json, text_language

NAME = "traf"
HEADLINE = "f1"
COLUMNS = ("precision", "recall", "f1", "refused")
# trafilatura with its own defaults here: reader comments included (the set's README figures).
TRAFILATURA_COMMENTS = True


def detect(folder: Path) -> bool:
    """This layout's labels file is there."""
    return (folder / "items.json").is_file()


def load(folder: Path) -> list[Sample]:
    """Every labelled page, in file order; the language is that of its ``with`` snippets."""
    items = read_json(folder / "items.json")
    fetched_at = now()
    samples = []
    for name, item in sorted(items.items()):
        html = read_gzip(folder / "html" / f"{name}.gz")
        truth = (_snippets(item.get("with")), _snippets(item.get("without")))
        language = text_language(" ".join(truth[0]))
        samples.append(Sample(name, item.get("url", ""), html, fetched_at, truth, language))
    return samples


def baselines() -> dict[str, Extractor]:
    """trafilatura default and favor_precision with its own defaults: reader comments included
    (that is what gives the figures of the set's README, 0.927 and 0.920)."""
    from ingest.eval.baselines import trafilatura_text

    modes = ("default", "favor_precision")
    return {
        f"trafilatura {mode}": trafilatura_text(mode, comments=TRAFILATURA_COMMENTS)
        for mode in modes
    }


def counts(sample: Sample, output: Output) -> tuple[int, int, int, int]:
    """TP, FN, FP, TN of one page."""
    with_, without = sample.truth
    text = " ".join(output.text.split())
    tp = sum(1 for snippet in with_ if snippet in text)
    fp = sum(1 for snippet in without if snippet in text)
    return tp, len(with_) - tp, fp, len(without) - fp


def figures(samples: list[Sample], outputs: list[Output]) -> dict[str, float]:
    """Pooled precision, recall and F1 of the snippets; pages that gave no text ("refused")."""
    tp = fn = fp = 0
    for sample, output in zip(samples, outputs, strict=True):
        a, b, c, _ = counts(sample, output)
        tp, fn, fp = tp + a, fn + b, fp + c
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    refused = sum(1 for o in outputs if not o.text.strip())
    return {"precision": precision, "recall": recall, "f1": f1, "refused": refused}


def page_score(sample: Sample, output: Output) -> float:
    """This page's share of snippets judged right (with found, without absent)."""
    tp, fn, fp, tn = counts(sample, output)
    total = tp + fn + fp + tn
    return (tp + tn) / total if total else 1.0


def _snippets(values: list[str] | None) -> tuple[str, ...]:
    return tuple(" ".join(v.split()) for v in values or () if v)
