"""Crawl reports: per-source numbers gathered during a crawl, and the HTML page built from them."""
