"""Chaos faults that serve a snapshot page rewritten: metadata moved into salted JSON-LD, another
site's article under a forged title, a raw ``</script>`` inside JSON-LD, a page grown huge."""

from __future__ import annotations

import random
import re
from functools import cache
from typing import Any

from ingest.replay.fault_kit import ChaosHandler, send

_BYLINE = re.compile(rb'<a class="article__author"[^>]*>([^<]*)</a>,? ?')
_TAG_LIST = re.compile(rb'<div class="post-item__tags">.*?</div></div>', re.DOTALL)
_TAG = re.compile(rb'<div class="post-item__tags-item"><a [^>]*>([^<]*)</a>')
_LD_TYPE = b'"@type": "NewsArticle", '
_LD_AUTHOR = re.compile(rb'"author": (\[[^\]]*\]|\{[^}]*\}), ')


def jsonld_controls(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """The byline and tag list moved from the markup into the JSON-LD, salted with a NUL, a
    lone surrogate and a BEL (as JSON escapes, which a JSON parser turns into those characters)."""
    byline = _BYLINE.search(page)
    tags = [m.group(1) for m in _TAG.finditer(page)]
    page = _TAG_LIST.sub(b"", _BYLINE.sub(b"", _LD_AUTHOR.sub(b"", page, count=1), count=1))
    salt = [b"\\u0000", b"\\udfff", b"\\u0007"]
    names = [(t + salt[i % 3]).replace(b'"', b"") for i, t in enumerate(tags)]
    keywords = b", ".join(b'"%s"' % n for n in names)
    author = byline.group(1).replace(b" ", b"\\u0000 ", 1) + b"\\udfff" if byline else b""
    extra = b'"author": {"@type": "Person", "name": "%s"}, "keywords": [%s], ' % (author, keywords)
    send(h, 200, page.replace(_LD_TYPE, _LD_TYPE + extra, 1), {})


def impostor(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """Another site's article (``copy_of``, its canonical link kept) with a forged title."""
    page = h.page_of(args["copy_of"])
    title = re.search(rb"<title>([^<]*)</title>", page)
    if title:
        page = page.replace(title.group(1), b"HIJACKED " + title.group(1))
    send(h, 200, page, {})


def jsonld_script_close(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """Another page (``copy_of``) whose JSON-LD gains an articleBody holding a raw ``</script>``
    (an embed code quoted in a string) ahead of the article's text."""
    page = h.page_of(args["copy_of"])
    text = b" ".join(re.sub(rb"<[^>]+>", b"", p) for p in re.findall(rb"<p[^>]*>(.*?)</p>", page))
    body = b'"articleBody": "Watch: <script src=\\"https://video.example/e.js\\"></script> %s", '
    body %= text.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
    page = re.sub(
        rb'(<script type="application/ld\+json">\s*\{)', lambda m: m.group(1) + body, page
    )
    send(h, 200, page, {})


@cache
def _filler(size: int, words_per_paragraph: int) -> bytes:
    """``size`` bytes of paragraphs of distinct-looking Cyrillic words (one paragraph when 0)."""
    rng = random.Random(size + words_per_paragraph)
    letters = "абвгдежзиклмнопрстуфхцчшщыэюя"
    vocabulary = ["".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(50_000)]
    out, total, words = [b"<p>"], 3, 0
    while total < size - 8:
        word = rng.choice(vocabulary).encode()
        words += 1
        if words_per_paragraph and words % words_per_paragraph == 0:
            word += b".</p>\n<p>"
        out.append(word + b" ")
        total += len(word) + 1
    return b"".join(out)[: size - 4] + b"</p>"


def huge_article(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """Another page (``copy_of``) grown to ``bytes`` by paragraphs after its first one."""
    page = h.page_of(args["copy_of"])
    first = page.index(b"</p>") + 4
    filler = _filler(int(args["bytes"]) - len(page), int(args["paragraph_words"]))
    send(h, 200, page[:first] + filler + page[first:], {})
