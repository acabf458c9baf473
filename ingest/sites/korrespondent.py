"""Correspondent.net (korrespondent.net): ru edition on the apex host, uk on ``ua.``.

Facts come from ../shared/sites/korrespondent.md; no real page was available, so every selector
and phrase lives here and a real page can correct it in one edit.
"""

from __future__ import annotations

import re

from ingest.sites.base import Boilerplate, Edition, ListSelectors, Selectors, SiteProfile

_RSS = "https://k.img.com.ua/rss/{lang}/{feed}.xml"
_FEEDS = ("all_news2.0", "ukraine", "world", "business", "tech", "sport", "showbiz", "lifestyle")

SITE = SiteProfile(
    name="korrespondent",
    parser_version="korrespondent/1",
    timezone="Europe/Kyiv",
    editions=(
        Edition(
            language="ru",
            host="korrespondent.net",
            feeds=tuple(_RSS.format(lang="ru", feed=f) for f in _FEEDS),
            sitemaps=("https://korrespondent.net/sitemap/ru/sitemap.xml",),
            archive_day_url="https://korrespondent.net/all/{year}/{month_name}/{day}/",
        ),
        Edition(
            language="uk",
            host="ua.korrespondent.net",
            feeds=tuple(_RSS.format(lang="ua", feed=f) for f in _FEEDS),
            sitemaps=("https://ua.korrespondent.net/sitemap/ua/sitemap.xml",),
            archive_day_url="https://ua.korrespondent.net/all/{year}/{month_name}/{day}/",
        ),
    ),
    # /{section}[/{subsection}]/{id}-{slug}; the slug may hold capitals.
    article_url=re.compile(
        r"^https?://(?:www\.|ua\.)?korrespondent\.net/"
        r"(?P<section>[a-z]+(?:/[a-z_-]+)?)/(?P<id>\d{4,})-[A-Za-z0-9_-]+/?(?:[?#].*)?$"
    ),
    selectors=Selectors(
        title="h1.post-item__title",
        title_strip="em",
        info="div.post-item__info",
        author="a.article__author",
        body="div.post-item__text",
        lead="h2",
        tags="div.post-item__tags div.post-item__tags-item a",
        image="img.post-item__big-photo-img",
        image_fallback="div.post-item__photo img",
        caption="div.post-item__photo-about",
        credit="div.post-item__photo-author",
        drop=(
            "script",
            "style",
            "noscript",
            "iframe",
            "script[data-telegram-post]",
            "blockquote.twitter-tweet",
            "div.post-item__photo",
            "[id^=nk]",
        ),
    ),
    list_selectors=ListSelectors(
        article_link=".article__title a",
        next_page="a.pagination__link.pagination__forward",
        ad_marker="em",
    ),
    boilerplate=Boilerplate(
        promo=(
            r"(новости|новини|news) (от|від|from) (корр?еспондент|correspondent)\.net",
            r"(читайте|слідкуйте за) (корр?еспондент|correspondent)\.net",
        ),
        read_also=(r"читайте (также|також)\b", r"read also\b"),
        source_attribution=(r"(источник|джерело|source)\s*:", r"за (материалами|матеріалами)\b"),
        ad_label=(r"реклама$",),
        photo_credit=(r"фото\s*:", r"photo\s*:"),
        site_names=("Корреспондент.net", "Кореспондент.net", "Correspondent.net", "korrespondent"),
    ),
)

MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
