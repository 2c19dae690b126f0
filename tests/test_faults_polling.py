"""Faults around fetching updates, in process: bot.frontends.telegram.app.Runner with the real Application,
polling tests.fake_bot_api.FakeBotApi on loopback.

Covers what bot.frontends.telegram.polling promises (an update is confirmed to Telegram only once handled; an
unreadable update is skipped, not fetched forever) and how the Runner ends: 401 and 404 stop it
with exit code 2 and one clear line, an unreachable Bot API at start-up with exit code 1.
"""

from __future__ import annotations

import asyncio
import logging
import math
import socket
import time
from pathlib import Path

import pytest

from bot.chat.service import Service
from bot.chat.store import ChatSettings
from bot.config import load_config
from bot.frontends.telegram import app as telegram_app
from bot.frontends.telegram.app import Runner, build_application
from bot.frontends.telegram.bot_api import BotApiRequest
from tests.fake_bot_api import FakeBotApi, Fault
from tests.fakes import TOKEN

RUN_TIMEOUT = 15.0


def private_message(uid: int, text: str, message_id: int = 1) -> dict:
    user = {"id": uid, "is_bot": False, "first_name": "u"}
    return {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": uid, "type": "private", "first_name": "u"},
        "from": user,
        "text": text,
    }


def answered(uid: int):
    return lambda c: c.method == "sendMessage" and c.ok and c.chat_id == uid


def offsets_after(api: FakeBotApi, index: int) -> list[int]:
    return [int(c.params.get("offset") or 0) for c in api.calls[index:] if c.method == "getUpdates"]


class Bot:
    """The Runner as an asyncio task, with its application's settings closed afterwards."""

    def __init__(self, api_base_url: str, tmp_path: Path, service: Service) -> None:
        config = load_config(
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE_URL": api_base_url,
                "HTTPCODE_DATA_DIR": str(tmp_path),
            }
        )
        no_proxy = {"trust_env": False}
        self.settings = ChatSettings(tmp_path / "settings.sqlite3")
        self.application = build_application(
            config,
            service,
            request=BotApiRequest(httpx_kwargs=no_proxy),
            get_updates_request=BotApiRequest(connection_pool_size=1, httpx_kwargs=no_proxy),
            settings=self.settings,
        )
        self.runner = Runner(self.application, config)
        self.task: asyncio.Task[int] | None = None

    def start(self) -> Bot:
        self.task = asyncio.create_task(self.runner.run())
        return self

    async def exit_code(self, timeout: float = RUN_TIMEOUT) -> int:
        assert self.task is not None
        return await asyncio.wait_for(self.task, timeout)

    async def stop(self) -> int:
        self.runner.stop.set()
        return await self.exit_code()

    async def close(self) -> None:
        if self.task is not None and not self.task.done():
            self.runner.stop.set()
            await asyncio.gather(self.task, return_exceptions=True)
        self.settings.close()


@pytest.fixture
async def api():
    async with FakeBotApi(TOKEN, poll_cap=1.0) as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotApi, tmp_path: Path, service: Service):
    running = Bot(api.base_url, tmp_path, service)
    yield running
    await running.close()


async def started(bot: Bot, api: FakeBotApi) -> Bot:
    bot.start()
    await api.wait_for(lambda c: c.method == "getUpdates", timeout=RUN_TIMEOUT)
    return bot


async def test_answers_then_confirms_on_stop(api: FakeBotApi, bot: Bot):
    await started(bot, api)
    update_id = await api.enqueue(message=private_message(5001, "/code 503"))
    await api.wait_for(answered(5001))
    assert await bot.stop() == 0
    last = api.of("getUpdates")[-1]
    assert int(last.params["offset"]) == update_id + 1, "the handled update was confirmed before exit"
    assert [c.params["scope"]["type"] for c in api.of("setMyCommands")] == [
        "all_private_chats",
        "all_group_chats",
    ]
    assert api.of("deleteWebhook"), "polling makes sure no webhook is set"


async def test_an_update_is_confirmed_only_once_handled(api: FakeBotApi, bot: Bot):
    """Alice's answer hangs; Bob, who wrote after her, is answered meanwhile; and until Alice's
    answer is out, no getUpdates call confirms her question (a crash now would not lose it)."""
    await api.inject("sendMessage", Fault(stall=math.inf, chat_id=5101), times=-1)
    await started(bot, api)
    mark = len(api.calls)
    alice = await api.enqueue(message=private_message(5101, "/code 502"))
    await api.wait_for(lambda c: c.fault == "stall" and c.chat_id == 5101, start=mark)
    bob = await api.enqueue(message=private_message(5102, "/code 404"))
    await api.wait_for(answered(5102), start=mark)
    await asyncio.sleep(1.5)  # a few more polls while Alice's answer is still hanging
    assert offsets_after(api, mark), "kept polling while busy"
    assert max(offsets_after(api, mark)) <= alice, offsets_after(api, mark)
    assert not [c for c in api.calls if answered(5101)(c)]

    await api.clear_faults()  # the hanging call fails; the retry gets through
    await api.wait_for(answered(5101), timeout=RUN_TIMEOUT, start=mark)
    confirmed = await api.wait_for(
        lambda c: c.method == "getUpdates" and int(c.params.get("offset") or 0) > bob, start=mark
    )
    assert int(confirmed.params["offset"]) == bob + 1
    assert len([c for c in api.calls if answered(5102)(c)]) == 1, "Bob was answered once"
    assert await bot.stop() == 0


