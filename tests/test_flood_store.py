from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event

import pytest

from bot.chat.flood import Cooldown, FloodGate, FloodRules, SlidingWindow, TokenBucket
from bot.chat.store import ChatSettings, SettingsStoreError


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


def test_cooldown_peek_uses_nothing_up():
    clock = Clock()
    cooldown = Cooldown(60.0, clock)
    assert [cooldown.peek(1) for _ in range(3)] == [True, True, True]
    assert cooldown.ready(1) is True, "peeking did not start the cooldown"
    assert cooldown.peek(1) is False
    clock.now += 60.0
    assert cooldown.peek(1) is True


def test_zero_cooldown_is_always_ready():
    cooldown = Cooldown(0.0, Clock())
    assert all(cooldown.ready(1) for _ in range(5))


def test_sliding_window_weighs_events_and_peeks():
    clock = Clock()
    window = SlidingWindow(2, 60.0, clock)
    assert window.peek("a", 2) is True and window.used("a") == 0
    assert [window.allow("a", 0.25) for _ in range(8)] == [True] * 8
    assert window.used("a") == 2.0
    assert window.peek("a", 0.25) is False and window.allow("a", 0.25) is False
    clock.now += 60.0
    assert window.used("a") == 0.0


def test_sliding_window_matches_a_plain_model_of_it():
    """Events expire one by one as their minute passes, whatever the costs and the gaps (the
    window keeps them as one flat list per key; the model is the plain list of events)."""
    import random

    rng = random.Random(12)
    clock = Clock()
    window = SlidingWindow(3, 60.0, clock)
    model: dict[str, list[tuple[float, float]]] = {"a": [], "b": []}
    for _ in range(3000):
        clock.now += rng.choice((0.0, 0.5, 7.0, 30.0, 59.999, 60.0))
        key, cost = rng.choice("ab"), rng.choice((0.25, 1.0, 2.0))
        live = [(at, c) for at, c in model[key] if clock.now - at < 60.0]
        allowed = sum(c for _, c in live) + cost <= 3
        assert window.allow(key, cost) is allowed
        model[key] = live + ([(clock.now, cost)] if allowed else [])
        assert window.used(key) == sum(c for _, c in model[key])


def test_token_bucket_allows_bursts_then_a_steady_pace():
    clock = Clock()
    bucket = TokenBucket(5, 0.5, clock)
    assert [bucket.allow("a") for _ in range(6)] == [True] * 5 + [False]
    clock.now += 1.9
    assert bucket.allow("a") is False
    clock.now += 0.1  # two seconds: one token back
    assert bucket.allow("a") is True and bucket.allow("a") is False
    clock.now += 3600
    assert bucket.tokens("a") == 5, "never more than the burst"
    assert bucket.peek("a", 5) and bucket.tokens("a") == 5, "peeking takes nothing"


def test_full_token_buckets_are_forgotten():
    clock = Clock()
    bucket = TokenBucket(2, 1.0, clock)
    for key in range(10_001):
        bucket.allow(key)
    clock.now += 5
    bucket.allow("new")
    assert len(bucket._buckets) < 10


# --- FloodGate: Telegram's own limits ---------------------------------------------------------

ALICE, BOB, CAROL, DAVE = 1, 2, 3, 4
GROUP = -100


def test_private_chat_at_human_speed_is_never_refused():
    clock = Clock()
    gate = FloodGate(clock=clock)
    assert all(gate.admit(ALICE, ALICE, private=True) for _ in range(5)), "a burst of five"
    for _ in range(60):  # then 20 a minute, for three minutes
        clock.now += 3
        assert gate.admit(ALICE, ALICE, private=True)


def test_private_chat_refuses_a_script():
    clock = Clock()
    gate = FloodGate(clock=clock)
    admitted = 0
    for _ in range(120):  # two a second for a minute
        admitted += gate.admit(ALICE, ALICE, private=True)
        clock.now += 0.5
    rules = gate.rules
    assert admitted <= rules.private_burst + rules.private_per_minute + 1
    assert admitted >= rules.private_per_minute


def test_a_group_gets_at_most_20_bot_messages_a_minute_shared_fairly():
    clock = Clock()
    gate = FloodGate(clock=clock)
    alice = sum(gate.admit(ALICE, GROUP, private=False) for _ in range(30))
    assert alice == 10, "no one takes more than half of the group's minute"
    bob = sum(gate.admit(BOB, GROUP, private=False) for _ in range(30))
    carol = sum(gate.admit(CAROL, GROUP, private=False) for _ in range(30))
    assert (bob, carol) == (10, 0), "20 bot messages a minute per group: Telegram's limit"
    assert gate.admit(ALICE, -200, private=False), "other groups are not affected"
    clock.now += 60
    assert gate.admit(CAROL, GROUP, private=False)


def test_a_refusal_uses_up_nothing():
    clock = Clock()
    gate = FloodGate(clock=clock)
    for _ in range(10):
        assert gate.admit(ALICE, GROUP, private=False)
    for _ in range(50):  # Alice's share is used up: her refused questions cost the group nothing
        assert not gate.admit(ALICE, GROUP, private=False)
    assert sum(gate.admit(BOB, GROUP, private=False) for _ in range(10)) == 10


