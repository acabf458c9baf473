"""Per-field composition: a site module overrides one field and inherits every other one."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from ingest.extract import extract
from ingest.extract.fields import FIELDS, ArticleFields, extract_fields
from ingest.extract.page import parse_html
from ingest.sites import SITES
from tests.sites.quiet_press import SITE, QuietPressFields
from tests.snapshot_data import articles, captured_at

URL = "https://quiet.example/news/4711-tram-line-grows"
FETCHED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PARAGRAPH = (
    "The city council voted on Tuesday to extend the tram line by four kilometres, adding six "
    "stops between the station and the new hospital, with work to start in the spring."
)
PAGE = f"""<!doctype html><html lang="en"><head><title>Tram line grows | Quiet Press</title>
<meta property="og:title" content="Tram line grows">
<meta name="author" content="Quiet Press Desk">
<meta property="article:published_time" content="2026-11-19T08:30:00+00:00">
<meta property="article:section" content="City">
<meta name="keywords" content="trams, council"></head>
<body><article><h1>Tram line grows</h1>
<p>{PARAGRAPH}</p><p>{PARAGRAPH.replace("Tuesday", "Monday")}</p>
<p>{PARAGRAPH.replace("four", "five")}</p>
<footer><span data-writer="Olena  Kovalenko"></span><span data-writer="Mark Reed"></span></footer>
</article></body></html>"""
# What names the site rather than the page: the registered source, its parser and article id.
IDENTITY = {"source", "parser", "source_article_id"}


def test_the_site_module_overrides_exactly_one_field() -> None:
    assert all(callable(vars(ArticleFields)[name]) for name in FIELDS)  # one method per field
    own = [name for name in FIELDS if name in vars(QuietPressFields)]
    assert own == ["authors"]
    assert issubclass(QuietPressFields, ArticleFields)


def test_the_override_is_used_and_every_other_field_is_the_generic_one() -> None:
    ours = extract(PAGE, URL, FETCHED, SITE).to_dict()
    generic = extract(PAGE, URL, FETCHED).to_dict()
    assert ours["authors"] == ["Olena Kovalenko", "Mark Reed"]
    assert generic["authors"] != ours["authors"]  # the generic path reads the page's meta
    identity = (ours["source"], ours["parser"], ours["source_article_id"])
    assert identity == ("quietpress", "quietpress/1", "4711")
    rest = set(ours) - {"authors"} - IDENTITY
    assert {k: ours[k] for k in rest} == {k: generic[k] for k in rest}
    assert ours["title"] == "Tram line grows" and ours["section"] == "City"
    assert ours["body"].count("\n") == 2 and ours["published_at"] == "2026-11-19T08:30:00+00:00"


def test_a_selector_site_overriding_one_field_keeps_its_selectors_for_the_rest() -> None:
    class NoTags(ArticleFields):
        def tags(self) -> list[str]:
            return ["override"]

    site = dataclasses.replace(SITES["korrespondent"], fields=NoTags)
    item = articles()[0]
    html = item.html_path.read_bytes()
    ours = extract(html, item.url, captured_at(), site).to_dict()
    selectors = extract(html, item.url, captured_at(), SITES["korrespondent"]).to_dict()
    assert ours["tags"] == ["override"] != selectors["tags"]
    assert {k: v for k, v in ours.items() if k != "tags"} == {
        k: v for k, v in selectors.items() if k != "tags"
    }


def test_the_generic_layout_is_computed_only_when_a_field_needs_it() -> None:
    item = articles()[0]
    site = SITES["korrespondent"]
    page = parse_html(item.html_path.read_bytes(), item.url, captured_at())
    extract_fields(page, site)  # the selectors give body and lead: no layout needed
    assert "main_text" not in page.derived
    generic_page = parse_html(PAGE, URL, FETCHED)
    extract_fields(generic_page, SITE)  # no body selector: the generic body needs the layout
    assert "main_text" in generic_page.derived
