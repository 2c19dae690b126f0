"""Flood limits shaped after Telegram's own: people may ask at human speed, the bot never floods a group.

Telegram lets a bot send about one message a second in a private chat and at most 20 messages a
minute in a group. :class:`FloodGate` keeps answers inside that:

* a private chat has a token bucket: bursts of ``private_burst`` questions, then
  ``private_per_minute`` a minute for as long as the person keeps asking;
* a group has a budget of ``group_per_minute`` bot messages a minute, and one person may take at
  most ``group_share`` of it, so the rest of the group still gets answers;
* everyone has a hard limit of ``user_per_minute`` across all chats together: far above human
  speed, it only stops scripts;
* a button press on one of our cards costs ``press_cost`` of a question: it edits a card in
  place and is exploration, not a new question.

Every limiter can ``peek`` without using anything up, so a check that spans several limiters
is all-or-nothing (a refused question uses up no budget anywhere), and auto mode can look at
its cooldown before it reads a message.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

MINUTE = 60.0
_MAX_KEYS = 10_000  # above this many keys, idle ones are forgotten (at most once per window)
_EPSILON = 1e-9  # a refill of exactly one token must not fall short by a rounding error


class SlidingWindow:
    """At most ``limit`` (a total of event costs) per key in any ``window`` seconds.

    A key's events are one flat list, ``[time, cost, time, cost, …]``: a bot that hears from
    thousands of people keeps one small list each (~130 bytes for one event), where a deque
    of (time, cost) tuples took ~730 (a deque alone is 624 bytes, empty or not). A window
    holds at most ``limit`` / the smallest cost events (240), so expiring from the front of
    a list costs no more than the deque's pops did.
    """

    def __init__(self, limit: float, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[Hashable, list[float]] = {}  # key -> [time, cost, time, cost, …]
        self._next_prune = clock() + window

    def used(self, key: Hashable) -> float:
        """The cost recorded for ``key`` within the last ``window`` seconds."""
        events = self._events.get(key)
        if not events:
            return 0.0
        self._expire(events, self._clock())
        return sum(events[1::2])

    def peek(self, key: Hashable, cost: float = 1.0) -> bool:
        """Would an event of ``cost`` be allowed now? Records nothing."""
        return self.used(key) + cost <= self.limit

    def allow(self, key: Hashable, cost: float = 1.0) -> bool:
        """Record an event for ``key`` if it is within the limit; report whether it was."""
        if not self.peek(key, cost):
            return False
        now = self._clock()
        events = self._events.get(key)
        if events is None:
            self._events[key] = [now, cost]
        else:
            events += (now, cost)
        # Forget idle keys so memory stays bounded; at most once per window, since a
        # scan that frees nothing would otherwise repeat on every call under load.
        if len(self._events) > _MAX_KEYS and now >= self._next_prune:
            self._prune(now)
            self._next_prune = now + self.window
        return True

    def _expire(self, events: list[float], now: float) -> None:
        end, window = len(events), self.window
        gone = 0
        while gone < end and now - events[gone] >= window:
            gone += 2
        if gone:
            del events[:gone]

    def _prune(self, now: float) -> None:
        for key in [k for k, ev in self._events.items() if not ev or now - ev[-2] >= self.window]:
            del self._events[key]


class TokenBucket:
    """Bursts of up to ``capacity``, refilled at ``per_second``: the shape of human conversation."""

    def __init__(self, capacity: float, per_second: float, clock: Callable[[], float] = time.monotonic):
        self.capacity = capacity
        self.per_second = per_second
        self._clock = clock
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # key -> (tokens, at)
        self._refill_time = capacity / per_second if per_second > 0 else float("inf")
        self._next_prune = clock() + min(self._refill_time, 3600.0)

    def tokens(self, key: Hashable) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            return self.capacity
        tokens, at = bucket
        return min(self.capacity, tokens + (self._clock() - at) * self.per_second)

    def peek(self, key: Hashable, cost: float = 1.0) -> bool:
        return self.tokens(key) + _EPSILON >= cost

    def allow(self, key: Hashable, cost: float = 1.0) -> bool:
        tokens = self.tokens(key)
        if tokens + _EPSILON < cost:
            return False
        now = self._clock()
        self._buckets[key] = (max(0.0, tokens - cost), now)
        # A bucket that has refilled is the same as no bucket: forget those now and then.
        if len(self._buckets) > _MAX_KEYS and now >= self._next_prune:
            full = [
                k for k, (t, at) in self._buckets.items() if t + (now - at) * self.per_second >= self.capacity
            ]
            for k in full:
                del self._buckets[k]
            self._next_prune = now + min(self._refill_time, 3600.0)
        return True


class Cooldown:
    """One event per key per ``seconds``: used for auto mode in groups."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self._window = SlidingWindow(1, seconds, clock)

    def peek(self, key: Hashable) -> bool:
        """Is the cooldown over? Only looks: auto mode checks before reading a message, and
        only an answer starts the next cooldown."""
        return self._window.peek(key)

    def ready(self, key: Hashable) -> bool:
        """Is the cooldown over? If so, a new one starts now."""
        return self._window.allow(key)


