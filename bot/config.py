"""Settings from the environment, checked before anything starts."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
_TOKEN_RE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Config:
    token: str | None
    api_base_url: str
    webhook_url: str | None
    webhook_secret: str | None
    listen: str
    port: int
    log_level: int
    data_dir: Path
    auto_cooldown: float  # seconds between auto-mode answers in one group

    @property
    def base_file_url(self) -> str:
        # https://api.telegram.org/bot -> https://api.telegram.org/file/bot
        if self.api_base_url.endswith("/bot"):
            return self.api_base_url[: -len("bot")] + "file/bot"
        return self.api_base_url

    def __repr__(self) -> str:  # never show the token, even in a traceback
        return f"Config(api_base_url={self.api_base_url!r}, webhook={bool(self.webhook_url)})"


def _url(name: str, value: str, schemes: tuple[str, ...]) -> str:
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.netloc:
        raise ConfigError(f"{name}={value!r} is not a valid {'/'.join(schemes)} URL")
    return value.rstrip("/")


def load_config(env: Mapping[str, str]) -> Config:
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    if token is not None and not _TOKEN_RE.match(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (expected '123456:ABC…' from @BotFather)"
        )
    base = _url(
        "TELEGRAM_API_BASE_URL",
        env.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL,
        ("http", "https"),
    )
    webhook_url = env.get("WEBHOOK_URL", "").strip() or None
    if webhook_url:
        webhook_url = _url("WEBHOOK_URL", webhook_url, ("https", "http"))
    secret = env.get("WEBHOOK_SECRET", "").strip() or None
    if secret is not None and not _SECRET_RE.match(secret):
        raise ConfigError("WEBHOOK_SECRET may only hold A-Z, a-z, 0-9, '_' and '-' (1–256 characters)")
    port_text = env.get("WEBHOOK_PORT", "8443").strip()
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise ConfigError(f"WEBHOOK_PORT={port_text!r} must be a port number from 1 to 65535")
    level_name = env.get("LOG_LEVEL", "INFO").strip().upper()
    level = logging.getLevelName(level_name)
    if not isinstance(level, int):
        raise ConfigError(f"LOG_LEVEL={level_name!r} must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
    cooldown_text = env.get("AUTO_COOLDOWN_SECONDS", "60").strip()
    try:
        cooldown = float(cooldown_text)
    except ValueError:
        raise ConfigError(f"AUTO_COOLDOWN_SECONDS={cooldown_text!r} must be a number") from None
    if cooldown < 0:
        raise ConfigError("AUTO_COOLDOWN_SECONDS must not be negative")
    return Config(
        token=token,
        api_base_url=base,
        webhook_url=webhook_url,
        webhook_secret=secret,
        listen=env.get("WEBHOOK_LISTEN", "0.0.0.0").strip() or "0.0.0.0",
        port=int(port_text),
        log_level=level,
        data_dir=Path(env.get("HTTPCODE_DATA_DIR", "").strip() or "data"),
        auto_cooldown=cooldown,
    )
