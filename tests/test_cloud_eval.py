"""Accuracy floors for cloud-error lookups on tests/eval/cloud_queries.tsv.

Rows: ``code`` and ``message`` are sampled by scripts/make_cloud_eval.py; ``body`` and
``paraphrase`` are hand-written (``\\n`` in a query stands for a line break).

A query counts as answered when the top match's error code is acceptable:

- ``code``/``body``/``paraphrase``: the expected code itself (for a code absent from the
  tables, the family match carries the code as typed);
- ``message``: the expected code, or any code whose rows carry exactly the same message
  (after normalisation): the vendors reuse messages, e.g. “指定的镜像不存在。” is
  documented for both InvalidImageId.NotFound and OperationDenied.ImageNotValid, and no
  resolver can tell those apart from the text alone.

When an expected status is given, it must be among the statuses the top match documents
(its best row and the variants with the same code), or, for ``message`` rows, the row the
top match shows must carry that exact message. Tencent rows have no status.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.core.match import Match
from bot.core.schema import Problems
from bot.core.text import normalize
from bot.kinds.cloud.index import CloudIndex
from bot.kinds.cloud.loader import load_cloud
from bot.kinds.cloud.model import CloudData

EVAL_FILE = Path(__file__).resolve().parent / "eval" / "cloud_queries.tsv"
KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
FLOORS = {"code": 0.98, "message": 0.90, "body": 0.95, "paraphrase": 0.80}


@dataclass
class Tally:
    total: int = 0
    top1: int = 0
    status_ok: int = 0
    status_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.top1 / self.total if self.total else 1.0

    def line(self, name: str) -> str:
        status = f"{self.status_ok}/{self.status_total}"
        return f"{name:<22} top-1 {self.top1:>3}/{self.total:<3} ({self.rate:.1%})  status {status}"


def read_eval() -> list[dict[str, str]]:
    with EVAL_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["query"] = row["query"].replace("\\n", "\n")
    return rows


def _key(text: str) -> str:
    return normalize(text).replace(" ", "")


def evaluate(
    index: CloudIndex, rows: list[dict[str, str]], search: Callable[[str], list[Match]] | None = None
) -> dict[str, Tally]:
    """Score ``search`` (default: the cloud index alone) on the eval rows."""
    search = search or (lambda text: index.search(text, limit=3))
    codes_by_message: dict[str, set[str]] = defaultdict(set)
    pairs_by_message: dict[str, set[tuple[str, int | None]]] = defaultdict(set)
    for row in index.rows:
        for text in (row.message_zh, row.message_en, row.seed_message):
            if text:
                codes_by_message[_key(text)].add(row.error_code)
                pairs_by_message[_key(text)].add((row.error_code, row.status))
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        accepted = {row["expected_error_code"]}
        if row["kind"] == "message":
            accepted |= codes_by_message.get(_key(row["query"]), set())
        matches = search(row["query"])
        top = matches[0] if matches else None
        # The code as the table spells it (a gateway runtime error is answered as APIGW.0301,
        # the spelling its responses use; the table's APIG.0301 is on the card too).
        table_code = top.answer.error.error_code if top is not None and top.kind == "error" and top.answer.error else None
        ok = top is not None and top.kind == "error" and (top.answer.error_code in accepted or table_code in accepted)
        status_ok = True
        if row["expected_status"] and ok and top.answer.error is not None:
            statuses = {top.answer.error.status, *(v.status for v in top.answer.variants)}
            status_ok = int(row["expected_status"]) in statuses
            if row["kind"] == "message":  # or the row shown carries that very message
                pair = (top.answer.error.error_code, top.answer.error.status)
                status_ok |= pair in pairs_by_message.get(_key(row["query"]), set())
        for name in (f"{row['kind']}/{row['split']}", row["kind"], row["split"], "all"):
            tally = tallies[name]
            tally.total += 1
            tally.top1 += ok
            if row["expected_status"]:
                tally.status_total += 1
                tally.status_ok += ok and status_ok
            if not (ok and status_ok) and "/" in name:
                got = [(m.to_json().get("error_code", ""), m.status, round(m.score)) for m in matches]
                tally.misses.append(f"[{name}] {row['query'][:70]!r}: want {accepted} -> {got}")
    return tallies


@pytest.fixture(scope="module")
def index() -> CloudIndex:
    problems = Problems()
    rows, families, _ = load_cloud(KNOWLEDGE, problems, set(range(100, 600)))
    assert not problems.items, problems.items
    return CloudIndex(CloudData(rows, families))


def test_eval_file_shape() -> None:
    rows = read_eval()
    kinds = defaultdict(int)
    for row in rows:
        kinds[row["kind"]] += 1
        assert row["split"] in {"tune", "holdout"}, row
        assert row["expected_error_code"], row
    assert kinds["code"] + kinds["message"] >= 150
    assert kinds["body"] + kinds["paraphrase"] >= 40
    holdout = sum(1 for r in rows if r["split"] == "holdout") / len(rows)
    assert 0.2 <= holdout <= 0.4


def report_and_check(tallies: dict[str, Tally]) -> None:
    print()
    for name in sorted(tallies):
        print(tallies[name].line(name))
    for name in sorted(tallies):
        for miss in tallies[name].misses:
            print("  miss", miss)
    for kind, floor in FLOORS.items():
        tally = tallies[kind]
        assert tally.rate >= floor, (kind, tally.line(kind), tally.misses)
        assert tally.status_ok >= floor * tally.status_total, (kind, tally.misses)


def test_cloud_eval_floors(index: CloudIndex) -> None:
    report_and_check(evaluate(index, read_eval()))


def test_cloud_eval_floors_through_the_full_resolver(service) -> None:
    """The same floors for what the bot and `httpcode-bot ask` answer, status tiers included."""
    report_and_check(
        evaluate(
            service.kb.kind("error").index, read_eval(), lambda text: list(service.resolve(text).matches)
        )
    )
