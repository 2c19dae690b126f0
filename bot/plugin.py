"""Mount 状态码助手 into your own python-telegram-bot (v22) application.

    from telegram.ext import Application

    from bot.plugin import register

    app = Application.builder().token("123456:ABC...").build()
    # ... your own handlers ...
    register(app)  # /code, buttons, inline mode, /auto
    app.run_polling()

What :func:`register` adds, and what it leaves alone:

* handlers in their own group (``group``, default 7), so your handlers in group 0 still see
  every update: ``/code`` (and ``/code help``), ``/auto`` in groups, the plugin's buttons, inline
  queries (``inline=False`` leaves inline mode to you), and free text where the chat rules
  (:mod:`bot.chat.policy`) say so. In private chats only codes and known errors named outright
  are answered by default (``private_text="explicit"``), since other messages are for your bot.
* your /start and /help stay yours unless you pass ``start_command="start"`` / ``help_command="help"``;
* button data starts with ``"hc:"`` and the CallbackQueryHandler matches only that, so your
  own buttons are untouched;
* every message sets ``parse_mode=HTML`` and switches link previews off itself, whatever your
  ``Defaults`` say;
* the bot's command menu is yours: ``set_commands=True`` publishes the plugin's commands
  when the application starts (``post_init``); otherwise merge ``handle.private_commands``
  and ``handle.group_commands`` into your own menu;
* state lives under one key, ``application.bot_data["httpcode"]`` (the :class:`PluginHandle`);
  it survives ``deepcopy`` and pickles to nothing, so PTB persistence keeps working.

Which groups switched auto mode on is kept in ``settings`` (a :class:`bot.chat.store.ChatSettings`,
e.g. ``ChatSettings("data/settings.sqlite3")``); without one it is kept in memory only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.chat.flood import FloodRules
from bot.chat.policy import DEFAULT_RULES, ChatPolicy, Commands, PrivateText
from bot.chat.service import Service
from bot.chat.store import ChatSettings
from bot.core.lazyre import compile_pending
from bot.frontends.telegram.handlers import CALLBACK_PREFIX, TelegramAdapter

log = logging.getLogger(__name__)

BOT_DATA_KEY = "httpcode"
DEFAULT_GROUP = 7
CALLBACK_PATTERN = "^" + CALLBACK_PREFIX  # a regular expression: "hc:" is literal


@dataclass(eq=False)
class PluginHandle:
    """What :func:`register` mounted; kept in ``application.bot_data["httpcode"]``."""

    application: Application
    policy: ChatPolicy
    adapter: TelegramAdapter
    settings: ChatSettings | None
    group: int  # the handler group everything was added to
    handlers: list[tuple[int, BaseHandler[Any, Any, Any]]] = field(default_factory=list)  # (group, handler)
    private_commands: list[BotCommand] = field(default_factory=list)
    group_commands: list[BotCommand] = field(default_factory=list)

    @property
    def service(self) -> Service:
        return self.policy.service

    async def publish_commands(self) -> None:
        """Set the bot's command menu to the plugin's commands (private chats and groups)."""
        bot = self.application.bot
        await bot.set_my_commands(self.private_commands, scope=BotCommandScopeAllPrivateChats())
        await bot.set_my_commands(self.group_commands, scope=BotCommandScopeAllGroupChats())

    def remove(self) -> None:
        """Take every handler out again and drop the bot_data entry (settings stay open: the
        caller who passed them closes them)."""
        for group, handler in self.handlers:
            self.application.remove_handler(handler, group)
        self.handlers.clear()
        if self.application.bot_data.get(BOT_DATA_KEY) is self:
            del self.application.bot_data[BOT_DATA_KEY]

    # A live service, not data: PTB persistence deep-copies and pickles bot_data.
    def __deepcopy__(self, memo: dict[int, Any]) -> PluginHandle:
        return self

    def __reduce__(self) -> tuple[Callable[[], None], tuple[()]]:
        return _unpersisted, ()


def _unpersisted() -> None:
    """What a pickled PluginHandle becomes: nothing (the next start mounts a fresh one)."""
    return None


def register(
    application: Application,
    service: Service | None = None,
    *,
    command: str = "code",
    group: int = DEFAULT_GROUP,
    inline: bool = True,
    auto: bool = True,
    set_commands: bool = False,
    settings: ChatSettings | None = None,
    help_command: str | None = None,
    start_command: str | None = None,
    auto_command: str = "auto",
    auto_cooldown: float = 60.0,
    private_text: PrivateText = "explicit",
    rules: FloodRules | None = DEFAULT_RULES,
    clock: Callable[[], float] = time.monotonic,
) -> PluginHandle:
    """Mount the bot into ``application`` and return a handle to what was added.

    ``service`` defaults to the bundled knowledge base (loading takes about a second).
    ``command`` names the question command (``/code``); ``help_command`` and ``start_command``
    add those commands for the help text (``/code help`` always shows it). ``auto`` adds
    ``/<auto_command> on|off`` for group admins; ``auto_cooldown`` is the seconds between two
    auto-mode answers in a group. ``private_text`` says which private messages are questions:
    ``"all"`` (a bot of its own), ``"explicit"`` (codes and known errors only) or ``"off"``
    (commands only). ``rules`` tunes the flood limits (None: no limits); ``clock`` is for tests.
    """
    if isinstance(application.bot_data.get(BOT_DATA_KEY), PluginHandle):
        raise RuntimeError(
            f"httpcode-bot is already registered on this application (bot_data[{BOT_DATA_KEY!r}])"
        )
    if service is None:
        service = Service.load(cache="off")  # long-running: see Service.load
    compile_pending()  # a running bot compiles the patterns compiled on first use at start
    if auto and settings is None:
        settings = ChatSettings(":memory:")
        log.info("状态码助手：没有传入 settings，群的自动模式开关只保存在内存里")
    help_names = tuple(name for name in (help_command, start_command) if name)
    policy = ChatPolicy(
        service,
        settings if auto else None,
        commands=Commands(code=command, auto=auto_command if auto else None, help=help_names),
        private_text=private_text,
        inline=inline,
        auto_cooldown=auto_cooldown,
        rules=rules,
        clock=clock,
    )
    adapter = TelegramAdapter(policy)
    handle = PluginHandle(application, policy, adapter, settings, group)

    messages = filters.UpdateType.MESSAGES  # new and edited messages, not channel posts
    command_names = [command, *help_names] + ([auto_command] if auto else [])
    added: list[BaseHandler[Any, Any, Any]] = [
        CommandHandler(command_names, adapter.command, filters=messages),
        MessageHandler(filters.TEXT & ~filters.COMMAND & messages, adapter.text),
        CallbackQueryHandler(adapter.button, pattern=CALLBACK_PATTERN),
    ]
    if inline:
        added.append(InlineQueryHandler(adapter.inline))
    for handler in added:
        application.add_handler(handler, group)
        handle.handlers.append((group, handler))

    handle.private_commands = [BotCommand(command, "查状态码或报错，例如 /" + command + " 503")]
    handle.group_commands = [BotCommand(command, "查状态码或报错；回复一条消息发送可解释那条消息")]
    if auto:
        handle.group_commands.append(BotCommand(auto_command, "管理员：开关自动解释带状态码的消息"))
    if help_command:
        handle.private_commands.append(BotCommand(help_command, "使用说明和示例"))
        handle.group_commands.append(BotCommand(help_command, "使用说明和示例"))
    if start_command:
        handle.private_commands.append(BotCommand(start_command, "开始使用"))

    application.bot_data[BOT_DATA_KEY] = handle
    _chain_post_init(application, handle, set_commands)
    return handle


def _chain_post_init(application: Application, handle: PluginHandle, set_commands: bool) -> None:
    """Run after the host's own post_init: put the handle back into bot_data (persistence loads
    bot_data while initializing) and, if asked, publish the command menu."""
    previous = application.post_init

    async def post_init(app: Application) -> None:
        if previous is not None:
            await previous(app)
        if app.bot_data.get(BOT_DATA_KEY) is not handle:
            app.bot_data[BOT_DATA_KEY] = handle
        if set_commands:
            await handle.publish_commands()

    application.post_init = post_init
