"""The data contract: every record claimx reads or writes.

Offsets (`start`/`end`, `char_start`/`char_end`) always index `Article.text`, the one clean text
of an article. Every model forbids unknown fields and is immutable, so a record that validates
here is the record downstream users get.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Bound = Literal["=", "~", ">", ">=", "<", "<="]
Change = Literal["up", "down"]
Kind = Literal[
    "currency",
    "percent",
    "percentage_point",
    "mass",
    "length",
    "area",
    "volume",
    "energy",
    "power",
    "duration",
    "speed",
    "acceleration",
    "temperature",
    "pressure",
    "force",
    "frequency",
    "flow",
    "density",
    "electric",
    "data",
    "count",
    "rank",
    "ratio",
    "other",
]
Modality = Literal["asserted", "estimate", "forecast", "hypothetical"]
ClaimType = Literal["current_value", "change", "comparison", "ranking", "prediction"]
SourceKind = Literal["organization", "government", "person", "publication", "dataset", "unnamed"]
SegmentKind = Literal["title", "heading", "paragraph", "table", "boilerplate"]
BlockKind = Literal["heading", "paragraph", "list_item", "quote", "code", "table_row"]

_FROZEN = ConfigDict(extra="forbid", frozen=True)


class Link(BaseModel):
    """A link of a Markdown or HTML article: its text stays in the clean text, its URL is kept here."""

    model_config = _FROZEN

    text: str = Field(description="The link text, as it reads in the clean text.")
    url: str = Field(description="Where the link points.")
    start: int = Field(ge=0, description="Start offset of the link text into Article.text.")
    end: int = Field(ge=0, description="End offset (exclusive) of the link text into Article.text.")


class Block(BaseModel):
    """A block of a structured source (Markdown), as its parser read it."""

    model_config = _FROZEN

    kind: BlockKind = Field(description="heading, paragraph, list_item, quote, code or table_row.")
    char_start: int = Field(ge=0, description="Start offset into Article.text.")
    char_end: int = Field(ge=0, description="End offset (exclusive) into Article.text.")
    table_header: list[str] | None = Field(default=None, description="A table row's column headers.")
    row_header: str | None = Field(default=None, description="A table row's first cell.")


class Article(BaseModel):
    """One input article with its single clean text."""

    model_config = _FROZEN

    article_id: str = Field(description="Stable id: the JSONL `id`, or the path relative to the input root.")
    text: str = Field(description="The clean text; every offset in every output indexes this string.")
    title: str | None = Field(default=None, description="Title, from metadata or the first line.")
    path: str | None = Field(default=None, description="Where the article was read from ('-' for stdin).")
    url: str | None = Field(default=None, description="Original URL, when known.")
    published: str | None = Field(default=None, description="Publication date (ISO 8601) when known.")
    author: str | None = Field(default=None, description="Author or publisher, when known; never a claim source.")
    content_hash: str = Field(description="SHA-256 of `text`; changes when the article is edited.")
    format: Literal["text", "markdown", "html"] = Field(default="text", description="How the source was read.")
    links: list[Link] = Field(default_factory=list, description="Links whose text is in `text` (Markdown).")
    blocks: list[Block] | None = Field(default=None, description="The source's blocks, when it had structure.")


class Segment(BaseModel):
    """A paragraph-level block of an article, with its role."""

    model_config = _FROZEN

    kind: SegmentKind = Field(description="title, heading, paragraph (body) or boilerplate (no claims).")
    char_start: int = Field(ge=0, description="Start offset into Article.text.")
    char_end: int = Field(ge=0, description="End offset (exclusive) into Article.text.")
    reason: str | None = Field(default=None, description="Why a block was marked boilerplate.")
    table_header: list[str] | None = Field(default=None, description="A table row's column headers.")
    row_header: str | None = Field(default=None, description="A table row's first cell.")


class Quantity(BaseModel):
    """A numeric expression with its value, unit, qualifier and direction."""

    model_config = _FROZEN

    text: str = Field(description="The quantity as written, qualifiers included; equals article text[start:end].")
    start: int = Field(ge=0, description="Start offset into Article.text.")
    end: int = Field(ge=0, description="End offset (exclusive) into Article.text.")
    value: float | None = Field(description="Fully scaled value ('$8 trillion' -> 8e12); null for a range.")
    low: float | None = Field(
        default=None, description="First end of a range as written ('70-80%' -> 70; 'ranging from 9% to 12%' -> 9)."
    )
    high: float | None = Field(
        default=None, description="Second end of a range as written ('70-80%' -> 80; 'ranging from 9% to 12%' -> 12)."
    )
    bound: Bound = Field(description="= exact, ~ approximate, > more than, >= at least, < less than, <= at most.")
    unit: str | None = Field(description="Normalized unit: ISO 4217 code, percent, singular unit or counted noun.")
    unit_text: str | None = Field(description="The unit as written.")
    kind: Kind = Field(description="What sort of quantity this is.")
    dimension: str | None = Field(
        default=None,
        description="The unit's dimension from the unit registry ('[length] / [time]', 'dimensionless'); "
        "'currency' for money; null for counted nouns and units the registry does not know.",
    )
    change: Change | None = Field(description="up / down when the figure is a rise or fall, else null.")
    value_base: float | None = Field(
        default=None, description="value in unit_base, by the unit registry ('185 billion tons' -> 1.85e14 kilogram)."
    )
    low_base: float | None = Field(default=None, description="low in unit_base, for a range.")
    high_base: float | None = Field(default=None, description="high in unit_base, for a range.")
    unit_base: str | None = Field(
        default=None,
        description="The unit values are converted to: SI (kilogram, meter, second, kelvin, joule, watt, ...) for "
        "units the registry knows; an ISO code for money; the counted noun itself.",
    )


class Source(BaseModel):
    """Who says so."""

    model_config = _FROZEN

    text: str = Field(description="The source as written ('US Geological Survey').")
    kind: SourceKind = Field(description="organization, government, person, publication, dataset or unnamed.")
    cue: str = Field(description="The words that mark the attribution ('according to', 'forecasts').")


class TimeRef(BaseModel):
    """When the figure refers to."""

    model_config = _FROZEN

    text: str = Field(description="The time expression as written ('fiscal year 2024').")
    year: int | None = Field(default=None, description="The year, when one can be derived.")
    period: str | None = Field(
        default=None,
        description="The period resolved against the nearest dated expression of the sentence, else the "
        "article's date, in ISO 8601 form: '2023', '2023-10', '2023-10-05', '2023-W10', '2023-Q3', '2023-H1', "
        "intervals '2022-11/2023-10'; fiscal years 'FY2024'. Null when it cannot be resolved.",
    )


class TableCell(BaseModel):
    """Where in a table a figure stands: its row's and its column's headers."""

    model_config = _FROZEN

    row_header: str | None = Field(description="The first cell of the figure's row ('FY2020', 'Resource Management').")
    column_header: str = Field(description="The header of the figure's column ('Amount Obligated', 'FY2026 Enacted').")


class Claim(BaseModel):
    """One quantitative claim: one quantity with its context. The unit of every export."""

    model_config = _FROZEN

    claim_id: str = Field(description="Stable id from article id, sentence text and quantity text.")
    article_id: str = Field(description="The article the claim comes from.")
    sentence: str = Field(description="The sentence holding the quantity.")
    sentence_start: int = Field(ge=0, description="Start offset of the sentence into Article.text.")
    sentence_end: int = Field(ge=0, description="End offset (exclusive) of the sentence into Article.text.")
    quantity: Quantity = Field(description="The number itself.")
    measured: str | None = Field(description="What the number is about: a short noun phrase.")
    source: Source | None = Field(description="The attribution, or null when the text gives none.")
    time: TimeRef | None = Field(description="The period the figure refers to, or null.")
    hedges: list[str] = Field(description="Hedging words that qualify the claim (estimated, could, ...).")
    modality: Modality = Field(description="asserted, estimate, forecast or hypothetical.")
    claim_type: ClaimType = Field(description="Full Fact quantity-claim subtype.")
    checkworthiness: float = Field(ge=0.0, le=1.0, description="0-1 priority for fact-checkers.")
    checkworthiness_features: list[str] = Field(description="The features that produced checkworthiness.")
    rule_ids: list[str] = Field(description="Ids of the rules and lexicon entries that produced the claim.")
    table: TableCell | None = Field(
        default=None, description="For a figure in a table cell, the row and column it stands in; else null."
    )


class ArticleSummary(BaseModel):
    """One line of articles.jsonl."""

    model_config = _FROZEN

    article_id: str = Field(description="Stable article id.")
    title: str | None = Field(description="Title when known.")
    path: str | None = Field(description="Where it was read from.")
    url: str | None = Field(default=None, description="Original URL, when known.")
    published: str | None = Field(default=None, description="Publication date when known.")
    format: Literal["text", "markdown", "html"] = Field(default="text", description="How the source was read.")
    content_hash: str = Field(description="SHA-256 of the clean text.")
    n_chars: int = Field(ge=0, description="Length of the clean text.")
    n_sentences: int = Field(ge=0, description="Body sentences processed.")
    n_claims: int = Field(ge=0, description="Claims extracted.")
    n_boilerplate_chars: int = Field(ge=0, description="Characters marked as boilerplate and skipped.")


class ArticleResult(BaseModel):
    """What `extract_paths` yields per article: the article, its segments and its claims."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article: Article = Field(description="The ingested article.")
    segments: list[Segment] = Field(description="Its blocks, boilerplate marked.")
    n_sentences: int = Field(ge=0, description="Body sentences processed.")
    claims: list[Claim] = Field(description="Extracted claims, in text order.")
    error: str | None = Field(
        default=None, description="Set when claimx itself failed on this article (a bug): no claims, reported."
    )

    def summary(self) -> ArticleSummary:
        """The articles.jsonl line for this article."""
        a = self.article
        return ArticleSummary(
            article_id=a.article_id,
            title=a.title,
            path=a.path,
            url=a.url,
            published=a.published,
            format=a.format,
            content_hash=a.content_hash,
            n_chars=len(a.text),
            n_sentences=self.n_sentences,
            n_claims=len(self.claims),
            n_boilerplate_chars=sum(s.char_end - s.char_start for s in self.segments if s.kind == "boilerplate"),
        )


