#!/usr/bin/env python3
"""Build the synthetic korrespondent.net snapshot in data/snapshot/ from tools/snapshot_specs.py.

Pages (articles, RSS feeds, sitemaps, day archives, robots.txt), manifest.json and the expected
JSON of every good article all come from the same specs; the extractor is never run here. Every
page says it is synthetic. The output is deterministic: two runs give identical bytes.

    python tools/build_snapshot.py              # rewrite data/snapshot/
    python tools/build_snapshot.py --out DIR    # write the same tree elsewhere
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from snapshot_body import render_body
from snapshot_common import (
    ARCHIVE_DAYS,
    ARTS,
    BADS,
    BY_KEY,
    CAPTURED,
    CT_HTML,
    CT_RSS,
    CT_TEXT,
    CT_XML,
    FEED_LANG,
    FEEDS,
    HOST,
    OUT,
    OWNED,
    kyiv,
)
from snapshot_discovery import (
    archive_pages,
    feed_xml,
    robots,
    sitemap_index,
    sitemap_set,
    sitemap_urls,
)
from snapshot_pages import article_page, bad_page, expected
from snapshot_specs import CAPTURED_AT

# ---------------------------------------------------------------------------------- build


def url_file(url: str) -> str:
    rel = url.split("://", 1)[1]
    return rel + "index.html" if rel.endswith("/") else rel


def validate(a: dict, exp: dict) -> None:
    """Spec mistakes that would make the snapshot lie; raise rather than write them."""
    name = f"{a['id']}-{a['lang']}"
    assert re.fullmatch(
        r"https://(ua\.)?korrespondent\.net/[a-z]+(/[a-z_-]+)?/\d{4,}-[A-Za-z0-9_-]+/", a["url"]
    ), name
    assert kyiv("2026-11-18 00:00") <= a["published"] <= CAPTURED, name
    assert len(set(a["tags"])) == len(a["tags"]), name
    text = "\n".join([exp["title"], exp["lead"], exp["body"]])
    for kind, strings in exp["planted"].items():
        for s in strings:
            assert s not in text, f"{name}: planted {kind} {s!r} occurs in the article text"
    for item in a["body"]:
        if isinstance(item, str) and item.startswith(("@read_also", "@related")):
            target = BY_KEY[(int(item.split(":")[1]), a["lang"])]
            assert target["disc"] == "FSA" and target is not a, (
                f"{name}: link target {target['id']}"
            )


def build() -> dict[str, str]:
    """Every output file, relative path → content; the manifest last."""
    files: dict[str, str] = {}
    resources: dict[str, dict] = {}

    def add(url: str, kind: str, content: str | None, ctype: str, **more: object) -> None:
        rel = more.pop("file", None) or url_file(url)
        if content is None:
            rel = None  # nothing is served (a 404)
        else:
            files[rel] = content
        status = more.pop("status", 200)
        resources[url] = {
            "file": rel,
            "status": status,
            "content_type": ctype,
            "kind": kind,
            **more,
        }

    for lang in ("ru", "uk"):
        add(f"https://{HOST[lang]}/robots.txt", "robots", robots(lang), CT_TEXT)
    for lang in ("ru", "uk"):
        for feed in FEEDS:
            add(
                f"https://k.img.com.ua/rss/{FEED_LANG[lang]}/{feed}.xml",
                "feed",
                feed_xml(lang, feed),
                CT_RSS,
            )
    for lang in ("ru", "uk"):
        add(
            f"https://{HOST[lang]}/sitemap/{FEED_LANG[lang]}/sitemap.xml",
            "sitemap",
            sitemap_index(lang),
            CT_XML,
        )
        for url, items in sitemap_urls(lang).items():
            add(url, "sitemap", sitemap_set(items), CT_XML)
    for lang in ("ru", "uk"):
        for day in ARCHIVE_DAYS:
            for url, page in archive_pages(lang, day):
                add(url, "archive", page, CT_HTML)
    for a in sorted(ARTS, key=lambda x: (x["lang"] != "ru", -x["published"].timestamp())):
        body_html, lines, planted, source = render_body(a)
        exp = expected(a, lines, planted, source)
        validate(a, exp)
        exp_rel = f"expected/{a['id']}-{a['lang']}.json"
        files[exp_rel] = json.dumps(exp, ensure_ascii=False, indent=2) + "\n"
        add(
            a["url"],
            "article",
            article_page(a, body_html),
            CT_HTML,
            file=a["file"],
            expected=exp_rel,
        )
    for b in BADS:
        content = None if b["status"] == 404 else bad_page(b)
        add(
            b["url"],
            "bad",
            content,
            CT_HTML,
            file=b["file"],
            status=b["status"],
            bad_reason=b["reason"],
        )
    manifest = {
        "synthetic": True,
        "captured_at": CAPTURED_AT,
        "note": (
            "Synthetic offline snapshot of korrespondent.net (ru) and ua.korrespondent.net (uk), "
            "built by tools/build_snapshot.py from hand-written specs in tools/snapshot_specs.py. "
            "No real page was available: markup follows ../shared/sites/korrespondent.md, wording the "
            "site's 2020 text dump; all stories are invented. Times are Europe/Kyiv (UTC+2). Files "
            "are relative to this folder; a bad resource's file may be null (nothing served)."
        ),
        "resources": resources,
    }
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    return files


def write(out: Path, files: dict[str, str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in OWNED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    for rel, content in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    args = parser.parse_args(argv)
    files = build()
    write(args.out, files)
    print(
        f"wrote {len(files)} files to {args.out}: {len(ARTS)} good articles, {len(BADS)} bad pages"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
