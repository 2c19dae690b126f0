"""A small fake Telegram Bot API HTTP server for end-to-end tests (loopback only).

It runs inside the test's asyncio event loop (aiohttp.web), listens on 127.0.0.1 on a
free port and answers ``/bot<TOKEN>/<method>`` like the real Bot API does: JSON bodies
``{"ok": true, "result": ...}``, dates in seconds, increasing message ids.

The test drives it:

* :meth:`FakeBotApi.enqueue` queues an update for ``getUpdates`` (long polling that
  honours ``offset`` and ``timeout``, the latter capped at :attr:`FakeBotApi.poll_cap`);
* :meth:`FakeBotApi.inject` makes the next N calls of a method (optionally only those for one
  chat) fail with a :class:`Fault`: any HTTP status with the Bot API's error JSON (``401``,
  ``404``, ``500``, ``502`` …), ``429`` with ``retry_after``, a body that is not JSON, or a
  stall (for a while, or until :meth:`FakeBotApi.clear_faults`) that the bot sees as a timeout;
* :meth:`FakeBotApi.fail_get_updates` and :meth:`FakeBotApi.rate_limit_send_message` are
  shorthands for ``502`` on ``getUpdates`` and ``429`` on ``sendMessage``;
* :meth:`FakeBotApi.wait_for` waits (with a timeout) until a recorded call matches.

A path that does not start with ``/bot`` answers a plain-text ``404 Not Found``, like a web
server that is not a Bot API; ``/bot<wrong token>/…`` answers ``401 Unauthorized``.

Webhooks: ``setWebhook`` stores ``url`` and ``secret_token`` (:attr:`FakeBotApi.webhook_url`,
:attr:`FakeBotApi.webhook_secret`), ``getWebhookInfo`` reports the url, ``deleteWebhook``
clears both. Like Telegram, ``getUpdates`` answers ``409 Conflict`` while a webhook is set.
The fake never delivers updates to the webhook itself; the test POSTs them.

Every call is recorded as a :class:`Call` (method, decoded params, HTTP status, time, and the
kind of fault injected, if any: only a call without a fault counts as :attr:`Call.ok`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes import BOT_ID, BOT_USERNAME, chat_member_json

HOST = "127.0.0.1"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int = 200
    result: Any = None  # the "result" we answered with, when status is 200
    at: float = field(default_factory=time.monotonic)  # time.monotonic() when it arrived
    fault: str | None = None  # "status", "retry_after", "garbage" or "stall" when injected

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.fault is None

    @property
    def chat_id(self) -> int | None:
        try:
            return int(self.params["chat_id"])
        except (KeyError, TypeError, ValueError):
            return None


@dataclass
class Fault:
    """What the fake answers instead of the real result.

    ``status`` with the Bot API's error JSON by default; ``retry_after`` adds the 429 parameter;
    ``body`` replaces the whole body (``garbage()`` gives one that is not JSON); ``stall`` waits
    that many seconds first (``math.inf``: until :meth:`FakeBotApi.clear_faults` or shutdown), and
    a stalled call is never recorded as answered. ``chat_id`` limits the fault to one chat.
    """

    status: int = 502
    retry_after: int | None = None
    body: bytes | None = None
    stall: float = 0.0
    chat_id: int | None = None

    @classmethod
    def garbage(cls, chat_id: int | None = None) -> Fault:
        return cls(status=200, body=b"<html><body>502 Bad Gateway</body></html>", chat_id=chat_id)

    @property
    def kind(self) -> str:
        if self.stall:
            return "stall"
        if self.body is not None:
            return "garbage"
        return "retry_after" if self.retry_after is not None else "status"

    def matches(self, params: dict[str, Any]) -> bool:
        if self.chat_id is None:
            return True
        try:
            return int(params.get("chat_id", 0)) == self.chat_id
        except (TypeError, ValueError):
            return False

    def response(self) -> web.Response:
        if self.body is not None:
            return web.Response(status=self.status, body=self.body, content_type="text/html")
        payload: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": _DESCRIPTIONS.get(self.status, f"Error {self.status}"),
        }
        if self.retry_after is not None:
            payload["description"] = f"Too Many Requests: retry after {self.retry_after}"
            payload["parameters"] = {"retry_after": self.retry_after}
        return web.json_response(payload, status=self.status)


_DESCRIPTIONS = {
    400: "Bad Request: can't parse entities",
    401: "Unauthorized",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def _decode(value: Any) -> Any:
    """Form fields arrive as strings; PTB JSON-encodes objects and lists."""
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class FakeBotApi:
    def __init__(self, token: str, *, poll_cap: float = 2.0) -> None:
        self.token = token
        self.poll_cap = poll_cap  # upper bound for the long-poll wait, in seconds
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.admins: set[int] = set()
        self.port: int | None = None
        self.webhook_url = ""  # set by setWebhook, cleared by deleteWebhook
        self.webhook_secret: str | None = None
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(10_000)
        self._faults: dict[str, list[list[Any]]] = {}  # method -> [[fault, times left], …]
        self._released = asyncio.Event()  # ends every stall that waits for clear_faults()
        self._changed = asyncio.Condition()  # new update, new call, fault or shutdown
        self._epoch = 0  # bumped to release pending long polls with an empty answer
        self._closing = False
        self._runner: web.AppRunner | None = None

    # --- life cycle ------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The value for TELEGRAM_API_BASE_URL."""
        assert self.port is not None, "start() the server first"
        return f"http://{HOST}:{self.port}/bot"

    async def start(self) -> FakeBotApi:
        app = web.Application()
        app.router.add_route("*", "/{prefix}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, HOST, 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        self._closing = True
        self._released.set()
        await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- test controls ---------------------------------------------------------------

    async def enqueue(self, **update: Any) -> int:
        """Queue one update (e.g. ``message={...}``); returns its update_id."""
        update_id = next(self._update_ids)
        self.updates.append({"update_id": update_id, **update})
        await self._notify()
        return update_id

    async def inject(self, method: str, fault: Fault, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` that ``fault`` matches fail; ``times=-1``: all of
        them until :meth:`clear_faults`."""
        self._add_fault(method, fault, times)
        if method == "getUpdates":
            self._epoch += 1  # a poll already waiting returns [] now, so the next calls fail
        await self._notify()

    async def clear_faults(self) -> None:
        """No more injected faults, and every stalled call is let go (with its fault's status)."""
        self._faults.clear()
        self._released.set()
        self._released = asyncio.Event()
        await self._notify()

    async def fail_get_updates(self, times: int = 1) -> None:
        """The next ``times`` getUpdates calls answer 502 Bad Gateway."""
        await self.inject("getUpdates", Fault(502), times)

    def rate_limit_send_message(self, times: int = 1, retry_after: int = 1) -> None:
        """The next ``times`` sendMessage calls answer 429 with ``retry_after``."""
        self._add_fault("sendMessage", Fault(429, retry_after=retry_after), times)

    def _add_fault(self, method: str, fault: Fault, times: int) -> None:
        self._faults.setdefault(method, []).append([fault, times])

    def _take_fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        for entry in self._faults.get(method, []):
            fault, left = entry
            if fault.matches(params):
                if left > 0:
                    entry[1] -= 1
                    if entry[1] == 0:
                        self._faults[method].remove(entry)
                return fault
        return None

    async def _answer_fault(self, method: str, params: dict[str, Any], fault: Fault) -> web.Response:
        await self._record(Call(method, params, fault.status, fault=fault.kind))
        if fault.stall:
            released = self._released
            timeout = None if math.isinf(fault.stall) else fault.stall
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(released.wait(), timeout)
        return fault.response()

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(
        self, predicate: Callable[[Call], bool], *, timeout: float = 10.0, start: int = 0
    ) -> Call:
        """The first call at index >= ``start`` matching ``predicate``; TimeoutError after ``timeout``."""

        def find() -> Call | None:
            return next((c for c in self.calls[start:] if predicate(c)), None)

        async def wait() -> Call:
            async with self._changed:
                found = find()
                while found is None:
                    await self._changed.wait()
                    found = find()
                return found

        return await asyncio.wait_for(wait(), timeout)

    async def wait_for_count(
        self, predicate: Callable[[Call], bool], count: int, *, timeout: float = 10.0, start: int = 0
    ) -> list[Call]:
        async def wait() -> list[Call]:
            async with self._changed:
                while True:
                    found = [c for c in self.calls[start:] if predicate(c)]
                    if len(found) >= count:
                        return found
                    await self._changed.wait()

        return await asyncio.wait_for(wait(), timeout)

    # --- HTTP ------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        await self._notify()

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    params.update(body)
            else:  # application/x-www-form-urlencoded or multipart/form-data
                form = await request.post()
                params.update({k: v for k, v in form.items() if isinstance(v, str)})
        return {k: _decode(v) for k, v in params.items()}

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        prefix = request.match_info["prefix"]
        if not prefix.startswith("bot"):
            return web.Response(status=404, text="404: Not Found")  # not a Bot API path at all
        if prefix != f"bot{self.token}":
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        params = await self._params(request)
        fault = self._take_fault(method, params)
        if fault is not None:
            return await self._answer_fault(method, params, fault)
        if method == "getUpdates":
            return await self._get_updates(params)
        result = self._result(method, params)
        if result is None:
            await self._record(Call(method, params, 404))
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found: method not found"}, status=404
            )
        await self._record(Call(method, params, 200, result))
        return web.json_response({"ok": True, "result": result})

    async def _get_updates(self, params: dict[str, Any]) -> web.Response:
        if self.webhook_url:
            await self._record(Call("getUpdates", params, 409))
            return web.json_response(
                {
                    "ok": False,
                    "error_code": 409,
                    "description": "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                },
                status=409,
            )
        await self._record(Call("getUpdates", params))
        offset = int(params.get("offset") or 0)
        timeout = min(max(float(params.get("timeout") or 0), 0.0), self.poll_cap)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        if offset:  # like Telegram: updates below the offset are confirmed and forgotten
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

        def pending() -> list[dict[str, Any]]:
            return [u for u in self.updates if u["update_id"] >= offset][:limit]

        epoch = self._epoch
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        async with self._changed:
            while not pending() and not self._closing and epoch == self._epoch:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    break
        result = [] if epoch != self._epoch else pending()
        return web.json_response({"ok": True, "result": result})

    # --- results ---------------------------------------------------------------------

    def _bot_user(self) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "状态码助手", "username": BOT_USERNAME}

    def _message(self, params: dict[str, Any], message_id: int, **extra: Any) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 1))
        chat: dict[str, Any] = (
            {"id": chat_id, "type": "private", "first_name": "用户"}
            if chat_id > 0
            else {"id": chat_id, "type": "supergroup", "title": "群"}
        )
        msg: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": self._bot_user(),
            "text": str(params.get("text", "")),
            **extra,
        }
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        return msg

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {
                **self._bot_user(),
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": True,
            }
        if method == "sendMessage":
            return self._message(params, next(self._message_ids))
        if method == "editMessageText":
            if "inline_message_id" in params:
                return True
            return self._message(params, int(params["message_id"]), edit_date=int(time.time()))
        if method == "getChatMember":
            user_id = int(params["user_id"])
            return chat_member_json(user_id, admin=user_id in self.admins)
        if method == "getWebhookInfo":
            return {
                "url": self.webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": len(self.updates),
            }
        if method == "setWebhook":
            self.webhook_url = str(params.get("url", ""))
            self.webhook_secret = params.get("secret_token") or None
            if str(params.get("drop_pending_updates", "")).lower() in ("true", "1"):
                self.updates.clear()
            return True
        if method == "deleteWebhook":
            self.webhook_url = ""
            self.webhook_secret = None
            if str(params.get("drop_pending_updates", "")).lower() in ("true", "1"):
                self.updates.clear()
            return True
        if method in (
            "setMyCommands",
            "deleteMyCommands",
            "answerCallbackQuery",
            "answerInlineQuery",
            "close",
            "logOut",
        ):
            return True
        return None