class IngestFailure(BaseModel):
    """An input that could not be processed: one line on stderr, one entry in the manifest."""

    model_config = _FROZEN

    path: str = Field(description="The input that failed.")
    code: str = Field(description="Reason code (empty, binary, decode, not_found, permission, malformed, ...).")
    reason: str = Field(description="What went wrong and what to try next.")


# -- what a run did: manifest.json ---------------------------------------------------------------
class ModelInfo(BaseModel):
    """The statistical model a run used."""

    model_config = _FROZEN

    name: str = Field(description="Model package name.")
    version: str = Field(description="Model package version.")
    spacy: str = Field(description="spaCy version.")


class RunCounts(BaseModel):
    """How much a run processed."""

    model_config = _FROZEN

    articles: int = Field(ge=0, description="Articles processed.")
    claims: int = Field(ge=0, description="Claims extracted.")
    failed: int = Field(ge=0, description="Inputs that could not be read.")
    sentences: int = Field(ge=0, description="Body sentences of the processed articles.")
    partitions: int | None = Field(default=None, description="Dask tasks (Dask engine only).")


class CacheStats(BaseModel):
    """Result-cache use of a local run."""

    model_config = _FROZEN

    hits: int = Field(ge=0, description="Articles taken from the cache.")
    misses: int = Field(ge=0, description="Articles processed.")


