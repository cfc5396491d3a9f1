"""The known-wrong records of the snapshots: every gold claim of a corpus article that claimx misses or gets
wrong in a field, and every claim it makes that no gold entry has, with what it gave, what the gold says,
and the kind of error. Written to tests/known_wrong.jsonl, which tests/test_known_wrong.py compares with
today's output: a change that fixes or breaks a record fails that test until the file is regenerated, so
the commit that changes a baseline lists the records that changed.

    python benchmarks/known_wrong.py            # rewrite tests/known_wrong.jsonl
    python benchmarks/known_wrong.py --check    # exit 1 when the file is not today's
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimx.evaluate import CLAIM_FIELDS, _field_ok, locate_gold, resolve_gold_article
from claimx.extract import process_articles
from claimx.ingest import read_file
from claimx.periods import parse_date

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "known_wrong.jsonl"
GOLD = sorted((ROOT / "tests" / "gold").glob("*.claims.json"))  # corpus articles only (not the check set)


def _got(c, field: str):
    q = c.quantity
    return {
        "unit": q.unit,
        "bound": q.bound,
        "change": q.change,
        "source": c.source.text if c.source else None,
        "time": (c.time.text, c.time.period) if c.time else None,
        "measured": c.measured,
        "modality": c.modality,
        "value+unit": [q.value if q.value is not None else [q.low, q.high], q.unit],
    }[field]


def _kind(field: str, got, expected) -> str:
    if got is None:
        return f"{field} not found"
    if expected in (None, [], ""):
        return f"{field} given where the gold has none"
    return f"{field} differs"


def records(nlp=None) -> list[dict]:
    out: list[dict] = []
    for gold_path in GOLD:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = resolve_gold_article(gold_path, gold)
        (item,) = read_file(article, article.parent)
        (result,) = process_articles([item], nlp=nlp)
        claims, used = result.claims, set()
        reference = parse_date(item.published)
        for g in gold["claims"]:
            span = locate_gold(item.text, g)
            best, best_overlap = None, 0
            for ci, c in enumerate(claims):
                overlap = min(span[1], c.quantity.end) - max(span[0], c.quantity.start) if span else 0
                shorter = min(span[1] - span[0], c.quantity.end - c.quantity.start) if span else 0
                if ci not in used and overlap > best_overlap and overlap >= 0.5 * shorter:
                    best, best_overlap = ci, overlap
            base = {"article": item.article_id, "quantity_text": g["quantity_text"], "sentence": g["sentence"][:80]}
            if best is None:
                if not g.get("optional"):
                    out.append({**base, "kind": "missed"})
                continue
            used.add(best)
            if g.get("optional"):
                continue
            c = claims[best]
            for field in CLAIM_FIELDS:
                if field != "value+unit" and not _field_ok(field, g, c, reference):
                    expected = g.get(field)
                    got = _got(c, field)
                    out.append({**base, "kind": _kind(field, got, expected), "got": got, "expected": expected})
        for ci, c in enumerate(claims):
            if ci not in used:
                out.append(
                    {"article": item.article_id, "quantity_text": c.quantity.text, "sentence": c.sentence[:80],
                     "kind": "spurious"}
                )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records())
    if args.check:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    counts: dict[str, int] = {}
    for r in map(json.loads, text.splitlines()):
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    print(f"{sum(counts.values())} known-wrong records -> {OUT}")
    for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
