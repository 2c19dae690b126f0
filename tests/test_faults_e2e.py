"""Faults end to end: the real bot process (`python -m bot.cli run`) against tests.fake_bot_api
on loopback, with faults injected into the Bot API's answers.

What must hold: no answer is lost to a transient fault on a send; one chat's 429 does not hold up
other chats; kill -9 in the middle of work loses no question (some may be answered twice); a
rejected token or a wrong API address ends the process at once with one clear line; an API that
cannot be reached at start-up ends it after a few tries, with a few lines and no traceback.
"""

from __future__ import annotations

import math
import socket
from collections import Counter
from pathlib import Path

import pytest

from tests.e2e_support import (
    START_TIMEOUT,
    STEP_TIMEOUT,
    BotProcess,
    bot_env,
    bot_env_for,
    log_records,
    message,
    run_to_exit,
    started,
    to_chat,
    unexpected_tracebacks,
    user,
    wait_exit,
)
from tests.fake_bot_api import Call, FakeBotApi, Fault

pytestmark = pytest.mark.slow


def answers_per_chat(server: FakeBotApi) -> Counter[int]:
    return Counter(c.chat_id for c in server.of("sendMessage") if c.ok and c.chat_id is not None)


def offset(call: Call) -> int:
    return int(call.params.get("offset") or 0)


async def test_transient_send_faults_lose_no_answer(api: FakeBotApi, tmp_path: Path):
    ana, ben, cai = user(4701, "小安"), user(4702, "小贲"), user(4703, "小蔡")
    await api.inject("sendMessage", Fault(500, chat_id=ana["id"]))
    await api.inject("sendMessage", Fault(502, chat_id=ana["id"]))
    await api.inject("sendMessage", Fault.garbage(chat_id=ana["id"]))
    await api.inject("sendMessage", Fault(429, retry_after=1, chat_id=ben["id"]), times=4)
    await api.inject("answerCallbackQuery", Fault(503))
    bot = await started(api, tmp_path)
    try:
        mark = len(api.calls)
        await api.enqueue(message=message("/code 503", ana))
        await api.enqueue(message=message("/code 404", ben))
        await api.enqueue(
            callback_query={
                "id": "e2e-cb-faults",
                "from": cai,
                "chat_instance": "ci",
                "data": "hc:status:504",
                "message": message("旧卡片", cai),
            }
        )
        for who in (ana, ben):
            await bot.wait_for(to_chat(who["id"]), timeout=STEP_TIMEOUT + 5, start=mark)
        await bot.wait_for(lambda c: c.method == "answerCallbackQuery" and c.ok, start=mark)
        await bot.terminate()
    finally:
        bot.kill()
    assert [c.fault for c in api.of("sendMessage") if c.chat_id == ana["id"]] == [
        "status",
        "status",
        "garbage",
        None,
    ]
    assert [c.status for c in api.of("sendMessage") if c.chat_id == ben["id"]] == [429] * 4 + [200]
    output = bot.log_path.read_text("utf-8", "replace")
    retries = [r for r in log_records(output) if "bot.frontends.telegram.delivery" in r and "WARNING" in r]
    assert len(retries) == 3 + 4 + 1, bot.diagnostics()  # one line per retry
    assert api.token.split(":")[1] not in output
    assert unexpected_tracebacks(output) == [], bot.diagnostics()


async def test_one_chats_long_429_does_not_hold_up_other_chats(api: FakeBotApi, tmp_path: Path):
    slow, others = user(4711, "被限流的"), [user(4712 + n, f"其他人{n}") for n in range(3)]
    await api.inject("sendMessage", Fault(429, retry_after=20, chat_id=slow["id"]))
    bot = await started(api, tmp_path)
    try:
        mark = len(api.calls)
        await api.enqueue(message=message("/code 503", slow))
        await bot.wait_for(lambda c: c.status == 429 and c.chat_id == slow["id"], start=mark)
        for other in others:
            await api.enqueue(message=message("/code 404", other))
        # Each is answered long before the 20 s are over (PTB's AIORateLimiter paused every chat).
        for other in others:
            await bot.wait_for(to_chat(other["id"]), timeout=STEP_TIMEOUT, start=mark)
        assert not [c for c in api.calls[mark:] if to_chat(slow["id"])(c)], "still waiting, as asked"
        assert bot.proc.poll() is None
    finally:
        bot.kill()  # no need to wait out the 20 s: kill -9 loses nothing (see the next test)


