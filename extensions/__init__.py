"""Scrapy extensions: the crawl summary and the log formatter."""
