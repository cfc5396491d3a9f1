"""Claims in tabular and JSON form: the flat frame behind CSV and Parquet, the table writer, the JSON Schema.

JSONL is written straight from the models (nested data survives intact); CSV and Parquet come from one
flat frame with one column per leaf field (CLAIM_COLUMNS), built in chunks so memory does not grow with
the corpus. This module knows formats, not files: `claimx.outputs.OutputFolder` decides where they go.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from claimx.errors import ExportError
from claimx.schema import Claim

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("jsonl", "csv", "parquet", "articles", "review", "report", "manifest")
CHUNK_CLAIMS = 5000
# one flat column per leaf field, in this order
CLAIM_COLUMNS = [
    "claim_id",
    "article_id",
    "sentence",
    "sentence_start",
    "sentence_end",
    "quantity_text",
    "quantity_start",
    "quantity_end",
    "quantity_value",
    "quantity_low",
    "quantity_high",
    "quantity_bound",
    "quantity_unit",
    "quantity_unit_text",
    "quantity_kind",
    "quantity_dimension",
    "quantity_change",
    "quantity_value_base",
    "quantity_low_base",
    "quantity_high_base",
    "quantity_unit_base",
    "measured",
    "source_text",
    "source_kind",
    "source_cue",
    "time_text",
    "time_year",
    "time_period",
    "hedges",
    "modality",
    "claim_type",
    "checkworthiness",
    "checkworthiness_features",
    "rule_ids",
    "table_row_header",
    "table_column_header",
]
LIST_COLUMNS = ("hedges", "checkworthiness_features", "rule_ids")
DEFAULT_WRITE_ARGS: dict[str, dict[str, Any]] = {
    "csv": {"index": False, "lineterminator": "\n"},
    "parquet": {"index": False, "engine": "pyarrow"},
}
_DTYPES = {
    "sentence_start": "int64",
    "sentence_end": "int64",
    "quantity_start": "int64",
    "quantity_end": "int64",
    "quantity_value": "float64",
    "quantity_low": "float64",
    "quantity_high": "float64",
    "quantity_value_base": "float64",
    "quantity_low_base": "float64",
    "quantity_high_base": "float64",
    "time_year": "Int64",
    "checkworthiness": "float64",
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
        cell = d.pop("table") or {}
        row = {
            **d,
            **{f"quantity_{k}": v for k, v in q.items()},
            "source_text": src.get("text"),
            "source_kind": src.get("kind"),
            "source_cue": src.get("cue"),
            "time_text": tm.get("text"),
            "time_year": tm.get("year"),
            "time_period": tm.get("period"),
            "table_row_header": cell.get("row_header"),
            "table_column_header": cell.get("column_header"),
        }
        rows.append(row)
    # imported when a table is written: a re-run with unchanged tables never needs it
    import pandas as pd

    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    for col, dtype in _DTYPES.items():
        frame[col] = frame[col].astype(dtype)
    return frame


def claim_json_schema() -> dict:
    """The JSON Schema of one claims.jsonl record."""
    schema = Claim.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/claimx/claimx/schema/claim.schema.json"
    return schema


def parquet_schema():
    import pyarrow as pa

    ints = {"sentence_start", "sentence_end", "quantity_start", "quantity_end", "time_year"}
    floats = {c for c, t in _DTYPES.items() if t == "float64"}
    fields = []
    for col in CLAIM_COLUMNS:
        if col in LIST_COLUMNS:
            fields.append(pa.field(col, pa.list_(pa.string())))
        elif col in ints:
            fields.append(pa.field(col, pa.int64()))
        elif col in floats:
            fields.append(pa.field(col, pa.float64()))
        else:
            fields.append(pa.field(col, pa.string()))
    return pa.schema(fields)


def write_tables(claims: Iterable[Claim], csv_fh: IO | None, parquet_fh: IO | None) -> None:
    """CSV (text handle) and/or Parquet (binary handle) of `claims`, written chunk by chunk."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    writer = None
    chunk: list[Claim] = []
    first = True

    def flush() -> None:
        nonlocal first, writer, schema
        frame = claims_frame(chunk)
        if parquet_fh is not None and writer is None:  # pandas dtypes (Int64 years) travel as metadata
            schema = schema.with_metadata(pa.Table.from_pandas(frame, preserve_index=False).schema.metadata)
            writer = pq.ParquetWriter(parquet_fh, schema)
        if csv_fh is not None:
            out = frame.copy()
            for col in LIST_COLUMNS:
                out[col] = out[col].map(lambda v: "|".join(v) if isinstance(v, list) else v)
            out.to_csv(csv_fh, header=first, **DEFAULT_WRITE_ARGS["csv"])
        if writer is not None:
            writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
        first = False
        chunk.clear()

    for claim in claims:
        chunk.append(claim)
        if len(chunk) >= CHUNK_CLAIMS:
            flush()
    if chunk or first:
        flush()
    if writer is not None:
        writer.close()
