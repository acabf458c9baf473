"""Ukrinform (ukrinform.ua): the state news agency; uk on .ua, ru on .ru, en on .net.

Public material (feed lists of open-source readers) gives the uk feed
``/rss/block-lastnews`` and article URLs ``/rubric-{section}/{id}-{slug}.html``; the ru and en
feeds follow the same scheme [B]. No real page was available: the generic path reads the
synthetic fixture, and selectors can be added here in one edit once a real page shows them.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ingest.sites.base import Boilerplate, Edition, SiteProfile

SITE = SiteProfile(
    name="ukrinform",
    parser_version="ukrinform/1",
    timezone="Europe/Kyiv",
    cadence=timedelta(minutes=20),
    editions=(
        Edition(
            language="uk",
            host="www.ukrinform.ua",
            feeds=("https://www.ukrinform.ua/rss/block-lastnews",),
        ),
        Edition(
            language="ru",
            host="www.ukrinform.ru",
            feeds=("https://www.ukrinform.ru/rss/block-lastnews",),
        ),
        Edition(
            language="en",
            host="www.ukrinform.net",
            feeds=("https://www.ukrinform.net/rss/block-lastnews",),
        ),
    ),
    article_url=re.compile(
        r"^https?://(?:www\.)?ukrinform\.(?:ua|ru|net)/"
        r"(?P<section>rubric-[a-z-]+)/(?P<id>\d{6,})-[a-z0-9-]+\.html(?:[?#].*)?$"
    ),
    boilerplate=Boilerplate(
        read_also=(r"читайте також\b", r"читайте также\b", r"read also\b"),
        site_names=("Укрінформ", "Укринформ", "Ukrinform"),
    ),
    fixtures_note="synthetic page built from public material; no real page available",
)
