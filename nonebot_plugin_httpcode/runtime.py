"""The plugin's one shared state: the chat policy over the knowledge base, the auto-mode
settings and the follow-ups, built on first use (or at start-up) without blocking the loop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from nonebot import get_plugin_config
from nonebot_plugin_localstore import get_plugin_data_file

from bot.chat.policy import ChatPolicy, Commands
from bot.chat.service import Service
from bot.core.lazyre import compile_pending

from .config import Config
from .followups import FollowUps
from .settings import SETTINGS_FILE, GroupSettings

config = get_plugin_config(Config)
SETTINGS_PATH: Path = get_plugin_data_file(SETTINGS_FILE)


@dataclass
class Runtime:
    policy: ChatPolicy
    followups: FollowUps
    settings: GroupSettings | None
    config: Config


_runtime: Runtime | None = None
_lock = asyncio.Lock()


def commands(cfg: Config) -> Commands:
    """The policy's command names: the first of httpcode_commands (aliases map to it), /auto,
    and no /help of our own (a host bot's /help stays its own; "/code help" shows ours)."""
    return Commands(code=cfg.httpcode_commands[0], auto=cfg.httpcode_auto_command or None, help=())


async def get_runtime() -> Runtime:
    """The shared runtime. Loading the knowledge base reads files and takes about a second,
    so it runs in a thread; later calls return at once."""
    global _runtime
    if _runtime is not None:
        return _runtime
    async with _lock:
        if _runtime is None:
            service = await asyncio.to_thread(Service.load, config.httpcode_knowledge_dir)
            await asyncio.to_thread(compile_pending)  # a running bot compiles them all at start
            settings = await GroupSettings.open(SETTINGS_PATH) if config.httpcode_auto_command else None
            policy = ChatPolicy(
                service,
                settings,
                commands=commands(config),
                private_text=config.httpcode_private_text,
                auto_cooldown=config.httpcode_auto_cooldown,
            )
            _runtime = Runtime(policy, FollowUps(), settings, config)
    return _runtime


async def close_runtime() -> None:
    """At shutdown: finish writing the settings."""
    global _runtime
    async with _lock:
        if _runtime is not None and _runtime.settings is not None:
            await _runtime.settings.close()
        _runtime = None
