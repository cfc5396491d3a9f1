"""The same extraction on a Dask cluster (optional: `pip install "claimx[dask]"`).

Articles are read on the client, cut into partitions, and each partition is one Dask task. A task runs
on a worker process, which loads the spaCy pipeline once (the first task it runs) and keeps it; it writes
its own part files (`claimx.outputs.folder.dask_part_paths`: `claims/jsonl/part-NNNNN.jsonl`,
`claims/parquet/part-NNNNN.parquet`, a Parquet dataset that pandas, pyarrow, Spark or DuckDB read as one
table, and `articles/part-NNNNN.jsonl`) to the output location, a local path or any fsspec URL the
workers can reach. A part's name depends only on its partition number, so when Dask retries a task
after a worker dies, the retry overwrites the same files: no record is written twice. The client writes
`manifest.json` (the same `RunManifest` a local run writes) when every task has finished.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from claimx import __version__
from claimx.errors import ClaimxError
from claimx.outputs.atomic import atomic_write, write_text
from claimx.outputs.folder import DASK_DIRS, DASK_OUTPUTS, OutputFolder, dask_part_paths
from claimx.schema import Article, ArticleResult, IngestFailure, ModelInfo, RunCounts, RunManifest, RunTimings


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process_partition(index: int, articles: list[dict], out_url: str) -> dict:
    """A Dask task: extract one partition and write its part files; returns counts."""
    import fsspec

    from claimx.export import write_tables
    from claimx.extract import process_articles

    fs, root = fsspec.core.url_to_fs(out_url)
    results: list[ArticleResult] = list(process_articles(Article.model_validate(a) for a in articles))
    failed = [r for r in results if r.error is not None]  # claimx failed on these (a bug): reported
    results = [r for r in results if r.error is None]
    claims = [c for r in results for c in r.claims]
    paths = dask_part_paths(root, index)
    for sub in DASK_DIRS:
        fs.makedirs(f"{root}/{sub}", exist_ok=True)
    write_text(paths["claims"], "".join(c.model_dump_json() + "\n" for c in claims), fs=fs)
    write_text(paths["articles"], "".join(r.summary().model_dump_json() + "\n" for r in results), fs=fs)
    with atomic_write(paths["claims_parquet"], "wb", fs=fs) as fh:  # hidden while written: readers skip it
        write_tables(claims, None, fh)  # one schema for every part, whatever columns a partition leaves empty
    return {
        "partition": index,
        "articles": len(results),
        "claims": len(claims),
        "errors": [{"path": r.article.path or r.article.article_id, "reason": r.error} for r in failed],
        "sentences": sum(r.n_sentences for r in results),
    }


def _gathered(counts: list[dict], failures: list[IngestFailure], on_failure) -> list[dict]:
    """The partitions' counts; the articles claimx failed on join the run's failures."""
    for c in counts:
        for e in c.get("errors", []):
            failures.append(IngestFailure(path=e["path"], code="internal", reason=e["reason"]))
            if on_failure is not None:
                on_failure(failures[-1])
    return counts


def extract_dask(
    inputs: Iterable[str],
    out_url: str,
    *,
    scheduler: str | None = None,
    jobs: int = 2,
    partition_size: int = 25,
    on_failure=None,
) -> RunManifest:
    """Extract `inputs` on a Dask cluster into `out_url`; returns the run's manifest.

    `claimx.run.run_extraction` calls it for `RunOptions(engine="dask")`. `scheduler` is the address of
    a running scheduler ("tcp://host:8786"); without one a LocalCluster of `max(jobs, 2)` worker processes
    is started. `partition_size` articles make one task. `out_url` is a local folder or an fsspec URL
    ("s3://bucket/run1") the workers can write. Inputs may be Parquet datasets with `id`/`text` columns.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClaimxError('the Dask engine needs dask.distributed: pip install "claimx[dask]"') from None
    import fsspec

    from claimx.ingest import iter_articles
    from claimx.nlp.model import model_info

    started = time.time()
    workers = jobs if scheduler else max(jobs, 2)
    failures: list[IngestFailure] = []
    fs, root = fsspec.core.url_to_fs(out_url)
    fs.makedirs(root, exist_ok=True)
    for sub in ("claims", "articles"):  # parts of an earlier run would mix with this one
        if fs.exists(f"{root}/{sub}"):
            fs.rm(f"{root}/{sub}", recursive=True)
    parts = _partitions(iter_articles([str(i) for i in inputs], failures, on_failure), partition_size)
    cluster = None
    if not scheduler:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            futures = [
                client.submit(
                    process_partition,
                    k,
                    [a.model_dump() for a in part],
                    out_url,
                    retries=2,
                    key=f"claimx-part-{k:05d}-{started:.0f}",
                )  # fmt: skip
                for k, part in enumerate(parts)
            ]
            counts = _gathered(client.gather(futures), failures, on_failure)
            n_workers = len(client.scheduler_info().get("workers", {}))
    finally:
        if cluster is not None:
            cluster.close()
    manifest = RunManifest(
        claimx_version=__version__,
        engine="dask",
        model=ModelInfo(**model_info()),
        inputs=[str(i) for i in inputs],
        formats=["jsonl", "parquet", "articles", "manifest"],
        counts=RunCounts(
            articles=sum(c["articles"] for c in counts),
            claims=sum(c["claims"] for c in counts),
            failed=len(failures),
            sentences=sum(c["sentences"] for c in counts),
            partitions=len(counts),
        ),
        errors=failures,
        jobs=workers,
        scheduler=scheduler or f"LocalCluster({workers})",
        workers=n_workers,
        outputs={**DASK_OUTPUTS, "manifest": OutputFolder.MANIFEST},
        timings=RunTimings(
            started=datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
            total_seconds=round(time.time() - started, 3),
        ),
    )
    write_text(f"{root}/{OutputFolder.MANIFEST}", json.dumps(manifest.model_dump(mode="json"), indent=2) + "\n", fs=fs)
    return manifest
