"""Other extractors run beside ours in the same process: trafilatura's modes and htmldate."""

from __future__ import annotations

from typing import Any

from ingest.errors import IngestError
from ingest.eval.sample import Extractor, Output, Sample, decode_html

# Mode name → keyword arguments of ``trafilatura.extract`` (comments excluded, as the benchmark does).
TRAFILATURA_MODES: dict[str, dict[str, Any]] = {
    "favor_precision": {"favor_precision": True},
    "default": {},
    "fast": {"fast": True},
}


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise IngestError("baselines need trafilatura (pip install -e '.[test]')") from exc
    return trafilatura


def trafilatura_text(mode: str, comments: bool = False) -> Extractor:
    """trafilatura's main text in ``mode``, no metadata; reader comments only if ``comments``."""
    trafilatura, options = _trafilatura(), TRAFILATURA_MODES[mode]

    def extract(sample: Sample) -> Output:
        html = decode_html(sample.html)
        text = trafilatura.extract(html, include_comments=comments, **options)
        return Output(text=text or "")

    return extract


def trafilatura_document(mode: str) -> Extractor:
    """trafilatura's text and metadata (title, authors, date, language) in ``mode``."""
    trafilatura, options = _trafilatura(), TRAFILATURA_MODES[mode]

    def extract(sample: Sample) -> Output:
        doc = trafilatura.bare_extraction(
            decode_html(sample.html),
            url=sample.url or None,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=DATE_PARAMS,
            **options,
        )
        if doc is None:
            return Output(error="no output")
        text = doc.text or ""
        authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
        return Output(
            text=text,
            title=doc.title or "",
            authors=authors,
            published=doc.date or None,
            language=doc.language or "",
            paragraphs=tuple(line for line in text.split("\n") if line.strip()),
        )

    return extract


# What trafilatura hands htmldate for the document date: the time of day too, where found.
DATE_PARAMS: dict[str, Any] = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}


def htmldate_date() -> Extractor:
    """htmldate's original publish date, extensive search, as its evaluation runs it."""
    try:
        from htmldate import find_date
    except ImportError as exc:
        raise IngestError("the dates baseline needs htmldate (pip install htmldate)") from exc

    def extract(sample: Sample) -> Output:
        date = find_date(
            decode_html(sample.html),
            url=sample.url or None,
            extensive_search=True,
            original_date=True,
        )
        return Output(published=date or None)

    return extract
