"""What the Bot API's failures mean: which ones pass by themselves, and which ones end the process.

Transient: 5xx, timeouts and other network errors, 429 (``RetryAfter``) and a reply that is not JSON.
Fatal: 401 (the token was rejected) and 404 (``TELEGRAM_API_BASE_URL`` is not a Bot API, since a
real Bot API answers 404 only for a malformed token or an unknown method, and neither happens here).
"""

from __future__ import annotations

import datetime as dtm
import json
import warnings
from http import HTTPStatus
from typing import Any

from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.request import HTTPXRequest, RequestData
from telegram.warnings import PTBDeprecationWarning

GARBAGE_REPLY = "Invalid server response"  # PTB's own wording for a reply that is not JSON


class ApiAddressError(TelegramError):
    """The server at TELEGRAM_API_BASE_URL answered 404: it is not a Bot API, or the path is wrong."""


class BotApiRequest(HTTPXRequest):
    """HTTPXRequest that tells a wrong API address from a rejected token and reads garbage quietly."""

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **timeouts: Any
    ) -> tuple[int, bytes]:
        code, payload = await super().do_request(url, method, request_data, **timeouts)
        # PTB reports 404 as InvalidToken ("token rejected"), which sends people the wrong way.
        if code == HTTPStatus.NOT_FOUND:
            raise ApiAddressError("Not Found (404)")
        return code, payload

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict:
        # PTB logs the whole body with a traceback first; one line from the caller is enough.
        try:
            data = json.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            raise TelegramError(GARBAGE_REPLY) from None
        if not isinstance(data, dict):
            raise TelegramError(GARBAGE_REPLY)
        return data


def is_fatal(exc: BaseException) -> bool:
    """401 or 404: retrying cannot help, a person has to fix the token or the address."""
    return isinstance(exc, InvalidToken | ApiAddressError)


def is_transient(exc: BaseException) -> bool:
    """Worth another try: the same request may well succeed in a moment."""
    if isinstance(exc, RetryAfter):
        return True
    if isinstance(exc, NetworkError):  # 5xx, timeouts, refused connections; not 400
        return not isinstance(exc, BadRequest)
    return type(exc) is TelegramError and str(exc) == GARBAGE_REPLY


def retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # the int form is deprecated; either form is fine here
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


def describe(exc: BaseException) -> str:
    """One short line for the log: the exception's message, never the request URL."""
    text = str(exc)
    if text == GARBAGE_REPLY:
        return "回复不是 JSON（Invalid server response）"
    return text.splitlines()[0][:200] if text else type(exc).__name__
