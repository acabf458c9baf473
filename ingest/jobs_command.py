"""``ingest jobs``: list the scheduled jobs, print their crontab or systemd units, run one, or
schedule one on scrapyd."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from ingest.errors import InputError
from ingest.jobs import crontab, find, job_settings, plan, spider_args, systemd_units


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``jobs`` subcommand and its actions."""
    parser = subparsers.add_parser(
        "jobs", help="scheduled crawls: list, cron, systemd, run, scrapyd"
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="list the jobs and how often each runs (the default)")
    actions.add_parser("cron", help="print the crontab of every job")
    units = actions.add_parser("systemd", help="write the service and timer units to a folder")
    units.add_argument("folder")
    run = actions.add_parser("run", help="run one job now (SOURCE-KIND), with the job settings")
    run.add_argument("job")
    run.add_argument("--dry-run", action="store_true", help="print the command only")
    run.add_argument("extra", nargs=argparse.REMAINDER, help="more scrapy arguments, after --")
    sched = actions.add_parser("scrapyd", help="schedule one job on a scrapyd (schedule.json)")
    sched.add_argument("url", help="scrapyd base URL, e.g. http://127.0.0.1:6800/")
    sched.add_argument("job")
    sched.add_argument("--project", default="ingest")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Do the chosen action (default: list the jobs)."""
    if args.action == "cron":
        sys.stdout.write(crontab())
    elif args.action == "systemd":
        folder = Path(args.folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in systemd_units().items():
            (folder / name).write_text(text, "utf-8")
        print(f"{len(systemd_units())} units → {folder}", file=sys.stderr)
    elif args.action == "run":
        command = [sys.executable, "-m", "scrapy", "crawl", *_args(args.job)]
        extra = [a for a in args.extra if a != "--dry-run"]
        command += extra[1:] if extra[:1] == ["--"] else extra
        if args.dry_run or "--dry-run" in args.extra:
            print(" ".join(command))
            return 0
        return subprocess.run(command, check=False).returncode
    elif args.action == "scrapyd":
        return _schedule(args.url, args.project, args.job)
    else:
        for job in plan():
            print(f"{job.name:<28} every {int(job.every.total_seconds() // 60):>5} min")
    return 0


def _args(name: str) -> list[str]:
    try:
        return spider_args(find(name), datetime.now(UTC).date())
    except KeyError as exc:
        raise InputError(str(exc.args[0])) from None


def _schedule(url: str, project: str, name: str) -> int:
    """POST schedule.json: spider, its arguments, and the job settings as ``setting=`` fields."""
    words = _args(name)
    settings = job_settings(find(name))
    data: list[tuple[str, str]] = [("project", project), ("spider", words[0])]
    for flag, value in zip(words[1::2], words[2::2], strict=True):
        if flag == "-a":
            data.append(tuple(value.split("=", 1)))  # type: ignore[arg-type]
    data += [("setting", f"{k}={v}") for k, v in settings.items()]
    request = urllib.request.Request(
        url.rstrip("/") + "/schedule.json", data=urllib.parse.urlencode(data).encode()
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            reply = json.loads(response.read())
    except OSError as exc:
        raise InputError(f"{url}: cannot schedule ({exc})") from exc
    print(json.dumps(reply))
    return 0 if reply.get("status") == "ok" else 1
