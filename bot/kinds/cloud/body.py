"""Read a pasted cloud-API error body: what error code and message it carries.

Handles Aliyun JSON (``{"Code": ..., "Message": ..., "RequestId": ...}``) and OSS XML
(``<Code>NoSuchKey</Code>``), Huawei JSON (``error_code`` / ``error_msg``), Tencent JSON
(``{"Response": {"Error": {"Code": ..., "Message": ...}}}``), CLI output lines
(``ErrorCode: X``) and SDK exception strings (``code:X message:Y``). Truncated or invalid
JSON is read with patterns instead.

Worst case: linear in the text. ``json.loads`` is linear and its nesting errors are caught;
the JSON walk visits at most ``_MAX_NODES`` values without recursion. The regular expressions
below have no nested or adjacent unbounded repeats that can trade characters (each ``\\s*``
is followed by a character it cannot match, each capture is bounded or ends the pattern), so
every attempt is bounded by the run it scans and runs are not rescanned; XML tags and CLI
message lines are cut with ``str.find`` rather than lazy patterns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.core.text import places


@dataclass(frozen=True, slots=True)
class Body:
    """What an error body pasted by the user says."""

    code: str = ""
    message: str = ""
    provider: str = ""


# Only group(1) is read: a quote before the key would only move the match's start, so the
# patterns start at the key, whose first letters let the engine skip ahead in C (~3× faster).
_JSON_CODE_RE = re.compile(
    r"(?:Code|code|ErrorCode|errorCode|error_code|errcode)[\"']?\s*[:=]\s*[\"']([^\"'\s,}]{2,80})(?:[\"']|$)"
)
_JSON_MSG_RE = re.compile(
    r"(?:Message|message|ErrorMessage|errorMessage|error_msg|errmsg|msg)[\"']?\s*[:=]\s*"
    r"[\"']((?:[^\"'\\]|\\.){2,400})"
)
# Where each key of the two patterns above starts, from the place of a part every one of them
# holds: "code" at 0 (code), 3 (errcode) or 6 (error_code); "Code" at 0 or 5 (ErrorCode) ...
_CODE_ANCHORS = (("code", (0, 3, 6)), ("Code", (0, 5)))
_MSG_ANCHORS = (("essage", (1, 6)), ("msg", (0, 3, 6)))
_KEYED_FROM = 256  # characters: a shorter text is searched faster by the pattern itself
# CLI lines ("ErrorCode: X") and SDK exception strings ("code:X message:Y requestId:Z").
_CLI_CODE_RE = re.compile(r"(?i)(?<![a-z])(?:error\s*code|errorcode|code)\s*[:：=]\s*([A-Za-z][\w.\-]*)")
_CLI_MSG_KEY_RE = re.compile(r"(?i)(?<![a-z])(?:error\s*message|errormessage|message|msg)\s*[:：=]\s*")
_REQUEST_ID_RE = re.compile(r"(?i)(?<![a-z])request\s*id\s*[:：=]")
# An SDK exception's "… HTTP Status: 403 Error: The specified snapshot has not completed yet.
# RequestID: …": "Error:" then an English sentence (read only when the text names a cloud).
# Led by its E, the look-behind after it: led by the look-behind it was tried at every position.
_ERROR_KEY_RE = re.compile(r"E(?<![A-Za-z]E)rror\s?:\s?(?=[A-Z][a-z])")
# A JSON walk looks at this many values at most: error fields sit near the top.
_MAX_NODES = 2000


def _find_key(data: Any, keys: tuple[str, ...]) -> str:
    """The first string value under one of ``keys`` (case-insensitive), breadth first."""
    queue = [data]
    seen = 0
    while queue and seen < _MAX_NODES:
        level, queue = queue, []
        for node in level:
            seen += 1
            if isinstance(node, dict):
                lowered = {str(k).lower(): v for k, v in node.items()}
                for key in keys:
                    value = lowered.get(key)
                    if isinstance(value, str | int) and not isinstance(value, bool):
                        found = str(value).strip()
                        if found:
                            return found
                queue.extend(v for v in node.values() if isinstance(v, dict | list))
            elif isinstance(node, list):
                queue.extend(v for v in node if isinstance(v, dict | list))
    return ""


def _keyed_search(
    pattern: re.Pattern[str], text: str, anchors: tuple[tuple[str, tuple[int, ...]], ...]
) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern that starts with one of its keys and looks at
    nothing before them, tried only where a key can start (``anchors``: a part every key
    holds, and how far into a key it may sit). On a long paste the pattern stopped at every
    "c", "e" or "m" to try its keys (~30 µs each on 4 KB); ``str.find`` of the parts runs in
    C, and the places are tried in order, so the first match is the one a search finds."""
    if len(text) < _KEYED_FROM:
        return pattern.search(text)
    starts = {
        at - back for part, backs in anchors for at in places(text, (part,)) for back in backs if at >= back
    }
    match = pattern.match
    return next((m for at in sorted(starts) if (m := match(text, at)) is not None), None)


def _xml_value(text: str, tag: str, longest: int, *, open_end: bool = False) -> str:
    """The stripped text of the first ``<tag>…</tag>`` holding 2..``longest`` characters.

    With ``open_end`` a tag whose closing part was cut off by the paste also counts.
    """
    opening, closing = f"<{tag}>", f"</{tag}>"
    at = text.find(opening)
    while at >= 0:
        start = at + len(opening)
        end = text.find("<", start)
        closed = end >= 0 and text.startswith(closing, end)
        if closed or (end < 0 and open_end):
            value = text[start : end if end >= 0 else len(text)].strip()
            if 2 <= len(value) <= longest:
                return value
        if end < 0:
            return ""
        at = text.find(opening, end)
    return ""


