from __future__ import annotations

from bot.flood import Cooldown, SlidingWindow
from bot.store import ChatSettings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sliding_window_limits_per_key():
    clock = Clock()
    window = SlidingWindow(3, 10.0, clock)
    assert [window.allow("a") for _ in range(4)] == [True, True, True, False]
    assert window.allow("b") is True
    clock.now += 10.0
    assert window.allow("a") is True


def test_cooldown():
    clock = Clock()
    cooldown = Cooldown(60.0, clock)
    assert cooldown.ready(1) is True
    assert cooldown.ready(1) is False
    assert cooldown.ready(2) is True
    clock.now += 59.9
    assert cooldown.ready(1) is False
    clock.now += 0.2
    assert cooldown.ready(1) is True


def test_idle_keys_are_forgotten():
    clock = Clock()
    window = SlidingWindow(1, 1.0, clock)
    for key in range(10_001):
        window.allow(key)
    clock.now += 5
    window.allow("new")
    assert len(window._events) < 10


def test_chat_settings_round_trip(tmp_path):
    path = tmp_path / "sub" / "settings.sqlite3"
    store = ChatSettings(path)
    assert store.auto_mode(-1) is False
    store.set_auto_mode(-1, True)
    store.set_auto_mode(-2, False)
    store.close()
    again = ChatSettings(path)
    assert again.auto_mode(-1) is True
    assert again.auto_mode(-2) is False
    again.set_auto_mode(-1, False)
    assert again.auto_mode(-1) is False
