"""Files replaced whole or not at all: written beside the target, renamed into place when complete.

A failing export, report or stats dump must never leave a truncated file where a good one was:
everything is written to a temporary name in the target's own folder (same file system, so the
rename is atomic), flushed to disk, and only then renamed over the target. On an error the
temporary file or folder is removed and the target is untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def replacing(target: str | Path, folder: bool = False) -> Iterator[Path]:
    """A fresh temporary path beside ``target`` (a file, or an empty folder with ``folder``);
    renamed onto ``target`` when the block ends without an error, removed when it raises."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{target.name}."
    if folder:
        temp = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=target.parent))
    else:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
        os.close(handle)
        temp = Path(name)
    try:
        yield temp
        _set_mode(temp, target, folder)
        if not folder:
            _sync(temp)
        os.replace(temp, target)  # a folder target must be absent or empty
    except BaseException:
        if folder:
            shutil.rmtree(temp, ignore_errors=True)
        else:
            temp.unlink(missing_ok=True)
        raise


@contextmanager
def text_file(target: str | Path, newline: str | None = None) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``target`` only once it is all written."""
    with replacing(target) as temp, temp.open("w", encoding="utf-8", newline=newline) as stream:
        yield stream


def write_text(target: str | Path, text: str) -> None:
    """Replace ``target`` with ``text`` (UTF-8), whole or not at all."""
    with text_file(target) as stream:
        stream.write(text)


def check_writable(target: str | Path) -> None:
    """Raise OSError now, before a long run, when ``target``'s folder is missing or cannot take
    a new file (read-only, not a folder): tried with a real temporary file, as root too."""
    folder = Path(target).parent
    if not folder.is_dir():
        raise FileNotFoundError(2, "no such folder", str(folder))
    handle, name = tempfile.mkstemp(prefix=f".{Path(target).name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    os.unlink(name)


def _sync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _set_mode(temp: Path, target: Path, folder: bool) -> None:
    """The target's permissions when it exists, else what the umask gives a new file or folder
    (mkstemp and mkdtemp make them private)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = (0o777 if folder else 0o666) & ~umask
    os.chmod(temp, mode)
