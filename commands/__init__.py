"""Project commands of ``scrapy``: ``crawl`` with exit codes a scheduler can trust."""
