"""Words per second of the Dask engine with 1 and 2 local workers, on the same input, one run.

    python benchmarks/dask_throughput.py INPUT [--partition-size 10]

Each measurement starts a LocalCluster (worker start-up and model loading included, as a batch job
would pay them) and writes to a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time

from claimx.ingest import iter_inputs
from claimx.run import RunOptions, run_extraction
from claimx.schema import Article


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="+")
    ap.add_argument("--partition-size", type=int, default=10)
    args = ap.parse_args(argv)
    words = sum(len(a.text.split()) for a in iter_inputs(args.input) if isinstance(a, Article))
    print(f"{args.input}: {words} words")
    rates = {}
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            options = RunOptions(engine="dask", jobs=workers, partition_size=args.partition_size)
            m = run_extraction(args.input, out, options=options).model_dump()
            seconds = time.perf_counter() - t0
        rates[workers] = words / seconds
        print(
            f"dask, {workers} worker{'s' if workers > 1 else ' '}  {rates[workers]:8.0f} words/s  ({seconds:.1f} s, "
            f"{m['counts']['partitions']} partitions, {m['counts']['claims']} claims)"
        )
    print(f"speed-up 2 / 1 workers  {rates[2] / rates[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
