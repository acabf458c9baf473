"""Scrapy download handlers: the replay handler that routes a crawl to a snapshot server."""
