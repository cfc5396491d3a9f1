"""The verdict store: every review row of an output folder in SQLite (`DIR/verdicts.sqlite`). Never spaCy.

`review.csv` is the spreadsheet view of this table; the store is the record. Why a database: a verdict
typed in the browser must be on disk when its 200 is sent, eight reviewers may write at once, and
`claimx extract` may merge a new run into the same folder while the server runs. SQLite in WAL mode
with `synchronous=FULL` makes each committed transaction durable (a server killed with SIGKILL right
after the answer loses nothing), lets readers go on while one writer commits, and serializes writers
from any process with a busy timeout. Every write is also appended to `history`, so no verdict is ever
overwritten without a trace.

- `put_review` stores one verdict (last write wins; `reviewed_at` says when, to the millisecond) and
  clears `needs_recheck`: a reviewer has touched the row.
- `import_csv` takes what a reviewer typed in review.csv: a row whose reviewer fields differ from the
  store is imported unless the store holds a later verdict for it (`reviewed_at`), so a stale view never
  undoes a browser verdict; an unchanged file (the one claimx last wrote) is skipped.
- `merge_run` carries every verdict onto the claims of a new run (see `claimx.review`).
- `export_csv` rewrites review.csv from the store, atomically.
Cross-process sections that read and write review.csv hold `folder_lock` (an advisory file lock).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from claimx.outputs.review_file import PIPELINE_COLUMNS, REVIEW_COLUMNS, REVIEWER_COLUMNS

DB_NAME = "verdicts.sqlite"
LOCK_NAME = ".claimx.lock"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS reviews (
    claim_id TEXT PRIMARY KEY,
    pos INTEGER NOT NULL DEFAULT 0,
    orphaned INTEGER NOT NULL DEFAULT 0,
    {", ".join(f"{c} TEXT NOT NULL DEFAULT ''" for c in REVIEW_COLUMNS if c != "claim_id")}
);
CREATE INDEX IF NOT EXISTS reviews_article ON reviews (article_id);
CREATE TABLE IF NOT EXISTS history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id TEXT NOT NULL,
    {", ".join(f"{c} TEXT NOT NULL DEFAULT ''" for c in REVIEWER_COLUMNS)},
    origin TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def now_iso() -> str:
    """The current UTC time, to the millisecond: the order of two verdicts on one claim."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@contextlib.contextmanager
def folder_lock(root: Path) -> Iterator[None]:
    """An exclusive advisory lock on an output folder, across processes (released when the holder dies)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_NAME, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def file_signature(path: Path) -> str:
    """A hash of a file's bytes ('' when there is none)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


