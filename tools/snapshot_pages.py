"""Article and bad pages of the snapshot, and the expected record of each good article."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from snapshot_body import module_js
from snapshot_common import (
    BY_KEY,
    CAPTURED,
    HOST,
    HUBS,
    IMG,
    KYIV,
    LANG,
    NOTE,
    SITE_NAME,
    attr,
    esc,
    human_date,
    tag_id,
    utc_iso,
)
from snapshot_specs import AUTHOR_IDS

# ---------------------------------------------------------------------------------- pages


def head(
    lang: str, title: str, canonical: str, extra: tuple[str, ...] | list[str] = ()
) -> list[str]:
    return [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<!-- {NOTE} -->",
        '<meta name="x-snapshot" content="synthetic">',
        f"<title>{esc(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        *([f'<link rel="canonical" href="{attr(canonical)}">'] if canonical else []),
        *extra,
        '<link rel="stylesheet" href="https://korrespondent.net/css/main.css">',
        "</head>",
        "<body>",
    ]


def header(lang: str, other_url: str = "") -> str:
    t, host = LANG[lang], HOST[lang]
    nav = "".join(
        f'<a class="header__menu-item" href="https://{host}/{s}/">{esc(t["sections"][s])}</a>'
        for s in ("ukraine", "world", "business", "tech", "city", "sport", "showbiz", "lifestyle")
    )
    other = other_url or f"https://{HOST['uk' if lang == 'ru' else 'ru']}/"
    return (
        f'<header class="header">\n<div class="header__logo"><a href="https://{host}/">'
        f'<img src="https://korrespondent.net/i/logo.svg" alt="{SITE_NAME}"></a></div>\n'
        f'<nav class="header__menu"><a class="header__menu-item" href="https://{host}/all/">{t["all_news"]}</a>{nav}</nav>\n'
        f'<div class="header__lang"><a href="{attr(other)}">{t["other"]}</a></div>\n'
        f'<div class="header__social">{t["social"]}: <a href="https://t.me/korrespondentnet">Telegram</a> '
        '<a href="https://www.facebook.com/korrespondent.net">Facebook</a></div>\n</header>'
    )


def footer(lang: str) -> str:
    t, host = LANG[lang], HOST[lang]
    links = " ".join(
        f'<a href="https://{host}/info/{n}/">{esc(x)}</a>'
        for n, x in enumerate(t["footer_links"].split("|"), 1)
    )
    notes = "\n".join(f'<p class="footer__text">{esc(x)}</p>' for x in t["footer"])
    return (
        f'<footer class="footer">\n<div class="footer__menu">{links}</div>\n'
        f'<div class="footer__copyright">© 2000-2026, Korrespondent.net</div>\n{notes}\n</footer>\n</body>\n</html>\n'
    )


def visible_date(a: dict) -> str:
    t, when = LANG[a["lang"]], a["published"]
    if a["relative"]:
        days = (CAPTURED.astimezone(KYIV).date() - when.date()).days
        word = {0: t["today"], 1: t["yesterday"]}[days]
        return f"{word}, {when:%H:%M}"
    return f"{human_date(when, a['lang'])}, {when:%H:%M}"


def json_ld(a: dict) -> str:
    authors = [{"@type": "Person", "name": n} for n in a["authors"]] or {
        "@type": "Organization",
        "name": SITE_NAME,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": a["url"]},
        "headline": a["title"],
        "description": a["lead"],
        "inLanguage": a["lang"],
        "datePublished": a["published"].isoformat(),
    }
    if a["modified_at"]:
        data["dateModified"] = a["modified_at"].isoformat()
    if a["image"]:
        data["image"] = [IMG.format(size="610x385", id=a["id"])]
    data["author"] = authors
    data["publisher"] = {
        "@type": "Organization",
        "name": SITE_NAME,
        "logo": {"@type": "ImageObject", "url": "https://korrespondent.net/i/logo.png"},
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def article_page(a: dict, body_html: str) -> str:
    t, host, lang = LANG[a["lang"]], a["host"], a["lang"]
    other = BY_KEY.get((a["id"], "uk" if lang == "ru" else "ru"))
    extra = [f'<meta name="description" content="{attr(a["lead"])}">']
    if other:
        extra += [
            f'<link rel="alternate" hreflang="{lang}" href="{attr(a["url"])}">',
            f'<link rel="alternate" hreflang="{other["lang"]}" href="{attr(other["url"])}">',
        ]
    extra += [
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        f'<meta property="og:url" content="{attr(a["url"])}">',
        f'<meta property="og:title" content="{attr(a["title"])}">',
        f'<meta property="og:description" content="{attr(a["lead"])}">',
    ]
    if a["image"]:
        extra.append(
            f'<meta property="og:image" content="{IMG.format(size="610x385", id=a["id"])}">'
        )
    if not a["relative"]:
        extra.append(json_ld(a))
    crumbs = [f'<a href="https://{host}/">{t["home"]}</a>']
    top = a["section"].split("/")[0]
    for path in dict.fromkeys((top, a["section"])):
        crumbs.append(f'<a href="https://{host}/{path}/">{esc(t["sections"][path])}</a>')
    title = esc(a["title"])
    if a["label"]:
        text, where = a["label"]
        title = f"<em>{text}</em> {title}" if where == "start" else f"{title} <em>{text}</em>"
    authors = [
        f'<a class="article__author" href="https://{host}/author/{AUTHOR_IDS[n]}/">{esc(n)}</a>'
        for n in a["authors"]
    ]
    photo = ""
    if a["image"]:
        img = a["image"]
        cls = "" if img.get("fallback") else ' class="post-item__big-photo-img"'
        photo = f'<div class="post-item__photo"><img{cls} src="{IMG.format(size="610x385", id=a["id"])}" alt="{attr(img["caption"])}" width="610" height="385">'
        if img["caption"]:
            photo += f'<div class="post-item__photo-about">{esc(img["caption"])}</div>'
        if img["credit"]:
            photo += f'<div class="post-item__photo-author">Фото: {esc(img["credit"])}</div>'
        photo += "</div>\n"
    tags = "".join(
        f'<div class="post-item__tags-item"><a href="https://{host}/tag/{tag_id(x)}/">{esc(x)}</a></div>'
        for x in a["tags"]
    )
    hubs = [BY_KEY[(i, lang)] for i in HUBS[lang] if i != a["id"]][:3]
    related = "".join(
        f'<li class="related-news__item"><a href="{attr(h["url"])}">{esc(h["title"])}</a></li>'
        for h in hubs
    )
    page = head(lang, f"{a['title']} - Korrespondent.net", a["url"], extra)
    page += [
        header(lang, other["url"] if other else ""),
        '<div class="layout">',
        f'<div class="breadcrumbs">{" › ".join(crumbs)}</div>',
        '<div class="post-item">',
        f'<h1 class="post-item__title">{title}</h1>',
        f'<div class="post-item__info">{", ".join([*authors, esc(visible_date(a))])}</div>',
        photo + '<div class="post-item__text">',
        body_html,
        "</div>",
        f'<div class="post-item__tags"><span class="post-item__tags-title">{t["tags"]}</span>{tags}</div>',
        f'<div class="post-item__error">{esc(t["error"])}</div>',
        "</div>",
        f'<div class="related-news"><div class="related-news__title">{t["main_news"]}</div><ul>{related}</ul></div>',
        "</div>",
        footer(lang),
    ]
    return "\n".join(page)


def bad_page(b: dict) -> str:
    """The body of a bad resource: 500 error page, empty file, or an article shell with nothing in it."""
    if b["reason"] == "empty_body":
        return ""
    if b["reason"] == "server_error":
        return "\n".join(
            [*head(b["lang"], "500 - Internal Server Error", ""), "<h1>500 Internal Server Error</h1>",
             "<p>Runtime Error</p>", "</body>", "</html>", ""]
        )  # fmt: skip
    page = head(b["lang"], "Korrespondent.net", b["url"])
    page += [
        header(b["lang"]),
        '<div class="layout">\n<div class="post-item">',
        f'<div class="post-item__info">{esc(visible_date(b))}</div>',
        f'<div class="post-item__text">\n<div id="nk{b["id"]}"></div>\n<script>{" ".join(module_js(b))}</script>\n</div>',
        "</div>\n</div>",
        footer(b["lang"]),
    ]
    return "\n".join(page)


def expected(a: dict, lines: list[str], planted: dict, source: str) -> dict:
    img = a["image"]
    images = (
        [
            {
                "url": IMG.format(size="610x385", id=a["id"]),
                "caption": img["caption"],
                "credit": img["credit"],
            }
        ]
        if img
        else []
    )
    return {
        "url": a["url"],
        "canonical_url": a["url"],
        "source": "korrespondent",
        "source_article_id": str(a["id"]),
        "language": a["lang"],
        "title": a["title"],
        "lead": a["lead"],
        "body": "\n".join(lines),
        "authors": list(a["authors"]),
        "published_at": utc_iso(a["published"]),
        "published_at_local": a["published"].isoformat(),
        "modified_at": utc_iso(a["modified_at"]) if a["modified_at"] else None,
        "section": a["section"],
        "tags": list(a["tags"]),
        "images": images,
        "original_source": source,
        "planted": planted,
    }
