"""Network terms typed by their sound ("正书" → 证书, "解系" → 解析, "跨于" → 跨域): the words
the network kind respells when a short troubled text read nothing as typed (see
bot.core.sounds.Respeller).
"""

from __future__ import annotations

from bot.core.sounds import Respeller

# Terms of the trade only: everyday words ("连接", "超时") sound like half the phrases of any
# sentence and are read as typed.
SOUND_WORDS = tuple(
    "证书 颁发者 自签名 根证书 证书链 吊销 握手 跨域 跨源 同源 预检 域名 解析 主机名 端口 关闭帧 关闭码 "
    "截止时间".split()
)

RESPELLER = Respeller(SOUND_WORDS)
