"""Our own exception types: each message names the input and what was wrong with it."""


class IngestError(Exception):
    """Base of every error the pipeline raises on purpose."""


class InputError(IngestError):
    """An input file or stream could not be read or decoded."""


class ExtractionError(IngestError):
    """A page yielded no usable article; ``reason`` is the stats key suffix (e.g. ``no_body``)."""

    def __init__(self, reason: str, url: str, detail: str = "") -> None:
        self.reason = reason
        self.url = url
        super().__init__(f"{url}: {reason}" + (f" ({detail})" if detail else ""))