def test_hard_per_user_limit_across_chats():
    clock = Clock()
    gate = FloodGate(clock=clock)
    admitted = sum(gate.admit(DAVE, -1000 - n, private=False) for n in range(100))
    assert admitted == gate.rules.user_per_minute == 60
    clock.now += 60
    assert gate.admit(DAVE, -5, private=False)


def test_button_presses_count_lightly():
    clock = Clock()
    gate = FloodGate(clock=clock)
    presses = sum(gate.admit_press(ALICE, ALICE, private=True) for _ in range(100))
    assert presses == 40, "a burst of ten questions is forty presses"
    group_presses = sum(gate.admit_press(BOB, GROUP, private=False) for _ in range(100))
    assert group_presses == 40, "half the group's budget, at a quarter each"
    assert gate.admit_press(CAROL, None, private=False), "a card sent through inline mode has no chat"


def test_unprompted_answers_count_against_the_group_only():
    clock = Clock()
    gate = FloodGate(clock=clock)
    assert sum(gate.admit_unprompted(GROUP) for _ in range(25)) == 20
    assert gate.group_has_room(GROUP) is False
    assert gate.admit(ALICE, ALICE, private=True), "nobody's own limit was touched"


def test_would_admit_counts_nothing():
    gate = FloodGate(FloodRules(private_burst=1), clock=Clock())
    assert all(gate.would_admit(ALICE, ALICE, private=True) for _ in range(5))
    assert gate.admit(ALICE, ALICE, private=True)
    assert not gate.would_admit(ALICE, ALICE, private=True)


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


# --- several processes on one settings file (two bots, or webhook replicas on one volume) ---


def _hammer(path: str, base: int, count: int, start: Event, errors: Queue) -> None:
    """One replica: flip its own groups on and read them back, as fast as it can."""
    try:
        start.wait(30)
        store = ChatSettings(path)
        for chat in range(base, base + count):
            store.set_auto_mode(chat, True)
            if not store.auto_mode(chat):
                errors.put(f"chat {chat} read back False")
        store.close()
    except Exception as exc:  # reported to the parent, which fails the test
        errors.put(repr(exc))


def _hold_read_transaction(path: str, holding: Event, release: Event) -> None:
    """A reader in the middle of a transaction: a backup, `sqlite3` in a shell, a slow replica."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.execute("SELECT count(*) FROM chat_settings").fetchone()
    holding.set()
    release.wait(30)
    db.execute("COMMIT")
    db.close()


def test_settings_file_uses_wal_and_waits_when_busy(tmp_path):
    path = tmp_path / "settings.sqlite3"
    ChatSettings(path).close()
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # stored in the file
    raw.close()
    store = ChatSettings(path)
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    store.close()


def test_a_reader_in_another_process_does_not_block_writes(tmp_path):
    path = tmp_path / "settings.sqlite3"
    store = ChatSettings(path)
    ctx = multiprocessing.get_context("spawn")
    holding, release = ctx.Event(), ctx.Event()
    reader = ctx.Process(target=_hold_read_transaction, args=(str(path), holding, release))
    reader.start()
    try:
        assert holding.wait(30)
        started = time.monotonic()
        # With a rollback journal this waits out the busy timeout, then "database is locked".
        store.set_auto_mode(-100, True)
        assert time.monotonic() - started < 2
        assert store.auto_mode(-100) is True
    finally:
        release.set()
        reader.join(30)
        store.close()
    assert reader.exitcode == 0


def test_concurrent_writers_in_several_processes_all_land(tmp_path):
    path = tmp_path / "settings.sqlite3"
    ChatSettings(path).close()  # created once, as the first replica would
    ctx = multiprocessing.get_context("spawn")
    start, errors = ctx.Event(), ctx.Queue()
    workers, per_worker = 8, 150
    procs = [
        ctx.Process(target=_hammer, args=(str(path), -1_000_000 * (k + 1), per_worker, start, errors))
        for k in range(workers)
    ]
    for proc in procs:
        proc.start()
    start.set()
    for proc in procs:
        proc.join(60)
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    assert [proc.exitcode for proc in procs] == [0] * workers
    store = ChatSettings(path)
    count = store._db.execute("SELECT count(*) FROM chat_settings WHERE auto_mode = 1").fetchone()[0]
    store.close()
    assert count == workers * per_worker


def test_a_file_that_is_not_a_database_fails_at_open(tmp_path):
    path = tmp_path / "settings.sqlite3"
    path.write_bytes(b"this is not a database, it is a text file" * 100)
    with pytest.raises(SettingsStoreError, match=r"settings\.sqlite3: file is not a database"):
        ChatSettings(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_read_only_settings_file_fails_at_open_not_at_first_write(tmp_path):
    path = tmp_path / "settings.sqlite3"
    ChatSettings(path).close()
    path.chmod(0o444)
    with pytest.raises(SettingsStoreError, match="readonly"):
        ChatSettings(path)


def test_missing_parent_is_not_created(tmp_path):
    # A missing parent is usually an unmounted volume: settings written beside it would be lost.
    with pytest.raises(SettingsStoreError, match="cannot open"):
        ChatSettings(tmp_path / "no-volume" / "data" / "settings.sqlite3")
    assert not (tmp_path / "no-volume").exists()
