"""The plugin's matchers: ``/code`` (and aliases), ``/auto``, and one for all other messages.

Commands take priority 10 and block; the catch-all runs late (priority 90) without blocking
and stops propagation only when it answered, so other plugins still see group chatter and
every message we leave alone.
"""

from __future__ import annotations

from typing import Annotated

from nonebot import get_plugin_config, on_command, on_message
from nonebot.adapters import Bot, Event, Message
from nonebot.matcher import Matcher
from nonebot.params import CommandArg

from .config import Config
from .incoming import incoming, text_of
from .responder import respond
from .runtime import commands

COMMAND_PRIORITY = 10
TEXT_PRIORITY = 90

config = get_plugin_config(Config)
names = commands(config)

code_matcher = on_command(
    names.code, aliases=set(config.httpcode_commands[1:]), priority=COMMAND_PRIORITY, block=True
)


@code_matcher.handle()
async def handle_code(bot: Bot, event: Event, arg: Annotated[Message, CommandArg()]) -> None:
    await respond(bot, event, incoming(bot, event, arg.extract_plain_text(), names.code))


if names.auto:
    auto_command: str = names.auto
    auto_matcher = on_command(auto_command, priority=COMMAND_PRIORITY, block=True)

    @auto_matcher.handle()
    async def handle_auto(bot: Bot, event: Event, arg: Annotated[Message, CommandArg()]) -> None:
        await respond(bot, event, incoming(bot, event, arg.extract_plain_text(), auto_command))


text_matcher = on_message(priority=TEXT_PRIORITY, block=False)


@text_matcher.handle()
async def handle_text(bot: Bot, event: Event, matcher: Matcher) -> None:
    text = text_of(event)
    if is_other_command(text, bot.config.command_start):
        return  # another plugin's command (or one not loaded): never ours to explain
    if await respond(bot, event, incoming(bot, event, text), follow_ups=True):
        matcher.stop_propagation()


def is_other_command(text: str, prefixes: set[str]) -> bool:
    """Does the text start like a command ("/weather", "#签到")? "/ 503" does not."""
    for prefix in prefixes:
        if prefix and text.startswith(prefix) and len(text) > len(prefix) and not text[len(prefix)].isspace():
            return True
    return False
