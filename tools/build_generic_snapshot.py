"""Build ``data/snapshot-generic/``: synthetic news sites the ``news`` spider discovers by
sitemaps, by feeds and by following links (specs in ``tools/generic_snapshot_specs.py``, and
``tools/generic_snapshot_opaque.py`` for the sites whose article URLs carry no date or slug).

Deterministic: the same specs give the same bytes (gzip without a timestamp). Expected records
come from the specs, never from our extractor. Run: ``python tools/build_generic_snapshot.py``.
"""

from __future__ import annotations

import gzip
import html
import json
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generic_snapshot_opaque as opaque
import generic_snapshot_specs as specs
from generic_snapshot_pages import (
    HTML,
    MARK,
    NEWS_NS,
    XML,
    article_page,
    expected,
    news_url,
    not_article_page,
    page,
    slug,
    xml,
)

OUT = Path(__file__).resolve().parents[1] / "data" / "snapshot-generic"
CAPTURED_AT = "2026-11-20T10:30:00+00:00"


def main(out: Path = OUT) -> None:
    global OUT
    OUT = out
    if OUT.exists():
        shutil.rmtree(OUT)
    resources: dict[str, dict[str, Any]] = {}
    a, b, c = specs.A, specs.B, specs.C
    for root in (a, b, c):
        robots = "User-agent: *\nAllow: /\n"
        if root == a:
            robots += f"\nSitemap: {a}/sitemap_index.xml\nSitemap: https://cdn.elsewhere.example/sitemap.xml\n"
        _put(
            resources,
            f"{root}/robots.txt",
            f"# {MARK}\n{robots}",
            "text/plain; charset=utf-8",
            "robots",
        )
    _sitemaps(resources)
    _feeds(resources)
    _listings(resources)
    opaque.build(lambda url, body, kind_of, kind: _put(resources, url, body, kind_of, kind))
    for spec in [*specs.ARTICLES, *opaque.ARTICLES]:
        name = slug(spec["url"])
        _put(resources, spec["url"], article_page(spec), HTML, "article", f"expected/{name}.json")
        _write(
            f"expected/{name}.json",
            json.dumps(expected(spec), ensure_ascii=False, indent=2) + "\n",
        )
    for spec in [*specs.NOT_ARTICLES, *opaque.NOT_ARTICLES]:
        # A live blog is stored (record kind "liveblog"); a video page is not an article.
        kind = "liveblog" if spec["type"] == "LiveBlogPosting" else "not_article"
        _put(resources, spec["url"], not_article_page(spec), HTML, kind)
    manifest = {
        "synthetic": True,
        "captured_at": CAPTURED_AT,
        "note": "Synthetic offline snapshot of six invented news sites under .example, built by "
        "tools/build_generic_snapshot.py from tools/generic_snapshot_specs.py and "
        "tools/generic_snapshot_opaque.py; one discovery path each (sitemap, feed, links), the "
        "last three with article URLs that carry no date or slug. Served by ingest.replay like "
        "data/snapshot.",
        "sites": [
            {"name": s["name"], "start_url": s["root"] + "/", "discovery": s["discovery"]}
            for s in [*specs.SITES, *opaque.SITES]
        ],
        "skipped_links": {**specs.SKIPPED_LINKS, **opaque.SKIPPED_LINKS},
        "resources": dict(sorted(resources.items())),
    }
    _write("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {len(resources)} resources to {OUT}")


def _sitemaps(resources: dict[str, dict[str, Any]]) -> None:
    a = specs.A
    index = [
        (f"{a}/sitemaps/news.xml", "2026-11-20T10:00:00+02:00"),
        (f"{a}/sitemaps/pages.xml.gz", "2026-11-20T06:00:00+02:00"),
        (f"{a}/sitemaps/wrong-ns.xml", "2026-11-18T20:00:00+02:00"),
        (f"{a}/sitemaps/2026-10.xml", "2026-10-31T23:00:00+02:00"),  # out of range: never fetched
        (f"{a}/sitemaps/broken.xml", ""),
        (f"{a}/sitemaps/fake.xml.gz", ""),
        ("https://cdn.elsewhere.example/news-sitemap.xml", ""),  # off-site: never fetched
    ]
    rows = "".join(
        f"<sitemap><loc>{u}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</sitemap>\n"
        for u, m in index
    )
    _put(resources, f"{a}/sitemap_index.xml", xml("sitemapindex", rows), XML, "sitemap")
    news_rows = []
    for spec in [*specs.ARTICLES, *specs.NOT_ARTICLES]:
        if "news" in spec:
            news_rows.append(news_url(spec["url"], spec["news"], spec["title"]))
    for url in specs.SKIPPED_LINKS["sitemap"]:
        news_rows.append(news_url(url, {"date": "2026-11-20T09:00:00+02:00"}, "Не стаття"))
    old = specs.OUT_OF_RANGE["sitemap"]
    news_rows.append(news_url(old["url"], {"date": old["date"]}, "Стара новина"))
    news = xml("urlset", "".join(news_rows), f' xmlns:news="{NEWS_NS}"')
    _put(resources, f"{a}/sitemaps/news.xml", news, XML, "sitemap")
    plain = [(s["url"], s["date"]) for s in specs.ARTICLES if s.get("sitemap") == "pages"]
    plain += [(f"{a}/", "2026-11-20T06:00:00+02:00"), (f"{a}/about/", "2025-01-10")]
    rows = "".join(f"<url><loc>{u}</loc><lastmod>{m}</lastmod></url>\n" for u, m in plain)
    packed = gzip.compress(xml("urlset", rows).encode("utf-8"), mtime=0)
    _put(resources, f"{a}/sitemaps/pages.xml.gz", packed, "application/gzip", "sitemap")
    rows = "".join(
        f"<url><loc>{s['url']}</loc><lastmod>{s['date']}</lastmod></url>\n"
        for s in specs.ARTICLES
        if s.get("sitemap") == "wrong-ns"
    )
    old_ns = '<urlset xmlns="http://www.google.com/schemas/sitemap/0.84">'
    wrong = xml("urlset", rows).replace(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', old_ns
    )
    _put(resources, f"{a}/sitemaps/wrong-ns.xml", wrong, XML, "sitemap")
    error_page = "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>"
    _put(resources, f"{a}/sitemaps/broken.xml", error_page, HTML, "bad")
    _put(resources, f"{a}/sitemaps/fake.xml.gz", b"this is not gzip\n", "application/gzip", "bad")


