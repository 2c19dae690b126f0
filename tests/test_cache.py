"""TextCache: an LRU bounded by the characters it holds, not only by entries."""

from __future__ import annotations

import pytest

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


def test_a_paused_build_leaves_its_objects_in_the_oldest_generation():
    """The first collection after a load must not walk everything the load made (~45 ms)."""
    import gc

    from bot.core.cache import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        built = [[i] for i in range(20_000)]
    assert gc.isenabled()
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert not any(id(o) in young for o in built)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(o) in oldest for o in built[::1000])
    assert gc.get_freeze_count() == 0  # nothing stays frozen


def test_a_paused_build_keeps_what_others_froze_frozen():
    import gc

    from bot.core.cache import gc_paused

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            [[i] for i in range(1000)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_text_value_counts_with_its_key():
    """A folded or normalised form is as large as its text: both count against the budget."""
    cache = TextCache(lambda text: text.upper(), max_chars=2 * (200 + ENTRY_OVERHEAD), longest=500)
    cache("a" * 100)
    assert cache.chars == 200 + ENTRY_OVERHEAD
    cache("b" * 100)
    cache("c" * 100)  # three entries of 200 characters do not fit in two
    assert len(cache) == 2 and cache.chars <= cache.max_chars
    counted = TextCache(len, max_chars=10_000)
    counted("a" * 100)  # not text: the overhead stands for the value
    assert counted.chars == 100 + ENTRY_OVERHEAD


@pytest.mark.parametrize("fn", [str.upper, len, lambda text: (text, 1)])
def test_a_miss_and_a_put_count_an_entry_alike(fn):
    """``__call__`` stores a miss inline (the cold path's speed); ``put`` through ``_store``:
    the two spell the cost out separately and must agree, evictions included."""
    called, put = TextCache(fn, max_chars=3_000, longest=1_000), TextCache(fn, max_chars=3_000, longest=1_000)
    for i, size in enumerate([10, 300, 0, 999, 1_000, 250, 7]):
        text = chr(ord("a") + i) * size
        called(text)
        put.put(text, fn(text))
        assert (called.chars, called.cached_keys()) == (put.chars, put.cached_keys()), size
