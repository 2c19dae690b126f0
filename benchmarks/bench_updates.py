"""Updates handled per second through the real Application, against the framework's floors.

Every workload goes through ``Application.process_update`` on pre-built Update objects,
with a fake Bot API transport (no network) and no rate limiter:

* ``floor (echo)``     – a bare Application with one MessageHandler that echoes the text with
                         ``reply_text`` through the same fake transport: the cost of
                         python-telegram-bot itself, measured in the same run. Ratios are
                         against this row.
* ``floor (503 card)`` – the same bare Application replying with the bot's 503 card and
                         keyboard, rendered once beforehand: what sending a card of that size
                         costs in the framework alone ("same payload").
* ``/code 503 warm``   – the command, answered from the caches (the same question again);
* ``/code 503 cold``   – the same with every cache of user text emptied before each update
                         (see benchmarks/common.py): resolve, card and keyboard built anew;
* ``short text cold``  – distinct realistic one-line questions (short Chinese, English, codes,
                         log lines, network errors), caches emptied before each update;
* ``long text cold``   – likewise 200-character Chinese, JSON bodies, 2 KB stack traces and
                         4 KB messages;
* ``realistic stream`` – questions drawn with a Zipf law (s = 1.1) from those ~250, caches
                         kept: popular questions repeat, rare ones miss; the miss rate of the
                         answer cache is printed beside it.

Each update comes from a different user, so the per-user flood limit never trips and every
update really is answered (checked after each run); the limiters' clock is moved an hour ahead
before each run, so users of earlier runs count as idle. Caches are emptied in every workload
alike (floors too: it costs them the same), so only the bot's own work differs. Each figure is
the median of ``REPEATS`` timed runs of ``N_UPDATES`` updates (best in brackets), after a
warm-up; the runs are interleaved across workloads.

Run: python benchmarks/bench_updates.py [--updates N] [--repeats R]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

N_UPDATES = 1000
WARMUP = 200
REPEATS = 3
TARGET = 0.50  # cold /code 503 and cold free text: at least half the echo floor
ZIPF_S = 1.1
# Questions as typed or pasted in one line; the long ones (200-character Chinese, JSON bodies,
# 2 KB stack traces, 4 KB messages) are a row of their own.
SHORT = ("short Chinese", "English sentence", "cloud code", "log line", "network error")


_update_ids = itertools.count(1)
_user_ids = itertools.count(10_000_000)  # a fresh user per update: the flood limit never trips


def _fake_request_class():
    from tests.fakes import RecordingRequest

    class CountingRequest(RecordingRequest):
        """tests.fakes.RecordingRequest without the growing call list: counts calls per method.

        It still serialises the parameters the way the HTTP transport would, so building
        the request body is part of what is measured.
        """

        def __init__(self) -> None:
            super().__init__()
            self.counts: Counter[str] = Counter()

        async def do_request(self, url, method, request_data=None, **_: Any):
            endpoint = url.rsplit("/", 1)[-1]
            params = {} if request_data is None else request_data.parameters
            if request_data is not None:
                request_data.json_parameters  # noqa: B018 - the serialisation a real POST does
            self.counts[endpoint] += 1
            return 200, json.dumps({"ok": True, "result": self._result(endpoint, params)}).encode()

    return CountingRequest


def _message_update(text: str) -> dict[str, Any]:
    uid = next(_user_ids)
    msg: dict[str, Any] = {
        "message_id": next(_update_ids),
        "date": 1_700_000_000,
        "chat": {"id": uid, "type": "private", "first_name": "用户"},
        "from": {"id": uid, "is_bot": False, "first_name": "用户"},
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        length = len(command.encode("utf-16-le")) // 2
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": next(_update_ids), "message": msg}


def build_updates(bot, texts: list[str], n: int) -> list:
    from telegram import Update

    return [Update.de_json(_message_update(texts[i % len(texts)]), bot) for i in range(n)]


async def make_bot_app(data_dir: Path):
    from bot.chat.service import Service
    from bot.chat.store import ChatSettings
    from bot.config import load_config
    from bot.frontends.telegram.app import build_application
    from bot.kinds import load as load_knowledge
    from tests.fakes import TOKEN

    request_class = _fake_request_class()
    request = request_class()
    config = load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "HTTPCODE_DATA_DIR": str(data_dir)})
    # Every update comes from a new user. Before each run the limiters' clock jumps past
    # their window, as if earlier users had written minutes ago: otherwise thousands of users
    # "active within one minute" would make the limiters prune on every call
    # (bot/chat/flood.py), and the benchmark would measure only that.
    clock = ShiftedClock()
    app = build_application(
        config,
        Service(load_knowledge()),
        request=request,
        get_updates_request=request_class(),
        settings=ChatSettings(data_dir / "settings.sqlite3"),
        rate_limiter=False,
        clock=clock,
    )
    app.bot_data["bench_clock"] = clock
    await app.initialize()
    return app, request


class ShiftedClock:
    """time.monotonic() plus an offset the benchmark advances between runs."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset

    def advance(self, seconds: float = 3600.0) -> None:
        self.offset += seconds


