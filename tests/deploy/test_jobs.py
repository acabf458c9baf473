"""The scheduled jobs: deploy/ files match the registry, cron lines are valid, each job stops
before the next is due, and the cron example's command crawls the snapshot with the job settings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from ingest.jobs import crontab, find, plan, spider_args, systemd_units
from ingest.sites import SITES
from ingest.store import open_store
from tests.conftest import ROOT
from tests.snapshot_data import articles, captured_at

DEPLOY = ROOT / "deploy"
_FIELD = re.compile(r"^(\*|\*/\d+|\d+)$")


def test_deploy_files_are_what_the_registry_generates() -> None:
    assert (DEPLOY / "crontab").read_text("utf-8") == crontab(), (
        "run: ingest jobs cron > deploy/crontab"
    )
    for name, text in systemd_units().items():
        assert (DEPLOY / "systemd" / name).read_text("utf-8") == text, (
            "run: ingest jobs systemd deploy/systemd"
        )
    assert sorted(p.name for p in (DEPLOY / "systemd").iterdir()) == sorted(systemd_units())


def test_every_source_runs_at_its_cadence_and_daily() -> None:
    lines = [
        x for x in crontab().splitlines() if x and not x.startswith("#") and "=" not in x.split()[0]
    ]
    by_job = {}
    for line in lines:
        fields = line.split()
        assert all(_FIELD.match(f) for f in fields[:5]), line
        by_job[re.search(r"jobs run (\S+)", line).group(1)] = fields[:5]  # type: ignore[union-attr]
    for site in SITES.values():
        minutes = int(site.cadence.total_seconds() // 60)
        frequent = by_job[f"{site.name}-frequent"]
        assert (
            frequent[0] == f"*/{minutes}" if minutes < 60 else frequent[1] == f"*/{minutes // 60}"
        )
        assert by_job[f"{site.name}-daily"][1:] == ["2", "*", "*", "*"]


def test_a_job_stops_before_the_next_one_is_due() -> None:
    for job in plan():
        assert 0 < job.timeout < job.every.total_seconds()
        timer = systemd_units()[f"ingest-crawl-{job.name}.timer"]
        assert f"Unit=ingest-crawl@{job.name}.service" in timer


def test_every_job_is_the_news_spider_bound_to_its_source() -> None:
    for job in plan():
        assert spider_args(job, date(2026, 11, 20))[:3] == ["news", "-a", f"source={job.source}"]


def test_politeness_defaults() -> None:
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert 0 < settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 4
    assert settings.get("INGEST_CONTACT") in settings.get("USER_AGENT")
    assert settings.get("USER_AGENT").startswith("news-ingest/")


def test_the_cron_example_command_crawls_with_the_job_settings(
    replay_server: str, tmp_path: Path
) -> None:
    line = next(x for x in crontab().splitlines() if "jobs run korrespondent-daily" in x)
    command = re.search(r"\.venv/bin/python (-m ingest\.cli jobs run \S+)", line).group(1).split()  # type: ignore[union-attr]
    until = captured_at().date()
    env = {**os.environ, "INGEST_REPLAY_PROXY": replay_server,
           "INGEST_DATABASE_PATH": str(tmp_path / "store.sqlite"), "INGEST_WARC_DIR": str(tmp_path / "warc")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, *command, "--", "-a", f"since={until - timedelta(days=2)}", "-a", f"until={until}",
         "-s", "AUTOTHROTTLE_ENABLED=False"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    timeout = find("korrespondent-daily").timeout
    assert (
        f"'CLOSESPIDER_TIMEOUT': '{timeout}'" in done.stderr
        and "'DEPTH_LIMIT': '20'" in done.stderr
    )
    store = open_store(str(tmp_path / "store.sqlite"))
    assert store.count() == len(articles())
    store.close()
    assert list((tmp_path / "warc").glob("korrespondent-*.warc.gz"))
