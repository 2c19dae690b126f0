"""Which groups switched auto mode on, in a SQLite file under the plugin's data directory.

Chat ids here are strings ("OneBot V11:group:123456", "Feishu:group:oc_…"), which the Telegram
bot's :class:`bot.chat.store.ChatSettings` (integer ids) does not take. The policy asks on every
group message and NoneBot runs on one event loop, so reads come from memory (loaded once) and
writes go, in order, to one background thread: no handler ever waits for the disk.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

log = logging.getLogger(__name__)

SETTINGS_FILE = "auto_mode.sqlite3"
BUSY_TIMEOUT_SECONDS = 5.0


class GroupSettings:
    """An :class:`bot.chat.policy.AutoModeStore` with string ids. Open with :meth:`open`."""

    def __init__(self, db: sqlite3.Connection, enabled: set[str]) -> None:
        self._db = db
        self._enabled = enabled
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="httpcode-settings")

    @classmethod
    async def open(cls, path: Path | str) -> GroupSettings:
        db, enabled = await asyncio.to_thread(_connect, str(path))
        return cls(db, enabled)

    def auto_mode(self, chat_id: object) -> bool:
        return str(chat_id) in self._enabled

    def set_auto_mode(self, chat_id: object, enabled: bool) -> None:
        key = str(chat_id)
        if enabled:
            self._enabled.add(key)
        else:
            self._enabled.discard(key)
        self._writer.submit(self._write, key, enabled)

    async def close(self) -> None:
        """Wait for pending writes, then close the file."""
        await asyncio.to_thread(self._writer.shutdown, wait=True)
        self._db.close()

    def _write(self, key: str, enabled: bool) -> None:
        try:
            self._db.execute(
                "INSERT INTO auto_mode (chat, enabled) VALUES (?, ?)"
                " ON CONFLICT(chat) DO UPDATE SET enabled = excluded.enabled",
                (key, int(enabled)),
            )
        except sqlite3.Error:
            # The switch still holds until restart; the log says it was not saved.
            log.exception("状态码助手：自动模式开关没能写入设置文件")


def _connect(path: str) -> tuple[sqlite3.Connection, set[str]]:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")  # another process may read the file meanwhile
        db.execute(
            "CREATE TABLE IF NOT EXISTS auto_mode (chat TEXT PRIMARY KEY, enabled INTEGER NOT NULL DEFAULT 0)"
        )
        enabled = {row[0] for row in db.execute("SELECT chat FROM auto_mode WHERE enabled")}
    except sqlite3.Error:
        db.close()
        raise
    return db, enabled
