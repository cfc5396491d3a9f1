"""Build a large benchmark input from real text: the corpus articles and the dev-set sentences.

    python benchmarks/build_inputs.py --articles 1000 -o /tmp/claimx-bench.jsonl [--shared ../shared]

Writes JSONL (`id`, `text`, `title`): the articles of `corpus/` and, when `../shared` is there, articles
made of 20 consecutive sentences of each NewsQuant-format evaluation file, repeated round-robin with
distinct ids until `--articles` lines are written. No generated prose.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from claimx.ingest import iter_inputs
from claimx.schema import Article

ROOT = Path(__file__).resolve().parents[1]


def sources(shared: Path) -> list[tuple[str, str]]:
    out = [(a.article_id, a.text) for a in iter_inputs([ROOT / "corpus"]) if isinstance(a, Article)]
    for f in sorted((shared / "data" / "eval").glob("*.json")) if shared.exists() else []:
        sents = [x["text"] for x in json.loads(f.read_text(encoding="utf-8"))]
        for k in range(0, len(sents), 20):
            out.append((f"{f.stem}-{k // 20}", "\n\n".join(sents[k : k + 20])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    base = sources(args.shared)
    with args.output.open("w", encoding="utf-8") as fh:
        for n in range(args.articles):
            src_id, text = base[n % len(base)]
            fh.write(json.dumps({"id": f"{src_id}#{n}", "title": src_id, "text": text}, ensure_ascii=False) + "\n")
    print(f"{args.articles} articles from {len(base)} real texts -> {args.output}")


if __name__ == "__main__":
    main()
