"""bot.frontends.telegram.processing: updates run concurrently, each chat's one at a time and in arrival order."""

from __future__ import annotations

import asyncio
import itertools

from telegram import Bot, Update

from bot.frontends.telegram.processing import ChatOrderedProcessor, order_key
from tests.fakes import TOKEN

_ids = itertools.count(1)
BOT = Bot(TOKEN)


def update_in(chat_id: int) -> Update:
    chat = {"id": chat_id, "type": "private", "first_name": "u"}
    message = {"message_id": 1, "date": 1_700_000_000, "chat": chat, "text": "503"}
    return Update.de_json({"update_id": next(_ids), "message": message}, BOT)


def inline_from(user_id: int) -> Update:
    user = {"id": user_id, "is_bot": False, "first_name": "u"}
    query = {"id": "q", "from": user, "query": "503", "offset": ""}
    return Update.de_json({"update_id": next(_ids), "inline_query": query}, BOT)


async def dispatch(processor: ChatOrderedProcessor, updates_and_work) -> list[asyncio.Task]:
    """Start update tasks in order, as PTB's update fetcher does."""
    tasks = [asyncio.create_task(processor.process_update(u, work)) for u, work in updates_and_work]
    await asyncio.sleep(0)
    return tasks


async def test_same_chat_in_order_other_chats_meanwhile():
    processor = ChatOrderedProcessor()
    log: list[str] = []
    gate = asyncio.Event()

    async def slow(name: str) -> None:
        log.append(f"{name} start")
        await gate.wait()  # like a send waiting out a 429
        log.append(f"{name} end")

    async def quick(name: str) -> None:
        log.append(name)

    a1, a2, b1 = update_in(1), update_in(1), update_in(2)
    tasks = await dispatch(processor, [(a1, slow("a1")), (a2, quick("a2")), (b1, quick("b1"))])
    await asyncio.sleep(0.05)
    assert log == ["a1 start", "b1"], "chat 2 is answered while chat 1 waits; a2 waits for a1"
    gate.set()
    await asyncio.gather(*tasks)
    assert log == ["a1 start", "b1", "a1 end", "a2"]


async def test_watch_resolves_once_handled_even_when_the_handler_fails():
    processor = ChatOrderedProcessor()
    failing, fine = update_in(3), update_in(3)
    watched = [processor.watch(failing.update_id), processor.watch(fine.update_id)]

    async def boom() -> None:
        raise RuntimeError("handler bug")

    async def ok() -> None:
        return None

    tasks = await dispatch(processor, [(failing, boom()), (fine, ok())])
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert isinstance(results[0], RuntimeError)
    assert all(w.done() for w in watched), "a failed update still counts as handled"
    assert processor._tails == {}, "no per-chat state is kept once a chat is idle"


async def test_at_most_max_running_handlers_at_once():
    processor = ChatOrderedProcessor(max_running=2)
    running = 0
    peak = 0

    async def work() -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1

    tasks = await dispatch(processor, [(update_in(100 + n), work()) for n in range(6)])
    await asyncio.gather(*tasks)
    assert peak == 2


def test_order_keys():
    assert order_key(update_in(7)) == ("chat", 7)
    assert order_key(inline_from(8)) == ("user", 8)
    assert order_key(object()) is None
