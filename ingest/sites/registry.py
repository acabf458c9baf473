"""The registry of sources we have knowledge of; everything else takes the generic path."""

from __future__ import annotations

from urllib.parse import urlsplit

from ingest.sites import korrespondent, pravda, ukrinform, unian
from ingest.sites.base import SiteProfile

# One line per source: adding a source is its module, this line and its golden files.
SITES: dict[str, SiteProfile] = {
    site.name: site for site in (korrespondent.SITE, pravda.SITE, ukrinform.SITE, unian.SITE)
}


def get_site(name: str) -> SiteProfile:
    """The registered source ``name``; KeyError names the known ones."""
    try:
        return SITES[name]
    except KeyError:
        raise KeyError(f"unknown source {name!r}; known: {', '.join(sorted(SITES))}") from None


def site_for_url(url: str) -> SiteProfile | None:
    """The source whose edition hosts serve ``url``, or None."""
    host = (urlsplit(url).hostname or "").lower()
    return next((s for s in SITES.values() if s.edition_for_host(host)), None)
