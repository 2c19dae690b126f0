"""Accuracy floors on realistic questions (tests/eval/status_queries.tsv)."""

from __future__ import annotations

import pytest

from tests.eval_utils import read_rows, score_status

TOP1_FLOOR = 0.95
TOP3_FLOOR = 0.99
CHATTER_FLOOR = 0.95


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
