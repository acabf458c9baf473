"""ingest/settings.py sets only settings the installed Scrapy still reads, besides our INGEST_* ones."""

from __future__ import annotations

from scrapy.settings import default_settings

from ingest import settings


def test_every_scrapy_setting_we_set_is_one_scrapy_knows() -> None:
    ours = [name for name in vars(settings) if name.isupper() and not name.startswith("INGEST_")]
    assert "USER_AGENT" in ours  # the module was read
    unknown = [name for name in ours if not hasattr(default_settings, name)]
    assert unknown == [], f"removed or misspelt Scrapy settings: {unknown}"
