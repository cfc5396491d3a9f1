"""Atomic writing: the one way claimx writes a file.

A file is written to a temporary file beside its target, flushed and fsynced, then renamed over the
target, so a reader never sees half a file and a run that dies mid-write leaves the previous file
intact. On Linux the temporary file has no name while it is written (`O_TMPFILE`): a process killed
with SIGKILL in the middle of a write leaves nothing behind; it is given a hidden name only for the
instant before the rename. Elsewhere it is a hidden `.NAME.*.tmp` file, removed on any error.

`deferred()` groups writes: inside it, every finished file waits, complete and fsynced, and all are
moved into place together when the block ends (none if it fails), so the outputs of a run change as
one set. On an fsspec filesystem that is not local (Dask outputs on s3://...), the temporary file is a
hidden name in the same folder, moved into place when complete.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

_PENDING: ContextVar[list | None] = ContextVar("claimx_pending_writes", default=None)


class _Temp:
    """A finished temporary file waiting to become `target`."""

    def __init__(self, target: Path, fd: int | None = None, name: str | None = None):
        self.target, self.fd, self.name = target, fd, name

    def commit(self) -> None:
        if self.fd is not None:  # unnamed (O_TMPFILE): a name for the instant of the rename
            name = tempfile.mktemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=self.target.parent)
            root = os.open("/", os.O_RDONLY)
            try:  # linkat(..., AT_SYMLINK_FOLLOW): a dir fd makes Python call linkat with the flag
                os.link(f"proc/self/fd/{self.fd}", name, src_dir_fd=root, follow_symlinks=True)
            finally:
                os.close(root)
            self.name = name
        try:
            os.replace(self.name, self.target)
        finally:
            self.close()

    def discard(self) -> None:
        try:
            if self.fd is None and self.name:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.name)
        finally:
            self.close()

    def close(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None


def _open_temp(path: Path) -> _Temp:
    umask = os.umask(0)
    os.umask(umask)
    if hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd"):
        try:
            fd = os.open(path.parent, os.O_TMPFILE | os.O_WRONLY, 0o666 & ~umask)
            return _Temp(path, fd=fd)
        except OSError:  # a filesystem without O_TMPFILE: a named temporary file
            pass
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(name, 0o666 & ~umask)
    os.close(fd)
    return _Temp(path, name=name)


@contextmanager
def deferred() -> Iterator[None]:
    """Hold every atomic write inside the block, and move them all into place when it ends without error."""
    outer = _PENDING.get()
    if outer is not None:  # nested: the outermost block commits
        yield
        return
    pending: list[_Temp] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        for temp in pending:
            if not callable(temp):
                temp.discard()
        raise
    finally:
        _PENDING.reset(token)
    callbacks = [p for p in pending if callable(p)]
    files = [p for p in pending if not callable(p)]
    for k, temp in enumerate(files):
        try:
            temp.commit()
        except BaseException:
            for rest in files[k + 1 :]:
                rest.discard()
            raise
    for fn in callbacks:
        fn()


def after_commit(fn) -> None:
    """Call `fn` once the files of the enclosing `deferred()` block are in place (now, outside one)."""
    pending = _PENDING.get()
    if pending is None:
        fn()
    else:
        pending.append(fn)


def defer_move(src: Path, dst: Path) -> None:
    """Move a finished file into place now, or with the enclosing `deferred()` block."""
    pending = _PENDING.get()
    temp = _Temp(Path(dst), name=str(src))
    if pending is None:
        temp.commit()
    else:
        pending.append(temp)


@contextmanager
def atomic_write(path: Path | str, mode: str = "w", *, fs: Any = None) -> Iterator[IO]:
    """Open a temporary file beside `path`; when the block ends without error, move it over `path`
    (at once, or at the end of the enclosing `deferred()` block).

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
    temp = _open_temp(path)
    try:
        raw = os.open(temp.name, os.O_WRONLY) if temp.fd is None else os.dup(temp.fd)
        with os.fdopen(raw, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        temp.discard()
        raise
    pending = _PENDING.get()
    if pending is None:
        temp.commit()
    else:
        pending.append(temp)


def write_text(path: Path | str, text: str, *, fs: Any = None) -> None:
    """A whole text file, atomically."""
    with atomic_write(path, fs=fs) as fh:
        fh.write(text)


def write_json(obj: Any, path: Path | str, *, fs: Any = None) -> None:
    """A JSON document, pretty-printed, atomically."""
    write_text(path, json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n", fs=fs)
