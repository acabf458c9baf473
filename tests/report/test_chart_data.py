"""The report's chart series: one per source, so sources crawled in the same hour stay apart and
a fill-rate line never joins one source's crawl to another's."""

from __future__ import annotations

from typing import Any

from ingest.report.page import ReportData, chart_data
from ingest.report.tally import FILLED_FIELDS
from ingest.store.crawls import CrawlRecord


def _crawl(crawl_id: str, source: str, finished: str, fill: float, articles: int) -> CrawlRecord:
    summary: dict[str, Any] = {"articles": articles, "fill": dict.fromkeys(FILLED_FIELDS, fill)}
    return CrawlRecord(crawl_id, source, "news", finished, finished, "finished", summary)


def test_two_sources_crawled_in_the_same_hour_are_two_series() -> None:
    crawls = [
        _crawl("c1", "alpha", "2026-11-20T10:05:00+00:00", 1.0, 10),
        _crawl("c2", "beta", "2026-11-20T10:20:00+00:00", 0.2, 10),
        _crawl("c3", "alpha", "2026-11-20T12:05:00+00:00", 0.9, 10),
    ]
    per_hour = {"alpha": {"2026-11-20T10": 10, "2026-11-20T12": 4}, "beta": {"2026-11-20T10": 10}}
    charts = chart_data(ReportData("2026-11-20", crawls, per_hour))

    assert [(s["name"], s["points"]) for s in charts["per_hour"]] == [
        ("alpha", [["2026-11-20T10", 10], ["2026-11-20T12", 4]]),
        ("beta", [["2026-11-20T10", 10]]),
    ]
    fill = {s["name"]: s["points"] for s in charts["fill"]}
    assert fill == {
        "alpha": [["2026-11-20T10:05", 1.0], ["2026-11-20T12:05", 0.9]],
        "beta": [["2026-11-20T10:20", 0.2]],
    }


def test_a_crawl_of_two_sources_gives_each_its_own_point() -> None:
    crawls = [
        _crawl("c1", "alpha", "2026-11-20T10:05:00+00:00", 1.0, 3),
        _crawl("c1", "beta", "2026-11-20T10:05:00+00:00", 0.0, 1),
        _crawl("c2", "gamma", "2026-11-20T11:00:00+00:00", 0.5, 0),  # no articles: no rate
    ]
    fill = {s["name"]: s["points"] for s in chart_data(ReportData("", crawls, {}))["fill"]}
    assert fill == {"alpha": [["2026-11-20T10:05", 1.0]], "beta": [["2026-11-20T10:05", 0.0]]}
