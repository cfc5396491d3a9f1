"""Whole-article claim scores on every gold file: the tune articles and the check set, side by side.

    python benchmarks/claims.py            # tune golds (tests/gold, ../shared/data/gold) and the check set
    python benchmarks/claims.py --json     # the same as JSON
    python benchmarks/claims.py GOLD...    # the gold files given

Each gold file is scored exactly as `claimx eval claims GOLD` scores it (claimx.evaluate.score_claims):
detection P/R/F1 and the share of matched gold claims whose unit, bound, change, source, time, measured
concept and modality are right. The check set (benchmarks/check/) holds articles whose gold was written
blind, before claimx ran on them; they are scored to report, their errors never read while developing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimx.evaluate import resolve_gold_article, score_claims
from claimx.extract import process_articles
from claimx.ingest import read_file

ROOT = Path(__file__).resolve().parents[1]
SHARED_GOLD = ROOT.parent / "shared" / "data" / "gold"
FIELDS = ("unit", "bound", "change", "source", "time", "measured", "modality")


def gold_sets() -> dict[str, list[Path]]:
    return {
        "tune": sorted(SHARED_GOLD.glob("*.claims.json")) + sorted((ROOT / "tests" / "gold").glob("*.claims.json")),
        "check": sorted((ROOT / "benchmarks" / "check").glob("*.claims.json")),
    }


def score_file(gold_path: Path, nlp) -> dict[str, float]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = resolve_gold_article(gold_path, gold)
    if article is None:
        raise SystemExit(f"{gold_path}: its article {gold['article']} is not in the checkout")
    (item,) = read_file(article, article.parent)
    (result,) = process_articles([item], nlp=nlp)
    s = score_claims(item.text, gold, result.claims, published=item.published)
    row = {"n": s.detection.gold, "detection": s.detection.f1}
    row.update({k: 100 * ok / n if n else 100.0 for k, (ok, n) in s.fields.items() if k in FIELDS})
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from claimx.nlp.pipeline import default_nlp

    nlp = default_nlp()
    sets = {"given": args.gold} if args.gold else gold_sets()
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, paths in sets.items():
        rows = {p.name.removesuffix(".claims.json"): score_file(p, nlp) for p in paths}
        if rows:
            cols = ("detection", *FIELDS)
            rows["AVERAGE"] = {"n": sum(r["n"] for r in rows.values())} | {
                c: sum(r[c] for r in rows.values()) / len(rows) for c in cols
            }
        out[name] = rows
    if args.json:
        json.dump(out, sys.stdout, indent=1)
        print()
        return 0
    for name, rows in out.items():
        print(f"\n{name}  (F1 for detection, % of matched gold claims right for the fields)")
        print(f"{'article':58} {'n':>4} {'det':>6}" + "".join(f" {c[:7]:>7}" for c in FIELDS))
        for aid, r in rows.items():
            print(f"{aid[:58]:58} {r['n']:>4} {r['detection']:6.1f}" + "".join(f" {r[c]:7.1f}" for c in FIELDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
