"""A test source, as a site module: its pages credit writers in ``data-writer`` attributes, which
the generic path does not read. It overrides the ``authors`` field alone; every other field is
inherited (it has no selectors, so those are the generic path's)."""

from __future__ import annotations

import re

from ingest.extract.fields import ArticleFields
from ingest.sites.base import Edition, SiteProfile


class QuietPressFields(ArticleFields):
    """The one field Quiet Press does its own way."""

    def authors(self) -> list[str]:
        names = self.page.tree.xpath("//footer//*[@data-writer]/@data-writer")
        return [" ".join(str(name).split()) for name in names]


SITE = SiteProfile(
    name="quietpress",
    parser_version="quietpress/1",
    timezone="UTC",
    editions=(Edition(language="en", host="quiet.example"),),
    article_url=re.compile(r"^https://quiet\.example/news/(?P<id>\d+)-[a-z-]+$"),
    fields=QuietPressFields,
)
