"""Measure the near-duplicate threshold on pairs built from the bundled snapshot.

    python -m bench.neardup [--snapshot data/snapshot] [--json out.json]

Positives: every snapshot article against a republished copy of it, in six ways republishers
copy (verbatim with their sign-off, lead folded in and last paragraph cut, the first half only,
5 %, 10 % and 25 % of the words replaced). Negatives: every pair of different snapshot articles
in one language, the ru/uk editions of one article, and each article against another story that
quotes one of its paragraphs. Prints precision, recall and F1 of ``resemblance >= t`` for a
range of t, and how many positives the LSH banding would have offered as candidates.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.neardup import THRESHOLD, band_buckets, minhash, resemblance, shingles

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "snapshot"
BIO = (
    "I am David Wyatt, a professional writer and journalist for Buna Times. I specialize in the "
    "world section of news coverage."
)
VARIANTS = ("verbatim", "trimmed", "first_half", "edited_5", "edited_10", "edited_25")


@dataclass(frozen=True)
class Pair:
    """Two bodies, whether they are one article, and how the pair was made."""

    a: str
    b: str
    duplicate: bool
    kind: str


def snapshot_articles(snapshot: Path = SNAPSHOT) -> list[dict[str, Any]]:
    """The expected records of the snapshot's good articles, in id-language order."""
    manifest = json.loads((snapshot / "manifest.json").read_text("utf-8"))
    out = [
        json.loads((snapshot / r["expected"]).read_text("utf-8"))
        for r in manifest["resources"].values()
        if r.get("kind") == "article" and r.get("expected")
    ]
    return sorted(out, key=lambda e: (e["source_article_id"], e["language"]))


def republish(record: dict[str, Any], how: str, rng: random.Random, vocabulary: list[str]) -> str:
    """A copy of ``record``'s body as a republisher would print it."""
    paragraphs = record["body"].split("\n")
    if how == "verbatim":
        return "\n".join([*paragraphs, "Source: Correspondent.net", BIO])
    if how == "trimmed":
        kept = paragraphs[:-1] if len(paragraphs) > 2 else paragraphs
        return "\n".join([record["lead"], *kept] if record["lead"] else kept)
    if how == "first_half":
        return "\n".join(paragraphs[: max(2, (len(paragraphs) + 1) // 2)])
    rate = int(how.rsplit("_", 1)[1]) / 100
    edited = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for i in range(len(words)):
            if rng.random() < rate:
                words[i] = rng.choice(vocabulary)
        edited.append(" ".join(words))
    return "\n".join([*edited, BIO])


def build_pairs(snapshot: Path = SNAPSHOT, seed: int = 5) -> list[Pair]:
    """The labelled pairs described in the module docstring, deterministic for one seed."""
    rng = random.Random(seed)
    records = snapshot_articles(snapshot)
    vocabulary = sorted({w for r in records for w in r["body"].split()})
    pairs = [
        Pair(r["body"], republish(r, how, rng, vocabulary), True, how)
        for r in records
        for how in VARIANTS
    ]
    for x, y in itertools.combinations(records, 2):
        if x["language"] == y["language"]:
            pairs.append(Pair(x["body"], y["body"], False, "other_article"))
        elif x["source_article_id"] == y["source_article_id"]:
            pairs.append(Pair(x["body"], y["body"], False, "translation"))
    for x, y in zip(records, records[1:] + records[:1], strict=True):
        quoted = rng.choice(x["body"].split("\n"))
        pairs.append(Pair(x["body"], f"{y['body']}\n{quoted}", False, "quotes_a_paragraph"))
    return pairs


def measure(pairs: list[Pair], threshold: float) -> dict[str, float]:
    """Precision, recall and F1 of ``resemblance >= threshold`` on ``pairs``."""
    scores = [(resemblance(p.a, p.b), p.duplicate) for p in pairs]
    tp = sum(1 for s, d in scores if d and s >= threshold)
    fp = sum(1 for s, d in scores if not d and s >= threshold)
    fn = sum(1 for s, d in scores if d and s < threshold)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"threshold": threshold, "precision": precision, "recall": recall, "f1": f1}


def lsh_candidate_rate(pairs: list[Pair], threshold: float) -> float:
    """Share of positives at or above ``threshold`` that share at least one LSH band."""
    hits = total = 0
    for p in pairs:
        if p.duplicate and resemblance(p.a, p.b) >= threshold:
            total += 1
            a = set(band_buckets(minhash(shingles(p.a))))
            hits += bool(a & set(band_buckets(minhash(shingles(p.b)))))
    return hits / total if total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    pairs = build_pairs(args.snapshot)
    positives = sum(p.duplicate for p in pairs)
    print(f"{len(pairs)} pairs: {positives} duplicates, {len(pairs) - positives} not")
    rows = [measure(pairs, t / 20) for t in range(2, 19)]
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}")
    for row in rows:
        mark = "  <- ingest.neardup.THRESHOLD" if abs(row["threshold"] - THRESHOLD) < 1e-9 else ""
        print(f"{row['threshold']:>9.2f} {row['precision']:>9.3f} {row['recall']:>7.3f} "
              f"{row['f1']:>6.3f}{mark}")  # fmt: skip
    by_kind: dict[str, list[float]] = {}
    for p in pairs:
        by_kind.setdefault(p.kind, []).append(resemblance(p.a, p.b))
    print("\nresemblance by kind of pair (min / mean / max):")
    for kind, values in by_kind.items():
        print(
            f"  {kind:<20} {min(values):.3f} / {sum(values) / len(values):.3f} / {max(values):.3f}"
        )
    rate = lsh_candidate_rate(pairs, THRESHOLD)
    print(f"\nLSH candidates among positives at >= {THRESHOLD}: {rate:.3f}")
    if args.json:
        report = {"pairs": len(pairs), "positives": positives, "rows": rows, "lsh": rate}
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
