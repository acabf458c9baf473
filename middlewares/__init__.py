"""Scrapy downloader middlewares of the project (one component per module)."""
