"""One paragraph splitter: a site's chosen body is cut into lines exactly as the generic path cuts
a page (``<br>`` ends a line, a data row is one line, chrome inside the body is skipped)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ingest.extract import extract
from ingest.sites.base import Edition, Selectors, SiteProfile

URL = "https://split.example/news/77-bridge-reopens"
FETCHED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SITE = SiteProfile(
    name="splitpress",
    parser_version="splitpress/1",
    timezone="UTC",
    editions=(Edition(language="en", host="split.example"),),
    article_url=re.compile(r"^https://split\.example/news/(?P<id>\d+)-[a-z-]+$"),
    selectors=Selectors(title="h1", body="div.story"),
)
LINES = [
    "The old bridge over the river reopened on Monday after two years of repairs to its piers.",
    "Engineers replaced the deck, the railings and the lamps, and strengthened all four piers.",
    "Traffic will be limited to buses and bicycles until the spring, the city council said.",
    "Cars and vans are expected to return in April, once the approach roads are resurfaced.",
    "Buses 12 and 14 cross every ten minutes, stopping at both ends of the bridge each time.",
]
PAGE = f"""<!doctype html><html lang="en"><head><title>Bridge reopens</title></head><body>
<h1>Bridge reopens</h1><div class="story">
<p>{LINES[0]}</p><p>{LINES[1]}<br>{LINES[2]}</p>
<nav><a href="/a">Home</a> <a href="/b">World news and all the other sections</a></nav>
<p>{LINES[3]}</p>
<table><tr><td>{LINES[4][:40]}</td><td>{LINES[4][41:]}</td></tr></table>
</div></body></html>"""


def test_a_site_body_is_cut_into_lines_as_the_generic_path_cuts_them() -> None:
    site = extract(PAGE, URL, FETCHED, SITE)
    generic = extract(PAGE, URL, FETCHED)
    assert site.parser == "splitpress/1" and generic.parser.startswith("generic/")
    assert site.body.split("\n") == LINES
    assert generic.body.split("\n") == LINES
