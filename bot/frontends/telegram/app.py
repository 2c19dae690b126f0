"""The one place that builds the Telegram Application and runs it.

Running is done here rather than by PTB's run_polling/run_webhook so that updates are confirmed
to Telegram only once handled (bot.frontends.telegram.polling, bot.frontends.telegram.webhook), start-up retries are bounded, and a
rejected token or a wrong API address ends the process with one clear line.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import secrets
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import RetryAfter, TelegramError
from telegram.ext import Application, CallbackQueryHandler
from telegram.request import BaseRequest

from bot.chat.service import Service
from bot.chat.store import ChatSettings
from bot.config import Config
from bot.frontends.telegram.bot_api import (
    ApiAddressError,
    BotApiRequest,
    describe,
    is_fatal,
    is_transient,
    retry_after_seconds,
)
from bot.frontends.telegram.delivery import RetryingRateLimiter, RetryPolicy
from bot.frontends.telegram.handlers import prebuild_keyboards
from bot.frontends.telegram.polling import Poller, unless_stopped
from bot.frontends.telegram.processing import ChatOrderedProcessor
from bot.plugin import BOT_DATA_KEY, PluginHandle, register

if TYPE_CHECKING:
    from bot.frontends.telegram.webhook import WebhookServer

log = logging.getLogger(__name__)


class RedactingFormatter(logging.Formatter):
    """Removes secrets (the bot token, the webhook secret) from every line, tracebacks included."""

    def __init__(self, fmt: str, *hidden: str | None) -> None:
        super().__init__(fmt)
        self._hidden = [h for h in hidden if h]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._hidden:
            text = text.replace(secret, "<redacted>")
        return text


def setup_logging(level: int, *hidden: str | None) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", *hidden))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.captureWarnings(True)


def build_application(
    config: Config,
    service: Service,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    settings: ChatSettings | None = None,
    rate_limiter: bool = True,
    retry_policy: RetryPolicy | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Application:
    """The plugin on a bare Application, with update order and retries; tests pass fake request
    objects and a clock for the flood limits."""
    if config.token is None:
        raise ValueError("build_application needs a token")
    builder = (
        Application.builder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.base_file_url)
        .request(request or BotApiRequest())
        .get_updates_request(get_updates_request or BotApiRequest(connection_pool_size=1))
        .concurrent_updates(ChatOrderedProcessor())
        .updater(None)  # polling.py or webhook.py feeds the update queue; see Runner
    )
    if rate_limiter:
        builder = builder.rate_limiter(RetryingRateLimiter(retry_policy))
    application = builder.build()

    # The standalone bot is the plugin on a bare Application (no Defaults: the plugin sets parse
    # mode and link previews on every call). It owns /start, /help, the command menu and every
    # button, so it also reads the bare button data of cards sent before data had the "hc:" prefix.
    handle = register(
        application,
        service,
        set_commands=True,
        settings=settings or ChatSettings(config.settings_path),
        help_command="help",
        start_command="start",
        auto_cooldown=config.auto_cooldown,
        private_text="all",
        clock=clock,
    )
    application.add_handler(CallbackQueryHandler(handle.adapter.button), handle.group)
    application.add_error_handler(handle.adapter.error)
    # A bot runs for days: render the status cards and their keyboards now (~20 ms), not on
    # the first question for each code.
    prebuild_keyboards(service.prerender())
    return application


def plugin_handle(application: Application) -> PluginHandle:
    return application.bot_data[BOT_DATA_KEY]


def run_bot(config: Config, service: Service) -> int:
    """Run until SIGTERM/SIGINT (exit 0), a rejected token or a wrong API address (exit 2), or a
    Bot API that stays unreachable while starting (exit 1)."""
    webhook_secret = settle_webhook_secret(config)
    setup_logging(config.log_level, config.token, webhook_secret)
    application = build_application(config, service)
    # The knowledge base, indexes and prerendered cards live as long as the process: moved out
    # of the collector's generations, full collections stop walking them (after one last
    # collection, so no garbage of the start-up is kept for good).
    gc.collect()
    gc.freeze()
    try:
        code = asyncio.run(Runner(application, config, webhook_secret).run())
    except Exception:
        log.exception("机器人异常退出")  # through the redacting formatter, never the default hook
        code = 1
    finally:
        settings = plugin_handle(application).settings
        if settings is not None:
            settings.close()
    if code == 0:
        log.info("已退出")
    return code


def settle_webhook_secret(config: Config) -> str | None:
    """WEBHOOK_SECRET, or a random one; settled before logging starts so the log can hide it
    (PTB logs call parameters at DEBUG)."""
    if not config.webhook_url:
        return None
    return config.webhook_secret or secrets.token_urlsafe(32)


class StartupFailed(Exception):
    """The Bot API stayed unreachable, or refused a start-up call, while the bot was starting."""


STARTUP_RETRY_DELAYS = (1.0, 2.0, 3.0, 4.0)  # five tries within about ten seconds


class Runner:
    """Starts the application, feeds it updates (polling or webhook) and stops it cleanly."""

    def __init__(self, application: Application, config: Config, webhook_secret: str | None = None) -> None:
        self.application = application
        self.config = config
        self.webhook_secret = webhook_secret
        self.stop = asyncio.Event()
        self.fatal: TelegramError | None = None
        limiter = application.bot.rate_limiter
        if isinstance(limiter, RetryingRateLimiter):
            limiter.on_fatal = self.fail  # a 401/404 on any call, an answer included, ends the process

    def fail(self, exc: TelegramError) -> None:
        if self.fatal is None:
            self.fatal = exc
        self.stop.set()

    async def run(self) -> int:
        """The exit code: 0 after a signal, 2 for a rejected token or wrong API address, 1 when
        the Bot API could not be reached at start-up."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.stop.set)
        try:
            await self._serve()
        except StartupFailed as exc:
            log.critical("%s；请检查网络和 TELEGRAM_API_BASE_URL=%s。退出", exc, self.config.api_base_url)
            return 1
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
        if self.fatal is not None:
            log.critical(self._fatal_message(self.fatal))
            return 2
        return 0

    def _fatal_message(self, exc: TelegramError) -> str:
        if isinstance(exc, ApiAddressError):
            return (
                f"TELEGRAM_API_BASE_URL={self.config.api_base_url} 看起来不是 Bot API 的地址"
                "（请求得到 404 Not Found），请检查这个变量（默认 https://api.telegram.org/bot）。退出"
            )
        # PTB's own message quotes the token; say what happened without it.
        return "Telegram 拒绝了 TELEGRAM_BOT_TOKEN（写错了或已被撤销），请到 @BotFather 重新获取。退出"

    async def _serve(self) -> None:
        application, config, bot = self.application, self.config, self.application.bot
        processor = application.update_processor
        assert isinstance(processor, ChatOrderedProcessor), "build_application sets the processor"
        poller: Poller | None = None
        server: WebhookServer | None = None
        try:
            await self._startup_step("getMe", application.initialize)
            if application.post_init is not None:  # the plugin's: publish the command menu
                await self._startup_step("setMyCommands", lambda: application.post_init(application))
            log.info("状态码助手 @%s 已启动", bot.username)
            if config.webhook_url:
                # Imported here: polling never needs tornado (see bot.cli._unused_optional_imports).
                from bot.frontends.telegram.webhook import Receiver, WebhookServer

                receiver = Receiver(bot, application.update_queue, processor)
                path = urlsplit(config.webhook_url).path
                server = WebhookServer(
                    receiver, listen=config.listen, port=config.port, path=path, secret=self.webhook_secret
                )
                try:
                    server.start()  # listen before Telegram is told where to send
                except OSError as exc:
                    server = None
                    raise StartupFailed(
                        f"webhook 无法监听 {config.listen}:{config.port}（{exc.strerror}）"
                    ) from exc
                log.info("webhook 模式：监听 %s:%s", config.listen, config.port)
                url = config.webhook_url
                await self._startup_step(
                    "setWebhook",
                    lambda: bot.set_webhook(
                        url, secret_token=self.webhook_secret, allowed_updates=Update.ALL_TYPES
                    ),
                )
            else:
                await self._startup_step("deleteWebhook", bot.delete_webhook)
                poller = Poller(bot, application.update_queue, processor, allowed_updates=Update.ALL_TYPES)
                log.info("polling 模式")
            if self.stop.is_set():
                return
            await application.start()
            if poller is not None:
                await poller.run(self.stop)
            else:
                await self.stop.wait()
        except TelegramError as exc:
            if not is_fatal(exc):
                raise
            self.fail(exc)  # before the clean-up below, which must not call the Bot API again
        finally:
            if server is not None:
                server.stop_accepting()
            if application.running:
                await application.stop()  # handles everything already queued
            if poller is not None and self.fatal is None:
                await poller.acknowledge()
            if server is not None:
                await server.close()
            await application.shutdown()

    async def _startup_step(self, what: str, action: Callable[[], Awaitable[object]]) -> None:
        """Run one start-up call, retrying a transient failure a few times (one line each)."""
        tries = len(STARTUP_RETRY_DELAYS) + 1
        for attempt, delay in enumerate((*STARTUP_RETRY_DELAYS, None), start=1):
            if self.stop.is_set():
                return
            try:
                await action()
                return
            except TelegramError as exc:
                if is_fatal(exc):
                    raise
                if not is_transient(exc):
                    raise StartupFailed(f"启动时 {what} 被拒绝：{describe(exc)}") from exc
                if delay is None:
                    raise StartupFailed(f"启动时 {what} 连续 {tries} 次失败：{describe(exc)}") from exc
                if isinstance(exc, RetryAfter):
                    delay = max(delay, retry_after_seconds(exc))
                log.warning(
                    "启动时 %s 失败：%s；%.0f 秒后重试（%d/%d）", what, describe(exc), delay, attempt, tries
                )
                await unless_stopped(self.stop, asyncio.sleep(delay))
