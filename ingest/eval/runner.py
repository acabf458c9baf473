"""Text-only runs over an aeb-layout folder (the quality gate's): extractor(html, url) → text."""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ingest.errors import InputError
from ingest.eval.metric import PageScore, Summary, score_page, summarize
from ingest.eval.sample import decode_html

Extractor = Callable[[bytes, str], str]


@dataclass(frozen=True)
class LabelledPage:
    """One benchmark page: its id, URL, raw HTML and the true article body."""

    page_id: str
    url: str
    html: bytes
    truth: str


@dataclass
class PageResult:
    """What an extractor produced for one page, its score and how long extraction took."""

    page_id: str
    url: str
    text: str
    score: PageScore
    seconds: float
    error: str = ""


@dataclass
class RunResult:
    """All pages of one extractor's run, with the benchmark summary and the extraction time."""

    name: str
    pages: list[PageResult] = field(default_factory=list)

    @property
    def summary(self) -> Summary:
        """Benchmark figures of this run."""
        return summarize([p.score for p in self.pages], [p.text for p in self.pages])

    @property
    def seconds(self) -> float:
        """Time spent inside the extractor, summed over pages."""
        return sum(p.seconds for p in self.pages)

    @property
    def pages_per_second(self) -> float:
        """Pages per second of extraction alone."""
        return len(self.pages) / self.seconds if self.seconds else 0.0

    def worst(self, count: int) -> list[PageResult]:
        """The ``count`` pages with the lowest F1, lowest first."""
        return sorted(self.pages, key=lambda p: (p.score.f1, p.page_id))[:count]


def load_pages(folder: Path) -> list[LabelledPage]:
    """Read a labelled folder; raise InputError naming the folder when its layout is wrong."""
    truth_path = folder / "ground-truth.json"
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{truth_path}: cannot read ground truth ({exc})") from exc
    pages = []
    for page_id, item in sorted(truth.items()):
        html_path = folder / "html" / f"{page_id}.html.gz"
        try:
            html = gzip.decompress(html_path.read_bytes())
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise InputError(f"{html_path}: cannot read page ({exc})") from exc
        pages.append(
            LabelledPage(page_id, item.get("url", ""), html, item.get("articleBody") or "")
        )
    return pages


def run(
    name: str, extractor: Extractor, pages: Iterable[LabelledPage], progress: bool = False
) -> RunResult:
    """Extract every page with ``extractor`` in this process, timing the extraction call alone."""
    result = RunResult(name)
    for page in _progress(pages, name, progress):
        error = ""
        start = time.perf_counter()
        try:
            text = extractor(page.html, page.url) or ""
        except Exception as exc:
            text, error = "", f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        score = score_page(page.truth, text)
        result.pages.append(PageResult(page.page_id, page.url, text, score, seconds, error))
    return result


def generic_extractor(html: bytes, url: str) -> str:
    """Generic body paragraphs, cleaned by the boilerplate rules when that module is present."""
    from ingest.extract.generic import generic_body
    from ingest.extract.page import parse_html

    page = parse_html(decode_html(html), url, datetime.now(UTC))
    paragraphs = generic_body(page)
    try:
        from ingest.extract.boilerplate import clean_paragraphs
    except ImportError:
        return "\n".join(paragraphs)
    return "\n".join(clean_paragraphs(paragraphs).kept)


def _progress(pages: Iterable[LabelledPage], name: str, enabled: bool) -> Iterator[LabelledPage]:
    if not (enabled and sys.stderr.isatty()):
        yield from pages
        return
    from tqdm import tqdm

    yield from tqdm(pages, desc=name, unit="page", leave=False, file=sys.stderr)
