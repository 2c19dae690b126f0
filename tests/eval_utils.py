"""Scoring the resolver against the hand-written evaluation sets."""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from bot.retrieval.resolver import Resolver

EVAL_DIR = Path(__file__).resolve().parent / "eval"


def _load_eval_blind() -> ModuleType:
    """scripts/eval_blind.py, whose rules (expected answers, answer keys) the floors share."""
    path = EVAL_DIR.parent.parent / "scripts" / "eval_blind.py"
    spec = importlib.util.spec_from_file_location("eval_blind", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


eval_blind = _load_eval_blind()


def blind_rows(name: str) -> list[dict[str, str]]:
    """The rows of an eval TSV in either blind format (path relative to tests/eval/)."""
    with (EVAL_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class Row:
    query: str
    expected: str
    category: str
    split: str


@dataclass
class Score:
    total: int = 0
    top1: int = 0
    top3: int = 0
    chatter: int = 0
    chatter_rejected: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def line(self, name: str) -> str:
        return (
            f"{name}: top-1 {self.top1}/{self.total} ({self.rate(self.top1, self.total):.1%}), "
            f"top-3 {self.top3}/{self.total} ({self.rate(self.top3, self.total):.1%}), "
            f"chatter rejected {self.chatter_rejected}/{self.chatter} "
            f"({self.rate(self.chatter_rejected, self.chatter):.1%})"
        )


def read_rows(name: str) -> list[Row]:
    with (EVAL_DIR / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Row(r["query"], r["expected"].strip(), r["category"], r.get("split") or "blind") for r in reader
        ]


def score_status(resolver: Resolver, rows: list[Row]) -> Score:
    score = Score()
    for row in rows:
        res = resolver.resolve(row.query)
        got = [m.status for m in res.matches]
        if not row.expected:
            score.chatter += 1
            if not res.matches:
                score.chatter_rejected += 1
            else:
                score.misses.append(f"[chatter] {row.query!r} -> {got[:3]}")
            continue
        score.total += 1
        if row.expected.endswith("xx"):
            ok1 = ok3 = res.mode == "class" and res.group == int(row.expected[0])
        elif " " in row.expected:
            want = [int(c) for c in row.expected.split()]
            ok1 = ok3 = got[: len(want)] == want
        else:
            want_code = int(row.expected)
            ok1 = bool(got) and got[0] == want_code
            ok3 = want_code in got[:3]
        score.top1 += ok1
        score.top3 += ok3
        if not ok1:
            score.misses.append(f"[{row.category}] {row.query!r}: want {row.expected}, got {got[:3]}")
    return score
