"""The plugin's settings, read from NoneBot's config (``.env`` files or ``nonebot.init``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field


class Config(BaseModel):
    """Every field has a default: the plugin loads with no configuration at all."""

    # The question command and its aliases; the first name is the one the help text shows.
    # NoneBot's own COMMAND_START ("/" by default) is the prefix.
    httpcode_commands: list[str] = Field(default_factory=lambda: ["code", "状态码", "http"], min_length=1)
    # "/auto on|off" for group admins; "" switches auto mode off for the whole bot.
    httpcode_auto_command: str = "auto"
    # Seconds between two unasked (auto-mode) answers in one group.
    httpcode_auto_cooldown: float = Field(60.0, ge=0, le=86400)
    # Which private messages are questions: every one, only codes and known errors named
    # outright (a bot shared with other plugins), or none (commands only).
    httpcode_private_text: Literal["all", "explicit", "off"] = "all"
    # Another knowledge directory instead of the bundled one.
    httpcode_knowledge_dir: Path | None = None
    # Longest message per adapter name (as ``Adapter.get_name()`` says it), overriding the
    # built-in table in ``platforms.py``; e.g. {"OneBot V11": 3000}.
    httpcode_message_limits: dict[str, int] = Field(default_factory=dict)
