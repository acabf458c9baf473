"""Ukrainska Pravda (pravda.com.ua): uk at the root, ru under ``/rus/``, en under ``/eng/``.

A real page (../shared/eval/ru-uk, from flairNLP/fundus) shows the generic path reads it
fully (JSON-LD, meta tags, one text block), so no selectors are needed. Feed paths
``/rss/view_news/`` are what public scrapers use for uk; the ``/rus/`` and ``/eng/`` ones follow
the site's path scheme [B: likely, unconfirmed].
"""

from __future__ import annotations

import re
from datetime import timedelta

from ingest.sites.base import Boilerplate, Edition, SiteProfile

_HOST = "www.pravda.com.ua"

SITE = SiteProfile(
    name="pravda",
    parser_version="pravda/1",
    timezone="Europe/Kyiv",
    cadence=timedelta(minutes=30),
    editions=(
        Edition(language="uk", host=_HOST, feeds=(f"https://{_HOST}/rss/view_news/",)),
        Edition(
            language="ru",
            host=_HOST,
            path_prefix="/rus/",
            feeds=(f"https://{_HOST}/rus/rss/view_news/",),
        ),
        Edition(
            language="en",
            host=_HOST,
            path_prefix="/eng/",
            feeds=(f"https://{_HOST}/eng/rss/view_news/",),
        ),
    ),
    # /[rus/|eng/]{news|articles|columns|…}/YYYY/MM/DD/{id}/
    article_url=re.compile(
        r"^https?://(?:www\.)?pravda\.com\.ua/(?:(?:rus|eng)/)?"
        r"(?P<section>news|articles|columns|publications|interview|projects)/"
        r"\d{4}/\d{2}/\d{2}/(?P<id>\d{6,})/?(?:[?#].*)?$"
    ),
    boilerplate=Boilerplate(
        site_names=("Українська правда", "Украинская правда", "Ukrainska Pravda", "УП"),
    ),
    fixtures_note="real page 2026-01-08 (flairNLP/fundus test data, MIT)",
)
