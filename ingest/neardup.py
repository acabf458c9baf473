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
import zlib
from collections.abc import Iterable

import numpy as np

SHINGLE_WORDS = 3
NUM_PERM = 128
BANDS = 64
ROWS = NUM_PERM // BANDS
# Exact Jaccard of the 3-word shingle sets at or above which two bodies are one article: on the
# snapshot pairs, precision 1.000 and recall 0.889 (the most alike different stories: 0.16).
THRESHOLD = 0.25
# Bodies with fewer shingles than this are too short to call copies of anything.
MIN_SHINGLES = 8
# Words of a body that are shingled: far more than any article has; what a 7 MB page holds beyond
# them does not decide whether it is a copy.
MAX_WORDS = 50_000

_PRIME = (1 << 61) - 1
_MASK = (1 << 62) - 1  # band buckets fit a signed 64-bit column in SQLite and PostgreSQL
_rng = random.Random(20261120)  # fixed: signatures must be the same in every process
_PERMS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(NUM_PERM)]
_A = np.array([a for a, _ in _PERMS], dtype=np.uint64)
_B = np.array([b for _, b in _PERMS], dtype=np.uint64)
_LOW32 = (1 << 32) - 1
_BLOCK = 4096  # shingles hashed at once: 4096 × 128 × 8 bytes = 4 MiB per temporary table
_WORD = re.compile(r"\w+")


def _hash64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """Runs of ``size`` words, case-folded, punctuation ignored, as 32-bit hashes (CRC-32: fast
    and the same in every process; MinHash uses 32 bits of each anyway)."""
    words = _WORD.findall(_head(text).casefold())
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode("utf-8"))
        for i in range(len(words) - size + 1)
    }


def _head(text: str) -> str:
    """The text up to its MAX_WORDS-th word: a copy is told apart within that, and a body of
    millions of words would otherwise cost memory in proportion (words, shingles, hashes)."""
    for count, word in enumerate(_WORD.finditer(text)):
        if count == MAX_WORDS:
            return text[: word.start()]
    return text


def jaccard(a: set[int], b: set[int]) -> float:
    """|a ∩ b| / |a ∪ b|, 0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def minhash(items: Iterable[int]) -> list[int]:
    """The MinHash signature (NUM_PERM minima of universal hashes) of a shingle set.

    Computed as datasketch does, vectorized: shingle hashes cut to 32 bits, ``(a * x + b)`` in
    wrapping 64-bit arithmetic, then modulo the Mersenne prime 2**61 - 1."""
    values = np.fromiter((x & _LOW32 for x in items), dtype=np.uint64)
    if values.size == 0:
        return [int(_PRIME)] * NUM_PERM
    # In blocks of _BLOCK shingles: the table of every shingle × NUM_PERM hashes grew with the
    # body (a 2.5 MB article took the crawl to 1.78 GB); a running minimum needs one block.
    signature = np.full(NUM_PERM, _PRIME, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, values.size, _BLOCK):
            hashed = (np.outer(values[start : start + _BLOCK], _A) + _B) % np.uint64(_PRIME)
            np.minimum(signature, hashed.min(axis=0), out=signature)
    return [int(v) for v in signature]


def band_buckets(signature: list[int]) -> list[tuple[int, int]]:
    """(band, bucket) pairs: two bodies sharing any pair are candidates (LSH banding)."""
    raw = np.asarray(signature, dtype=">u8").tobytes()  # each value as 8 big-endian bytes
    step = ROWS * 8
    return [(band, _hash64(raw[band * step : (band + 1) * step]) & _MASK) for band in range(BANDS)]


def buckets_of(found: set[int]) -> list[tuple[int, int]]:
    """The LSH buckets of a shingle set, or [] when it is too small to compare."""
    return band_buckets(minhash(found)) if len(found) >= MIN_SHINGLES else []


def body_buckets(body: str) -> list[tuple[int, int]]:
    """The LSH buckets of a body, or [] when it is too short to compare."""
    return buckets_of(shingles(body))


def resemblance(a: str, b: str) -> float:
    """Exact Jaccard resemblance of two bodies' shingle sets."""
    return jaccard(shingles(a), shingles(b))
