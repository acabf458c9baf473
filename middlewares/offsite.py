"""Scrapy's OffsiteMiddleware, but a redirect hop is always checked against ``allowed_domains``.

Scrapy lets any request with ``dont_filter`` through unchecked, and RedirectMiddleware copies
``dont_filter`` onto the hop. RetryMiddleware sets it on every retry, so a page that failed once
(a timeout under load) and then redirected off-site was followed there. Only ``allow_offsite``
in the request's meta lets a hop leave the site.
"""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware


class HopCheckingOffsiteMiddleware(OffsiteMiddleware):
    """Filters off-site requests, and off-site redirect hops even when ``dont_filter`` is set."""

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if request.dont_filter and request.meta.get("redirect_urls"):
            request = request.replace(dont_filter=False)  # judged as if the hop were new
        super().process_request(request)
