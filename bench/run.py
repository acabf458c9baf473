"""``make bench``: every benchmark in a process of its own, then one side-by-side table.

    python -m bench.run [--pages 5000] [--records 100000] [--passes 5] [--only NAME ...]

Figures go to ``bench/results/<name>.json`` (not committed); the table prints the ratios the
targets are stated in, each measured within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def run_one(name: str, *args: str) -> dict[str, Any]:
    """``python -m bench.<name> ... --json bench/results/<name>.json`` in a fresh process."""
    out = RESULTS / f"{name}.json"
    cmd = [sys.executable, "-m", f"bench.{name}", *args, "--json", str(out)]
    print(f"running {' '.join(cmd[1:])}", file=sys.stderr, flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text("utf-8"))


def _mark(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def extraction_table(r: dict[str, Any]) -> list[str]:
    sets, combined = r["sets"], r["combined"]
    names = list(sets)
    lines = [
        "extraction: "
        + " + ".join(f"{name} ({s['pages']} pages)" for name, s in sets.items())
        + f", median of {r['passes']} passes, one process; F1 as ingest eval scores each set",
        f"  {'extractor':<22}"
        + "".join(f"{name + ' p/s':>15}{'F1':>8}" for name in names)
        + f"{'all p/s':>10}{'ms/page':>9}{'vs ours':>9}",
    ]
    ours = combined["extractors"]["ingest"]
    for label, both in combined["extractors"].items():
        cells = "".join(
            f"{s['extractors'][label]['pages_per_second']:>15.1f}"
            f"{s['extractors'][label][s['headline']]:>8.4f}"
            for s in sets.values()
        )
        ratio = ours["pages_per_second"] / both["pages_per_second"]
        lines.append(
            f"  {label:<22}{cells}{both['pages_per_second']:>10.1f}{both['ms_per_page']:>9.2f}"
            f"{ratio:>8.2f}x"
        )
    traf = combined["extractors"]["trafilatura default"]
    floor = combined["extractors"]["parse floor"]
    speedup = ours["pages_per_second"] / traf["pages_per_second"]
    per_set = ", ".join(
        f"{name} {_ratio(s, 'ingest', 'trafilatura default'):.2f}x" for name, s in sets.items()
    )
    f1 = ", ".join(
        f"{name} {s['extractors']['ingest']['f1']:.4f} vs "
        f"{s['extractors']['trafilatura default']['f1']:.4f}"
        for name, s in sets.items()
    )
    to_floor = floor["pages_per_second"] / ours["pages_per_second"]
    lines += [
        f"  target ours >= 1.5x trafilatura default, {' + '.join(names)} together: "
        f"{speedup:.2f}x ({per_set}): {_mark(speedup >= 1.5)}",
        f"  F1 ours vs trafilatura default: {f1}",
        f"  target ours within 4x of the parse floor: {to_floor:.2f}x: {_mark(to_floor <= 4)}",
    ]
    return lines


def _ratio(figures: dict[str, Any], ours: str, other: str) -> float:
    ex = figures["extractors"]
    return float(ex[ours]["pages_per_second"] / ex[other]["pages_per_second"])


def crawl_table(r: dict[str, Any]) -> list[str]:
    full, only, bound = r["crawl_to_store"], r["crawl_only"], r["extraction_bound"]
    lines = [
        f"crawl to store: {r['pages']} generated article pages, {r['workers']} extraction "
        f"workers, {r['cpus']} CPUs",
        f"  {'run':<34}{'pages/s':>9}{'stored/s':>10}{'peak RSS':>10}{'tree PSS':>10}",
        f"  {'crawl to store (end to end)':<34}{full['pages_per_second']:>9.1f}"
        f"{full['stored_per_second']:>10.1f}{full['peak_rss_mb']:>8.0f}MB"
        f"{full['peak_tree_mb']:>8.0f}MB",
        f"  {'crawl only (no pipelines)':<34}{only['pages_per_second']:>9.1f}{'-':>10}"
        f"{only['peak_rss_mb']:>8.0f}MB{only['peak_tree_mb']:>8.0f}MB",
        f"  {'extraction alone, ' + str(bound['workers']) + ' processes':<34}"
        f"{bound['pages_per_second']:>9.1f}",
        f"  {'extraction alone, 1 process':<34}{bound['one_process_pages_per_second']:>9.1f}",
        "  tree PSS at 25/50/75/100% of the crawl: "
        + " ".join(f"{m:.0f}" for m in full["tree_mb_quartiles"])
        + " MB",
    ]
    ratio = r["ratio_to_extraction_bound"]
    peak = max(full["peak_rss_mb"], full["peak_tree_mb"])
    lines += [
        f"  target stored/s >= 70% of extraction-bound: {ratio:.0%}: {_mark(ratio >= 0.7)}",
        f"  target peak RSS < 300 MB (crawl process; tree PSS): {full['peak_rss_mb']:.0f} MB; "
        f"{full['peak_tree_mb']:.0f} MB: {_mark(peak < 300)}",
    ]
    return lines


def storage_table(r: dict[str, Any]) -> list[str]:
    ratio = r["ratio_to_bare"]
    partial = (
        f" (stopped after {r['store_records']} at the time cap)"
        if r["store_records"] < r["records"]
        else ""
    )
    return [
        f"storage: {r['records']} records into SQLite, batches of {r['batch']}",
        f"  store upserts/s:          {r['store_upserts_per_second']:>10.0f}{partial}",
        f"  bare executemany rows/s:  {r['bare_executemany_per_second']:>10.0f}",
        f"  target store >= 50% of bare executemany: {ratio:.1%}: {_mark(ratio >= 0.5)}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="generated site size")
    parser.add_argument("--records", type=int, default=100_000, help="storage records")
    parser.add_argument("--passes", type=int, default=5, help="extraction passes")
    parser.add_argument("--only", nargs="*", choices=["extraction", "crawl", "storage"])
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    wanted = args.only or ["extraction", "crawl", "storage"]
    lines = [f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}", ""]
    if "extraction" in wanted:
        lines += [*extraction_table(run_one("extraction", "--passes", str(args.passes))), ""]
    if "crawl" in wanted:
        lines += [*crawl_table(run_one("crawl", "--pages", str(args.pages))), ""]
    if "storage" in wanted:
        lines += storage_table(run_one("storage", "--records", str(args.records)))
    text = "\n".join(lines).rstrip() + "\n"
    (RESULTS / "summary.txt").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
