"""The real bot as a subprocess against the fake Bot API on loopback: shared by the end-to-end,
webhook and fault tests. Nothing leaves 127.0.0.1: proxies are switched off in the bot's
environment and every wait is bounded."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fake_bot_api import Call, FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 20.0  # interpreter start, knowledge load, getMe, setMyCommands, first getUpdates
STEP_TIMEOUT = 8.0
EXIT_TIMEOUT = 15.0
_message_ids = itertools.count(500)
_PROXY_VARS = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
_LOG_RECORD = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} ", re.MULTILINE)


def fresh_token() -> str:
    """A token matching bot.config's pattern and unique to this run, so a leak is unmistakable."""
    return f"{secrets.randbelow(10**9) + 10**9}:E2E{secrets.token_hex(16)}"


class BotProcess:
    """The real bot as a subprocess, its log in a file, and bounded waits on the fake API."""

    def __init__(self, api: FakeBotApi, env: dict[str, str], log_path: Path) -> None:
        self.api = api
        self.log_path = log_path
        with log_path.open("wb") as log_file:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run"],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )

    def diagnostics(self) -> str:
        calls = "\n".join(f"  {c.method} {c.status} {str(c.params)[:160]}" for c in self.api.calls[-30:])
        return (
            f"\nexit code: {self.proc.poll()}\nlast calls:\n{calls}\n"
            f"log:\n{self.log_path.read_text('utf-8', 'replace')[-6000:]}"
        )

    async def wait_for(self, predicate, timeout=STEP_TIMEOUT, start=0) -> Call:
        try:
            return await self.api.wait_for(predicate, timeout=timeout, start=start)
        except TimeoutError:
            pytest.fail(f"timed out after {timeout}s waiting for a Bot API call" + self.diagnostics())

    async def terminate(self) -> None:
        """SIGTERM, then a clean exit with code 0 within EXIT_TIMEOUT."""
        assert self.proc.poll() is None, self.diagnostics()
        self.proc.send_signal(signal.SIGTERM)
        code = await wait_exit(self.proc, EXIT_TIMEOUT)
        assert code is not None, f"no exit within {EXIT_TIMEOUT}s after SIGTERM" + self.diagnostics()
        assert code == 0, self.diagnostics()

    def kill(self) -> None:
        """Whatever happened, leave no process behind."""
        if self.proc.poll() is None:
            self.proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(5)

    async def wait_count(self, predicate, count, timeout=STEP_TIMEOUT, start=0) -> list[Call]:
        try:
            return await self.api.wait_for_count(predicate, count, timeout=timeout, start=start)
        except TimeoutError:
            pytest.fail(f"timed out after {timeout}s waiting for {count} Bot API calls" + self.diagnostics())


def user(uid: int, name: str) -> dict[str, Any]:
    return {"id": uid, "is_bot": False, "first_name": name, "language_code": "zh-hans"}


def private_chat(u: dict[str, Any]) -> dict[str, Any]:
    return {"id": u["id"], "type": "private", "first_name": u["first_name"]}


def message(text: str, u: dict[str, Any], message_id: int | None = None) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "message_id": message_id or next(_message_ids),
        "date": int(time.time()),
        "chat": private_chat(u),
        "from": u,
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        length = len(command.encode("utf-16-le")) // 2
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return msg


def to_chat(chat_id: int, method: str = "sendMessage") -> Callable[[Call], bool]:
    return lambda c: c.method == method and c.ok and int(c.params.get("chat_id", 0)) == chat_id


def bot_env(token: str, base_url: str, data_dir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k.lower() not in _PROXY_VARS and not k.startswith(("TELEGRAM_", "WEBHOOK_", "HTTPCODE_"))
    }
    env.update(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=base_url,
        HTTPCODE_DATA_DIR=str(data_dir),
        HTTPCODE_INDEX_CACHE=os.environ.get("HTTPCODE_INDEX_CACHE", "off"),
        LOG_LEVEL="DEBUG",
        PYTHONUNBUFFERED="1",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def log_records(text: str) -> Iterator[str]:
    """Split the captured output into log records (a record keeps its traceback lines)."""
    starts = [m.start() for m in _LOG_RECORD.finditer(text)]
    if not starts or starts[0] > 0:
        yield text[: starts[0] if starts else len(text)]  # output before logging was set up
    for begin, end in itertools.pairwise([*starts, len(text)]):
        yield text[begin:end]


def unexpected_tracebacks(text: str) -> list[str]:
    """Tracebacks in the log, other than a NetworkError for an injected 502."""
    bad = []
    for record in log_records(text):
        if "Traceback (most recent call last)" not in record:
            continue
        if "telegram.error.NetworkError: Bad Gateway" in record:
            continue
        bad.append(record)
    return bad


async def wait_exit(proc: subprocess.Popen, timeout: float) -> int | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return proc.returncode
        await asyncio.sleep(0.05)
    return proc.poll()


def bot_env_for(server: FakeBotApi, tmp_path: Path, **extra: str) -> dict[str, str]:
    """The bot's environment for ``server`` with its data under ``tmp_path``, plus ``extra``."""
    env = bot_env(server.token, server.base_url, tmp_path / "data")
    env.update(extra)
    return env


async def started(server: FakeBotApi, tmp_path: Path, **env: str) -> BotProcess:
    """A bot process that has reached its first getUpdates."""
    bot = BotProcess(server, bot_env_for(server, tmp_path, **env), tmp_path / "bot.log")
    await bot.wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
    return bot


async def run_to_exit(env: dict[str, str], timeout: float) -> tuple[int | None, str]:
    """Run the bot until it exits on its own (a fatal start-up problem): (exit code, output)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        out, _ = await asyncio.wait_for(proc.communicate(), timeout)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    return proc.returncode, out.decode("utf-8", "replace")
