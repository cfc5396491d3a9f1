"""The library entry points: text or paths in, claims out.

>>> import claimx
>>> [c.quantity.value for c in claimx.extract_claims("Exports fell 3% to $20 billion.")]
[3.0, 20000000000.0]
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator

from claimx.ingest import iter_articles, make_article, published_year
from claimx.periods import article_reference
from claimx.schema import Article, ArticleResult, Claim
from claimx.segment import is_data_row, segment_article

BODY_KINDS = ("title", "heading", "paragraph")
log = logging.getLogger(__name__)


def _nlp(nlp=None):
    if nlp is not None:
        return nlp
    from claimx.nlp.pipeline import default_nlp

    return default_nlp()


def process_articles(
    articles: Iterable[Article], *, nlp=None, batch_size: int = 64, prefilter: bool = True, non_claims: bool = False
) -> Iterator[ArticleResult]:
    """Segment and extract each article, in order. spaCy objects stay inside this function.

    Args:
        articles: the articles.
        nlp: a pipeline from `claimx.nlp.pipeline.build_nlp`; default: built once per process.
        batch_size: Docs per `nlp.pipe` batch.
        prefilter: parse only the sentences that look like they hold a number, each with the sentence
            before it (see `claimx.nlp.prefilter`); False parses every body paragraph whole.
        non_claims: keep the quantities that are not claims (time windows, 'the two countries'), as the
            quantity benchmarks do; they carry a `not-claim-*` rule id.
    """
    from claimx.claims import doc_to_claims
    from claimx.nlp.pipeline import pipe_lazily

    nlp = _nlp(nlp)

    def finish(group: list) -> Iterator[ArticleResult]:
        """`parse_group`, with an article claimx fails on (a bug) isolated: the articles after the last
        finished one are redone one at a time, and the failing one comes out with its `error` set."""
        done = 0
        try:
            for result in parse_group(group):
                done += 1
                yield result
        except Exception as exc:  # noqa: BLE001 - one article's failure must not end the batch
            if len(group) == 1:
                yield _failed(group[0][0], exc)
                return
            for item in group[done:]:  # fresh Docs: the failed batch may have annotated these
                yield from process_articles(
                    [item[0]], nlp=nlp, batch_size=1, prefilter=prefilter, non_claims=non_claims
                )

    def parse_group(group: list) -> Iterator[ArticleResult]:
        """Parse the texts of a group of articles together, then build each article's result in order."""
        parsed = iter(pipe_lazily(nlp, (d for item in group for d in item[3]), batch_size=batch_size))
        for article, segments, windows, docs, n_sent in group:
            claims: list[Claim] = []
            seen: Counter = Counter()
            past: set[str] = set()
            for (start, _), doc in zip(windows, [next(parsed) for _ in docs], strict=True):
                if not prefilter:
                    n_sent += sum(1 for _ in doc.sents)
                claims.extend(
                    doc_to_claims(
                        doc, offset=start, article_id=article.article_id, seen=seen, non_claims=non_claims, past=past
                    )
                )
            claims = _article_passes(claims, article, segments, past)
            yield ArticleResult(article=article, segments=segments, n_sentences=n_sent, claims=claims)

    # short articles are parsed together, `batch_size` texts at a time: the models work faster on
    # full batches; results still come out one article at a time, in order
    group: list = []
    n_docs = 0
    for article in articles:
        try:
            item = _prepare(article, nlp, prefilter)
        except Exception as exc:  # noqa: BLE001 - as in `finish`, after the articles before it
            yield from finish(group)
            group, n_docs = [], 0
            yield _failed(article, exc)
            continue
        group.append(item)
        n_docs += len(item[3])
        if n_docs >= batch_size:
            yield from finish(group)
            group, n_docs = [], 0
    yield from finish(group)


def _prepare(article: Article, nlp, prefilter: bool) -> tuple[Article, list, list[tuple[int, int]], list, int]:
    """Segment one article and make the Docs of the texts the pipeline will see: (article, segments, their
    article offsets, Docs, sentences counted by the prefilter)."""
    from claimx.nlp.prefilter import candidate_windows
    from claimx.nlp.readings import ArticleContext

    segments = segment_article(article)
    context = ArticleContext(
        text_lower=article.text.lower(),
        published_year=published_year(article.published),
        published=article_reference(article.text, article.published),
        author=article.author,
    )
    windows: list[tuple[int, int]] = []
    n_sent = 0
    for seg in (s for s in segments if s.kind in BODY_KINDS or is_data_row(s)):
        if prefilter:
            wins, n = candidate_windows(article.text[seg.char_start : seg.char_end])
            windows.extend((seg.char_start + a, seg.char_start + b) for a, b in wins)
            n_sent += n
        else:
            windows.append((seg.char_start, seg.char_end))
    docs = []
    for start, end in windows:
        doc = nlp.make_doc(article.text[start:end])
        doc._.claimx_context = context
        docs.append(doc)
    return article, segments, windows, docs, n_sent


