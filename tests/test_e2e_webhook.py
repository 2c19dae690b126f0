"""End to end in webhook mode: the real bot process (`python -m bot.cli run`) with WEBHOOK_URL set.

The bot registers its webhook at the fake Bot API (tests.fake_bot_api.FakeBotApi) and listens on
127.0.0.1; the test plays Telegram and POSTs updates to it with the secret token header. Nothing
leaves loopback, and every wait is bounded.
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
import socket
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.e2e_support import (
    START_TIMEOUT,
    STEP_TIMEOUT,
    BotProcess,
    bot_env_for,
    log_records,
    message,
    to_chat,
    unexpected_tracebacks,
    user,
)
from tests.fake_bot_api import HOST, FakeBotApi

pytestmark = pytest.mark.slow

WEBHOOK_PATH = "/tg/hook"
_update_ids = itertools.count(700_000)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def webhook_env(api: FakeBotApi, tmp_path: Path) -> tuple[dict[str, str], str, str]:
    """The bot's environment for webhook mode on a free loopback port: (env, secret, url)."""
    secret = secrets.token_urlsafe(24)
    port = free_port()
    webhook_url = f"http://{HOST}:{port}{WEBHOOK_PATH}"
    env = bot_env_for(
        api,
        tmp_path,
        WEBHOOK_URL=webhook_url,
        WEBHOOK_LISTEN=HOST,
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=secret,
    )
    return env, secret, webhook_url


def update(**payload: Any) -> dict[str, Any]:
    return {"update_id": next(_update_ids), **payload}


async def post_update(
    session: aiohttp.ClientSession, url: str, body: dict[str, Any], secret: str | None, *, timeout: float
) -> int:
    """POST one update like Telegram does; retries while the bot's server is not listening yet."""
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    deadline = time.monotonic() + timeout
    while True:
        try:
            async with session.post(
                url, json=body, headers=headers, timeout=aiohttp.ClientTimeout(total=STEP_TIMEOUT)
            ) as resp:
                await resp.read()
                return resp.status
        except aiohttp.ClientConnectorError:
            if time.monotonic() >= deadline:
                raise
            await asyncio.sleep(0.1)


async def test_bot_process_webhook_end_to_end(api: FakeBotApi, tmp_path: Path):
    token = api.token
    log_path = tmp_path / "bot.log"
    started = time.monotonic()

    env, secret, webhook_url = webhook_env(api, tmp_path)
    bot = BotProcess(api, env, log_path)
    diagnostics, wait_for = bot.diagnostics, bot.wait_for

    try:
        async with asyncio.timeout(45), aiohttp.ClientSession() as session:
            # --- start-up: getMe, setMyCommands, setWebhook with our url and secret ----------
            hook = await wait_for(lambda c: c.method == "setWebhook", timeout=START_TIMEOUT)
            assert hook.ok, diagnostics()
            assert hook.params["url"] == webhook_url
            assert hook.params["secret_token"] == secret
            assert "message" in hook.params.get("allowed_updates", []), hook.params
            assert api.of("getMe"), diagnostics()
            scopes = [c.params["scope"]["type"] for c in api.of("setMyCommands")]
            assert scopes == ["all_private_chats", "all_group_chats"], diagnostics()

            # --- /code 503 with the right secret -> 200 and an HTML answer --------------------
            alice = user(4401, "小王")
            mark = len(api.calls)
            status = await post_update(
                session,
                webhook_url,
                update(message=message("/code 503", alice)),
                secret,
                timeout=STEP_TIMEOUT,
            )
            assert status == 200, diagnostics()
            sent = await wait_for(to_chat(alice["id"]), start=mark)
            assert sent.params["parse_mode"] == "HTML"
            assert "<b>503 Service Unavailable</b>" in sent.params["text"]

            # --- a wrong secret, and no secret at all -> 403, nothing is answered -------------
            mallory = user(4402, "冒充者")
            mark = len(api.calls)
            wrong = secrets.token_urlsafe(24)
            assert wrong != secret
            body = update(message=message("/code 503", mallory))
            assert await post_update(session, webhook_url, body, wrong, timeout=STEP_TIMEOUT) == 403
            body = update(message=message("/code 503", mallory))
            assert await post_update(session, webhook_url, body, None, timeout=STEP_TIMEOUT) == 403
            # A genuine update after them. The rejected ones never reached the update queue, so
            # nothing can answer them later; the short sleep below only makes that visible.
            bob = user(4403, "小赵")
            status = await post_update(
                session, webhook_url, update(message=message("/code 404", bob)), secret, timeout=STEP_TIMEOUT
            )
            assert status == 200, diagnostics()
            barrier = await wait_for(to_chat(bob["id"]), start=mark)
            assert "<b>404 Not Found</b>" in barrier.params["text"]
            await asyncio.sleep(0.2)
            assert not [c for c in api.calls[mark:] if to_chat(mallory["id"])(c)], diagnostics()
            assert len([c for c in api.calls[mark:] if c.method == "sendMessage"]) == 1, diagnostics()

            # --- SIGTERM: a clean exit with code 0 ---------------------------------------------
            await bot.terminate()
    finally:
        bot.kill()

    assert not api.of("getUpdates"), "webhook mode must never poll" + diagnostics()

    output = log_path.read_text("utf-8", "replace")
    secret_part = token.split(":", 1)[1]
    assert token not in output, "the bot token leaked into the log"
    assert secret_part not in output, "the secret part of the token leaked into the log"
    assert token.replace(":", "%3A") not in output, "the URL-encoded token leaked into the log"
    leaks = [
        r[:80] + " … " + r[max(0, r.find(secret) - 120) :].replace(secret, "<SECRET>")[:200]
        for r in log_records(output)
        if secret in r
    ]
    assert not leaks, "the webhook secret leaked into the log:\n" + "\n".join(leaks)
    assert "DEBUG" in output, "LOG_LEVEL=DEBUG was honoured"
    assert "webhook 模式" in output
    assert "已退出" in output, "run_bot logged its clean shutdown"
    handler_errors = [r for r in log_records(output) if "处理更新时出错" in r]
    assert handler_errors == [], diagnostics()
    # At DEBUG, PTB's webhook handler logs each rejected request with the HTTPError's traceback.
    rejected = (
        "HTTP 403: Request had the wrong secret token",
        "HTTP 403: Request did not include the secret token",
    )
    bad = [
        r
        for r in unexpected_tracebacks(output)
        if not any(f"tornado.web.HTTPError: {x}" in r for x in rejected)
    ]
    assert bad == [], diagnostics()
    assert time.monotonic() - started < 30, f"took {time.monotonic() - started:.1f}s"


