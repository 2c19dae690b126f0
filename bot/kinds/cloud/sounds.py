"""Cloud concept words typed by their sound ("账户欠废" → 欠费, "余额不组" → 不足): the words the
cloud kind respells (see bot.core.sounds.Respeller).
"""

from __future__ import annotations

# The concept words read by sound: specific terms of the trade. The lexicon's everyday words
# (顶了, 被封, 没钱, 必需, 启用) sound like half the phrases of any sentence ("定了", "被风",
# "没欠", "必须", "器用"), so they are read only as typed.
SOUND_WORDS = tuple(
    "欠费 欠款 余额 不足 充值 续费 不存在 已存在 被占用 实例 镜像 快照 磁盘 云盘 存储空间 安全组 "
    "交换机 子网 网段 地域 可用区 规格 库存 售罄 配额 超限 限流 签名 鉴权 密钥 未授权 过期 冻结 锁定 "
    "证书 域名 备案".split()
)
