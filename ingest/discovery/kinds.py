"""Which discovery paths a crawl reads: frequent jobs read feeds only, daily ones everything."""

from __future__ import annotations

DISCOVERY_KINDS = ("feeds", "sitemaps", "archives")


def parse_discover(text: str | None) -> frozenset[str]:
    """``-a discover=feeds,sitemaps`` → the set; empty or absent means every path."""
    if not text or not text.strip():
        return frozenset(DISCOVERY_KINDS)
    kinds = frozenset(k.strip().lower() for k in text.split(",") if k.strip())
    unknown = sorted(kinds - set(DISCOVERY_KINDS))
    if unknown:
        raise ValueError(
            f"discover={text!r}: unknown {', '.join(unknown)}; choose from {', '.join(DISCOVERY_KINDS)}"
        )
    return kinds
