"""The one reply for a resolution, as both the bot and the terminal show it.

Outright answers are rendered by the kind that laid them out; a ranked answer is the top
match's card (from its kind) with close runners-up; a low-confidence answer offers
choices; nothing found says so with examples. Every reply's HTML stays within ``limit``.
"""

from __future__ import annotations

from bot.core import tuning
from bot.core.knowledge import KnowledgeBase
from bot.core.match import Match, Resolution
from bot.core.symptoms import only_vague
from bot.render.reply import TELEGRAM_LIMIT, Button, Reply, echo, fit
from bot.render.richtext import Doc, code, t


def answer(kb: KnowledgeBase, res: Resolution, detailed: bool = True, limit: int = TELEGRAM_LIMIT) -> Reply:
    if res.owner and res.matches:
        kind = kb.kind(res.owner)
        if kind is not None:
            return kind.render(res, limit)
    if not res.matches:
        return not_found(kb, res, limit)
    top = res.matches[0]
    if not res.confident:
        return suggestions(kb, res.query, list(res.matches), limit)
    reply = card(kb, top, detailed, limit)
    # Close runners-up, and any match of another kind (a cloud error beside a status).
    others = [
        m
        for m in res.matches[1:4]
        if m.score >= top.score - tuning.RUNNER_UP_GAP or (m.kind != top.kind and m.score >= tuning.CHOICES)
    ]
    if not others:
        return reply
    extended = _with_runners_up(kb, reply, others)
    if len(extended.html()) > limit:
        extended = _with_runners_up(kb, card(kb, top, False, limit), others)
    return fit(extended, limit)


def card(kb: KnowledgeBase, match: Match, detailed: bool = True, limit: int = TELEGRAM_LIMIT) -> Reply:
    """One match's card, from its kind."""
    return kb.kind(match.kind).card(match, limit, detailed)


def button(kb: KnowledgeBase, match: Match) -> Button:
    text, action = kb.kind(match.kind).button(match)
    return Button(text, action)


def open_action(kb: KnowledgeBase, action: str, limit: int = TELEGRAM_LIMIT) -> Reply | None:
    """The reply a button stands for (``<kind>:<key>`` or ``<kind>:<key>:b``), or None."""
    name, sep, rest = action.partition(":")
    kind = kb.kind(name) if sep else None
    if kind is None or not rest or len(rest) > 64:
        return None
    key, _, mode = rest.partition(":")
    if mode not in ("", "b"):
        return None
    try:
        return kind.open(key, limit, detailed=mode != "b")
    except (ValueError, KeyError, IndexError):  # forged payloads must never reach a traceback
        return None


# Choices for a bare symptom ("网站打不开了", bot.core.symptoms): it has no one answer, so more
# of them, and what would tell them apart.
SYMPTOM_CHOICES = 5


def suggestions(kb: KnowledgeBase, query: str, matches: list[Match], limit: int = TELEGRAM_LIMIT) -> Reply:
    if matches and matches[0].tier == "symptom":
        shown = matches[:SYMPTOM_CHOICES]
        doc = Doc().add(t("「"), t(echo(query)), t("」常见的是下面几种情况之一。"))
        doc.add(t("把浏览器、客户端或日志里看到的状态码或报错原文发给我，能说得更准："))
    else:
        shown = matches[:3]
        doc = Doc().add(t("没完全确定「"), t(echo(query)), t("」指的是哪个，你是不是想问…"))
    doc.blank()
    for m in shown:
        doc.add(t("• "), t(m.title))
    return fit(Reply(doc, [[button(kb, m)] for m in shown]), limit)


def examples(kb: KnowledgeBase) -> tuple[str, ...]:
    return tuple(ex for kind in kb for ex in kind.help_examples())


def not_found(kb: KnowledgeBase, res: Resolution, limit: int = TELEGRAM_LIMIT) -> Reply:
    if res.withdrawn and not res.unknown:
        return _remark(kb, res, limit)
    doc = Doc()
    if res.unknown:
        for kind in kb:
            idents = [ident for name, ident in res.unknown if name == kind.name]
            if idents:
                doc.lines.extend(kind.explain_unknown(idents))
        doc.blank()
    elif not any(ch.isalnum() for ch in res.query):  # emoji, punctuation, blank
        names = "、".join(kind.title for kind in kb)
        doc.add(t(f"没看懂这条消息 🤔 我能解释{names}。"))
    elif only_vague(res.query):
        doc.add(t("「"), t(echo(res.query)), t("」只说了出错，没说是哪个错误。"))
        doc.add(t("把报错原文发给我：状态码、错误名，或日志里报错的那一行（记得去掉 token 和密码）。"))
    else:
        doc.add(t("没找到和「"), t(echo(res.query)), t("」相关的答案。"))
    doc.add(t("可以这样问："))
    for ex in examples(kb):
        doc.add(t("• "), code(ex))
    return fit(Reply(doc), limit)


def _remark(kb: KnowledgeBase, res: Resolution, limit: int) -> Reply:
    """A remark that names an error ("…ECONNRESET 是因为对面服务重启了，已经恢复"): not
    answered as a question, and not "nothing found" either; its cards one tap away."""
    doc = Doc().add(t("这句像是在聊天或记录，不像在提问，所以没有展开。要看说明的话："))
    for m in res.withdrawn:
        doc.add(t("• "), t(m.title))
    return fit(Reply(doc, [[button(kb, m)] for m in res.withdrawn]), limit)


def _with_runners_up(kb: KnowledgeBase, reply: Reply, others: list[Match]) -> Reply:
    doc = Doc(list(reply.doc.lines))
    doc.blank().add(t("你可能还想找："), t(" · ".join(m.title for m in others)))
    first = [button(kb, m) for m in others]
    # A runner-up the card also lists as related (526 beside ERR_CERT_AUTHORITY_INVALID) is
    # one button, in the runners-up row.
    shown = {b.action for b in first}
    rows = [[b for b in row if b.action not in shown] for row in reply.buttons]
    return Reply(doc, [first, *(row for row in rows if row)])
