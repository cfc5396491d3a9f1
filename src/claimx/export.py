"""Writing claims: JSONL straight from the models, CSV and Parquet from one flat frame, JSON Schema.

Every file is written atomically: to a temporary file in the same folder, then renamed over the
target, so a reader never sees half a file and an interrupted run leaves the old file intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import pandas as pd

from claimx.errors import ExportError
from claimx.schema import ArticleSummary, Claim

FORMATS = ("jsonl", "csv", "parquet", "articles", "review", "report", "manifest")
FORMAT_FILES = {"jsonl": "claims.jsonl", "csv": "claims.csv", "parquet": "claims.parquet",
                "articles": "articles.jsonl", "review": "review.csv", "report": "report/index.html",
                "manifest": "manifest.json"}
# one flat column per leaf field, in this order
CLAIM_COLUMNS = [
    "claim_id", "article_id", "sentence", "sentence_start", "sentence_end",
    "quantity_text", "quantity_start", "quantity_end", "quantity_value", "quantity_low", "quantity_high",
    "quantity_bound", "quantity_unit", "quantity_unit_text", "quantity_kind", "quantity_change",
    "quantity_value_base", "quantity_low_base", "quantity_high_base", "quantity_unit_base",
    "measured", "source_text", "source_kind", "source_cue", "time_text", "time_year",
    "hedges", "modality", "claim_type", "checkworthiness", "checkworthiness_features", "rule_ids",
]
LIST_COLUMNS = ("hedges", "checkworthiness_features", "rule_ids")
DEFAULT_WRITE_ARGS: dict[str, dict[str, Any]] = {
    "csv": {"index": False, "lineterminator": "\n"},
    "parquet": {"index": False, "engine": "pyarrow"},
}
_DTYPES = {
    "sentence_start": "int64", "sentence_end": "int64", "quantity_start": "int64", "quantity_end": "int64",
    "quantity_value": "float64", "quantity_low": "float64", "quantity_high": "float64",
    "quantity_value_base": "float64", "quantity_low_base": "float64", "quantity_high_base": "float64",
    "time_year": "Int64", "checkworthiness": "float64",
}


def parse_formats(value: str | Iterable[str] | None) -> list[str]:
    """'jsonl,csv' -> ['jsonl', 'csv']; refuses unknown formats with the list of supported ones."""
    if value is None:
        return list(FORMATS)
    items = value.split(",") if isinstance(value, str) else [x for v in value for x in v.split(",")]
    out = []
    for item in (i.strip().lower() for i in items):
        if not item:
            continue
        if item not in FORMATS:
            raise ExportError(f"unknown format {item!r}; supported: {', '.join(FORMATS)}")
        if item not in out:
            out.append(item)
    return out


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row per claim, one column per leaf field (CLAIM_COLUMNS); lists joined with '|' for CSV."""
    rows = []
    for c in claims:
        d = c.model_dump(mode="json")
        q = d.pop("quantity")
        src = d.pop("source") or {}
        tm = d.pop("time") or {}
        row = {**d, **{f"quantity_{k}": v for k, v in q.items()},
               "source_text": src.get("text"), "source_kind": src.get("kind"), "source_cue": src.get("cue"),
               "time_text": tm.get("text"), "time_year": tm.get("year")}
        rows.append(row)
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for col, dtype in _DTYPES.items():
        frame[col] = frame[col].astype(dtype)
    return frame


@contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside `path`; on success fsync and rename it over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_jsonl(records: Iterable[Any], path: Path) -> int:
    """Pydantic models (or dicts) as JSON lines, atomically. Returns the count."""
    n = 0
    with atomic_write(path) as fh:
        for r in records:
            fh.write(r.model_dump_json() if hasattr(r, "model_dump_json") else json.dumps(r, ensure_ascii=False))
            fh.write("\n")
            n += 1
    return n


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """The flat frame as CSV (list columns joined with '|'), atomically."""
    out = frame.copy()
    for col in LIST_COLUMNS:
        out[col] = out[col].map(lambda v: "|".join(v) if isinstance(v, list) else v)
    with atomic_write(path) as fh:
        out.to_csv(fh, **DEFAULT_WRITE_ARGS["csv"])


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """The flat frame as Parquet (list columns as lists of strings), atomically."""
    with atomic_write(path, "wb") as fh:
        frame.to_parquet(fh, **DEFAULT_WRITE_ARGS["parquet"])


def write_json(obj: Any, path: Path) -> None:
    """A JSON document, pretty-printed, atomically."""
    with atomic_write(path) as fh:
        json.dump(obj, fh, indent=2, ensure_ascii=False, sort_keys=False)
        fh.write("\n")


def write_outputs(out_dir: Path, claims: list[Claim], summaries: list[ArticleSummary], manifest: dict,
                  formats: list[str]) -> dict[str, str]:
    """Write the chosen formats into `out_dir`; returns format -> file name."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create output folder {out_dir}: {exc.strerror or exc} (choose another -o)") from None
    written: dict[str, str] = {}
    frame = claims_frame(claims) if {"csv", "parquet"} & set(formats) else None
    try:
        for fmt in formats:
            target = out_dir / FORMAT_FILES[fmt]
            if fmt == "jsonl":
                write_jsonl(claims, target)
            elif fmt == "csv":
                write_csv(frame, target)
            elif fmt == "parquet":
                write_parquet(frame, target)
            elif fmt == "articles":
                write_jsonl(summaries, target)
            else:
                continue   # review, report and manifest are written by their own modules, after these
            written[fmt] = FORMAT_FILES[fmt]
    except OSError as exc:
        raise ExportError(f"cannot write into {out_dir}: {exc.strerror or exc} (check space and permissions)") from None
    return written


def claim_json_schema() -> dict:
    """The JSON Schema of one claims.jsonl record."""
    schema = Claim.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/claimx/claimx/schema/claim.schema.json"
    return schema
