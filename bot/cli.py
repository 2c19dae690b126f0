"""Command line: ``httpcode-bot [run|console|ask|check]``.

With no sub-command the bot runs on Telegram when TELEGRAM_BOT_TOKEN is set,
and otherwise opens the offline console, so a fresh checkout does something
useful without any setup.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from bot.core.knowledge import KnowledgeError, default_dir

if TYPE_CHECKING:
    from bot.chat.service import CacheUse


def _service(cache: CacheUse = "use"):
    from bot.chat.service import Service

    return Service.load(cache=cache)


def _one_line(exc: BaseException, limit: int = 300) -> str:
    """An unexpected exception as one bounded line: its type and the start of its message."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_check(_: argparse.Namespace) -> int:
    """Validate every kind's files and build every index; print what was loaded."""
    try:
        service = _service("refresh")  # always the whole load and build
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    except Exception as exc:  # a loader bug must still end in a message, not a traceback
        print(f"知识库校验出错 / knowledge check failed: {_one_line(exc)}", file=sys.stderr)
        return 1
    print(f"知识库 OK：{default_dir()}")
    for line in service.stats():
        print(f"  {line}")
    print(f"  文件 {len(service.kb.files)} 个")
    return 0


def _queries(args: argparse.Namespace, stdin: TextIO) -> Iterable[str]:
    if args.query:
        yield " ".join(args.query)
        return
    for line in stdin:
        line = line.rstrip("\r\n")
        # With --json every input line gets its output line, blank ones included, so
        # callers can pair them up; the readable output just skips blank lines.
        if args.json or line.strip():
            yield line


def cmd_ask(args: argparse.Namespace, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin  # looked up at call time, so redirection works
    out = out or sys.stdout

    service = _service()
    first = True
    failed = 0
    for query in _queries(args, stdin):
        # One bad line must not stop the batch: it gets its own error and the rest go on.
        try:
            res = service.resolve(query)
            text = (
                json.dumps(
                    {"query": query, "matches": [m.to_json() for m in res.matches]}, ensure_ascii=False
                )
                if args.json
                else service.answer(res).plain()
            )
        except Exception as exc:
            failed += 1
            error = _one_line(exc)
            text = (
                json.dumps({"query": query, "matches": [], "error": error}, ensure_ascii=False)
                if args.json
                else f"出错了，这个问题没能回答 / error: {error}"
            )
        if not args.json and not first:
            out.write("\n" + "─" * 40 + "\n\n")
        first = False
        out.write(text + "\n")
    out.flush()
    return 1 if failed else 0


def cmd_console(_: argparse.Namespace) -> int:
    from bot.frontends.console import run_console

    return run_console(_service())


def cmd_run(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, check_settings_file, load_config

    try:
        config = load_config(os.environ)
        if config.token is not None:
            check_settings_file(config)  # before any network: a bad volume is a setting fault
    except ConfigError as exc:
        print(f"配置错误 / configuration error: {exc}", file=sys.stderr)
        return 2
    if config.token is None:
        if args.command == "run":
            print(
                "没有设置 TELEGRAM_BOT_TOKEN：请先在 @BotFather 创建机器人并导出 token。\n"
                "不带 token 想先试试？运行 `httpcode-bot console`。",
                file=sys.stderr,
            )
            return 2
        print("未设置 TELEGRAM_BOT_TOKEN，进入离线控制台模式（像和机器人私聊一样提问）。\n", file=sys.stderr)
        return cmd_console(args)
    with _unused_optional_imports(webhook=bool(config.webhook_url)):
        from bot.frontends.telegram.app import run_bot

    return run_bot(config, _service("off"))  # see Service.load


@contextmanager
def _unused_optional_imports(webhook: bool) -> Iterator[None]:
    """Keep python-telegram-bot from importing optional packages this process never uses.

    PTB imports ``cryptography`` whenever it is installed, only for Telegram Passport, which
    the bot does not handle (~7 MiB of the running bot's memory; a production install lacks
    it, but the test extra pulls it in). In polling mode nothing serves webhooks: PTB's own
    webhook server (tornado, ~3.5 MiB) is never used, and ours is imported only in webhook
    mode. PTB treats both as not installed (a ``None`` in ``sys.modules`` fails the import).
    Only for our own ``run``: the NoneBot plugin and library users import PTB as they please.
    The markers go once PTB is imported, so a later import of either works as usual.
    """
    unused = ["cryptography"] if webhook else ["cryptography", "tornado"]
    # Once PTB is imported it is too late to matter; what is imported already stays.
    blocked = [] if "telegram" in sys.modules else [name for name in unused if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="httpcode-bot",
        description="状态码助手：用中文解释 HTTP 状态码和云 API 错误。",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="在 Telegram 上运行机器人（需要 TELEGRAM_BOT_TOKEN）")
    sub.add_parser("console", help="离线控制台：不连 Telegram，像私聊一样提问")
    ask = sub.add_parser("ask", help="回答一个或多个问题；不给 QUERY 时从标准输入逐行读取")
    ask.add_argument("--json", action="store_true", help="每个问题输出一行 JSON")
    ask.add_argument("query", nargs="*", help="问题，例如 503、网关超时怎么办")
    sub.add_parser("check", help="校验知识库并打印统计")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Chinese output must not die on a terminal or pipe with a narrow encoding, and one
    # undecodable input byte must not end an `ask` batch or the console.
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "ask":
            return cmd_ask(args)
        if args.command == "console":
            return cmd_console(args)
        return cmd_run(args)
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: one line, never a traceback
        print(f"内部错误 / internal error: {_one_line(exc)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
