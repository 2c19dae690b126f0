from __future__ import annotations

import logging

import pytest

from bot.config import DEFAULT_API_BASE_URL, ConfigError, load_config
from bot.frontends.telegram.app import RedactingFormatter
from tests.fakes import TOKEN


def test_defaults_without_token():
    config = load_config({})
    assert config.token is None
    assert config.api_base_url == DEFAULT_API_BASE_URL
    assert config.base_file_url == "https://api.telegram.org/file/bot"
    assert config.webhook_url is None
    assert config.log_level == logging.INFO


def test_custom_base_url_and_webhook():
    config = load_config(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot/",
            "WEBHOOK_URL": "https://bot.example.com/hook",
            "WEBHOOK_SECRET": "s3cret_value",
            "WEBHOOK_PORT": "8080",
            "LOG_LEVEL": "debug",
        }
    )
    assert config.api_base_url == "http://127.0.0.1:8081/bot"
    assert config.base_file_url == "http://127.0.0.1:8081/file/bot"
    assert config.webhook_url == "https://bot.example.com/hook"
    assert config.port == 8080
    assert config.log_level == logging.DEBUG


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_API_BASE_URL": "ftp://x/bot"}, "TELEGRAM_API_BASE_URL"),
        ({"WEBHOOK_URL": "hook"}, "WEBHOOK_URL"),
        ({"WEBHOOK_PORT": "99999"}, "WEBHOOK_PORT"),
        ({"WEBHOOK_SECRET": "has space"}, "WEBHOOK_SECRET"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"AUTO_COOLDOWN_SECONDS": "soon"}, "AUTO_COOLDOWN_SECONDS"),
    ],
)
def test_bad_settings_name_the_variable(env, needle):
    with pytest.raises(ConfigError, match=needle):
        load_config(env)


def test_token_never_in_repr_or_error():
    config = load_config({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert TOKEN not in repr(config)
    with pytest.raises(ConfigError) as info:
        load_config({"TELEGRAM_BOT_TOKEN": TOKEN + " x"})
    assert TOKEN not in str(info.value)


def test_redacting_formatter_hides_token_in_message_and_traceback():
    formatter = RedactingFormatter("%(message)s", TOKEN)
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/getUpdates failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord(
            "httpx", logging.ERROR, __file__, 1, "HTTP Request: %s", (f"/bot{TOKEN}/getMe",), sys.exc_info()
        )
    text = formatter.format(record)
    assert TOKEN not in text
    assert text.count("<redacted>") == 2
