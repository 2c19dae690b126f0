"""What the resolver returns: matches of any kind, and how to lay them out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from bot.core import tuning

Mode = Literal["code", "multi", "class", "text", "none"]


class Answer(Protocol):
    """A kind's record behind a match: enough to title it, rank it and describe it in JSON."""

    @property
    def status(self) -> int | None: ...

    @property
    def title(self) -> str: ...

    def json_fields(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Match:
    kind: str  # the Kind's name ("status", "error", "network"): also the JSON "kind"
    key: str  # the kind's lossless id of the answer (buttons open it again)
    score: float  # on the one scale of bot.core.tuning
    why: str  # a short, human-readable reason ("状态码 503", "别名 网关超时" ...)
    answer: Any  # the kind's record (an Answer)
    tier: str = ""  # which lookup tier found it: "code", "alias", "signature", "body-code" ...
    order: str = ""  # tie-break among equal scores of one kind (default: the key)

    @property
    def status(self) -> int | None:
        return self.answer.status

    @property
    def title(self) -> str:
        return self.answer.title

    def to_json(self) -> dict[str, Any]:
        """The ``ask --json`` contract: status, kind, title, score, why, then the kind's fields."""
        data: dict[str, Any] = {
            "status": self.status,
            "kind": self.kind,
            "title": self.title,
            "score": round(self.score, 2),
            "why": self.why,
        }
        data.update(self.answer.json_fields())
        return data


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the resolver understood. ``owner`` is the kind that laid out a code, multi or
    class answer (it renders it); text answers are ranked matches of any kinds."""

    query: str
    mode: Mode
    matches: tuple[Match, ...]
    owner: str = ""
    group: int | None = None  # the class digit of a "5xx" answer
    unknown: tuple[tuple[str, str], ...] = ()  # (kind, identifier) named but unknown ("299")
    # Confident readings withdrawn as chatter ("这波 ECONNRESET 是因为对面服务重启了，已经恢复"):
    # not answered, but offered where a reply is due (a private chat), never in a group.
    withdrawn: tuple[Match, ...] = ()
    final: bool = False  # an outright answer that no identifier of another kind may replace
    # A typed code that reports no failure ("… net::ERR_HTTP2_PROTOCOL_ERROR 200"): an
    # identifier of any kind may replace it, and it stays beside that answer.
    yields: bool = False

    @property
    def confident(self) -> bool:
        return bool(self.matches) and (
            self.mode in ("code", "multi", "class") or self.matches[0].score >= tuning.ANSWER
        )
