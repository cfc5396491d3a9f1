"""The review file's format: `review.csv` and `review_orphans.csv`, read with validation and written atomically.

claimx owns the first columns (PIPELINE_COLUMNS) and refreshes them on every run; the reviewer owns the
last ones (REVIEWER_COLUMNS). A file that cannot be read safely (broken CSV, unknown status, missing
columns, a ragged row) raises `ReviewFileError` naming the row, and is left untouched.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from claimx.errors import ReviewFileError
from claimx.outputs.atomic import atomic_write

PIPELINE_COLUMNS = [
    "claim_id",
    "article_id",
    "sentence",
    "quantity_text",
    "value",
    "unit",
    "source_text",
    "time_text",
    "checkworthiness",
    "needs_recheck",
]
REVIEWER_COLUMNS = ["status", "note", "reviewer", "reviewed_at", "evidence_url"]
REVIEW_COLUMNS = PIPELINE_COLUMNS + REVIEWER_COLUMNS
ORPHAN_COLUMNS = REVIEW_COLUMNS + ["orphaned_at"]
STATUSES = ("unreviewed", "verified", "false", "misleading", "unverifiable", "not_a_claim")


def read_review(path: Path) -> list[dict]:
    """The rows of a review file, validated; [] when there is none."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:  # line breaks inside a note kept as typed
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewFileError(path, None, f"cannot be read ({exc})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        header = reader.fieldnames or []
        missing = [c for c in ["claim_id", *REVIEWER_COLUMNS] if c not in header]
        if missing:
            raise ReviewFileError(path, 1, f"header lacks column(s) {', '.join(missing)}")
        rows = []
        while True:
            line = reader.line_num + 1  # the line this row starts on
            try:
                row = next(reader)
            except StopIteration:
                break
            rows.append(_checked(row, path, line))
    except csv.Error as exc:
        raise ReviewFileError(path, line, f"is not valid CSV ({exc})") from None
    return rows


def _checked(row: dict, path: Path, line: int) -> dict:
    if None in row or any(v is None for v in row.values()):
        raise ReviewFileError(path, line, "has a different number of fields than the header")
    status = (row.get("status") or "").strip() or "unreviewed"
    if status not in STATUSES:
        raise ReviewFileError(path, line, f"status {status!r} is not one of {', '.join(STATUSES)}")
    if not (row.get("claim_id") or "").strip():
        raise ReviewFileError(path, line, "has no claim_id")
    row["status"] = status
    return row


def read_statuses(path: Path) -> dict[str, str]:
    """claim_id -> status of a review file claimx has just written (streamed; {} when there is none)."""
    path = Path(path)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {r["claim_id"]: (r.get("status") or "unreviewed") for r in csv.DictReader(fh)}


def read_orphans(path: Path) -> list[dict]:
    """The rows of review_orphans.csv ([] when there is none)."""
    path = Path(path)
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def review_csv_text(rows: Iterable[dict]) -> str:
    """review.csv's content for `rows` (what `write_rows` writes for REVIEW_COLUMNS)."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=REVIEW_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_rows(path: Path, columns: list[str], rows: Iterable[dict]) -> None:
    """A CSV file of `rows` under `columns`, atomically."""
    with atomic_write(path) as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
