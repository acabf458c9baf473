"""Other extractors to run beside ours in the same process: trafilatura's modes (a benchmark extra)."""

from __future__ import annotations

from ingest.errors import IngestError
from ingest.eval.runner import Extractor, decode_html

# Mode name → keyword arguments of ``trafilatura.extract`` (comments excluded, as the benchmark does).
TRAFILATURA_MODES: dict[str, dict[str, bool]] = {
    "favor_precision": {"favor_precision": True},
    "default": {},
    "fast": {"fast": True},
}


def trafilatura_extractors() -> dict[str, Extractor]:
    """One extractor per trafilatura mode; raise IngestError when trafilatura is not installed."""
    try:
        import trafilatura
    except ImportError as exc:
        raise IngestError("--compare trafilatura: trafilatura is not installed") from exc

    def make(options: dict[str, bool]) -> Extractor:
        def extract(html: bytes, url: str) -> str:
            return trafilatura.extract(decode_html(html), include_comments=False, **options) or ""

        return extract

    return {f"trafilatura {mode}": make(options) for mode, options in TRAFILATURA_MODES.items()}


COMPARABLE = {"trafilatura": trafilatura_extractors}
