"""Raw capture: every response a crawl receives, in WARC files, so pages can be re-extracted later."""