def _feeds(resources: dict[str, dict[str, Any]]) -> None:
    b = specs.B
    items = [
        (s["url"], s["title"], s["feed"]["date"], s["feed"]["category"], s["author"])
        for s in specs.ARTICLES
        if "feed" in s
    ]
    items += [
        (u, "Не стаття", "Fri, 20 Nov 2026 07:00:00 +0200", "", "")
        for u in specs.SKIPPED_LINKS["feed"]
    ]
    old = specs.OUT_OF_RANGE["feed"]
    items.append((old["url"], "Стара новина", old["date"], "", ""))
    body = "".join(
        f"<item><title>{html.escape(t)}</title><link>{u}</link><pubDate>{d}</pubDate>"
        + (f"<category>{html.escape(cat)}</category>" if cat else "")
        + (f"<author>{html.escape(au)}</author>" if au else "")
        + "</item>\n"
        for u, t, d, cat, au in items
    )
    rss = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- {MARK} -->\n<rss version="2.0"><channel>'
        f"<title>Львівські новини</title><link>{b}/</link>\n{body}</channel></rss>\n"
    )
    _put(resources, f"{b}/rss/all.xml", rss, "application/rss+xml; charset=utf-8", "feed")
    broken = '<?xml version="1.0"?>\n<html><body>502 Bad Gateway</body></html>\n'
    _put(resources, f"{b}/rss/broken.xml", broken, "application/rss+xml", "bad")


def _listings(resources: dict[str, dict[str, Any]]) -> None:
    a, b, c = specs.A, specs.B, specs.C
    site_a = [s["url"] for s in specs.ARTICLES if s["url"].startswith(a)][:2]
    _put(resources, f"{a}/", page("Дніпровські вісті", site_a, a), HTML, "home")
    feeds = (
        f'<link rel="alternate" type="application/rss+xml" title="Усі новини" href="/rss/all.xml">'
        f'<link rel="alternate" type="application/rss+xml" href="{b}/rss/broken.xml">'
        '<link rel="alternate" type="application/atom+xml" href="https://feeds.elsewhere.example/lviv.atom">'
    )
    site_b = [s["url"] for s in specs.ARTICLES if s["url"].startswith(b)]
    _put(resources, f"{b}/", page("Львівські новини", site_b, b, feeds), HTML, "home")
    in_c = [s for s in [*specs.ARTICLES, *specs.NOT_ARTICLES] if s["url"].startswith(c)]
    home = [s["url"] for s in in_c if "listed_on" not in s]
    home += [f"{c}/novyny/", *specs.SKIPPED_LINKS["links"]]
    _put(resources, f"{c}/", page("Полтава Daily", home, c), HTML, "home")
    section = [s["url"] for s in in_c if s.get("listed_on") == "section"] + [f"{c}/novyny/page/2/"]
    _put(resources, f"{c}/novyny/", page("Новини", section, c), HTML, "listing")
    page2 = [s["url"] for s in in_c if s.get("listed_on") == "page2"] + [f"{c}/novyny/page/3/"]
    _put(resources, f"{c}/novyny/page/2/", page("Новини, сторінка 2", page2, c), HTML, "listing")


def _put(resources: dict[str, dict[str, Any]], url: str, body: str | bytes, content_type: str,
         kind: str, expected: str | None = None) -> None:  # fmt: skip
    parts = urlsplit(url)
    path = parts.path if not parts.path.endswith("/") else parts.path + "index.html"
    name = f"{parts.hostname}{path}"
    _write(name, body)
    resources[url] = {"file": name, "status": 200, "content_type": content_type, "kind": kind}
    if expected:
        resources[url]["expected"] = expected


def _write(name: str, body: str | bytes) -> None:
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
