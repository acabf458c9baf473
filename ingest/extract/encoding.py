"""Page bytes → text when declarations are missing or lie: BOM, valid UTF-8, declared, then a guess.

Scrapy trusts the HTTP header first and falls back to cp1252, which turns an undeclared
windows-1251 page (common on older Cyrillic sites) into mojibake; this order keeps Cyrillic intact.
"""

from __future__ import annotations

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

_UTF8 = "utf-8"
# At most one broken sequence per this many non-ASCII characters still counts as UTF-8 text.
_UTF8_ERROR_RATIO = 20


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """The text of an HTML page's bytes; never raises (undecodable bytes become U+FFFD)."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return body[len(bom) :].decode(bom_encoding, "replace")
    try:
        return body.decode(_UTF8)
    except UnicodeDecodeError:
        pass
    declared = [http_content_type_encoding(content_type or ""), html_body_declared_encoding(body)]
    for name in declared:
        encoding = resolve_encoding(name) if name else None
        if not encoding or encoding == _UTF8:
            continue
        try:
            return body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    if _mostly_utf8(body):
        return body.decode(_UTF8, "replace")
    return body.decode(guess_legacy_encoding(body), "replace")


def _mostly_utf8(body: bytes) -> bool:
    text = body.decode(_UTF8, "replace")
    broken = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127) - broken
    return broken * _UTF8_ERROR_RATIO <= non_ascii


def guess_legacy_encoding(body: bytes) -> str:
    """cp1251 when high bytes run together as whole words (Cyrillic), else cp1252 (accents)."""
    high = 0
    beside_latin = 0
    for i, byte in enumerate(body):
        if byte < 0xC0:
            continue
        high += 1
        before = body[i - 1] if i else 32
        after = body[i + 1] if i + 1 < len(body) else 32
        if _latin_letter(before) or _latin_letter(after):
            beside_latin += 1
    return "cp1251" if high and beside_latin * 3 < high else "cp1252"


def _latin_letter(byte: int) -> bool:
    return 65 <= byte <= 90 or 97 <= byte <= 122
