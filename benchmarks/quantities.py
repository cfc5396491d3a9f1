"""Quantity extraction F1 on a NewsQuant-format file: claimx and quantulum3 side by side, one run.

    python benchmarks/quantities.py ../shared/data/eval/newsquant-dev.json

Prints P/R/F1 for value, value+unit and value+change for each extractor, scored by the same
matcher as `claimx eval newsquant` (claimx.evaluate.score_newsquant). quantulum3 is a benchmark-only
extra (`pip install ".[bench]"`); its ranges come back as a mean and an uncertainty, which are turned
back into low/high here so that it is not penalised for the representation. It has no notion of
bounds, so its change is always '='.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from claimx.evaluate import load_newsquant, score_newsquant
from claimx.extract import process_articles
from claimx.ingest import make_article
from claimx.schema import Quantity


def run_claimx(items: list[dict]) -> list[list[Quantity]]:
    articles = [make_article(x["text"], article_id=str(i)) for i, x in enumerate(items) if x["text"].strip()]
    by_id = {r.article.article_id: [c.quantity for c in r.claims] for r in process_articles(articles)}
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
        preds = []
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = parser.parse(x["text"])
        except Exception:  # quantulum3 raises on some inputs; count them as no predictions
            found = []
        for q in found:
            unc = getattr(q, "uncertainty", None)
            low = high = None
            value = float(q.value)
            if unc:
                low, high, value = value - unc, value + unc, None
            unit = None if q.unit.name == "dimensionless" else q.unit.name
            preds.append(
                Quantity(
                    text=q.surface,
                    start=max(0, q.span[0]),
                    end=max(0, q.span[1]),
                    value=value,
                    low=low,
                    high=high,
                    bound="=",
                    unit=unit,
                    unit_text=None,
                    kind="other",
                    change=None,
                )
            )
        out.append(preds)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path, help="a NewsQuant-format JSON file")
    args = ap.parse_args(argv)
    items = load_newsquant(args.file)
    print(f"{args.file}: {len(items)} sentences, {sum(len(x.get('quantities') or []) for x in items)} gold quantities")
    for name, runner in (("claimx", run_claimx), ("quantulum3", run_quantulum)):
        t0 = time.perf_counter()
        preds = runner(items)
        seconds = time.perf_counter() - t0
        if preds is None:
            print(f"{name}: not installed (pip install '.[bench]')")
            continue
        score = score_newsquant(items, preds)
        for line in score.lines():
            print(f"{name:<11} {line}")
        print(f"{name:<11} seconds        {seconds:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
