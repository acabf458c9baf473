"""News ingestion core: extraction, cleaning, normalization and storage, usable without Scrapy."""

__version__ = "0.1.0"