class VerdictStore:
    """The review table of one output folder. One connection per thread (sqlite3 objects are not shared)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = self.connect()
        try:
            db.executescript(SCHEMA)
        finally:
            db.close()

    def connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA busy_timeout=30000")
        return db

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE: writers queue, readers go on); committed on success."""
        db = self.connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            db.close()

    # -- reading ---------------------------------------------------------------------------------
    def rows(self, *, article_id: str | None = None, status: str | None = None) -> list[dict]:
        """The attached rows (not orphaned), in review.csv order, optionally filtered."""
        sql, args = "SELECT * FROM reviews WHERE orphaned = 0", []
        if article_id is not None:
            sql, args = sql + " AND article_id = ?", [*args, article_id]
        if status is not None:
            sql, args = sql + " AND status = ?", [*args, status]
        db = self.connect()
        try:
            return [dict(r) for r in db.execute(sql + " ORDER BY pos, claim_id", args)]
        finally:
            db.close()

    def get(self, claim_id: str) -> dict | None:
        db = self.connect()
        try:
            row = db.execute("SELECT * FROM reviews WHERE claim_id = ? AND orphaned = 0", (claim_id,)).fetchone()
            return dict(row) if row else None
        finally:
            db.close()

    def history(self) -> list[dict]:
        db = self.connect()
        try:
            return [dict(r) for r in db.execute("SELECT * FROM history ORDER BY seq")]
        finally:
            db.close()

    def is_empty(self) -> bool:
        db = self.connect()
        try:
            return db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0
        finally:
            db.close()

    def meta(self, key: str) -> str | None:
        db = self.connect()
        try:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            return row[0] if row else None
        finally:
            db.close()

    # -- writing ---------------------------------------------------------------------------------
    def put_review(self, claim_id: str, fields: dict, *, origin: str = "browser") -> dict | None:
        """Store a verdict (`fields`: status and any of note, reviewer, evidence_url); None for an unknown
        claim. Omitted fields keep their stored value; `reviewed_at` is set now."""
        with self.transaction() as db:
            row = db.execute("SELECT * FROM reviews WHERE claim_id = ? AND orphaned = 0", (claim_id,)).fetchone()
            if row is None:
                return None
            new = {c: row[c] for c in REVIEWER_COLUMNS}
            new.update({k: v for k, v in fields.items() if k in REVIEWER_COLUMNS and v is not None})
            new["reviewed_at"] = now_iso()
            _write_verdict(db, claim_id, new, origin)
            return dict(db.execute("SELECT * FROM reviews WHERE claim_id = ?", (claim_id,)).fetchone())

    def import_csv(self, csv_rows: list[dict], signature: str) -> int:
        """Take reviewers' edits from review.csv's rows (see the module docstring); returns how many."""
        if signature and signature == self.meta("csv_signature"):
            return 0  # the file claimx last wrote: nothing typed since
        imported = 0
        with self.transaction() as db:
            stored = {r["claim_id"]: dict(r) for r in db.execute("SELECT * FROM reviews")}
            for pos, row in enumerate(csv_rows):
                old = stored.get(row["claim_id"])
                if old is None:  # a row the store has never seen (a folder from before the store)
                    values = {c: (row.get(c) or "") for c in REVIEW_COLUMNS}
                    values["status"] = values["status"] or "unreviewed"
                    cols = ", ".join(values)
                    db.execute(
                        f"INSERT INTO reviews (pos, {cols}) VALUES (?, {', '.join('?' * len(values))})",
                        (pos, *values.values()),
                    )
                    continue
                typed = {c: (row.get(c) or "") for c in REVIEWER_COLUMNS}
                typed["status"] = typed["status"] or "unreviewed"
                recheck = (row.get("needs_recheck") or "").strip()
                if all(typed[c] == old[c] for c in REVIEWER_COLUMNS if c != "reviewed_at"):
                    if recheck != old["needs_recheck"] and not recheck:  # the reviewer cleared the flag
                        db.execute("UPDATE reviews SET needs_recheck = '' WHERE claim_id = ?", (row["claim_id"],))
                    continue
                if typed["reviewed_at"] < old["reviewed_at"]:
                    continue  # the store holds a later verdict (typed in the browser): the view is stale
                if typed["reviewed_at"] <= old["reviewed_at"] or not typed["reviewed_at"]:
                    typed["reviewed_at"] = now_iso()  # typed in the spreadsheet without a time
                _write_verdict(db, row["claim_id"], typed, "review.csv")
                imported += 1
        return imported

    def mark_written(self, signature: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('csv_signature', ?)", (signature,))


def _write_verdict(db: sqlite3.Connection, claim_id: str, verdict: dict, origin: str) -> None:
    """A reviewer's verdict on one row, logged in `history`; a reviewer has touched it: needs_recheck clears."""
    sets = ", ".join(f"{c} = ?" for c in REVIEWER_COLUMNS)
    db.execute(
        f"UPDATE reviews SET {sets}, needs_recheck = '' WHERE claim_id = ?",
        (*[verdict[c] for c in REVIEWER_COLUMNS], claim_id),
    )
    db.execute(
        f"INSERT INTO history (claim_id, {', '.join(REVIEWER_COLUMNS)}, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (claim_id, *[verdict[c] for c in REVIEWER_COLUMNS], origin),
    )


PIPELINE_ONLY = [c for c in PIPELINE_COLUMNS if c not in ("claim_id", "needs_recheck")]
