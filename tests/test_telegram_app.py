"""How the application is run: polling or webhook, and logging that never shows the token."""

from __future__ import annotations

import logging

from bot.config import load_config
from bot.telegram_app import RedactingFormatter, _run, setup_logging
from tests.fakes import TOKEN


class FakeApplication:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []

    def run_polling(self, **kwargs) -> None:
        self.calls.append(("polling", kwargs))

    def run_webhook(self, **kwargs) -> None:
        self.calls.append(("webhook", kwargs))


def test_polling_by_default():
    app = FakeApplication()
    _run(app, load_config({"TELEGRAM_BOT_TOKEN": TOKEN}))
    [(mode, kwargs)] = app.calls
    assert mode == "polling"
    assert "callback_query" in kwargs["allowed_updates"] and "inline_query" in kwargs["allowed_updates"]


def test_webhook_when_url_set():
    app = FakeApplication()
    config = load_config(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "WEBHOOK_URL": "https://bot.example.com/hooks/telegram",
            "WEBHOOK_SECRET": "abc_123",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": "8081",
        }
    )
    _run(app, config)
    [(mode, kwargs)] = app.calls
    assert mode == "webhook"
    assert kwargs["listen"] == "127.0.0.1" and kwargs["port"] == 8081
    assert kwargs["url_path"] == "hooks/telegram"
    assert kwargs["webhook_url"] == "https://bot.example.com/hooks/telegram"
    assert kwargs["secret_token"] == "abc_123"


def test_webhook_secret_generated_when_missing():
    app = FakeApplication()
    _run(app, load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://bot.example.com/t"}))
    secret = app.calls[0][1]["secret_token"]
    assert len(secret) >= 32


def test_setup_logging_quiets_httpx_and_redacts():
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        setup_logging(logging.DEBUG, TOKEN)
        assert logging.getLogger("httpx").level == logging.WARNING
        assert isinstance(root.handlers[0].formatter, RedactingFormatter)
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "url %s", (f"/bot{TOKEN}/getMe",), None)
        assert TOKEN not in root.handlers[0].format(record)
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
