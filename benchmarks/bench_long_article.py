"""How extraction time and memory grow with the length of one article.

Usage: python benchmarks/bench_long_article.py [--base 20000] [--steps 4]

Builds one article from the generated corpus (benchmarks/corpus.py: datelines, tolls,
sources, quotes, revisions, credits), its articles' bodies joined, at ``base`` characters
and at 2x, 4x, … that; extracts each in a fresh process with the pinned model, and prints
seconds, peak RSS and the ratio to the smallest size.
Linear growth shows as a time ratio close to the size ratio (it was close to its square
before ``Doc.text`` was built once per step instead of inside loops).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles

CHILD = """
import json, resource, sys, time
from newsprov.config import Settings
from newsprov.model import Article
from newsprov.nlp import build_pipeline, extract
text = sys.stdin.read()
nlp = build_pipeline(Settings.from_env().spacy_model)
list(extract(nlp, [Article(id="warm", text="At least 3 people died, police said.")]))
start = time.perf_counter()
ex = list(extract(nlp, [Article(id="long", text=text, outlet="Marlow Post")]))[0]
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": rss, "figures": len(ex.figures)}))
"""


def article(chars: int) -> str:
    """Bodies of generated articles joined until ``chars`` characters."""
    parts: list[str] = []
    size = 0
    for record in articles(chars // 1000 + 10):
        if size >= chars:
            break
        parts.append(record["text"])
        size += len(record["text"]) + 2
    return "\n\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=20_000, help="characters of the smallest")
    ap.add_argument("--steps", type=int, default=4, help="sizes: base, 2x base, 4x base …")
    args = ap.parse_args()
    rows = []
    for step in range(args.steps):
        text = article(args.base * 2**step)
        out = subprocess.run(
            [sys.executable, "-c", CHILD], input=text, capture_output=True, text=True, check=True
        )
        rows.append((len(text), json.loads(out.stdout.strip().splitlines()[-1])))
    size0, first = rows[0]
    print("| characters | seconds | peak RSS MB | size ratio | time ratio | figures |")
    print("| --- | --- | --- | --- | --- | --- |")
    for size, r in rows:
        print(
            f"| {size:,} | {r['seconds']:.2f} | {r['rss_mb']:.0f} | {size / size0:.1f} | "
            f"{r['seconds'] / first['seconds']:.1f} | {r['figures']} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
