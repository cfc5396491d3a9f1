"""Writing claims: JSONL straight from the models, CSV and Parquet from one flat frame, JSON Schema.

A run stages each article's claims, summary and text as it finishes (`StagedOutputs`), so memory does
not grow with the corpus; the outputs are then built from the stage in chunks. Every file is written
atomically: to a temporary file in the same folder, then renamed over the target, so a reader never
sees half a file and an interrupted run leaves the old file intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from claimx.errors import ExportError
from claimx.schema import Claim

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("jsonl", "csv", "parquet", "articles", "review", "report", "manifest")
FORMAT_FILES = {
    "jsonl": "claims.jsonl",
    "csv": "claims.csv",
    "parquet": "claims.parquet",
    "articles": "articles.jsonl",
    "review": "review.csv",
    "report": "report/index.html",
    "manifest": "manifest.json",
}
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
    "hedges",
    "modality",
    "claim_type",
    "checkworthiness",
    "checkworthiness_features",
    "rule_ids",
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
        row = {
            **d,
            **{f"quantity_{k}": v for k, v in q.items()},
            "source_text": src.get("text"),
            "source_kind": src.get("kind"),
            "source_cue": src.get("cue"),
            "time_text": tm.get("text"),
            "time_year": tm.get("year"),
        }
        rows.append(row)
    # imported when a table is written: a re-run with unchanged tables never needs it
    import pandas as pd

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


def write_json(obj: Any, path: Path) -> None:
    """A JSON document, pretty-printed, atomically."""
    with atomic_write(path) as fh:
        json.dump(obj, fh, indent=2, ensure_ascii=False, sort_keys=False)
        fh.write("\n")


def claim_json_schema() -> dict:
    """The JSON Schema of one claims.jsonl record."""
    schema = Claim.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/claimx/claimx/schema/claim.schema.json"
    return schema


# -- streaming: results are staged as they finish, outputs are built from the stage in chunks --------
STAGE_DIR = ".claimx-staging"
CHUNK_CLAIMS = 5000


def _parquet_schema():
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


class _TableState:
    """Whether claims.csv / claims.parquet already hold exactly these claims.

    The key covers the claims as written (their JSONL lines, in output order), the claimx code and rules,
    and the tables asked for; `.claimx-cache/tables.json` keeps it with each table's size and mtime, so a
    table edited or replaced since is written again.
    """

    def __init__(self, out_dir: Path, claims_digest: str, tables: list[str]):
        from claimx import __version__
        from claimx.cache import CACHE_DIR, rules_hash

        self.path = out_dir / CACHE_DIR / "tables.json"
        self.files = {f: out_dir / FORMAT_FILES[f] for f in tables}
        self.key = hashlib.sha256(json.dumps([__version__, rules_hash(), claims_digest, tables]).encode()).hexdigest()

    def _stats(self) -> dict[str, list[int]] | None:
        try:
            return {f: [p.stat().st_size, p.stat().st_mtime_ns] for f, p in self.files.items()}
        except OSError:
            return None

    def current(self) -> bool:
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return saved.get("key") == self.key and saved.get("files") == self._stats()

    def record(self) -> None:
        stats = self._stats()
        if stats is not None:
            write_json({"key": self.key, "files": stats}, self.path)


class StagedOutputs:
    """Article results appended to part files in `out_dir/.claimx-staging/` as they finish.

    Nothing is held in memory but counts (and claim scores when sorting by checkworthiness);
    `finalize` builds the outputs from the parts in chunks and moves them into place atomically.
    """

    def __init__(self, out_dir: Path, *, reuse_tables: bool = True):
        """`reuse_tables`: keep claims.csv / claims.parquet when the claims written are byte for byte those
        the tables were last built from (and the files are as that run left them)."""
        import shutil

        self.out_dir = Path(out_dir)
        self.reuse_tables = reuse_tables
        self.stage = self.out_dir / STAGE_DIR
        try:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage.mkdir(parents=True)
        except OSError as exc:
            raise ExportError(
                f"cannot create output folder {self.out_dir}: {exc.strerror or exc} (choose another -o)"
            ) from None
        self._fh = {
            name: (self.stage / f"{name}.jsonl").open("w", encoding="utf-8") for name in ("claims", "articles", "texts")
        }
        self.scores: list[float] = []
        self.articles = self.claims = self.sentences = 0
        self.claims_path = self.stage / "claims.final.jsonl"  # the final order, until moved into place

    def add(self, result) -> None:
        for c in result.claims:
            self._fh["claims"].write(c.model_dump_json() + "\n")
            self.scores.append(c.checkworthiness)
        self._fh["articles"].write(result.summary().model_dump_json() + "\n")
        self._fh["texts"].write(
            json.dumps({"article_id": result.article.article_id, "text": result.article.text}, ensure_ascii=False)
            + "\n"
        )
        self.articles += 1
        self.claims += len(result.claims)
        self.sentences += result.n_sentences

    def close(self) -> None:
        for fh in self._fh.values():
            if not fh.closed:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()

    def _claim_lines(self, sort_by: str) -> Iterator[str]:
        path = self.stage / "claims.jsonl"
        if sort_by == "checkworthiness":
            order = sorted(range(len(self.scores)), key=lambda k: -self.scores[k])  # stable for ties
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            for k in order:
                yield lines[k]
            return
        with path.open(encoding="utf-8") as fh:
            yield from fh

    def iter_claims(self, text_order: bool = False) -> Iterator[Claim]:
        """The claims in their final order (or in text order), one Claim at a time."""
        path = self.stage / "claims.jsonl" if text_order else self.claims_path
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield Claim.model_validate_json(line)

    def iter_articles(self) -> Iterator[tuple[dict, str, list[Claim]]]:
        """(summary, text, claims) per article, in input order, streamed from the stage."""
        claims = self.iter_claims(text_order=True)
        pending = next(claims, None)
        with (
            (self.stage / "articles.jsonl").open(encoding="utf-8") as af,
            (self.stage / "texts.jsonl").open(encoding="utf-8") as tf,
        ):
            for aline, tline in zip(af, tf, strict=True):
                summary, text = json.loads(aline), json.loads(tline)["text"]
                own: list[Claim] = []
                while pending is not None and pending.article_id == summary["article_id"]:
                    own.append(pending)
                    pending = next(claims, None)
                yield summary, text, own

    def finalize(self, formats: list[str], sort_by: str = "text") -> dict[str, str]:
        """Write claims.jsonl (always: the other outputs are built from it), CSV, Parquet, articles.jsonl
        and texts.jsonl; returns format -> file name."""
        self.close()
        written: dict[str, str] = {}
        try:
            digest = hashlib.sha256()
            with self.claims_path.open("w", encoding="utf-8") as fh:
                for line in self._claim_lines(sort_by):
                    fh.write(line)
                    digest.update(line.encode("utf-8"))
            tables = [f for f in ("csv", "parquet") if f in formats]
            if tables:
                state = _TableState(self.out_dir, digest.hexdigest(), tables)
                if not (self.reuse_tables and state.current()):
                    self._write_tables(formats)
                    state.record()
                written.update({f: FORMAT_FILES[f] for f in tables})
            if "jsonl" in formats:
                final = self.out_dir / FORMAT_FILES["jsonl"]
                os.replace(self.claims_path, final)
                self.claims_path = final
                written["jsonl"] = FORMAT_FILES["jsonl"]
            if "articles" in formats:
                with (
                    atomic_write(self.out_dir / FORMAT_FILES["articles"]) as out,
                    (self.stage / "articles.jsonl").open(encoding="utf-8") as src,
                ):
                    for line in src:
                        out.write(line)
                written["articles"] = FORMAT_FILES["articles"]
            if "report" in formats:
                with (
                    atomic_write(self.out_dir / "texts.jsonl") as out,
                    (self.stage / "texts.jsonl").open(encoding="utf-8") as src,
                ):
                    for line in src:
                        out.write(line)
        except OSError as exc:
            raise ExportError(
                f"cannot write into {self.out_dir}: {exc.strerror or exc} (check space and permissions)"
            ) from None
        return written

    def _write_tables(self, formats: list[str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _parquet_schema()
        csv_cm = atomic_write(self.out_dir / FORMAT_FILES["csv"]) if "csv" in formats else None
        pq_cm = atomic_write(self.out_dir / FORMAT_FILES["parquet"], "wb") if "parquet" in formats else None
        csv_fh = csv_cm.__enter__() if csv_cm else None
        pq_fh = pq_cm.__enter__() if pq_cm else None
        try:
            writer = None
            chunk: list[Claim] = []
            first = True

            def flush() -> None:
                nonlocal first, writer, schema
                frame = claims_frame(chunk)
                if pq_fh is not None and writer is None:  # pandas dtypes (Int64 years) travel as metadata
                    schema = schema.with_metadata(pa.Table.from_pandas(frame, preserve_index=False).schema.metadata)
                    writer = pq.ParquetWriter(pq_fh, schema)
                if csv_fh is not None:
                    out = frame.copy()
                    for col in LIST_COLUMNS:
                        out[col] = out[col].map(lambda v: "|".join(v) if isinstance(v, list) else v)
                    out.to_csv(csv_fh, header=first, **DEFAULT_WRITE_ARGS["csv"])
                if writer is not None:
                    writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
                first = False
                chunk.clear()

            for claim in self.iter_claims():
                chunk.append(claim)
                if len(chunk) >= CHUNK_CLAIMS:
                    flush()
            if chunk or first:
                flush()
            if writer is not None:
                writer.close()
        except BaseException as exc:
            for cm in (csv_cm, pq_cm):
                if cm is not None:
                    cm.__exit__(type(exc), exc, exc.__traceback__)
            raise
        for cm in (csv_cm, pq_cm):
            if cm is not None:
                cm.__exit__(None, None, None)

    def cleanup(self) -> None:
        import shutil

        self.close()
        shutil.rmtree(self.stage, ignore_errors=True)
