"""The network kind's card: what happened, in which layer, why, what to do on each side."""

from __future__ import annotations

from bot.kinds.network.index import short_key
from bot.kinds.network.model import NetworkData, NetworkEntry
from bot.kinds.status.cards import open_action, short_label
from bot.kinds.status.model import StatusData
from bot.render.reply import TELEGRAM_LIMIT, Button, Reply, fit
from bot.render.richtext import Doc, b, code, i, link, t
from bot.render.sections import causes_and_fixes

FAMILY_EMOJI = {
    "cors": "🚧",
    "dns": "🧭",
    "tcp": "🔌",
    "tls": "🔒",
    "browser": "🌐",
    "curl": "🌀",
    "grpc": "📡",
    "websocket": "🔁",
}
NUMBER_LABEL = {
    "browser": "Chromium 错误号",
    "curl": "curl 退出码",
    "grpc": "gRPC 状态码",
    "websocket": "关闭码",
    "tls": "OpenSSL 校验错误号",
}
# A family's list, titled ("websocket 的关闭码都有哪些").
FAMILY_TITLE = {
    "cors": "跨域（CORS）错误",
    "dns": "DNS 解析错误",
    "tcp": "TCP / 套接字错误（errno）",
    "tls": "TLS / 证书校验错误",
    "browser": "Chrome 网络错误（net::ERR_*）",
    "curl": "curl 退出码",
    "grpc": "gRPC 状态码",
    "websocket": "WebSocket 关闭码",
}
# What a short card (a name with no hand-written card) says about its family, in our words.
FAMILY_ADVICE = {
    "browser": "这是 Chrome/Edge 网络栈报出的错误，请求没有拿到完整的 HTTP 响应。先在开发者工具 Network 面板看失败请求的详情，"
    "再用 curl 从同一台机器访问同一个地址，对比能否复现；和证书、代理、DNS 有关的名字分别按对应的方向排查。",
    "curl": "这是 curl/libcurl 的退出码。加 -v（或 --trace-ascii -）重跑一次，看它停在解析、连接、TLS 握手还是传输阶段，"
    "再按那一阶段排查；脚本里记得检查 curl 的退出码，而不只看输出。",
    "grpc": "这是 gRPC 的状态码，由服务端或 gRPC 库返回。看错误里的 desc 文字和服务端日志；"
    "只有 UNAVAILABLE 通常可以安全重试，其余的要先弄清原因。",
    "websocket": "这是 WebSocket 关闭帧里的关闭码。看是谁先关闭的连接（浏览器、服务端还是中间的代理），"
    "以及关闭前最后一条消息；1000–1015 由 RFC 6455 等规定，3000–4999 由库和应用自己定义。",
    "tcp": "这是操作系统或运行时报出的套接字错误（errno）。先确认目标地址和端口能不能连通（nc -vz 主机 端口），"
    "再看防火墙、安全组、连接数和文件句柄等限制。",
    "dns": "这是域名解析阶段的错误，还没有连到服务器。用 dig 或 nslookup 查同一个域名，检查拼写、/etc/resolv.conf 和内网 DNS。",
    "tls": "这是 OpenSSL 证书校验报出的错误。用 openssl s_client -connect 主机:443 -servername 主机 -showcerts 看服务端发来的证书链，"
    "对照有效期、域名和签发机构排查。",
    "cors": "这是浏览器的跨域（CORS）拦截：服务器其实收到了请求，是浏览器不让页面读响应。检查服务端返回的 Access-Control-Allow-* 响应头。",
}


def network_card(
    data: NetworkData,
    statuses: StatusData | None,
    entry: NetworkEntry,
    detailed: bool = True,
    limit: int = TELEGRAM_LIMIT,
) -> Reply:
    reply = _card(data, statuses, entry, detailed)
    if detailed and len(reply.html()) > limit:
        reply = _card(data, statuses, entry, detailed=False)
    return fit(reply, limit)


