"""The concept lexicon's domain nouns (bot/kinds/cloud/concepts.py): a Chinese retelling and the
vendor's English meet on the same concept, forms do not swallow neighbouring words, and the
weight sets name only concepts that exist.

The dev check set tests/eval/dev/cloud_lexicon.tsv measures the same lexicon end to end; this
file pins a few readings so a later edit that breaks one fails here, not only in a figure.
"""

from __future__ import annotations

import pytest

from bot.chat.service import Service
from bot.kinds.cloud.concepts import (
    ACTIONS,
    CLOUD_THINGS,
    CLOUD_VOCABULARY,
    CONCEPTS,
    FRAMES,
    IMPLIED_PRODUCTS,
    PREDICATES,
    concepts_in,
    surface,
)


def _concepts(text: str) -> list[str]:
    return concepts_in(surface(text))[0]


@pytest.mark.parametrize(
    ("chinese", "english", "concept"),
    [
        ("签名用的随机数之前用过了", "The request signature nonce has been used.", "nonce"),
        ("部署集找不到", "The specified DeploymentSetId does not exist.", "deploymentset"),
        ("专属主机不存在", "The specified DedicatedHostId does not exist.", "dedicatedhost"),
        ("启动模板找不到", "The maximum number of templates is exceeded.", "template"),
        ("弹性网卡不存在", "The specified EniId is not found.", "eni"),
        ("主网卡不能解绑", "Detaching primary ENI from ECS instance is not allowed.", "primaryeni"),
        ("前缀列表不存在", "The specified prefix list was not found.", "prefixlist"),
        ("经典网络不支持", "not supported when the network type is classic", "classic"),
        ("没开通密钥管理服务", "The encrypted disk need enable KMS.", "kms"),
        ("加密属性不一致", "Encryption value of disk and snapshot conflict.", "encrypt"),
        ("令牌过期", "The token has expired.", "token"),
        ("有没付钱的订单", "The specified instance has unpaid order.", "purchaseorder"),
        ("优惠券不存在", "The Acount coupon doesn't exist.", "coupon"),
        ("续费时长太长", "The specified renewal period cannot exceed", "renew"),
        ("云市场镜像", "The specified marketplace image does not exist", "marketplace"),
        ("HPC 集群不存在", "The specified hpc cluster does not exist", "hpccluster"),
        ("高性能计算集群不存在", "HpcCluster", "hpccluster"),
        ("整机备份不存在", "The full-ECS backup does not exist", "backup"),
        ("重启失败", "Failed to reboot.", "reboot"),
        ("跨区域复制已存在", "BucketReplicationAlreadyExist", "copy"),
        ("白名单里没有我", "The user is not in disk white list.", "whitelist"),
        ("置放群组不存在", "DisasterRecoverGroup not found", "placementgroup"),
    ],
)
def test_a_retelling_and_the_vendor_meet_on_the_concept(chinese: str, english: str, concept: str) -> None:
    assert concept in _concepts(chinese)
    assert concept in _concepts(english)


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        # The longer form wins where two start together or one starts earlier.
        ("实例启动模板", ["template"]),
        ("专有宿主机上还有实例", ["dedicatedhost", "dependency", "instance"]),
        ("未开启 KMS", ["notset", "kms"]),
        ("按量付费的实例", ["postpaid", "instance"]),
        ("付费方式不对", ["chargetype", "invalid"]),
        ("没付钱", ["arrearage"]),
        ("自定义域名", ["domain"]),
        ("自定义镜像", ["custom", "image"]),
        ("has not been paid yet", ["arrearage"]),
        # 现在 is a word of its own: 在用 is not read inside 现在用不了.
        ("快照现在用不了", ["snapshot", "time", "unavailable"]),
        ("正在复制指定的源镜像", ["inprogress", "copy", "image"]),
        ("The specified image is being copied.", ["image", "inprogress", "copy"]),
        ("does not exist in our records", ["notfound", "notfound"]),
        # Generic words stay words: they are in too many rows to tell one from another.
        ("用户资源数量", []),
    ],
)
def test_forms_do_not_swallow_their_neighbours(text: str, concepts: list[str]) -> None:
    assert _concepts(text) == concepts


def test_permission_alone_says_nothing_went_wrong() -> None:
    """权限 beside a provider is talk about permissions, not a denial: no predicate."""
    assert not set(_concepts("终于把 RAM 子账号的权限理清楚了")) & PREDICATES


