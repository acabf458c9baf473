"""Benchmarks: ``make bench`` runs each in its own process and prints them side by side."""
