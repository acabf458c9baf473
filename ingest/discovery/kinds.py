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


def parse_count(
    text: str | int | None, name: str, default: int | None = None, least: int = 1
) -> int | None:
    """``-a limit=N`` / ``-a depth=N`` → a whole number of at least ``least``; ValueError names
    the argument (``limit=0`` would fetch nothing, so it is refused rather than run)."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return default
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{name}={text!r}: expected a whole number of {least} or more") from None
    if value < least:
        raise ValueError(f"{name}={str(text)!r}: expected a whole number of {least} or more")
    return value
