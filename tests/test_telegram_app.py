"""How the application is built and run: polling or webhook, and logging that never shows the token."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from pathlib import Path

import aiohttp
from telegram.ext import CallbackQueryHandler, ExtBot

from bot.chat.service import Service
from bot.chat.store import ChatSettings
from bot.config import load_config
from bot.frontends.telegram.app import (
    RedactingFormatter,
    Runner,
    build_application,
    plugin_handle,
    settle_webhook_secret,
    setup_logging,
)
from bot.frontends.telegram.bot_api import BotApiRequest
from bot.frontends.telegram.delivery import RetryingRateLimiter
from bot.frontends.telegram.processing import ChatOrderedProcessor
from tests.fake_bot_api import FakeBotApi
from tests.fakes import TOKEN

NO_PROXY = {"trust_env": False}


def test_build_application_wiring(service: Service, tmp_path: Path):
    config = load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "HTTPCODE_DATA_DIR": str(tmp_path)})
    settings = ChatSettings(tmp_path / "s.sqlite3")
    try:
        app = build_application(config, service, settings=settings)
        assert app.updater is None, (
            "bot.frontends.telegram.polling / bot.frontends.telegram.webhook fetch updates, not PTB's Updater"
        )
        assert isinstance(app.update_processor, ChatOrderedProcessor)
        assert app.update_processor.max_concurrent_updates > 1
        assert isinstance(app.bot, ExtBot) and isinstance(app.bot.rate_limiter, RetryingRateLimiter)
        assert isinstance(app.bot.request, BotApiRequest)
        # The plugin on a bare Application: no Defaults to lean on, its own /start and /help,
        # the command menu published at start-up, and bare button data of old cards read too.
        assert app.bot.defaults is None
        handle = plugin_handle(app)
        assert handle.settings is settings and handle.policy.private_text == "all"
        assert handle.policy.commands.help == ("help", "start")
        assert app.post_init is not None
        buttons = [h for h in app.handlers[handle.group] if isinstance(h, CallbackQueryHandler)]
        assert [b.pattern.pattern if b.pattern else None for b in buttons] == ["^hc:", None]
    finally:
        settings.close()


def test_webhook_secret_settled_before_start():
    plain = load_config({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settle_webhook_secret(plain) is None
    hook = {"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.com/t"}
    assert settle_webhook_secret(load_config({**hook, "WEBHOOK_SECRET": "abc_123"})) == "abc_123"
    generated = settle_webhook_secret(load_config(hook))
    assert generated is not None and len(generated) >= 32


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_polling_asks_for_every_update_type(service: Service, tmp_path: Path):
    async with FakeBotApi(TOKEN, poll_cap=0.5) as api:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api.base_url}
        config = load_config({**env, "HTTPCODE_DATA_DIR": str(tmp_path)})
        settings = ChatSettings(tmp_path / "s.sqlite3")
        app = build_application(
            config,
            service,
            request=BotApiRequest(httpx_kwargs=NO_PROXY),
            get_updates_request=BotApiRequest(connection_pool_size=1, httpx_kwargs=NO_PROXY),
            settings=settings,
        )
        runner = Runner(app, config)
        task = asyncio.create_task(runner.run())
        try:
            poll = await api.wait_for(lambda c: c.method == "getUpdates", timeout=10)
        finally:
            runner.stop.set()
            code = await asyncio.wait_for(task, 10)
            settings.close()
    assert code == 0
    allowed = poll.params["allowed_updates"]
    assert {"message", "edited_message", "callback_query", "inline_query"} <= set(allowed)
    assert not api.of("setWebhook")


async def test_webhook_mode_registers_listens_and_answers(service: Service, tmp_path: Path):
    port = _free_port()
    async with FakeBotApi(TOKEN) as api:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "HTTPCODE_DATA_DIR": str(tmp_path),
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/hooks/telegram",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
        }
        config = load_config(env)
        settings = ChatSettings(tmp_path / "s.sqlite3")
        app = build_application(
            config, service, request=BotApiRequest(httpx_kwargs=NO_PROXY), settings=settings
        )
        runner = Runner(app, config, "abc_123")
        task = asyncio.create_task(runner.run())
        try:
            hook = await api.wait_for(lambda c: c.method == "setWebhook", timeout=10)
            user = {"id": 77, "is_bot": False, "first_name": "u"}
            msg = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": 77, "type": "private", "first_name": "u"},
                "from": user,
                "text": "503",
            }
            async with (
                aiohttp.ClientSession(trust_env=False) as session,
                session.post(
                    f"http://127.0.0.1:{port}/hooks/telegram",
                    json={"update_id": 1, "message": msg},
                    headers={"X-Telegram-Bot-Api-Secret-Token": "abc_123"},
                ) as resp,
            ):
                status = resp.status
            # The POST is answered only once the update has been handled.
            answers = [c for c in api.of("sendMessage") if c.chat_id == 77]
        finally:
            runner.stop.set()
            code = await asyncio.wait_for(task, 10)
            settings.close()
    assert code == 0
    assert hook.params["url"] == f"http://127.0.0.1:{port}/hooks/telegram"
    assert hook.params["secret_token"] == "abc_123"
    assert "callback_query" in hook.params["allowed_updates"]
    assert status == 200
    assert len(answers) == 1 and "503 Service Unavailable" in answers[0].params["text"]
    assert not api.of("getUpdates")


def test_setup_logging_quiets_httpx_and_redacts():
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        setup_logging(logging.DEBUG, TOKEN)
        assert logging.getLogger("httpx").level == logging.WARNING
        assert isinstance(root.handlers[0].formatter, RedactingFormatter)
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "url %s", (f"/bot{TOKEN}/getMe",), None)
        assert TOKEN not in root.handlers[0].format(record)
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
