"""Serve a snapshot folder with the replay server in a process of its own (for the crawl bench).

python -m bench.serve DIR     # prints the proxy URL, serves until stdin closes
"""

from __future__ import annotations

import sys
from pathlib import Path

from ingest.replay.server import ReplayServer, Snapshot


def main() -> None:
    with ReplayServer(Snapshot.load(Path(sys.argv[1]))) as server:
        print(server.url, flush=True)
        sys.stdin.read()  # the bench closes our stdin when it is done


if __name__ == "__main__":
    main()
