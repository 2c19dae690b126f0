"""Accuracy floors on realistic questions.

- status_queries.tsv: 312 queries; "tune" rows were used while tuning the resolver,
  "holdout" rows are reported separately.
- status_blind.tsv: 160 queries written later by someone who never saw the knowledge
  base or the resolver. Its first run is recorded in docs/evaluation.md; the floor here
  only guards against regressions.
"""

from __future__ import annotations

import pytest

from tests.eval_utils import read_rows, score_status

TOP1_FLOOR = 0.95
TOP3_FLOOR = 0.99
CHATTER_FLOOR = 0.95
BLIND_TOP1_FLOOR = 0.88
BLIND_CHATTER_FLOOR = 0.85


@pytest.fixture(scope="module")
def rows():
    rows = read_rows("status_queries.tsv")
    assert len(rows) >= 200
    assert sum(1 for r in rows if not r.expected) >= 30
    return rows


def test_status_eval_floors(service, rows):
    overall = score_status(service.resolver, rows)
    holdout = score_status(service.resolver, [r for r in rows if r.split == "holdout"])
    tune = score_status(service.resolver, [r for r in rows if r.split == "tune"])
    print("\n" + tune.line("tune") + "\n" + holdout.line("holdout") + "\n" + overall.line("all"))
    for miss in overall.misses:
        print("  miss", miss)
    assert overall.rate(overall.top1, overall.total) >= TOP1_FLOOR, overall.misses
    assert overall.rate(overall.top3, overall.total) >= TOP3_FLOOR, overall.misses
    assert overall.rate(overall.chatter_rejected, overall.chatter) >= CHATTER_FLOOR, overall.misses


def test_blind_eval_floors(service):
    rows = read_rows("status_blind.tsv")
    assert len(rows) >= 150
    blind = score_status(service.resolver, rows)
    print("\n" + blind.line("blind"))
    assert blind.rate(blind.top1, blind.total) >= BLIND_TOP1_FLOOR, blind.misses
    assert blind.rate(blind.chatter_rejected, blind.chatter) >= BLIND_CHATTER_FLOOR, blind.misses
