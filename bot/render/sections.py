"""Card sections that more than one kind writes the same way."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render.richtext import Doc, b, t


def causes_and_fixes(
    doc: Doc,
    causes: Sequence[str],
    fix_client: Sequence[str],
    fix_server: Sequence[str],
    client: str = "客户端",
) -> None:
    """常见原因, then 怎么解决 split into the caller's side and the server/ops side."""
    doc.blank().add(b("常见原因"))
    for cause in causes:
        doc.add(f"• {cause}")
    doc.blank().add(b("怎么解决"))
    doc.add(t(f"👤 {client}："))
    for fix in fix_client:
        doc.add(f"• {fix}")
    doc.add(t("🛠 服务端 / 运维："))
    for fix in fix_server:
        doc.add(f"• {fix}")
