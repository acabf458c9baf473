"""What the stored dataset holds: counts per source, language and day, duplicates, revisions."""

from __future__ import annotations

from typing import Any, TextIO

from ingest.store.sql import SqlStore


def dataset_stats(store: SqlStore) -> dict[str, Any]:
    """Counts for ``ingest stats``; days are publication days in UTC (``unknown`` when none)."""

    def grouped(expression: str) -> dict[str, int]:
        sql = f"SELECT {expression} AS k, COUNT(*) FROM articles GROUP BY k ORDER BY k"
        return {str(k if k is not None else "unknown"): int(n) for k, n in store.all(sql)}

    def number(sql: str) -> int:
        return int(store.one(sql)[0] or 0)

    return {
        "articles": store.count(),
        "per_source": grouped("source"),
        "per_language": grouped("language"),
        "per_day": grouped("substr(published_at, 1, 10)"),
        "duplicates": number("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "with_translations": number("SELECT COUNT(*) FROM articles WHERE translations <> '[]'"),
        "revisions": number("SELECT COUNT(*) FROM revisions"),
        "revised_articles": number("SELECT COUNT(DISTINCT canonical_url) FROM revisions"),
        "url_aliases": number(
            "SELECT COUNT(*) FROM article_urls u JOIN articles a ON a.canonical_url = "
            "u.canonical_url WHERE u.url <> a.canonical_url"
        ),
    }


def print_stats(stats: dict[str, Any], where: str, out: TextIO) -> None:
    """The counts as a short readable report."""
    out.write(f"{where}: {stats['articles']} articles\n")
    out.write(
        f"  near-duplicates (duplicate_of): {stats['duplicates']}\n"
        f"  with translations:              {stats['with_translations']}\n"
        f"  revisions kept:                 {stats['revisions']} "
        f"(of {stats['revised_articles']} articles)\n"
        f"  other URLs of stored articles:  {stats['url_aliases']}\n"
    )
    for title, key in (("per source", "per_source"), ("per language", "per_language"),
                       ("per day (published, UTC)", "per_day")):  # fmt: skip
        out.write(f"{title}:\n")
        width = max((len(k) for k in stats[key]), default=0)
        for name, n in stats[key].items():
            out.write(f"  {name:<{width}}  {n:>7}\n")
