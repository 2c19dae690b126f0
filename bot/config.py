"""Settings from the environment, checked before anything starts.

Every fault becomes one :class:`ConfigError` whose message names the variable; the CLI
prints it as a single line and exits 2. A blank value means "not set" for every variable,
so ``docker run -e LOG_LEVEL= ...`` behaves like leaving it out.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.chat.store import SETTINGS_FILE, ChatSettings, SettingsStoreError

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
# re.ASCII throughout: \d would otherwise accept "١٢٣" and other Unicode digits.
_TOKEN_RE = re.compile(r"[0-9]{3,}:[A-Za-z0-9_-]{20,}", re.ASCII)
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}", re.ASCII)
_PORT_RE = re.compile(r"[0-9]{1,5}", re.ASCII)
_SECONDS_RE = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)
_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOSTNAME_RE = re.compile(rf"(?=.{{1,253}}$){_HOST_LABEL}(?:\.{_HOST_LABEL})*\.?", re.ASCII)
LOG_LEVELS = {
    "DEBUG": logging.DEBUG,
    "INFO": logging.INFO,
    "WARNING": logging.WARNING,
    "ERROR": logging.ERROR,
    "CRITICAL": logging.CRITICAL,
}
MAX_VALUE_LENGTH = 2048  # far above any real setting; longer values are pasted by mistake
MAX_COOLDOWN_SECONDS = 86400.0  # a day: anything longer is auto mode switched off by accident


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

    @property
    def settings_path(self) -> Path:
        return self.data_dir / SETTINGS_FILE

    def __repr__(self) -> str:  # never show the token, even in a traceback
        return f"Config(api_base_url={self.api_base_url!r}, webhook={bool(self.webhook_url)})"


def _show(value: str) -> str:
    """A value quoted for an error message: short enough for one line, control characters escaped."""
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _get(env: Mapping[str, str], name: str, default: str = "", secret: bool = False) -> str:
    raw = env.get(name, "")
    if len(raw) > MAX_VALUE_LENGTH:
        raise ConfigError(f"{name} is {len(raw)} characters long (at most {MAX_VALUE_LENGTH})")
    value = raw.strip()
    if any(not ch.isprintable() for ch in value):
        shown = name if secret else f"{name}={_show(value)}"  # secrets are never echoed
        raise ConfigError(f"{shown} contains control or invisible characters")
    return value or default


def _url(name: str, value: str, schemes: tuple[str, ...]) -> str:
    problem = f"{name}={_show(value)} is not a valid {'/'.join(schemes)} URL"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError as exc:
        raise ConfigError(f"{problem} ({exc})") from None
    if parts.scheme not in schemes or not parts.hostname:
        raise ConfigError(problem)
    if any(ch.isspace() for ch in value):
        raise ConfigError(f"{problem} (it contains white space)")
    return value.rstrip("/")


def _api_base_url(value: str) -> str:
    url = _url("TELEGRAM_API_BASE_URL", value, ("http", "https"))
    parts = urlsplit(url)
    # The token and the method name are appended to this URL, so it must end in its path.
    if parts.query or parts.fragment or value.endswith(("?", "#")):
        raise ConfigError(f"TELEGRAM_API_BASE_URL={_show(value)} must not have a query (?…) or fragment (#…)")
    return url


def _port(value: str) -> int:
    if not _PORT_RE.fullmatch(value) or not 1 <= int(value) <= 65535:
        raise ConfigError(f"WEBHOOK_PORT={_show(value)} must be a port number from 1 to 65535")
    return int(value)


def _listen(value: str) -> str:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        if not _HOSTNAME_RE.fullmatch(value):
            raise ConfigError(
                f"WEBHOOK_LISTEN={_show(value)} must be an IP address (0.0.0.0, ::, 127.0.0.1) or a host name"
            ) from None
    return value


def _log_level(value: str) -> int:
    level = LOG_LEVELS.get(value.upper()) if value.isascii() else None
    if level is None:
        raise ConfigError(f"LOG_LEVEL={_show(value)} must be {', '.join(LOG_LEVELS)}")
    return level


def _cooldown(value: str) -> float:
    # A plain decimal only: float() would also take "nan", "inf", "1e400" and "١٠".
    seconds = float(value) if _SECONDS_RE.fullmatch(value) else math.nan
    if not 0 <= seconds <= MAX_COOLDOWN_SECONDS:
        raise ConfigError(
            f"AUTO_COOLDOWN_SECONDS={_show(value)} must be a number of seconds "
            f"from 0 to {MAX_COOLDOWN_SECONDS:.0f}"
        )
    return seconds


def _data_dir(value: str) -> Path:
    """The settings directory, or its parent, must exist and be writable: checked without writing."""
    name = f"HTTPCODE_DATA_DIR={_show(value)}"
    path = Path(value)
    try:
        if path.is_symlink() and not path.exists():
            raise ConfigError(f"{name} is a broken symbolic link")
        if path.exists() and not path.is_dir():
            raise ConfigError(f"{name} is a file, not a directory")
        if path.is_dir():
            target = path
        else:
            target = path.parent
            if not target.is_dir():
                # Only the last level is created: a missing parent is usually an unmounted volume.
                raise ConfigError(f"{name}: its parent directory {str(target)!r} does not exist")
        if not os.access(target, os.W_OK | os.X_OK):
            raise ConfigError(f"{name}: {str(target)!r} is not writable by this user (uid {os.getuid()})")
        settings = path / SETTINGS_FILE
        if settings.exists() and not (settings.is_file() and os.access(settings, os.R_OK | os.W_OK)):
            raise ConfigError(f"{name}: {str(settings)!r} is not a readable and writable file")
    except ConfigError:
        raise
    except OSError as exc:  # the OS's own words, without repeating a possibly huge path
        raise ConfigError(f"{name} cannot be used: {exc.strerror or exc}") from None
    except ValueError as exc:  # an embedded NUL byte, from a caller that bypasses the environment
        raise ConfigError(f"{name} cannot be used: {exc}") from None
    return path


def load_config(env: Mapping[str, str]) -> Config:
    token = _get(env, "TELEGRAM_BOT_TOKEN", secret=True) or None
    if token is not None and not _TOKEN_RE.fullmatch(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (expected '123456:ABC…' from @BotFather)"
        )
    webhook_url = _get(env, "WEBHOOK_URL") or None
    if webhook_url:
        webhook_url = _url("WEBHOOK_URL", webhook_url, ("https", "http"))
    secret = _get(env, "WEBHOOK_SECRET", secret=True) or None
    if secret is not None and not _SECRET_RE.fullmatch(secret):
        raise ConfigError("WEBHOOK_SECRET may only hold A-Z, a-z, 0-9, '_' and '-' (1–256 characters)")
    return Config(
        token=token,
        api_base_url=_api_base_url(_get(env, "TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL)),
        webhook_url=webhook_url,
        webhook_secret=secret,
        listen=_listen(_get(env, "WEBHOOK_LISTEN", "0.0.0.0")),
        port=_port(_get(env, "WEBHOOK_PORT", "8443")),
        log_level=_log_level(_get(env, "LOG_LEVEL", "INFO")),
        data_dir=_data_dir(_get(env, "HTTPCODE_DATA_DIR", "data")),
        auto_cooldown=_cooldown(_get(env, "AUTO_COOLDOWN_SECONDS", "60")),
    )


def check_settings_file(config: Config) -> None:
    """Open (creating if needed) the settings file once, so a bad HTTPCODE_DATA_DIR stops
    start-up with one line instead of failing at the first /auto."""
    try:
        ChatSettings(config.settings_path).close()
    except SettingsStoreError as exc:
        raise ConfigError(f"HTTPCODE_DATA_DIR={_show(str(config.data_dir))}: {exc}") from None
