"""The cloud kind's records: documented error rows, naming families, and a matched answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PROVIDER_ORDER = ("aliyun", "huaweicloud", "tencentcloud")
PROVIDER_ZH = {"aliyun": "阿里云", "huaweicloud": "华为云", "tencentcloud": "腾讯云"}
# The product column of the errors every API of a cloud may return (signature, throttling ...).
COMMON_PRODUCT = "公共错误码"
# Products whose errors any API of their cloud may return: the common codes, and Huawei's API
# gateway, which stands in front of every Huawei API (its runtime answers "IAM认证信息错误").
EVERY_API = frozenset({COMMON_PRODUCT, "APIG (gateway runtime)"})
# An SDK's own errors, raised on the client before any request is sent: no HTTP status at all.
CLIENT_SIDE = frozenset({("aliyun", "SDK")})


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
    # Where message_en comes from when the vendor's table gives none: object storage answers
    # in S3's own English wording (knowledge/cloud/s3_wording.toml).
    message_en_source: str = ""

    @property
    def table_message_en(self) -> str:
        """The vendor table's own English message: "" where message_en is S3's wording, added
        at load (the meaning index and the sampled eval read the tables, not that wording)."""
        return "" if self.message_en_source else self.message_en


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
    related: tuple[int, ...] = ()  # statuses other APIs use for the same situation (欠费 → 402)
    # Plain words that name the situation without a code ("签名不匹配", "invalid signature"):
    # a question that says them, naming no cloud, is answered with the family's card.
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Commonest:
    """A code its vendor's own documentation names as the one returned in a situation that
    several codes of its table describe (knowledge/cloud/commonest.toml)."""

    provider: str
    code: str
    says: tuple[frozenset[str], ...]  # concepts a question must say: one of each set
    source: str
    # API actions whose own documentation lists the code ("StopInstance"): named or implied,
    # they make it the answer over another code's message quoted word for word.
    calls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CloudData:
    """What the cloud kind loads: every documented row, the naming families, and the codes
    their vendors name as the commonest of alike ones."""

    rows: tuple[CloudError, ...]
    families: tuple[ErrorFamily, ...]
    files: tuple[str, ...] = field(default=())
    commonest: tuple[Commonest, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class CloudAnswer:
    """A matched cloud error: the best documented row, or a naming family's reading."""

    error_code: str  # as documented (or as typed, for a family reading)
    error: CloudError | None = None  # the best documented row
    family: ErrorFamily | None = None  # the naming convention that explains the code
    variants: tuple[CloudError, ...] = ()  # other rows with the same code (other APIs/statuses)
    # A family asked about in plain words: its documented codes, (provider, code), each
    # provider's commonest first (the card lists them: which code each cloud returns).
    members: tuple[tuple[str, str], ...] = ()
    # The cloud a family reading's undocumented code came from, when the question named one
    # (or pasted its body): "腾讯云 … ResourceNotFound.CdnHostNotExists" is Tencent's code.
    named_provider: str = ""

    @property
    def provider(self) -> str:
        return self.error.provider if self.error else self.named_provider

    @property
    def status(self) -> int | None:
        if self.error is not None:
            return self.error.status
        return self.family.typical_status if self.family is not None else None

    @property
    def all_statuses(self) -> tuple[int, ...]:
        """Every HTTP status the matched error code is documented with, across APIs."""
        rows = ([self.error] if self.error else []) + list(self.variants)
        found = {r.status for r in rows if r.status is not None}
        if self.error is not None:
            found.update(self.error.other_statuses)
        return tuple(sorted(found))

    @property
    def title(self) -> str:
        if self.error is not None:
            return f"{self.error.error_code}: {self.error.message_zh or self.error.message_en}"
        if self.family is not None:
            return f"{self.error_code}: {self.family.title}" if self.error_code else self.family.title
        return self.error_code

    def json_fields(self) -> dict[str, Any]:
        row = self.error
        data: dict[str, Any] = {
            "provider": self.provider,
            "product": row.product if row else "",
            "error_code": self.error_code or (row.error_code if row else ""),
        }
        if self.family is not None:
            data["family"] = self.family.name
        if self.members:
            data["members"] = [f"{provider}:{code}" for provider, code in self.members]
        data["all_statuses"] = list(self.all_statuses)
        return data
