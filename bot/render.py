"""Cards: what the bot and the terminal show for a resolved question.

Each function returns a :class:`Reply` (a :class:`~bot.richtext.Doc` plus
abstract buttons). The Telegram layer turns buttons into inline keyboards; the
terminal prints ``doc.plain()``. Nothing here knows about Telegram: the caller
passes the size limit (``limit``, in characters of HTML), and the default is
merely the common case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.match import Match
from bot.models import CloudError, KnowledgeBase, StatusEntry
from bot.resolver import Resolution
from bot.richtext import Doc, Line, b, code, i, link, t

TELEGRAM_LIMIT = 4096  # the default limit: a Telegram message holds at most 4096 characters
CLASS_EMOJI = {1: "ℹ️", 2: "✅", 3: "↪️", 4: "⚠️", 5: "🔥"}
PROVIDER_NAMES = {"aliyun": "阿里云", "huaweicloud": "华为云", "tencentcloud": "腾讯云"}
REGISTRY_ZH = {
    "assigned": "IANA 已登记",
    "temporary": "IANA 临时登记",
    "reserved": "IANA 保留（未使用）",
    "obsoleted": "已废弃",
    "unofficial": "非标准",
}
EXAMPLES = ("/code 503", "网关超时怎么办", "401 和 403 的区别", "5xx", "InvalidImageId.NotFound")
_ECHO_MAX = 80
MAX_COMPARE_BUTTONS = 24  # a keyboard of 8 rows; more buttons bury the message
_TITLE_CODES = 12  # codes named in a comparison's title before "等 N 个"
_LISTED_CODES = 40  # codes spelled out in a "另有 N 个" line
# Bidirectional overrides would flip the rest of a reply around when echoed back.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    action: str  # "code:503", "full:503", "brief:503", "class:5", "err:<provider>:<code>"


@dataclass(eq=False)  # identity semantics: cached replies can key other caches
class Reply:
    """A finished answer. Treat it as read-only once built: its HTML is computed once."""

    doc: Doc
    buttons: list[list[Button]] = field(default_factory=list)
    _html: str | None = field(default=None, init=False, repr=False)

    def html(self) -> str:
        if self._html is None:
            self._html = self.doc.html()
        return self._html

    def plain(self) -> str:
        return self.doc.plain()


def echo(text: str) -> str:
    """User text shown back in a reply: one line, bounded length, no control characters
    (a terminal would obey an echoed escape sequence); HTML escaping is Span's job."""
    head = text[: _ECHO_MAX * 4]  # bounded work however long the message
    cleaned = "".join(" " if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc" else ch for ch in head)
    flat = " ".join(cleaned.split())
    return flat if len(flat) <= _ECHO_MAX else flat[: _ECHO_MAX - 1] + "…"


def _line_size(line: Line) -> int:
    return len("".join(span.html() for span in line))


def fit(reply: Reply, limit: int = TELEGRAM_LIMIT) -> Reply:
    """The reply cut after the last whole line that fits within ``limit``, saying so.

    The last guard for every answer: cutting between lines keeps the HTML valid, since
    every tag opens and closes within one span.
    """
    if len(reply.html()) <= limit:
        return reply
    note: Line = (t("…（内容太长，后面的已省略）"),)
    used = _line_size(note)
    kept: list[Line] = []
    for line in reply.doc.lines:
        used += _line_size(line) + 1  # + the newline before the note or the next line
        if used > limit:
            break
        kept.append(line)
    return Reply(Doc([*kept, note]), reply.buttons)


def _code_list(entries: Sequence[int]) -> str:
    """Codes spelled out compactly: "500、502、503…" with at most _LISTED_CODES of them."""
    shown = "、".join(str(c) for c in entries[:_LISTED_CODES])
    return shown + ("…" if len(entries) > _LISTED_CODES else "")


def heading(entry: StatusEntry) -> str:
    return f"{entry.code} {entry.phrase}"


def short_label(entry: StatusEntry) -> str:
    return f"{entry.code} {entry.name_zh}"


# --- status card -----------------------------------------------------------------------


def status_card(
    kb: KnowledgeBase, entry: StatusEntry, detailed: bool = True, limit: int = TELEGRAM_LIMIT
) -> Reply:
    reply = _status_card(kb, entry, detailed)
    if detailed and len(reply.html()) > limit:
        reply = _status_card(kb, entry, detailed=False)
    return fit(reply, limit)


def _status_card(kb: KnowledgeBase, entry: StatusEntry, detailed: bool) -> Reply:
    doc = Doc()
    cls = kb.classes.get(entry.klass)
    doc.add(f"{CLASS_EMOJI.get(entry.klass, '')} ", b(heading(entry)))
    sub = [b(entry.name_zh)]
    if cls:
        sub.append(t(f" · {cls.name_zh}（{entry.klass}xx）"))
    if entry.registry != "assigned":
        sub.append(t(f" · {REGISTRY_ZH[entry.registry]}"))
    doc.add(*sub)
    if entry.phrase_aliases:
        doc.add(t("又称："), t(" / ".join(entry.phrase_aliases)))
    doc.add(i(entry.summary))
    if entry.received_as:
        doc.add(t("📨 客户端实际收到："), t(entry.received_as))

    doc.blank().add(b("含义"))
    doc.add(entry.meaning)
    if entry.seed:
        note = "，".join(p for p in (entry.seed.meaning, entry.seed.note) if p)
        doc.add(t("📝 原文档："), t(note))

    if detailed:
        doc.blank().add(b("常见原因"))
        for cause in entry.causes:
            doc.add(f"• {cause}")
        doc.blank().add(b("怎么解决"))
        doc.add(t("👤 客户端："))
        for fix in entry.fix_client:
            doc.add(f"• {fix}")
        doc.add(t("🛠 服务端 / 运维："))
        for fix in entry.fix_server:
            doc.add(f"• {fix}")
        if entry.signatures:
            doc.blank().add(b("日志里常见"))
            for sig in entry.signatures[:4]:
                doc.add(t("• "), code(sig))
    if entry.retry:
        doc.blank().add(t("🔁 "), b("重试："), t(entry.retry))

    doc.blank()
    spec = entry.spec
    source = link(spec.label, spec.url) if spec.url else t(spec.label)
    doc.add(t("📖 出处："), t(f"{spec.org} · ") if spec.org != "IETF" else t(""), source)
    related = [kb.statuses[c] for c in entry.related if c in kb.statuses]
    if related:
        doc.add(t("🔗 相关："), t(" · ".join(short_label(r) for r in related)))

    toggle = Button("简略", f"brief:{entry.code}") if detailed else Button("详细", f"full:{entry.code}")
    rows = [
        [Button(short_label(r), f"code:{r.code}") for r in related[i : i + 3]]
        for i in range(0, len(related), 3)
    ]
    return Reply(doc, [*rows, [toggle]])


# --- several codes, classes, suggestions -------------------------------------------------


def comparison(kb: KnowledgeBase, entries: list[StatusEntry], limit: int = TELEGRAM_LIMIT) -> Reply:
    """Several codes side by side: the facts that tell them apart, compactly.

    When they do not fit, each code gets its heading and summary, then its heading only,
    as many as fit; the rest are counted and named by number.
    """
    codes = [e.code for e in entries]
    more = f" 等 {len(codes)} 个" if len(codes) > _TITLE_CODES else ""
    title: Line = (b("对比："), t(" vs ".join(map(str, codes[:_TITLE_CODES])) + more))
    doc = Doc([title])
    for entry in entries:
        doc.blank()
        doc.add(*_entry_heading(entry))
        doc.add(entry.summary)
        doc.add(entry.meaning)
        doc.add(t("📖 "), link(entry.spec.label, entry.spec.url) if entry.spec.url else t(entry.spec.label))
    reply = Reply(doc, _code_buttons(entries[:MAX_COMPARE_BUTTONS]))
    if len(reply.html()) <= limit:
        return reply
    for with_summary in (True, False):
        doc, shown = _listing(title, entries, with_summary, limit)
        if shown == len(entries):
            break
    return fit(Reply(doc, _code_buttons(entries[: min(shown, MAX_COMPARE_BUTTONS)])), limit)


def _entry_heading(entry: StatusEntry) -> Line:
    return (t(f"{CLASS_EMOJI.get(entry.klass, '')} "), b(heading(entry)), t(f"（{entry.name_zh}）"))


def _listing(title: Line, entries: list[StatusEntry], with_summary: bool, limit: int) -> tuple[Doc, int]:
    """As many entries as fit (one or two lines each), then "另有 N 个" naming the rest."""
    doc = Doc([title])
    used = _line_size(title)
    shown = 0
    for index, entry in enumerate(entries):
        lines = [_entry_heading(entry)]
        if with_summary:
            lines.append((t("   "), t(entry.summary)))
        cost = sum(_line_size(line) + 1 for line in lines)
        later = entries[index + 1 :]
        reserve = _line_size(_more_line(later)) + 1 if later else 0  # room to name the rest
        if used + cost + reserve > limit:
            break
        doc.lines.extend(lines)
        used += cost
        shown += 1
    if shown < len(entries):
        doc.lines.append(_more_line(entries[shown:]))
    return doc, shown


def _more_line(rest: list[StatusEntry]) -> Line:
    return (t(f"…另有 {len(rest)} 个：{_code_list([e.code for e in rest])}"),)


def class_list(kb: KnowledgeBase, digit: int, limit: int = TELEGRAM_LIMIT) -> Reply:
    cls = kb.classes[digit]
    entries = kb.codes_in_class(digit)
    doc = Doc().add(f"{CLASS_EMOJI.get(digit, '')} ", b(f"{digit}xx {cls.name_zh}"), t(f"（{cls.name_en}）"))
    doc.add(i(cls.summary))
    if cls.seed_note:
        doc.add(t("📝 原文档："), t(cls.seed_note))
    doc.blank()
    for entry in entries:
        mark = "" if entry.registry == "assigned" else f"〔{REGISTRY_ZH[entry.registry]}〕"
        doc.add(b(str(entry.code)), t(f" {entry.phrase} · {entry.name_zh}{mark}"))
    doc.blank().add(t(f"共 {len(entries)} 个，点按钮看详情。"))
    # A class has at most 100 codes, Telegram's limit on buttons in one keyboard.
    return fit(Reply(doc, _code_buttons(entries, per_row=5, label=lambda e: str(e.code))), limit)


def suggestions(kb: KnowledgeBase, query: str, matches: list[Match], limit: int = TELEGRAM_LIMIT) -> Reply:
    doc = Doc().add(t("没完全确定「"), t(echo(query)), t("」指的是哪个，你是不是想问…"))
    doc.blank()
    for m in matches[:3]:
        doc.add(t("• "), t(m.title))
    return fit(Reply(doc, [[_match_button(m)] for m in matches[:3]]), limit)


_EXPLAINED_UNKNOWN = 5  # unknown codes explained one by one; the rest are only listed


def not_found(
    query: str,
    unknown_codes: tuple[int, ...] = (),
    kb: KnowledgeBase | None = None,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    doc = Doc()
    if unknown_codes:
        explained: set[int] = set()
        for c in unknown_codes[:_EXPLAINED_UNKNOWN]:
            cls = kb.classes.get(c // 100) if kb else None
            doc.add(b(str(c)), t(" 不是已登记或常见的状态码。"))
            if cls and cls.digit not in explained:  # each class once, not once per code
                explained.add(cls.digit)
                doc.add(t(f"按首位数字，它属于 {c // 100}xx「{cls.name_zh}」：{cls.summary}"))
        rest = unknown_codes[_EXPLAINED_UNKNOWN:]
        if rest:
            doc.add(t(f"另有 {len(rest)} 个也不是：{_code_list(rest)}"))
        doc.blank()
    elif not any(ch.isalnum() for ch in query):  # emoji, punctuation, blank
        doc.add(t("没看懂这条消息 🤔 我能解释 HTTP 状态码和云 API 报错。"))
    else:
        doc.add(t("没找到和「"), t(echo(query)), t("」相关的状态码或云 API 错误。"))
    doc.add(t("可以这样问："))
    for ex in EXAMPLES:
        doc.add(t("• "), code(ex))
    return fit(Reply(doc), limit)


# --- cloud errors ----------------------------------------------------------------------


def error_card(kb: KnowledgeBase, match: Match, limit: int = TELEGRAM_LIMIT) -> Reply:
    row = match.error
    family = match.family
    doc = Doc()
    err_code = match.error_code or (row.error_code if row else "")
    if row is not None:
        provider = PROVIDER_NAMES.get(row.provider, row.provider)
        doc.add("☁️ ", b(f"{provider} {row.product}"), t(" · 错误码 "), code(err_code))
    else:
        doc.add("☁️ ", b("云 API 错误码 "), code(err_code))
    rows = ([row] if row else []) + [v for v in match.variants if v is not row]
    status = match.status
    entry = kb.statuses.get(status) if status is not None else None
    if row is not None and row.status is None:
        doc.add(t("HTTP 状态：接口以 HTTP 200 返回，错误在响应体 Response.Error.Code 里"))
    elif entry is not None:
        prefix = "HTTP 状态：" if row is not None else "通常对应 HTTP 状态："
        doc.add(t(prefix), b(str(entry.code)), t(f" {entry.phrase}（{entry.name_zh}）"))
    if row is not None:
        if row.message_zh:
            doc.add(t("提示信息："), t(row.message_zh))
        if row.message_en:
            doc.add(t("Message："), code(row.message_en))
        if row.seed_message:
            doc.add(t("📝 原文档："), t(row.seed_message))
    statuses = match.all_statuses
    if len(statuses) > 1:
        doc.blank().add(
            t("⚠️ 同一个错误码在不同接口里返回的 HTTP 状态不同："),
            t("、".join(str(s) for s in statuses)),
            t("，以你调用的接口文档为准。"),
        )
    others = _describe_variants(rows)
    if others:
        doc.add(t("出现在："), t(others))
    if family is not None:
        doc.blank().add(b(family.title))
        doc.add(family.meaning)
        doc.add(b("怎么处理"))
        for fix in family.fixes:
            doc.add(f"• {fix}")
    if row is not None and row.source:
        doc.blank().add(t("📖 来源："), t(row.source))
    buttons: list[list[Button]] = []
    if entry is not None:
        buttons.append([Button(f"看 {entry.code} {entry.name_zh}", f"code:{entry.code}")])
    return fit(Reply(doc, buttons), limit)  # a very long source list: keep the essentials first


def _describe_variants(rows: list[CloudError]) -> str:
    seen: list[str] = []
    for r in rows:
        label = f"{r.product}{'/' + r.api.split(';')[0] if r.api else ''}"
        if r.status is not None:
            label += f"→{r.status}"
        if label not in seen:
            seen.append(label)
    if len(seen) <= 1:
        return ""
    more = f" 等 {len(seen)} 处" if len(seen) > 6 else ""
    return "；".join(seen[:6]) + more


# --- dispatch --------------------------------------------------------------------------


CardMaker = Callable[[KnowledgeBase, StatusEntry, bool, int], Reply]


def answer(
    kb: KnowledgeBase,
    res: Resolution,
    detailed: bool = True,
    card: CardMaker = status_card,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    """The one reply for a resolution, as both the bot and the terminal show it.

    ``card`` builds status cards; the Service passes a cached one. The reply's HTML
    never exceeds ``limit`` characters.
    """
    if res.mode == "class" and res.class_digit is not None:
        return class_list(kb, res.class_digit, limit)
    if not res.matches:
        return not_found(res.query, res.unknown_codes, kb, limit)
    if res.mode == "multi":
        return comparison(kb, [m.entry for m in res.matches if m.entry is not None], limit)
    top = res.matches[0]
    if not res.confident:
        return suggestions(kb, res.query, list(res.matches), limit)
    reply = match_card(kb, top, detailed, card, limit)
    # Close runners-up, and any match of the other kind (a cloud error beside a status).
    others = [
        m for m in res.matches[1:4] if m.score >= top.score - 15 or (m.kind != top.kind and m.score >= 66)
    ]
    if res.mode != "text" or not others:
        return reply
    extended = _with_runners_up(reply, others)
    if len(extended.html()) > limit:
        extended = _with_runners_up(match_card(kb, top, False, card, limit), others)
    return fit(extended, limit)


def _with_runners_up(reply: Reply, others: list[Match]) -> Reply:
    doc = Doc(list(reply.doc.lines))
    doc.blank().add(t("你可能还想找："), t(" · ".join(m.title for m in others)))
    return Reply(doc, [[_match_button(m) for m in others], *reply.buttons])


def match_card(
    kb: KnowledgeBase,
    match: Match,
    detailed: bool = True,
    card: CardMaker = status_card,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    if match.entry is not None:
        return card(kb, match.entry, detailed, limit)
    return error_card(kb, match, limit)


def _match_button(m: Match) -> Button:
    if m.entry is not None:
        return Button(short_label(m.entry), f"code:{m.entry.code}")
    row = m.error
    provider = row.provider if row else "family"
    return Button(m.error_code[:40] or "?", f"err:{provider}:{m.error_code}"[:64])


def _code_buttons(entries: list[StatusEntry], per_row: int = 3, label=short_label) -> list[list[Button]]:
    buttons = [Button(label(e), f"code:{e.code}") for e in entries]
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
