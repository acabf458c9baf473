"""Discovery over the snapshot: every linked page is in the manifest, every article can be found,
entry points, feeds, archives and bad pages are as the crawl tests expect."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from ingest.sites.korrespondent import SITE
from tests.data.snapshot_files import (
    SITE_HOSTS,
    SM,
    SNAPSHOT,
    good_urls,
    resources,
    text,
)

# ------------------------------------------------------------------------------- discovery


@cache
def discovery() -> dict[str, dict[str, set[str]]]:
    """Article URL → {"feed", "sitemap", "archive", "archive_p2"...} → the pages that link it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for url, res in resources("feed").items():
        root = etree.fromstring((SNAPSHOT / res["file"]).read_bytes())
        for link in root.iter("link"):
            if link.getparent().tag == "item":
                found[link.text.strip()]["feed"].add(url)
    for url, res in resources("sitemap").items():
        root = etree.fromstring((SNAPSHOT / res["file"]).read_bytes())
        if root.tag == f"{SM}urlset":
            for loc in root.iter(f"{SM}loc"):
                found[loc.text.strip()]["sitemap"].add(url)
    for url, res in resources("archive").items():
        tree = lxml.html.document_fromstring((SNAPSHOT / res["file"]).read_bytes())
        where = "archive_p2" if re.search(r"/p\d+/$", url) else "archive"
        for a in tree.cssselect(SITE.list_selectors.article_link):
            href = urljoin(url, a.get("href"))
            if urlsplit(href).hostname in SITE_HOSTS:
                found[href][where].add(url)
    return found


def test_every_linked_page_is_in_the_manifest() -> None:
    known = resources()
    for url in discovery():
        assert url in known, f"linked but not in the manifest: {url}"
    for res in resources("sitemap").values():
        root = etree.fromstring((SNAPSHOT / res["file"]).read_bytes())
        for loc in root.iter(f"{SM}loc"):
            assert loc.text.strip() in known, loc.text
    for url, res in resources("archive").items():
        tree = lxml.html.document_fromstring((SNAPSHOT / res["file"]).read_bytes())
        for a in tree.cssselect(".pagination a, .archive-calendar a"):
            assert urljoin(url, a.get("href")) in resources("archive"), a.get("href")
    for url, res in resources("robots").items():
        sitemaps = re.findall(
            r"^Sitemap: (\S+)$", (SNAPSHOT / res["file"]).read_text("utf-8"), re.M
        )
        assert sitemaps and all(resources()[s]["kind"] == "sitemap" for s in sitemaps), url


def test_every_article_and_bad_page_is_discoverable() -> None:
    found = discovery()
    for url in [*good_urls(), *resources("bad")]:
        assert url in found, f"{url} is linked from no feed, sitemap or archive"


def test_discovery_paths_overlap_and_each_has_exclusive_articles() -> None:
    found = discovery()
    for host in SITE_HOSTS:
        paths = {u: frozenset(found[u]) for u in good_urls() if urlsplit(u).hostname == host}
        assert frozenset({"feed"}) in paths.values(), f"{host}: no feed-only article"
        assert frozenset({"sitemap"}) in paths.values(), f"{host}: no sitemap-only article"
        assert frozenset({"archive_p2"}) in paths.values(), (
            f"{host}: no archive-page-2-only article"
        )
        assert sum(1 for p in paths.values() if {"feed", "sitemap", "archive"} <= p) >= 5, host


def test_entry_points_exist() -> None:
    known = resources()
    for url in (
        "https://k.img.com.ua/rss/ru/all_news2.0.xml",
        "https://k.img.com.ua/rss/ua/all_news2.0.xml",
        "https://k.img.com.ua/rss/ru/ukraine.xml",
        "https://k.img.com.ua/rss/ua/ukraine.xml",
        "https://korrespondent.net/sitemap/ru/sitemap.xml",
        "https://ua.korrespondent.net/sitemap/ua/sitemap.xml",
        "https://korrespondent.net/all/2026/november/20/",
        "https://korrespondent.net/all/2026/november/20/p2/",
        "https://korrespondent.net/all/2026/november/19/",
        "https://ua.korrespondent.net/all/2026/november/20/",
        "https://ua.korrespondent.net/all/2026/november/20/p2/",
        "https://ua.korrespondent.net/all/2026/november/19/",
        "https://korrespondent.net/robots.txt",
        "https://ua.korrespondent.net/robots.txt",
    ):
        assert url in known, url
    for edition in SITE.editions:  # whatever the spider starts from is served
        for url in (*edition.feeds, *edition.sitemaps):
            assert url in known, url


def test_feed_items_carry_rss_fields() -> None:
    for url, res in resources("feed").items():
        root = etree.fromstring((SNAPSHOT / res["file"]).read_bytes())
        items = root.findall("channel/item")
        assert items, url
        for item in items:
            for field in ("title", "link", "pubDate", "category", "author"):
                assert (item.findtext(field) or "").strip(), f"{url}: item without {field}"
            assert re.fullmatch(
                r"\w{3}, \d\d \w{3} 2026 \d\d:\d\d:\d\d \+0200", item.findtext("pubDate")
            )


def test_archive_first_pages_hold_an_offsite_ad() -> None:
    for url, res in resources("archive").items():
        tree = lxml.html.document_fromstring((SNAPSHOT / res["file"]).read_bytes())
        ads = [
            a for a in tree.cssselect(SITE.list_selectors.article_link)
            if "Реклама" in [text(e) for e in a.cssselect("em")]
        ]  # fmt: skip
        if re.search(r"/p\d+/$", url):
            assert not ads, url
        else:
            assert ads and all(urlsplit(a.get("href")).hostname not in SITE_HOSTS for a in ads), url


def test_bad_pages_cover_each_failure() -> None:
    bad = resources("bad")
    assert {r["bad_reason"] for r in bad.values()} >= {
        "not_found",
        "server_error",
        "empty_body",
        "no_title_no_body",
    }
    assert {r["status"] for r in bad.values()} >= {404, 500, 200}
    for url, res in bad.items():
        if res["bad_reason"] == "no_title_no_body":
            tree = lxml.html.document_fromstring((SNAPSHOT / res["file"]).read_bytes())
            assert not tree.cssselect(SITE.selectors.title)
            body = tree.cssselect(SITE.selectors.body)
            for el in body[0].cssselect("script"):
                el.drop_tree()
            assert not text(body[0]), url
