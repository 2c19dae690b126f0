"""API actions implied by everyday Chinese words ("创建实例时报…" is CreateInstance or
RunInstances): among rows that read alike, one documented for the action the question tells
of ranks first. Only a preference: rows that document no action lose nothing (the Tencent
and Huawei tables name none), and an action typed by its API name says more (hints.apis).
"""

from __future__ import annotations

import re

# Phrase → the API actions (lower case) it names; substrings of the folded question.
_ACTIONS: dict[str, tuple[str, ...]] = {
    "创建实例": ("createinstance", "runinstances"),
    "新建实例": ("createinstance", "runinstances"),
    "购买实例": ("createinstance", "runinstances"),
    "买实例": ("createinstance", "runinstances"),
    "开实例": ("createinstance", "runinstances"),
    "创建云盘": ("createdisk",),
    "创建磁盘": ("createdisk",),
    "创建数据盘": ("createdisk",),
    "挂载云盘": ("attachdisk",),
    "挂载磁盘": ("attachdisk",),
    "挂载数据盘": ("attachdisk",),
    "扩容云盘": ("resizedisk",),
    "云盘扩容": ("resizedisk",),
    "磁盘扩容": ("resizedisk",),
    "更换系统盘": ("replacesystemdisk",),
    "换系统盘": ("replacesystemdisk",),
    "重装系统": ("replacesystemdisk",),
    "升配": ("modifyinstancespec", "modifyprepayinstancespec"),
    "降配": ("modifyinstancespec", "modifyprepayinstancespec"),
    "变配": ("modifyinstancespec", "modifyprepayinstancespec"),
    "续费": ("renewinstance",),
    "创建镜像": ("createimage",),
    "导出镜像": ("exportimage",),
    "导入镜像": ("importimage",),
    "复制镜像": ("copyimage",),
    "创建快照": ("createsnapshot",),
    "打快照": ("createsnapshot",),
    "分配私网ip": ("assignprivateipaddresses",),
    "分配辅助私网": ("assignprivateipaddresses",),
    "创建网卡": ("createnetworkinterface",),
    "创建弹性网卡": ("createnetworkinterface",),
    # Not 开机 / 关机 / 停机: "拿自定义镜像开机" creates one, "是不是得先关机" is advice.
    "停止实例": ("stopinstance", "stopinstances"),
    "停实例": ("stopinstance", "stopinstances"),
    "实例停止": ("stopinstance", "stopinstances"),
    "启动实例": ("startinstance", "startinstances"),
    "实例启动": ("startinstance", "startinstances"),
    "重启实例": ("rebootinstance", "rebootinstances"),
    "实例重启": ("rebootinstance", "rebootinstances"),
}


# "创建不了按量付费实例", "购买一台包年包月的实例", "开按量付费的实例": the verb and the instance
# a few words apart (bounded: no clause break between them). A bare 开 only where it is the
# verb, not part of 打开 / 开发 / 开机 (开机 boots one that exists).
_MAKES_INSTANCE_RE = re.compile(r"(?:创建|购买|(?<![打公展离分重])开(?![发启关放始机会心着]))[^，。,.;；！？!?]{1,8}实例")


def implied_actions(folded: str) -> frozenset[str]:
    """The API actions the words of ``folded`` (lower case) tell of."""
    compact = folded.replace(" ", "")
    found = {api for phrase, apis in _ACTIONS.items() if phrase in compact for api in apis}
    if "实例" in compact and _MAKES_INSTANCE_RE.search(compact) is not None:
        found.update(_ACTIONS["创建实例"])
    return frozenset(found)
