"""Fit the answer / offer-choices / stay-silent thresholds against the tuned eval sets.

Every question of ``tests/eval/status_queries.tsv`` and ``tests/eval/cloud_queries.tsv`` is
resolved with the floor lifted (``tuning.CHOICES = 0``), so each one's top score is known
whether or not it would be shown. For each candidate threshold the script counts:

- answered right: the top match is correct and scores at least CHOICES;
- chatter shown: a chatter row whose top match scores at least CHOICES (a false answer);
- confidently wrong: the top match is wrong and scores at least ANSWER (the worst outcome);
- answered outright: correct and at least ANSWER (no "你是不是想问" step).

CHOICES is the highest floor that still keeps every right answer; ANSWER is read off the
trade-off between answering outright and being confidently wrong (docs/scoring.md).
Blind sets are never used here. Run:
``python scripts/fit_thresholds.py``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.chat.service import Service  # noqa: E402
from bot.core import tuning  # noqa: E402


def rows() -> list[tuple[str, set[str]]]:
    """(query, acceptable answers); an empty set means chatter."""
    out: list[tuple[str, set[str]]] = []
    with (ROOT / "tests/eval/status_queries.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            expected = r["expected"].strip()
            if " " in expected or expected.endswith("xx"):
                continue  # comparisons and classes are laid out, not scored
            out.append((r["query"], {expected} if expected else set()))
    with (ROOT / "tests/eval/cloud_queries.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.append((r["query"], {c.strip() for c in r["expected_error_code"].split("|")}))
    return out


def main() -> None:
    floor = tuning.CHOICES
    tuning.CHOICES = 0.0  # see every candidate's score
    svc = Service.load()
    scored: list[tuple[float, bool, bool]] = []  # (top score, top is right, is chatter)
    for query, want in rows():
        res = svc.resolver.resolve(query)
        if not res.matches:
            scored.append((0.0, not want, not want))
            continue
        top = res.matches[0]
        got = top.answer.error_code if top.kind == "error" else str(top.status)
        explicit = res.mode in ("code", "multi", "class")
        scored.append((100.0 if explicit else top.score, got in want, not want))
    tuning.CHOICES = floor
    answerable = sum(1 for _, _, chatter in scored if not chatter)
    chatter = len(scored) - answerable
    print(f"{len(scored)} questions: {answerable} with an answer, {chatter} chatter")
    print(" thr  answered-right  chatter-shown  confidently-wrong  answered-outright")
    for thr in range(50, 96, 2):
        right = sum(1 for s, ok, c in scored if not c and ok and s >= thr)
        shown = sum(1 for s, _, c in scored if c and s >= thr)
        wrong = sum(1 for s, ok, c in scored if not c and not ok and s >= thr)
        print(f"{thr:4}  {right / answerable:14.1%}  {shown:13}  {wrong:17}  {right:17}")

    def right_at(t: float) -> int:
        return sum(1 for s, ok, c in scored if not c and ok and s >= t)

    plateau = max(t for t in range(0, 101) if right_at(t) == right_at(0))
    print(f"highest floor that keeps every right answer: {plateau} (CHOICES = {tuning.CHOICES:g})")
    wrong_at_answer = sum(1 for s, ok, c in scored if not c and not ok and s >= tuning.ANSWER)
    print(
        f"at ANSWER = {tuning.ANSWER:g}: {right_at(tuning.ANSWER)} answered outright, {wrong_at_answer} confidently wrong"
    )


if __name__ == "__main__":
    main()
