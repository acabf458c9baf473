"""Discovery pages of the snapshot: RSS feeds, sitemaps, day archives, robots.txt."""

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from snapshot_common import (
    ARCHIVE_DAYS,
    ARTS,
    BADS,
    CAPTURED,
    FEED_LANG,
    HOST,
    IMG,
    LANG,
    MONTHS_EN,
    NOTE,
    PAGE_SIZE,
    SITE_NAME,
    attr,
    esc,
    human_date,
    kyiv,
    rfc822,
)
from snapshot_pages import footer, head, header

# ---------------------------------------------------------------------------------- discovery


def listed(lang: str, flag: str) -> list[dict]:
    """Articles and bad pages of one edition that a discovery kind lists, newest first."""
    items = [x for x in ARTS + BADS if x["lang"] == lang and flag in x["disc"]]
    return sorted(items, key=lambda x: x["published"], reverse=True)


def feed_xml(lang: str, feed: str) -> str:
    t = LANG[lang]
    items = [
        x for x in listed(lang, "F") if feed == "all_news2.0" or x["section"].split("/")[0] == feed
    ]
    name = t["all_news"] if feed == "all_news2.0" else t["sections"][feed]
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f"<!-- {NOTE} -->",
        '<rss version="2.0">',
        "<channel>",
        f"<title>Korrespondent.net - {esc(name)}</title>",
        f"<link>https://{HOST[lang]}/</link>",
        f"<description>{esc(t['site_title'])}</description>",
        f"<language>{lang}</language>",
        f"<lastBuildDate>{rfc822(CAPTURED)}</lastBuildDate>",
    ]
    for x in items:
        out += [
            "<item>",
            f"<title>{esc(x['title'])}</title>",
            f"<link>{esc(x['url'])}</link>",
            f'<guid isPermaLink="true">{esc(x["url"])}</guid>',
            *([f"<description>{esc(x['lead'])}</description>"] if "lead" in x else []),
            f"<pubDate>{rfc822(x['published'])}</pubDate>",
            f"<category>{esc(t['sections'][x['section']])}</category>",
            f"<author>{esc(', '.join(x.get('authors') or [SITE_NAME]))}</author>",
            *(
                [f"<image>{IMG.format(size='610x385', id=x['id'])}</image>"]
                if x.get("image")
                else []
            ),
            "</item>",
        ]
    return "\n".join([*out, "</channel>", "</rss>", ""])


def sitemap_urls(lang: str) -> dict[str, list[dict]]:
    base = f"https://{HOST[lang]}/sitemap/{FEED_LANG[lang]}/"
    items = listed(lang, "S")
    return {
        base + "news.xml": [x for x in items if x["published"].day >= 19],
        base + "2026-11.xml": [x for x in items if x["published"].day < 19],
    }


def lastmod(x: dict) -> datetime:
    return x.get("modified_at") or x["published"]


def sitemap_index(lang: str) -> str:
    rows = [
        f"<sitemap><loc>{u}</loc><lastmod>{max(lastmod(x) for x in xs).isoformat()}</lastmod></sitemap>"
        for u, xs in sitemap_urls(lang).items()
    ]
    return "\n".join(
        ['<?xml version="1.0" encoding="UTF-8"?>', f"<!-- {NOTE} -->",
         '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', *rows, "</sitemapindex>", ""]
    )  # fmt: skip


def sitemap_set(items: list[dict]) -> str:
    rows = [
        f"<url><loc>{esc(x['url'])}</loc><lastmod>{lastmod(x).isoformat()}</lastmod></url>"
        for x in items
    ]
    return "\n".join(
        ['<?xml version="1.0" encoding="UTF-8"?>', f"<!-- {NOTE} -->",
         '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', *rows, "</urlset>", ""]
    )  # fmt: skip


def archive_url(lang: str, day: str, page: int = 1, absolute: bool = True) -> str:
    d = datetime.strptime(day, "%Y-%m-%d")
    path = f"/all/{d.year}/{MONTHS_EN[d.month - 1]}/{d.day}/" + (f"p{page}/" if page > 1 else "")
    return f"https://{HOST[lang]}{path}" if absolute else path


def archive_pages(lang: str, day: str) -> list[tuple[str, str]]:
    """(url, html) of each page of one day archive."""
    t = LANG[lang]
    items = [x for x in listed(lang, "A") if x["published"].date().isoformat() == day]
    chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
    date_text = human_date(kyiv(f"{day} 00:00"), lang)
    pages = []
    for n, chunk in enumerate(chunks, 1):
        rows = []
        for k, x in enumerate(chunk):
            cls = {0: " article_top", 1: " article_rubric_top"}.get(k, "") if n == 1 else ""
            title = esc(x["title"]) + (f" <em>{x['label'][0]}</em>" if x.get("label") else "")
            photo = (
                f'<div class="article__photo"><a href="{attr(x["url"])}"><img src="{IMG.format(size="190x120", id=x["id"])}" alt=""></a></div>\n'
                if x.get("image")
                else ""
            )
            rows.append(
                f'<div class="article{cls}">\n{photo}<div class="article__title"><a href="{attr(x["url"])}">{title}</a></div>\n'
                f'<div class="article__rubric"><a href="https://{HOST[lang]}/{x["section"]}/">{esc(t["sections"][x["section"]])}</a></div>\n'
                f'<div class="article__date">{date_text}</div>\n<div class="article__time">{x["published"]:%H:%M}</div>\n</div>'
            )
            if n == 1 and k == min(2, len(chunk) - 1):
                rows.append(
                    f'<div class="article">\n<div class="article__title"><a href="https://ad.example.com/click?campaign=korr-{day}&amp;lang={lang}" '
                    f'rel="nofollow sponsored" target="_blank">{esc(t["ad"])} <em>Реклама</em></a></div>\n'
                    '<div class="article__time">12:00</div>\n</div>'
                )
        nav = []
        if n > 1:
            nav.append(
                f'<a class="pagination__link pagination__back" href="{archive_url(lang, day, n - 1, False)}">{t["prev"]}</a>'
            )
        if n < len(chunks):
            nav.append(
                f'<a class="pagination__link pagination__forward" href="{archive_url(lang, day, n + 1, False)}">{t["next"]}</a>'
            )
        days = " ".join(f'<a href="{archive_url(lang, d)}">{int(d[-2:])}</a>' for d in ARCHIVE_DAYS)
        heading = t["archive"].format(date=date_text)
        page = head(lang, f"{heading} - Korrespondent.net", archive_url(lang, day, n))
        page += [
            header(lang),
            '<div class="layout">',
            f'<h1 class="page-title">{esc(heading)}</h1>',
            f'<div class="archive-calendar">{days}</div>',
            '<div class="articles-list">',
            *rows,
            "</div>",
            f'<div class="pagination">{"".join(nav)}</div>',
            "</div>",
            footer(lang),
        ]
        pages.append((archive_url(lang, day, n), "\n".join(page)))
    return pages


def robots(lang: str) -> str:
    sitemap = f"https://{HOST[lang]}/sitemap/{FEED_LANG[lang]}/sitemap.xml"
    return f"# {NOTE}\nUser-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
