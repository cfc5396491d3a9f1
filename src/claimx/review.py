"""Fact-checkers' side: the review file, its merge across re-runs, and schema.org ClaimReview export.

`review.csv` has one row per claim. The pipeline owns the first columns (PIPELINE_COLUMNS) and refreshes
them on every run; the reviewer owns the last ones (REVIEWER_COLUMNS) and the pipeline never changes
them. On each `claimx extract` into the same folder, `merge_review` carries every verdict forward:

- a claim that still exists (same `claim_id`) keeps its verdict;
- a claim whose sentence was edited has a new id; it is found again by article, quantity text, value and
  unit with the most similar sentence, keeps its verdict, and is flagged `needs_recheck`;
- a verdict whose claim disappeared moves to `review_orphans.csv` (appended, never deleted);
- new claims arrive as `unreviewed`.

A review file that cannot be read safely (broken CSV, unknown status, missing columns) stops the run with
a `ReviewFileError` naming the row, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from pathlib import Path

from claimx.errors import ClaimxError, ReviewFileError
from claimx.outputs import OutputFolder
from claimx.outputs.review_file import (  # noqa: F401  (re-exported: the review file's format)
    ORPHAN_COLUMNS,
    PIPELINE_COLUMNS,
    REVIEW_COLUMNS,
    REVIEWER_COLUMNS,
    STATUSES,
    read_review,
)
from claimx.schema import Claim

SIMILAR_SENTENCE = 0.6


def has_verdict(row: dict) -> bool:
    """A reviewer has written something in this row."""
    return row.get("status", "unreviewed") not in ("", "unreviewed") or any(
        (row.get(c) or "").strip() for c in REVIEWER_COLUMNS if c != "status"
    )


def pipeline_fields(c: Claim) -> dict:
    q = c.quantity
    value = q.value if q.value is not None else (f"{q.low:g}-{q.high:g}" if q.low is not None else "")
    return {
        "claim_id": c.claim_id,
        "article_id": c.article_id,
        "sentence": c.sentence,
        "quantity_text": q.text,
        "value": "" if value is None else (f"{value:g}" if isinstance(value, float) else value),
        "unit": q.unit or "",
        "source_text": c.source.text if c.source else "",
        "time_text": c.time.text if c.time else "",
        "checkworthiness": f"{c.checkworthiness:.3f}",
    }


@dataclass
class MergeResult:
    rows: Iterable[dict]
    orphans: list[dict]
    kept: int = 0
    rematched: int = 0
    new: int = 0
    unreviewed: int = 0  # rows without a verdict, counted as `rows` is consumed


def merge_review(old_rows: list[dict], claims, *, now: str | None = None) -> MergeResult:
    """Carry reviewers' verdicts from `old_rows` onto the rows for `claims` (see the module docstring).

    `claims` is an iterable of Claims, or a callable returning a fresh iterator over them: then the
    claims are streamed twice (to find edited sentences, then to make the rows) and never held, and
    `rows` is a generator to be consumed once.
    """
    now = now or datetime.now(UTC).isoformat(timespec="seconds")
    if callable(claims):
        claims_of = claims
    else:
        materialized = list(claims)
        claims_of = lambda: iter(materialized)  # noqa: E731
    old_by_id = {r["claim_id"]: r for r in old_rows}
    waiting = [r for r in old_rows if has_verdict(r)]
    keys = {(r.get("article_id"), r.get("quantity_text")) for r in waiting}
    result = MergeResult(rows=[], orphans=[])
    used: set[str] = set()
    candidates: list[tuple[int, dict]] = []  # claims without an old row, that an edited verdict might fit
    total = 0
    for k, c in enumerate(claims_of()):
        total += 1
        old = old_by_id.get(c.claim_id)
        if old is not None:
            used.add(c.claim_id)
            result.kept += has_verdict(old)
        elif (c.article_id, c.quantity.text) in keys:
            candidates.append((k, pipeline_fields(c)))
    # verdicts whose claim id is gone: the same figure in an edited sentence?
    rematch: dict[int, dict] = {}
    for old in waiting:
        if old["claim_id"] in used:
            continue
        best, best_score = None, 0.0
        for k, row in candidates:
            if k in rematch or (row["article_id"], row["quantity_text"], row["value"], row["unit"]) != (
                old.get("article_id"),
                old.get("quantity_text"),
                old.get("value", row["value"]),
                old.get("unit", row["unit"]),
            ):
                continue
            score = SequenceMatcher(None, old.get("sentence", ""), row["sentence"]).ratio()
            if score > best_score:
                best, best_score = k, score
        if best is not None and best_score >= SIMILAR_SENTENCE:
            rematch[best] = old
        else:
            result.orphans.append({**{col: old.get(col, "") for col in REVIEW_COLUMNS}, "orphaned_at": now})
    result.rematched = len(rematch)
    result.new = total - len(used) - len(rematch)

    def rows() -> Iterator[dict]:
        for k, c in enumerate(claims_of()):
            row = {
                **pipeline_fields(c),
                "needs_recheck": "",
                **{col: "" for col in REVIEWER_COLUMNS},
                "status": "unreviewed",
            }
            old = old_by_id.get(c.claim_id)
            if old is not None:
                row.update({col: old.get(col, "") for col in REVIEWER_COLUMNS})
                row["needs_recheck"] = old.get("needs_recheck", "")
            elif k in rematch:
                row.update({col: rematch[k].get(col, "") for col in REVIEWER_COLUMNS})
                row["needs_recheck"] = "yes"
            result.unreviewed += not has_verdict(row)
            yield row

    result.rows = rows()
    return result


def update_review(folder: OutputFolder, claims, *, old_rows: list[dict] | None = None) -> MergeResult:
    """Merge and write review.csv (and append orphans to review_orphans.csv), atomically.

    `claims`: Claims, or a callable returning a fresh iterator over them (streamed, see merge_review)."""
    old_rows = folder.read_review() if old_rows is None else old_rows
    result = merge_review(old_rows, claims)
    if result.orphans:
        previous = folder.read_orphans()
        seen = {(r.get("claim_id"), r.get("status"), r.get("note"), r.get("reviewed_at")) for r in previous}
        fresh = [r for r in result.orphans if (r["claim_id"], r["status"], r["note"], r["reviewed_at"]) not in seen]
        folder.write_orphans(previous + fresh)
    folder.write_review(result.rows)
    return result


# -- schema.org ClaimReview ------------------------------------------------------------------
RATINGS = {  # status -> (ratingValue on 1..5, alternateName)
    "false": (1, "False"),
    "misleading": (2, "Misleading"),
    "unverifiable": (3, "Unverifiable"),
    "verified": (5, "True"),
}
# the schema.org properties used, per type: the export is checked against these names
SCHEMA_ORG_PROPERTIES = {
    "ClaimReview": {
        "@context",
        "@type",
        "claimReviewed",
        "itemReviewed",
        "reviewRating",
        "datePublished",
        "author",
        "url",
        "reviewBody",
        "citation",
    },
    "Claim": {"@type", "author", "appearance", "firstAppearance", "datePublished", "text"},
    "CreativeWork": {"@type", "url", "headline", "name", "datePublished"},
    "Organization": {"@type", "name"},
    "Person": {"@type", "name"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"},
}


def validate_schema_org(obj: object) -> list[str]:
    """Property names not defined for their schema.org @type, as paths; [] when all are known."""
    problems = []

    def walk(o: object, path: str) -> None:
        if isinstance(o, dict):
            t = o.get("@type")
            allowed = SCHEMA_ORG_PROPERTIES.get(t) if isinstance(t, str) else None
            if allowed is None and "@type" in o:
                problems.append(f"{path}: unknown @type {t!r}")
            for k, v in o.items():
                if allowed is not None and k not in allowed:
                    problems.append(f"{path}.{k}: not a {t} property")
                walk(v, f"{path}.{k}")
        elif isinstance(o, list):
            for n, v in enumerate(o):
                walk(v, f"{path}[{n}]")

    walk(obj, "$")
    return problems


def claim_review(row: dict, claim: Claim | None, article: dict | None) -> dict:
    """One ClaimReview JSON-LD object for a reviewed row."""
    rating_value, name = RATINGS[row["status"]]
    appearance = {"@type": "CreativeWork"}
    if article:
        if article.get("url"):
            appearance["url"] = article["url"]
        appearance["headline"] = article.get("title") or article.get("article_id")
        if article.get("published"):
            appearance["datePublished"] = article["published"]
    item = {"@type": "Claim", "appearance": [appearance]}
    if claim is not None and claim.source is not None:
        item["author"] = {
            "@type": "Person" if claim.source.kind == "person" else "Organization",
            "name": claim.source.text,
        }
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": row.get("sentence") or (claim.sentence if claim else ""),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "datePublished": (row.get("reviewed_at") or "")[:10] or datetime.now(UTC).date().isoformat(),
    }
    if row.get("reviewer"):
        review["author"] = {"@type": "Person", "name": row["reviewer"]}
    if row.get("note"):
        review["reviewBody"] = row["note"]
    if row.get("evidence_url"):
        review["citation"] = row["evidence_url"]
    return review


def export_claimreview(folder: OutputFolder, target: Path | None = None) -> tuple[Path, int]:
    """Write ClaimReview JSON-LD for every reviewed claim of an output folder; returns (file, count)."""
    review = folder.path(folder.REVIEW)
    if not review.exists():
        raise ReviewFileError(review, None, "does not exist; run `claimx extract ... -o DIR` first")
    rows = folder.read_review()
    claims = {c.claim_id: c for c in folder.iter_claims()}
    articles = {a["article_id"]: a for a in folder.read_articles()}
    reviews = [
        claim_review(r, claims.get(r["claim_id"]), articles.get(r["article_id"]))
        for r in rows
        if r["status"] in RATINGS
    ]
    problems = [p for r in reviews for p in validate_schema_org(r)]
    if problems:
        raise ClaimxError(f"ClaimReview export failed schema.org checks: {problems[:3]}")
    return folder.write_claimreview(reviews, target), len(reviews)
