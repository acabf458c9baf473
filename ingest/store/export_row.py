"""What every export format writes per article, and the error an export raises; shared by the
text exports (``export``) and Parquet (``parquet``) so neither imports the other."""

from __future__ import annotations

from typing import Any

from ingest.errors import IngestError
from ingest.store.base import StoredArticle


class ExportError(IngestError):
    """The export cannot be written where asked."""


def rows(stored: StoredArticle) -> dict[str, Any]:
    """One export row: the record's fields in order, then the store's columns."""
    row = stored.article.to_dict()
    row.update(
        revision=stored.revision,
        first_stored_at=stored.first_stored_at,
        changed_at=stored.changed_at,
    )
    return row