def test_the_weight_sets_name_concepts_that_exist() -> None:
    named = PREDICATES | ACTIONS | FRAMES | CLOUD_VOCABULARY | CLOUD_THINGS | set(IMPLIED_PRODUCTS)
    # Predicates may be folded into others' forms (expired, stopped ...): only the new sets here.
    assert {c for c in CLOUD_VOCABULARY | CLOUD_THINGS | set(IMPLIED_PRODUCTS) if c not in CONCEPTS} == set()
    assert {c for c in ACTIONS if c not in CONCEPTS} == set()
    assert named  # the sets are there at all


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("阿里云 ECS 调 OpenAPI，说我这次签名用的随机数之前已经用过了", "SignatureNonceUsed"),
        ("阿里云 ECS 说我给的弹性网卡 ID 不存在", "InvalidEniId.NotFound"),
        ("阿里云负载均衡下单时说我用的优惠券不存在", "PAY.COUPON_NOT_EXIST"),
        ("阿里云 ECS 我指定的 HPC 集群根本没有", "HpcClusterNotExists|NotExists.HpcCluster|InvalidHpcClusterId.NotFound"),
        ("aliyun ECS: the dedicated host I specified cannot be found", "InvalidDedicatedHostId.NotFound"),
    ],
)
def test_retellings_reach_their_rows(service: Service, question: str, expect: str) -> None:
    matches = service.resolve(question).matches
    assert matches and matches[0].answer.error_code in expect.split("|")


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # Whose it is: the asker's own (mine) or someone else's (byothers) beside "taken".
        ("这个桶是我自己之前建过的", {"mine", "exists"}),
        ("You already own this bucket: it is owned by you.", {"mine"}),
        ("桶名已经被人注册走了", {"exists", "byothers"}),
        # A plural form keeps its second concept.
        ("image is shared to other accounts", {"share", "byothers"}),
        # Sub-accounts (子账号 / 子用户 / RAM 用户 / SubUser) are one idea.
        ("子账号没有权限", {"subuser", "forbidden"}),
        ("不允许 RAM 用户执行该操作", {"subuser", "unsupported"}),
        # Compound forms carrying a second concept.
        ("组里还有机器在用", {"dependency", "instance"}),
        ("磁盘还挂在实例上", {"dependency", "attach"}),
        ("说这个子账号没有支付权限", {"forbidden", "pay"}),
        ("镜像名重复了", {"image", "name", "exists"}),
        ("实例还在开机中", {"state", "start"}),
        ("the disk and the instance are in different zones", {"notbelong", "same", "zone"}),
        # Retold, not the vendor's words.
        ("名字起的不合规矩", {"invalid"}),
        ("keeps telling me too many calls", {"throttle"}),
        ("snapshot is still being created and can't be used yet", {"inprogress", "unavailable"}),
        ("实例类型在这个可用区卖光了", {"instancetype", "insufficient"}),
        ("导入公钥", {"import", "publickey"}),
        ("the multipart upload id no longer exists", {"multipart", "upload", "notfound"}),
        ("已经在解冻中了", {"restore", "inprogress"}),
        ("Bucket 开了合规保留策略", {"bucket", "protect"}),
        ("选的还是原来那个规格，提示规格没有变化", {"instancetype", "unchanged"}),
        ("the request frequency has exceeded the limit", {"throttle"}),
    ],
)
def test_common_retellings_read_as_their_concepts(text: str, present: set[str]) -> None:
    assert present <= set(_concepts(text))


def test_kept_forms_leave_their_words() -> None:
    """RAM 用户 is a sub-account, and its words still meet the code words of Forbidden.RAM."""
    found, rest = concepts_in(surface("RAM 用户不让用"))
    assert "subuser" in found
    assert "ram" in rest.split()


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("华为云 OBS 建桶说这个桶是我自己之前建过的", "huaweicloud:BucketAlreadyOwnedByYou"),
        ("OSS 建桶提示这个名字已经被人注册走了", "aliyun:BucketAlreadyExists"),
        ("阿里云删安全组失败，说组里还有机器在用", "aliyun:DependencyViolation"),
        ("腾讯云 CBS 子账号买盘说没有支付权限", "tencentcloud:UnauthorizedOperation.NotHavePaymentRight"),
        ("腾讯云实例还在开机中，不让我操作", "tencentcloud:UnsupportedOperation.InstanceStateStarting"),
        (
            "tencent cbs snapshot is still being created and can't be used yet",
            "tencentcloud:ResourceUnavailable.SnapshotCreating",
        ),
        ("aliyun ecs says the disk and the instance are in different zones", "aliyun:ResourcesNotInSameZone"),
    ],
)
def test_common_retellings_reach_their_rows(service: Service, question: str, expect: str) -> None:
    matches = service.resolve(question).matches
    assert matches
    provider, code = expect.split(":")
    assert (matches[0].answer.error.provider, matches[0].answer.error_code) == (provider, code)


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        # Tencent's own word 未授权 names its UnauthorizedOperation pair, not PermissionDenied,
        # even beside the CAM policy every such question asks about.
        ("腾讯云子账号跑脚本，接口回我未授权操作，CAM 里该怎么配", {"UnauthorizedOperation", "AuthFailure.UnauthorizedOperation"}),
        ("腾讯云子用户关机器提示请求未授权，CAM 策略要加哪条", {"UnauthorizedOperation", "AuthFailure.UnauthorizedOperation"}),
        # 无权操作 is PermissionDenied's wording.
        ("腾讯云子用户关机器提示无权操作这个资源，CAM 策略要加哪条", {"UnauthorizedOperation.PermissionDenied"}),
    ],
)
def test_not_granted_and_not_permitted_stay_apart(service: Service, question: str, expect: set[str]) -> None:
    matches = service.resolve(question).matches
    assert matches
    assert matches[0].answer.error.provider == "tencentcloud"
    assert matches[0].answer.error_code in expect
