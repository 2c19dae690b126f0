"""Read a pasted cloud-API error body: what error code and message it carries.

Handles Aliyun JSON (``{"Code": ..., "Message": ..., "RequestId": ...}``) and OSS XML
(``<Code>NoSuchKey</Code>``), Huawei JSON (``error_code`` / ``error_msg``), Tencent JSON
(``{"Response": {"Error": {"Code": ..., "Message": ...}}}``), CLI output lines
(``ErrorCode: X``) and SDK exception strings (``code:X message:Y``). Truncated or invalid
JSON is read with regular expressions instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Body:
    """What an error body pasted by the user says."""

    code: str = ""
    message: str = ""
    provider: str = ""


_JSON_CODE_RE = re.compile(
    r"[\"']?(?:Code|code|ErrorCode|errorCode|error_code|errcode)[\"']?\s*[:=]\s*[\"']([^\"'\s,}]{2,80})(?:[\"']|$)"
)
_JSON_MSG_RE = re.compile(
    r"[\"']?(?:Message|message|ErrorMessage|errorMessage|error_msg|errmsg|msg)[\"']?\s*[:=]\s*"
    r"[\"']((?:[^\"'\\]|\\.){2,400})"
)
_XML_CODE_RE = re.compile(r"<Code>\s*([^<]{2,80}?)\s*</Code>")
_XML_MSG_RE = re.compile(r"<Message>\s*([^<]{2,400}?)\s*(?:</Message>|$)")
# CLI lines ("ErrorCode: X") and SDK exception strings ("code:X message:Y requestId:Z").
_CLI_CODE_RE = re.compile(r"(?i)(?<![a-z])(?:error\s*code|errorcode|code)\s*[:：=]\s*([A-Za-z][\w.\-]*)")
_CLI_MSG_RE = re.compile(
    r"(?i)(?<![a-z])(?:error\s*message|errormessage|message|msg)\s*[:：=]\s*"
    r"(.+?)\s*(?=$|\n|(?<![a-z])request\s*id\s*[:：=])"
)


def _find_key(data: Any, keys: tuple[str, ...]) -> str:
    """The first string value under one of ``keys`` (case-insensitive), searching nested dicts."""
    if isinstance(data, dict):
        lowered = {str(k).lower(): v for k, v in data.items()}
        for key in keys:
            value = lowered.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
                return str(value).strip()
        for value in data.values():
            found = _find_key(value, keys)
            if found:
                return found
    return ""


def parse_body(text: str) -> Body | None:
    """Read an error body: Aliyun JSON/XML, Huawei JSON, Tencent JSON, or CLI output lines."""
    provider = ""
    code = message = ""
    start, end = text.find("{"), text.rfind("}")
    data: Any = None
    if 0 <= start < end:
        try:
            data = json.loads(text[start : end + 1])
        except ValueError:
            data = None
    if isinstance(data, dict):
        if isinstance(data.get("Response"), dict) and isinstance(data["Response"].get("Error"), dict):
            provider = "tencentcloud"
        elif any(k in data for k in ("error_code", "error_msg")):
            provider = "huaweicloud"
        code = _find_key(data, ("code", "errorcode", "error_code", "errcode"))
        message = _find_key(data, ("message", "errormessage", "error_msg", "errmsg", "msg"))
    if not code:
        for rx in (_JSON_CODE_RE, _XML_CODE_RE, _CLI_CODE_RE):
            if m := rx.search(text):
                code = m.group(1).strip()
                break
    if not message:
        for rx in (_JSON_MSG_RE, _XML_MSG_RE, _CLI_MSG_RE):
            if m := rx.search(text):
                message = m.group(1).replace('\\"', '"').strip()
                break
    if not provider:
        if '"Response"' in text and '"Error"' in text:
            provider = "tencentcloud"
        elif "error_code" in text or "error_msg" in text:
            provider = "huaweicloud"
        elif "RequestId" in text and ("HostId" in text or "Recommend" in text):
            provider = "aliyun"
    if code.isdigit():  # numeric codes are HTTP statuses or vendor-internal numbers
        code = ""
    if not code and not message:
        return None
    return Body(code=code, message=message, provider=provider)
