"""The crawl report as one self-contained HTML page: tables, and charts drawn by an inline script.

Nothing is fetched: the data is a JSON block, the script is inline and allowed by its hash in the
page's Content-Security-Policy, and every value from the store is escaped.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from importlib import resources
from typing import Any

from ingest.report.tally import FILLED_FIELDS
from ingest.store.crawls import CrawlRecord

# Read as package data, so it is found inside a zipped egg (scrapyd) too.
_SCRIPT = resources.files("ingest.report").joinpath("charts.js").read_text("utf-8")


@dataclass
class ReportData:
    """What the page shows: the crawls of the window and new articles per hour per source."""

    since: str
    crawls: list[CrawlRecord]
    per_hour: dict[str, dict[str, int]]


def chart_data(data: ReportData) -> dict[str, Any]:
    """The two charts' series, one per source each: new articles per hour (bars side by side,
    so sources stored in the same hour do not hide each other), and each crawl's mean fill
    rate over the metadata fields (a line joins one source's crawls only)."""
    per_hour = [
        {"name": source, "points": [[hour, n] for hour, n in sorted(hours.items())]}
        for source, hours in sorted(data.per_hour.items())
    ]
    fill: dict[str, list[list[Any]]] = defaultdict(list)
    for record in data.crawls:
        rates = record.summary.get("fill", {})
        if not record.summary.get("articles"):
            continue
        mean = sum(float(rates.get(name, 0)) for name in FILLED_FIELDS) / len(FILLED_FIELDS)
        fill[record.source].append([record.finished_at[:16], round(mean, 4)])
    return {
        "per_hour": per_hour,
        "fill": [
            {"name": source, "points": sorted(points)} for source, points in sorted(fill.items())
        ],
    }


def render(data: ReportData) -> str:
    """The whole page."""
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    payload = (
        json.dumps(chart_data(data), ensure_ascii=False)
        .replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    )  # fmt: skip
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>Crawl report since {escape(data.since[:16])}</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }}
table {{ border-collapse: collapse; margin: 8px 0 24px; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: right; }}
th:first-child, td:first-child, td.l {{ text-align: left; }}
.chart {{ margin: 8px 0 24px; }} .muted {{ color: #777; }}
</style></head>
<body data-charts-drawn="0">
<h1>Crawl report</h1>
<p class="muted">{len(data.crawls)} crawl rows since {escape(data.since[:16])}; generated {now}.</p>
<h2>New articles per hour, per source</h2>
<div class="chart" id="chart-per-hour"><p class="muted">{"" if data.per_hour else "No new articles in this window."}</p></div>
<h2>Metadata fill rate per crawl, per source (mean over the fields)</h2>
<div class="chart" id="chart-fill"></div>
<h2>Crawls</h2>
{_crawl_table(data.crawls)}
<h2>Fill rates, latest crawl of each source</h2>
{_fill_table(data.crawls)}
<script type="application/json" id="report-data">{payload}</script>
<script>{_SCRIPT}</script>
</body></html>
"""


def _crawl_table(crawls: list[CrawlRecord]) -> str:
    head = ("finished (UTC)", "source", "spider", "end", "pages", "MB", "articles", "new",
            "revised", "duplicates", "dropped", "boilerplate removed", "seconds")  # fmt: skip
    rows = []
    for r in reversed(crawls):
        s = r.summary
        drops = ", ".join(f"{k} {v}" for k, v in sorted(s.get("dropped", {}).items())) or "–"
        removed = ", ".join(f"{k} {v}" for k, v in sorted(s.get("boilerplate", {}).items())) or "–"
        cells = (r.finished_at[:16].replace("T", " "), r.source, r.spider, r.finish_reason,
                 s.get("pages", 0), f"{s.get('bytes', 0) / 1e6:.2f}", s.get("articles", 0),
                 s.get("new", 0), s.get("revised", 0), s.get("duplicates", 0), drops, removed,
                 s.get("seconds", ""))  # fmt: skip
        rows.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in cells) + "</tr>")
    return _table(head, rows)


def _fill_table(crawls: list[CrawlRecord]) -> str:
    latest: dict[str, CrawlRecord] = {}
    for r in crawls:
        if r.summary.get("articles"):
            latest[r.source] = r
    rows = []
    for source, r in sorted(latest.items()):
        fill = r.summary.get("fill", {})
        cells = [escape(source)] + [f"{float(fill.get(f, 0)):.0%}" for f in FILLED_FIELDS]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return _table(("source", *FILLED_FIELDS), rows)


def _table(head: tuple[str, ...], rows: list[str]) -> str:
    if not rows:
        return '<p class="muted">None in this window.</p>'
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
