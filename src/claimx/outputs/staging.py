"""A run's results staged to part files as each article finishes, then built into the folder's outputs.

Nothing is held in memory but counts (and claim scores when sorting by checkworthiness): each finished
article's claims, summary and text are appended to `DIR/.claimx-staging/`; `finalize` builds claims.jsonl,
the tables, articles.jsonl and texts.jsonl from the parts in chunks and moves each into place atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

from claimx.errors import ExportError
from claimx.export import write_tables
from claimx.fingerprint import rules_hash
from claimx.outputs.atomic import after_commit, write_json
from claimx.outputs.folder import OutputFolder
from claimx.schema import ArticleResult, Claim


class TableState:
    """Whether claims.csv / claims.parquet already hold exactly these claims.

    The key covers the claims as written (their JSONL lines, in output order), the claimx code and rules,
    and the tables asked for; `.claimx-cache/tables.json` keeps it with each table's size and mtime, so a
    table edited or replaced since is written again.
    """

    def __init__(self, folder: OutputFolder, claims_digest: str, tables: list[str]):
        from claimx import __version__

        self.path = folder.path(folder.TABLE_STATE)
        self.files = {f: folder.path(folder.FORMAT_FILES[f]) for f in tables}
        key = json.dumps([__version__, rules_hash(), claims_digest, tables])
        self.key = hashlib.sha256(key.encode()).hexdigest()

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
        """Remember the tables as written: once they are in place (after the run's outputs are committed)."""

        def save() -> None:
            stats = self._stats()
            if stats is not None:
                write_json({"key": self.key, "files": stats}, self.path)

        after_commit(save)


class StagedOutputs:
    """Article results appended to part files in a staging folder as they finish.

    The staging folder is a fresh `claimx-stage-*` folder in the system temporary folder ($TMPDIR, or
    $CLAIMX_STAGE_DIR when set: point it at a large disk for very large runs), never inside DIR, and is
    removed when the run ends.

    Args:
        folder: the output folder.
        reuse_tables: keep claims.csv / claims.parquet when the claims written are byte for byte those
            the tables were last built from (and the files are as that run left them).
    """

    PARTS = ("claims", "articles", "texts")

    def __init__(self, folder: OutputFolder, *, reuse_tables: bool = True):
        self.folder = folder
        self.reuse_tables = reuse_tables
        try:  # outside DIR: a run killed with SIGKILL leaves no temporary file among the outputs
            self.stage = Path(tempfile.mkdtemp(prefix="claimx-stage-", dir=os.environ.get("CLAIMX_STAGE_DIR")))
        except OSError as exc:
            raise ExportError(
                f"cannot create output folder {folder.root}: {exc.strerror or exc} (choose another -o)"
            ) from None
        self._fh = {name: (self.stage / f"{name}.jsonl").open("w", encoding="utf-8") for name in self.PARTS}
        self.scores: list[float] = []
        self.articles = self.claims = self.sentences = 0
        self.article_ids: set[str] = set()  # the articles of this run (the review merge touches only these)
        self.claims_path = self.stage / "claims.final.jsonl"  # the final order, until moved into place

    def add(self, result: ArticleResult) -> None:
        for c in result.claims:
            self._fh["claims"].write(c.model_dump_json() + "\n")
            self.scores.append(c.checkworthiness)
        self._fh["articles"].write(result.summary().model_dump_json() + "\n")
        self.article_ids.add(result.article.article_id)
        text = {"article_id": result.article.article_id, "text": result.article.text}
        if result.article.links:  # a Markdown article's links: their text is in `text`, at start:end
            text["links"] = [link.model_dump() for link in result.article.links]
        self._fh["texts"].write(json.dumps(text, ensure_ascii=False) + "\n")
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
        """Write claims.jsonl, the tables, articles.jsonl and texts.jsonl; returns format -> file name."""
        self.close()
        try:
            return self._finalize(formats, sort_by)
        except OSError as exc:
            raise ExportError(
                f"cannot write into {self.folder.root}: {exc.strerror or exc} (check space and permissions)"
            ) from None

    def _finalize(self, formats: list[str], sort_by: str) -> dict[str, str]:
        folder, names = self.folder, self.folder.FORMAT_FILES
        written: dict[str, str] = {}
        digest = hashlib.sha256()
        with self.claims_path.open("w", encoding="utf-8") as fh:  # always: the other outputs are built from it
            for line in self._claim_lines(sort_by):
                fh.write(line)
                digest.update(line.encode("utf-8"))
        tables = [f for f in ("csv", "parquet") if f in formats]
        if tables:
            state = TableState(folder, digest.hexdigest(), tables)
            if not (self.reuse_tables and state.current()):
                self._write_tables(tables)
                state.record()
            written.update({f: names[f] for f in tables})
        if "jsonl" in formats:
            with folder.open_atomic(folder.CLAIMS) as out, self.claims_path.open(encoding="utf-8") as src:
                shutil.copyfileobj(src, out, 1 << 20)
            written["jsonl"] = names["jsonl"]
        if "articles" in formats:
            self._copy_part("articles", folder.ARTICLES)
            written["articles"] = names["articles"]
        if "report" in formats:
            self._copy_part("texts", folder.TEXTS)
        return written

    def _copy_part(self, part: str, name: str) -> None:
        with self.folder.open_atomic(name) as out, (self.stage / f"{part}.jsonl").open(encoding="utf-8") as src:
            for line in src:
                out.write(line)

    def _write_tables(self, tables: list[str]) -> None:
        with ExitStack() as stack:
            csv_fh = stack.enter_context(self.folder.open_atomic(self.folder.CLAIMS_CSV)) if "csv" in tables else None
            pq_fh = (
                stack.enter_context(self.folder.open_atomic(self.folder.CLAIMS_PARQUET, "wb"))
                if "parquet" in tables
                else None
            )
            write_tables(self.iter_claims(), csv_fh, pq_fh)

    def cleanup(self) -> None:
        self.close()
        shutil.rmtree(self.stage, ignore_errors=True)
