"""Per-group settings that survive restarts, in an embedded SQLite file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class ChatSettings:
    """Which groups switched auto mode on. Tiny, so every call is a short transaction."""

    def __init__(self, path: Path | str) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS chat_settings ("
            " chat_id INTEGER PRIMARY KEY,"
            " auto_mode INTEGER NOT NULL DEFAULT 0)"
        )

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
