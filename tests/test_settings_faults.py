"""Every bad setting is one line naming its variable, never a traceback, and exit 2 before any network.

The table runs through ``load_config`` in-process; a sample also runs through the real
``httpcode-bot run`` with a valid-looking token and the Bot API pointed at a local socket
that records whether anyone connected.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, check_settings_file, load_config

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

# (variable, value, what the message must say besides the variable's name). "{tmp}" is a
# private directory holding a regular file "file", a broken symbolic link "dangling" and a
# directory "shadowed" whose settings.sqlite3 is itself a directory.
BAD: list[tuple[str, str, str]] = [
    ("TELEGRAM_BOT_TOKEN", "not-a-token", "does not look like a bot token"),
    ("TELEGRAM_BOT_TOKEN", "١٢٣٤٥٦:AAAAAAAAAAAAAAAAAAAAAAAAA", "does not look like a bot token"),
    ("TELEGRAM_BOT_TOKEN", "123456:AAAA\nAAAAAAAAAAAAAAAAAAAAAA", "control"),
    ("TELEGRAM_BOT_TOKEN", "1" * 5000, "5000 characters"),
    ("TELEGRAM_API_BASE_URL", "http://[::1/x", "Invalid IPv6 URL"),
    ("TELEGRAM_API_BASE_URL", "ftp://x/bot", "not a valid"),
    ("TELEGRAM_API_BASE_URL", "http://", "not a valid"),
    ("TELEGRAM_API_BASE_URL", "http://127.0.0.1:99999/bot", "Port out of range"),
    ("TELEGRAM_API_BASE_URL", "http://127.0.0.1:port/bot", "not a valid"),
    ("TELEGRAM_API_BASE_URL", "http://exa mple.com/bot", "white space"),
    ("TELEGRAM_API_BASE_URL", "http://127.0.0.1/bot?x=1", "query"),
    ("TELEGRAM_API_BASE_URL", "http://127.0.0.1/bot#top", "fragment"),
    ("TELEGRAM_API_BASE_URL", "http://127.0.0.1/\x1b[31mbot", "control"),
    ("TELEGRAM_API_BASE_URL", "https://" + "a" * 5000, "5008 characters"),
    ("WEBHOOK_URL", "hook", "not a valid"),
    ("WEBHOOK_URL", "https://[::1", "not a valid"),
    ("WEBHOOK_URL", "https://bot.example.com:70000/hook", "Port out of range"),
    ("WEBHOOK_SECRET", "has space", "may only hold"),
    ("WEBHOOK_SECRET", "é" * 10, "may only hold"),
    ("WEBHOOK_SECRET", "a" * 300, "may only hold"),
    ("WEBHOOK_PORT", "²", "port number"),
    ("WEBHOOK_PORT", "٨٠٨٠", "port number"),
    ("WEBHOOK_PORT", "８０８０", "port number"),
    ("WEBHOOK_PORT", "99999", "port number"),
    ("WEBHOOK_PORT", "0", "port number"),
    ("WEBHOOK_PORT", "-1", "port number"),
    ("WEBHOOK_PORT", "80.0", "port number"),
    ("WEBHOOK_PORT", "0x50", "port number"),
    ("WEBHOOK_PORT", "84 43", "port number"),
    ("WEBHOOK_PORT", "9" * 5000, "5000 characters"),
    ("WEBHOOK_LISTEN", "garbage host!", "IP address"),
    ("WEBHOOK_LISTEN", "0.0.0.0:8443", "IP address"),
    ("WEBHOOK_LISTEN", "http://0.0.0.0", "IP address"),
    ("WEBHOOK_LISTEN", "-leading-dash", "IP address"),
    ("WEBHOOK_LISTEN", "a" * 300, "IP address"),
    ("LOG_LEVEL", "LOUD", "must be DEBUG"),
    ("LOG_LEVEL", "NOTSET", "must be DEBUG"),
    ("LOG_LEVEL", "Level 5", "must be DEBUG"),
    ("LOG_LEVEL", "10", "must be DEBUG"),
    ("LOG_LEVEL", "ınfo", "must be DEBUG"),  # dotless ı upper-cases to "INFO"
    ("AUTO_COOLDOWN_SECONDS", "nan", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "inf", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "-inf", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "Infinity", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "1e400", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "-1", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "86401", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "١٠", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "1_0", "0 to 86400"),
    ("AUTO_COOLDOWN_SECONDS", "soon", "0 to 86400"),
    ("HTTPCODE_DATA_DIR", "{tmp}/file", "is a file, not a directory"),
    ("HTTPCODE_DATA_DIR", "{tmp}/no-volume/data", "parent directory"),
    ("HTTPCODE_DATA_DIR", "/proc/self/data", "not writable"),
    ("HTTPCODE_DATA_DIR", "{tmp}/dangling", "broken symbolic link"),
    ("HTTPCODE_DATA_DIR", "{tmp}/shadowed", "not a readable and writable file"),
    ("HTTPCODE_DATA_DIR", "{tmp}/" + "x" * 300, "File name too long"),
    ("HTTPCODE_DATA_DIR", "{tmp}/a\x00b", "control"),
]


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    (tmp_path / "file").write_text("not a directory\n", encoding="utf-8")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "shadowed" / "settings.sqlite3").mkdir(parents=True)
    return tmp_path


def _env(tmp: Path, name: str, value: str, base: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(base or {})
    # Every row but the data directory's own runs with a writable one, so only that row fails.
    env["HTTPCODE_DATA_DIR"] = str(tmp / "data")
    env[name] = value.replace("{tmp}", str(tmp))
    return env


def _assert_one_line(message: str, name: str, needle: str) -> None:
    assert name in message
    assert needle in message
    assert "\n" not in message.strip()
    assert len(message) < 400  # a long value is shortened, not pasted back
    assert "Traceback" not in message


@pytest.mark.parametrize(("name", "value", "needle"), BAD, ids=lambda v: repr(v)[:30])
def test_bad_setting_is_one_line_naming_the_variable(tmp, name, value, needle):
    with pytest.raises(ConfigError) as info:
        load_config(_env(tmp, name, value, {"TELEGRAM_BOT_TOKEN": TOKEN}))
    message = str(info.value)
    _assert_one_line(message, name, needle)
    assert TOKEN not in message
    if name in ("TELEGRAM_BOT_TOKEN", "WEBHOOK_SECRET"):
        assert value.strip()[:8] not in message  # secrets are never echoed, not even in part


GOOD: list[tuple[str, str, object]] = [
    ("LOG_LEVEL", " ", logging.INFO),  # blank means not set, as `docker run -e LOG_LEVEL=` gives
    ("LOG_LEVEL", "warning", logging.WARNING),
    ("WEBHOOK_PORT", " 8080 ", 8080),
    ("WEBHOOK_PORT", "", 8443),
    ("WEBHOOK_LISTEN", "::", "::"),
    ("WEBHOOK_LISTEN", "127.0.0.1", "127.0.0.1"),
    ("WEBHOOK_LISTEN", "bot-1.internal", "bot-1.internal"),
    ("AUTO_COOLDOWN_SECONDS", "0", 0.0),
    ("AUTO_COOLDOWN_SECONDS", "0.5", 0.5),
    ("AUTO_COOLDOWN_SECONDS", "86400", 86400.0),
    ("TELEGRAM_API_BASE_URL", "http://[::1]:8081/bot", "http://[::1]:8081/bot"),
]
FIELDS = {
    "LOG_LEVEL": "log_level",
    "WEBHOOK_PORT": "port",
    "WEBHOOK_LISTEN": "listen",
    "AUTO_COOLDOWN_SECONDS": "auto_cooldown",
    "TELEGRAM_API_BASE_URL": "api_base_url",
}


@pytest.mark.parametrize(("name", "value", "expected"), GOOD, ids=lambda v: repr(v)[:30])
def test_odd_but_valid_settings_are_accepted(tmp, name, value, expected):
    config = load_config(_env(tmp, name, value))
    assert getattr(config, FIELDS[name]) == expected


def test_a_new_data_dir_under_an_existing_parent_is_fine(tmp):
    config = load_config({"HTTPCODE_DATA_DIR": str(tmp / "fresh")})
    assert not (tmp / "fresh").exists()  # validation does not write
    check_settings_file(config)  # the start-up probe creates it
    assert (tmp / "fresh" / "settings.sqlite3").is_file()


def test_the_probe_names_the_variable_when_sqlite_refuses(tmp):
    (tmp / "data").mkdir()
    (tmp / "data" / "settings.sqlite3").write_bytes(b"garbage, not a database " * 200)
    config = load_config({"HTTPCODE_DATA_DIR": str(tmp / "data")})
    with pytest.raises(ConfigError) as info:
        check_settings_file(config)
    _assert_one_line(str(info.value), "HTTPCODE_DATA_DIR", "file is not a database")


# --- the real command line -----------------------------------------------------------------

CLI_ROWS = [
    ("TELEGRAM_API_BASE_URL", "http://[::1/x"),
    ("WEBHOOK_PORT", "²"),
    ("AUTO_COOLDOWN_SECONDS", "nan"),
    ("LOG_LEVEL", "Level 5"),
    ("WEBHOOK_LISTEN", "not a host"),
    ("HTTPCODE_DATA_DIR", "{tmp}/file"),
    ("HTTPCODE_DATA_DIR", "{tmp}/no-volume/data"),
    # Passes the side-effect-free checks as root; the start-up probe catches it.
    ("HTTPCODE_DATA_DIR", "/proc/data"),
]


@pytest.fixture
def listener():
    """A local "Bot API" that only records whether anything connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    yield sock
    sock.close()


