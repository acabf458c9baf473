"""The article-extraction-benchmark metric: 4-token shingle multisets, per-page normalized TP/FP/FN."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import mean

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


@dataclass(frozen=True)
class PageScore:
    """One page's TP, FP and FN, each divided by their sum (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        """Per-page precision with the benchmark's conventions for empty cases."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Per-page recall with the benchmark's conventions for empty cases."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of this page's precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Summary:
    """Benchmark figures over a set of pages."""

    precision: float
    recall: float
    f1: float
    mean_page_f1: float
    empty: int
    pages: int


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of overlapping ``size``-token shingles; a shorter text is one shorter shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens
    )


def score_page(true: str, pred: str) -> PageScore:
    """Match the shingle multisets of the true and predicted texts of one page."""
    true_counts, pred_counts = shingles(true), shingles(pred)
    tp = sum((true_counts & pred_counts).values())
    fp = sum((pred_counts - true_counts).values())
    fn = sum((true_counts - pred_counts).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def summarize(scores: list[PageScore], predictions: list[str]) -> Summary:
    """Mean precision over pages with output, mean recall over pages with truth, F1 of the two."""
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    precision = mean(precisions) if precisions else 0.0
    recall = mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(
        precision=precision,
        recall=recall,
        f1=f1,
        mean_page_f1=mean(s.f1 for s in scores) if scores else 0.0,
        empty=sum(1 for text in predictions if not _TOKEN.search(text or "")),
        pages=len(scores),
    )
