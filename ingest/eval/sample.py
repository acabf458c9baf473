"""What every labelled set is made of: pages (Sample), what an extractor said (Output), one run."""

from __future__ import annotations

import gzip
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.errors import ExtractionError, InputError


@dataclass(frozen=True)
class Sample:
    """One labelled page: raw bytes as saved, its URL, when it was fetched, and the labels."""

    page_id: str
    url: str
    html: bytes
    fetched_at: datetime
    truth: Any
    language: str = ""  # the page's language when the labels say it ("" otherwise)


@dataclass
class Output:
    """The fields an extractor gave for one page (empty where it gave none) and its time."""

    text: str = ""  # lead + body as stored
    title: str = ""
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601, in the page's own time when known
    language: str = ""
    paragraphs: tuple[str, ...] = ()
    error: str = ""  # a drop reason, or the exception an extractor raised
    seconds: float = 0.0


Extractor = Callable[[Sample], Output]
RAISED = "raised "  # how an error that is an extractor's exception (not a drop) begins


@dataclass
class Run:
    """Every page of one extractor on one set, in the set's order."""

    name: str
    outputs: list[Output] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        """Time inside the extractor, summed over pages."""
        return sum(o.seconds for o in self.outputs)

    @property
    def pages_per_second(self) -> float:
        """Pages per second of extraction alone."""
        return len(self.outputs) / self.seconds if self.seconds else 0.0


def run_extractor(
    name: str, extractor: Extractor, samples: Iterable[Sample], progress: bool = False
) -> Run:
    """Call ``extractor`` on every page in this process, timing the call alone; never raises."""
    result = Run(name)
    for sample in _progress(samples, name, progress):
        start = time.perf_counter()
        try:
            output = extractor(sample)
        except Exception as exc:  # one page's failure scores as an empty output, named
            output = Output(error=f"{RAISED}{type(exc).__name__}: {exc}")
        output.seconds = time.perf_counter() - start
        result.outputs.append(output)
    return result


def decode_html(html: bytes) -> str | bytes:
    """UTF-8 text when the bytes are valid UTF-8 (stored pages lack their HTTP charset), else bytes."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html


def ours(sample: Sample) -> Output:
    """Our record for the page, through the one record path the crawl uses (bytes decoded as
    the crawl decodes them)."""
    from ingest.extract.path import record_of
    from ingest.fetched import FetchedPage

    try:
        article = record_of(FetchedPage(sample.url, sample.html, sample.fetched_at)).article
    except ExtractionError as exc:
        return Output(error=exc.reason)
    return Output(
        text="\n".join(part for part in (article.lead, article.body) if part),
        title=article.title,
        authors=tuple(article.authors),
        published=article.published_at_local or article.published_at,
        language=article.language,
        paragraphs=tuple(line for line in article.body.split("\n") if line.strip()),
    )


def read_gzip(path: Path) -> bytes:
    """The bytes of a saved ``.gz`` page; InputError naming the file when it cannot be read."""
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"{path}: cannot read page ({exc})") from exc


def read_json(path: Path) -> Any:
    """A labels file; InputError naming it when it is missing or not JSON."""
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read labels ({exc})") from exc


def now() -> datetime:
    """The fetch time of pages whose set does not record one (relative dates count from it)."""
    return datetime.now(UTC)


def text_language(text: str) -> str:
    """The language of a labelled text (py3langid), to group pages whose labels name none."""
    import py3langid

    return py3langid.classify(text)[0] if text.strip() else ""


def _progress(samples: Iterable[Sample], name: str, enabled: bool) -> Iterator[Sample]:
    if not (enabled and sys.stderr.isatty()):
        yield from samples
        return
    from tqdm import tqdm

    yield from tqdm(samples, desc=name, unit="page", leave=False, file=sys.stderr)
