"""Atomic writing: the one way claimx writes a file.

A file is written to a temporary name beside its target, flushed and fsynced, then renamed over the
target, so a reader never sees half a file and a run that dies mid-write leaves the previous file
intact. On an fsspec filesystem that is not local (Dask outputs on s3://...), the temporary file is a
hidden name in the same folder, moved into place when complete.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_write(path: Path | str, mode: str = "w", *, fs: Any = None) -> Iterator[IO]:
    """Open a temporary file beside `path`; when the block ends without error, move it over `path`.

    Args:
        path: the target (a local path, or a path on `fs`).
        mode: "w" for text (UTF-8, newlines as written) or "wb" for bytes.
        fs: an fsspec filesystem for a non-local target; default: the local filesystem.
    """
    if fs is not None and "file" not in getattr(fs, "protocol", ()):
        folder, _, base = str(path).rpartition("/")
        tmp = f"{folder}/.{base}.tmp"
        with fs.open(tmp, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as fh:
            yield fh
        fs.mv(tmp, str(path))
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text(path: Path | str, text: str, *, fs: Any = None) -> None:
    """A whole text file, atomically."""
    with atomic_write(path, fs=fs) as fh:
        fh.write(text)


def write_json(obj: Any, path: Path | str, *, fs: Any = None) -> None:
    """A JSON document, pretty-printed, atomically."""
    write_text(path, json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n", fs=fs)