def _connected(sock: socket.socket) -> bool:
    try:
        conn, _ = sock.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


@pytest.mark.slow
@pytest.mark.parametrize(("name", "value"), CLI_ROWS, ids=lambda v: repr(v)[:30])
def test_run_exits_2_on_one_line_before_any_network(tmp, listener, name, value):
    base = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": f"http://127.0.0.1:{listener.getsockname()[1]}/bot",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        env=_env(tmp, name, value, base),
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("配置错误 / configuration error: ")
    _assert_one_line(lines[0], name, "")
    assert TOKEN not in proc.stderr
    assert not _connected(listener)
    assert not (tmp / "data").exists() or name == "HTTPCODE_DATA_DIR"


@pytest.mark.slow
def test_run_without_subcommand_does_not_fall_back_to_the_console_on_a_bad_setting(tmp):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp),
        "PYTHONPATH": str(ROOT),
        "WEBHOOK_PORT": "²",
        "HTTPCODE_INDEX_CACHE": "off",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli"],
        env=env,
        cwd=tmp,
        input="503\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "WEBHOOK_PORT" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_os_environ_values_with_undecodable_bytes_are_refused_not_crashed(tmp):
    # A non-UTF-8 byte in the environment arrives as a lone surrogate (PEP 383).
    value = os.fsdecode(b"/data\xff")
    with pytest.raises(ConfigError) as info:
        load_config({"HTTPCODE_DATA_DIR": str(tmp), "LOG_LEVEL": value})
    _assert_one_line(str(info.value), "LOG_LEVEL", "")
