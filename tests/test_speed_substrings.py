"""``SubstringIndex.find`` finds what a search of the one candidate pattern it replaced found
(behaviour, not timing): on every evaluation query, the benchmark questions, random slices of
them run together and their pinyin keys, for every substring index of the status and network
kinds, the same choices in the same order."""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import pytest

from benchmarks.queries import QUERIES
from bot.chat.service import Service
from bot.core import pinyin
from bot.core.text import normalize
from bot.retrieval.textindex import Choice, SubstringIndex, _at_word_edges, _starts_pattern

EVAL = Path(__file__).parent / "eval"


def _reference(index: SubstringIndex, pattern: re.Pattern[str], padded: str) -> list[Choice]:
    """``find`` as it was: one search of ``_starts_pattern`` from each candidate on."""
    found: list[Choice] = []
    last = len(padded) - 3
    m = pattern.search(padded, 1)
    while m is not None:
        i = m.start()
        if i > last:
            break
        for size in index._lead_lengths:
            for choice in index._by_lead.get(padded[i : i + size], ()):
                if padded.startswith(choice.key, i) and _at_word_edges(padded, i, choice.key):
                    found.append(choice)
        m = pattern.search(padded, i + 1)
    found.sort(key=lambda c: (-len(c.key), str(c.target)))
    return found


def _texts() -> list[str]:
    texts = [q for qs in QUERIES.values() for q in qs]
    for path in sorted(EVAL.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            texts += [row["query"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    rng = random.Random(11)
    pool = "".join(texts)
    for _ in range(300):  # slices of everything run together: words cut anywhere, scripts mixed
        start = rng.randrange(len(pool))
        texts.append(pool[start : start + rng.choice((8, 40, 300, 4000))])
    forms = [normalize(t) for t in texts]
    return forms + [pinyin.key(f) for f in forms if len(f) <= 80]


@pytest.fixture(scope="module")
def indexes(service: Service) -> list[tuple[str, SubstringIndex]]:
    found = []
    for kind in service.kb.kinds:  # built by the service's resolver
        for name, value in vars(getattr(kind, "index", None) or SubstringIndex([])).items():
            if isinstance(value, SubstringIndex):
                found.append((f"{kind.name}{name}", value))
    assert len(found) >= 8
    return found


def test_find_is_the_single_pattern_search(indexes: list[tuple[str, SubstringIndex]]) -> None:
    texts = _texts()
    for name, index in indexes:
        pattern = re.compile(_starts_pattern(index._by_lead))
        for text in texts:
            padded = f" {text} "
            assert index.find(padded) == _reference(index, pattern, padded), (name, text[:60])


def test_latin_leads_after_any_edge() -> None:
    index = SubstringIndex([Choice("ok", 1, "a"), Choice("网关", 2, "b"), Choice("·wang·guan·", 3, "c")])
    assert [c.target for c in index.find(" ok ok ")] == [1, 1]
    assert [c.target for c in index.find(" é ok ")] == [1]
    assert [c.target for c in index.find(" 网关 ok 网关网关 ")] == [1, 2, 2, 2]
    assert [c.target for c in index.find(" ·wang·guan· ")] == [3]
