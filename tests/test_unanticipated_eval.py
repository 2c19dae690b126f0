"""Regression floors on the blind "unanticipated" sets, whose first runs are recorded in
docs/evaluation.md. Every set here has been looked at after its first run, so these are
guards against getting worse, not blind figures."""

from __future__ import annotations

import pytest

from tests.eval_utils import blind_rows, eval_blind


@pytest.mark.parametrize(
    ("name", "answer_floor", "chatter_floor"),
    [
        ("unanticipated_v1.tsv", 0.83, 0.97),
        ("unanticipated_v2.tsv", 0.91, 0.98),
        ("unanticipated_v3.tsv", 0.92, 0.92),
        ("unanticipated_v4.tsv", 0.87, 0.97),
    ],
)
def test_unanticipated_floors(service, name, answer_floor, chatter_floor):
    rows = blind_rows(f"blind/{name}")
    answered = [0, 0]
    chatter = [0, 0]
    for row in rows:
        want, _category = eval_blind.expected(row)
        got = [eval_blind.key_of(m) for m in service.resolve(row["query"]).matches]
        if want == ["none"]:  # chatter, and group lines that only mention a code
            chatter[0] += 1
            chatter[1] += not got
        else:
            answered[0] += 1
            answered[1] += bool(got) and got[0] in want
    print(
        f"\n{name}: answerable top-1 {answered[1] / answered[0]:.1%}, chatter {chatter[1] / chatter[0]:.1%}"
    )
    assert answered[1] / answered[0] >= answer_floor
    assert chatter[1] / chatter[0] >= chatter_floor