class ReviewStats(BaseModel):
    """What the review merge did."""

    model_config = _FROZEN

    verdicts_kept: int = Field(ge=0, description="Verdicts still on their claim (same claim_id).")
    verdicts_rematched: int = Field(ge=0, description="Verdicts moved to the same figure in an edited sentence.")
    verdicts_reattached: int = Field(
        default=0, ge=0, description="Orphaned verdicts whose claim came back in this run (re-attached)."
    )
    unreviewed_claims: int = Field(ge=0, description="Claims of this run without a verdict.")
    orphaned_verdicts: int = Field(ge=0, description="Verdicts whose claim disappeared (review_orphans.csv).")


class RunTimings(BaseModel):
    """When the run started and how long its parts took, in seconds."""

    model_config = _FROZEN

    started: str = Field(description="Start time, ISO 8601 UTC.")
    load_model_seconds: float | None = Field(default=None, description="Loading the pipeline (local engine).")
    extract_seconds: float | None = Field(default=None, description="Reading and extracting (local engine).")
    total_seconds: float = Field(description="The whole run.")


class RunManifest(BaseModel):
    """manifest.json: what one `claimx extract` run (local or Dask) did. `run_extraction` returns it."""

    model_config = _FROZEN

    claimx_version: str = Field(description="claimx version.")
    engine: Literal["local", "dask"] = Field(description="Where the articles were processed.")
    model: ModelInfo = Field(description="The statistical model.")
    inputs: list[str] = Field(description="The inputs as given.")
    formats: list[str] = Field(description="The outputs asked for.")
    counts: RunCounts = Field(description="How much was processed.")
    errors: list[IngestFailure] = Field(description="Inputs that could not be read, with reason codes.")
    interrupted: bool = Field(default=False, description="True when the run was stopped before the end.")
    jobs: int = Field(ge=1, description="Worker processes (local) or Dask workers asked for.")
    cache: CacheStats | None = Field(default=None, description="Result-cache use (local engine).")
    review: ReviewStats | None = Field(default=None, description="The review merge (local engine).")
    scheduler: str | None = Field(default=None, description="Dask scheduler address (Dask engine).")
    workers: int | None = Field(default=None, description="Dask workers that ran (Dask engine).")
    outputs: dict[str, str] = Field(default_factory=dict, description="Output -> file name or pattern in DIR.")
    timings: RunTimings = Field(description="Timings.")
