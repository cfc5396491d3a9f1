"""The `claimx` command: a thin click layer over the library.

Exit codes: 0 success; 1 some inputs failed or a handled error (`Error: ...`); 2 usage error.
Data goes to stdout or files; progress and failure lines go to stderr.
"""

from __future__ import annotations

import json
import signal
import sys
import traceback
from collections.abc import Callable
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


def _log_debug() -> Callable[[], None]:
    """--debug: claimx's own log on stderr, with the traceback of an article claimx failed on; returns the
    function that takes the log off again."""
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger = logging.getLogger("claimx")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)

    def off() -> None:
        logger.removeHandler(handler)
        logger.setLevel(level)

    return off


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
    from claimx.export import parse_formats
    from claimx.run import RunOptions, run_extraction

    try:
        fmt_list = parse_formats(list(formats) if formats else None)
    except ClaimxError as exc:
        raise click.UsageError(str(exc)) from None
    if engine == "dask" and output == "-":
        raise click.UsageError("--engine dask writes part files; give an output folder or URL with -o")
    options = RunOptions(
        formats=tuple(fmt_list),
        sort_by=sort_by,
        jobs=jobs,
        use_cache=not no_cache,
        engine=engine,
        scheduler=scheduler,
        partition_size=partition_size,
    )
    debug_log = _log_debug() if debug else None
    progress = _Progress(enabled=not quiet and engine == "local")
    previous_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        manifest = run_extraction(
            inputs,
            sys.stdout if output == "-" else output,
            options=options,
            on_failure=progress.failure,
            on_start=progress.start,
            on_article=progress.advance,
        )
    except ClaimxError as exc:
        _fail(str(exc), debug)
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        progress.finish()
        if debug_log is not None:
            debug_log()
    _summary(manifest, output, quiet)
    if manifest.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_FAILED if manifest.errors else EXIT_OK)


class _Progress:
    """A progress bar over articles on stderr (only when it is a terminal) and one line per failed input."""

    def __init__(self, *, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()
        self.bar = None

    def failure(self, f) -> None:
        click.echo(f"{f.path}: {f.reason}", err=True)

    def start(self, total: int) -> None:
        if self.enabled and total:
            self.bar = click.progressbar(length=total, label="articles", file=sys.stderr)

    def advance(self, result) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()


def _summary(manifest, output: str, quiet: bool) -> None:
    c = manifest.counts
    if manifest.interrupted:
        click.echo(f"Interrupted: wrote the {c.articles} articles finished so far.", err=True)
    if quiet:
        return
    where = "stdout" if output == "-" else output
    if manifest.engine == "dask":
        click.echo(
            f"{c.articles} articles, {c.claims} claims -> {where} ({c.partitions} partitions on "
            f"{manifest.workers} Dask workers)",
            err=True,
        )
        return
    failed = f"; {c.failed} inputs failed" if c.failed else ""
    click.echo(f"{c.articles} articles, {c.claims} claims -> {where}{failed}", err=True)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


@cli.group(name="eval")
def eval_group() -> None:
    """Score claimx against gold data."""


@eval_group.command("newsquant")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), help="Write every mismatch as JSONL here.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--any-unit-for-unitless",
    is_flag=True,
    help="A gold quantity without a unit agrees with any predicted unit (quantulum3's tests give counted "
    "nouns no unit).",
)
@_debug_option
def eval_newsquant(file: str, errors_path: str | None, as_json: bool, any_unit_for_unitless: bool, debug: bool) -> None:
    """P/R/F1 for value, value+unit and value+change on a NewsQuant-format file.

    Example:

        claimx eval newsquant ../shared/data/eval/newsquant-dev.json
    """
    from claimx.evaluate import load_newsquant, newsquant_quantities, score_newsquant
    from claimx.extract import process_articles
    from claimx.ingest import make_article

    try:
        items = load_newsquant(file)
    except (ValueError, json.JSONDecodeError) as exc:
        _fail(f"{file}: not a NewsQuant file ({exc}); expected a JSON list of {{text, quantities}}", debug)
    articles = [make_article(x["text"], article_id=str(i)) for i, x in enumerate(items) if x["text"].strip()]
    # every quantity the reader finds is scored, including those that are not claims (time windows)
    results = process_articles(articles, non_claims=True)
    by_id = {r.article.article_id: newsquant_quantities(r.claims) for r in results}
    preds = [by_id.get(str(i), []) for i in range(len(items))]
    score = score_newsquant(items, preds, any_unit_for_unitless=any_unit_for_unitless)
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
    score = score_claims(item.text, gold, result.claims, published=item.published)
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
    from claimx.outputs import OutputFolder
    from claimx.report import build_report

    folder = OutputFolder(directory)
    if not folder.has_texts():
        _fail(f"{directory} has no {folder.TEXTS}; run `claimx extract ... -o {directory}` first", debug)
    try:
        index = build_report(folder)
    except ClaimxError as exc:
        _fail(str(exc), debug)
    click.echo(f"wrote {index}", err=True)


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback only by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("-q", "--quiet", is_flag=True, help="No request log.")
@_debug_option
def serve(directory: str, host: str, port: int, quiet: bool, debug: bool) -> None:
    """Review DIR's claims in a browser: the report, verdicts, a triage view and a JSON API.

    Verdicts are stored in DIR/verdicts.sqlite when their answer is sent, and kept in step with
    DIR/review.csv; `claimx extract` into DIR may run at the same time. Stop with Ctrl-C.

    Example:

        claimx serve outputs/            # then open http://127.0.0.1:8000/triage
    """
    from claimx.serve import serve as run_server

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: anyone who can reach it can read and set verdicts", err=True)
    click.echo(f"claimx serve: http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C to stop)", err=True)
    try:
        run_server(Path(directory), host=host, port=port, quiet=quiet)
    except FileNotFoundError as exc:
        _fail(str(exc), debug)
    except ClaimxError as exc:
        _fail(str(exc), debug)


@cli.group(name="export")
def export_group() -> None:
    """Export reviewed claims for other systems."""


@export_group.command("claimreview")
@click.argument("directory", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Where to write (default DIR/claimreview.jsonld)."
)
@click.option("--publisher", metavar="NAME", help="The fact-checking organisation: author and publisher.")
@click.option(
    "--url-template",
    metavar="URL",
    help="URL of each published review, with {claim_id} (and optionally {article_id}).",
)
@_debug_option
def export_claimreview_cmd(
    directory: str, output: str | None, publisher: str | None, url_template: str | None, debug: bool
) -> None:
    """Write schema.org ClaimReview JSON-LD for the claims reviewed in DIR (browser or review.csv).

    Claims marked verified, false, misleading or unverifiable are exported; unreviewed claims and
    those marked not_a_claim are not. ClaimReview consumers expect the publisher and the URL of the
    published review.

    Example:

        claimx export claimreview outputs/ --publisher "Example Fact Check" \\
            --url-template "https://factcheck.example.org/claims/{claim_id}"
    """
    from claimx.outputs import OutputFolder
    from claimx.review import export_claimreview

    try:
        target, n = export_claimreview(
            OutputFolder(directory),
            Path(output) if output else None,
            publisher=publisher,
            url_template=url_template,
        )
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
    from claimx.export import claim_json_schema
    from claimx.outputs import write_text

    text = json.dumps(claim_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_text(Path(output), text)


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
