"""Words per second: claimx end to end, bare en_core_web_sm, and quantulum3, on the same texts, one run.

    python benchmarks/throughput.py INPUT [--limit N] [--repeat N]

INPUT is a folder of articles or a JSONL file (see benchmarks/build_inputs.py). claimx is timed from
reading the input to the written outputs (`claimx extract INPUT -o TMP`); the bare pipeline is
`nlp.pipe` over the same article texts with en_core_web_sm's own components only; quantulum3 (a
benchmark extra) parses the same texts. Every system is warmed the same way before it is timed: its
model loaded and one pass over the first WARM texts (lazy imports, vocabulary growth, caches), as a
long-running service would have them. Words are whitespace-separated tokens of the article texts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings

from claimx.ingest import iter_inputs
from claimx.schema import Article


def parsed_share(inputs: list[str]) -> float:
    """Share of body words in the windows the prefilter sends to the statistical pipeline."""
    from claimx.extract import BODY_KINDS
    from claimx.nlp.prefilter import candidate_windows
    from claimx.segment import segment_article

    total = parsed = 0
    for a in iter_inputs(inputs):
        if not isinstance(a, Article):
            continue
        for seg in segment_article(a):
            if seg.kind in BODY_KINDS:
                text = a.text[seg.char_start : seg.char_end]
                total += len(text.split())
                parsed += sum(len(text[x:y].split()) for x, y in candidate_windows(text)[0])
    return parsed / total if total else 0.0


def texts_of(inputs: list[str], limit: int | None) -> list[str]:
    out = [a.text for a in iter_inputs(inputs) if isinstance(a, Article)]
    return out[:limit] if limit else out


WARM = 20  # texts each system processes once before it is timed


def warm_claimx(texts: list[str]) -> None:
    """The model loaded and one small run written, outside the timing."""
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from claimx.cli import cli
    from claimx.nlp.pipeline import default_nlp

    default_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "warm.jsonl"
        src.write_text("".join(json.dumps({"id": f"w{k}", "text": t}) + "\n" for k, t in enumerate(texts)))
        CliRunner().invoke(cli, ["extract", str(src), "-o", str(Path(tmp) / "out"), "-q", "--no-cache"])


def time_claimx(inputs: list[str]) -> float:
    from click.testing import CliRunner

    from claimx.cli import cli

    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        res = CliRunner().invoke(cli, ["extract", *inputs, "-o", out, "-q"])
        seconds = time.perf_counter() - t0
    if res.exit_code not in (0, 1):
        raise SystemExit(f"claimx extract failed: {res.output}")
    return seconds


_BARE: list = []


def warm_bare(texts: list[str]) -> None:
    import spacy

    from claimx.nlp.pipeline import find_model

    if not _BARE:
        _BARE.append(spacy.load(find_model()))
    for _ in _BARE[0].pipe(texts, batch_size=64):
        pass


def time_bare(texts: list[str]) -> float:
    nlp = _BARE[0]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


def warm_quantulum(texts: list[str]) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for t in texts:
            try:
                parser.parse(t)
            except Exception:
                pass


def time_quantulum(texts: list[str]) -> float | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for t in texts:
            try:
                parser.parse(t)
            except Exception:
                pass
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="+", help="a folder of articles or a JSONL file")
    ap.add_argument("--limit", type=int, help="quantulum3 and the bare pipeline on the first N articles only")
    ap.add_argument(
        "--repeat", type=int, default=1, help="time each of the three N times and keep the fastest (for small inputs)"
    )
    args = ap.parse_args(argv)

    def best(fn, *a):
        times = [fn(*a) for _ in range(max(1, args.repeat))]
        return None if None in times else min(times)

    texts = texts_of(args.input, None)
    words = sum(len(t.split()) for t in texts)
    sub = texts[: args.limit] if args.limit else texts
    sub_words = sum(len(t.split()) for t in sub)
    print(f"{args.input}: {len(texts)} articles, {words} words")
    share = parsed_share(args.input)
    print(f"words the prefilter sends to the statistical pipeline: {100 * share:.0f}% (the rest are only tokenized)")
    warm = texts[:WARM]
    warm_claimx(warm)
    c = best(time_claimx, args.input)
    print(f"claimx end to end     {words / c:10.0f} words/s  ({c:.1f} s)")
    warm_bare(warm)
    b = best(time_bare, sub)
    print(f"en_core_web_sm pipe   {sub_words / b:10.0f} words/s  ({b:.1f} s)")
    warm_quantulum(warm)
    q = best(time_quantulum, sub)
    if q is None:
        print("quantulum3            not installed (pip install '.[bench]')")
    else:
        print(f"quantulum3            {sub_words / q:10.0f} words/s  ({q:.1f} s)")
    print(f"claimx / en_core_web_sm  {(words / c) / (sub_words / b):5.2f}x  (target >= 3)")
    if q:
        print(f"claimx / quantulum3      {(words / c) / (sub_words / q):5.2f}x  (target >= 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