async def make_floor_app(card=None):
    """A bare Application with one MessageHandler: echo the text, or send a fixed ``(html, markup)``."""
    from telegram import Update
    from telegram.constants import ParseMode
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    from tests.fakes import TOKEN

    request_class = _fake_request_class()
    request = request_class()
    app = Application.builder().token(TOKEN).request(request).get_updates_request(request_class()).build()

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        await message.reply_text(message.text)

    async def fixed_card(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        html, markup = card
        await update.effective_message.reply_text(html, parse_mode=ParseMode.HTML, reply_markup=markup)

    app.add_handler(MessageHandler(filters.TEXT, echo if card is None else fixed_card))
    await app.initialize()
    return app, request


def prerendered_card(bot_app, query: str):
    """The bot's own answer to ``query``, rendered once: (html, inline keyboard)."""
    from bot.frontends.telegram.app import plugin_handle
    from bot.frontends.telegram.handlers import keyboard
    from bot.render import answer as dispatch

    service = plugin_handle(bot_app).service
    reply = dispatch.answer(service.kb, service.resolve(query))
    return reply.html(), keyboard(reply)


async def run_once(app, request, texts: list[str], n: int, clear=None) -> float:
    """Seconds to process ``n`` fresh updates; checks that each one got exactly one answer."""
    updates = build_updates(app.bot, texts, n)
    if "bench_clock" in app.bot_data:
        app.bot_data["bench_clock"].advance()
    request.counts.clear()
    gc.collect()
    start = time.perf_counter()
    if clear is None:
        for update in updates:
            await app.process_update(update)
    else:
        for update in updates:
            clear()
            await app.process_update(update)
    elapsed = time.perf_counter() - start
    answered = request.counts["sendMessage"]
    if answered != n:
        raise RuntimeError(f"{n} updates but {answered} sendMessage calls: {dict(request.counts)}")
    return elapsed


def zipf_stream(texts: list[str], n: int, seed: int = 11) -> list[str]:
    """``n`` questions drawn from ``texts`` with a Zipf law: a few popular, a long tail."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) ** ZIPF_S for rank in range(len(texts))]
    return rng.choices(texts, weights=weights, k=n)


async def bench(n: int = N_UPDATES, repeats: int = REPEATS, warmup: int = WARMUP) -> dict[str, Any]:
    """Per workload: updates/s of each repeat; and the answer cache's miss rate in the stream."""
    from benchmarks.common import Caches
    from benchmarks.queries import QUERIES
    from bot.frontends.telegram.app import plugin_handle

    short = [q for shape in SHORT for q in QUERIES[shape]]
    long = [q for shape in QUERIES if shape not in SHORT and shape != "numeric" for q in QUERIES[shape]]
    with tempfile.TemporaryDirectory(prefix="bench-updates-") as tmp:
        bot_app, bot_request = await make_bot_app(Path(tmp))
        floor_app, floor_request = await make_floor_app()
        card_app, card_request = await make_floor_app(prerendered_card(bot_app, "503"))
        caches = Caches()
        service = plugin_handle(bot_app).service
        stream = zipf_stream(short + long, n)
        # name: (app, request, texts, caches emptied before each update?)
        workloads: dict[str, tuple[Any, Any, list[str], bool]] = {
            "floor (echo)": (floor_app, floor_request, ["网关超时怎么办"], True),
            "floor (503 card)": (card_app, card_request, ["/code 503"], True),
            "/code 503 warm": (bot_app, bot_request, ["/code 503"], False),
            "/code 503 cold": (bot_app, bot_request, ["/code 503"], True),
            "short text cold": (bot_app, bot_request, short, True),
            "long text cold": (bot_app, bot_request, long, True),
            "realistic stream": (bot_app, bot_request, stream, False),
        }
        misses = []
        try:
            for app, request, texts, cold in workloads.values():
                await run_once(app, request, texts, warmup, caches.clear if cold else None)
            samples: dict[str, list[float]] = {name: [] for name in workloads}
            for _ in range(repeats):  # interleaved, so drift hits every workload alike
                for name, (app, request, texts, cold) in workloads.items():
                    if name == "realistic stream":
                        caches.clear()  # each run starts empty and warms up as it goes
                        cache = service._resolve
                        before = (cache.hits, cache.misses)
                    rate = n / await run_once(app, request, texts, n, caches.clear if cold else None)
                    samples[name].append(rate)
                    if name == "realistic stream":
                        calls = cache.hits + cache.misses - sum(before)
                        misses.append((cache.misses - before[1]) / max(calls, 1))
        finally:
            await bot_app.shutdown()
            await floor_app.shutdown()
            await card_app.shutdown()
            plugin_handle(bot_app).settings.close()
    return {"rates": samples, "stream_miss_rate": statistics.median(misses), "distinct": len(set(stream))}


def _ljust(text: str, width: int) -> str:
    """Left-justify by display width: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def table(rates: dict[str, list[float]], emit: Callable[[str], None] = print) -> bool:
    floor = statistics.median(rates["floor (echo)"])
    emit(f"{'workload':<20}{'updates/s':>18}{'µs/update':>11}{'vs echo':>9}")
    emit("-" * 58)
    ok = True
    for name, values in rates.items():
        rate = statistics.median(values)
        ratio = rate / floor
        flag = ""
        if name in ("/code 503 cold", "short text cold") and ratio < TARGET:
            ok = False
            flag = f"  < {TARGET:.0%} target"
        shown = f"{rate:,.0f} ({max(values):,.0f})"
        emit(f"{_ljust(name, 20)}{shown:>18}{1e6 / rate:>11.1f}{ratio:>9.0%}{flag}")
    return ok


def main(argv: list[str] | None = None) -> int:
    from benchmarks.common import machine

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=N_UPDATES, help="updates per timed run")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="timed runs per workload (median)")
    parser.add_argument("--warmup", type=int, default=WARMUP, help="untimed updates per workload first")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    result = asyncio.run(bench(args.updates, args.repeats, args.warmup))
    print(f"{args.updates} updates per run, median (best) of {args.repeats}\n")
    ok = table(result["rates"])
    print(
        f"\nrealistic stream: {result['distinct']} distinct questions, answer-cache miss rate "
        f"{result['stream_miss_rate']:.0%}"
    )
    print(
        f"target: cold /code 503 and cold short text >= {TARGET:.0%} of the echo floor: {'met' if ok else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
