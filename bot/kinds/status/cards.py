"""The status kind's cards: one code, several side by side, a whole class."""

from __future__ import annotations

from bot.kinds.status.model import COMMON_CODES, StatusData, StatusEntry
from bot.render.reply import TELEGRAM_LIMIT, Button, Reply, code_list, fit, line_size
from bot.render.richtext import Doc, Line, b, code, i, link, t
from bot.render.sections import causes_and_fixes

CLASS_EMOJI = {1: "ℹ️", 2: "✅", 3: "↪️", 4: "⚠️", 5: "🔥"}
REGISTRY_ZH = {
    "assigned": "IANA 已登记",
    "temporary": "IANA 临时登记",
    "reserved": "IANA 保留（未使用）",
    "obsoleted": "已废弃",
    "unofficial": "非标准",
}
MAX_COMPARE_BUTTONS = 24  # a keyboard of 8 rows; more buttons bury the message
_TITLE_CODES = 12  # codes named in a comparison's title before "等 N 个"


def open_action(code: int, detailed: bool = True) -> str:
    """The button action that opens a code's card (see StatusKind.open)."""
    return f"status:{code}" if detailed else f"status:{code}:b"


def heading(entry: StatusEntry) -> str:
    return f"{entry.code} {entry.phrase}"


def short_label(entry: StatusEntry) -> str:
    return f"{entry.code} {entry.name_zh}"


# --- status card -----------------------------------------------------------------------


def status_card(
    data: StatusData, entry: StatusEntry, detailed: bool = True, limit: int = TELEGRAM_LIMIT
) -> Reply:
    reply = _status_card(data, entry, detailed)
    if detailed and len(reply.html()) > limit:
        reply = _status_card(data, entry, detailed=False)
    return fit(reply, limit)


def _status_card(data: StatusData, entry: StatusEntry, detailed: bool) -> Reply:
    doc = Doc()
    cls = data.classes.get(entry.klass)
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
        causes_and_fixes(doc, entry.causes, entry.fix_client, entry.fix_server)
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
    related = [data.statuses[c] for c in entry.related if c in data.statuses]
    if related:
        doc.add(t("🔗 相关："), t(" · ".join(short_label(r) for r in related)))

    toggle = (
        Button("简略", open_action(entry.code, False))
        if detailed
        else Button("详细", open_action(entry.code))
    )
    rows = [
        [Button(short_label(r), open_action(r.code)) for r in related[i : i + 3]]
        for i in range(0, len(related), 3)
    ]
    return Reply(doc, [*rows, [toggle]])


def comparison(data: StatusData, entries: list[StatusEntry], limit: int = TELEGRAM_LIMIT) -> Reply:
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
    reply = Reply(doc, code_buttons(entries[:MAX_COMPARE_BUTTONS]))
    if len(reply.html()) <= limit:
        return reply
    for with_summary in (True, False):
        doc, shown = _listing(title, entries, with_summary, limit)
        if shown == len(entries):
            break
    return fit(Reply(doc, code_buttons(entries[: min(shown, MAX_COMPARE_BUTTONS)])), limit)


def _entry_heading(entry: StatusEntry) -> Line:
    return (t(f"{CLASS_EMOJI.get(entry.klass, '')} "), b(heading(entry)), t(f"（{entry.name_zh}）"))


def _listing(title: Line, entries: list[StatusEntry], with_summary: bool, limit: int) -> tuple[Doc, int]:
    """As many entries as fit (one or two lines each), then "另有 N 个" naming the rest."""
    doc = Doc([title])
    used = line_size(title)
    shown = 0
    for index, entry in enumerate(entries):
        lines = [_entry_heading(entry)]
        if with_summary:
            lines.append((t("   "), t(entry.summary)))
        cost = sum(line_size(line) + 1 for line in lines)
        later = entries[index + 1 :]
        reserve = line_size(_more_line(later)) + 1 if later else 0  # room to name the rest
        if used + cost + reserve > limit:
            break
        doc.lines.extend(lines)
        used += cost
        shown += 1
    if shown < len(entries):
        doc.lines.append(_more_line(entries[shown:]))
    return doc, shown


def _more_line(rest: list[StatusEntry]) -> Line:
    return (t(f"…另有 {len(rest)} 个：{code_list([e.code for e in rest])}"),)


def class_list(data: StatusData, digit: int, limit: int = TELEGRAM_LIMIT) -> Reply:
    cls = data.classes[digit]
    entries = data.codes_in_class(digit)
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
    return fit(Reply(doc, code_buttons(entries, per_row=5, label=lambda e: str(e.code))), limit)


def overview(data: StatusData, limit: int = TELEGRAM_LIMIT) -> Reply:
    """All statuses at a glance: each class with its commonest codes, a button per class."""
    doc = Doc().add("📚 ", b("HTTP 状态码一览"), t("（按类，常见的在前）"))
    for digit, codes in COMMON_CODES.items():
        cls = data.classes[digit]
        doc.blank().add(f"{CLASS_EMOJI.get(digit, '')} ", b(f"{digit}xx {cls.name_zh}"), t(f"：{cls.summary}"))
        for c in codes:
            entry = data.statuses.get(c)
            if entry is not None:
                doc.add(b(str(c)), t(f" {entry.phrase} · {entry.name_zh}"))
    total = len(data.statuses)
    doc.blank().add(t(f"共收录 {total} 个状态码。发数字（如 404）看详情，发「4xx」看一整类，也可以直接描述现象。"))
    buttons = [Button(f"{d}xx {data.classes[d].name_zh}", f"status:{d}xx") for d in COMMON_CODES]
    return fit(Reply(doc, [buttons[:3], buttons[3:]]), limit)


def code_buttons(entries: list[StatusEntry], per_row: int = 3, label=short_label) -> list[list[Button]]:
    buttons = [Button(label(e), open_action(e.code)) for e in entries]
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
