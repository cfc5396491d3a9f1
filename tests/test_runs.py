"""Re-runs, interruption and worker processes (issues 6 and 7)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from claimx.cli import cli

ARTICLES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".md") and p.stem != "SOURCES")


def claims_of(out: Path) -> list[str]:
    return (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()


def test_runs_rerun_uses_cache_and_gives_identical_outputs(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["extract", str(CORPUS), "-o", str(out), "-q"]).exit_code == 0
    first = {n: (out / n).read_bytes() for n in ("claims.jsonl", "claims.csv", "articles.jsonl", "review.csv")}
    assert CliRunner().invoke(cli, ["extract", str(CORPUS), "-o", str(out), "-q"]).exit_code == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["cache"] == {"hits": len(ARTICLES), "misses": 0}
    assert manifest["timings"]["load_model_seconds"] == 0
    assert {n: (out / n).read_bytes() for n in first} == first


def test_runs_tables_are_kept_only_while_they_hold_the_same_claims(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Sales rose 5%. Costs were $3 million.", encoding="utf-8")
    out = tmp_path / "out"
    run = ["extract", str(src), "-o", str(out), "-q"]
    assert CliRunner().invoke(cli, run).exit_code == 0
    csv, parquet = out / "claims.csv", out / "claims.parquet"
    good, mtime = csv.read_bytes(), parquet.stat().st_mtime_ns
    assert CliRunner().invoke(cli, run).exit_code == 0
    assert parquet.stat().st_mtime_ns == mtime  # unchanged claims: the tables are not rewritten
    csv.write_text("edited by hand\n", encoding="utf-8")
    assert CliRunner().invoke(cli, run).exit_code == 0
    assert csv.read_bytes() == good  # a table changed since is written again
    (src / "a.txt").write_text("Sales rose 7%. Costs were $3 million.", encoding="utf-8")
    assert CliRunner().invoke(cli, run).exit_code == 0
    assert "7%" in csv.read_text(encoding="utf-8") and parquet.stat().st_mtime_ns != mtime


def test_runs_edited_article_is_processed_again(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Sales rose 5%.", encoding="utf-8")
    (src / "b.txt").write_text("Costs were $3 million.", encoding="utf-8")
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"])
    (src / "a.txt").write_text("Sales rose 7%.", encoding="utf-8")
    CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"])
    assert json.loads((out / "manifest.json").read_text())["cache"] == {"hits": 1, "misses": 1}
    assert [json.loads(x)["quantity"]["text"] for x in claims_of(out)] == ["7%", "$3 million"]


def test_runs_two_jobs_give_identical_records(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert CliRunner().invoke(cli, ["extract", str(CORPUS), "-o", str(one), "-q", "--no-cache"]).exit_code == 0
    assert CliRunner().invoke(cli, ["extract", str(CORPUS), "-o", str(two), "-q", "--jobs", "2"]).exit_code == 0
    assert claims_of(one) == claims_of(two)
    import multiprocessing

    assert multiprocessing.active_children() == []  # the worker pool is shut down when the run ends


@pytest.fixture(scope="module")
def kill_batch(tmp_path_factory):
    """One batch of 30 articles and its clean run, shared by the kill-and-resume tests. The longest plain-text
    articles, so that the run yields its articles in several parse groups (process_articles parses short
    articles 64 texts at a time) and a signal can land between them, whatever the corpus holds."""
    root = tmp_path_factory.mktemp("kill")
    src = root / "batch.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES if p.suffix == ".txt"]
    texts = sorted(texts, key=len, reverse=True)[:10]
    with src.open("w", encoding="utf-8") as fh:
        for n in range(30):
            # each text made unique, so no article is a cache hit that would let the run end before the signal
            fh.write(json.dumps({"id": f"a{n}", "text": f"{texts[n % len(texts)]}\n\nCopy {n}."}) + "\n")
    clean = root / "clean"
    assert CliRunner().invoke(cli, ["extract", str(src), "-o", str(clean), "-q", "--no-cache"]).exit_code == 0
    return src, claims_of(clean)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sig, jobs, reviewed",
    [(signal.SIGINT, 1, False), (signal.SIGTERM, 2, True)],
    ids=["SIGINT", "SIGTERM-jobs2-reviewed"],
)
def test_runs_kill_and_resume(tmp_path, kill_batch, sig, jobs, reviewed):
    """Interrupt a run mid-way: what it wrote is complete and valid, a reviewed review.csv is untouched; the
    next run resumes and matches a clean run."""
    src, clean = kill_batch
    out = tmp_path / "out"
    review_before = None
    if reviewed:  # a previous run on the first articles, with a reviewer's verdict
        first = tmp_path / "first.jsonl"
        first.write_text("".join(src.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8")
        assert CliRunner().invoke(cli, ["extract", str(first), "-o", str(out), "-q"]).exit_code == 0
        text = (out / "review.csv").read_text(encoding="utf-8")
        (out / "review.csv").write_text(text.replace(",unreviewed,", ",false,", 1), encoding="utf-8")
        review_before = (out / "review.csv").read_bytes()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimx", "extract", str(src), "-o", str(out), "-q", "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # a suite started in the background of a shell without job control inherits SIGINT ignored; the run
        # under test must see the signal as a user's Ctrl-C would reach it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    cache = out / ".claimx-cache"
    start = sum(1 for _ in cache.rglob("*.json")) if cache.exists() else 0
    deadline = time.time() + 120
    while time.time() < deadline and (not cache.exists() or sum(1 for _ in cache.rglob("*.json")) < start + 5):
        time.sleep(0.1)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["interrupted"] is True
    partial = [json.loads(x) for x in claims_of(out)]  # every line is a complete, valid record
    done = {c["article_id"] for c in partial}
    assert 0 < len(done) < 30
    if reviewed:
        assert (out / "review.csv").read_bytes() == review_before  # a partial run never touches the review file
    else:
        assert not (out / "review.csv").exists()
    import multiprocessing

    assert multiprocessing.active_children() == []
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "-q"])
    assert res.exit_code == 0
    resumed = json.loads((out / "manifest.json").read_text())
    assert resumed["cache"]["hits"] >= len(done)
    assert claims_of(out) == clean
    ids = [json.loads(x)["claim_id"] for x in claims_of(out)]
    assert len(ids) == len(set(ids))  # nothing duplicated
    if reviewed:
        assert ",false," in (out / "review.csv").read_text(encoding="utf-8")  # the verdict survived
