"""Dump every answer of the evaluation sets, to prove a speed change left them alone.

Each line is one query of tests/eval/*.tsv and tests/eval/blind/*.tsv (and the benchmark
queries) with ``[m.to_json() for m in resolve(q).matches]`` and a hash of the rendered
card. Dump before a change, dump after, ``diff`` the two files: any line that differs
must be explained.

Run: python benchmarks/answers.py [--wide] > before.jsonl
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EVAL = ROOT / "tests" / "eval"


def eval_queries() -> Iterator[tuple[str, str]]:
    """(file name, query) for every row of every evaluation set, query column first."""
    for path in sorted([*EVAL.glob("*.tsv"), *EVAL.glob("blind/*.tsv")]):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(rows, None)  # the header
            for row in rows:
                if row and row[0]:
                    yield path.relative_to(EVAL).as_posix(), row[0]


def extra_queries() -> Iterator[tuple[str, str]]:
    from benchmarks.queries import QUERIES

    for kind, queries in QUERIES.items():
        for q in queries:
            yield f"bench:{kind}", q


def wide_queries(service: object) -> Iterator[tuple[str, str]]:
    """Questions made from the cloud tables themselves (``--wide``): every code as typed, with
    a typo and in lower case run together with its neighbours, every English message as
    written, without its last word and run together."""
    rng = random.Random(7)
    rows = service.kb["error"].rows
    for code in sorted({r.error_code for r in rows}):
        yield "wide:code", code
        if len(code) >= 8:
            i = rng.randrange(1, len(code) - 1)
            yield "wide:code-typo", code[:i] + code[i + 1 :]
            yield "wide:code-lower", code.lower().replace(".", "")
    for message in sorted({r.message_en for r in rows if r.message_en}):
        yield "wide:message", message
        words = message.split()
        if len(words) >= 3:
            yield "wide:message-cut", " ".join(words[:-1])
            yield "wide:message-run", "".join(words[:4]).lower()


def main() -> int:
    from bot.chat.service import Service

    service = Service.load()
    out = sys.stdout
    queries = [*eval_queries(), *extra_queries()]
    if "--wide" in sys.argv:
        queries += wide_queries(service)
    for source, query in queries:
        res = service.resolve(query)
        try:
            card = service.answer(res).html() if res.matches else ""
        except Exception as exc:  # a rendering bug elsewhere must not hide the other answers
            card = f"error: {type(exc).__name__}"
        line = {
            "source": source,
            "query": query[:200],
            "mode": res.mode,
            "matches": [m.to_json() for m in res.matches],
            "card": hashlib.blake2b(card.encode(), digest_size=8).hexdigest(),
        }
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
