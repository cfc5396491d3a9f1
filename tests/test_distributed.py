"""The Dask engine gives the same records as a local run (issue 8)."""

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from claimx.cli import cli

pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (pip install '.[dask]')")


def lines(paths):
    return sorted(line for p in paths for line in Path(p).read_text(encoding="utf-8").splitlines() if line)


@pytest.mark.slow
def test_distributed_localcluster_two_workers_equals_local_run(tmp_path):
    from claimx.run import RunOptions, run_extraction
    from claimx.schema import RunManifest

    local = tmp_path / "local"
    assert CliRunner().invoke(cli, ["extract", str(CORPUS), "-o", str(local), "-q", "--no-cache"]).exit_code == 0
    manifest = run_extraction([CORPUS], tmp_path / "dask", options=RunOptions(engine="dask", jobs=2, partition_size=2))
    local_manifest = RunManifest.model_validate_json((local / "manifest.json").read_text())
    assert (manifest.engine, local_manifest.engine) == ("dask", "local")  # one manifest model for both engines
    assert (manifest.counts.articles, manifest.counts.claims) == (
        local_manifest.counts.articles,
        local_manifest.counts.claims,
    )
    manifest = manifest.model_dump()
    n_articles = local_manifest.counts.articles
    assert manifest["workers"] == 2 and manifest["counts"]["partitions"] == -(-n_articles // 2)  # 2 per partition
    parts = sorted((tmp_path / "dask" / "claims" / "jsonl").glob("part-*.jsonl"))
    assert lines(parts) == lines([local / "claims.jsonl"])
    frame = pd.read_parquet(tmp_path / "dask" / "claims" / "parquet")
    assert len(frame) == manifest["counts"]["claims"] == len(lines([local / "claims.jsonl"]))
    assert lines(sorted((tmp_path / "dask" / "articles").glob("part-*.jsonl"))) == lines([local / "articles.jsonl"])


@pytest.mark.slow
def test_distributed_parquet_dataset_input_and_rerun_without_duplicates(tmp_path):
    from claimx.run import RunOptions, run_extraction

    def extract_dask(inputs, out, **kw):
        return run_extraction(inputs, out, options=RunOptions(engine="dask", **kw)).model_dump()

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    data = tmp_path / "archive"
    data.mkdir()
    pd.DataFrame({"id": [f"a{k}" for k in range(len(texts))], "text": texts}).to_parquet(data / "part-0.parquet")
    out = tmp_path / "out"
    first = extract_dask([str(data)], str(out), jobs=2, partition_size=2)
    again = extract_dask([str(data)], str(out), jobs=2, partition_size=2)  # a re-run overwrites its parts
    assert first["counts"] == again["counts"] and first["counts"]["articles"] == len(texts)
    claims = lines(sorted((out / "claims" / "jsonl").glob("part-*.jsonl")))
    assert len(claims) == first["counts"]["claims"]
    assert {json.loads(c)["article_id"] for c in claims} <= {f"a{k}" for k in range(len(texts))}


def test_distributed_cli_needs_an_output_folder():
    res = CliRunner().invoke(cli, ["extract", str(CORPUS), "--engine", "dask", "-o", "-"])
    assert res.exit_code == 2
