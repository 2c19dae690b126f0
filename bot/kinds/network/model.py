"""The network kind's records: errors that never reached HTTP (CORS, DNS, TCP, TLS,
Chromium ``net::ERR_*``, curl, gRPC, WebSocket)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FAMILIES = ("cors", "dns", "tcp", "tls", "browser", "curl", "grpc", "websocket")


@dataclass(frozen=True, slots=True)
class Fact:
    """One identifier from the imported reference tables (knowledge/network/facts.tsv)."""

    family: str
    name: str
    number: int | None
    message: str  # the source's own short English string; may be empty
    source: str


@dataclass(frozen=True, slots=True)
class NetworkEntry:
    """A network error: a full card (hand-written) or a short one from its fact alone."""

    name: str  # canonical: ECONNREFUSED, ERR_CERT_DATE_INVALID, CURLE_COULDNT_CONNECT, UNAVAILABLE, 1006
    family: str
    number: int | None
    title_zh: str
    title_en: str
    layer: str = ""
    summary: str = ""
    meaning: str = ""
    causes: tuple[str, ...] = ()
    fix_client: tuple[str, ...] = ()
    fix_server: tuple[str, ...] = ()
    retry: str = ""
    signatures: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    # Everyday words for the whole topic ("跨域"): with no card of the family read, the
    # question is about its commonest case, this card.
    topic_words: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()  # vague symptoms it is a common answer to (bot.core.symptoms)
    see_also: tuple[str, ...] = ()
    statuses: tuple[int, ...] = ()
    http: int | None = None  # gRPC: code.proto's HTTP mapping
    from_http: tuple[int, ...] = ()  # gRPC: HTTP statuses a client maps to this code
    source_ref: str = ""
    source_url: str = ""
    fallback: bool = False  # a catch-all wording, used only when nothing more specific matches
    full: bool = True  # False: a short card built from the fact alone
    source_file: str = ""

    # --- the Answer protocol (bot.core.match) ---------------------------------------
    @property
    def status(self) -> None:
        return None  # it never reached HTTP

    @property
    def title(self) -> str:
        return f"{self.name}（{self.title_zh}）"

    def json_fields(self) -> dict[str, Any]:
        return {"error_code": self.name, "family": self.family}


@dataclass(frozen=True, slots=True)
class NetworkData:
    entries: dict[str, NetworkEntry]  # by name: every card and every fact
    files: tuple[str, ...] = field(default=())

    @property
    def cards(self) -> list[NetworkEntry]:
        return [e for e in self.entries.values() if e.full]
