"""Floors for cloud errors asked about in other words: tests/eval/cloud_paraphrase.tsv and
cloud_paraphrase_v2.tsv.

Both are tuning sets, not blind ones (docs/evaluation.md). The first was written for the
meaning tier (bot/kinds/cloud/meaning.py); the second picks rows across every provider and
product of knowledge/cloud/, written as chat before the bot answered them. Each holds Chinese
retellings (product named, only implied, or neither), English message variants (reworded,
truncated, in a JSON body or an SDK log line), chatter that names a provider or product and
asks nothing, and plain status questions that must not turn into cloud answers. ``expect``
is ``provider:ErrorCode`` (``a|b``: either is right, where two codes carry the same message),
a status, or ``none``. Scored on what the bot answers (the full resolver), first match only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pytest

from bot.core.match import Match
from tests.eval_utils import blind_rows


@dataclass(frozen=True)
class CloudSet:
    """A set, its minimum size, and floors a little below what it reaches (a regression guard)."""

    name: str
    floors: dict[str, float]
    chatter_rejected: float
    min_answerable: int  # paraphrase + english rows
    min_chatter: int
    min_status: int
    min_chatter_and_status: int = 0


SETS = [
    CloudSet(
        "cloud_paraphrase.tsv",
        {"paraphrase": 0.87, "english": 0.86, "status": 1.0},
        chatter_rejected=0.90,
        min_answerable=120,
        min_chatter=0,
        min_status=0,
        min_chatter_and_status=20,
    ),
    CloudSet(
        "cloud_paraphrase_v2.tsv",
        {"paraphrase": 0.88, "english": 0.92, "status": 1.0},
        chatter_rejected=0.83,
        min_answerable=200,
        min_chatter=40,
        min_status=20,
    ),
]
_IDS = [s.name for s in SETS]


def _key(m: Match) -> str:
    if m.kind == "error":
        # The row's code as its table spells it (a gateway runtime error is shown as APIGW.0301).
        if m.answer.error is not None:
            return f"{m.answer.error.provider}:{m.answer.error.error_code}"
        return f":{m.answer.error_code}"
    return str(m.status)


@pytest.mark.parametrize("cloud_set", SETS, ids=_IDS)
def test_eval_file_shape(cloud_set: CloudSet) -> None:
    counts: dict[str, int] = defaultdict(int)
    for row in blind_rows(cloud_set.name):
        counts[row["category"]] += 1
        assert row["expect"] and row["round"] in {"1", "2", "3", "4", "5", "6"}, row
    assert counts["paraphrase"] + counts["english"] >= cloud_set.min_answerable
    assert counts["chatter"] >= cloud_set.min_chatter and counts["status"] >= cloud_set.min_status
    assert counts["chatter"] + counts["status"] >= cloud_set.min_chatter_and_status


@pytest.mark.parametrize("cloud_set", SETS, ids=_IDS)
def test_every_expected_code_is_documented(kb, cloud_set: CloudSet) -> None:
    known = {f"{r.provider}:{r.error_code}" for r in kb["error"].rows}
    for row in blind_rows(cloud_set.name):
        for want in row["expect"].split("|"):
            assert ":" not in want or want in known, (want, row["query"])


@pytest.mark.parametrize("cloud_set", SETS, ids=_IDS)
def test_cloud_paraphrase_floors(service, cloud_set: CloudSet) -> None:
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for row in blind_rows(cloud_set.name):
        want = row["expect"].split("|")
        got = [_key(m) for m in service.resolve(row["query"]).matches]
        ok = not got if want == ["none"] else bool(got) and got[0] in want
        hits[row["category"]][0] += 1
        hits[row["category"]][1] += ok
        if not ok:
            misses.append(f"[{row['category']}] {row['query']}: want {row['expect']}, got {got[:3]}")
    rates = {cat: right / n for cat, (n, right) in hits.items()}
    print("\n".join([*(f"{c}: {r:.1%}" for c, r in sorted(rates.items())), *misses]))
    for cat, floor in cloud_set.floors.items():
        assert rates[cat] >= floor, (cat, rates[cat], misses)
    assert rates["chatter"] >= cloud_set.chatter_rejected, misses
