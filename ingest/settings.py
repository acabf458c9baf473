"""Scrapy settings with safe defaults; override with ``-s NAME=value`` or the environment variables named."""

from __future__ import annotations

import os

from ingest import __version__

BOT_NAME = "ingest"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# Our `scrapy crawl`: Scrapy's, with exit codes that say whether the crawl did its job (README).
COMMANDS_MODULE = "commands"

# --- our settings -----------------------------------------------------------------------------
# Where articles are stored: an SQLite file path (env INGEST_DATABASE_PATH).
INGEST_DATABASE_PATH = os.environ.get("INGEST_DATABASE_PATH", "data/articles.sqlite")
# Or a database URL, which wins when set (env INGEST_DATABASE_URL): postgresql://user@host/db for
# PostgreSQL, sqlite:///path for SQLite.
INGEST_DATABASE_URL = os.environ.get("INGEST_DATABASE_URL", "")
# Store writes (pipelines.store): articles per write transaction, and how many articles are kept
# for another try while the database refuses writes (the oldest batches past that are given up
# and counted as not stored).
INGEST_STORE_BATCH = 50
INGEST_STORE_MAX_PENDING = 5000
# Crawl summary (extensions.summary): the final stats as JSON in INGEST_STATS_FILE when set; each
# crawl's per-source summary kept in the store's crawls table (`ingest report`) unless
# INGEST_CRAWL_RECORD is off.
INGEST_STATS_FILE = ""
INGEST_CRAWL_RECORD = True
# Incremental crawls (middlewares.incremental): an article page already stored is not fetched
# again once it is older than INGEST_RECHECK_HOURS; a younger one is re-checked with a
# conditional GET. Feeds, sitemaps and archives are always read.
INGEST_INCREMENTAL = True
INGEST_RECHECK_HOURS = 48
# Replay proxy (e.g. http://127.0.0.1:8765): send every request to a snapshot server instead of
# the network, keeping real URLs everywhere else (env INGEST_REPLAY_PROXY).
INGEST_REPLAY_PROXY = os.environ.get("INGEST_REPLAY_PROXY", "")
# Contact for the User-Agent, so site operators can reach whoever runs the crawl.
INGEST_CONTACT = os.environ.get("INGEST_CONTACT", "https://github.com/news-ingest")
# Extraction worker processes (env INGEST_EXTRACT_WORKERS): empty = one per CPU, 0 = inline in
# the reactor thread (for debugging). At most INGEST_EXTRACT_IN_FLIGHT pages are handed to them
# at once (0 = twice the workers); the rest wait in Scrapy's scraper slot, which pauses downloads.
INGEST_EXTRACT_WORKERS = os.environ.get("INGEST_EXTRACT_WORKERS", "")
INGEST_EXTRACT_IN_FLIGHT = 0
# Non-public hosts a crawl may reach anyway: names, addresses or networks, comma-separated
# (env INGEST_ALLOWED_PRIVATE_HOSTS). Everything else resolving to loopback, private, link-local,
# multicast or reserved space is refused by middlewares.netguard, on every redirect hop too.
INGEST_ALLOWED_PRIVATE_HOSTS = os.environ.get("INGEST_ALLOWED_PRIVATE_HOSTS", "")
# Raw capture (middlewares.warc): every response with its request in WARC files under
# INGEST_WARC_DIR, a new file past INGEST_WARC_MAX_MB. 1 = on, 0 = off, auto = on in scheduled
# jobs only (scrapyd jobs; `ingest job` passes 1), off for one-off analyst crawls (env too).
INGEST_WARC_ENABLED = os.environ.get("INGEST_WARC_ENABLED", "auto")
INGEST_WARC_DIR = os.environ.get("INGEST_WARC_DIR", "data/warc")
INGEST_WARC_MAX_MB = 1000
# Distributed crawling (middlewares.distributed): a redis:// URL makes every worker started with
# the same INGEST_CRAWL_ID share one request queue and duplicate filter there (env too).
INGEST_DISTRIBUTED = os.environ.get("INGEST_DISTRIBUTED", "")
INGEST_CRAWL_ID = os.environ.get("INGEST_CRAWL_ID", "")
ADDONS = {"middlewares.distributed.DistributedAddon": 0}

# Sitemap indexes are followed at most this many levels below the sitemap a crawl starts from
# (real sites nest one or two); deeper ones are counted as
# ingest/discovery/skipped/sitemap_depth_limit, never fetched.
INGEST_SITEMAP_MAX_DEPTH = 5

# --- crawling ---------------------------------------------------------------------------------
USER_AGENT = f"news-ingest/{__version__} (+{INGEST_CONTACT})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Items handled in parallel per response. An article response yields one item, and Scrapy starts
# this many worker tasks for every response whatever it yields: 100 (the default) costs more
# reactor time per page than the download itself.
CONCURRENT_ITEMS = 4
# A news page is well under 2 MB; bigger is a bomb or a wrong file (the limit applies after
# decompression too), and a page that takes 20 s is better retried than waited for.
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_TIMES = 2
# robots.txt (middlewares.robots): a host that accepts and never answers costs this long once,
# not 3 × DOWNLOAD_TIMEOUT, and its pages are then not retried.
INGEST_ROBOTS_TIMEOUT = 10.0
INGEST_ROBOTS_RETRY_TIMES = 0
# A 429 or 503 with Retry-After (middlewares.retry_after): the domain waits as asked, at most this
# long (a longer wait is not honoured: the plain retries apply), this many times per request.
INGEST_RETRY_AFTER_MAX_SECONDS = 120
INGEST_RETRY_AFTER_TIMES = 5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
HTTPERROR_ALLOWED_CODES: list[int] = []
LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 30.0
TELNETCONSOLE_ENABLED = False
# Scrapy's remote-control HTTP server (scrapy.extensions.remote_control, on by default in
# Scrapy 2.19) runs any Python it is sent, token-guarded: off. -s REMOTE_CONTROL_ENABLED=True.
REMOTE_CONTROL_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"

# HTTP(S) only: no local files, inline data, FTP or S3 for a page to point us at.
DOWNLOAD_HANDLERS = {
    "http": "handlers.replay.ReplayDownloadHandler",
    "https": "handlers.replay.ReplayDownloadHandler",
    "file": None,
    "data": None,
    "ftp": None,
    "s3": None,
}
# The network guard runs before everything, Scrapy's OffsiteMiddleware (50) right after it.
DOWNLOADER_MIDDLEWARES = {
    "middlewares.netguard.NetGuardMiddleware": 40,
    # Redirect hops are checked even when a retry set dont_filter on the request they came from.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "middlewares.offsite.HopCheckingOffsiteMiddleware": 50,
    # Scrapy's robots.txt middleware (100) with a timeout and retries of its own for robots.txt.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "middlewares.robots.BoundedRobotsTxtMiddleware": 100,
    # Answers reach it before RetryMiddleware (550): a 429/503 with Retry-After waits as asked.
    "middlewares.retry_after.RetryAfterMiddleware": 560,
    # After retries and redirects (550, 600) on the way out, first to see a 304 coming back.
    "middlewares.incremental.IncrementalMiddleware": 650,
    # Next to the download handler: requests as sent, responses as received (still compressed).
    "middlewares.warc.WarcCaptureMiddleware": 950,
}

# Order: extract → normalize/dedupe → store.
ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}
EXTENSIONS = {
    "extensions.summary.CrawlSummary": 500,
}
LOG_FORMATTER = "extensions.logformatter.ConciseLogFormatter"