def _card(data: NetworkData, statuses: StatusData | None, entry: NetworkEntry, detailed: bool) -> Reply:
    doc = Doc()
    doc.add(f"{FAMILY_EMOJI.get(entry.family, '🌐')} ", b(entry.name), t(f" · {entry.title_zh}"))
    sub = [t(f"{entry.layer} · "), code(entry.title_en)]
    if entry.number is not None and entry.family in NUMBER_LABEL and entry.name != str(entry.number):
        sub.append(t(f" · {NUMBER_LABEL[entry.family]} {entry.number}"))
    doc.add(*sub)
    doc.add(
        t("这一步还没走到 HTTP，没有 HTTP 状态码。")
        if entry.family != "grpc"
        else t("gRPC 调用的结果码（走 HTTP/2，但不是 HTTP 状态码）。")
    )
    if not entry.full:
        doc.blank().add(b("怎么排查"))
        doc.add(FAMILY_ADVICE[entry.family])
        doc.blank().add(t("📖 出处："), t(entry.source_ref))
        return Reply(doc, [])
    doc.add(i(entry.summary))
    doc.blank().add(b("含义"))
    doc.add(entry.meaning)
    if detailed:
        causes_and_fixes(doc, entry.causes, entry.fix_client, entry.fix_server, client="客户端 / 调用方")
    doc.blank().add(t("🔁 "), b("重试："), t(entry.retry))
    known = statuses.statuses if statuses is not None else {}
    if entry.http is not None and entry.http in known:
        status = known[entry.http]
        doc.add(t("↔️ 对应 HTTP："), b(str(status.code)), t(f" {status.phrase}（{status.name_zh}）"))
    mapped = [c for c in entry.from_http if c in known]
    if mapped:
        doc.add(t("↩️ 客户端把这些 HTTP 状态当作它："), t("、".join(map(str, mapped))))
    doc.blank()
    source = link(entry.source_ref, entry.source_url) if entry.source_url else t(entry.source_ref)
    doc.add(t("📖 出处："), source)
    related_status = [
        known[c]
        for c in dict.fromkeys((*entry.statuses, *((entry.http,) if entry.http else ())))
        if c in known
    ]
    related_net = [data.entries[n] for n in entry.see_also if n in data.entries]
    if related_status or related_net:
        names = [short_label(s) for s in related_status] + [n.name for n in related_net]
        doc.add(t("🔗 相关："), t(" · ".join(names)))
    buttons = [Button(short_label(s), open_action(s.code)) for s in related_status[:3]]
    buttons += [Button(n.name[:40], f"network:{short_key(n.name)}") for n in related_net[:3]]
    toggle = (
        Button("简略", f"network:{short_key(entry.name)}:b")
        if detailed
        else Button("详细", f"network:{short_key(entry.name)}")
    )
    rows = [buttons[k : k + 3] for k in range(0, len(buttons), 3)]
    return Reply(doc, [*rows, [toggle]])


def family_list(data: NetworkData, entries: list[NetworkEntry], limit: int = TELEGRAM_LIMIT) -> Reply:
    """The cards of one family, one line each (its number where it has one), with a button per
    card; the names with a short card only are counted, two of them shown as examples."""
    family = entries[0].family
    doc = Doc().add(f"{FAMILY_EMOJI.get(family, '🌐')} ", b(FAMILY_TITLE.get(family, family)), t(" · 常见的都在这里"))
    doc.blank()
    for entry in entries:
        number = entry.number is not None and entry.name != str(entry.number)
        doc.add(b(entry.name), t(f"（{entry.number}）" if number else ""), t(f" · {entry.title_zh}"))
    listed = {e.name for e in entries}
    others = [e.name for e in data.entries.values() if e.family == family and e.name not in listed]
    doc.blank().add(t(f"共 {len(entries)} 张详细卡片，点按钮看详情。"))
    if others:
        doc.add(t(f"另有 {len(others)} 个名字只有简要说明，直接发名字即可，如 "), code(others[0]), t("。"))
    per_row = 4 if all(len(e.name) <= 9 for e in entries) else 2
    buttons = [Button(e.name[:40], f"network:{short_key(e.name)}") for e in entries[:100]]
    return fit(Reply(doc, [buttons[k : k + per_row] for k in range(0, len(buttons), per_row)]), limit)
