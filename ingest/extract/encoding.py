"""Page bytes → text, the one decoder of every path (crawl, ``ingest extract``, eval, reprocess).

Order: a BOM; bytes that are valid UTF-8 (a ``<meta charset>`` or header saying otherwise is
wrong: legacy text is almost never valid UTF-8); UTF-8 with a few broken sequences (replaced,
not the whole page read as cp1252 mojibake); the declared charset (HTTP header, then
``<meta>``); then charset-normalizer's detection, which tells koi8-r, cp1251 or iso-8859-x apart.
"""

from __future__ import annotations

import re

import charset_normalizer
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

_UTF8 = "utf-8"
# UTF-8 with broken sequences still counts as UTF-8 text when its valid multi-byte characters
# outnumber the broken ones this many times: legacy single-byte text makes almost none.
_VALID_PER_BROKEN = 2
_FALLBACK = "cp1252"  # what browsers assume when nothing else decides
_MARKUP = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>|&#?\w+;", re.DOTALL | re.IGNORECASE)
_SPACES = re.compile(rb"\s+")
# Among equally plausible encodings, the common one: cp1252 (browsers' default), and koi8-u
# before koi8-r (the same for Russian text; koi8-r has box-drawing signs where koi8-u has і ї є ґ).
_PREFERRED = (_FALLBACK, "cp1251", "koi8-u")
_TIE = 0.02  # charset-normalizer's chaos/coherence differences below this are noise


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """The text of an HTML page's bytes; never raises (undecodable bytes become U+FFFD)."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding and bom:
        return body[len(bom) :].decode(bom_encoding, "replace")
    try:
        return body.decode(_UTF8)
    except UnicodeDecodeError:
        pass
    as_utf8 = body.decode(_UTF8, "replace")
    if _mostly_utf8(as_utf8):
        return as_utf8
    declared = [http_content_type_encoding(content_type or ""), html_body_declared_encoding(body)]
    for name in declared:
        encoding = resolve_encoding(name) if name else None
        if not encoding or encoding == _UTF8:
            continue  # UTF-8 declared, yet not UTF-8: the declaration is wrong
        try:
            return body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode(detect_encoding(body), "replace")


def _mostly_utf8(text: str) -> bool:
    """Whether ``text`` (bytes decoded as UTF-8 with replacement) was UTF-8 with a few bad bytes."""
    broken = text.count("\ufffd")
    if not text.isascii():
        valid = sum(1 for ch in text if ord(ch) > 127) - broken
        return valid >= broken * _VALID_PER_BROKEN
    return False


def detect_encoding(body: bytes) -> str:
    """The encoding charset-normalizer finds most plausible for the page's text (markup, scripts
    and entities cut first: they are ASCII and drown the signal), as a browser names it; cp1252
    among equally plausible ones, as browsers default to it; cp1252 when it finds none."""
    text = _SPACES.sub(b" ", _MARKUP.sub(b" ", body))
    matches = list(charset_normalizer.from_bytes(text))
    if not matches:
        return _FALLBACK
    best = matches[0]
    tied = [
        m.encoding
        for m in matches
        if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE
    ]
    names = [resolve_encoding(name) or name for name in tied]
    if _same_text(text, best.encoding, _FALLBACK):
        return _FALLBACK
    preferred = [name for name in _PREFERRED if name in names]
    return preferred[0] if preferred else resolve_encoding(best.encoding) or _FALLBACK


def _same_text(data: bytes, encoding: str, other: str) -> bool:
    try:
        return data.decode(encoding) == data.decode(other)
    except (UnicodeDecodeError, LookupError):
        return False
