"""The resolver's answer type, shared by status-code and cloud-error matching."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from bot.models import CloudError, ErrorFamily, StatusEntry


@dataclass(frozen=True, slots=True)
class Match:
    kind: Literal["status", "error"]
    score: float  # 0–100, higher is better
    why: str  # a short, human-readable reason ("状态码 503", "别名 网关超时" ...)
    entry: StatusEntry | None = None  # kind == "status"
    error: CloudError | None = None  # kind == "error": the best documented row
    family: ErrorFamily | None = None  # kind == "error": naming-convention explanation
    error_code: str = ""  # kind == "error": the code as documented (or as typed, for families)
    variants: tuple[CloudError, ...] = ()  # other rows with the same code (other APIs/statuses)
    tier: str = ""  # which lookup tier found it: "code", "class", "signature", "alias", "fuzzy" ...

    @property
    def status(self) -> int | None:
        if self.entry is not None:
            return self.entry.code
        if self.error is not None:
            return self.error.status
        if self.family is not None:
            return self.family.typical_status
        return None

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
        if self.entry is not None:
            return f"{self.entry.code} {self.entry.phrase}（{self.entry.name_zh}）"
        if self.error is not None:
            message = self.error.message_zh or self.error.message_en
            return f"{self.error.error_code}: {message}"
        if self.family is not None:
            return f"{self.error_code}: {self.family.title}"
        return ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status,
            "kind": self.kind,
            "title": self.title,
            "score": round(self.score, 2),
            "why": self.why,
        }
        if self.kind == "error":
            row = self.error
            data["provider"] = row.provider if row else ""
            data["product"] = row.product if row else ""
            data["error_code"] = self.error_code or (row.error_code if row else "")
            if self.family is not None:
                data["family"] = self.family.name
            data["all_statuses"] = list(self.all_statuses)
        return data
