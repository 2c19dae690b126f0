"""BM25 over whole entries (bot/retrieval/bm25.py) against the formula written out plainly.

rank() adds each term's share with the arithmetic rearranged for speed (a term found once in
a document skips two operations); its ranking must still be textbook BM25, and an index with
``common`` (the cloud kind's, walked by its rarer terms) must agree with it on plain terms.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest

from bot.retrieval.bm25 import BM25, K1, B, terms

DOCS = {
    "gateway": "网关等上游响应超时，代理放弃了请求",
    "refused": "连接被拒绝，端口没有进程在监听",
    "limit": "请求太频繁被限流，稍后重试请求",
    "expired": "证书过期了，握手失败",
    "quota": "配额用完了，请求被拒绝，稍后重试",
}


def textbook(query: str) -> dict[str, float]:
    """Okapi BM25 (idf with +1 inside the log, as Lucene), each document's score for the query's distinct terms."""
    counts = {key: Counter(terms(text)) for key, text in DOCS.items()}
    n = len(DOCS)
    avg = sum(sum(c.values()) for c in counts.values()) / n
    out = {}
    for key, c in counts.items():
        length = sum(c.values())
        score = 0.0
        for t in set(terms(query)):
            df = sum(t in other for other in counts.values())
            if not c[t]:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * c[t] * (K1 + 1) / (c[t] + K1 * (1 - B + B * length / avg))
        if score:
            out[key] = score
    return out


@pytest.mark.parametrize("query", ["请求被拒绝了怎么办", "上游超时", "稍后重试请求", "证书握手"])
def test_plain_index_ranks_by_the_formula(query: str) -> None:
    index = BM25(DOCS.items())
    expected = textbook(query)
    ranked = index.rank(query, limit=len(DOCS))
    assert [key for key, *_ in ranked] == sorted(expected, key=lambda k: (-expected[k], k))
    for key, score, share, _lead in ranked:
        assert score == pytest.approx(expected[key], rel=1e-12)
        assert 0 < share <= 1


def test_index_with_common_terms_agrees_on_plain_terms() -> None:
    # "请求" is in three documents: with common=2 it is looked up per candidate, not walked.
    # Its candidates are the documents a rarer term reaches; each scores the same.
    plain, weighted = BM25(DOCS.items()), BM25(DOCS.items(), common=2)
    for query in ("请求被拒绝了怎么办", "稍后重试请求", "网关超时"):
        by_plain = {key: (score, share) for key, score, share, _ in plain.rank(query, limit=5)}
        found = weighted.rank(query, limit=5)
        assert found
        for key, score, share, _ in found:  # common terms are added last: the same sum up to rounding
            assert (score, share) == pytest.approx(by_plain[key], rel=1e-12)



def test_uncounted_documents_are_searched_without_reweighing_the_others() -> None:
    # Adding a document left out of the statistics leaves every other score as it was, while
    # the added one is scored with the counted documents' idf and average length.
    extra = {"nonce": "签名随机数被重复使用，请求被拒绝"}
    counted = BM25(DOCS.items())
    mixed = BM25([*DOCS.items(), *extra.items()], uncounted=extra.__contains__)
    also_counted = BM25([*DOCS.items(), *extra.items()])
    query = "请求被拒绝了怎么办"
    before = {key: score for key, score, *_ in counted.rank(query, limit=5)}
    after = {key: score for key, score, *_ in mixed.rank(query, limit=6)}
    assert "nonce" in after
    assert {k: v for k, v in after.items() if k != "nonce"} == pytest.approx(before, rel=1e-12)
    # Counted, the same document does move the others (the point of leaving it out).
    moved = {key: score for key, score, *_ in also_counted.rank(query, limit=6) if key != "nonce"}
    assert moved != pytest.approx(before, rel=1e-9)
    # Its own terms' rarity is the counted documents': 随机 is in none of them, so the rarest.
    assert mixed.idf("随机") == pytest.approx(counted.max_idf())
    assert mixed.idf("拒绝") == pytest.approx(counted.idf("拒绝"))
    assert mixed.scores({"拒绝": 1.0}).keys() == {*before.keys() & {"refused", "quota"}, "nonce"}
