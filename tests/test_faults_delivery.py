"""Faults on the bot's sends, in process: a real ExtBot with bot.frontends.telegram.delivery's limiter and
bot.frontends.telegram.bot_api's request class, against tests.fake_bot_api.FakeBotApi on loopback.

The retry policy here is the production one with shorter pauses, so each test takes about a
second; the waits Telegram asks for (retry_after) are real.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math

import pytest
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import ExtBot

from bot.frontends.telegram.bot_api import ApiAddressError, BotApiRequest
from bot.frontends.telegram.delivery import RetryingRateLimiter, RetryPolicy
from tests.fake_bot_api import Call, FakeBotApi, Fault
from tests.fakes import TOKEN

FAST = RetryPolicy(attempts=5, budget=10.0, first_delay=0.05, max_delay=0.2)
ALICE, BOB = 4101, 4102


def sends(api: FakeBotApi, chat_id: int, method: str = "sendMessage") -> list[Call]:
    return [c for c in api.of(method) if c.chat_id == chat_id]


@pytest.fixture
async def api():
    async with FakeBotApi(TOKEN) as server:
        yield server


def make_bot(
    api: FakeBotApi,
    policy: RetryPolicy = FAST,
    *,
    read_timeout: float = 5.0,
    base_url: str | None = None,
    fatal: list[TelegramError] | None = None,
) -> ExtBot:
    limiter = RetryingRateLimiter(policy, on_fatal=None if fatal is None else fatal.append)
    no_proxy = {"trust_env": False}
    return ExtBot(
        TOKEN,
        base_url=base_url or api.base_url,
        request=BotApiRequest(read_timeout=read_timeout, httpx_kwargs=no_proxy),
        get_updates_request=BotApiRequest(connection_pool_size=1, httpx_kwargs=no_proxy),
        rate_limiter=limiter,
    )


@pytest.mark.parametrize(
    "fault",
    [Fault(500), Fault(502), Fault(503), Fault.garbage()],
    ids=["500", "502", "503", "not-json"],
)
async def test_a_transient_failure_is_retried(api: FakeBotApi, fault: Fault, caplog):
    await api.inject("sendMessage", fault, times=2)
    caplog.set_level(logging.WARNING)
    async with make_bot(api) as bot:
        sent = await bot.send_message(ALICE, "503 Service Unavailable")
    calls = sends(api, ALICE)
    assert [c.ok for c in calls] == [False, False, True]
    assert sent.message_id == calls[-1].result["message_id"]
    retries = [r for r in caplog.records if r.name == "bot.frontends.telegram.delivery"]
    assert len(retries) == 2, [r.getMessage() for r in retries]  # one line per retry
    assert all("sendMessage" in r.getMessage() and str(ALICE) in r.getMessage() for r in retries)
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text
    assert "Traceback" not in caplog.text


async def test_a_stalled_send_times_out_and_is_retried(api: FakeBotApi):
    await api.inject("sendMessage", Fault(stall=3.0))
    async with make_bot(api, read_timeout=0.3) as bot:
        await bot.send_message(ALICE, "504")
    assert [c.fault for c in sends(api, ALICE)] == ["stall", None]


async def test_every_answering_call_is_retried(api: FakeBotApi):
    for method in ("editMessageText", "answerCallbackQuery", "answerInlineQuery"):
        await api.inject(method, Fault(502))
    async with make_bot(api) as bot:
        await bot.edit_message_text("504", chat_id=ALICE, message_id=7)
        await bot.answer_callback_query("cb-1")
        await bot.answer_inline_query("iq-1", [])
    for method in ("editMessageText", "answerCallbackQuery", "answerInlineQuery"):
        assert [c.ok for c in api.of(method)] == [False, True], method


async def test_four_429s_in_a_row_are_waited_out(api: FakeBotApi):
    await api.inject("sendMessage", Fault(429, retry_after=1), times=4)
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with make_bot(api) as bot:
        await bot.send_message(ALICE, "429")
    calls = sends(api, ALICE)
    assert [c.status for c in calls] == [429, 429, 429, 429, 200]
    # retry_after is honoured: each retry comes a second after the 429 before it.
    assert all(b.at - a.at >= 0.95 for a, b in itertools.pairwise(calls))
    assert loop.time() - started < FAST.budget


async def test_one_chats_429_does_not_hold_up_another_chat(api: FakeBotApi):
    await api.inject("sendMessage", Fault(429, retry_after=2, chat_id=ALICE))
    async with make_bot(api) as bot:
        alice = asyncio.create_task(bot.send_message(ALICE, "for alice"))
        await api.wait_for(lambda c: c.chat_id == ALICE and c.status == 429, timeout=5)
        await bot.send_message(BOB, "for bob")
        assert not alice.done(), "Bob's answer went out while Alice's chat waits out its 429"
        await asyncio.wait_for(alice, 5)
    [bob] = sends(api, BOB)
    assert bob.ok
    assert [c.status for c in sends(api, ALICE)] == [429, 200]
    assert bob.at < sends(api, ALICE)[-1].at


async def test_bad_request_is_not_retried(api: FakeBotApi):
    await api.inject("sendMessage", Fault(400))
    async with make_bot(api) as bot:
        with pytest.raises(BadRequest):
            await bot.send_message(ALICE, "<b>unclosed")
    assert len(sends(api, ALICE)) == 1


async def test_other_calls_are_not_retried(api: FakeBotApi):
    await api.inject("getChatMember", Fault(502))
    async with make_bot(api) as bot:
        with pytest.raises(NetworkError):
            await bot.get_chat_member(-100, 9001)
    assert len(api.of("getChatMember")) == 1


async def test_retries_are_bounded_by_attempts(api: FakeBotApi, caplog):
    await api.inject("sendMessage", Fault(502), times=-1)
    async with make_bot(api) as bot:
        with pytest.raises(NetworkError):
            await bot.send_message(ALICE, "never")
    assert len(sends(api, ALICE)) == FAST.attempts
    assert any(
        "放弃" in r.getMessage() for r in caplog.records if r.name == "bot.frontends.telegram.delivery"
    )


async def test_a_retry_after_beyond_the_budget_gives_up_at_once_for_that_chat_only(api: FakeBotApi):
    await api.inject("sendMessage", Fault(429, retry_after=3600, chat_id=ALICE))
    async with make_bot(api) as bot:
        with pytest.raises(RetryAfter):
            await bot.send_message(ALICE, "first")
        # The chat stays paused: the next answer to it is not even tried…
        with pytest.raises(RetryAfter):
            await bot.send_message(ALICE, "second")
        # …while other chats are answered as usual.
        await bot.send_message(BOB, "for bob")
    assert len(sends(api, ALICE)) == 1
    assert sends(api, BOB)[0].ok


async def test_a_stall_until_timeout_on_every_try_stays_within_the_budget(api: FakeBotApi):
    policy = RetryPolicy(attempts=5, budget=1.0, first_delay=0.2, max_delay=0.4)
    await api.inject("sendMessage", Fault(stall=math.inf), times=-1)
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with make_bot(api, policy, read_timeout=0.2) as bot:
        with pytest.raises(TimedOut):
            await bot.send_message(ALICE, "never")
    # No wait may end after the budget; the last try itself may take one more read timeout.
    assert loop.time() - started < policy.budget + 0.2 + 1.0
    await api.clear_faults()


async def test_401_is_reported_as_fatal(api: FakeBotApi):
    fatal: list[TelegramError] = []
    async with make_bot(api, fatal=fatal) as bot:
        await api.inject("sendMessage", Fault(401))
        with pytest.raises(InvalidToken):
            await bot.send_message(ALICE, "x")
    assert len(sends(api, ALICE)) == 1, "a rejected token is not retried"
    assert [type(e) for e in fatal] == [InvalidToken]


async def test_404_means_a_wrong_api_address_not_a_rejected_token(api: FakeBotApi):
    fatal: list[TelegramError] = []
    bot = make_bot(api, base_url=f"http://127.0.0.1:{api.port}/api/bot", fatal=fatal)
    with pytest.raises(ApiAddressError):
        await bot.initialize()  # getMe: PTB alone would call this InvalidToken
    with pytest.raises(ApiAddressError):
        await bot.send_message(ALICE, "x")
    await bot.shutdown()
    assert fatal and all(isinstance(e, ApiAddressError) for e in fatal)