# A body that is not an Update: the bot answers 400 and carries on (PTB's own handler said 500).
NOT_UPDATES = {
    "malformed JSON": b'{"update_id": 1, "message": ',
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "not UTF-8": b'{"update_id": 1, "text": "' + bytes([0xFF, 0xFE]) + b'"}',
    "JSON array": b"[]",
    "JSON null": b"null",
    "JSON number": b"42",
    "empty object": b"{}",
    "update_id not a number": b'{"update_id": "1"}',
    "unreadable message": b'{"update_id": 9, "message": {"message_id": 1}}',
    "nested too deep": b"[" * 100_000 + b"]" * 100_000,
}


async def test_webhook_rejects_bodies_that_are_not_updates(api: FakeBotApi, tmp_path: Path):
    env, secret, webhook_url = webhook_env(api, tmp_path)
    bot = BotProcess(api, env, tmp_path / "bot.log")
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret}
    try:
        async with asyncio.timeout(45), aiohttp.ClientSession() as session:
            await bot.wait_for(lambda c: c.method == "setWebhook", timeout=START_TIMEOUT)
            # The server listens before setWebhook; this genuine update also proves it is up.
            alice = user(4501, "小刘")
            ok = await post_update(
                session,
                webhook_url,
                update(message=message("/code 503", alice)),
                secret,
                timeout=STEP_TIMEOUT,
            )
            assert ok == 200, bot.diagnostics()

            statuses = {}
            for name, body in NOT_UPDATES.items():
                async with session.post(webhook_url, data=body, headers=headers) as resp:
                    await resp.read()
                    statuses[name] = resp.status
            assert statuses == dict.fromkeys(NOT_UPDATES, 400), bot.diagnostics()

            # Without the secret a stranger learns nothing about the body: 403 before reading it.
            async with session.post(
                webhook_url, data=b"{not json", headers={"Content-Type": "application/json"}
            ) as resp:
                assert resp.status == 403

            # Still alive and answering.
            bob = user(4502, "小孙")
            mark = len(api.calls)
            ok = await post_update(
                session, webhook_url, update(message=message("/code 404", bob)), secret, timeout=STEP_TIMEOUT
            )
            assert ok == 200
            await bot.wait_for(to_chat(bob["id"]), start=mark)
            await bot.terminate()
    finally:
        bot.kill()
    output = bot.log_path.read_text("utf-8", "replace")
    assert "处理更新时出错" not in output, bot.diagnostics()
    assert [r for r in unexpected_tracebacks(output) if "tornado" not in r] == [], bot.diagnostics()
