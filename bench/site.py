"""A generated korrespondent.net site of N article pages, as a snapshot folder the replay serves.

Pages are the bundled snapshot's articles with new ids (URL, canonical, JSON-LD) and a numbered
sentence in the body, so every page is a distinct article; one sitemap index per edition lists
them all, dated on the capture day, so the real spider discovers them as on the live site.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "snapshot"
FIRST_ID = 7_000_000
PER_SITEMAP = 1000
_BODY_START = re.compile(r'(<div class="post-item__text">.*?<p>)', re.S)
_EMPTY_FEED = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>bench</title></channel></rss>'
_EMPTY_ARCHIVE = "<!DOCTYPE html><html><head><title>archive</title></head><body></body></html>"


@dataclass(frozen=True)
class GeneratedSite:
    """Where the site was written, its capture day and its article pages (URL, file)."""

    root: Path
    day: str
    articles: list[tuple[str, Path]]


def generate(root: Path, pages: int) -> GeneratedSite:
    """Write ``pages`` article pages (and robots, feeds, archives, sitemaps) under ``root``."""
    manifest = json.loads((SNAPSHOT / "manifest.json").read_text("utf-8"))
    day = manifest["captured_at"][:10]
    templates = []
    resources: dict[str, dict[str, object]] = {}
    for url, res in manifest["resources"].items():
        kind = res.get("kind")
        if kind == "article":
            templates.append((url, (SNAPSHOT / res["file"]).read_text("utf-8")))
        elif kind == "robots":
            _put(root, resources, url, (SNAPSHOT / res["file"]).read_text("utf-8"), res)
        elif kind == "feed":
            _put(root, resources, url, _EMPTY_FEED, res)
        elif kind == "archive":
            _put(root, resources, url, _EMPTY_ARCHIVE, res)
    templates.sort()
    html_type = {"content_type": "text/html; charset=utf-8"}
    by_host: dict[str, list[str]] = {}
    articles = []
    for n in range(pages):
        url, html = templates[n % len(templates)]
        old_id = re.search(r"/(\d{4,})-", url).group(1)  # type: ignore[union-attr]
        new_id = str(FIRST_ID + n)
        new_url = url.replace(f"/{old_id}-", f"/{new_id}-")
        page = html.replace(old_id, new_id)
        marker = f"Выпуск {n}, заметка {new_id}. "
        page = _BODY_START.sub(lambda m, marker=marker: m.group(1) + marker, page, count=1)
        path = _put(root, resources, new_url, page, {**html_type, "kind": "article"})
        articles.append((new_url, path))
        by_host.setdefault(new_url.split("/")[2], []).append(new_url)
    for host, urls in by_host.items():
        _sitemaps(root, resources, host, urls, day)
    captured = manifest["captured_at"]
    (root / "manifest.json").write_text(
        json.dumps({"synthetic": True, "captured_at": captured, "resources": resources}), "utf-8"
    )
    return GeneratedSite(root, day, articles)


def _sitemaps(root: Path, resources: dict, host: str, urls: list[str], day: str) -> None:
    lang = "ua" if host.startswith("ua.") else "ru"
    children = []
    for k in range(0, len(urls), PER_SITEMAP):
        child = f"https://{host}/sitemap/{lang}/bench-{k // PER_SITEMAP}.xml"
        entries = "".join(
            f"<url><loc>{escape(u)}</loc><lastmod>{day}T12:00:00+02:00</lastmod></url>"
            for u in urls[k : k + PER_SITEMAP]
        )
        _put(root, resources, child, _urlset(entries), {"content_type": "application/xml"})
        children.append(f"<sitemap><loc>{child}</loc><lastmod>{day}</lastmod></sitemap>")
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(children)
        + "</sitemapindex>"
    )
    top = f"https://{host}/sitemap/{lang}/sitemap.xml"
    _put(root, resources, top, index, {"content_type": "application/xml"})


def _urlset(entries: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + entries + "</urlset>"
    )


def _put(root: Path, resources: dict, url: str, text: str, res: dict) -> Path:
    rel = url.split("://", 1)[1].rstrip("/") or "index"
    if not rel.endswith((".html", ".xml", ".txt")):
        rel += ".html"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    resources[url] = {
        "file": rel,
        "status": 200,
        "content_type": res.get("content_type", "text/html; charset=utf-8"),
        "kind": res.get("kind", "sitemap"),
    }
    return path


def remove(site: GeneratedSite) -> None:
    """Delete the generated folder."""
    shutil.rmtree(site.root, ignore_errors=True)
