"""Network-error answer quality, enforced with floors.

- tests/eval/network_queries.tsv: our own rows (pasted lines from many runtimes and Chinese
  questions), written after the network kind existed and tuned on.
- tests/eval/blind/network_v1.tsv … network_v4.tsv: written blind; their first runs
  (network top-1 89.1%, 89.3%, 91.0%, 94.7%) are recorded in docs/evaluation.md. Their
  misses were looked at since (v4's only after its first run), so the floors here guard
  against regressions and the current figures are no longer blind figures.
"""

from __future__ import annotations

import pytest

from tests.eval_utils import blind_rows, eval_blind


def score(service, name: str) -> dict[str, list[int]]:
    """Per category: [rows, top-1 hits]; chatter counts as a hit when nothing is answered."""
    rows = blind_rows(name)
    per: dict[str, list[int]] = {}
    for row in rows:
        want, category = eval_blind.expected(row)
        got = [eval_blind.key_of(m) for m in service.resolve(row["query"]).matches]
        hit = not got if want == ["none"] else bool(got) and got[0] in want
        stats = per.setdefault("network" if category.startswith("network/") else category, [0, 0])
        stats[0] += 1
        stats[1] += hit
    return per


@pytest.mark.parametrize(
    ("name", "network_floor", "chatter_floor"),
    [
        ("network_queries.tsv", 0.96, 1.0),
        ("blind/network_v1.tsv", 0.96, 0.93),
        # First run 89.3% (docs/evaluation.md); fixed since, so only a regression guard now.
        ("blind/network_v2.tsv", 0.90, 1.0),
        ("blind/network_v3.tsv", 0.90, 0.53),
        ("blind/network_v4.tsv", 0.94, 0.82),
    ],
)
def test_network_eval_floors(service, name, network_floor, chatter_floor):
    per = score(service, name)
    n, hits = per["network"]
    print(f"\n{name}: network top-1 {hits}/{n} = {hits / n:.1%}")
    assert hits / n >= network_floor
    controls = per.get("status (control)", [0, 0])
    assert controls[1] == controls[0], "a typed status must keep winning"
    chatter = per.get("none", [0, 0])
    assert chatter[0] and chatter[1] / chatter[0] >= chatter_floor
