"""The status kind's records: status codes, their classes, and where each is defined.

Plain immutable data, built once by the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Registry states, as the IANA registry and the vendors describe a code.
REGISTRY_STATES = ("assigned", "temporary", "reserved", "obsoleted", "unofficial")


@dataclass(frozen=True, slots=True)
class Spec:
    """Where a code is defined: an RFC section or a vendor's documentation."""

    org: str  # "IETF" for RFCs, otherwise the vendor: "nginx", "Cloudflare", ...
    ref: str  # "RFC 9110", "nginx source", "Cloudflare docs", ...
    section: str = ""  # "15.6.5" for RFCs; empty when the source has no sections
    url: str = ""

    @property
    def label(self) -> str:
        if self.section:
            return f"{self.ref} §{self.section}"
        return self.ref


@dataclass(frozen=True, slots=True)
class SeedNote:
    """The user's own words for a code, from the seed document."""

    meaning: str
    note: str


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """One ``[[status]]`` table; its fields are declared by ``loader.STATUS_FIELDS``."""

    code: int
    name_zh: str
    phrase: str  # the current official English reason phrase
    registry: str  # one of REGISTRY_STATES
    spec: Spec
    summary: str
    meaning: str
    causes: tuple[str, ...]
    fix_client: tuple[str, ...]
    fix_server: tuple[str, ...]
    aliases: tuple[str, ...]
    source_file: str
    phrase_aliases: tuple[str, ...] = ()  # older or popular English names
    received_as: str = ""  # vendor codes: what the client really gets
    sent_as: int | None = None  # a code that never leaves the server: the status sent instead
    retry: str = ""
    related: tuple[int, ...] = ()
    signatures: tuple[str, ...] = ()  # log lines and client messages that point at this code
    # How people describe the situation without naming the code (retrieval text, not shown).
    descriptions: tuple[str, ...] = ()
    # Vague symptoms this code is a common answer to ("打不开", "挂了"): see bot.core.symptoms.
    symptoms: tuple[str, ...] = ()
    seed: SeedNote | None = None

    @property
    def klass(self) -> int:
        return self.code // 100

    # --- the Answer protocol (bot.core.match) ---------------------------------------
    @property
    def status(self) -> int:
        return self.code

    @property
    def title(self) -> str:
        return f"{self.code} {self.phrase}（{self.name_zh}）"

    def json_fields(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True, slots=True)
class StatusClass:
    digit: int  # 1..5
    name_zh: str
    name_en: str
    summary: str
    seed_note: str
    aliases: tuple[str, ...]
    source_file: str


@dataclass(frozen=True, slots=True)
class StatusData:
    """What the status kind loads: every code and the five classes."""

    statuses: dict[int, StatusEntry]
    classes: dict[int, StatusClass]
    files: tuple[str, ...] = field(default=())

    def codes_in_class(self, digit: int) -> list[StatusEntry]:
        return [self.statuses[c] for c in sorted(self.statuses) if c // 100 == digit]


# The codes people meet most, by class: what an overview of all statuses lists.
COMMON_CODES = {
    1: (100, 101, 103),
    2: (200, 201, 202, 204, 206),
    3: (301, 302, 304, 307, 308),
    4: (400, 401, 403, 404, 405, 408, 409, 413, 415, 422, 429),
    5: (500, 501, 502, 503, 504),
}
