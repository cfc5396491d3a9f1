"""Quantity extraction F1 on NewsQuant-format sets: claimx and quantulum3 side by side, one run.

    python benchmarks/quantities.py                 # every set: dev, each tune and check, the Recognizers sets
    python benchmarks/quantities.py FILE [FILE...]  # the files given

For each file, P/R/F1 for value, value+unit and value+change of each extractor, scored by the same
matcher as `claimx eval newsquant` (claimx.evaluate.score_newsquant). quantulum3 is a benchmark-only
extra (`pip install ".[bench]"`); its ranges come back as a mean and an uncertainty, which are turned
back into low/high here so that it is not penalised for the representation; it has no notion of
bounds, so its change is always '='. On the quantulum3 sets a gold quantity without a unit agrees with
any predicted unit (quantulum3 gives counted nouns no unit; `--any-unit-for-unitless`). Develop on the
`.tune` sets; the `.check` sets are scored to report, their errors never read.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from claimx.evaluate import load_newsquant, newsquant_quantities, score_newsquant
from claimx.extract import process_articles
from claimx.ingest import make_article
from claimx.schema import Quantity

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"
SETS = [
    "newsquant-dev.json",
    *(f"ext/{name}.{part}.json" for name in ("quantulum3", "recognizers-number", "recognizers-numberrange",
                                             "recognizers-percent", "recognizers-ordinal",
                                             "recognizers-numberwithunit") for part in ("tune", "check")),
    "recognizers-currency.json",
    "recognizers-dimension.json",
    "recognizers-temperature.json",
    "recognizers-age.json",
]  # fmt: skip


def run_claimx(items: list[dict]) -> list[list[Quantity]]:
    articles = [make_article(x["text"], article_id=str(i)) for i, x in enumerate(items) if x["text"].strip()]
    results = process_articles(articles, non_claims=True)  # every quantity, claims or not
    by_id = {r.article.article_id: newsquant_quantities(r.claims) for r in results}
    return [by_id.get(str(i), []) for i in range(len(items))]


def run_quantulum(items: list[dict]) -> list[list[Quantity]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    out = []
    for x in items:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = parser.parse(x["text"])
        except Exception:  # quantulum3 raises on some inputs; count them as no predictions
            found = []
        out.append([_as_quantity(q) for q in found])
    return out


def _as_quantity(q) -> Quantity:
    unc = getattr(q, "uncertainty", None)
    value, low, high = float(q.value), None, None
    if unc:
        low, high, value = value - unc, value + unc, None
    unit = None if q.unit.name == "dimensionless" else q.unit.name
    return Quantity(
        text=q.surface, start=max(0, q.span[0]), end=max(0, q.span[1]), value=value, low=low, high=high,
        bound="=", unit=unit, unit_text=None, kind="other", change=None,
    )  # fmt: skip


def report(path: Path, runners) -> None:
    items = load_newsquant(path)
    unitless = "quantulum3" in path.name
    print(f"{path.name}: {len(items)} sentences, {sum(len(x.get('quantities') or []) for x in items)} gold quantities")
    for name, runner in runners:
        t0 = time.perf_counter()
        preds = runner(items)
        if preds is None:
            print(f"  {name}: not installed (pip install '.[bench]')")
            continue
        score = score_newsquant(items, preds, any_unit_for_unitless=unitless)
        for line in score.lines():
            print(f"  {name:<11} {line}")
        print(f"  {name:<11} seconds        {time.perf_counter() - t0:.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="NewsQuant-format JSON files (default: every set)")
    ap.add_argument("--no-quantulum", action="store_true", help="claimx only")
    args = ap.parse_args(argv)
    files = args.files or [SHARED / s for s in SETS if (SHARED / s).exists()]
    if not files:
        print(f"no evaluation sets: give files, or put ../shared beside the checkout ({SHARED})")
        return 1
    runners = [("claimx", run_claimx)] + ([] if args.no_quantulum else [("quantulum3", run_quantulum)])
    for path in files:
        report(path, runners)
    return 0


if __name__ == "__main__":
    sys.exit(main())
