"""Memoisation bounded by size, for functions of user text; and a pause of the garbage
collector for index builds.

``functools.lru_cache`` bounds only the number of entries; with 4,096 entries of up to a
100 KB pasted log each, that is hundreds of megabytes. :class:`TextCache` also bounds the
characters held and never keeps a text longer than ``longest``.
"""

from __future__ import annotations

import gc
import sys
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# A cached answer or card is a few hundred bytes beside its key text (a text value is
# counted by its own length on top).
ENTRY_OVERHEAD = 256
_MISSING = object()


class TextCache(Generic[T]):
    """LRU cache of ``fn(text, *rest)`` holding at most ``max_chars`` characters in all: each
    entry costs its key's length, ``ENTRY_OVERHEAD`` and, when the value is text (a folded or
    normalised form), the value's length too."""

    def __init__(
        self,
        fn: Callable[..., T],
        *,
        max_chars: int = 4_000_000,
        longest: int = 4096,
        max_entries: int = 8192,
    ) -> None:
        self._fn = fn
        self._data: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()
        self._ahead: Mapping[Hashable, T] = {}  # see preloaded
        self._chars = 0
        self.max_chars = max_chars
        self.longest = longest
        self.max_entries = max_entries
        self.hits = self.misses = 0

    def __call__(self, text: str, *rest: Hashable) -> T:
        if len(text) > self.longest:
            self.misses += 1
            return self._fn(text, *rest)
        key = (text, *rest) if rest else text
        data = self._data
        found = data.get(key)
        if found is not None:
            data.move_to_end(key)
            self.hits += 1
            return found[0]
        if self._ahead:
            value = self._ahead.get(key, _MISSING)
            if value is not _MISSING:
                self.hits += 1
                return value  # type: ignore[return-value]
        self.misses += 1
        value = self._fn(text, *rest)
        # _store, inlined: a cold question misses half a dozen caches, and most misses evict
        # nothing (~1 µs of a 20 µs numeric question).
        cost = len(text) + ENTRY_OVERHEAD + (len(value) if type(value) is str else 0)
        data[key] = (value, cost)
        self._chars = chars = self._chars + cost
        if chars > self.max_chars or len(data) > self.max_entries:
            self._evict()
        return value

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled empty: the function and the bounds (see bot.core.indexcache)."""
        return (_empty_cache, (self._fn, self.max_chars, self.longest, self.max_entries))

    def put(self, text: str, value: T) -> None:
        """Cache ``value`` as ``fn(text)``, known without calling ``fn`` (bounded as a miss is)."""
        if len(text) > self.longest or text in self._data:
            return
        self._store(text, text, value)

    def _store(self, key: Hashable, text: str, value: T) -> None:
        """Hold ``value`` under ``key``, evicting the oldest entries past either bound."""
        cost = len(text) + ENTRY_OVERHEAD + (len(value) if type(value) is str else 0)
        self._data[key] = (value, cost)
        self._chars += cost
        self._evict()

    def _evict(self) -> None:
        data = self._data
        while self._chars > self.max_chars or len(data) > self.max_entries:
            _, (_, old) = data.popitem(last=False)
            self._chars -= old

    @property
    def chars(self) -> int:
        return self._chars

    def __len__(self) -> int:
        return len(self._data)

    def cache_clear(self) -> None:
        self._data.clear()
        self._chars = 0
        self.hits = self.misses = 0

    def cached_keys(self) -> list[Hashable]:
        return list(self._data)

    @contextmanager
    def preloaded(self, values: Mapping[Hashable, T]) -> Iterator[None]:
        """Within the block: ``values`` (results worked out ahead, keyed as calls are) are
        cached entries, and nothing is evicted, however many or long the entries are; after
        it the cache is empty and bounded again. For start-up, over the knowledge base's own
        texts."""
        bounds = self.max_chars, self.max_entries, self.longest
        self.cache_clear()
        # Looked up in place, after the cache: copied into the cache they cost an ordered
        # entry and a (value, cost) pair each (~1 MiB for the text forms, held all through
        # start-up, whose peak is what the process keeps).
        self._ahead = values
        self.max_chars = self.max_entries = self.longest = sys.maxsize
        try:
            yield
        finally:
            self.max_chars, self.max_entries, self.longest = bounds
            self._ahead = {}
            self.cache_clear()


def _empty_cache(fn: Callable[..., T], max_chars: int, longest: int, max_entries: int) -> TextCache[T]:
    return TextCache(fn, max_chars=max_chars, longest=longest, max_entries=max_entries)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while an index is built.

    A build allocates tens of thousands of long-lived containers and frees almost none, so
    every collection finds nothing, and its full passes walk a heap that grows with the
    tables: the build becomes superlinear (8× the cloud tables took 12× as long). Reference
    counting still frees everything acyclic; the collector's state is restored after.

    What the block allocated is then still all in the youngest generation, so the first
    collection after it would walk every object of the build (after a whole load, ~120k
    objects and ~25 ms of CPU in ``ask 503``, to find a few hundred of garbage). It is moved to the
    oldest generation at once instead (freeze, then unfreeze: two list splices), where full
    collections still see it. Not when something else has frozen objects: unfreezing would
    hand back its objects too.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
