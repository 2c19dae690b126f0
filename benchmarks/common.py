"""What every benchmark shares: emptying the caches for cold figures, percentiles, the machine.

"Cold" means every cache of user text is empty before each timed call: every
:class:`bot.core.cache.TextCache` (normalisation, the cloud search, provider hints, the
service's answers ...) and every ``functools`` cache of the bot's own code (cards,
keyboards), found by walking the heap once, not by a list that a new cache would escape.
Tables built once per process (the traditional-Chinese character table and class)
are not caches of user text and stay.
"""

from __future__ import annotations

import functools
import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.core.cache import TextCache  # noqa: E402

_TABLES = {"bot.core.simplified"}  # per-process tables, not caches of user text


def _owner(cache: object) -> str:
    fn = getattr(cache, "__wrapped__", None) or getattr(cache, "_fn", None)
    fn = getattr(fn, "__func__", fn)  # a bound method's function
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', '?')}"


def find_caches() -> list[tuple[str, Callable[[], None]]]:
    """(name, clear) for every cache of user text in the process; call after start-up."""
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, TextCache | functools._lru_cache_wrapper):
            name = _owner(obj)
            if name.startswith("bot.") and not any(name.startswith(t + ".") for t in _TABLES):
                found.append((name, obj.cache_clear))
    return sorted(found, key=lambda pair: pair[0])


class Caches:
    """Empties every cache :func:`find_caches` found, in one call."""

    def __init__(self) -> None:
        self.found = find_caches()
        self._clears = [clear for _, clear in self.found]

    def clear(self) -> None:
        for clear in self._clears:
            clear()

    def names(self) -> str:
        return ", ".join(name.removeprefix("bot.") for name, _ in self.found)


def pct(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def spread(values: Sequence[float]) -> str:
    """``median (min)`` of a figure measured in several repeats."""
    return f"{statistics.median(values):.0f} ({min(values):.0f})"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, load average {load:.2f} at start"
    )


def private_message(chat_id: int, message_id: int, text: str) -> dict:
    """A Bot API ``message`` object from a private chat (for the fake Bot API's updates)."""
    return {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "用户"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "用户"},
        "text": text,
    }


def bot_env(base: dict[str, str], token: str, base_url: str, data_dir: str) -> dict[str, str]:
    """The environment of a real bot process polling the fake Bot API on loopback: ``base``
    without any Telegram or webhook setting of the caller's, quiet, with its own data dir."""
    env = {k: v for k, v in base.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=base_url,
        HTTPCODE_DATA_DIR=data_dir,
        LOG_LEVEL="WARNING",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def stop(proc: subprocess.Popen) -> None:
    """Terminate a benchmarked bot process; kill it if it does not stop within 15 s."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
