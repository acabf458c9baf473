"""Benchmarks: ``make bench`` runs each in its own process and prints them side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def report(results: dict[str, Any], json_path: Path | None) -> None:
    """Print a benchmark's figures as JSON, and write them to ``json_path`` when given."""
    text = json.dumps(results, indent=2)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(text + "\n")
    print(text)
