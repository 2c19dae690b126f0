"""A fake Bot API transport that records every call, as python-telegram-bot's own tests do."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 777000111
BOT_USERNAME = "HttpCodeTestBot"
TOKEN = "123456789:TEST-token-for-offline-tests-only"


def chat_member_json(user_id: int, admin: bool) -> dict[str, Any]:
    """A getChatMember result: a plain member, or an administrator with the usual rights."""
    user = {"id": user_id, "is_bot": False, "first_name": "u"}
    if not admin:
        return {"user": user, "status": "member"}
    rights = dict.fromkeys(
        (
            "can_manage_chat",
            "can_delete_messages",
            "can_manage_video_chats",
            "can_restrict_members",
            "can_change_info",
            "can_invite_users",
        ),
        True,
    )
    rights.update(
        dict.fromkeys(
            (
                "can_be_edited",
                "is_anonymous",
                "can_promote_members",
                "can_post_stories",
                "can_edit_stories",
                "can_delete_stories",
            ),
            False,
        )
    )
    return {"user": user, "status": "administrator", **rights}


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Call:
    method: str
    params: dict[str, Any]


@dataclass
class RecordingRequest(BaseRequest):
    """Answers like the Bot API and keeps a list of the calls made."""

    calls: list[Call] = field(default_factory=list)
    admins: set[int] = field(default_factory=set)
    next_message_id: int = 5000
    # Message ids whose edits fail with "message to edit not found" (the person deleted them).
    deleted: set[int] = field(default_factory=set)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def do_request(self, url, method, request_data: RequestData | None = None, **_: Any):
        endpoint = url.rsplit("/", 1)[-1]
        params = {} if request_data is None else json.loads(json.dumps(request_data.parameters))
        self.calls.append(Call(endpoint, params))
        if endpoint == "editMessageText" and params.get("message_id") in self.deleted:
            body = {"ok": False, "error_code": 400, "description": "Bad Request: message to edit not found"}
            return 400, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": self._result(endpoint, params)}).encode()

    def _result(self, endpoint: str, params: dict[str, Any]) -> Any:
        if endpoint == "getMe":
            return {
                "id": BOT_ID,
                "is_bot": True,
                "first_name": "状态码助手",
                "username": BOT_USERNAME,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": True,
            }
        if endpoint in ("sendMessage", "editMessageText"):
            self.next_message_id += 1
            chat_id = params.get("chat_id", 1)
            return {
                "message_id": params.get("message_id", self.next_message_id),
                "date": 1_700_000_000,
                "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "supergroup"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "状态码助手"},
                "text": params.get("text", ""),
            }
        if endpoint == "getChatMember":
            user_id = int(params["user_id"])
            return chat_member_json(user_id, admin=user_id in self.admins)
        if endpoint == "getUpdates":
            return []
        return True

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def clear(self) -> None:
        self.calls.clear()
