"""Updates handled per second through the real Application, against the framework's floor.

Every workload goes through ``Application.process_update`` on pre-built Update objects,
with a fake Bot API transport (no network) and no rate limiter:

* ``/code 503``     – the command handler, a full status card with buttons;
* ``网关超时怎么办`` – one free-text private question, repeated;
* ``mix``           – a rotation of realistic questions (codes, plain Chinese, log lines,
                      comparisons, classes, cloud error codes, chatter);
* ``floor (echo)``  – a bare Application with one MessageHandler that echoes the text
                      with ``reply_text`` through the same fake transport: the cost of
                      python-telegram-bot itself, measured in the same run. Ratios are
                      against this row.
* ``PTB + 503 card`` – (for reference) the same bare Application replying with the bot's
                      503 card and keyboard, rendered once beforehand: what sending a
                      card of that size costs in the framework alone, so the gap to the
                      ``/code 503`` row is the bot's own work (resolve, render, checks).

Each update comes from a different user, so the per-user flood limit never trips and
every update really is answered (checked after each run); the limiters' clock is moved
an hour ahead before each run, so users of earlier runs count as idle. Each figure is the median of
``REPEATS`` timed runs of ``N_UPDATES`` updates, after a warm-up.

Run: python benchmarks/bench_updates.py [--updates N] [--repeats R]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
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

N_UPDATES = 2000
WARMUP = 200
REPEATS = 3
TARGET = 0.80  # the bot should reach at least 80 % of the floor

MIX = [
    "503",
    "网关超时怎么办",
    "HTTP/1.1 502 Bad Gateway",
    "上传文件太大被拒了",
    "401 和 403 的区别",
    "5xx",
    "upstream timed out (110: Connection timed out) while reading response header from upstream",
    "Error: Request failed with status code 429",
    "没有权限访问这个接口",
    "InvalidImageId.NotFound",
    "閘道逾時",
    "too many request",
    "大家中午吃什么",
    "资源被永久移走了",
    "client intended to send too large body: 10485760 bytes",
    "418 是什么梗",
]

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
    app = build_application(
        config,
        Service(load_knowledge()),
        request=request,
        get_updates_request=request_class(),
        settings=ChatSettings(data_dir / "settings.sqlite3"),
        rate_limiter=False,
    )
    # Every update comes from a new user. Before each run the limiters' clock jumps past
    # their window, as if earlier users had written minutes ago: otherwise ~20,000 users
    # "active within one minute" make SlidingWindow._prune run on every call once it holds
    # over 10,000 keys (bot/flood.py), and the benchmark would measure only that.
    handlers = app.bot_data["handlers"]
    clock = ShiftedClock()
    for name in ("user_limit", "chat_limit"):
        old = getattr(handlers, name)
        setattr(handlers, name, type(old)(old.limit, old.window, clock=clock))
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
    from bot.frontends.telegram.handlers import keyboard
    from bot.render import answer as dispatch

    service = bot_app.bot_data["handlers"].service
    reply = dispatch.answer(service.kb, service.resolve(query))
    return reply.html(), keyboard(reply)


async def run_once(app, request, texts: list[str], n: int) -> float:
    """Seconds to process ``n`` fresh updates; checks that each one got exactly one answer."""
    updates = build_updates(app.bot, texts, n)
    if "bench_clock" in app.bot_data:
        app.bot_data["bench_clock"].advance()
    request.counts.clear()
    gc.collect()
    start = time.perf_counter()
    for update in updates:
        await app.process_update(update)
    elapsed = time.perf_counter() - start
    answered = request.counts["sendMessage"]
    if answered != n:
        raise RuntimeError(f"{n} updates but {answered} sendMessage calls: {dict(request.counts)}")
    return elapsed


async def bench(n: int = N_UPDATES, repeats: int = REPEATS, warmup: int = WARMUP) -> dict[str, float]:
    """Median updates/s per workload, keyed by workload name ("floor" included)."""
    with tempfile.TemporaryDirectory(prefix="bench-updates-") as tmp:
        bot_app, bot_request = await make_bot_app(Path(tmp))
        floor_app, floor_request = await make_floor_app()
        card_app, card_request = await make_floor_app(prerendered_card(bot_app, "503"))
        workloads: dict[str, tuple[Any, Any, list[str]]] = {
            "floor (echo)": (floor_app, floor_request, ["网关超时怎么办"]),
            "PTB + 503 card": (card_app, card_request, ["/code 503"]),
            "/code 503": (bot_app, bot_request, ["/code 503"]),
            "网关超时怎么办": (bot_app, bot_request, ["网关超时怎么办"]),
            "mix": (bot_app, bot_request, MIX),
        }
        try:
            for app, request, texts in workloads.values():
                await run_once(app, request, texts, warmup)
            samples: dict[str, list[float]] = {name: [] for name in workloads}
            for _ in range(repeats):  # interleaved, so drift hits every workload alike
                for name, (app, request, texts) in workloads.items():
                    samples[name].append(n / await run_once(app, request, texts, n))
        finally:
            await bot_app.shutdown()
            await floor_app.shutdown()
            await card_app.shutdown()
            bot_app.bot_data["handlers"].settings.close()
    return {name: statistics.median(values) for name, values in samples.items()}


def _ljust(text: str, width: int) -> str:
    """Left-justify by display width: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def table(rates: dict[str, float], emit: Callable[[str], None] = print) -> bool:
    floor_name = next(name for name in rates if name.startswith("floor"))
    floor = rates[floor_name]
    emit(f"{'workload':<18}{'updates/s':>12}{'µs/update':>12}{'vs floor':>10}")
    emit("-" * 52)
    ok = True
    for name, rate in rates.items():
        ratio = rate / floor
        flag = ""
        if name != floor_name and not name.startswith("PTB") and ratio < TARGET:
            ok = False
            flag = f"  < {TARGET:.0%} target"
        emit(f"{_ljust(name, 18)}{rate:>12,.0f}{1e6 / rate:>12.1f}{ratio:>10.0%}{flag}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=N_UPDATES, help="updates per timed run")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="timed runs per workload (median)")
    parser.add_argument("--warmup", type=int, default=WARMUP, help="untimed updates per workload first")
    args = parser.parse_args(argv)
    rates = asyncio.run(bench(args.updates, args.repeats, args.warmup))
    print(f"python {sys.version.split()[0]}, {args.updates} updates per run, median of {args.repeats}\n")
    ok = table(rates)
    print(f"\ntarget: every workload >= {TARGET:.0%} of the floor: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