@dataclass(frozen=True)
class FloodRules:
    """The numbers behind :class:`FloodGate` (see the module docstring)."""

    private_burst: float = 10.0  # questions back to back in a private chat
    private_per_minute: float = 30.0  # then this pace, for as long as someone keeps asking
    group_per_minute: float = 20.0  # bot messages per group and minute: Telegram's own limit
    group_share: float = 0.5  # of a group's minute budget, the most one person may take
    user_per_minute: float = 60.0  # one person, all chats together: only scripts get here
    press_cost: float = 0.25  # a button press, in questions


Chat = Hashable
User = Hashable


class FloodGate:
    """All flood limits together. Each check is all-or-nothing: a refusal uses up nothing."""

    def __init__(self, rules: FloodRules | None = None, clock: Callable[[], float] = time.monotonic):
        self.rules = rules = rules or FloodRules()
        self.user = SlidingWindow(rules.user_per_minute, MINUTE, clock)
        self.private = TokenBucket(rules.private_burst, rules.private_per_minute / MINUTE, clock)
        self.group = SlidingWindow(rules.group_per_minute, MINUTE, clock)
        self.share = SlidingWindow(rules.group_per_minute * rules.group_share, MINUTE, clock)

    def admit(self, user: User, chat: Chat | None, private: bool, cost: float = 1.0) -> bool:
        """May ``user`` have an answer in ``chat`` now? If so, it is counted.

        ``chat`` is None for a card with no chat (sent through inline mode): only the
        person's own limit applies.
        """
        checks = self._checks(user, chat, private)
        if not all(limiter.peek(key, cost) for limiter, key in checks):
            return False
        for limiter, key in checks:
            limiter.allow(key, cost)
        return True

    def would_admit(self, user: User, chat: Chat | None, private: bool, cost: float = 1.0) -> bool:
        """What :meth:`admit` would say, without counting anything."""
        return all(limiter.peek(key, cost) for limiter, key in self._checks(user, chat, private))

    def admit_press(self, user: User, chat: Chat | None, private: bool) -> bool:
        return self.admit(user, chat, private, self.rules.press_cost)

    def group_has_room(self, chat: Chat, cost: float = 1.0) -> bool:
        """Could the group take one more bot message? Records nothing."""
        return self.group.peek(chat, cost)

    def admit_unprompted(self, chat: Chat, cost: float = 1.0) -> bool:
        """An answer nobody asked for (auto mode) counts against the group's budget only."""
        return self.group.allow(chat, cost)

    def _checks(self, user: User, chat: Chat | None, private: bool) -> list[tuple[_Limiter, Hashable]]:
        checks: list[tuple[_Limiter, Hashable]] = [(self.user, user)]
        if chat is not None:
            if private:
                checks.append((self.private, chat))
            else:
                checks += [(self.group, chat), (self.share, (chat, user))]
        return checks


_Limiter = SlidingWindow | TokenBucket
