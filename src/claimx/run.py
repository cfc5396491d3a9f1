"""A whole extraction run as one library call: `run_extraction(inputs, out, options=...) -> RunManifest`.

What `claimx extract` does, without the command line: read the inputs (failures reported, never raised),
take unchanged articles from the result cache, extract the rest (in worker processes with `jobs > 1`),
stage each finished article, then write claims.jsonl, the tables, articles and texts, merge review.csv,
build the report and write manifest.json, every file through `OutputFolder`. A `KeyboardInterrupt`
while articles are being processed (Ctrl-C, or SIGTERM turned into one by the caller) stops the run: the
finished articles are written and cached, review.csv is left untouched, and the manifest says
`interrupted`. With `engine="dask"` the run goes to `claimx.distributed` and returns the same model.

    >>> from claimx.run import RunOptions, run_extraction
    >>> manifest = run_extraction(["corpus/"], "outputs/", options=RunOptions(jobs=2))
    >>> manifest.counts.claims
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Literal

from claimx import __version__
from claimx.export import parse_formats
from claimx.ingest import iter_articles
from claimx.outputs import OutputFolder
from claimx.schema import (
    Article,
    ArticleResult,
    CacheStats,
    IngestFailure,
    ModelInfo,
    ReviewStats,
    RunCounts,
    RunManifest,
    RunTimings,
)


@dataclass(frozen=True)
class RunOptions:
    """How to run. Every field has the default `claimx extract` uses."""

    formats: tuple[str, ...] | None = None  # jsonl, csv, parquet, articles, review, report, manifest; None: all
    sort_by: Literal["text", "checkworthiness"] = "text"
    jobs: int = 1  # worker processes (local) or Dask workers of a local cluster
    use_cache: bool = True  # take unchanged articles from DIR/.claimx-cache
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None  # Dask scheduler address; default a LocalCluster
    partition_size: int = 25  # articles per Dask task
    settings: dict = field(default_factory=lambda: {"prefilter": True})  # part of the cache key


FailureHook = Callable[[IngestFailure], None]
ArticleHook = Callable[[ArticleResult], None]


def run_extraction(
    inputs: Iterable[str | Path],
    out: str | Path | IO[str],
    *,
    options: RunOptions | None = None,
    on_failure: FailureHook | None = None,
    on_article: ArticleHook | None = None,
    on_start: Callable[[int], None] | None = None,
) -> RunManifest:
    """Extract claims from `inputs` into the output folder `out` (or stream JSONL to a text stream).

    Args:
        inputs: files, folders, JSONL files, Parquet datasets, or "-" for standard input.
        out: an output folder (created if needed), or a writable text stream for claims JSONL only.
        options: see RunOptions.
        on_failure: called with each input that cannot be read (the run goes on).
        on_article: called with each finished article's result, in input order (progress).
        on_start: called once with the number of articles, before any is processed.

    Raises:
        ReviewFileError: the folder's review.csv cannot be merged safely (nothing is written).
        ExportError: the folder cannot be written.
    """
    options = options or RunOptions()
    inputs = [str(i) for i in inputs]
    formats = parse_formats(list(options.formats) if options.formats else None)
    if options.engine == "dask":
        from claimx.distributed import extract_dask

        return extract_dask(
            inputs,
            str(out),
            scheduler=options.scheduler,
            jobs=options.jobs,
            partition_size=options.partition_size,
            on_failure=on_failure,
        )
    started = time.time()
    stream = out if hasattr(out, "write") else None
    folder = None if stream is not None else OutputFolder(out)
    # a reviewer's file is checked before any work, so a broken one stops the run untouched
    old_review = folder.read_review() if folder is not None and "review" in formats else None
    failures: list[IngestFailure] = []
    articles = list(iter_articles(inputs, failures, on_failure))
    if on_start is not None:
        on_start(len(articles))
    run = _LocalRun(folder, stream, options, formats)
    run.failures, run.on_failure = failures, on_failure
    processed = run.process(articles, on_article)
    counts = RunCounts(
        articles=processed, claims=run.n_claims, failed=len(failures), sentences=run.n_sentences
    )  # fmt: skip
    manifest = RunManifest(
        claimx_version=__version__,
        engine="local",
        model=ModelInfo(**run.model),
        inputs=inputs,
        formats=formats,
        counts=counts,
        errors=failures,
        interrupted=run.interrupted,
        jobs=options.jobs,
        cache=CacheStats(hits=run.cache.hits, misses=run.cache.misses) if run.cache else CacheStats(hits=0, misses=0),
        timings=RunTimings(
            started=datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
            load_model_seconds=round(run.load_seconds, 3),
            extract_seconds=round(run.extract_seconds, 3),
            total_seconds=0.0,
        ),
    )
    return run.finish(manifest, old_review, started)


class _LocalRun:
    """The state of one local run: cache, pipeline, staged outputs and counts."""

    def __init__(self, folder: OutputFolder | None, stream: IO[str] | None, options: RunOptions, formats: list[str]):
        from claimx.cache import ResultCache
        from claimx.nlp.model import model_info

        self.folder, self.stream, self.options, self.formats = folder, stream, options, formats
        self.model = model_info()
        use_cache = folder is not None and options.use_cache
        self.cache = ResultCache(folder, model=self.model, settings=options.settings) if use_cache else None
        self.staged = None
        self.buffered: list = []  # stdout sorted by checkworthiness needs every claim first
        self.n_claims = self.n_sentences = 0
        self.interrupted = False
        self.load_seconds = self.extract_seconds = 0.0
        self.failures: list[IngestFailure] = []  # an article claimx failed on is one more
        self.on_failure: FailureHook | None = None

    def _pipeline(self, needed: bool):
        t0 = time.time()
        if not needed:  # an unchanged corpus needs no model at all
            return None
        from claimx.nlp.pipeline import default_nlp

        nlp = default_nlp()
        self.load_seconds = time.time() - t0
        return nlp

    def process(self, articles: list[Article], on_article: ArticleHook | None) -> int:
        """Process (or take from the cache) every article in input order; returns how many were finished."""
        from claimx.extract import process_articles, process_in_parallel
        from claimx.outputs.staging import StagedOutputs

        t1 = time.time()
        todo = [k for k, a in enumerate(articles) if self.cache is None or not self.cache.has(a)]
        if self.cache is not None:
            self.cache.misses = len(todo)
        nlp = self._pipeline(bool(todo))
        if self.folder is not None:
            self.staged = StagedOutputs(self.folder, reuse_tables=self.options.use_cache)
        computed = process_in_parallel([articles[k] for k in todo], jobs=self.options.jobs, nlp=nlp)
        todo_set, done = set(todo), 0
        try:
            for k, article in enumerate(articles):  # input order; one result in memory at a time
                result = next(computed) if k in todo_set else self.cache.get(article)
                if result is None:  # a cache entry that could not be read
                    result = next(process_articles([article], nlp=nlp))
                if result.error is not None:  # a bug on this article: reported, never cached, run goes on
                    self._failed(article, result.error)
                    continue
                if self.cache is not None and k in todo_set:
                    self.cache.put(result)
                self._sink(result)
                done += 1
                if on_article is not None:
                    on_article(result)
        except KeyboardInterrupt:
            self.interrupted = True
        finally:
            computed.close()  # shuts the worker pool down here, not whenever the generator is collected
        self.extract_seconds = time.time() - t1
        return done

    def _failed(self, article: Article, reason: str) -> None:
        failure = IngestFailure(path=article.path or article.article_id, code="internal", reason=reason)
        self.failures.append(failure)
        if self.on_failure is not None:
            self.on_failure(failure)

    def _sink(self, result: ArticleResult) -> None:
        self.n_claims += len(result.claims)
        self.n_sentences += result.n_sentences
        if self.staged is not None:
            self.staged.add(result)
        elif self.options.sort_by == "checkworthiness":
            self.buffered.extend(result.claims)
        else:
            for c in result.claims:
                self.stream.write(c.model_dump_json() + "\n")

    def finish(self, manifest: RunManifest, old_review: list[dict] | None, started: float) -> RunManifest:
        """Write the outputs (or flush the stream); returns the manifest as written."""
        if self.staged is None:
            for c in sorted(self.buffered, key=lambda c: -c.checkworthiness):
                self.stream.write(c.model_dump_json() + "\n")
            self.stream.flush()
            return _with_total(manifest, started)
        try:
            outputs, review = self._write_folder(old_review)
        finally:
            self.staged.cleanup()
        manifest = _with_total(manifest.model_copy(update={"outputs": outputs, "review": review}), started)
        if "manifest" in self.formats:
            self.folder.write_manifest(manifest)
        return manifest

    def _write_folder(self, old_review: list[dict] | None) -> tuple[dict[str, str], ReviewStats | None]:
        from claimx.outputs.atomic import deferred

        folder, formats, names = self.folder, self.formats, self.folder.FORMAT_FILES
        with deferred():  # every output file moves into place together, when all are written
            return self._write_files(folder, formats, names)

    def _write_files(self, folder, formats, names) -> tuple[dict[str, str], ReviewStats | None]:
        from claimx.report import build_report
        from claimx.review import store_of, update_review

        written = self.staged.finalize(formats, self.options.sort_by)
        review = None
        statuses = None
        if "review" in formats and not self.interrupted:  # a partial run must not orphan anyone's verdicts
            merged = update_review(folder, self.staged.iter_claims, articles_in_run=self.staged.article_ids)
            statuses = {r["claim_id"]: r["status"] for r in store_of(folder).rows()}
            written["review"] = names["review"]
            review = ReviewStats(
                verdicts_kept=merged.kept,
                verdicts_rematched=merged.rematched,
                verdicts_reattached=merged.reattached,
                unreviewed_claims=merged.unreviewed,
                orphaned_verdicts=len(merged.orphans),
            )
        if "report" in formats and not self.interrupted:
            build_report(folder, articles=self.staged.iter_articles(), statuses=statuses)
            written["report"] = names["report"]
        if "manifest" in formats:
            written["manifest"] = names["manifest"]
        return written, review


def _with_total(manifest: RunManifest, started: float) -> RunManifest:
    timings = manifest.timings.model_copy(update={"total_seconds": round(time.time() - started, 3)})
    return manifest.model_copy(update={"timings": timings})
