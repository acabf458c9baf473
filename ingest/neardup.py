"""Near-duplicate bodies: word shingles, MinHash signatures and LSH bands, exact Jaccard to decide.

A republished copy differs from its original by a sign-off, a source line, a missing paragraph or
a few edited words. MinHash banding (64 bands of 2 rows) finds candidates in the store with one indexed lookup per
band; the exact Jaccard resemblance of the two shingle sets decides. The threshold was measured
on pairs built from the bundled snapshot (``python -m bench.neardup``; figures in docs/schema.md).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable

SHINGLE_WORDS = 3
NUM_PERM = 128
BANDS = 64
ROWS = NUM_PERM // BANDS
# Exact Jaccard of the 3-word shingle sets at or above which two bodies are one article: on the
# snapshot pairs, precision 1.000 and recall 0.889 (the most alike different stories: 0.16).
THRESHOLD = 0.25
# Bodies with fewer shingles than this are too short to call copies of anything.
MIN_SHINGLES = 8

_PRIME = (1 << 61) - 1
_MASK = (1 << 62) - 1  # band buckets fit a signed 64-bit column in SQLite and PostgreSQL
_rng = random.Random(20261120)  # fixed: signatures must be the same in every process
_PERMS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(NUM_PERM)]
_WORD = re.compile(r"\w+")


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """Hashed runs of ``size`` words, case-folded, punctuation ignored."""
    words = _WORD.findall(text.casefold())
    return {
        _hash64(" ".join(words[i : i + size]).encode("utf-8")) for i in range(len(words) - size + 1)
    }


def jaccard(a: set[int], b: set[int]) -> float:
    """|a ∩ b| / |a ∪ b|, 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def minhash(items: Iterable[int]) -> list[int]:
    """The MinHash signature (NUM_PERM minima of universal hashes) of a shingle set."""
    values = list(items)
    return [min((a * x + b) % _PRIME for x in values) for a, b in _PERMS]


def band_buckets(signature: list[int]) -> list[tuple[int, int]]:
    """(band, bucket) pairs: two bodies sharing any pair are candidates (LSH banding)."""
    out = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        digest = _hash64(b"".join(v.to_bytes(8, "big") for v in rows))
        out.append((band, digest & _MASK))
    return out


def body_buckets(body: str) -> list[tuple[int, int]]:
    """The LSH buckets of a body, or [] when it is too short to compare."""
    found = shingles(body)
    return band_buckets(minhash(found)) if len(found) >= MIN_SHINGLES else []


def resemblance(a: str, b: str) -> float:
    """Exact Jaccard resemblance of two bodies' shingle sets."""
    return jaccard(shingles(a), shingles(b))
