"""The ``ingest`` command: clean text, extract pages, run the offline demo, serve a snapshot."""

from __future__ import annotations

import argparse
import errno
import gzip
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from ingest.errors import IngestError, InputError


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; every expected failure is one line on stderr and a non-zero exit."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except IngestError as exc:
        print(f"ingest {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"ingest {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


class _OneLineErrors(argparse.ArgumentParser):
    """Usage mistakes are one line on stderr (the help is one ``--help`` away), exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    from ingest import __version__

    parser = _OneLineErrors(prog="ingest", description=__doc__)
    parser.add_argument("--version", action="version", version=f"ingest {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = sub.add_parser("clean", help="clean already-flattened article text, print the body")
    clean.add_argument("file", help="a text file, or - for stdin")
    clean.add_argument("--json", action="store_true", help="print the record as JSON")
    clean.add_argument("--source", help="apply a registered source's phrases too")
    clean.set_defaults(handler=_clean)

    extract = sub.add_parser("extract", help="extract articles from saved HTML files (JSON lines)")
    extract.add_argument("files", nargs="+", help="HTML files, optionally .gz")
    extract.add_argument("--url", help="the page URL (default: the page's canonical/og:url)")
    extract.add_argument(
        "--fetched-at", help="ISO time the page was fetched (relative dates count from it)"
    )
    extract.set_defaults(handler=_extract)

    demo = sub.add_parser("demo", help="crawl the bundled snapshot site offline into the store")
    demo.add_argument("--snapshot", default="data/snapshot", help="snapshot folder")
    demo.add_argument("--db", default=None, help="SQLite store path (default: the setting)")
    demo.add_argument(
        "--generic",
        action="store_true",
        help="crawl the generic snapshot (data/snapshot-generic) with the news spider instead",
    )
    demo.set_defaults(handler=_demo)

    replay = sub.add_parser("replay", help="serve a snapshot on 127.0.0.1 for manual crawls")
    replay.add_argument("--snapshot", default="data/snapshot", help="snapshot folder")
    replay.add_argument("--port", type=_port, default=8765, help="0-65535; 0 picks a free one")
    replay.set_defaults(handler=_replay)

    from ingest.sites.command import register as register_sources

    register_sources(sub)
    from ingest.store.commands import register as register_store

    register_store(sub)
    from ingest.warc.command import register as register_reprocess

    register_reprocess(sub)
    from ingest.report.command import register as register_report

    register_report(sub)
    from ingest.jobs_command import register as register_jobs

    register_jobs(sub)
    try:
        from ingest.eval.command import register as register_eval
    except ImportError:  # the eval package is optional in stripped-down installs
        pass
    else:
        register_eval(sub)
    return parser


def _port(text: str) -> int:
    """A TCP port number for argparse: a usage error names the value."""
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0-65535)")
    return int(text)


def _read_text(name: str) -> str:
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if not text.strip():
        raise InputError(f"{name}: empty (no text to clean)")
    return text


def _clean(args: argparse.Namespace) -> int:
    from ingest.extract.textclean import clean_text
    from ingest.sites import get_site

    text = _read_text(args.file)
    boilerplate = None
    if args.source:
        try:
            boilerplate = get_site(args.source).boilerplate
        except KeyError as exc:
            raise InputError(str(exc.args[0])) from None
    result = clean_text(text, boilerplate)
    if args.json:
        record = {
            "body": result.body,
            "original_source": result.original_source,
            "source_article_id": result.source_article_id,
            "language": result.language,
            "removed": result.removed,
        }
        print(json.dumps(record, ensure_ascii=False, indent=2))
    elif result.body:
        print(result.body)
    else:
        removed = sum(len(lines) for lines in result.removed.values())
        print(
            f"ingest clean: {args.file}: nothing left after cleaning "
            f"({removed} lines removed as boilerplate)",
            file=sys.stderr,
        )
        return 1
    return 0


def _read_html(name: str) -> bytes:
    try:
        raw = Path(name).read_bytes()
        return gzip.decompress(raw) if name.endswith(".gz") else raw
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    except (EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"{name}: cannot read ({exc})") from exc


def _extract(args: argparse.Namespace) -> int:
    from ingest.errors import ExtractionError
    from ingest.extract.path import record_of
    from ingest.fetched import FetchedPage

    fetched_at = datetime.now(UTC)
    if args.fetched_at:
        try:
            fetched_at = datetime.fromisoformat(args.fetched_at)
        except ValueError:
            raise InputError(f"--fetched-at {args.fetched_at!r}: not an ISO 8601 time") from None
        if fetched_at.tzinfo is None:
            fetched_at = fetched_at.replace(tzinfo=UTC)
    failures = 0
    for name in args.files:
        try:
            article = record_of(FetchedPage(args.url or "", _read_html(name), fetched_at)).article
        except InputError as exc:  # its message names the file already
            print(f"ingest extract: error: {exc}", file=sys.stderr)
            failures += 1
            continue
        except ExtractionError as exc:
            message = str(exc)
            if exc.reason == "no_url":
                message = "no canonical or og:url in the page; pass --url"
            print(f"ingest extract: error: {name}: {message}", file=sys.stderr)
            failures += 1
            continue
        print(json.dumps({"file": name, **article.to_dict()}, ensure_ascii=False))
    return 1 if failures else 0


def _demo(args: argparse.Namespace) -> int:
    from ingest.demo import run_demo, run_generic_demo

    if args.generic:
        folder = "data/snapshot-generic" if args.snapshot == "data/snapshot" else args.snapshot
        return run_generic_demo(Path(folder), args.db)
    return run_demo(Path(args.snapshot), args.db)


def _replay(args: argparse.Namespace) -> int:
    import time

    from ingest.replay.server import ReplayServer, Snapshot

    snapshot = Snapshot.load(Path(args.snapshot))
    try:
        server = ReplayServer(snapshot, args.port)
    except OSError as exc:
        reason = "in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise InputError(f"cannot listen on 127.0.0.1:{args.port}: {reason}") from None
    with server:
        print(f"serving {args.snapshot} as a proxy on {server.url}; crawl with")
        print(f"  scrapy crawl korrespondent -s INGEST_REPLAY_PROXY={server.url}")
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main())
