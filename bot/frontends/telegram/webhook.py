"""Webhook mode: a small tornado server for Telegram's POSTs.

It differs from PTB's built-in webhook handler in three ways:

* a body that is not an Update (malformed or empty JSON, binary, a JSON value that is not an
  object, an object PTB cannot read) gets 400, where PTB's handler answered 500 to most of them;
  the secret token is checked first, so strangers get 403 before their body is read;
* Telegram's POST is answered only once the update has been handled (or after ``ack_timeout``),
  so an update a crash interrupts is sent again by Telegram; the price is that its question may
  be answered twice;
* an update Telegram sends again while the first copy is still being handled is not handled twice.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections import OrderedDict
from http import HTTPStatus

import tornado.web
from telegram import Bot, Update
from tornado.httpserver import HTTPServer

from bot.frontends.telegram.bot_api import describe
from bot.frontends.telegram.processing import ChatOrderedProcessor

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1 << 20  # an Update is a few KiB; a bigger body is not from Telegram


def parse_update(body: bytes, bot: Bot) -> Update | None:
    """The Update in a webhook body, or None when the body is not one."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested beyond reason
        return None
    update_id = data.get("update_id") if isinstance(data, dict) else None
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return None
    try:
        return Update.de_json(data, bot)
    except Exception as exc:
        log.warning("webhook 收到无法解析的 update %s：%s", update_id, describe(exc))
        return None


class Receiver:
    """Queues updates and reports when each is handled; shared by every request."""

    def __init__(
        self,
        bot: Bot,
        queue: asyncio.Queue[object],
        processor: ChatOrderedProcessor,
        *,
        ack_timeout: float = 50.0,
    ) -> None:
        self.bot = bot
        self._queue = queue
        self._processor = processor
        self.ack_timeout = ack_timeout
        self._recent: OrderedDict[int, asyncio.Future[None]] = OrderedDict()
        self._requests = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def receive(self, update: Update) -> None:
        """Queue the update (unless it is a copy of one already received) and wait until it is handled."""
        done = self._recent.get(update.update_id)
        if done is None:
            done = self._processor.watch(update.update_id)
            self._recent[update.update_id] = done
            while len(self._recent) > 1000:
                self._recent.popitem(last=False)
            await self._queue.put(update)
        try:
            await asyncio.wait_for(asyncio.shield(done), self.ack_timeout)
        except TimeoutError:
            log.warning(
                "update %s 超过 %.0f 秒仍未处理完，先答复 Telegram", update.update_id, self.ack_timeout
            )

    def request_started(self) -> None:
        self._requests += 1
        self._idle.clear()

    def request_finished(self) -> None:
        self._requests -= 1
        if self._requests == 0:
            self._idle.set()

    async def idle(self, timeout: float) -> None:
        """Wait (at most ``timeout``) until no request is being answered."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            log.warning("还有 %d 个 webhook 请求未答复就关闭了连接", self._requests)


class UpdateHandler(tornado.web.RequestHandler):
    SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

    def initialize(self, receiver: Receiver, secret: str | None) -> None:
        self.receiver = receiver
        self.secret = secret

    async def post(self) -> None:
        self.receiver.request_started()
        try:
            if self.secret is not None:
                given = self.request.headers.get(SECRET_HEADER, "")
                if not hmac.compare_digest(given.encode(), self.secret.encode()):
                    log.debug("webhook 请求的 secret token 不对或缺失，拒绝")
                    self.set_status(HTTPStatus.FORBIDDEN)
                    return
            update = parse_update(self.request.body, self.receiver.bot)
            if update is None:
                log.info("webhook 请求体不是 Telegram update（%d 字节），答复 400", len(self.request.body))
                self.set_status(HTTPStatus.BAD_REQUEST)
                return
            await self.receiver.receive(update)
            self.set_status(HTTPStatus.OK)
        finally:
            self.receiver.request_finished()


class QuietApplication(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """No access log: the module's own lines say what matters."""


class WebhookServer:
    def __init__(self, receiver: Receiver, *, listen: str, port: int, path: str, secret: str | None) -> None:
        path = "/" + path.strip("/")
        app = QuietApplication([(path + "/?", UpdateHandler, {"receiver": receiver, "secret": secret})])
        self._receiver = receiver
        self._server = HTTPServer(app, max_body_size=MAX_BODY)
        self.listen = listen
        self.port = port

    def start(self) -> None:
        """Listen now; OSError when the address is taken or cannot be bound."""
        self._server.listen(self.port, address=self.listen)

    def stop_accepting(self) -> None:
        self._server.stop()

    async def close(self, timeout: float = 5.0) -> None:
        """Let answers already due go out, then close every connection."""
        await self._receiver.idle(timeout)
        await self._server.close_all_connections()
