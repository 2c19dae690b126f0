"""Offline console: a private chat with the bot in the terminal, no Telegram needed.

Each line goes through the same chat policy as a Telegram private chat (``/code``, ``/help``,
usage texts and all), without flood limits. Buttons are numbered; typing the number presses
one, the way tapping would.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import sys
from typing import TextIO

from bot.chat.actions import Answer, Ignore, Incoming, Notice, Press
from bot.chat.policy import ChatPolicy, Commands
from bot.chat.service import Service

CONSOLE_CHAT = 0  # the one private chat; also the user
QUIT = frozenset({"/quit", "/exit", "exit", "quit"})
KEYS_HINT = "输入按钮前的数字相当于点按钮，/quit 或 Ctrl-D 退出。"


def banner(service: Service) -> str:
    return (
        "状态码助手 · 离线控制台\n"
        "直接输入问题（例如 "
        + "、".join(kind.help_examples()[1] for kind in service.kb)
        + "），输入按钮前的数字相当于点按钮，"
        "输入 /help 看帮助，/quit 或 Ctrl-D 退出。"
    )


def console_policy(service: Service) -> ChatPolicy:
    """A private chat with no auto mode, no inline mode and no flood limits: one person at a terminal."""
    return ChatPolicy(service, commands=Commands(auto=None, help=("help", "start")), rules=None)


# A button number is short and ASCII: "²", "①" and "٣" pass str.isdigit() but are questions.
_BUTTON_RE = re.compile(r"[0-9]{1,3}", re.ASCII)
# "/code 503", "/code@bot 503": the command syntax of chat platforms, parsed here as Telegram would.
_COMMAND_RE = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?=\s|$)", re.ASCII)


def incoming(text: str, message_id: int) -> Incoming:
    """A console line as a private-chat message."""
    command = _COMMAND_RE.match(text)
    if command is None:
        return Incoming("private", CONSOLE_CHAT, CONSOLE_CHAT, message_id, text)
    return Incoming(
        "private", CONSOLE_CHAT, CONSOLE_CHAT, message_id, text[command.end() :].strip(), command[1].lower()
    )


class Console:
    def __init__(self, service: Service, out: TextIO) -> None:
        self.policy = console_policy(service)
        self.out = out
        self.actions: list[str] = []  # the buttons of the last card, numbered from 1
        self._ids = itertools.count(1)

    async def turn(self, text: str) -> None:
        """Answer one line: press a button, or ask the policy as a private chat would."""
        if _BUTTON_RE.fullmatch(text) and 1 <= int(text) <= len(self.actions):
            press = Press("private", CONSOLE_CHAT, CONSOLE_CHAT, self.actions[int(text) - 1])
            self.show(self.policy.press(press))
            return
        message = incoming(text, next(self._ids))
        decision = await self.policy.handle(message)
        if isinstance(decision, Ignore):  # a chat would stay silent; a terminal should say why
            self.out.write(f"没有可回答的内容：/{message.command} 不是我认识的命令，输入 /help 看帮助。\n\n")
            return
        self.show(decision)
        if message.command in self.policy.commands.help:
            self.out.write(KEYS_HINT + "\n\n")

    def show(self, decision: Answer | Notice) -> None:
        self.out.write(decision.plain() + "\n")
        if isinstance(decision, Notice):  # usage, help, an expired button: the last card's buttons still work
            self.out.write("\n")
            return
        self.actions = []
        labels: list[str] = []
        for row in decision.buttons:
            for button in row:
                self.actions.append(button.action)
                labels.append(f"[{len(self.actions)}] {button.text}")
        if labels:
            self.out.write("按钮：" + "  ".join(labels) + "\n")
        self.out.write("\n")


def run_console(service: Service, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    return asyncio.run(_session(service, stdin or sys.stdin, out or sys.stdout))


async def _session(service: Service, stdin: TextIO, out: TextIO) -> int:
    interactive = stdin.isatty()
    out.write(banner(service) + "\n\n")
    console = Console(service, out)
    while True:
        if interactive:
            out.write("你> ")
        out.flush()
        line = stdin.readline()  # blocking is fine: the console is the only thing running
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text in QUIT:
            break
        try:
            await console.turn(text)
        except Exception as exc:  # one bad message must never end the session
            out.write(f"抱歉，这条消息没能处理（{type(exc).__name__}），请换个问法。\n\n")
    out.write("再见！\n")
    out.flush()
    return 0
