"""OutputFolder: the one owner of an output folder. Every file name in DIR, and every reader and writer of
those files, is here; export, cache, review, report, the run and the Dask writer go through it.

    DIR/claims.jsonl       one claim record per line (the contract: docs/claim.schema.json)
    DIR/claims.csv         the same, one flat column per leaf (docs/cli.md lists the columns)
    DIR/claims.parquet     the same flat table
    DIR/articles.jsonl     one summary per article
    DIR/texts.jsonl        each article's clean text (the report highlights into it)
    DIR/review.csv         the reviewers' file; DIR/review_orphans.csv verdicts whose claim disappeared
    DIR/verdicts.sqlite    the verdict store behind review.csv and `claimx serve` (claimx.verdicts)
    DIR/report/            the static HTML report
    DIR/manifest.json      what the run did (RunManifest)
    DIR/claimreview.jsonld ClaimReview export
    DIR/.claimx-cache/     per-article results and the tables' state (a run's parts are staged outside DIR)
A Dask run writes partitioned parts instead (`dask_part_paths`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimx.outputs.atomic import atomic_write, write_json, write_text
from claimx.outputs.review_file import (
    ORPHAN_COLUMNS,
    REVIEW_COLUMNS,
    read_orphans,
    read_review,
    read_statuses,
    write_rows,
)
from claimx.schema import Claim


class OutputFolder:
    """An output folder: its file names, readers and writers.

    Example:
        >>> folder = OutputFolder("outputs")
        >>> n = sum(1 for _ in folder.iter_claims())
    """

    CLAIMS = "claims.jsonl"
    CLAIMS_CSV = "claims.csv"
    CLAIMS_PARQUET = "claims.parquet"
    ARTICLES = "articles.jsonl"
    TEXTS = "texts.jsonl"
    REVIEW = "review.csv"
    ORPHANS = "review_orphans.csv"
    VERDICTS = "verdicts.sqlite"  # the verdict store (claimx.verdicts); review.csv is its spreadsheet view
    REPORT_DIR = "report"
    REPORT_INDEX = "report/index.html"
    MANIFEST = "manifest.json"
    CLAIMREVIEW = "claimreview.jsonld"
    CACHE_DIR = ".claimx-cache"
    TABLE_STATE = ".claimx-cache/tables.json"
    # what `--format` names -> the file it writes
    FORMAT_FILES = {
        "jsonl": CLAIMS,
        "csv": CLAIMS_CSV,
        "parquet": CLAIMS_PARQUET,
        "articles": ARTICLES,
        "review": REVIEW,
        "report": REPORT_INDEX,
        "manifest": MANIFEST,
    }

    def __init__(self, root: Path | str):
        self.root = Path(root)

    def path(self, name: str) -> Path:
        """DIR/name."""
        return self.root / name

    # -- readers ---------------------------------------------------------------------------------
    def read_jsonl(self, name: str) -> list[dict]:
        """The objects of a JSONL file of the folder ([] when it is missing)."""
        path = self.path(name)
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def iter_claims(self) -> Iterator[Claim]:
        """The claims of claims.jsonl, one at a time."""
        path = self.path(self.CLAIMS)
        if not path.exists():
            return
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield Claim.model_validate_json(line)

    def read_articles(self) -> list[dict]:
        return self.read_jsonl(self.ARTICLES)

    def read_texts(self) -> dict[str, str]:
        """article_id -> clean text."""
        return {t["article_id"]: t["text"] for t in self.read_jsonl(self.TEXTS)}

    def has_texts(self) -> bool:
        return self.path(self.TEXTS).exists()

    def read_review(self) -> list[dict]:
        """review.csv's rows, validated (ReviewFileError names a bad row); [] when there is none."""
        return read_review(self.path(self.REVIEW))

    def read_statuses(self) -> dict[str, str]:
        """claim_id -> status of a review.csv claimx has just written."""
        return read_statuses(self.path(self.REVIEW))

    def read_orphans(self) -> list[dict]:
        return read_orphans(self.path(self.ORPHANS))

    def read_text(self, name: str) -> str | None:
        """A text file of the folder, or None when it is missing."""
        path = self.path(name)
        return path.read_text(encoding="utf-8") if path.exists() else None

    # -- writers ---------------------------------------------------------------------------------
    def write_orphans(self, rows) -> None:
        write_rows(self.path(self.ORPHANS), ORPHAN_COLUMNS, rows)

    def write_manifest(self, manifest: Any) -> None:
        """manifest.json from a RunManifest (or a plain dict)."""
        data = manifest.model_dump(mode="json") if hasattr(manifest, "model_dump") else manifest
        write_json(data, self.path(self.MANIFEST))

    def write_text(self, name: str, text: str) -> None:
        write_text(self.path(name), text)

    def write_if_changed(self, name: str, text: str) -> bool:
        """Write a file unless it already holds exactly `text`; True when it was written."""
        if self.read_text(name) == text:
            return False
        write_text(self.path(name), text)
        return True

    def open_atomic(self, name: str, mode: str = "w"):
        """A context manager writing DIR/name atomically (see `atomic_write`)."""
        return atomic_write(self.path(name), mode)

    def write_claimreview(self, reviews: list[dict], target: Path | None = None) -> Path:
        target = Path(target) if target is not None else self.path(self.CLAIMREVIEW)
        write_text(target, json.dumps(reviews, indent=2, ensure_ascii=False) + "\n")
        return target


# -- a Dask run's partitioned outputs -----------------------------------------------------------
PART = "part-{:05d}"
DASK_OUTPUTS = {
    "claims": "claims/jsonl/part-*.jsonl",
    "claims_parquet": "claims/parquet/",
    "articles": "articles/part-*.jsonl",
}


def dask_part_paths(root: str, index: int) -> dict[str, str]:
    """The files partition `index` writes under `root` (a local path or an fsspec path)."""
    name = PART.format(index)
    return {
        "claims": f"{root}/claims/jsonl/{name}.jsonl",
        "claims_parquet": f"{root}/claims/parquet/{name}.parquet",
        "articles": f"{root}/articles/{name}.jsonl",
    }


DASK_DIRS = ("claims/jsonl", "claims/parquet", "articles")
