"""The README's promises about the output folder, each with a test that fails when the promise breaks (issue 16).

- A run killed with SIGKILL in the middle of writing any output leaves the previous outputs byte-identical
  and no temporary file in DIR (the atomic writer, and the outputs committed as one set).
- A changed rule file or changed code makes every article a cache miss (the cache key).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimx.cli import cli

pytestmark = pytest.mark.slow
HELPER = Path(__file__).parent / "helpers" / "kill_midwrite.py"
ARTICLES = {
    "a.txt": "Mining report\n\nExports fell 3% to $20 billion in 2023, the ministry said.\n\nImports rose 5%.\n",
    "b.txt": "Port report\n\nThe port handled 40 ships in 2024.\n\nCargo rose 12% last year, officials said.\n",
    "c.txt": "Energy note\n\nThe plant produces 350 megawatts and employs 1,200 workers.\n",
}
KEPT = ("claims.jsonl", "claims.csv", "claims.parquet", "articles.jsonl", "texts.jsonl", "review.csv", "manifest.json")


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of DIR but the cache and the verdict store's own journal, by relative path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file()
        and not p.relative_to(out).parts[0].startswith((".claimx-cache", "verdicts.sqlite"))
        and p.name != ".claimx.lock"
    }


@pytest.fixture(scope="module")
def reviewed_folder(tmp_path_factory):
    """A complete run of three articles with a reviewer's verdict in review.csv, and a changed input."""
    root = tmp_path_factory.mktemp("promises")
    src = root / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = root / "out"
    assert CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"]).exit_code == 0
    with (out / "review.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        cols, rows = reader.fieldnames, list(reader)
    next(r for r in rows if r["quantity_text"] == "40 ships").update(status="verified", note="checked")
    with (out / "review.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"]).exit_code == 0
    (src / "a.txt").write_text(ARTICLES["a.txt"].replace("3%", "4%"), encoding="utf-8")  # the next run differs
    return root


@pytest.mark.parametrize("target", ["claims.jsonl", "claims.parquet", "review.csv", "index.html"])
def test_promises_sigkill_mid_write_leaves_the_previous_outputs_and_no_temporary_file(
    reviewed_folder, tmp_path, target
):
    out = tmp_path / "out"
    shutil.copytree(reviewed_folder / "out", out)
    before = snapshot(out)
    assert all(name in before for name in KEPT)
    proc = subprocess.run(
        [sys.executable, str(HELPER), target, "extract", str(reviewed_folder / "in"), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -9, f"not killed while writing {target}: {proc.stderr}"
    assert snapshot(out) == before  # byte-identical, and no new file: no temporary left behind
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith(".tmp") or ".claimx-stag" in p.name]
    assert not leftovers
    res = CliRunner().invoke(cli, ["extract", str(reviewed_folder / "in"), "-o", str(out), "-q"])
    assert res.exit_code == 0  # the next run completes over what the killed one left
    assert "4%" in (out / "claims.csv").read_text(encoding="utf-8")
    rows = (out / "review.csv").read_text(encoding="utf-8")
    assert "verified" in rows and "checked" in rows


def test_promises_a_changed_rule_file_or_code_makes_every_article_a_cache_miss(tmp_path):
    import claimx

    package = Path(claimx.__file__).parent
    copy = tmp_path / "src" / "claimx"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}

    def run() -> dict:
        proc = subprocess.run(
            [sys.executable, "-m", "claimx", "extract", str(src), "-o", str(out), "-q"],
            capture_output=True, text=True, env=env, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        return json.loads((out / "manifest.json").read_text())["cache"]

    assert run() == {"hits": 0, "misses": 3}
    assert run() == {"hits": 3, "misses": 0}
    words = copy / "rules" / "words.jsonl"
    words.write_text(words.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a rule file changes
    assert run() == {"hits": 0, "misses": 3}
    assert run() == {"hits": 3, "misses": 0}
    claims_py = copy / "claims.py"
    claims_py.write_text(claims_py.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")  # code changes
    assert run() == {"hits": 0, "misses": 3}
