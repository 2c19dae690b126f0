"""Offline console: a private chat with the bot in the terminal, no Telegram needed.

Buttons are numbered; typing the number presses one, the way tapping would.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

from bot.chat.service import Service
from bot.render.answer import examples
from bot.render.reply import Reply


def banner(service: Service) -> str:
    return (
        "状态码助手 · 离线控制台\n"
        "直接输入问题（例如 " + "、".join(examples(service.kb)[:3]) + "），输入按钮前的数字相当于点按钮，"
        "输入 /help 看帮助，/quit 或 Ctrl-D 退出。"
    )


# A button number is short and ASCII: "²", "①" and "٣" pass str.isdigit() but are questions.
_BUTTON_RE = re.compile(r"[0-9]{1,3}", re.ASCII)


def _show(reply: Reply, out: TextIO) -> list[str]:
    out.write(reply.plain() + "\n")
    actions: list[str] = []
    labels: list[str] = []
    for row in reply.buttons:
        for button in row:
            actions.append(button.action)
            labels.append(f"[{len(actions)}] {button.text}")
    if labels:
        out.write("按钮：" + "  ".join(labels) + "\n")
    out.write("\n")
    return actions


def _turn(service: Service, text: str, actions: list[str], out: TextIO) -> Reply | None:
    """The reply to one input line, or None when a short notice was written instead."""
    if _BUTTON_RE.fullmatch(text) and 1 <= int(text) <= len(actions):
        reply = service.press(actions[int(text) - 1])
        if reply is None:
            out.write("这个按钮已经失效了，请重新提问。\n\n")
        return reply
    if text.startswith("/code"):
        text = text[len("/code") :].strip()
        if not text:
            out.write("用法：/code 503 或 /code 网关超时\n\n")
            return None
    return service.ask(text)


def run_console(service: Service, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    interactive = stdin.isatty()
    out.write(banner(service) + "\n\n")
    actions: list[str] = []
    while True:
        if interactive:
            out.write("你> ")
        out.flush()
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit", "exit", "quit"):
            break
        if text in ("/start", "/help"):
            out.write(banner(service) + "\n\n")
            continue
        try:
            reply = _turn(service, text, actions, out)
        except Exception as exc:  # one bad message must never end the session
            out.write(f"抱歉，这条消息没能处理（{type(exc).__name__}），请换个问法。\n\n")
            continue
        if reply is not None:
            actions = _show(reply, out)
    out.write("再见！\n")
    out.flush()
    return 0
