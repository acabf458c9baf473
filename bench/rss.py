"""Resident memory of a process and its children, sampled from /proc while it runs (Linux)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

_PAGE_KB = 4


@dataclass
class RssSamples:
    """Samples in MB: RSS of the main process, and of the whole tree as the sum of proportional
    set sizes (pages shared by forked workers counted once, not once per process)."""

    times: list[float] = field(default_factory=list)
    main: list[float] = field(default_factory=list)
    tree: list[float] = field(default_factory=list)

    def peak(self) -> tuple[float, float]:
        """Peak RSS of the main process and of the tree (MB)."""
        return max(self.main, default=0.0), max(self.tree, default=0.0)

    def quartiles(self) -> list[float]:
        """Tree RSS at 25, 50, 75 and 100 % of the run: flat memory keeps these level."""
        if not self.tree:
            return []
        n = len(self.tree)
        return [self.tree[min(n - 1, int(n * q) - 1)] for q in (0.25, 0.5, 0.75, 1.0)]


class RssSampler:
    """Sample ``pid`` and its descendants every ``interval`` seconds in a background thread."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.pid = pid
        self.interval = interval
        self.samples = RssSamples()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._start = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            main = _rss_mb(self.pid)
            if main is None:
                return
            pids = [self.pid, *_descendants(self.pid)]
            tree = sum(_pss_mb(p) or 0.0 for p in pids)
            self.samples.times.append(time.monotonic() - self._start)
            self.samples.main.append(main)
            self.samples.tree.append(tree)


def _rss_mb(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
    except OSError:
        return None
    return int(fields[1]) * _PAGE_KB / 1024


def _pss_mb(pid: int) -> float | None:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return _rss_mb(pid)
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return _rss_mb(pid)


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    stack = [pid]
    while stack:
        parent = stack.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(children)
            stack.extend(children)
    return found
