"""Crawl to store: the real spider over a generated site, beside its two limits.

    python -m bench.crawl [--pages 5000] [--workers N] [--json PATH]

Three runs over the same pages: the full crawl (download → extract → dedupe → store); the same
crawl with the item pipelines switched off (``ITEM_PIPELINES={}``: the crawl-only limit); and
extraction alone in a pool of the same number of worker processes (the extraction-bound limit).
Memory is sampled from /proc during the crawls: the crawl process, and the whole process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from bench import report
from bench.rss import RssSampler
from bench.site import GeneratedSite, generate, remove
from ingest.extract.record import Dropped, extract_record
from ingest.fetched import FetchedPage

ROOT = Path(__file__).resolve().parents[1]


def crawl(site: GeneratedSite, proxy: str, work: Path, name: str, *settings: str) -> dict[str, Any]:
    """Run ``scrapy crawl korrespondent`` over the site; its stats, rates and memory."""
    stats_file = work / f"{name}.stats.json"
    cmd = [
        sys.executable, "-m", "scrapy", "crawl", "korrespondent",
        "-a", f"since={site.day}", "-a", f"until={site.day}",
        "-s", f"INGEST_REPLAY_PROXY={proxy}",
        "-s", f"INGEST_DATABASE_PATH={work / (name + '.sqlite')}",
        "-s", f"INGEST_STATS_FILE={stats_file}",
        # A local server: the politeness limits of the live crawl would only measure themselves.
        "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", "CONCURRENT_REQUESTS=32",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s", "LOG_LEVEL=WARNING",
        "-s", "LOGSTATS_INTERVAL=0",
        *settings,
    ]  # fmt: skip
    log = (work / f"{name}.log").open("w")
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=log)
    with RssSampler(proc.pid) as sampler:
        code = proc.wait()
    wall = time.monotonic() - start
    log.close()
    if code != 0:
        raise SystemExit(f"bench crawl {name} failed ({code}); log in {work / (name + '.log')}")
    stats = json.loads(stats_file.read_text("utf-8"))
    elapsed = float(stats["elapsed_time_seconds"])
    pages = int(stats.get("item_scraped_count", 0)) + sum(
        int(v) for k, v in stats.items() if k.startswith(("ingest/dropped/", "ingest/duplicates/"))
    )
    stored = int(stats.get("ingest/store/inserted", 0))
    peak_main, peak_tree = sampler.samples.peak()
    return {
        "article_pages": pages,
        "stored": stored,
        "seconds": elapsed,
        "wall_seconds": wall,
        "pages_per_second": pages / elapsed,
        "stored_per_second": stored / elapsed,
        "peak_rss_mb": peak_main,
        "peak_tree_mb": peak_tree,
        "tree_mb_quartiles": sampler.samples.quartiles(),
        "dropped": {k: v for k, v in stats.items() if k.startswith("ingest/dropped/")},
    }


def extraction_alone(site: GeneratedSite, captured_at: str, workers: int) -> dict[str, Any]:
    """Extract every generated page in a pool of ``workers`` processes (pages read beforehand)."""
    jobs = [
        FetchedPage(url, p.read_bytes(), captured_at, source="korrespondent")
        for url, p in site.articles
    ]
    with ProcessPoolExecutor(workers, mp_context=get_context("forkserver")) as pool:
        list(pool.map(_extract, jobs[: workers * 4]))  # start the workers and import everything
        start = time.perf_counter()
        results = list(pool.map(_extract, jobs, chunksize=16))
        seconds = time.perf_counter() - start
    extracted = sum(1 for ok in results if ok)
    single = jobs[:500]
    start = time.perf_counter()
    for job in single:
        _extract(job)
    single_rate = len(single) / (time.perf_counter() - start)
    return {
        "pages": len(jobs),
        "extracted": extracted,
        "seconds": seconds,
        "pages_per_second": len(jobs) / seconds,
        "one_process_pages_per_second": single_rate,
        "workers": workers,
    }


def _extract(job: FetchedPage) -> bool:
    return not isinstance(extract_record(job), Dropped)


def run(pages: int, workers: int, keep: bool = False) -> dict[str, Any]:
    """Generate the site, serve it, take the three measurements; the figures as a dict."""
    work = Path(tempfile.mkdtemp(prefix="ingest-bench-crawl-"))
    site = generate(work / "site", pages)
    captured_at = json.loads((site.root / "manifest.json").read_text("utf-8"))["captured_at"]
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.serve", str(site.root)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        proxy = server.stdout.readline().strip()  # type: ignore[union-attr]
        results = {
            "pages": pages,
            "workers": workers,
            "cpus": os.cpu_count(),
            "extraction_bound": extraction_alone(site, captured_at, workers),
            "crawl_only": crawl(site, proxy, work, "crawl_only", "-s", "ITEM_PIPELINES={}"),
            "crawl_to_store": crawl(
                site, proxy, work, "crawl_to_store", "-s", f"INGEST_EXTRACT_WORKERS={workers}"
            ),
        }
    finally:
        server.stdin.close()  # type: ignore[union-attr]
        server.wait(timeout=30)
        if not keep:
            remove(site)
    full, bound = results["crawl_to_store"], results["extraction_bound"]
    results["ratio_to_extraction_bound"] = full["stored_per_second"] / bound["pages_per_second"]
    if not keep:
        for path in work.iterdir():
            path.unlink()
        work.rmdir()
    else:
        results["work_dir"] = str(work)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the site, stores and logs")
    args = parser.parse_args()
    results = run(args.pages, args.workers, args.keep)
    report(results, args.json)


if __name__ == "__main__":
    main()