async def test_an_unreadable_update_is_skipped_not_fetched_forever(api: FakeBotApi, bot: Bot, caplog):
    await started(bot, api)
    mark = len(api.calls)
    broken = await api.enqueue(message={"message_id": 1})  # no chat, no date: PTB cannot read it
    good = await api.enqueue(message=private_message(5201, "/code 500"))
    await api.wait_for(answered(5201), start=mark)
    await api.wait_for(lambda c: c.method == "getUpdates" and int(c.params.get("offset") or 0) > good)
    assert broken < good
    assert f"update {broken} 无法解析" in caplog.text
    assert await bot.stop() == 0


async def test_a_transient_get_updates_failure_is_retried(api: FakeBotApi, bot: Bot, caplog):
    await started(bot, api)
    await api.inject("getUpdates", Fault.garbage(), times=1)
    await api.inject("getUpdates", Fault(500), times=1)
    mark = len(api.calls)
    await api.enqueue(message=private_message(5301, "/code 501"))
    await api.wait_for(answered(5301), timeout=RUN_TIMEOUT, start=mark)
    failures = [r.getMessage() for r in caplog.records if r.name == "bot.frontends.telegram.polling"]
    assert len(failures) == 2, failures
    assert await bot.stop() == 0


@pytest.mark.parametrize(
    ("status", "says", "never"),
    [(401, "拒绝了 TELEGRAM_BOT_TOKEN", "404"), (404, "TELEGRAM_API_BASE_URL", "拒绝")],
)
async def test_401_or_404_from_get_updates_ends_the_run(
    api: FakeBotApi, bot: Bot, caplog, status: int, says: str, never: str
):
    await started(bot, api)
    caplog.clear()
    await api.inject("getUpdates", Fault(status), times=-1)
    assert await bot.exit_code(timeout=5.0) == 2
    critical = [r.getMessage() for r in caplog.records if r.levelno >= logging.CRITICAL]
    assert len(critical) == 1 and says in critical[0] and never not in critical[0], critical
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text
    assert len([c for c in api.of("getUpdates") if c.fault]) == 1, "a fatal answer is not retried"


async def test_401_on_an_answer_ends_the_run(api: FakeBotApi, bot: Bot, caplog):
    await started(bot, api)
    await api.inject("sendMessage", Fault(401), times=-1)
    await api.enqueue(message=private_message(5401, "/code 503"))
    assert await bot.exit_code(timeout=5.0) == 2
    assert "拒绝了 TELEGRAM_BOT_TOKEN" in caplog.text


async def test_wrong_api_address_at_start(api: FakeBotApi, tmp_path: Path, service: Service, caplog):
    wrong = Bot(f"http://127.0.0.1:{api.port}/api/bot", tmp_path, service)
    try:
        assert await wrong.start().exit_code() == 2
    finally:
        await wrong.close()
    [line] = [r.getMessage() for r in caplog.records if r.levelno >= logging.CRITICAL]
    assert f"TELEGRAM_API_BASE_URL=http://127.0.0.1:{api.port}/api/bot" in line
    assert "TOKEN" not in line and TOKEN not in caplog.text


async def test_unreachable_api_at_start_gives_up_after_a_few_tries(
    tmp_path: Path, service: Service, caplog, monkeypatch
):
    monkeypatch.setattr(telegram_app, "STARTUP_RETRY_DELAYS", (0.05, 0.05, 0.05))
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    caplog.set_level(logging.INFO)
    refused = Bot(f"http://127.0.0.1:{port}/bot", tmp_path, service)
    try:
        assert await refused.start().exit_code() == 1
    finally:
        await refused.close()
    ours = [r for r in caplog.records if r.name.startswith("bot.")]
    assert [r.levelname for r in ours] == ["WARNING"] * 3 + ["CRITICAL"], [r.getMessage() for r in ours]
    assert f"TELEGRAM_API_BASE_URL=http://127.0.0.1:{port}/bot" in ours[-1].getMessage()
    assert "Traceback" not in caplog.text
    assert all(r.exc_info is None for r in caplog.records)
