"""WARC files written with warcio, rotated by size; a file is renamed from ``.open`` when complete.

Readers (``ingest reprocess``) only pick up complete files, so a crawl still writing, or one that
was killed, never hands them a truncated record.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ingest import __version__

OPEN_SUFFIX = ".open"
# Hop-by-hop or already undone by the HTTP client: the stored payload is de-chunked.
_DROPPED_HEADERS = {"transfer-encoding", "connection", "keep-alive"}


@dataclass(frozen=True)
class Exchange:
    """One request and the response it got, as they went over the wire (real URLs)."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    request_body: bytes
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes  # as received: still compressed when the server compressed it
    metadata: dict[str, Any] | None = None  # what discovery knew (hints, source), as JSON


class Written(NamedTuple):
    """The response record's ``WARC-Record-ID`` (for a later annotation) and the bytes added."""

    record_id: str
    size: int


class RotatingWarcWriter:
    """Append exchanges to ``folder/PREFIX-TIME-SERIAL-PID.warc.gz``; start a new file past ``max_bytes``."""

    def __init__(self, folder: Path, prefix: str, max_bytes: int, info: dict[str, str]) -> None:
        self.folder = folder
        self.prefix = prefix
        self.max_bytes = max(1, max_bytes)
        self.info = info
        self.serial = 0
        self.files: list[Path] = []
        self._fh: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._path: Path | None = None

    def write(self, exchange: Exchange) -> Written:
        """Write the request, response (and metadata) records."""
        writer = self._current()
        assert self._fh is not None
        start = self._fh.tell()
        date = _warc_date()
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=BytesIO(exchange.body),
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".strip(),
                [(k, v) for k, v in exchange.response_headers if k.lower() not in _DROPPED_HEADERS],
                protocol="HTTP/1.1",
            ),
            warc_headers_dict={"WARC-Date": date},
        )
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        request = writer.create_warc_record(
            exchange.url,
            "request",
            payload=BytesIO(exchange.request_body),
            http_headers=StatusAndHeaders(
                f"{exchange.method} {_target(exchange.url)} HTTP/1.1",
                exchange.request_headers,
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
        )
        writer.write_record(response)
        writer.write_record(request)
        if exchange.metadata is not None:
            self._metadata(writer, exchange.url, record_id, exchange.metadata, date)
        return Written(record_id, self._flushed(start))

    def annotate(self, url: str, record_id: str, metadata: dict[str, Any]) -> int:
        """Add a metadata record to an earlier response (what the crawl decided after the fetch,
        such as a candidate's page kind); returns the bytes added. Readers merge it in."""
        writer = self._current()
        assert self._fh is not None
        start = self._fh.tell()
        self._metadata(writer, url, record_id, metadata, _warc_date())
        return self._flushed(start)

    def close(self) -> None:
        """Complete the current file."""
        self._finish()

    @staticmethod
    def _metadata(
        writer: WARCWriter, url: str, record_id: str, metadata: dict[str, Any], date: str
    ) -> None:
        payload = json.dumps(metadata, ensure_ascii=False, default=str).encode()
        writer.write_record(
            writer.create_warc_record(
                url,
                "metadata",
                payload=BytesIO(payload),
                warc_content_type="application/json",
                warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
            )
        )

    def _flushed(self, start: int) -> int:
        """Flush, rotate past ``max_bytes``; the bytes written since ``start``."""
        assert self._fh is not None
        self._fh.flush()
        written = self._fh.tell() - start
        if self._fh.tell() >= self.max_bytes:
            self._finish()
        return written

    def _current(self) -> WARCWriter:
        if self._writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.serial += 1
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            name = f"{self.prefix}-{stamp}-{self.serial:05d}-{os.getpid()}.warc.gz"
            self._path = self.folder / name
            self._fh = open(self._path.with_name(name + OPEN_SUFFIX), "wb")  # noqa: SIM115
            self._writer = WARCWriter(self._fh, gzip=True)
            info = {"software": f"news-ingest/{__version__} (warcio)", "format": "WARC/1.1"}
            self._writer.write_record(self._writer.create_warcinfo_record(name, info | self.info))
        return self._writer

    def _finish(self) -> None:
        if self._fh is None or self._path is None:
            return
        self._fh.close()
        self._path.with_name(self._path.name + OPEN_SUFFIX).rename(self._path)
        self.files.append(self._path)
        self._fh, self._writer, self._path = None, None, None


def _warc_date() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _target(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
