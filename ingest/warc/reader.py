"""Read captured responses back from WARC files: an index first, then one body at a time."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ingest.errors import InputError
from ingest.warc.writer import OPEN_SUFFIX


@dataclass
class CapturedPage:
    """Where one response record is, and what is known of it without reading its body."""

    path: Path
    offset: int
    url: str
    captured_at: datetime
    status: int
    content_type: str
    date_header: str
    record_id: str
    etag: str = ""
    last_modified: str = ""
    article: bool | None = None  # None: no metadata record (a WARC from elsewhere)
    page_kind: str = ""  # what the crawl judged the page after its fetch ("" when it did not)
    source: str = ""
    hints: dict[str, Any] = field(default_factory=dict)

    @property
    def is_html(self) -> bool:
        return self.status == 200 and (not self.content_type or "html" in self.content_type)


def warc_files(names: Iterable[str]) -> list[Path]:
    """The complete WARC files named, folders expanded (files still being written are skipped)."""
    out: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.warc*") if not p.name.endswith(OPEN_SUFFIX)))
        elif path.is_file():
            out.append(path)
        else:
            raise InputError(f"{name}: no such WARC file or folder")
    return out


def index_pages(paths: Iterable[Path]) -> list[CapturedPage]:
    """Every response record of ``paths`` with its offset, joined with its metadata records
    (in the order written; a later verdict may sit in a later file of the crawl)."""
    pages: dict[str, CapturedPage] = {}
    metadata: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            with path.open("rb") as fh:
                records = ArchiveIterator(fh)
                for record in records:
                    kind = record.rec_type
                    if kind == "response" and record.http_headers is not None:
                        page = _page(path, records.get_record_offset(), record)
                        pages[page.record_id] = page
                    elif kind == "metadata":
                        target = record.rec_headers.get_header("WARC-Concurrent-To") or ""
                        metadata.append((target, record.content_stream().read()))
        except (ArchiveLoadFailed, OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable WARC file ({exc})") from exc
    for target, payload in metadata:
        if target in pages:
            _apply_metadata(pages[target], payload)
    return list(pages.values())


def read_body(page: CapturedPage) -> bytes:
    """The response body as the client saw it (de-chunked, decompressed)."""
    with page.path.open("rb") as fh:
        fh.seek(page.offset)
        record = next(iter(ArchiveIterator(fh)))
        return record.content_stream().read()


def _page(path: Path, offset: int, record: Any) -> CapturedPage:
    http = record.http_headers
    status = int((http.get_statuscode() or "0").strip() or 0)
    captured = record.rec_headers.get_header("WARC-Date") or ""
    return CapturedPage(
        path=path,
        offset=offset,
        url=record.rec_headers.get_header("WARC-Target-URI") or "",
        captured_at=_moment(captured),
        status=status,
        content_type=(http.get_header("Content-Type") or "").lower(),
        date_header=http.get_header("Date") or "",
        record_id=record.rec_headers.get_header("WARC-Record-ID") or "",
        etag=http.get_header("ETag") or "",
        last_modified=http.get_header("Last-Modified") or "",
    )


def _apply_metadata(page: CapturedPage, payload: bytes) -> None:
    try:
        data = json.loads(payload)
    except ValueError:
        return
    if not isinstance(data, dict):
        return
    if "ingest_article" in data:  # the capture's own record: what the request was
        page.article = bool(data.get("ingest_article"))
        page.source = str(data.get("source") or "")
        hints = data.get("hints")
        page.hints = hints if isinstance(hints, dict) else {}
    if data.get("page_kind"):  # a later one: the crawl's verdict on a candidate, which wins
        page.page_kind = str(data["page_kind"])
        page.article = page.page_kind == "article"


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
