"""Run `claimx ARGS...` and kill this process with SIGKILL in the middle of writing one output file.

    python tests/helpers/kill_midwrite.py TARGET_NAME claimx-args...

When claimx opens the temporary file that will become TARGET_NAME, the first write to it writes half of
its data, flushes it to disk and then sends SIGKILL to this process: no handler, no cleanup runs. If
TARGET_NAME is never written through claimx's atomic writer, the run completes (and the caller's test,
which expects a SIGKILL, fails): replacing the atomic writer with a plain open() is caught that way.
"""

import os
import signal
import sys

import claimx.outputs.atomic as atomic

TARGET = sys.argv[1]
_armed = {"next": False}
_open_temp = atomic._open_temp
_fdopen = os.fdopen


def open_temp(path):
    temp = _open_temp(path)
    if path.name == TARGET:
        _armed["next"] = True
    return temp


class KillOnWrite:
    def __init__(self, fh):
        self._fh = fh

    def write(self, data):
        half = data[: max(1, len(data) // 2)]
        self._fh.write(half)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        os.kill(os.getpid(), signal.SIGKILL)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._fh.__exit__(*exc)


def fdopen(fd, *args, **kwargs):
    fh = _fdopen(fd, *args, **kwargs)
    if _armed["next"]:
        _armed["next"] = False
        return KillOnWrite(fh)
    return fh


atomic._open_temp = open_temp
atomic.os.fdopen = fdopen

from claimx.cli import cli  # noqa: E402

sys.exit(cli.main(args=sys.argv[2:], prog_name="claimx", standalone_mode=True))
