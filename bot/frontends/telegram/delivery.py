"""Sends that survive transient faults: retries with backoff, and a 429 pauses only its own chat.

Every Bot API call except getUpdates passes through :class:`RetryingRateLimiter` (PTB's
``BaseRateLimiter`` hook). It throttles like PTB's AIORateLimiter (30 requests a second in all,
20 a minute per group), but where AIORateLimiter halts *every* chat for a 429's ``retry_after``
and retries nothing else, this one pauses only the chat the 429 was about and retries the four
calls that carry an answer to a person (:data:`RETRIED`) after 5xx, timeouts, refused
connections, replies that are not JSON and 429s: at most ``attempts`` tries, and no wait may end
later than ``budget`` seconds after the first. A 400 is never retried: the same request would
fail the same way. A 401 or 404 is reported to ``on_fatal`` so the process can stop.

A retried send may repeat a message Telegram did receive (a timeout after delivery): a duplicate
answer is the price of not losing one.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections.abc import Callable, Coroutine
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter

from bot.frontends.telegram.bot_api import describe, is_fatal, is_transient, retry_after_seconds

log = logging.getLogger(__name__)

RETRIED = frozenset({"sendMessage", "editMessageText", "answerCallbackQuery", "answerInlineQuery"})

ChatKey = int | str
Result = bool | dict[str, Any] | list[dict[str, Any]]


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    budget: float = 30.0  # seconds from the first try within which every wait must end
    first_delay: float = 0.5
    max_delay: float = 8.0

    def backoff(self, retry: int) -> float:
        """The wait before retry number ``retry`` (1, 2, …): doubling, plus up to 25% jitter so
        chats that failed together do not all come back in the same instant."""
        return min(self.max_delay, self.first_delay * 2 ** (retry - 1)) * random.uniform(1.0, 1.25)


def _chat_key(data: dict[str, Any]) -> ChatKey | None:
    chat_id = data.get("chat_id")
    if chat_id is None:
        return None
    try:
        return int(chat_id)
    except (TypeError, ValueError):
        return str(chat_id)  # "@channelname"


class RetryingRateLimiter(BaseRateLimiter[None]):
    def __init__(
        self,
        policy: RetryPolicy | None = None,
        *,
        overall_per_second: float = 30,
        group_per_minute: float = 20,
        on_fatal: Callable[[TelegramError], None] | None = None,
    ) -> None:
        self.policy = policy or RetryPolicy()
        self.on_fatal = on_fatal
        self._overall = AsyncLimiter(overall_per_second, 1)
        self._group_per_minute = group_per_minute
        self._groups: dict[ChatKey, AsyncLimiter] = {}
        self._paused_until: dict[ChatKey, float] = {}  # chat -> loop time of its 429's end

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Result:
        loop = asyncio.get_running_loop()
        chat = _chat_key(data)
        deadline = loop.time() + self.policy.budget
        attempt = 1
        while True:
            paused = self._pause_left(chat, loop.time())
            if paused > 0:
                if loop.time() + paused > deadline:
                    log.error("%s（chat %s）放弃：该聊天被限流，还要等 %.0f 秒", endpoint, chat, paused)
                    raise RetryAfter(math.ceil(paused))
                await asyncio.sleep(paused)
            try:
                return await self._throttled(chat, callback, args, kwargs)
            except TelegramError as exc:
                if is_fatal(exc):
                    if self.on_fatal is not None:
                        self.on_fatal(exc)
                    raise
                if isinstance(exc, RetryAfter):
                    wait = retry_after_seconds(exc)
                    if chat is not None:  # later sends to this chat wait too; other chats do not
                        self._paused_until[chat] = loop.time() + wait
                else:
                    wait = self.policy.backoff(attempt)
                if endpoint not in RETRIED or not is_transient(exc):
                    raise
                if attempt >= self.policy.attempts or loop.time() + wait > deadline:
                    log.error(
                        "%s（chat %s）放弃：%d 次尝试后仍失败：%s", endpoint, chat, attempt, describe(exc)
                    )
                    raise
                attempt += 1
                log.warning(
                    "%s（chat %s）失败：%s；%.1f 秒后第 %d 次尝试",
                    endpoint,
                    chat,
                    describe(exc),
                    wait,
                    attempt,
                )
                if not (isinstance(exc, RetryAfter) and chat is not None):
                    await asyncio.sleep(wait)  # a chat's 429 pause is waited out at the loop's top

    def _pause_left(self, chat: ChatKey | None, now: float) -> float:
        if chat is None or chat not in self._paused_until:
            return 0.0
        left = self._paused_until[chat] - now
        if left <= 0:
            del self._paused_until[chat]
        return left

    async def _throttled(
        self,
        chat: ChatKey | None,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> Result:
        async with AsyncExitStack() as stack:
            if chat is not None:
                # Telegram's limits: ~20 messages a minute in a group, ~30 a second in all.
                if (isinstance(chat, int) and chat < 0) or isinstance(chat, str):
                    await stack.enter_async_context(self._group(chat))
                await stack.enter_async_context(self._overall)
            return await callback(*args, **kwargs)

    def _group(self, chat: ChatKey) -> AsyncLimiter:
        if len(self._groups) > 512:  # forget idle groups: a full bucket holds no state worth keeping
            for key in [k for k, lim in self._groups.items() if k != chat and lim.has_capacity(lim.max_rate)]:
                del self._groups[key]
        limiter = self._groups.get(chat)
        if limiter is None:
            limiter = self._groups[chat] = AsyncLimiter(self._group_per_minute, 60)
        return limiter
