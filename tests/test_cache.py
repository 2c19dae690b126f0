"""TextCache: an LRU bounded by the characters it holds, not only by entries."""

from __future__ import annotations

from bot.core.cache import ENTRY_OVERHEAD, TextCache


def test_hits_and_eviction_by_characters():
    calls: list[str] = []

    def work(text: str) -> int:
        calls.append(text)
        return len(text)

    cache = TextCache(work, max_chars=3 * (100 + ENTRY_OVERHEAD), longest=200)
    for text in ("a" * 100, "b" * 100, "c" * 100, "a" * 100):
        assert cache(text) == 100
    assert calls == ["a" * 100, "b" * 100, "c" * 100]  # the fourth call was a hit
    cache("d" * 100)  # over the budget: the least recently used ("b") goes
    assert len(cache) == 3
    cache("b" * 100)
    assert calls[-1] == "b" * 100
    assert cache.chars <= cache.max_chars


def test_texts_longer_than_the_limit_are_never_kept():
    cache = TextCache(len, max_chars=10_000, longest=50)
    assert cache("x" * 51) == 51
    assert len(cache) == 0 and cache.chars == 0
    assert cache("x" * 50) == 50
    assert len(cache) == 1


def test_extra_arguments_are_part_of_the_key():
    cache = TextCache(lambda text, n: text * n, max_chars=10_000)
    assert cache("ab", 2) == "abab"
    assert cache("ab", 3) == "ababab"
    assert len(cache) == 2
    cache.cache_clear()
    assert len(cache) == 0 and cache.chars == 0
