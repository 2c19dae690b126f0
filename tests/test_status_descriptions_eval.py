"""Floors on status_descriptions.tsv: questions that describe a status without naming it
(long descriptions, Chinese usage such as 永久重定向 = 301, typos, close siblings). A tuning
set, not blind: its first run and tuned figures are in docs/evaluation.md; the floors sit a
little below the tuned figures and guard against getting worse."""

from __future__ import annotations

from collections import Counter

from tests.eval_utils import blind_rows, eval_blind

TOP1_FLOOR = 0.93
TOP3_FLOOR = 0.96
# Every category on its own, so a gain in one cannot hide a loss in another.
CATEGORY_TOP1_FLOOR = {"long_description": 0.89, "chinese_convention": 0.95, "typo": 0.95, "sibling": 0.90}


def test_status_descriptions_floors(service):
    rows = blind_rows("status_descriptions.tsv")
    assert len(rows) >= 250
    seen: Counter[str] = Counter()
    top1: Counter[str] = Counter()
    top3 = 0
    misses = []
    for row in rows:
        want, category = eval_blind.expected(row)
        got = [eval_blind.key_of(m) for m in service.resolve(row["query"]).matches]
        seen[category] += 1
        if got and got[0] in want:
            top1[category] += 1
        else:
            misses.append(f"{row['query']!r}: want {'|'.join(want)}, got {got[:3]}")
        top3 += any(g in want for g in got[:3])
    total = sum(seen.values())
    print(f"\nstatus_descriptions: top-1 {sum(top1.values()) / total:.1%}, top-3 {top3 / total:.1%}")
    assert sum(top1.values()) / total >= TOP1_FLOOR, misses
    assert top3 / total >= TOP3_FLOOR, misses
    for category, floor in CATEGORY_TOP1_FLOOR.items():
        assert top1[category] / seen[category] >= floor, (category, misses)
