"""Fact-checkers' side: verdicts across re-runs, the review file, and schema.org ClaimReview export.

Verdicts live in the folder's verdict store (`claimx.verdicts`, SQLite); `review.csv` is its spreadsheet
view, one row per claim. The pipeline owns the first columns (PIPELINE_COLUMNS) and refreshes them on
every run; the reviewer owns the last ones (REVIEWER_COLUMNS) and the pipeline never changes them. On
each `claimx extract` into the same folder, `update_review` imports what was typed in review.csv, then
`merge_run` carries every verdict forward (its docstring lists the promises, each tested in
tests/test_review.py).

A review file that cannot be read safely (broken CSV, unknown status, missing columns) stops the run with
a `ReviewFileError` naming the row, before anything is written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
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
    review_csv_text,
)
from claimx.schema import Claim
from claimx.verdicts import VerdictStore, file_signature, folder_lock, now_iso

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
    orphans: list[dict] = field(default_factory=list)
    kept: int = 0
    rematched: int = 0
    reattached: int = 0
    new: int = 0
    unreviewed: int = 0


def merge_run(store: VerdictStore, claims, articles_in_run: set[str], *, now: str | None = None) -> MergeResult:
    """Carry every verdict of the store onto the claims of a new run, in one transaction.

    For the articles of this run (read and processed; `articles_in_run`):
    - a claim whose id is in the store keeps its whole row: status, note, reviewer, reviewed_at,
      evidence_url and `needs_recheck` (which stays until a reviewer touches the row); an orphaned verdict
      whose claim is back is re-attached;
    - a claim whose sentence was edited has a new id: a verdict of the same article, quantity text, value
      and unit whose claim is gone moves to it when the sentences are similar (SIMILAR_SENTENCE), flagged
      `needs_recheck`; a verdict whose claim is gone and found nowhere becomes an orphan (kept in the
      store, listed in review_orphans.csv);
    - new claims arrive `unreviewed`; unreviewed rows of vanished claims are dropped.
    Rows of articles that are not in this run, or failed to read, stay as they are.

    `claims` is an iterable of Claims or a callable returning a fresh iterator (streamed twice, never held).
    """
    now = now or now_iso()
    claims_of = claims if callable(claims) else (lambda c=list(claims): iter(c))
    result = MergeResult()
    with store.transaction() as db:
        stored = {r["claim_id"]: dict(r) for r in db.execute("SELECT * FROM reviews")}
        new_ids: set[str] = set()
        fresh: list[tuple[int, dict]] = []  # (position, pipeline fields) of claims the store lacks
        pos = 0
        for pos, c in enumerate(claims_of()):  # noqa: B007  (pos is used after the loop)
            fields = pipeline_fields(c)
            new_ids.add(c.claim_id)
            old = stored.get(c.claim_id)
            if old is None:
                fresh.append((pos, fields))
                continue
            result.kept += has_verdict(old)
            result.reattached += bool(old["orphaned"]) and has_verdict(old)
            sets = ", ".join(f"{k} = ?" for k in fields)
            db.execute(
                f"UPDATE reviews SET {sets}, pos = ?, orphaned = 0 WHERE claim_id = ?",
                (*fields.values(), pos, c.claim_id),
            )
        n_run = pos + 1
        gone = [r for r in stored.values() if r["article_id"] in articles_in_run and r["claim_id"] not in new_ids]
        moved = _rematch([r for r in gone if has_verdict(r)], fresh)
        for k, fields in fresh:
            verdict = moved.get(k)
            row = {**fields, "needs_recheck": "yes" if verdict else "", "status": "unreviewed"}
            if verdict:
                row.update({c: verdict[c] for c in REVIEWER_COLUMNS})
            cols = ", ".join(row)
            db.execute(
                f"INSERT INTO reviews (pos, orphaned, {cols}) VALUES (?, 0, {', '.join('?' * len(row))})",
                (k, *row.values()),
            )
        moved_ids = {v["claim_id"] for v in moved.values()}
        for r in gone:
            if r["claim_id"] in moved_ids or not has_verdict(r):
                db.execute("DELETE FROM reviews WHERE claim_id = ?", (r["claim_id"],))
            elif not r["orphaned"]:
                db.execute("UPDATE reviews SET orphaned = 1 WHERE claim_id = ?", (r["claim_id"],))
                result.orphans.append({**{c: r.get(c, "") for c in REVIEW_COLUMNS}, "orphaned_at": now})
        # rows of other articles keep their order, after this run's claims
        db.execute("UPDATE reviews SET pos = pos + ? WHERE article_id NOT IN (SELECT value FROM json_each(?))",
                   (n_run, json.dumps(sorted(articles_in_run))))  # fmt: skip
        result.rematched = len(moved)
        result.new = len(fresh) - len(moved)
        result.unreviewed = db.execute(
            "SELECT COUNT(*) FROM reviews WHERE orphaned = 0 AND pos < ? AND status = 'unreviewed' AND note = '' "
            "AND reviewer = '' AND evidence_url = ''",
            (n_run,),
        ).fetchone()[0]
    return result


def _rematch(verdicts: list[dict], fresh: list[tuple[int, dict]]) -> dict[int, dict]:
    """Verdicts whose claim id is gone, moved to a new claim of the same figure in a similar sentence."""
    moved: dict[int, dict] = {}
    for old in verdicts:
        best, best_score = None, 0.0
        for k, row in fresh:
            if k in moved or (row["article_id"], row["quantity_text"], row["value"], row["unit"]) != (
                old["article_id"],
                old["quantity_text"],
                old["value"] or row["value"],
                old["unit"] or row["unit"],
            ):
                continue
            score = SequenceMatcher(None, old["sentence"], row["sentence"]).ratio()
            if score > best_score:
                best, best_score = k, score
        if best is not None and best_score >= SIMILAR_SENTENCE:
            moved[best] = old
    return moved


def store_of(folder: OutputFolder) -> VerdictStore:
    """The folder's verdict store, created (and filled from an existing review.csv) on first use."""
    return VerdictStore(folder.path(folder.VERDICTS))