# The case-blind CLI patterns have no first-character table: the engine tries their
# look-behind at every position (0.1–0.25 ms on 4 KB). A match starts at one of the key's
# words in any case; where ``lowered`` lines up with the text (each character lowered to
# one), those are the places of the words in it, and the patterns are tried there alone.
# Trying the places in order finds what a search would, with the same groups (the
# look-behind still sees the character before). "ſ" is an "s" to ``(?i)`` and not to
# ``lower()``: a text holding it is searched as before.
def _cli_code(text: str, lowered: str) -> re.Match[str] | None:
    """``_CLI_CODE_RE.search(text)``, tried only where "error" or "code" starts."""
    if len(lowered) != len(text):  # "İ" lowers to two characters: places would not line up
        return _CLI_CODE_RE.search(text)
    match = _CLI_CODE_RE.match
    return next((m for at in places(lowered, ("error", "code")) if (m := match(text, at))), None)


def _cli_message_keys(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """``_CLI_MSG_KEY_RE.finditer(text)``, tried only where "error", "message" or "msg" starts."""
    if len(lowered) != len(text) or "ſ" in text:
        yield from _CLI_MSG_KEY_RE.finditer(text)
        return
    match, end = _CLI_MSG_KEY_RE.match, 0
    for at in places(lowered, ("error", "message", "msg")):
        if at >= end and (m := match(text, at)) is not None:  # matches do not overlap
            yield m
            end = m.end()


def _cli_message(text: str, lowered: str) -> str:
    """``message: …`` up to the end of its line or a ``RequestId:`` on the same line."""
    # The case-blind key needs "message" or "msg" (or "ſ", which (?i) reads as "s"): the test
    # is one pass in C, the pattern's look-behind at every position ~0.1 ms on 4 KB.
    if "message" not in lowered and "msg" not in lowered and "ſ" not in text:
        return ""
    for m in _cli_message_keys(text, lowered):
        line_end = text.find("\n", m.end())
        line = text[m.end() : line_end if line_end >= 0 else len(text)]
        cut = _REQUEST_ID_RE.search(line)
        value = (line[: cut.start()] if cut and cut.start() > 0 else line).strip()
        if value:
            return value
    return ""


def _json_object(text: str) -> Any:
    start, end = text.find("{"), text.rfind("}")
    if not 0 <= start < end:
        return None
    try:
        return json.loads(text[start : end + 1])
    except (ValueError, RecursionError):  # truncated, invalid or absurdly nested
        return None


def _error_sentence(text: str) -> str:
    """The last ``Error: <English sentence>`` up to its line's end or a ``RequestId:``."""
    found = ""
    for m in _ERROR_KEY_RE.finditer(text):
        line_end = text.find("\n", m.end())
        line = text[m.end() : line_end if line_end >= 0 else len(text)]
        cut = _REQUEST_ID_RE.search(line)
        found = (line[: cut.start()] if cut and cut.start() > 0 else line).strip() or found
    return found


def parse_body(text: str, *, cloud_named: bool = False) -> Body | None:
    """Read an error body: Aliyun JSON/XML, Huawei JSON, Tencent JSON, or CLI output lines.
    ``cloud_named``: the text names a cloud, so a bare ``Error: <sentence>`` is its message
    (elsewhere it is as often a runtime's own error: "Error: connect ECONNREFUSED")."""
    provider = ""
    code = message = ""
    data = _json_object(text)
    if isinstance(data, dict):
        if isinstance(data.get("Response"), dict) and isinstance(data["Response"].get("Error"), dict):
            provider = "tencentcloud"
        elif any(k in data for k in ("error_code", "error_msg")):
            provider = "huaweicloud"
        code = _find_key(data, ("code", "errorcode", "error_code", "errcode"))
        message = _find_key(data, ("message", "errormessage", "error_msg", "errmsg", "msg"))
    lowered = text.lower()  # no other character is "code" to the case-blind patterns
    if not code:
        m = _keyed_search(_JSON_CODE_RE, text, _CODE_ANCHORS)
        code = m.group(1).strip() if m else _xml_value(text, "Code", 80)
        # grpc-go's "rpc error: code = Unavailable desc = …" is a gRPC status, not a CLI line.
        if not code and "rpc error" not in text and "code" in lowered and (m := _cli_code(text, lowered)):
            code = m.group(1).strip()
    if not message:
        if m := _keyed_search(_JSON_MSG_RE, text, _MSG_ANCHORS):
            message = m.group(1).replace('\\"', '"').strip()
        else:
            message = _xml_value(text, "Message", 400, open_end=True) or _cli_message(text, lowered)
        if not message and cloud_named and "Error" in text:
            message = _error_sentence(text)
    if not provider:
        if ('"Response"' in text and '"Error"' in text) or "Response.Error" in text:
            provider = "tencentcloud"  # also as SDKs print the path: "Response.Error.Message: …"
        elif "error_code" in text or "error_msg" in text:
            provider = "huaweicloud"
        elif "RequestId" in text and ("HostId" in text or "Recommend" in text):
            provider = "aliyun"
    if code.isdigit():  # numeric codes are HTTP statuses or vendor-internal numbers
        code = ""
    if not code and not message:
        return None
    return Body(code=code, message=message, provider=provider)
