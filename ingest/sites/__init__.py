"""Sources we have knowledge of: one module per site, and the registry (``SITES``).

The registry is loaded on first use (PEP 562), not when the package is: a site module may
subclass extraction's ``ArticleFields``, and extraction imports ``ingest.sites.base``.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["SITES", "get_site", "site_for_url"]


def __getattr__(name: str) -> Any:
    # (not "from ingest.sites import registry": that asks this function for "registry" again)
    registry = importlib.import_module("ingest.sites.registry")  # and every site module

    if name in __all__:
        return getattr(registry, name)
    if name in globals():
        return globals()[name]
    raise AttributeError(f"module 'ingest.sites' has no attribute {name!r}")
