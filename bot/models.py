"""Immutable records the knowledge base is made of.

Everything here is plain data: the loader builds these once at start-up and the
rest of the program only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    code: int
    name_zh: str
    phrase: str  # the current official English reason phrase
    phrase_aliases: tuple[str, ...]  # older or popular English names
    registry: str  # one of REGISTRY_STATES
    spec: Spec
    received_as: str  # vendor codes: what the client really gets; "" for standard codes
    summary: str
    meaning: str
    causes: tuple[str, ...]
    fix_client: tuple[str, ...]
    fix_server: tuple[str, ...]
    retry: str
    related: tuple[int, ...]
    aliases: tuple[str, ...]
    signatures: tuple[str, ...]  # log lines and client messages that point at this code
    seed: SeedNote | None
    source_file: str

    @property
    def klass(self) -> int:
        return self.code // 100

    @property
    def is_standard(self) -> bool:
        return self.spec.org == "IETF"


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
class CloudError:
    """One documented (provider, product, error code, HTTP status) row."""

    provider: str  # "aliyun" | "huaweicloud" | "tencentcloud"
    product: str  # "ECS", "OBS", "CVM", ...
    error_code: str
    status: int | None  # None where the API returns errors inside an HTTP 200 body
    other_statuses: tuple[int, ...]  # statuses the same code has in other APIs
    message_zh: str
    message_en: str
    api: str  # API names or table the row comes from; may be empty
    source: str  # repository@commit:path of the row
    seed_message: str = ""  # the seed document's wording, when this row is one of the seed's


@dataclass(frozen=True, slots=True)
class ErrorFamily:
    """Naming conventions shared by many cloud error codes (``*.NotFound`` ...)."""

    name: str
    patterns: tuple[str, ...]  # fnmatch-style, matched case-insensitively against the code
    title: str
    meaning: str
    fixes: tuple[str, ...]
    typical_status: int | None
    source_file: str


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    statuses: dict[int, StatusEntry]
    classes: dict[int, StatusClass]
    cloud_errors: tuple[CloudError, ...] = ()
    families: tuple[ErrorFamily, ...] = ()
    files: tuple[str, ...] = field(default=())

    def get(self, code: int) -> StatusEntry | None:
        return self.statuses.get(code)

    def codes_in_class(self, digit: int) -> list[StatusEntry]:
        return [self.statuses[c] for c in sorted(self.statuses) if c // 100 == digit]
