"""Long polling that acknowledges an update only after it has been handled.

Telegram forgets every update below the ``offset`` of the next getUpdates call. PTB's Updater
asks for the next batch, and so confirms the last one, as soon as that batch is queued; a
``kill -9`` then lost every question fetched but not yet answered. Here the offset never
passes an update that is still being handled: while one is in flight (a chat waiting out a 429,
say) the poller keeps asking from that update on, skips what it already has, and still picks up
other chats' new updates within about a second.

What a crash (``kill -9``, out of memory, power loss) can still lose or repeat:

* Nothing Telegram has delivered is lost while Telegram keeps it (up to 24 hours): every update
  not yet handled is fetched again after the restart.
* Updates handled since the last getUpdates call are handled again: a question may be answered
  twice (usually only those finished within the last second or so).
* A button press or inline query fetched again after a slow restart may have expired on
  Telegram's side by then; its answer is refused and logged.
* What lives only in memory: which answer belongs to which question (an edit made after the
  restart gets a new answer instead of changing the old one), flood-limit windows and auto-mode
  cooldowns, and the card cache.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Sequence
from typing import Any, TypeVar

from telegram import Bot, Update
from telegram.error import EndPointNotFound, InvalidToken, TelegramError

from bot.frontends.telegram.bot_api import describe, is_fatal
from bot.frontends.telegram.processing import ChatOrderedProcessor

log = logging.getLogger(__name__)

T = TypeVar("T")


async def unless_stopped(stop: asyncio.Event, awaitable: Awaitable[T]) -> T | None:
    """The awaitable's result, or None (and the awaitable cancelled) once ``stop`` is set."""
    task = asyncio.ensure_future(awaitable)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for pending in (task, stopper):
            if not pending.done():
                pending.cancel()
    if task.done() and not task.cancelled():
        return task.result()
    await asyncio.gather(task, return_exceptions=True)
    return None


class Poller:
    def __init__(
        self,
        bot: Bot,
        queue: asyncio.Queue[object],
        processor: ChatOrderedProcessor,
        *,
        allowed_updates: Sequence[str] | None = None,
        long_poll: float = 10.0,
        busy_interval: float = 1.0,
        max_backoff: float = 30.0,
    ) -> None:
        self._bot = bot
        self._queue = queue
        self._processor = processor
        self._allowed = list(allowed_updates) if allowed_updates is not None else None
        self.long_poll = long_poll
        self.busy_interval = busy_interval  # how often to look for other chats' updates while busy
        self.max_backoff = max_backoff
        self._next = 0  # one above the highest update_id fetched so far
        self._in_flight: dict[int, asyncio.Future[None]] = {}  # fetched, not yet handled

    @property
    def offset(self) -> int:
        """What getUpdates may confirm: everything below the oldest update still being handled."""
        return min(self._in_flight) if self._in_flight else self._next

    async def run(self, stop: asyncio.Event) -> None:
        """Fetch and queue updates until ``stop`` is set. A 401 or 404 propagates; other
        failures are retried with a growing pause (1, 2, 4 … 30 s), one log line each."""
        failures = 0
        while not stop.is_set():
            busy = bool(self._in_flight)
            try:
                # While an update is unconfirmed Telegram answers at once, so do not long-poll.
                batch = await unless_stopped(stop, self._fetch(0 if busy else self.long_poll))
            except Exception as exc:
                if is_fatal(exc):
                    raise
                failures += 1
                delay = min(self.max_backoff, 2.0 ** (failures - 1))
                log.warning("getUpdates 失败：%s；%.0f 秒后重试", describe(exc), delay)
                await unless_stopped(stop, asyncio.sleep(delay))
                continue
            if batch is None:
                break
            failures = 0
            for update_id, update in batch:
                if update_id < self._next:
                    continue  # already queued: still in flight, or handled but not yet confirmed
                self._next = update_id + 1
                if update is None:
                    continue  # unreadable: confirmed with the next call, so it cannot block the rest
                done = self._processor.watch(update_id)
                self._in_flight[update_id] = done
                done.add_done_callback(lambda _, uid=update_id: self._in_flight.pop(uid, None))
                await self._queue.put(update)
            if self._in_flight:
                pending = list(self._in_flight.values())
                await unless_stopped(stop, asyncio.wait(pending, timeout=self.busy_interval))

    async def acknowledge(self) -> None:
        """Confirm what has been handled, so a clean restart does not answer it again."""
        if self._next == 0:
            return
        try:
            await self._bot.get_updates(offset=self.offset, limit=1, timeout=0, allowed_updates=self._allowed)
        except TelegramError as exc:
            log.warning("退出前确认已处理的 update 失败（重启后会再处理一遍）：%s", describe(exc))

    async def _fetch(self, timeout: float) -> list[tuple[int, Update | None]]:
        try:
            updates = await self._bot.get_updates(
                offset=self.offset, timeout=timeout, allowed_updates=self._allowed
            )
        except TelegramError:
            raise
        except Exception:
            # PTB could not read one of the updates and has logged it; PTB's own Updater would
            # fetch the same batch forever. Read it raw and skip just the unreadable ones.
            return await self._fetch_raw()
        return [(u.update_id, u) for u in updates]

    async def _fetch_raw(self) -> list[tuple[int, Update | None]]:
        kwargs: dict[str, Any] = {"offset": self.offset, "timeout": 0}
        if self._allowed is not None:
            kwargs["allowed_updates"] = self._allowed
        try:
            with warnings.catch_warnings():  # "use Bot.get_updates instead": that is what failed
                warnings.simplefilter("ignore")
                raw = await self._bot.do_api_request("getUpdates", api_kwargs=kwargs)
        except EndPointNotFound as exc:  # do_api_request's name for a 401 once initialised
            raise InvalidToken(str(exc)) from exc
        batch: list[tuple[int, Update | None]] = []
        for item in raw if isinstance(raw, list) else []:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if not isinstance(update_id, int) or isinstance(update_id, bool):
                continue
            try:
                batch.append((update_id, Update.de_json(item, self._bot)))
            except Exception as exc:
                log.error("update %s 无法解析，已跳过：%s", update_id, describe(exc))
                batch.append((update_id, None))
        return batch
