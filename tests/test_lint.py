"""The tree is ruff-clean: lint (E, F, I, B, UP; see pyproject.toml) and format."""

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT


def _ruff(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("ruff")
    cmd = [exe] if exe else [sys.executable, "-m", "ruff"]
    return subprocess.run([*cmd, *args], cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("args", [("check", "."), ("format", "--check", ".")], ids=["check", "format"])
def test_lint_tree_is_ruff_clean(args):
    res = _ruff(*args)
    assert res.returncode == 0, f"ruff {' '.join(args)} failed:\n{res.stdout}{res.stderr}"
