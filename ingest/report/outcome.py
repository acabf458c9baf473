"""Whether a crawl did its job, as an exit code a scheduler can trust and the cause in words.

The rule (README, "Exit codes"): a crawl succeeded when every article it extracted is stored and
it either stored something or found its articles already stored. It failed when extracted
articles could not be stored (3), or when it ended with nothing stored and nothing already
stored (4): every entry dated outside the window, no page reachable, or no page an article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OK = 0
NOT_STORED = 3
NOTHING_STORED = 4

_DISCOVERY = "ingest/discovery/"
_EXCEPTIONS = "downloader/exception_type_count/"


@dataclass(frozen=True)
class Outcome:
    """An exit code and the one line that explains it."""

    code: int
    cause: str


def crawl_outcome(stats: dict[str, Any]) -> Outcome:
    """The outcome of a crawl from its final stats."""

    def n(key: str) -> int:
        return int(stats.get(key, 0) or 0)

    extracted = n("ingest/extracted")
    not_stored = n("ingest/store/not_stored")
    if not_stored:
        return Outcome(
            NOT_STORED,
            f"{not_stored} extracted articles not stored (store failures; their URLs are in "
            "ingest/store/not_stored_urls)",
        )
    stored = sum(n(f"ingest/store/{k}") for k in ("inserted", "updated", "unchanged"))
    already = n("ingest/incremental/skipped") + n("ingest/http/not_modified")
    if stored:
        return Outcome(OK, f"{stored} articles stored")
    if already:
        return Outcome(OK, f"nothing new: {already} article pages already stored")
    if extracted:  # extracted, all dropped as duplicates of each other or not handed to the store
        return Outcome(OK, f"{extracted} articles extracted, none new to store")
    return Outcome(NOTHING_STORED, "nothing stored: " + _why_nothing(stats, n))


def _why_nothing(stats: dict[str, Any], n: Any) -> str:
    out_of_range = n(f"{_DISCOVERY}out_of_range") + n(f"{_DISCOVERY}sitemap_out_of_range")
    dropped = _counts(stats, "ingest/dropped/")
    if not n("downloader/response_count"):
        failures = {
            k.removeprefix(_EXCEPTIONS).rsplit(".", 1)[-1]: int(v)
            for k, v in stats.items()
            if k.startswith(_EXCEPTIONS)
        }
        if n("ingest/netguard/refused"):
            failures["refused by the network guard"] = n("ingest/netguard/refused")
        return "no page could be fetched" + _listed(failures)
    if dropped:
        return "no fetched page became an article" + _listed(dropped)
    if out_of_range:
        return (
            f"every article entry found ({out_of_range}) was dated outside the date window "
            "(since/until)"
        )
    problems = {
        k.removeprefix(_DISCOVERY): int(v)
        for k, v in stats.items()
        if k.startswith(_DISCOVERY) and any(p in k for p in ("bad_", "failed/", "offsite_"))
    }
    if n("robotstxt/forbidden"):
        problems["forbidden by robots.txt"] = n("robotstxt/forbidden")
    return "no article page found in feeds, sitemaps or archives" + _listed(problems)


def _counts(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {k.removeprefix(prefix): int(v) for k, v in stats.items() if k.startswith(prefix) and v}


def _listed(counts: dict[str, int]) -> str:
    if not counts:
        return ""
    return " (" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + ")"
