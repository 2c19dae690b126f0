"""The cloud kind's card: one documented error code (or a naming family's reading)."""

from __future__ import annotations

from bot.kinds.cloud.model import CLIENT_SIDE, PROVIDER_ZH, CloudAnswer, CloudError
from bot.kinds.status.cards import open_action
from bot.kinds.status.model import StatusData
from bot.render.reply import TELEGRAM_LIMIT, Button, Reply, fit
from bot.render.richtext import Doc, b, code, t


def error_card(statuses: StatusData, match: CloudAnswer, limit: int = TELEGRAM_LIMIT) -> Reply:
    row = match.error
    family = match.family
    doc = Doc()
    err_code = match.error_code or (row.error_code if row else "")
    named = row is None and not err_code and family is not None  # asked in plain words
    if row is not None:
        provider = PROVIDER_ZH.get(row.provider, row.provider)
        doc.add("☁️ ", b(f"{provider} {row.product}"), t(" · 错误码 "), code(err_code))
        if err_code != row.error_code:  # the spelling met at run time ("APIGW.0301")
            doc.add(t("错误码表里写作 "), code(row.error_code))
    elif named:
        doc.add("☁️ ", b("云 API 错误 · "), b(family.title))
    elif match.named_provider:  # an undocumented code of the cloud named
        doc.add("☁️ ", b(f"{PROVIDER_ZH.get(match.named_provider, match.named_provider)} API 错误码 "), code(err_code))
    else:
        doc.add("☁️ ", b("云 API 错误码 "), code(err_code))
    rows = ([row] if row else []) + [v for v in match.variants if v is not row]
    status = match.status
    entry = statuses.statuses.get(status) if status is not None else None
    if row is not None and (row.provider, row.product) in CLIENT_SIDE:
        doc.add(t("HTTP 状态：没有——SDK 在本地就报了错，请求没有发出去"))
    elif row is not None and row.status is None:
        where = "响应体 Response.Error.Code 里" if row.provider == "tencentcloud" else "响应体的 Code 字段里"
        doc.add(t(f"HTTP 状态：接口以 HTTP 200 返回，错误在{where}"))
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
    all_statuses = match.all_statuses
    if len(all_statuses) > 1:
        doc.blank().add(
            t("⚠️ 同一个错误码在不同接口里返回的 HTTP 状态不同："),
            t("、".join(str(s) for s in all_statuses)),
            t("，以你调用的接口文档为准。"),
        )
    others = _describe_variants(rows)
    if others:
        doc.add(t("出现在："), t(others))
    if family is not None:
        doc.blank()
        if not named:
            doc.add(b(family.title))
        doc.add(family.meaning)
        doc.add(b("怎么处理"))
        for fix in family.fixes:
            doc.add(f"• {fix}")
    if match.members:
        doc.blank().add(b("各家的错误码"))
        for provider in dict.fromkeys(p for p, _ in match.members):
            codes = [code(c) for p, c in match.members if p == provider]
            parts = [codes[0], *(piece for c in codes[1:] for piece in (t("、"), c))]
            doc.add(t(f"• {PROVIDER_ZH.get(provider, provider)}："), *parts)
    if row is not None and row.source:
        doc.blank().add(t("📖 来源："), t(row.source))
        if row.message_en_source:
            doc.add(t("📖 英文原话（S3 兼容）："), t(row.message_en_source))
    buttons: list[list[Button]] = []
    if entry is not None:
        buttons.append([Button(f"看 {entry.code} {entry.name_zh}", open_action(entry.code))])
    related = [statuses.statuses[c] for c in (family.related if family else ()) if c in statuses.statuses]
    if related:
        doc.add(t("🔗 别的 API 在同样情况下常用："), t(" · ".join(f"{r.code} {r.name_zh}" for r in related)))
        buttons.append([Button(f"看 {r.code} {r.name_zh}", open_action(r.code)) for r in related])
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
