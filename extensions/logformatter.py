"""Log formatter: a dropped item is one short line (the reason), never a dump of the page HTML."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


class ConciseLogFormatter(LogFormatter):
    """Our pipelines log each drop with its URL already; Scrapy's own line only adds the reason."""

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        return {
            "level": logging.DEBUG,
            "msg": "Dropped item: %(exception)s",
            "args": {"exception": exception},
        }
