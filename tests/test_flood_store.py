from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event

import pytest

from bot.chat.flood import Cooldown, SlidingWindow
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
