"""The same extraction on a Dask cluster (optional: `pip install "claimx[dask]"`).

Articles are read on the client, cut into partitions, and each partition is one Dask task. A task runs
on a worker process, which loads the spaCy pipeline once (the first task it runs) and keeps it; it writes
its own part files, `claims/jsonl/part-NNNNN.jsonl` and `claims/parquet/part-NNNNN.parquet` (a Parquet
dataset that pandas, pyarrow, Spark or DuckDB read as one table) plus `articles/part-NNNNN.jsonl`, to the
output location, a local path or any fsspec URL the workers can
reach. A part's name depends only on its partition number, so when Dask retries a task after a worker
dies, the retry overwrites the same files: no record is written twice. The client writes
`manifest.json` when every task has finished.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator

from claimx import __version__
from claimx.errors import ClaimxError
from claimx.schema import Article, ArticleResult, IngestFailure

PART = "part-{:05d}"


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_text(fs, path: str, text: str) -> None:
    """Write a whole file; on a local filesystem through a temporary name and a rename."""
    folder, _, base = path.rpartition("/")
    tmp = f"{folder}/.{base}.tmp"
    with fs.open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    fs.mv(tmp, path)


def process_partition(index: int, articles: list[dict], out_url: str) -> dict:
    """A Dask task: extract one partition and write its part files; returns counts."""
    import fsspec

    from claimx.export import claims_frame
    from claimx.extract import process_articles

    fs, root = fsspec.core.url_to_fs(out_url)
    results: list[ArticleResult] = list(process_articles(Article.model_validate(a) for a in articles))
    claims = [c for r in results for c in r.claims]
    name = PART.format(index)
    for sub in ("claims/jsonl", "claims/parquet", "articles"):
        fs.makedirs(f"{root}/{sub}", exist_ok=True)
    _write_text(fs, f"{root}/claims/jsonl/{name}.jsonl", "".join(c.model_dump_json() + "\n" for c in claims))
    _write_text(fs, f"{root}/articles/{name}.jsonl", "".join(r.summary().model_dump_json() + "\n" for r in results))
    tmp = f"{root}/claims/parquet/.{name}.parquet.tmp"  # hidden: readers of the dataset skip it
    with fs.open(tmp, "wb") as fh:
        claims_frame(claims).to_parquet(fh, index=False, engine="pyarrow")
    fs.mv(tmp, f"{root}/claims/parquet/{name}.parquet")
    return {
        "partition": index,
        "articles": len(results),
        "claims": len(claims),
        "sentences": sum(r.n_sentences for r in results),
    }


def extract_dask(
    inputs: Iterable[str],
    out_url: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 25,
    on_failure=None,
) -> dict:
    """Extract `inputs` on a Dask cluster into `out_url`; returns the manifest.

    Args:
        inputs: files, folders, JSONL files or Parquet datasets with `id`/`text` columns.
        out_url: a local folder or an fsspec URL ("s3://bucket/run1") the workers can write.
        scheduler: address of a running scheduler ("tcp://host:8786"); default: a LocalCluster.
        workers: worker processes of the LocalCluster (ignored with `scheduler`).
        partition_size: articles per task.
        on_failure: called with each IngestFailure.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClaimxError('the Dask engine needs dask.distributed: pip install "claimx[dask]"') from None
    import fsspec

    from claimx.ingest import iter_inputs
    from claimx.nlp.model import model_info

    started = time.time()
    failures: list[IngestFailure] = []

    def articles() -> Iterator[Article]:
        for item in iter_inputs(inputs):
            if isinstance(item, IngestFailure):
                failures.append(item)
                if on_failure is not None:
                    on_failure(item)
            else:
                yield item

    fs, root = fsspec.core.url_to_fs(out_url)
    fs.makedirs(root, exist_ok=True)
    for sub in ("claims", "articles"):  # parts of an earlier run would mix with this one
        if fs.exists(f"{root}/{sub}"):
            fs.rm(f"{root}/{sub}", recursive=True)
    cluster = (
        None
        if scheduler
        else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    )
    try:
        with Client(scheduler or cluster) as client:
            futures = [
                client.submit(
                    process_partition,
                    k,
                    [a.model_dump() for a in part],
                    out_url,
                    retries=2,
                    key=f"claimx-{PART.format(k)}-{started:.0f}",
                )
                for k, part in enumerate(_partitions(articles(), partition_size))
            ]
            counts = client.gather(futures)
            n_workers = len(client.scheduler_info().get("workers", {}))
    finally:
        if cluster is not None:
            cluster.close()
    manifest = {
        "claimx_version": __version__,
        "engine": "dask",
        "scheduler": scheduler or f"LocalCluster({workers})",
        "workers": n_workers,
        "model": model_info(),
        "inputs": list(inputs),
        "counts": {
            "articles": sum(c["articles"] for c in counts),
            "claims": sum(c["claims"] for c in counts),
            "failed": len(failures),
            "sentences": sum(c["sentences"] for c in counts),
            "partitions": len(counts),
        },
        "errors": [f.model_dump() for f in failures],
        "outputs": {
            "claims": "claims/jsonl/part-*.jsonl",
            "claims_parquet": "claims/parquet/",
            "articles": "articles/part-*.jsonl",
        },
        "timings": {"total_seconds": round(time.time() - started, 3)},
    }
    _write_text(fs, f"{root}/manifest.json", json.dumps(manifest, indent=2) + "\n")
    return manifest
