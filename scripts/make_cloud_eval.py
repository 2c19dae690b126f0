"""(Re)generate tests/eval/cloud_queries.tsv, the cloud-error evaluation set.

Two kinds of rows live in that file:

- ``code`` and ``message`` rows are sampled here from knowledge/cloud/*.tsv with a fixed
  random seed (the seed document's own rows are left out: tests cover them separately);
- ``body`` and ``paraphrase`` rows are written by hand in the TSV itself. This script keeps
  them verbatim, so edit them there (a literal ``\\n`` in a query stands for a line break:
  the TSV has one row per line).

The split is derived from a hash of the query (about 30% ``holdout``), so neither the
sampling nor the hand-written rows choose their own split. Running the script twice gives
the same file.

    python scripts/make_cloud_eval.py
"""

from __future__ import annotations

import csv
import hashlib
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.core.schema import Problems  # noqa: E402
from bot.core.text import normalize  # noqa: E402
from bot.kinds.cloud.loader import load_cloud  # noqa: E402
from bot.kinds.cloud.model import CloudError  # noqa: E402

EVAL_FILE = REPO / "tests" / "eval" / "cloud_queries.tsv"
COLUMNS = ("query", "expected_error_code", "expected_status", "kind", "split")
SEED = 20240611
# Per provider: (code queries, message queries).
QUOTAS = {"aliyun": (50, 45), "huaweicloud": (25, 25), "tencentcloud": (25, 25)}
# Rows added later from scripts/cloud_sources/ (Tencent's common errors) are not in the
# population the set was drawn from: the same seed draws the same set.
EXTRA_SOURCES = frozenset(
    line.rsplit("\t", 1)[1]
    for path in sorted((REPO / "scripts" / "cloud_sources").glob("*.tsv"))
    for line in path.read_text(encoding="utf-8").splitlines()[1:]
)
HAND_KINDS = {"body", "paraphrase"}


def split_of(query: str) -> str:
    digest = hashlib.sha1(query.encode("utf-8")).digest()
    return "holdout" if digest[0] % 10 < 3 else "tune"


def _usable_message(text: str) -> bool:
    # Placeholder-only or tiny messages ("%s", "错误") say nothing on their own.
    return len(normalize(text).replace(" ", "")) >= 4 and "%s" not in text and "{" not in text


def sample(rows: list[CloudError]) -> list[dict[str, str]]:
    rng = random.Random(SEED)
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for provider, (n_codes, n_messages) in QUOTAS.items():
        mine = [r for r in rows if r.provider == provider and not r.seed_message and r.source not in EXTRA_SOURCES]
        codes = sorted({r.error_code for r in mine})
        for code in rng.sample(codes, n_codes):
            row = rng.choice(sorted((r for r in mine if r.error_code == code), key=_row_key))
            out.append(_entry(code, row, "code"))
            seen.add(code)
        candidates = []
        for r in sorted(mine, key=_row_key):
            for text in (r.message_zh, r.table_message_en):
                if text and _usable_message(text):
                    candidates.append((text, r))
        taken = 0
        for text, row in rng.sample(candidates, len(candidates)):
            if taken == n_messages:
                break
            if text in seen:
                continue
            seen.add(text)
            out.append(_entry(text, row, "message"))
            taken += 1
    return out


def _row_key(r: CloudError) -> tuple[str, ...]:
    # The tables' own English (CloudError.table_message_en): the sample is of the tables.
    return (r.product, r.error_code, str(r.status), r.api, r.message_zh, r.table_message_en, r.source)


def _entry(query: str, row: CloudError, kind: str) -> dict[str, str]:
    status = "" if row.status is None else str(row.status)
    return {
        "query": query,
        "expected_error_code": row.error_code,
        "expected_status": status,
        "kind": kind,
        "split": split_of(query),
    }


def read_hand_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{**r, "split": split_of(r["query"])} for r in reader if r["kind"] in HAND_KINDS]


def render(rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        cells = [r[c] for c in COLUMNS]
        assert not any("\t" in c or "\n" in c for c in cells), cells
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main() -> int:
    problems = Problems()
    rows, _, _ = load_cloud(REPO / "knowledge", problems, set(range(100, 600)))
    if problems.items:
        print("\n".join(problems.items), file=sys.stderr)
        return 1
    generated = sample(list(rows))
    hand = read_hand_rows(EVAL_FILE)
    EVAL_FILE.write_text(render(generated + hand), encoding="utf-8", newline="\n")
    print(f"{EVAL_FILE}: {len(generated)} sampled + {len(hand)} hand-written rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
