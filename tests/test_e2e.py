"""End to end: the real bot process (`python -m bot.cli run`) against a fake Bot API on loopback.

Nothing leaves 127.0.0.1: the bot talks to tests.fake_bot_api.FakeBotApi through
TELEGRAM_API_BASE_URL, proxies are switched off in its environment, and every wait
is bounded (helpers in tests/e2e_support.py).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.e2e_support import (
    START_TIMEOUT,
    STEP_TIMEOUT,
    BotProcess,
    bot_env,
    fresh_token,
    log_records,
    message,
    private_chat,
    run_to_exit,
    to_chat,
    unexpected_tracebacks,
    user,
)
from tests.fake_bot_api import FakeBotApi
from tests.fakes import BOT_ID, BOT_USERNAME

pytestmark = pytest.mark.slow


async def test_bot_process_end_to_end(api: FakeBotApi, tmp_path: Path):
    token = api.token
    log_path = tmp_path / "bot.log"
    data_dir = tmp_path / "data"
    started = time.monotonic()

    bot = BotProcess(api, bot_env(token, api.base_url, data_dir), log_path)
    proc, diagnostics, wait_for, wait_count = bot.proc, bot.diagnostics, bot.wait_for, bot.wait_count

    try:
        async with asyncio.timeout(60):
            # --- start-up: getMe, setMyCommands (private and groups), then polling -----------
            await wait_for(lambda c: c.method == "getUpdates", timeout=START_TIMEOUT)
            assert api.of("getMe"), diagnostics()
            scopes = [c.params["scope"]["type"] for c in api.of("setMyCommands")]
            assert scopes == ["all_private_chats", "all_group_chats"], diagnostics()
            commands = [c["command"] for c in api.of("setMyCommands")[0].params["commands"]]
            assert "code" in commands

            # --- /code 503 in a private chat -----------------------------------------------
            alice = user(4301, "小李")
            mark = len(api.calls)
            await api.enqueue(message=message("/code 503", alice))
            sent = await wait_for(to_chat(alice["id"]), start=mark)
            assert sent.params["parse_mode"] == "HTML"
            assert "<b>503 Service Unavailable</b>" in sent.params["text"]
            keyboard = sent.params["reply_markup"]["inline_keyboard"]
            assert keyboard and keyboard[0], "the 503 card has buttons"
            assert any(b["callback_data"] == "hc:status:504" for row in keyboard for b in row)

            # --- pressing the "504" button edits the card in place ------------------------
            card_id = sent.result["message_id"]
            card = {
                "message_id": card_id,
                "date": int(time.time()),
                "chat": private_chat(alice),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "状态码助手", "username": BOT_USERNAME},
                "text": "503 Service Unavailable",
            }
            mark = len(api.calls)
            await api.enqueue(
                callback_query={
                    "id": "e2e-cb-1",
                    "from": alice,
                    "chat_instance": "e2e-ci",
                    "data": "hc:status:504",
                    "message": card,
                }
            )
            answered = await wait_for(lambda c: c.method == "answerCallbackQuery", start=mark)
            assert answered.params["callback_query_id"] == "e2e-cb-1"
            edited = await wait_for(to_chat(alice["id"], "editMessageText"), start=mark)
            assert int(edited.params["message_id"]) == card_id
            assert "<b>504 Gateway Timeout</b>" in edited.params["text"]
            assert edited.params["reply_markup"]["inline_keyboard"]

            # --- inline mode ---------------------------------------------------------------
            mark = len(api.calls)
            inline_query = {"id": "e2e-iq-1", "from": alice, "query": "网关超时", "offset": ""}
            await api.enqueue(inline_query=inline_query)
            inline = await wait_for(lambda c: c.method == "answerInlineQuery", start=mark)
            assert inline.params["inline_query_id"] == "e2e-iq-1"
            results = inline.params["results"]
            assert results and results[0]["title"].startswith("504"), results[:1]

            # --- an edited question edits our earlier answer ---------------------------------
            bob = user(4302, "小张")
            question = message("503", bob)
            mark = len(api.calls)
            await api.enqueue(message=question)
            first_answer = await wait_for(to_chat(bob["id"]), start=mark)
            assert "503 Service Unavailable" in first_answer.params["text"]
            mark = len(api.calls)
            await api.enqueue(edited_message={**question, "text": "504", "edit_date": int(time.time())})
            edit = await wait_for(to_chat(bob["id"], "editMessageText"), start=mark)
            assert int(edit.params["message_id"]) == first_answer.result["message_id"]
            assert "<b>504 Gateway Timeout</b>" in edit.params["text"]
            assert not [c for c in api.calls[mark:] if c.method == "sendMessage"], "edit, not a new answer"

            # --- two 502 Bad Gateway answers to getUpdates, then business as usual -----------
            carol = user(4303, "小陈")
            mark = len(api.calls)
            await api.fail_get_updates(2)
            await wait_count(lambda c: c.method == "getUpdates" and c.status == 502, 2, start=mark)
            assert proc.poll() is None, "the bot died on a 502" + diagnostics()
            await api.enqueue(message=message("网关超时怎么办", carol))
            # The poller (bot.frontends.telegram.polling) backs off 1 s, then 2 s, before polling again.
            after_fault = await wait_for(to_chat(carol["id"]), timeout=STEP_TIMEOUT + 3, start=mark)
            assert "504 Gateway Timeout" in after_fault.params["text"]

            # --- a 429 on sendMessage is waited out (bot.frontends.telegram.delivery) ---------------------------
            dave = user(4304, "小周")
            mark = len(api.calls)
            api.rate_limit_send_message(times=1, retry_after=1)
            await api.enqueue(message=message("/code 404", dave))
            limited, resent = await wait_count(
                lambda c: c.method == "sendMessage" and int(c.params.get("chat_id", 0)) == dave["id"],
                2,
                timeout=STEP_TIMEOUT,
                start=mark,
            )
            assert (limited.status, resent.status) == (429, 200)
            assert resent.params["text"] == limited.params["text"]
            assert "<b>404 Not Found</b>" in resent.params["text"]
            assert resent.at - limited.at >= 0.95, f"retried after {resent.at - limited.at:.2f}s"
            await asyncio.sleep(0.3)  # no third attempt: exactly one successful send
            assert len([c for c in api.calls[mark:] if to_chat(dave["id"])(c)]) == 1

            # --- SIGTERM: a clean exit with code 0 -----------------------------------------
            await bot.terminate()
    finally:
        bot.kill()

    output = log_path.read_text("utf-8", "replace")
    secret_part = token.split(":", 1)[1]
    assert token not in output, "the bot token leaked into the log"
    assert secret_part not in output, "the secret part of the token leaked into the log"
    assert token.replace(":", "%3A") not in output, "the URL-encoded token leaked into the log"
    assert "bot<redacted>" in output, "at DEBUG PTB logs the Bot API URL, and the formatter redacts it"
    assert "DEBUG" in output, "LOG_LEVEL=DEBUG was honoured"
    assert "已退出" in output, "run_bot logged its clean shutdown"
    # Anything reaching bot.frontends.telegram.handlers.error means a handler raised.
    assert [r for r in log_records(output) if "处理更新时出错" in r] == [], "a handler raised" + diagnostics()
    assert unexpected_tracebacks(output) == [], diagnostics()
    # The two injected 502s were seen by the polling loop: one line each, no traceback.
    polling_failures = [r for r in log_records(output) if "getUpdates 失败：Bad Gateway" in r]
    assert len(polling_failures) == 2, diagnostics()
    assert time.monotonic() - started < 45


async def test_rejected_token_does_not_leak(api: FakeBotApi, tmp_path: Path):
    """Telegram answers 401 to getMe (token revoked): the process stops and never prints the token."""
    token = fresh_token()  # a well-formed token the fake server does not know
    assert token != api.token
    env = bot_env(token, api.base_url, tmp_path / "data")
    code, output = await run_to_exit(env, START_TIMEOUT)
    assert code == 2, output[-3000:]
    assert "Telegram 拒绝了 TELEGRAM_BOT_TOKEN" in output
    assert token not in output, output[-3000:]
    assert token.split(":", 1)[1] not in output