def sync_csv_into_store(folder: OutputFolder, store: VerdictStore) -> int:
    """Import what reviewers typed in review.csv since claimx last wrote it (hold `folder_lock`)."""
    path = folder.path(folder.REVIEW)
    if not path.exists():
        return 0
    return store.import_csv(folder.read_review(), file_signature(path))


def write_csv_from_store(folder: OutputFolder, store: VerdictStore) -> None:
    """Rewrite review.csv from the store, atomically (hold `folder_lock`); the signature of what was written
    is recorded, so an unchanged file is not imported again."""
    text = review_csv_text(store.rows())
    folder.write_text(folder.REVIEW, text)
    store.mark_written(hashlib.sha256(text.encode("utf-8")).hexdigest())


def refresh_csv(folder: OutputFolder, store: VerdictStore) -> int:
    """Import spreadsheet edits, then rewrite review.csv from the store; returns the rows imported."""
    with folder_lock(folder.root):
        imported = sync_csv_into_store(folder, store)
        write_csv_from_store(folder, store)
    return imported


def update_review(folder: OutputFolder, claims, *, articles_in_run: set[str], old_rows=None) -> MergeResult:
    """Merge a run into the folder's verdicts and write review.csv and review_orphans.csv.

    The review file is imported first (verdicts typed in the spreadsheet), the store merged (`merge_run`),
    orphans appended to review_orphans.csv (never deleted), and review.csv rewritten from the store, all
    under the folder lock, so a running `claimx serve` and this run never write it at once."""
    with folder_lock(folder.root):
        store = store_of(folder)
        sync_csv_into_store(folder, store)
        result = merge_run(store, claims, articles_in_run)
        if result.orphans:  # each verdict is orphaned once (the store remembers), so appending never repeats one
            folder.write_orphans(folder.read_orphans() + result.orphans)
        write_csv_from_store(folder, store)
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
        "publisher",
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


def review_url(template: str, row: dict) -> str:
    """The published review's URL from a template with {claim_id} and {article_id}."""
    return template.format(claim_id=row["claim_id"], article_id=row.get("article_id", ""))


def check_url_template(template: str) -> None:
    """A URL template must be an http(s) URL naming {claim_id} and nothing but {claim_id}, {article_id}."""
    from string import Formatter
    from urllib.parse import urlsplit

    try:
        names = {f for _, f, _, _ in Formatter().parse(template) if f is not None}
    except ValueError as exc:
        raise ClaimxError(f"--url-template {template!r} is not a valid template ({exc})") from None
    if "claim_id" not in names or names - {"claim_id", "article_id"}:
        raise ClaimxError(
            f"--url-template {template!r} must contain {{claim_id}} (and may contain {{article_id}}), "
            "e.g. https://factcheck.example.org/claims/{claim_id}"
        )
    probe = urlsplit(template.format(claim_id="x", article_id="y"))
    if probe.scheme not in ("http", "https") or not probe.netloc:
        raise ClaimxError(f"--url-template {template!r} must be an http(s) URL")


def claim_review(
    row: dict,
    claim: Claim | None,
    article: dict | None,
    *,
    publisher: str | None = None,
    url_template: str | None = None,
) -> dict:
    """One ClaimReview JSON-LD object for a reviewed row; `publisher` (the fact-checking organisation)
    is its author and publisher, `url_template` gives the URL of the published review."""
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
    if publisher:
        review["author"] = {"@type": "Organization", "name": publisher}
        review["publisher"] = {"@type": "Organization", "name": publisher}
    elif row.get("reviewer"):
        review["author"] = {"@type": "Person", "name": row["reviewer"]}
    if url_template:
        review["url"] = review_url(url_template, row)
    if row.get("note"):
        review["reviewBody"] = row["note"]
    if row.get("evidence_url"):
        review["citation"] = row["evidence_url"]
    return review


def export_claimreview(
    folder: OutputFolder,
    target: Path | None = None,
    *,
    publisher: str | None = None,
    url_template: str | None = None,
) -> tuple[Path, int]:
    """Write ClaimReview JSON-LD for every reviewed claim of an output folder; returns (file, count).

    The verdicts are the folder's verdict store, after importing what was typed in review.csv: the
    same verdicts `claimx serve` shows."""
    review = folder.path(folder.REVIEW)
    if not review.exists():
        raise ReviewFileError(review, None, "does not exist; run `claimx extract ... -o DIR` first")
    if url_template:
        check_url_template(url_template)
    store = store_of(folder)
    refresh_csv(folder, store)
    rows = store.rows()
    claims = {c.claim_id: c for c in folder.iter_claims()}
    articles = {a["article_id"]: a for a in folder.read_articles()}
    reviews = [
        claim_review(
            r, claims.get(r["claim_id"]), articles.get(r["article_id"]), publisher=publisher, url_template=url_template
        )
        for r in rows
        if r["status"] in RATINGS
    ]
    problems = [p for r in reviews for p in validate_schema_org(r)]
    if problems:
        raise ClaimxError(f"ClaimReview export failed schema.org checks: {problems[:3]}")
    return folder.write_claimreview(reviews, target), len(reviews)
