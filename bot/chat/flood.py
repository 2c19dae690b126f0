"""Sliding-window limits so a busy group cannot make the bot flood it."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable


class SlidingWindow:
    """At most ``limit`` events per key in any ``window`` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[Hashable, deque[float]] = {}
        self._next_prune = clock() + window

    def allow(self, key: Hashable) -> bool:
        """Record an event for ``key`` if it is within the limit; report whether it was."""
        now = self._clock()
        events = self._events.setdefault(key, deque())
        while events and now - events[0] >= self.window:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        # Forget idle keys so memory stays bounded; at most once per window, since a
        # scan that frees nothing would otherwise repeat on every call under load.
        if len(self._events) > 10_000 and now >= self._next_prune:
            self._prune(now)
            self._next_prune = now + self.window
        return True

    def _prune(self, now: float) -> None:
        for key in [k for k, ev in self._events.items() if not ev or now - ev[-1] >= self.window]:
            del self._events[key]


class Cooldown:
    """One event per key per ``seconds``: used for auto mode in groups."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self._window = SlidingWindow(1, seconds, clock)

    def ready(self, key: Hashable) -> bool:
        return self._window.allow(key)
