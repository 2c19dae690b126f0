"""The one place that builds the Telegram Application and runs it."""

from __future__ import annotations

import logging
import secrets
import sys
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import InvalidToken
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Config
from bot.handlers import BotHandlers
from bot.service import Service
from bot.store import ChatSettings

log = logging.getLogger(__name__)

PRIVATE_COMMANDS = [
    BotCommand("code", "查状态码或报错，例如 /code 503"),
    BotCommand("help", "使用说明和示例"),
    BotCommand("start", "开始使用"),
]
GROUP_COMMANDS = [
    BotCommand("code", "查状态码或报错；回复一条消息发送可解释那条消息"),
    BotCommand("auto", "管理员：开关自动解释带状态码的消息"),
    BotCommand("help", "使用说明和示例"),
]


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


async def _post_init(application: Application) -> None:
    bot = application.bot
    await bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
    await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    log.info("状态码助手 @%s 已启动", bot.username)


def build_application(
    config: Config,
    service: Service,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    settings: ChatSettings | None = None,
    rate_limiter: bool = True,
) -> Application:
    """Wire handlers, defaults and the rate limiter; tests pass fake request objects."""
    if config.token is None:
        raise ValueError("build_application needs a token")
    builder = (
        Application.builder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.base_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,
            )
        )
        .post_init(_post_init)
        .concurrent_updates(False)
    )
    if rate_limiter:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    application = builder.build()

    settings = settings or ChatSettings(config.data_dir / "settings.sqlite3")
    handlers = BotHandlers(service=service, settings=settings, auto_cooldown=config.auto_cooldown)
    application.bot_data["handlers"] = handlers
    messages = filters.UpdateType.MESSAGES  # new and edited messages, not channel posts
    application.add_handlers(
        [
            CommandHandler(["start", "help"], handlers.start, filters=messages),
            CommandHandler("code", handlers.code, filters=messages),
            CommandHandler("auto", handlers.auto, filters=messages),
            MessageHandler(filters.TEXT & ~filters.COMMAND & messages, handlers.text),
            CallbackQueryHandler(handlers.button),
            InlineQueryHandler(handlers.inline),
        ]
    )
    application.add_error_handler(handlers.error)
    return application


def run_bot(config: Config, service: Service) -> int:
    # The webhook secret is settled before logging starts: PTB logs call parameters at DEBUG.
    webhook_secret = (config.webhook_secret or secrets.token_urlsafe(32)) if config.webhook_url else None
    setup_logging(config.log_level, config.token, webhook_secret)
    application = build_application(config, service)
    try:
        _run(application, config, webhook_secret)
    except InvalidToken:
        # PTB's message quotes the token; say what happened without it.
        log.critical("Telegram 拒绝了 TELEGRAM_BOT_TOKEN（写错了或已被撤销），请到 @BotFather 重新获取")
        return 2
    except Exception:
        log.exception("机器人异常退出")  # through the redacting formatter, never the default hook
        return 1
    finally:
        application.bot_data["handlers"].settings.close()
    log.info("已退出")
    return 0


def _run(application: Application, config: Config, secret: str | None = None) -> None:
    if config.webhook_url:
        secret = secret or config.webhook_secret or secrets.token_urlsafe(32)
        path = urlsplit(config.webhook_url).path.lstrip("/")
        log.info("webhook 模式：监听 %s:%s", config.listen, config.port)
        application.run_webhook(
            listen=config.listen,
            port=config.port,
            url_path=path,
            webhook_url=config.webhook_url,
            secret_token=secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        log.info("polling 模式")
        application.run_polling(allowed_updates=Update.ALL_TYPES)
