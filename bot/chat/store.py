"""Per-group settings that survive restarts, in an embedded SQLite file.

Several processes may share one file (two bots, or webhook replicas on one volume):
WAL mode lets readers and the one writer proceed together, and the busy timeout makes a
writer wait its turn instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

SETTINGS_FILE = "settings.sqlite3"
BUSY_TIMEOUT_SECONDS = 5.0


class SettingsStoreError(Exception):
    """The settings file cannot be created, opened or written; the message names the path."""


class ChatSettings:
    """Which groups switched auto mode on. Tiny, so every call is a short transaction."""

    def __init__(self, path: Path | str) -> None:
        self._lock = threading.Lock()
        try:
            if str(path) != ":memory:":
                # Only the last directory is created: a missing parent is usually a volume
                # that was not mounted, and writing beside it would lose the settings.
                Path(path).parent.mkdir(exist_ok=True)
            self._db = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None
            )
        except (OSError, sqlite3.Error) as exc:
            raise SettingsStoreError(f"cannot open {path}: {exc}") from exc
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            # WAL survives in the file, so only the first process to open it pays for the switch.
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; commits skip an fsync
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS chat_settings ("
                " chat_id INTEGER PRIMARY KEY,"
                " auto_mode INTEGER NOT NULL DEFAULT 0)"
            )
            # Write once and roll back, so a read-only file fails at start-up rather than
            # at the first /auto (SQLite opens such a file read-only without complaint).
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("INSERT OR REPLACE INTO chat_settings VALUES (0, 0)")
            finally:
                self._db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            self._db.close()
            raise SettingsStoreError(f"cannot use {path}: {exc}") from exc

    def auto_mode(self, chat_id: int) -> bool:
        with self._lock:
            row = self._db.execute(
                "SELECT auto_mode FROM chat_settings WHERE chat_id = ?", (chat_id,)
            ).fetchone()
        return bool(row and row[0])

    def set_auto_mode(self, chat_id: int, enabled: bool) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO chat_settings (chat_id, auto_mode) VALUES (?, ?)"
                " ON CONFLICT(chat_id) DO UPDATE SET auto_mode = excluded.auto_mode",
                (chat_id, int(enabled)),
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()