async def test_kill_9_mid_work_loses_no_question(api: FakeBotApi, tmp_path: Path):
    """Twelve questions are queued; the first four are answered, the answers to the other eight
    hang when the bot is killed with SIGKILL. After a restart every question has its answer.

    Duplicates are allowed (an answer sent but not yet confirmed to Telegram is sent again) and
    counted below; here the kill waits until the first four are confirmed, so there are none."""
    people = [user(4800 + n, f"提问者{n}") for n in range(12)]
    answered_first, hanging = people[:4], people[4:]
    for person in hanging:
        await api.inject("sendMessage", Fault(stall=math.inf, chat_id=person["id"]), times=-1)
    update_ids = [await api.enqueue(message=message(f"/code {500 + n % 6}", p)) for n, p in enumerate(people)]

    first = BotProcess(api, bot_env_for(api, tmp_path), tmp_path / "first.log")
    try:
        for person in answered_first:
            await first.wait_for(to_chat(person["id"]), timeout=START_TIMEOUT)
        for person in hanging:  # every hanging question has been fetched and is being answered
            await first.wait_for(lambda c, p=person: c.fault == "stall" and c.chat_id == p["id"])
        # The four answered questions are confirmed, and not one question beyond them.
        await first.wait_for(lambda c: c.method == "getUpdates" and offset(c) == update_ids[4])
        first.proc.kill()  # SIGKILL: no clean-up, no final getUpdates
        assert await wait_exit(first.proc, 5) is not None
    finally:
        first.kill()
    assert all(answers_per_chat(api)[p["id"]] == 0 for p in hanging)

    await api.clear_faults()
    mark = len(api.calls)
    second = BotProcess(api, bot_env_for(api, tmp_path), tmp_path / "second.log")
    try:
        for person in hanging:
            await second.wait_for(to_chat(person["id"]), timeout=START_TIMEOUT, start=mark)
        await second.terminate()
    finally:
        second.kill()
    counts = answers_per_chat(api)
    assert all(counts[p["id"]] >= 1 for p in people), counts
    duplicates = sum(counts[p["id"]] - 1 for p in people)
    assert duplicates == 0, counts
    # The first run never confirmed a question whose answer was hanging.
    assert max(offset(c) for c in api.calls[:mark] if c.method == "getUpdates") == update_ids[4]


@pytest.mark.parametrize(
    ("status", "says", "never"),
    [
        (401, "Telegram 拒绝了 TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE_URL="),
        (404, "TELEGRAM_API_BASE_URL=", "拒绝"),
    ],
)
async def test_401_or_404_while_polling_ends_the_process(
    api: FakeBotApi,
    tmp_path: Path,
    status: int,
    says: str,
    never: str,
):
    bot = await started(api, tmp_path, LOG_LEVEL="INFO")
    try:
        await api.inject("getUpdates", Fault(status), times=-1)
        code = await wait_exit(bot.proc, STEP_TIMEOUT)
        assert code == 2, bot.diagnostics()
    finally:
        bot.kill()
    output = bot.log_path.read_text("utf-8", "replace")
    critical = [r for r in log_records(output) if " CRITICAL " in r]
    assert len(critical) == 1 and says in critical[0] and never not in critical[0], output[-3000:]
    assert len([c for c in api.of("getUpdates") if c.fault]) == 1, "not retried"
    assert api.token.split(":")[1] not in output
    assert "Traceback" not in output, output[-3000:]


async def test_wrong_api_address_is_not_called_a_rejected_token(api: FakeBotApi, tmp_path: Path):
    wrong = f"{api.base_url.removesuffix('/bot')}/v1/bot"  # a web server, but no Bot API there
    env = bot_env(api.token, wrong, tmp_path / "data")
    code, output = await run_to_exit(env, START_TIMEOUT)
    assert code == 2, output[-3000:]
    assert f"TELEGRAM_API_BASE_URL={wrong}" in output
    assert "拒绝了 TELEGRAM_BOT_TOKEN" not in output
    assert api.token.split(":")[1] not in output
    assert "Traceback" not in output, output[-3000:]


async def test_unreachable_api_at_start_ends_with_a_few_lines(tmp_path: Path):
    with socket.socket() as s:  # a loopback port nobody listens on: connection refused
        s.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{s.getsockname()[1]}/bot"
    env = bot_env("123456789:AAunreachable-test-token-000000", base_url, tmp_path / "data")
    env["LOG_LEVEL"] = "INFO"
    code, output = await run_to_exit(env, 30)
    assert code == 1, output[-3000:]
    lines = output.strip().splitlines()
    assert len(lines) <= 8, output
    assert "Traceback" not in output, output
    assert f"TELEGRAM_API_BASE_URL={base_url}" in lines[-1], lines[-1]
    assert "unreachable-test-token" not in output
