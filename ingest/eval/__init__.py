"""Scoring extractors against labelled pages: the benchmark metric, a runner, the CLI command."""
