"""Dump the resolver's answers for every eval query, to prove a change left answers alone.

Usage: ``python scripts/answers_snapshot.py > before.tsv`` on the old code, the same on the
new code, then ``diff before.tsv after.tsv``. Each line: query, mode, then the top three
answers as ``kind:key`` (scores are rounded to one decimal so float noise does not show).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.chat.service import Service  # noqa: E402  (needs the path above)


def queries() -> list[str]:
    seen: dict[str, None] = {}
    for path in sorted((ROOT / "tests" / "eval").rglob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                seen.setdefault(row["query"], None)
    return list(seen)


def main() -> int:
    svc = Service.load()
    out = sys.stdout
    for q in queries():
        r = svc.resolve(q)
        top = " ".join(f"{m.kind}:{m.key}:{m.score:.1f}" for m in r.matches[:3])
        out.write(f"{q.replace(chr(9), ' ').replace(chr(10), ' ')}\t{r.mode}\t{top}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
