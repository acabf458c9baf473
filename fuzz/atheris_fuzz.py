"""Coverage-guided fuzzing of one target with atheris (long runs, not in CI).

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/atheris_fuzz.py all -atheris_runs=100000 -max_len=4096 fuzz/corpus

Targets: extract, clean_text, parse_datetime, feed, sitemap, archive, or all (the input's first
byte picks one). A crash is anything but our documented errors, a slow input or unsafe output;
libFuzzer saves it as ``crash-*`` to replay with the same command and that file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from fuzz.targets import CHECKS


def main() -> None:
    name = sys.argv.pop(1) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "all"
    checks = list(CHECKS.values())

    def one(data: bytes) -> None:
        if name != "all":
            CHECKS[name](data)
        elif data:
            checks[data[0] % len(checks)](data[1:])

    atheris.Setup(sys.argv, one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
