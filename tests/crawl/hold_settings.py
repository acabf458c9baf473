"""The project's settings with ``tests.crawl.holdpoint.HoldItem`` holding the third item (for
commands such as ``ingest demo`` that take no ``-s``)."""

from ingest.settings import *  # noqa: F403
from ingest.settings import ITEM_PIPELINES

ITEM_PIPELINES = {**ITEM_PIPELINES, "tests.crawl.holdpoint.HoldItem": 250}
HOLD_AT = 3
INGEST_STORE_BATCH = 1
