"""UNIAN (unian.ua): uk on unian.ua, ru on unian.net, en on unian.info.

Public material: the uk feed ``https://rss.unian.net/site/news_ukr.rss`` (RSS items with
pubDate and category), article URLs ``/{section}/{slug}-{id}.html``, the text in
``div.article-text`` after the ``h1``, "read also" sliders inside it (calibre's recipe). The
ru feed ``news_rus.rss`` follows the uk one [B]. Fixtures are synthetic.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ingest.sites.base import Boilerplate, Edition, Selectors, SiteProfile

SITE = SiteProfile(
    name="unian",
    parser_version="unian/1",
    timezone="Europe/Kyiv",
    cadence=timedelta(minutes=15),
    editions=(
        Edition(
            language="uk",
            host="www.unian.ua",
            feeds=("https://rss.unian.net/site/news_ukr.rss",),
        ),
        Edition(
            language="ru",
            host="www.unian.net",
            feeds=("https://rss.unian.net/site/news_rus.rss",),
        ),
        Edition(language="en", host="www.unian.info"),
    ),
    article_url=re.compile(
        r"^https?://(?:www\.)?unian\.(?:ua|net|info)/"
        r"(?P<section>[a-z-]+(?:/[a-z-]+)?)/[a-z0-9-]+-(?P<id>\d{7,})\.html(?:[?#].*)?$"
    ),
    selectors=Selectors(
        title="h1",
        body="div.article-text",
        drop=(
            "script",
            "style",
            "iframe",
            "div.read-also-slider",
            "div.nts-video-wrapper",
            "span.article__info-item",
        ),
    ),
    boilerplate=Boilerplate(
        read_also=(r"читайте також\b", r"читайте также\b", r"вас може зацікавити\b"),
        site_names=("УНІАН", "УНИАН", "UNIAN"),
    ),
    fixtures_note="synthetic page built from public material; no real page available",
)