def _failed(article: Article, exc: Exception) -> ArticleResult:
    """The result of an article claimx failed on: no claims, and the error to report."""
    log.debug("internal error on %s", article.path or article.article_id, exc_info=exc)
    reason = f"internal error ({type(exc).__name__}: {exc}); the other articles go on; please report it with this file"
    return ArticleResult(article=article, segments=[], n_sentences=0, claims=[], error=reason)


def _article_passes(claims: list[Claim], article: Article, segments: list, past: set[str]) -> list[Claim]:
    """The claim builder's passes that read the whole article, in order: a date that a narrative's year
    places, a time carried to the next sentence of a series, a bare count's unit carried in its paragraph, a
    fuel price's implied unit, a heading's period, a title's span of years, a text box's source line, the ends
    of a dated span given to a transition's two levels, a common-noun source resolved to the body named before
    it."""
    from claimx.claims import carry_count_unit, carry_time, resolve_definite_sources, title_span_time
    from claimx.narrative import narrative_years
    from claimx.pricing import implied_price_unit
    from claimx.sections import block_source_notes, heading_time, list_lead_sources
    from claimx.tablecells import table_cell_context
    from claimx.transitions import transition_ends

    claims = narrative_years(claims, article.text, segments)
    claims = implied_price_unit(carry_count_unit(carry_time(claims, article.text, segments, past), segments))
    claims = list_lead_sources(heading_time(claims, article.text, segments), article.text, article.blocks)
    claims = table_cell_context(title_span_time(claims, article.text, segments), article.text, segments)
    claims = transition_ends(block_source_notes(claims, article.text, segments))
    return resolve_definite_sources(claims, article.text)


def _worker_init() -> None:
    """Workers leave interruption to the parent: Ctrl-C is ignored, SIGTERM (Pool.terminate) ends them.

    A forked worker inherits the parent's handlers; the CLI's SIGTERM handler raises KeyboardInterrupt,
    which would keep a worker alive through `terminate()` and hang the pool's shutdown.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _process_one(article: Article) -> ArticleResult:
    """Worker entry point: one article with this process's default pipeline."""
    return next(process_articles([article]))


def process_in_parallel(articles: list[Article], *, jobs: int = 1, nlp=None) -> Iterator[ArticleResult]:
    """ArticleResults in input order, from `jobs` worker processes (each loads the pipeline once)."""
    if jobs <= 1 or len(articles) < 2:
        yield from process_articles(articles, nlp=nlp)
        return
    import multiprocessing

    _nlp(nlp)  # loaded before the workers fork, shared copy-on-write
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_worker_init) as pool:
        yield from pool.imap(_process_one, articles, chunksize=2)


def extract_claims(
    text: str, *, article_id: str | None = None, title: str | None = None, published: str | None = None, nlp=None
) -> list[Claim]:
    """The claims of one text.

    Args:
        text: the article text (offsets in the claims index its cleaned form, see `claimx.ingest.clean_text`).
        article_id: id recorded in each claim; default "text".
        title: the title, when the text starts with it.
        published: the publication date (ISO 8601): undated periods ("October", "last year") resolve against it.
        nlp: a pipeline from `claimx.nlp.pipeline.build_nlp`; default: built once per process.
    """
    article = make_article(text, article_id=article_id or "text", title=title, published=published)
    return next(process_articles([article], nlp=nlp)).claims


def extract_paths(paths: Iterable[str], *, nlp=None, on_failure=None) -> Iterator[ArticleResult]:
    """An ArticleResult per article found under `paths` (files, folders, JSONL, '-').

    Inputs that cannot be read are passed to `on_failure(IngestFailure)` (default: ignored) and skipped.
    For a whole run with outputs, cache and review, see `claimx.run.run_extraction`.
    """
    yield from process_articles(iter_articles(paths, on_failure=on_failure), nlp=nlp)
