"""Updates are handled concurrently, except that each chat's updates run one at a time, in order.

So a chat whose answer waits out a 429 (or a retry) holds up only that chat: other chats are
answered meanwhile, while an edited question still follows the question it edits. Updates
without a chat (inline queries) are ordered per user.

Whoever must know when an update is done (the poller, to acknowledge it; the webhook, to
answer Telegram's POST) asks :meth:`ChatOrderedProcessor.watch` before queueing it.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


def order_key(update: object) -> Hashable | None:
    """Updates with the same key are handled one after another; None means no ordering."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


class ChatOrderedProcessor(BaseUpdateProcessor):
    def __init__(self, max_running: int = 32, max_waiting: int = 10_000) -> None:
        # PTB's semaphore counts every update task, waiting for its chat included; only
        # ``max_running`` of them run handlers at a time, so one busy chat cannot take every slot.
        super().__init__(max_waiting)
        self._running = asyncio.BoundedSemaphore(max_running)
        self._tails: dict[Hashable, asyncio.Future[None]] = {}  # key -> its latest update's "done"
        self._watchers: dict[int, asyncio.Future[None]] = {}  # update_id -> done

    def watch(self, update_id: int) -> asyncio.Future[None]:
        """A future that is done once the update with this id has been handled."""
        future = self._watchers.get(update_id)
        if future is None:
            future = self._watchers[update_id] = asyncio.get_running_loop().create_future()
        return future

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = order_key(update)
        # Registering before the first await keeps arrival order: PTB starts update tasks in
        # queue order, and each one reaches this line in its first step.
        previous = self._tails.get(key) if key is not None else None
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if key is not None:
            self._tails[key] = done
        started = False
        try:
            if previous is not None:
                await asyncio.wait([previous])  # not `await previous`: cancelling us must not cancel it
            async with self._running:
                started = True
                await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled while waiting its turn
            done.set_result(None)
            if key is not None and self._tails.get(key) is done:
                del self._tails[key]
            if isinstance(update, Update):
                watcher = self._watchers.pop(update.update_id, None)
                if watcher is not None and not watcher.done():
                    watcher.set_result(None)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
