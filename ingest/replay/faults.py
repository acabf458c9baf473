"""The faults of the chaos site, one small function each: a response (or none) for hit N.

A fault gets the handler, the page it stands in for, its route's arguments and how many times
its URL was requested before (0-based), so "fails once, then works" needs no state of its own.
"""

from __future__ import annotations

import gzip
import re
import time
from functools import cache
from html import escape
from typing import Any

from ingest.replay.fault_kit import ChaosHandler, Fault, send
from ingest.replay.rewrites import huge_article, impostor, jsonld_controls, jsonld_script_close

BOMB_SIZE = 64 * 1024 * 1024  # decompressed; far above any sane DOWNLOAD_MAXSIZE
OVERSIZE = 9 * 1024 * 1024  # above the default DOWNLOAD_MAXSIZE (8 MiB)
_META_CHARSET = re.compile(rb"<meta[^>]*charset=[^>]*>", re.IGNORECASE)


def ok(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    send(h, 200, page, {})


def tracking_copy(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """The page under a tracking-parameter URL, as a real site serves any query."""
    ok(h, page, args, hit)


def status_then_ok(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    statuses = args["statuses"]
    if hit < len(statuses):
        send(h, statuses[hit], b"<h1>try again</h1>", {})
    else:
        ok(h, page, args, hit)


def retry_after(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    if hit == 0:
        send(h, 429, b"slow down", {"Retry-After": str(args.get("seconds", 1))})
    else:
        ok(h, page, args, hit)


def refused_with_retry_after(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """``statuses`` (429, 503…) in turn, each asking for ``seconds`` of patience; then the page."""
    statuses = args["statuses"]
    if hit >= len(statuses):
        return ok(h, page, args, hit)
    send(h, statuses[hit], b"busy", {"Retry-After": str(args["seconds"])})


def slow_then_ok(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    if hit == 0:
        time.sleep(float(args["delay"]))  # longer than the crawl's DOWNLOAD_TIMEOUT
    ok(h, page, args, hit)


def drop_before_body(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    if hit == 0:
        h.close_connection = True  # nothing written: the connection just closes
    else:
        ok(h, page, args, hit)


def drop_mid_body(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    if hit > 0:
        return ok(h, page, args, hit)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    half = page[: len(page) // 2]
    h.wfile.write(b"%x\r\n%s\r\n" % (len(half), half))
    h.close_connection = True  # no last chunk


def short_body(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    if hit > 0:
        return ok(h, page, args, hit)
    send(h, 200, page, {"Content-Length": str(len(page) + 1000)})
    h.close_connection = True


def broken_chunked(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    if hit > 0:
        return ok(h, page, args, hit)
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    h.wfile.write(b"%x\r\n%s\r\nzz-not-hex\r\n" % (100, page[:100]))
    h.close_connection = True


@cache
def _bomb(encoding: str) -> bytes:
    import brotli  # test extra only; the chaos site is a test tool

    zeros = b"\0" * BOMB_SIZE
    return gzip.compress(zeros, 9) if encoding == "gzip" else brotli.compress(zeros, quality=5)


def gzip_bomb(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    send(h, 200, _bomb("gzip"), {"Content-Encoding": "gzip"})


def brotli_bomb(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    send(h, 200, _bomb("br"), {"Content-Encoding": "br"})


def oversize(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    padding = b"<!--" + b"x" * (OVERSIZE - len(page)) + b"-->"
    send(h, 200, page.replace(b"</body>", padding + b"</body>"), {})


def recode(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """Re-encode the page; ``header``/``meta`` declare a charset (possibly wrong) or nothing."""
    body = _META_CHARSET.sub(b"", page)
    if args.get("meta"):
        body = body.replace(b"<head>", b'<head>\n<meta charset="%s">' % args["meta"].encode(), 1)
    body = body.decode("utf-8").encode(args["encoding"], "xmlcharrefreplace")
    if args.get("bom"):
        body = b"\xef\xbb\xbf" + body
    header = f"text/html; charset={args['header']}" if args.get("header") else "text/html"
    send(h, 200, body, {"Content-Type": header})


def invalid_bytes(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    send(h, 200, page.replace(b"<body>", b"<body>\n<!-- \xff\xfe\xc3( \x80 -->", 1), {})


def malformed(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """Optional end tags left out, stray ones added, tags in odd case: what tag soup looks like."""
    body = re.sub(rb"</(p|li|td|tr)>", b"", page)
    body = body.replace(b"<body>", b"<body><div><b><table></td></tr>", 1)
    body = body.replace(b"<head>", b"<HEAD>", 1).replace(b"</body>", b"</div></div>")
    send(h, 200, body, {})


def truncate(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    send(h, 200, page[: int(len(page) * float(args["fraction"]))], {})


def not_html(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    kind = args["content_type"]
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    if kind.startswith("image/"):
        body = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    send(h, 200, body, {"Content-Type": kind})


def links(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """A page of its own (``html``), not the snapshot's: e.g. links the crawl must not follow."""
    send(h, 200, f"<html><body>{args['html']}</body></html>".encode(), {})


def redirect(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """A redirect to ``to``; the first hits answer ``statuses`` (so the hop is a retry's)."""
    statuses = args.get("statuses", [])
    if hit < len(statuses):
        return send(h, statuses[hit], b"<h1>try again</h1>", {})
    send(h, int(args.get("status", 302)), b"", {"Location": args["to"]})


def redirect_chain(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """``?hop=1`` → ``?hop=2`` → … → the page, one 301/302/307 per hop."""
    hop = int(h.query.get("hop", "0"))
    if hop >= int(args["hops"]):
        return ok(h, page, args, hit)
    status = (301, 302, 307)[hop % 3]
    send(h, status, b"", {"Location": f"{h.url.split('?')[0]}?hop={hop + 1}"})


def redirect_loop(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """``URL`` → ``URL?loop=1`` → ``URL`` → … (never settles)."""
    target = h.url.split("?")[0] + ("" if "loop" in h.query else "?loop=1")
    send(h, 302, b"", {"Location": target})


def empty(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    send(h, 200, b"", {})


def feed_extra(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """The feed with extra items linking ``links`` (dated as the feed's first item)."""
    date = re.search(rb"<pubDate>[^<]*</pubDate>", page)
    stamp = date.group(0) if date else b""
    items = b"".join(
        b"<item><title>chaos</title><link>%s</link>%s</item>" % (escape(link).encode(), stamp)
        for link in args["links"]
    )
    send(
        h,
        200,
        page.replace(b"</channel>", items + b"</channel>", 1),
        {"Content-Type": "application/rss+xml"},
    )


def _laughs(root: bytes) -> bytes:
    """A DTD whose ``&l9;`` expands to 10^9 characters (libxml2 stops parsing at its use)."""
    ents = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    return b"<!DOCTYPE %s [%s]>\n" % (root, ents)


def xml_entities(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """The sitemap or feed with an entity bomb declared and used before the first ``marker``."""
    root = re.search(rb"<(urlset|sitemapindex|rss|feed)\b", page)
    head = page[: root.start()] if root else b""
    body = page[len(head) :].replace(args["marker"].encode(), b"&l9;" + args["marker"].encode(), 1)
    send(h, 200, head + _laughs(root.group(1) if root else b"x") + body, {})


def sitemap_index_loop(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """The index, plus one more index (``?level=N+1``) in it, ``levels`` deep before it stops."""
    level = int(h.query.get("level", "0"))
    if level < int(args["levels"]):
        more = b"<sitemap><loc>%s?level=%d</loc></sitemap>" % (
            h.url.split("?")[0].encode(),
            level + 1,
        )
        page = page.replace(b"</sitemapindex>", more + b"</sitemapindex>", 1)
    send(h, 200, page, {})


def feed(h: ChaosHandler, page: bytes, args: dict[str, Any], hit: int) -> None:
    """A feed of its own listing ``links``, each dated ``date`` (RFC 822)."""
    items = b"".join(
        b"<item><title>%s</title><link>%s</link><pubDate>%s</pubDate></item>"
        % (escape(link).encode(), escape(link).encode(), args["date"].encode())
        for link in args["links"]
    )
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>%s</channel></rss>'
    send(h, 200, body % items, {"Content-Type": "application/rss+xml"})


FAULTS: dict[str, Fault] = {
    f.__name__: f
    for f in (
        ok, tracking_copy, status_then_ok, retry_after, refused_with_retry_after, slow_then_ok, drop_before_body, drop_mid_body,
        short_body, broken_chunked, gzip_bomb, brotli_bomb, oversize, recode, invalid_bytes,
        malformed, truncate, not_html, links, redirect, redirect_chain, redirect_loop, empty, feed_extra,
        xml_entities, sitemap_index_loop, jsonld_controls, impostor, feed, jsonld_script_close, huge_article,
    )
}  # fmt: skip
