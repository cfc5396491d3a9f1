"""The `claimx` command: a thin click layer over the library.

Exit codes: 0 success; 1 some inputs failed or a handled error (`Error: ...`); 2 usage error.
Data goes to stdout or files; progress and failure lines go to stderr.
"""

from __future__ import annotations

import json
import signal
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

import click

from claimx import __version__
from claimx.errors import ClaimxError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _debug_option(f):
    return click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")(f)


def _quiet_option(f):
    return click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")(f)


def _format_option(f):
    return click.option(
        "-f",
        "--format",
        "formats",
        multiple=True,
        metavar="LIST",
        help="Outputs to write, comma-separated: jsonl, csv, parquet, articles, review, report, "
        "manifest (default: all).",
    )(f)


def _fail(message: str, debug: bool, code: int = EXIT_FAILED) -> None:
    if debug:
        traceback.print_exc()
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="claimx")
def cli() -> None:
    """claimx: checkable quantitative claims from news articles.

    Exit codes: 0 success, 1 some inputs failed (or an error was reported), 2 usage error,
    130 interrupted (the finished articles are written and cached).

    Example:

        claimx extract corpus/ -o outputs/
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    default="outputs",
    show_default=True,
    metavar="DIR",
    help="Output folder, or '-' to stream claims JSONL to stdout.",
)
@_format_option
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(["text", "checkworthiness"]),
    default="text",
    show_default=True,
    help="Order of claims in the outputs: text order, or most check-worthy first.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes for extraction."
)
@click.option(
    "--no-cache", is_flag=True, help="Process every article again, ignoring the result cache in DIR/.claimx-cache."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help='Run here, or on a Dask cluster (pip install "claimx[dask]"); dask writes partitioned '
    "claims/jsonl/part-*.jsonl and claims/parquet/, and DIR may be any fsspec URL.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler address (tcp://host:8786); default: a local cluster of --jobs workers.",
)
@click.option(
    "--partition-size", type=click.IntRange(1, 100000), default=25, show_default=True, help="Articles per Dask task."
)
@_quiet_option
@_debug_option
def extract(
    inputs: tuple[str, ...],
    output: str,
    formats: tuple[str, ...],
    sort_by: str,
    jobs: int,
    no_cache: bool,
    engine: str,
    scheduler: str | None,
    partition_size: int,
    quiet: bool,
    debug: bool,
) -> None:
    """Extract quantitative claims from articles.

    INPUT is a file or folder (searched recursively) of .txt, .md, .html/.htm or .jsonl
    articles, or '-' for standard input. Writes claims.jsonl, claims.csv, claims.parquet,
    articles.jsonl, review.csv, report/ and manifest.json into the output folder. An input that
    cannot be read costs one line on stderr ('path: reason') and an entry in manifest.json; the rest
    go on, and the exit code is 1.

    Articles whose text, claimx version and settings are unchanged are taken from the cache in
    DIR/.claimx-cache instead of being processed again. Interrupted (Ctrl-C, SIGTERM), claimx writes
    the outputs of the articles it finished, leaves review.csv untouched, and exits 130; the next run
    takes the finished articles from the cache and goes on.

    Example:

        claimx extract corpus/ -o outputs/

        claimx extract article.html -o - | head -1

        claimx extract corpus/ -o review/ --sort checkworthiness
    """
    from claimx.export import FORMAT_FILES, parse_formats, write_json
    from claimx.ingest import iter_inputs
    from claimx.review import REVIEW_FILE, read_review, update_review
    from claimx.schema import IngestFailure

    try:
        fmt_list = parse_formats(list(formats) if formats else None)
    except ClaimxError as exc:
        raise click.UsageError(str(exc)) from None
    started = time.time()
    failures: list[IngestFailure] = []

    def report(f: IngestFailure) -> None:
        failures.append(f)
        click.echo(f"{f.path}: {f.reason}", err=True)

    if engine == "dask":
        from claimx.distributed import extract_dask

        if output == "-":
            raise click.UsageError("--engine dask writes part files; give an output folder or URL with -o")
        try:
            manifest = extract_dask(
                inputs,
                output,
                scheduler=scheduler,
                workers=max(jobs, 2) if not scheduler else jobs,
                partition_size=partition_size,
                on_failure=report,
            )
        except ClaimxError as exc:
            _fail(str(exc), debug)
        if not quiet:
            c = manifest["counts"]
            click.echo(
                f"{c['articles']} articles, {c['claims']} claims -> {output} ({c['partitions']} partitions on "
                f"{manifest['workers']} Dask workers)",
                err=True,
            )
        sys.exit(EXIT_FAILED if failures else EXIT_OK)

    try:
        from claimx.nlp.model import model_info

        # a reviewer's file is checked before any work, so a broken one stops the run untouched
        old_review = read_review(Path(output) / REVIEW_FILE) if output != "-" and "review" in fmt_list else None
        articles = []
        for item in iter_inputs(inputs):
            if isinstance(item, IngestFailure):
                report(item)
            else:
                articles.append(item)
        from claimx.cache import ResultCache
        from claimx.extract import process_in_parallel

        t1 = time.time()
        model = model_info()
        cache = (
            None if output == "-" or no_cache else ResultCache(Path(output), model=model, settings={"prefilter": True})
        )
        todo = [k for k, a in enumerate(articles) if cache is None or not cache.has(a)]
        if cache is not None:
            cache.misses = len(todo)
        t0 = time.time()
        if todo:  # an unchanged corpus needs no model at all
            from claimx.nlp.pipeline import default_nlp

            nlp = default_nlp()
        else:
            nlp = None
        load_seconds = time.time() - t0
        from claimx.export import StagedOutputs
        from claimx.extract import process_articles

        staged = None if output == "-" else StagedOutputs(Path(output), reuse_tables=not no_cache)
        buffered: list = []  # stdout sorted by checkworthiness needs every claim first
        interrupted = False
        n_articles = n_claims = 0
        previous_term = signal.signal(signal.SIGTERM, _raise_interrupt)
        bar = (
            click.progressbar(length=len(articles), label="articles", file=sys.stderr)
            if not quiet and sys.stderr.isatty() and articles
            else None
        )
        computed = process_in_parallel([articles[k] for k in todo], jobs=jobs, nlp=nlp)
        todo_set = set(todo)
        try:
            for k, article in enumerate(articles):  # input order; one result in memory at a time
                result = next(computed) if k in todo_set else cache.get(article)
                if result is None:  # a cache entry that could not be read
                    result = next(process_articles([article], nlp=nlp))
                if cache is not None and k in todo_set:
                    cache.put(result)
                if staged is not None:
                    staged.add(result)
                elif sort_by == "checkworthiness":
                    buffered.extend(result.claims)
                else:
                    for c in result.claims:
                        sys.stdout.write(c.model_dump_json() + "\n")
                n_articles += 1
                n_claims += len(result.claims)
                if bar is not None:
                    bar.update(1)
        except KeyboardInterrupt:
            interrupted = True
            click.echo(f"Interrupted: writing the {n_articles} articles finished so far.", err=True)
        finally:
            computed.close()  # shuts the worker pool down here, not whenever the generator is collected
            signal.signal(signal.SIGTERM, previous_term)
            if bar is not None:
                bar.render_finish()
        extract_seconds = time.time() - t1
        if staged is None:
            for c in sorted(buffered, key=lambda c: -c.checkworthiness):
                sys.stdout.write(c.model_dump_json() + "\n")
            sys.stdout.flush()
        else:
            manifest = {
                "claimx_version": __version__,
                "model": model,
                "inputs": list(inputs),
                "formats": fmt_list,
                "counts": {
                    "articles": n_articles,
                    "claims": n_claims,
                    "failed": len(failures),
                    "sentences": staged.sentences,
                },
                "errors": [f.model_dump() for f in failures],
                "interrupted": interrupted,
                "cache": {"hits": cache.hits if cache else 0, "misses": cache.misses if cache else 0},
                "jobs": jobs,
                "timings": {
                    "started": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
                    "load_model_seconds": round(load_seconds, 3),
                    "extract_seconds": round(extract_seconds, 3),
                    "total_seconds": round(time.time() - started, 3),
                },
            }
            out_dir = Path(output)
            try:
                written = staged.finalize(fmt_list, sort_by)
                if "review" in fmt_list and not interrupted:  # a partial run must not orphan anyone's verdicts
                    merged = update_review(out_dir, staged.iter_claims, old_rows=old_review)
                    written["review"] = FORMAT_FILES["review"]
                    manifest["review"] = {
                        "verdicts_kept": merged.kept,
                        "verdicts_rematched": merged.rematched,
                        "new_claims": merged.new,
                        "orphaned_verdicts": len(merged.orphans),
                    }
                if "report" in fmt_list and not interrupted:
                    from claimx.report import build_report

                    build_report(out_dir, articles=staged.iter_articles())
                    written["report"] = FORMAT_FILES["report"]
                if "manifest" in fmt_list:
                    write_json(
                        {**manifest, "outputs": {**written, "manifest": FORMAT_FILES["manifest"]}},
                        out_dir / FORMAT_FILES["manifest"],
                    )
            finally:
                staged.cleanup()
        if not quiet:
            where = "stdout" if output == "-" else output
            click.echo(
                f"{n_articles} articles, {n_claims} claims -> {where}"
                + (f"; {len(failures)} inputs failed" if failures else ""),
                err=True,
            )
    except ClaimxError as exc:
        _fail(str(exc), debug)
    if interrupted:
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_FAILED if failures else EXIT_OK)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


@cli.group(name="eval")
def eval_group() -> None:
    """Score claimx against gold data."""


@eval_group.command("newsquant")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), help="Write every mismatch as JSONL here.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_debug_option
def eval_newsquant(file: str, errors_path: str | None, as_json: bool, debug: bool) -> None:
    """P/R/F1 for value, value+unit and value+change on a NewsQuant-format file.

    Example:

        claimx eval newsquant ../shared/data/eval/newsquant-dev.json
    """
    from claimx.evaluate import load_newsquant, score_newsquant
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    try:
        items = load_newsquant(file)
    except (ValueError, json.JSONDecodeError) as exc:
        _fail(f"{file}: not a NewsQuant file ({exc}); expected a JSON list of {{text, quantities}}", debug)
    articles = [make_article(x["text"], article_id=str(i)) for i, x in enumerate(items) if x["text"].strip()]
    by_id = {r.article.article_id: [c.quantity for c in r.claims] for r in process_articles(articles)}
    preds = [by_id.get(str(i), []) for i in range(len(items))]
    score = score_newsquant(items, preds)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as fh:
            for e in score.errors:
                fh.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
    if as_json:
        click.echo(json.dumps(score.as_dict(), indent=2))
    else:
        click.echo(f"{file}: {len(items)} sentences")
        for line in score.lines():
            click.echo(line)


@eval_group.command("claims")
@click.argument("gold_file", type=click.Path(exists=True, dir_okay=False))
@click.argument("article", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List each gold claim with what was found and what is wrong.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@_debug_option
def eval_claims(gold_file: str, article: str | None, verbose: bool, as_json: bool, debug: bool) -> None:
    """Detection P/R/F1 and per-field accuracy against a gold claims file.

    ARTICLE defaults to the article the gold file names, looked up from the working folder and
    the folders above the gold file.

    Example:

        claimx eval claims ../shared/data/gold/sat-us-pakistan-minerals.claims.json
    """
    from claimx.evaluate import resolve_gold_article, score_claims
    from claimx.extract import process_articles
    from claimx.ingest import read_file
    from claimx.schema import IngestFailure

    try:
        gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
        gold["claims"]
    except (ValueError, KeyError, TypeError) as exc:
        _fail(f"{gold_file}: not a gold claims file ({exc}); expected {{article, claims: [...]}}", debug)
    path = Path(article) if article else resolve_gold_article(Path(gold_file), gold)
    if path is None:
        _fail(f"cannot find the article {gold.get('article')!r} named by {gold_file}; pass it as ARTICLE", debug)
    item = next(read_file(path, path.parent))
    if isinstance(item, IngestFailure):
        _fail(f"{item.path}: {item.reason}", debug)
    result = next(process_articles([item]))
    score = score_claims(item.text, gold, result.claims)
    if as_json:
        click.echo(json.dumps(score.as_dict(), indent=2))
        return
    click.echo(
        f"{path}: {len(result.claims)} claims extracted, {len(gold['claims'])} gold "
        f"({sum(not g.get('optional') for g in gold['claims'])} required)"
    )
    for line in score.lines():
        click.echo(line)
    if verbose:
        for row in score.rows:
            click.echo(
                f"  {row['quantity_text']!r:<36} -> {row['found']!r:<36} "
                f"{'(optional) ' if row['optional'] else ''}{', '.join(row['wrong'])}"
            )


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@_debug_option
def report(directory: str, debug: bool) -> None:
    """Rebuild DIR/report/ (the fact-checkers' HTML report) from an output folder.

    Reads claims.jsonl, articles.jsonl, texts.jsonl and review.csv, so statuses edited in
    review.csv show in the report. Open DIR/report/index.html in a browser; no server needed.

    Example:

        claimx report outputs/
    """
    from claimx.report import TEXTS_FILE, build_report

    if not (Path(directory) / TEXTS_FILE).exists():
        _fail(f"{directory} has no {TEXTS_FILE}; run `claimx extract ... -o {directory}` first", debug)
    try:
        index = build_report(Path(directory))
    except ClaimxError as exc:
        _fail(str(exc), debug)
    click.echo(f"wrote {index}", err=True)


@cli.group(name="export")
def export_group() -> None:
    """Export reviewed claims for other systems."""


@export_group.command("claimreview")
@click.argument("directory", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Where to write (default DIR/claimreview.jsonld)."
)
@_debug_option
def export_claimreview_cmd(directory: str, output: str | None, debug: bool) -> None:
    """Write schema.org ClaimReview JSON-LD for the claims reviewed in DIR/review.csv.

    Claims marked verified, false, misleading or unverifiable are exported; unreviewed claims and
    those marked not_a_claim are not.

    Example:

        claimx export claimreview outputs/
    """
    from claimx.review import export_claimreview

    try:
        target, n = export_claimreview(Path(directory), Path(output) if output else None)
    except ClaimxError as exc:
        _fail(str(exc), debug)
    click.echo(f"{n} ClaimReview records -> {target}", err=True)


@cli.command()
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help="Where to write it.")
def schema(output: str) -> None:
    """Print the JSON Schema of a claims.jsonl record.

    Example:

        claimx schema -o schema/claim.schema.json
    """
    from claimx.export import atomic_write, claim_json_schema

    text = json.dumps(claim_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output == "-":
        click.echo(text, nl=False)
    else:
        with atomic_write(Path(output)) as fh:
            fh.write(text)


@cli.group()
def rules() -> None:
    """Inspect claimx's rule and lexicon files."""


@rules.command("check")
@_debug_option
def rules_check(debug: bool) -> None:
    """Validate every rule file and run each entry's example sentence.

    Example:

        claimx rules check
    """
    from claimx.rulecheck import check_entry
    from claimx.rulefiles import RULE_MODELS, load_rules

    try:
        failures = 0
        total = 0
        for name in RULE_MODELS:
            for entry in load_rules(name):
                total += 1
                problem = check_entry(name, entry)
                if problem:
                    failures += 1
                    click.echo(f"{name}.jsonl {entry.id}: {problem}", err=True)
        click.echo(f"{total} rules checked, {failures} failed")
    except ClaimxError as exc:
        _fail(str(exc), debug)
    sys.exit(EXIT_FAILED if failures else EXIT_OK)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
def ingest(inputs: tuple[str, ...]) -> None:
    """Print the articles claimx reads from INPUT... as JSON lines (id, title, text, ...).

    Example:

        claimx ingest corpus/ | head -c 300
    """
    from claimx.ingest import iter_inputs
    from claimx.schema import IngestFailure

    failed = False
    out = sys.stdout
    for item in iter_inputs(inputs):
        if isinstance(item, IngestFailure):
            failed = True
            click.echo(f"{item.path}: {item.reason}", err=True)
        else:
            out.write(item.model_dump_json() + "\n")
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def main() -> None:
    """Entry point of the `claimx` script."""
    try:
        cli.main(prog_name="claimx", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ClaimxError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    except Exception as exc:  # a bug: say so in one line; --debug shows the traceback
        if "--debug" in sys.argv:
            raise
        click.echo(
            f"Error: internal error ({type(exc).__name__}: {exc}); rerun with --debug for the traceback and report it",
            err=True,
        )
        sys.exit(EXIT_FAILED)
