"""bot/cloud.py: codes, messages, pasted bodies, families, and no hijacking of status questions."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.core.match import Match
from bot.core.schema import Problems
from bot.kinds.cloud.body import parse_body
from bot.kinds.cloud.index import CONFIDENT, CloudIndex, _families_of, provider_hints
from bot.kinds.cloud.loader import load_cloud
from bot.kinds.cloud.model import CloudData

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
SEEDS = tomllib.loads((KNOWLEDGE / "cloud" / "aliyun_seed.toml").read_text(encoding="utf-8"))["seed"]


@pytest.fixture(scope="module")
def cloud_kb() -> CloudData:
    problems = Problems()
    rows, families, _ = load_cloud(KNOWLEDGE, problems, set(range(100, 600)))
    assert not problems.items, problems.items
    return CloudData(rows, families)


@pytest.fixture(scope="module")
def index(cloud_kb: CloudData) -> CloudIndex:
    return CloudIndex(cloud_kb)


def top(index: CloudIndex, text: str) -> Match:
    matches = index.search(text)
    assert matches, f"no match for {text!r}"
    return matches[0]


# --- the seed ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=[s["error_code"] for s in SEEDS])
def test_seed_message_through_the_full_resolver(service, seed: dict) -> None:
    """What the bot answers: the seed's code and status come first, ahead of any status card."""
    m = service.resolve(seed["message"]).matches[0]
    assert (m.kind, m.answer.error_code, m.status) == ("error", seed["error_code"], seed["status"])


@pytest.mark.parametrize("seed", SEEDS, ids=[s["error_code"] for s in SEEDS])
def test_seed_message_resolves_to_its_code_and_status(index: CloudIndex, seed: dict) -> None:
    for text in (seed["message"], seed["message"].rstrip("。"), seed["message"].replace(" ", "")):
        m = top(index, text)
        assert (m.answer.error_code, m.status) == (seed["error_code"], seed["status"]), text
        assert m.kind == "error"
        assert m.answer.error is not None and m.answer.error.seed_message == seed["message"]
        assert m.answer.error.provider == "aliyun" and m.answer.error.product == "ECS"


def test_seed_has_twelve_entries_with_sources() -> None:
    assert len(SEEDS) == 12
    assert all(s["source"].startswith("github.com/") and s["api"] == "CreateInstance" for s in SEEDS)
    assert {s["status"] for s in SEEDS} == {400, 403, 404, 500}


# --- codes --------------------------------------------------------------------------------


def test_exact_code_and_its_variants(index: CloudIndex) -> None:
    m = top(index, "InvalidImageId.NotFound")
    assert m.answer.error_code == "InvalidImageId.NotFound" and m.score >= 95
    assert m.answer.error is not None and m.answer.error.provider == "aliyun"
    statuses = {m.answer.error.status, *(v.status for v in m.answer.variants)}
    assert {400, 403, 404} <= statuses  # every documented status is kept
    assert all(
        v.error_code == m.answer.error_code and v.provider == m.answer.error.provider
        for v in m.answer.variants
    )
    assert m.to_json()["all_statuses"] == sorted(s for s in statuses if s is not None)
    assert m.answer.family is not None and m.answer.family.name == "not_found"


def test_code_is_case_insensitive(index: CloudIndex) -> None:
    m = top(index, "invalidimageid.notfound")
    assert m.answer.error_code == "InvalidImageId.NotFound" and m.score >= 95
    assert top(index, "hostname_illegal").answer.error_code == "HOSTNAME_ILLEGAL"


def test_exact_spelling_wins_over_other_case(index: CloudIndex) -> None:
    # Both spellings are documented; the one typed comes first.
    assert top(index, "InValidParameter").answer.error_code == "InValidParameter"
    assert top(index, "InvalidParameter").answer.error_code == "InvalidParameter"


def test_partial_code(index: CloudIndex) -> None:
    m = top(index, "Arrearage")
    assert m.answer.error_code == "Account.Arrearage"
    assert 80 <= m.score < CONFIDENT


def test_status_written_next_to_the_code_picks_that_row(index: CloudIndex) -> None:
    m = top(index, "InvalidImageId.NotFound 403")
    assert m.answer.error is not None and m.answer.error.status == 403


def test_seed_row_is_shown_first_for_a_seed_code(index: CloudIndex) -> None:
    m = top(index, "Account.Arrearage")
    assert m.answer.error is not None and m.answer.error.seed_message == "账号已经欠费。" and m.status == 400


def test_tencent_codes_carry_no_status(index: CloudIndex) -> None:
    m = top(index, "LimitExceeded.InstanceQuota")
    assert m.answer.error is not None and m.answer.error.provider == "tencentcloud"
    assert m.status is None and m.to_json()["all_statuses"] == []


# --- messages -----------------------------------------------------------------------------


def test_english_message_with_placeholder(index: CloudIndex) -> None:
    m = top(index, "The instance status “Stopped” is not applicable")
    assert m.answer.error_code == "IncorrectInstanceStatus"
    assert m.score <= 85  # a message alone is never confident


def test_message_inside_a_question(index: CloudIndex) -> None:
    m = top(index, "创建实例的时候报错：指定的 HostName 不合法，怎么办")
    assert (m.answer.error_code, m.status) == ("HOSTNAME_ILLEGAL", 404)


def test_traditional_chinese_message(index: CloudIndex) -> None:
    assert top(index, "帳號已經欠費").answer.error_code == "Account.Arrearage"


def test_provider_named_with_a_message_is_confident(index: CloudIndex) -> None:
    plain = top(index, "账号已经欠费")
    named = top(index, "阿里云 账号已经欠费")
    assert plain.score < CONFIDENT <= named.score
    assert "阿里云" in named.why


def test_provider_hint_picks_that_providers_row(index: CloudIndex) -> None:
    # NoSuchKey is documented by both Aliyun OSS and Huawei OBS.
    assert top(index, "华为云 OBS NoSuchKey").answer.error.provider == "huaweicloud"  # type: ignore[union-attr]
    assert top(index, "阿里云 OSS NoSuchKey").answer.error.provider == "aliyun"  # type: ignore[union-attr]


def test_a_forbidden_overwrite_is_no_refused_access(index: CloudIndex) -> None:
    # FileAlreadyExists says "禁止覆盖同名文件": an overwrite forbidden, not access refused.
    assert top(index, "阿里云 OSS 权限不足").answer.error_code == "AccessDenied"
    assert top(index, "OSS 上传时禁止覆盖，可同名文件已经在了").answer.error_code == "FileAlreadyExists"


def test_another_clouds_wording_does_not_lead_the_named_clouds_error(index: CloudIndex) -> None:
    # "签名错误" is Aliyun's message word for word; Huawei is named, and its own error reads alike.
    assert top(index, "华为云 OBS 签名错误").answer.error.provider == "huaweicloud"  # type: ignore[union-attr]
    assert top(index, "阿里云 OSS 签名错误").answer.error.provider == "aliyun"  # type: ignore[union-attr]


# --- pasted bodies ------------------------------------------------------------------------


def test_aliyun_json_body(index: CloudIndex) -> None:
    body = (
        '{"RequestId":"6C5F1A2B-8E3D","HostId":"ecs.aliyuncs.com","Code":"InvalidInstanceId.NotFound",'
        '"Message":"The specified InstanceId does not exist."}'
    )
    m = top(index, body)
    assert m.answer.error_code == "InvalidInstanceId.NotFound" and m.score >= 95
    assert m.answer.error is not None and m.answer.error.provider == "aliyun"


def test_oss_xml_body(index: CloudIndex) -> None:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code>'
        "<Message>The specified key does not exist.</Message><RequestId>5C3D</RequestId>"
        "<HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId></Error>"
    )
    m = top(index, body)
    assert (m.answer.error_code, m.status) == ("NoSuchKey", 404) and m.score >= 95
    assert m.answer.error is not None and m.answer.error.provider == "aliyun"


def test_huawei_json_body(index: CloudIndex) -> None:
    m = top(index, '{"error_code": "Ecs.0001", "error_msg": "租户云服务器配额不足", "request_id": "x"}')
    assert (m.answer.error_code, m.status) == ("Ecs.0001", 400) and m.score >= 95
    assert m.answer.error is not None and m.answer.error.provider == "huaweicloud"


def test_tencent_json_body(index: CloudIndex) -> None:
    body = (
        '{"Response": {"Error": {"Code": "InvalidAccount.InsufficientBalance", '
        '"Message": "账户余额不足。"}, "RequestId": "77aa0c1e"}}'
    )
    m = top(index, body)
    assert m.answer.error_code == "InvalidAccount.InsufficientBalance" and m.score >= 95
    assert m.answer.error is not None and m.answer.error.provider == "tencentcloud" and m.status is None


def test_truncated_json_body(index: CloudIndex) -> None:
    m = top(index, '{"RequestId":"D7E3","HostId":"ecs.aliyuncs.com","Code":"QuotaExceed.ElasticQuota","Mess')
    assert m.answer.error_code == "QuotaExceed.ElasticQuota" and m.score >= 95
    m = top(index, '{"Code":"InvalidImageId.NotFo')
    assert m.answer.error_code == "InvalidImageId.NotFound"


def test_cli_output(index: CloudIndex) -> None:
    text = "ERROR: SDK.ServerError\nErrorCode: InvalidSecurityGroupId.NotFound\nMessage: The specified SecurityGroupId does not exist."
    m = top(index, text)
    assert m.answer.error_code == "InvalidSecurityGroupId.NotFound" and m.score >= 95


def test_body_message_picks_the_row(index: CloudIndex) -> None:
    # Forbbiden is 403 in CreateInstance and 400 in ImportImage; the message says which.
    m = top(
        index,
        '{"Code":"Forbbiden","Message":"您暂时无法导入镜像。请提交工单联系阿里云，为您开启导入镜像功能。"}',
    )
    assert m.answer.error is not None and m.answer.error.status == 400 and m.answer.error.api == "ImportImage"


def test_parse_body_shapes() -> None:
    assert parse_body('{"Code":"A.B","Message":"m"}').code == "A.B"  # type: ignore[union-attr]
    huawei = parse_body('{"error_code":"Ecs.0001","error_msg":"x"}')
    assert huawei is not None and (huawei.code, huawei.provider) == ("Ecs.0001", "huaweicloud")
    tencent = parse_body('{"Response":{"Error":{"Code":"AuthFailure","Message":"m"}}}')
    assert tencent is not None and (tencent.code, tencent.provider) == ("AuthFailure", "tencentcloud")
    assert parse_body("<Code>NoSuchKey</Code>").code == "NoSuchKey"  # type: ignore[union-attr]
    assert parse_body("今天天气不错") is None


# --- families -----------------------------------------------------------------------------


def test_unknown_dotted_code_is_explained_by_its_family(index: CloudIndex) -> None:
    m = top(index, "Foo.Bar.NotFound")
    assert m.answer.error is None and m.answer.error_code == "Foo.Bar.NotFound"
    assert m.answer.family is not None and m.answer.family.name == "not_found" and m.status == 404
    assert m.score >= CONFIDENT  # naming an error code is a cloud question
    assert m.to_json()["family"] == "not_found"


@pytest.mark.parametrize(
    ("code", "family"),
    [
        ("Throttling.Api", "throttling"),
        ("Forbidden.RAMUser", "ram_forbidden"),
        ("Account.Arrearage.Foo", "arrearage"),
        ("IncorrectDiskStatus.Foo", "incorrect_status"),
        ("QuotaExceed.Widgets", "quota_exceeded"),
        ("InvalidWidget.Malformed", "malformed"),
        ("InvalidWidget.ValueNotSupported", "value_not_supported"),
        ("MissingParameter.Widget", "missing_parameter"),
        ("OperationDenied.Widget", "operation_denied"),
        ("InternalError.Widget", "internal_error"),
        ("AuthFailure.WidgetExpired", "auth_failure"),
        ("LimitExceeded.Widgets", "limit_exceeded"),
        ("ResourceInUse.Widget", "in_use"),
        ("ResourceNotFound.Widget", "resource_not_found_tencent"),
        ("UnauthorizedOperation.Widget", "unauthorized_operation"),
        ("UnsupportedOperation.Widget", "unsupported"),
        ("InvalidParameterValue.Widget", "invalid_parameter"),
    ],
)
def test_family_names(index: CloudIndex, code: str, family: str) -> None:
    fam = index.family_for(code)
    assert fam is not None and fam.name == family, (code, fam)


def test_tencent_families_invent_no_status(index: CloudIndex) -> None:
    for name in ("auth_failure", "unauthorized_operation", "limit_exceeded", "resource_not_found_tencent"):
        fam = next(f for f in index.families if f.name == name)
        assert fam.typical_status is None


def test_documented_code_beats_a_family(index: CloudIndex) -> None:
    m = top(index, "InvalidImageId.NotFound")
    assert m.answer.error is not None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("oss NoSuchKye", "NoSuchKey"),  # a transposition: the code, not its naming family
        ("NoSuchBukcet", "NoSuchBucket"),
        ("阿里云 Throtling 报错", "Throttling"),  # a one-word code misspelt, typed alone
    ],
)
def test_a_misspelt_code_beats_its_family(service, text: str, code: str) -> None:
    m = service.resolve(text).matches[0]
    assert (m.kind, m.answer.error_code) == ("error", code)


def test_a_capitalised_word_in_running_text_is_no_code_typo(service) -> None:
    matches = service.resolve("Something went wrong, please try again later").matches
    assert all(m.kind != "error" for m in matches)


# --- no hijacking -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "请求超时",
        "网关超时怎么办",
        "大家中午吃什么",
        "404",
        "403 Forbidden",
        "forbidden",
        "服务器内部错误",
        "internal server error",
        "Service Unavailable",
        "Too Many Requests",
        "Request-URI Too Large",
        "Bad Request",
        "参数错误",
        "内部错误",
        "502 bad gateway",
    ],
)
def test_status_questions_are_not_hijacked(index: CloudIndex, text: str) -> None:
    assert not index.is_confident_code_query(text)
    assert all(m.score < CONFIDENT for m in index.search(text))


def test_naming_a_provider_or_code_makes_it_confident(index: CloudIndex) -> None:
    assert index.is_confident_code_query("阿里云 请求超时")
    assert index.is_confident_code_query("RequestTimeout 阿里云 OSS")
    assert index.is_confident_code_query("InvalidImageId.NotFound")
    assert not index.is_confident_code_query("")


def test_provider_hints() -> None:
    hints = provider_hints("腾讯云 CVM 调用报错 404")
    assert hints.providers == {"tencentcloud"} and ("tencentcloud", "CVM") in hints.products
    assert hints.statuses == {404}
    assert provider_hints("param 格式").providers == frozenset()  # "ram" inside a word is not RAM


# --- shape, determinism, speed ------------------------------------------------------------


def test_results_are_well_formed_and_deterministic(cloud_kb: CloudData) -> None:
    first, second = CloudIndex(cloud_kb), CloudIndex(cloud_kb)
    for text in ("内部错误", "NotFound", "指定的镜像不存在", "InternalError", "Forbidden"):
        a, b = first.search(text, limit=10), second.search(text, limit=10)
        assert [(m.answer.error_code, m.score, m.answer.error) for m in a] == [
            (m.answer.error_code, m.score, m.answer.error) for m in b
        ]
        assert [m.score for m in a] == sorted((m.score for m in a), reverse=True)
        for m in a:
            assert m.kind == "error" and 0 <= m.score <= 100 and m.why
            if m.answer.error is not None:  # a documented row (its code may be shown as met: APIGW.0201)
                assert m.answer.error.error_code in first._by_exact
            else:  # a naming family's reading of an undocumented code
                assert m.answer.family is not None and m.answer.error_code not in first._by_exact


def test_limit(index: CloudIndex) -> None:
    assert len(index.search("NotFound", limit=2)) <= 2
    assert index.search("   ") == []


def test_no_telegram_import() -> None:
    kind = Path(__file__).resolve().parent.parent / "bot" / "kinds" / "cloud"
    for path in kind.glob("*.py"):
        assert "telegram" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("阿里云 OSS 签名算出来和服务端的对不上，一直403", "SignatureDoesNotMatch"),
        ("阿里云OSS 调接口返回 405，说不支持这个方法", "MethodNotAllowed"),
        ("OBS 返回301，让我换个地址访问这个桶", "PermanentRedirect"),
    ],
)
def test_a_typed_status_a_named_providers_error_explains_leads_with_that_error(service, text, code) -> None:
    first, second = service.resolve(text).matches[:2]
    assert (first.kind, first.answer.error_code) == ("error", code)
    assert first.score >= 80 and second.kind == "status" and second.status == first.status


@pytest.mark.parametrize(
    "text", ["华为云上部署的服务报 503 服务不可用", "在阿里云上跑的网站 404 找不到页面", "阿里云 OSS 报 403"]
)
def test_a_typed_status_retold_only_by_its_own_names_stays_the_status(service, text) -> None:
    top = service.resolve(text).matches[0]
    assert top.kind == "status"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A named product with the status it returned: the words beside them are the retelling.
        ("APIG 返回 403，说我的 APP 没有被授权访问这个 API", "APIGW.0304"),
        ("OBS GetObject 416: the requested range is not satisfiable", "InvalidRange"),
        # The cloud "saying" something is the vendor's message retold.
        ("阿里云负载均衡说我还没在这个端口上创建监听", "ListenerNotFound"),
        ("华为云 OBS 多段上传合并时，说段列表没有按段号升序排", "InvalidPartOrder"),
        # "API 网关" typed with a space names APIG; it names two products (the API and its
        # gateway runtime), and a row is of one: the other does not count against its share.
        ("华为云 API 网关调用超出了流控阈值", "APIGW.0308"),
    ],
)
def test_a_product_told_with_its_status_or_its_words_is_read_by_meaning(service, text, code) -> None:
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.error_code) == ("error", code)


@pytest.mark.parametrize("text", ["阿里云今天发布会说要降价了", "听说华为云 OBS 要涨价", "阿里云 OSS 报 403"])
def test_news_about_a_cloud_is_no_retelling(service, text) -> None:
    matches = service.resolve(text).matches
    assert not matches or matches[0].kind == "status"


def test_a_products_only_error_with_the_typed_status_leads_a_weak_reading(service) -> None:
    first, second = service.resolve("早上好☀️ 请问阿里云 SLB 接口返回 449 是什么情况").matches[:2]
    assert (first.answer.error_code, second.kind, second.status) == ("SystemBusy", "status", 449)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Taken by someone else, or already one's own: near-sibling codes told apart.
        ("华为云 OBS 创建桶，说这个桶名已经被别人用了", "BucketAlreadyExists"),
        ("huawei obs: bucket name already taken by another user", "BucketAlreadyExists"),
        ("华为云 OBS 建桶，说这个名字的桶我自己之前已经建过了", "BucketAlreadyOwnedByYou"),
        ("阿里云oss创建存储空间，提示这个名字的bucket已经被人用了", "BucketAlreadyExists"),
    ],
)
def test_taken_by_someone_else_is_told_from_already_ones_own(service, text, code) -> None:
    assert service.resolve(text).matches[0].answer.error_code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("华为云 OBS 下载时请求的 range 超出了对象大小，返回 416", "InvalidRange"),
        ("华为云 ECS 接口被流控了，奇怪的是状态码是 202", "Common.0024"),
        # APIG.0201 (answered as the gateway returns it, APIGW.0201) is documented with 504 and with
        # other statuses: the row shown is the 504 one.
        ("华为 APIG 转发到后端，后端太慢网关等不及了，返回 504", "APIGW.0201"),
        # Ahead of the next code by a tenth is ahead (NoSuchKey beside the console's SYS.0015).
        ("OBS 下载对象一直 404，对象路径是脚本拼出来的 /srv/data/a.log", "NoSuchKey"),
        # COS is named by its own name, so the cloud is Tencent's; what went wrong (access denied)
        # decides, not the thing (an object's state).
        ("用 COS 的 Python SDK 往私有桶里传对象，403 Access Denied", "AccessDenied"),
    ],
)
def test_a_product_and_typed_status_pick_the_error_the_words_fit(service, text, code) -> None:
    first, second = service.resolve(text).matches[:2]
    assert first.answer.error_code == code and second.kind == "status" and second.status == first.status
    if "COS" in text:
        assert first.answer.error.provider == "tencentcloud"


def test_asked_for_the_vendors_error_code_a_status_alias_in_the_words_is_the_vendors_too(service) -> None:
    # 系统维护 is also one of 503's own aliases; asked for Aliyun's error code, it is Aliyun's wording.
    first, second = service.resolve("阿里云这个地域在做系统维护，API 一直回 503，对应哪个错误码").matches[:2]
    assert (first.answer.error_code, first.status) == ("ServiceUnavailable.RegionMaintaining", 503)
    assert (second.kind, second.status) == ("status", 503)
    # Not asked for an error code, a status told in its own words stays the status.
    assert service.resolve("阿里云上的网站 503 了，说系统维护").matches[0].kind == "status"


def test_a_web_status_on_a_product_with_no_words_for_its_errors_stays_the_status(service) -> None:
    # "ECS 上的 nginx 返回 504": the status is the web server's, no ECS API error's.
    assert service.resolve("阿里云 ECS 上的 nginx 返回 504 了").matches[0].kind == "status"


def test_a_named_provider_keeps_a_shared_product_word_to_itself(service) -> None:
    # 云硬盘 is Tencent's CBS too; with Huawei named it is no second cloud (EVS, Huawei's block
    # storage, is its ECS API's here).
    hints = provider_hints("华为云建云硬盘失败，说 EVS 磁盘配额不足")
    assert hints.providers == {"huaweicloud"} and hints.products == {("huaweicloud", "ECS")}
    assert provider_hints("腾讯云 云硬盘 扩容失败").products == {("tencentcloud", "CBS")}
    top = service.resolve("华为云建云硬盘失败，说 EVS 磁盘配额不足").matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == ("huaweicloud", "Ecs.0021")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # An SDK exception class named after the code, behind a module path, beside a status.
        (
            "oss2.exceptions.SignatureDoesNotMatch: {'status': 403, 'details': {'Message': 'x'}}",
            "SignatureDoesNotMatch",
        ),
        # The OSS CLI names the product.
        ("ossutil cp 报 404 The specified bucket does not exist.", "NoSuchBucket"),
        ("用 oss2 传文件，服务端说我算出来的签名跟它算的对不上", "SignatureDoesNotMatch"),
    ],
)
def test_sdk_and_cli_names_point_at_the_cloud_error(service, text, code) -> None:
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.error.provider, top.answer.error_code) == ("error", "aliyun", code)


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        # S3's codes are every storage's: the SDK's exception class says whose.
        ("ObsException: status:403, errorCode:SignatureDoesNotMatch, errorMessage:sig mismatch", "huaweicloud"),
        ("com.aliyun.oss.OSSException: bad signature [ErrorCode]: SignatureDoesNotMatch", "aliyun"),
    ],
)
def test_a_storage_sdks_exception_names_its_cloud(service, text, provider) -> None:
    top = service.resolve(text).matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == (provider, "SignatureDoesNotMatch")


def test_another_clouds_sdk_exception_is_no_answer_of_ours(service) -> None:
    # botocore is AWS: a same-named code of the clouds here is a choice, never the answer.
    top = service.resolve("botocore.errorfactory.NoSuchBucket: An error occurred").matches[0]
    assert top.score < 80


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A status's log signatures share these English words; they count little in word overlap.
        ("a listener already exists on that port", "ListenerAlreadyExists"),
        ("other commands are being executed. try again later", "Ecs.0603"),
    ],
)
def test_english_vendor_messages_are_not_read_through_a_status_signature(service, text, code) -> None:
    assert service.resolve(text).matches[0].answer.error_code == code


def test_a_pick_among_a_products_errors_with_the_status_says_so(service) -> None:
    # OSS returns many errors with 404: the one picked by its words is not "the only one".
    top = service.resolve("@bot 阿里云 OSS 404 NoSuchKey 那个我懂，我的是软链接指向的文件没了，叫啥").matches[0]
    assert top.answer.error_code == "SymlinkTargetNotExist"
    assert "最相符" in top.why and "只有" not in top.why
    only = service.resolve("早上好 请问阿里云 SLB 接口返回 449 是什么情况").matches[0]
    assert "只有它以 449 返回" in only.why


def test_an_api_action_names_its_product_and_its_errors_come_first(service) -> None:
    # DeleteDisk is documented by Aliyun's ECS: the question names no cloud, the action does.
    top = service.resolve("DeleteDisk 释放一块数据盘，提示磁盘仍然挂载在实例上").matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == ("aliyun", "DiskStillAttached")
    assert "DeleteDisk" in top.why
    # The action's own documented errors rank above look-alikes from other actions.
    top = service.resolve("ModifyInstanceSpec 给一台按量ECS升配，提示实例未处于停止状态，是必须先停机才能改规格吗").matches[0]
    assert top.answer.error_code == "InvalidInstanceStatus.NotStopped"


def test_an_action_of_the_same_name_under_another_named_cloud_is_that_clouds(service) -> None:
    top = service.resolve("腾讯云CVM已经关机了，脚本又调了一遍 StopInstances，返回说请求不支持已关机的实例").matches[0]
    assert top.answer.error.provider == "tencentcloud"


def test_an_sdk_exceptions_error_sentence_is_the_message_when_a_cloud_is_named(service) -> None:
    text = (
        "aliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: 403 "
        "Error: The specified snapshot has not completed yet. RequestID: 7A1F3C2E-0B9D-4E3A"
    )
    assert service.resolve(text).matches[0].answer.error_code == "InvalidSnapshotId.NotReady"
    assert parse_body("Error: The specified snapshot has not completed yet.") is None  # no cloud named
    body = parse_body("HTTP Status: 403 Error: Some sentence. RequestID: 7A1F", cloud_named=True)
    assert body is not None and body.message == "Some sentence."


def test_an_error_with_no_documented_status_explains_a_200_beside_it(service) -> None:
    # Tencent Cloud's API answers 200 and puts the error in Response.Error.
    first, second = service.resolve(
        "cbs ResizeDisk 200 OK but Error: The cloud disk is currently being migrated, please retry later."
    ).matches[:2]
    assert first.answer.error_code == "ResourceInUse.DiskMigrating"
    assert (second.kind, second.status) == ("status", 200)
    assert service.resolve("腾讯云接口返回 200 是什么意思").matches[0].kind == "status"


def test_tencents_response_error_shape_names_tencent(service) -> None:
    assert parse_body("DeleteImages failed, Response.Error.Message: The image is busy.").provider == "tencentcloud"
    top = service.resolve('{"Response":{"Error":{"Message":"CAM role name authentication failed"},"RequestId":"b1"}}')
    assert top.matches[0].answer.error_code == "AuthFailure.CamRoleNameAuthenticateFailed"


def test_another_providers_message_template_does_not_hide_the_named_clouds_error(service) -> None:
    # "The operation is not supported …" fits an Aliyun template; the paste is Tencent's CVM.
    top = service.resolve("tccli cvm ResizeInstanceDisks -> Error: The operation is not supported for frozen instances.")
    first = top.matches[0]
    assert (first.answer.error.provider, first.answer.error_code) == (
        "tencentcloud",
        "UnsupportedOperation.InstanceStateFreezing",
    )


def test_a_products_everyday_name_is_cloud_talk_but_a_load_balancer_is_anyones(service) -> None:
    top = service.resolve("AttachDisks 返回说云硬盘已挂载至其他云服务器上").matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == ("tencentcloud", "ResourceUnavailable.Attached")
    # Asked (a bare "…失败" is left to the chatter model, which reads it beside "…全绿了，收工").
    assert service.resolve("负载均衡健康检查失败怎么办").matches[0].kind == "status"


def test_a_documented_message_quoted_inside_a_question_names_its_error(service) -> None:
    # (Not after TerminateInstances: that names Tencent CVM, and the rest is then the message whole.)
    top = service.resolve("调退还接口提示实例使用商业操作系统，不支持退还").matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == (
        "tencentcloud",
        "UnsupportedOperation.RedHatInstanceTerminateUnsupported",
    )
    assert "引用了错误信息原文" in top.why
    # The quote keeps a product's name that is part of it ("指定的RAM角色不存在", not 指定的角色不存在).
    top = service.resolve("阿里云 STS 调用 AssumeRole，提示指定的 RAM 角色不存在，是哪个错误码？").matches[0]
    assert top.answer.error_code == "EntityNotExist.Role"


def test_a_message_that_only_says_a_call_failed_is_no_quote(service) -> None:
    # "创建云服务器失败" is the message of several Huawei codes; the rest of the words decide.
    top = service.resolve("华为云子网里IP不够用了，创建云服务器失败，让释放IP或者换子网").matches[0]
    assert top.answer.error_code == "Ecs.0012"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Words only a cloud console uses bring the cloud kind in beside a typed status.
        ("STS 拿到的临时凭证调接口报 403，说 STS Token 没有权限", "NoPermission"),
        ("云助手命令今天跑了几百次以后开始报 403，说一个地域每天最多只能运行 500 次", "Invocation.ExceedQuota"),
        # Cloud vocabulary and a plainly reported error are a retelling, no cloud named.
        ("用镜像市场的镜像开机，报错说这个镜像还没在镜像市场订阅", "ImageNotSubscribed"),
    ],
)
def test_cloud_words_with_no_cloud_named(service, text, code) -> None:
    assert service.resolve(text).matches[0].answer.error_code == code


def test_an_english_message_quoted_inside_chinese_text_is_that_message(service) -> None:
    text = "ECS DescribeInstanceAttribute 返回 The specified InstanceId does not exist. RequestId: 7A3F...，错误码被日志截掉了"
    top = service.resolve(text).matches[0]
    assert (top.answer.error_code, top.why.split("，")[0]) == ("InvalidInstanceId.NotFound", "错误信息一致")


def test_sts_names_a_cloud_whose_error_code_is_asked(service) -> None:
    text = "STS AssumeRole 传了个 DurationSeconds=60，结果说参数无效，是哪个错误码"
    assert service.resolve(text).matches[0].answer.error_code == "InvalidParameter.DurationSeconds"


def test_a_code_typed_whole_leads_the_codes_it_is_part_of(service) -> None:
    keys = [m.answer.error_code for m in service.resolve("阿里云 Forbbiden 是什么错误").matches]
    assert keys[0] == "Forbbiden"
    assert "Forbbiden.SubUser" in keys[1:]  # the longer codes stay beside it


def test_families_read_at_build_are_the_patterns(index: CloudIndex) -> None:
    """The build reads each documented code's family piece by piece (CloudIndex._family_at);
    the one pattern of all families must say the same, and so for codes it never saw."""
    codes = list(index._codes)
    assert all(index.family_for(code) is index._family_by_pattern(code) for code in codes)
    typed = [f(code) for code in codes for f in (str.upper, lambda c: "Foo." + c, lambda c: c[1:] + "X")]
    read = _families_of(typed, index.families, index._family_by_pattern)
    assert all(
        (index.families[at - 1] if at else None) is index._family_by_pattern(code)
        for code, at in zip(typed, read, strict=True)
    )


# --- Tencent Cloud's common errors (scripts/cloud_sources/tencentcloud.tsv) -------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("AuthFailure.SignatureExpire", "AuthFailure.SignatureExpire"),
        (
            '{"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "请求的次数超过了频率限制。"}, '
            '"RequestId": "6b2d1a3e-0000-4c1f-9f0e-0d451b8b79c6"}}',
            "RequestLimitExceeded",
        ),
        # The documented English wording, pasted without its code.
        (
            "腾讯云接口返回 The provided credentials could not be validated. Please check your signature is correct.",
            "AuthFailure.SignatureFailure",
        ),
        ("[TencentCloudSDKException] code:AuthFailure.SecretIdNotFound message:The SecretId is not found", "AuthFailure.SecretIdNotFound"),
    ],
)
def test_tencent_common_errors_are_answered_by_their_row(service, text: str, code: str) -> None:
    """Every Tencent API returns these; before they were in the tables a typed one got only its
    family's card (no row, no provider)."""
    m = service.resolve(text).matches[0]
    assert m.kind == "error" and m.answer.error is not None
    assert (m.answer.error.provider, m.answer.error_code) == ("tencentcloud", code)
    assert m.answer.error.product == "公共错误码"


# --- Aliyun's common errors (scripts/cloud_sources/aliyun.tsv) -----------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("aliyun cli 报 InvalidSecurityToken.Expired 是怎么回事", "InvalidSecurityToken.Expired"),
        ("阿里云 STS 拿的临时凭证用了一阵子，接口开始说 SecurityToken 过期了", "InvalidSecurityToken.Expired"),
        ("ErrorCode: Throttling.User Message: Request was denied due to user flow control.", "Throttling.User"),
        ("阿里云 OpenAPI 返回 Specified time stamp or date value is expired.", "InvalidTimeStamp.Expired"),
        ("伸缩组挂 SLB 失败：The load balancer lb-bp1xyz does not exist", "InvalidLoadBalancerId.NotFound"),
    ],
)
def test_aliyun_common_errors_are_answered_by_their_row(service, text: str, code: str) -> None:
    """Every Aliyun API can return these; the ECS, SLB, OSS and RAM tables do not list them."""
    m = service.resolve(text).matches[0]
    assert m.kind == "error" and m.answer.error is not None
    assert (m.answer.error.provider, m.answer.error_code) == ("aliyun", code)


@pytest.mark.parametrize(
    ("text", "provider", "code"),
    [
        ("腾讯云短信发不出去，说套餐包里的条数用完了", "tencentcloud", "FailedOperation.InsufficientBalanceInSmsPackage"),
        ("阿里云短信 SendSms 报签名不合法，签名是审核通过的", "aliyun", "isv.SMS_SIGNATURE_ILLEGAL"),
    ],
)
def test_sms_errors_are_read_by_meaning(service, text: str, provider: str, code: str) -> None:
    """Both clouds' SMS errors (scripts/cloud_sources): before they were in the tables such a
    retelling got a compute error that merely read alike."""
    m = service.resolve(text).matches[0]
    assert m.kind == "error" and (m.answer.error.provider, m.answer.error_code) == (provider, code)
    assert m.answer.error.status is None  # both answer HTTP 200 with the error in the body


def test_huaweis_gateway_code_is_answered_as_it_was_met(service) -> None:
    # The gateway prints APIGW.0308; the error table lists the same error as APIG.0308. The
    # answer keeps the spelling the user met and the card names the table's.
    m = service.resolve('{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}').matches[0]
    assert (m.answer.error_code, m.answer.error.error_code) == ("APIGW.0308", "APIG.0308")
    card = service.ask('{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}').plain()
    assert "错误码 APIGW.0308" in card and "错误码表里写作 APIG.0308" in card
    assert service.resolve("APIG.0308").matches[0].answer.error_code == "APIG.0308"


def test_huaweis_gateway_errors_told_in_words_are_named_as_the_gateway_returns_them(service) -> None:
    # No code typed: the runtime's spelling leads, since it is what the user will see and search for.
    m = service.resolve("华为云返回 The IAM user is not authorized to access the API.").matches[0]
    assert (m.answer.error_code, m.answer.error.error_code) == ("APIGW.0302", "APIG.0302")
    assert m.to_json()["error_code"] == "APIGW.0302"
    card = service.ask("华为云返回 The IAM user is not authorized to access the API.").plain()
    assert "错误码 APIGW.0302" in card and "错误码表里写作 APIG.0302" in card
    # The gateway's management API errors (APIG.3xxx) are returned as the table spells them.
    assert service.resolve("APIG.3002").matches[0].answer.error_code == "APIG.3002"


def test_a_code_and_its_refinement_are_one_reading_not_two_rivals(service) -> None:
    # Throttling (the ECS tables) and Throttling.User (the common errors) read alike; a plain
    # "被限流" question is answered with the plain code, not dropped as undecided.
    m = service.resolve("阿里云接口调太快被限流了，返回的错误码是哪个").matches
    assert [x.answer.error_code for x in m if x.kind == "error"][:1] == ["Throttling"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("阿里云 SDK 调用说 AccessKey 找不到，我明明刚在控制台创建的，是不是要等生效", "InvalidAccessKeyId.NotFound"),
        ("华为云 obs 上传文件说桶不存在，桶名我是从控制台复制的", "NoSuchBucket"),
    ],
)
def test_the_words_a_story_says_the_cloud_answered(service, text: str, code: str) -> None:
    """The whole story reads as no one row; the clause after 说 / 报 / 提示 does."""
    m = service.resolve(text).matches[0]
    assert m.kind == "error" and m.answer.error_code == code


def test_a_bucket_name_taken_is_the_bucket_existing(service):
    top = service.resolve("创建 OSS bucket 提示这个名字已经被占用了，可我账号下根本没有这个名字的").matches[0]
    assert top.answer.error_code == "BucketAlreadyExists"


def test_a_short_message_in_quotation_marks_is_the_clouds_wording(service):
    text = "在杭州H区开 ecs.g7.large，接口回来就俩字“库存不足”，换个可用区能好吗？"
    assert service.resolve(text).matches[0].answer.error_code == "OperationDenied.NoStock"


def test_a_sentence_in_quotation_marks_inside_english_is_the_clouds_wording(service):
    text = 'Aliyun API says "Your account does not have enough balance." when I try to create an ECS instance'
    top = service.resolve(text).matches[0]
    assert top.answer.error_code in {"InsufficientBalance", "InvalidAccountStatus.NotEnoughBalance"}
    # One or two quoted words are no message: a field's name, a reason phrase.
    assert "引用了错误信息原文" not in service.resolve('the "Forbidden" status from the Aliyun API').matches[0].why


def test_the_host_a_body_names_says_whose_body_it_is(service):
    """Huawei OBS answers in Aliyun OSS's XML layout; its HostId says it is Huawei's."""
    body = (
        "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the "
        "server's time is too large.</Message><RequestId>0000018F2A3B4C5D</RequestId>"
        "<HostId>mybkt.obs.cn-north-4.myhuaweicloud.com</HostId></Error>"
    )
    assert service.resolve(body).matches[0].answer.error.provider == "huaweicloud"
    aliyun = body.replace("obs.cn-north-4.myhuaweicloud.com", "oss-cn-hangzhou.aliyuncs.com")
    assert service.resolve(aliyun).matches[0].answer.error.provider == "aliyun"


def test_a_concept_word_typed_by_its_sound(service):
    top = service.resolve("阿里云 账户欠废 调不了接口").matches[0]
    assert top.answer.error_code == "Account.Arrearage" and "按读音读作「欠费」" in top.why


def test_the_terms_read_by_sound_are_concept_words():
    """A term put in by its sound must be one the meaning index reads as a concept."""
    from bot.kinds.cloud.concepts import CONCEPTS
    from bot.kinds.cloud.sounds import SOUND_WORDS

    assert set(SOUND_WORDS) <= {word for words in CONCEPTS.values() for word in words}


@pytest.mark.parametrize(
    ("text", "spelt", "put"),
    [
        ("阿里云 账户欠废 调不了接口", "阿里云 账户欠费 调不了接口", ["欠费"]),
        ("oss 存储空间不存再", "oss 存储空间不存在", ["不存在"]),
        ("镜象不存在", "镜像不存在", ["镜像"]),
        ("阿里云 账户欠费 调不了接口", "阿里云 账户欠费 调不了接口", []),  # typed right
        ("阿里云全线故障", "阿里云全线故障", []),  # 权限 is two characters off
        ("说这个 API 已经发布了", "说这个 API 已经发布了", []),  # not a term: 不了 is read as typed
    ],
)
def test_respelling_swaps_one_character_of_a_term(text, spelt, put):
    from bot.core.sounds import Respeller
    from bot.kinds.cloud.sounds import SOUND_WORDS

    assert Respeller(SOUND_WORDS).respell(text) == (spelt, put)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("阿里云 STS AssumeRole 说我传的令牌有效期参数无效", "InvalidParameter.DurationSeconds"),  # 有效期: a duration
        ("Aliyun ECS: you can create at most 30 launch templates in one region", "LaunchTemplateLimitExceed"),  # a limit
        # Sales suspended for now (暂停售卖 holds 停售, "no longer sold"): out of stock, not retired.
        ("阿里云 RunInstances 开 ecs.g7.large，提示该资源目前库存不足暂停售卖", "OperationDenied.NoStock"),
        ("阿里云买 ECS 说这个规格暂时售罄了，暂停销售，稍后再试", "OperationDenied.NoStock"),
        # Out of stock (库存) is its own word, apart from a zone sold out (Zone.NotOnSale's 售罄).
        ("阿里云开 ECS 报所选实例规格在这个可用区库存不足，换个可用区能行吗", "OperationDenied.NoStock"),
        ("腾讯云 CVM 下单提示该实例类型已售罄", "ResourcesSoldOut.SpecifiedInstanceType"),
        # A request's timestamp is its own thing (InvalidTimeStamp.*), not any time or date.
        ("阿里云 API 报 timestamp expired，可是服务器时间没问题啊", "InvalidTimeStamp.Expired"),
        # Not enough money is a balance, before "not enough" alone reads it as a shortage.
        ("Tencent CVM RunInstances says there is not enough money left in my account", "InvalidAccount.InsufficientBalance"),
        # A rate limit (频率限制), Tencent's common RequestLimitExceeded, not a filter's value limit.
        ("腾讯云 SDK 循环调接口，返回请求频率超过限制", "RequestLimitExceeded"),
        # The instance bought is the scene; what the cloud said is about the zone.
        ("腾讯云 CVM 买实例，提示这个可用区已经卖光了", "ResourceInsufficient.AvailabilityZoneSoldOut"),
    ],
)
def test_durations_and_limits_in_the_concept_lexicon(service, text, code):
    assert service.resolve(text).matches[0].answer.error_code == code


def test_the_servers_time_and_a_disks_type(service):
    text = "Alibaba OSS rejects my PUT saying the gap between my request time and the server's time is too big. Which error is that?"
    assert service.resolve(text).matches[0].answer.error_code == "RequestTimeTooSkewed"
    from bot.kinds.cloud.concepts import concepts_in, surface

    assert "instancetype" not in concepts_in(surface("指定的云盘规格已售罄"))[0]  # a disk's type


def test_tencent_common_error_codes_asked_for_by_that_name(service):
    text = "腾讯云 CVM 每秒调用次数太多，超过了接口的频率限制，返回的公共错误码是哪个"
    assert service.resolve(text).matches[0].answer.error_code == "RequestLimitExceeded"


def test_an_object_missing_inside_a_bucket_is_no_missing_bucket(service):
    # The bucket is where the object was looked for; the object is what went missing.
    assert service.resolve("华为云 OBS 桶里的对象找不到了").matches[0].answer.error_code == "NoSuchKey"
    assert service.resolve("OSS 存储桶不存在").matches[0].answer.error_code == "NoSuchBucket"


# --- products answered only when asked about (hints.NAMED_ONLY) ---------------------------


def _products(matches: list[Match]) -> set[tuple[str, str]]:
    return {(m.answer.error.provider, m.answer.error.product) for m in matches if m.answer.error is not None}


def test_a_later_product_stays_out_of_questions_about_something_else(index: CloudIndex) -> None:
    # COS documents Redirect (307) and RDS an exact backup-size message; neither is asked about here.
    assert ("tencentcloud", "COS") not in _products(index.search("Redirect"))
    assert ("tencentcloud", "COS") not in _products(index.search("重定向到登录页用 Redirect 还是 302"))
    assert index.search("数据备份文件最大不超过3TB") == []
    assert ("aliyun", "RDS") not in _products(index.search("阿里云 ECS 说指定的实例不存在"))


def test_a_later_product_answers_when_named(index: CloudIndex) -> None:
    m = top(index, "腾讯云 COS 返回 Redirect 是什么意思")
    assert (m.answer.error.provider, m.answer.error.product, m.answer.error_code) == ("tencentcloud", "COS", "Redirect")
    m = top(index, "阿里云 RDS 数据备份文件最大不超过3TB")
    assert m.answer.error_code == "BakFileSizeExceeded" and m.answer.error.product == "RDS"
    # The product's name is no word of the message it quotes.
    m = top(index, "阿里云 RDS The specified DB instance does not exist.")
    assert m.answer.error_code == "Forbidden.InstanceNotFound" and m.tier == "message"
    # A word every cloud uses opens the product only with its provider named.
    assert ("huaweicloud", "VPC") in _products(index.search("华为云 子网 创建失败 说 VPC 不存在"))
    assert ("huaweicloud", "VPC") not in _products(index.search("子网 创建失败 说 VPC 不存在"))


def test_a_later_products_code_typed_opens_it(index: CloudIndex) -> None:
    for typed in ("InvalidDBInstanceId.NotFound", "invaliddbinstanceid.notfound"):
        m = top(index, typed)
        assert (m.answer.error.provider, m.answer.error.product) == ("aliyun", "RDS"), typed
    # Another cloud named: not that cloud's code.
    assert ("aliyun", "RDS") not in _products(index.search("华为云 InvalidDBInstanceId.NotFound"))
    # A code other products document too is theirs first, the later product's beside them.
    matches = index.search("NoSuchBucket")
    assert matches[0].answer.error.provider == "aliyun"
    assert ("tencentcloud", "COS") in _products(matches)
    m = top(index, "腾讯云 <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message></Error>")
    assert (m.answer.error.provider, m.answer.error.product) == ("tencentcloud", "COS") and m.status == 404


def test_an_undocumented_code_of_the_cloud_named_is_that_clouds(service) -> None:
    # Tencent's container service (TKE) table is not here: the code is read by its naming
    # family, as Tencent's.
    text = '{"Response":{"Error":{"Code":"ResourceNotFound.ClusterNotFound","Message":"集群不存在"},"RequestId":"2c9e4b1a"}}'
    m = service.resolve(text).matches[0]
    assert m.answer.error is None and m.answer.family is not None
    assert m.answer.provider == "tencentcloud" and m.to_json()["provider"] == "tencentcloud"
    assert service.ask(text).plain().splitlines()[0] == "☁️ 腾讯云 API 错误码 ResourceNotFound.ClusterNotFound"
    # No cloud named: no cloud claimed.
    m = service.resolve("Foo.Bar.NotFound").matches[0]
    assert m.answer.error is None and m.answer.provider == ""
    assert service.ask("Foo.Bar.NotFound").plain().splitlines()[0] == "☁️ 云 API 错误码 Foo.Bar.NotFound"


def test_clouds_tied_on_a_code_put_the_one_named_first(service) -> None:
    # Three clouds document NoSuchKey; naming COS makes the pasted body Tencent's.
    text = "COS 下载文件报 <Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
    assert service.resolve(text).matches[0].answer.provider == "tencentcloud"
    # The code typed alone names no cloud: the fixed order stands.
    assert service.resolve("NoSuchKey").matches[0].answer.provider == "aliyun"


def test_a_message_quoted_with_a_chinese_comma_after_it_keeps_the_named_products_cloud(service) -> None:
    # The comma ends the quoted message; what follows is a step already taken ("I did add it"),
    # not the trouble settled. COS is named, so Tencent's row leads the three that say it.
    text = "COS 访问 bucket 提示 The specified bucket does not exist，appid 后缀我加了"
    top = service.resolve(text).matches[0]
    assert (top.answer.provider, top.answer.error_code, top.tier) == ("tencentcloud", "NoSuchBucket", "message")


def test_full_width_letters_are_folded_without_the_chinese_punctuation(service) -> None:
    top = service.resolve("ＩｎｖａｌｉｄＩｍａｇｅＩｄ．ＮｏｔＦｏｕｎｄ，怎么办").matches[0]
    assert top.answer.error_code == "InvalidImageId.NotFound"


def test_a_code_typed_a_letter_off_inside_a_short_question(service) -> None:
    top = service.resolve("阿里云 OSS 上传报 SignatureDoesNotMach，签名到底怎么算").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "SignatureDoesNotMatch")
    # A Java exception's class name is CamelCase too, but like no code: not read as one.
    assert all(m.kind != "error" for m in service.resolve("报 HttpClientErrorException 是啥").matches)


@pytest.mark.parametrize(
    ("text", "provider", "code"),
    [
        ("阿里云报 InvalidAccesKeyId.NotFund，AK 是新建的", "aliyun", "InvalidAccessKeyId.NotFound"),
        ("腾讯云接口报 AuthFailure.SecretIdNotFund，密钥刚建的", "tencentcloud", "AuthFailure.SecretIdNotFound"),
    ],
)
def test_a_dotted_code_typed_a_letter_off_is_the_real_code_not_a_family_reading(service, text, provider, code) -> None:
    top = service.resolve(text).matches[0]
    assert (top.answer.provider, top.answer.error_code) == (provider, code)


def test_the_first_sentence_of_a_longer_english_message_quoted_alone(service) -> None:
    # OSS's BucketAlreadyExists says three sentences; people paste the first.
    top = service.resolve("阿里云 OSS 建 bucket 报 The requested bucket name is not available，换了几个名字都不行").matches[0]
    assert (top.answer.provider, top.answer.error_code, top.tier) == ("aliyun", "BucketAlreadyExists", "message")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("腾讯云的接口报请求频率超限，怎么回事", "RequestLimitExceeded"),
        ("腾讯云接口被限流了怎么办", "RequestLimitExceeded"),
        ("腾讯云报缺少必选参数", "MissingParameter"),
    ],
)
def test_a_status_alias_said_of_a_named_cloud_is_that_clouds_common_error(service, text, code) -> None:
    # 429's everyday names (频率超限, 接口被限流) said of Tencent Cloud: its common error table's
    # code leads, the status stays among the answers.
    matches = service.resolve(text).matches
    assert (matches[0].kind, matches[0].answer.provider, matches[0].answer.error_code) == ("error", "tencentcloud", code)
    if code == "RequestLimitExceeded":
        assert 429 in [m.status for m in matches[1:3]]
    # No cloud named, the status keeps its lead.
    assert service.resolve("接口请求频率超限怎么办").matches[0].status == 429


def test_aliyun_smss_api_name_names_the_product(service) -> None:
    top = service.resolve("dysmsapi 发短信报签名不合法").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "isv.SMS_SIGNATURE_ILLEGAL")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("阿里云 ECS 调 StartInstance 报 InstanceId 不存在，是不是地域选错了", "InvalidInstanceId.NotFound"),
        ("阿里云 OSS 说 AccessKeyId 不存在，是不是 key 被同事删掉了", "InvalidAccessKeyId"),
    ],
)
def test_the_askers_guess_at_a_cause_is_not_the_error_told(service, text, code) -> None:
    top = service.resolve(text).matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", code)
    # A guess alone is the question ("是不是被限流了" asks about throttling).
    assert service.resolve("阿里云 ECS 接口一直报错，是不是被限流了").matches[0].answer.error_code == "Throttling"


def test_a_database_is_not_its_rds_instance(service) -> None:
    # 数据库 is the database inside an instance (and "SQL Server" an engine, not a server).
    top = service.resolve("阿里云 RDS 建库的时候说这个数据库名已经有了").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "InvalidDBName.Duplicate")


def test_a_messages_closing_advice_is_not_what_went_wrong(service) -> None:
    # TemplateIncorrectOrUnapproved's message ends "（1）可登录短信控制台，核查…": where to look,
    # read as the error's own words, made it fit the question less than a neighbour (mixed_112).
    top = service.resolve("腾讯云短信报模板未审批或者内容和审核通过的模板不一致").matches[0]
    assert top.answer.error_code == "FailedOperation.TemplateIncorrectOrUnapproved"


def test_a_request_signed_with_an_accesskey_is_no_sms_signature(service) -> None:
    text = "调接口一直报签名不对，我算的签名跟服务端的对不上，AK 和 SK 都是刚从控制台复制的"
    top = service.resolve(text).matches[0]
    assert top.kind == "error" and top.answer.error.product != "SMS"
    # An SMS named, its signature (the sender's name) is the one meant.
    assert service.resolve("阿里云短信报签名不对，AK 和 SK 都没问题").matches[0].answer.error.product == "SMS"


def test_the_things_named_before_the_missing_one_set_the_scene(service) -> None:
    # The disk being rolled back is where the snapshot was looked for, not a data disk's snapshot.
    top = service.resolve("阿里云拿快照回滚云盘时提示这个快照不存在").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "InvalidSnapshotId.NotFound")


def test_an_api_named_picks_the_rows_documented_for_it(service) -> None:
    # Two balance codes carry the same words under several APIs; the row shown is RunInstances'
    # own, and a code documented only for another API (ReactivateInstances) does not lead.
    matches = [m for m in service.resolve("调 RunInstances 开按量实例，提示账户余额不足，先充值再操作").matches if m.kind == "error"]
    assert "RunInstances" in matches[0].answer.error.api.split(";")
    assert not matches[0].answer.error_code.startswith("ReactivateInstances")


def test_of_codes_quoted_alike_the_one_whose_name_spells_the_quote_leads(service) -> None:
    # Both balance codes carry this English sentence word for word; one's name says "not
    # enough balance" and "account", the other's only "balance".
    codes = [m.answer.error_code for m in service.resolve("创建按量实例失败 Your account does not have enough balance").matches]
    assert codes[:2] == ["InvalidAccountStatus.NotEnoughBalance", "InsufficientBalance"]
    # One telling word is not enough: "unknown error" still leads with the code more APIs document.
    quoted = service.resolve("The request processing has failed due to some unknown error.").matches
    assert quoted[0].answer.error_code == "InternalError"


def test_a_question_saying_all_a_codes_name_says_is_that_code(service) -> None:
    # OBS documents AccessDenied only for two narrow cases (WORM, a missing date header);
    # 拒绝访问 is the code's own name, so it leads the bare "no permission" code.
    top = service.resolve("华为云 OBS 外网访问对象提示拒绝访问，桶策略限制了来源 IP").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("huaweicloud", "AccessDenied")


def test_a_product_answered_only_when_named_is_named_by_its_own_name(service) -> None:
    # COS is answered only when asked about; saying "COS" is asking about it, as saying "OSS"
    # names Aliyun's: the reworded English message is COS's error, not the generic family
    # card, and beside the status typed it leads rather than vanishing behind the 403.
    top = service.resolve("COS 上传报 The calculated signature does not match").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "SignatureDoesNotMatch")
    matches = service.resolve("COS 前端直传 403，XML 里说 The calculated signature does not match").matches
    assert [(m.kind, getattr(m.answer, "error_code", m.key)) for m in matches[:2]] == [
        ("error", "SignatureDoesNotMatch"),
        ("status", "403"),
    ]


def test_a_message_three_clouds_document_is_the_named_only_products_when_it_is_named(service) -> None:
    # Aliyun OSS, Huawei OBS and Tencent COS all say this; naming COS puts Tencent's first.
    top = service.resolve("COS getObject -> The specified key does not exist.").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "NoSuchKey")


def test_the_gateway_runtimes_spelling_typed_without_its_dot(service) -> None:
    # Huawei's gateway prints APIGW.0301 (its table: APIG.0301); typed as one word it is the same code.
    top = service.resolve("华为云 apigw0301 认证失败").matches[0]
    assert (top.answer.provider, top.answer.error_code, top.tier) == ("huaweicloud", "APIGW.0301", "code")
    assert "APIG.0301" in top.why


def test_a_named_only_product_asked_about_alone_reads_its_own_errors(service) -> None:
    # "当前实例状态不支持该操作" is ECS's wording word for word; the question calls RDS, whose own
    # error says the same in other words, so RDS's code leads and ECS's quote follows.
    matches = service.resolve("阿里云 RDS 重置账号密码的时候提示当前实例状态不支持该操作，实例还在重启").matches
    codes = [(m.answer.provider, m.answer.error_code) for m in matches if m.kind == "error"]
    assert codes[0] == ("aliyun", "IncorrectDBInstanceState")
    # Named beside ECS, RDS is the story, and ECS's quoted wording is the answer.
    top = service.resolve("阿里云 ECS 重置密码时提示当前实例状态不支持该操作").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "InvalidOperation.InvalidEcsState")


def test_a_product_is_asked_about_by_its_own_name_and_alone() -> None:
    assert provider_hints("阿里云 RDS 变配失败").asked == {("aliyun", "RDS")}
    # Opened by a word that is not its name (数据库 with the cloud named), or named beside
    # another product: part of the story, not the API called.
    assert provider_hints("阿里云 数据库实例 变配失败").opened == {("aliyun", "RDS")}
    assert not provider_hints("阿里云 数据库实例 变配失败").asked
    assert not provider_hints("腾讯云 CVM 导出镜像到 COS 失败").asked


def test_the_reason_huaweis_gateway_writes_after_its_message(service) -> None:
    # APIG.0301's error_msg goes on after a colon ("…: verify aksk signature fail"); quoted alone,
    # that reason names the code.
    top = service.resolve("verify aksk signature fail 这个报错啥意思，ak sk 都是刚复制的").matches[0]
    assert (top.answer.provider, top.answer.error.error_code) == ("huaweicloud", "APIG.0301")
    top = service.resolve("Incorrect app authentication information: app not found, appkey 0117e5e1").matches[0]
    assert (top.answer.provider, top.answer.error.error_code) == ("huaweicloud", "APIG.0303")


def test_a_template_filled_in_is_pasted_word_for_word(service) -> None:
    # A documented message with a placeholder, pasted whole with the placeholder filled, is as
    # sure as a message word for word: not the status whose English name it happens to hold
    # ("processing" is 102's, "not found" 404's).
    top = service.resolve("The input parameter “InstanceId” that is mandatory for processing this request is not supplied.").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "MissingParameter")


def test_a_message_offering_two_faults_retold_the_other_way_round(service) -> None:
    # Tencent's "签名未审批或格式错误", its halves swapped: still that message quoted, not the
    # signature-name code the field typed beside it would suggest.
    top = service.resolve("腾讯云发短信报签名格式错误或者签名未审批，我的 SignName 用的是公司全称").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "FailedOperation.SignatureIncorrectOrUnapproved")
    assert top.tier == "message"


def test_either_halves_need_two_telling_halves() -> None:
    from bot.kinds.cloud.index import _either_halves

    assert _either_halves("签名未审批或格式错误") == ("签名未审批", "格式错误")
    assert _either_halves("模板未审批或者内容不匹配") == ("模板未审批", "内容不匹配")
    assert _either_halves("或者重试") is None  # one half only
    assert _either_halves("地址族应为ipv4或ipv6") is None  # a short half, no Chinese in it


def test_what_came_back_is_what_the_cloud_said_and_a_setting_already_added_settles_nothing(service) -> None:
    from bot.core import domain
    from bot.core.text import fold

    # "…返回拒绝访问": what the cloud said, read on its own when the whole story reads as no row;
    # "桶策略里已经加了这个用户" at the end is the obvious fix ruled out, not the trouble fixed.
    text = "华为云 OBS 拿 IAM 用户的 AK 传文件，一直返回拒绝访问，桶策略里已经加了这个用户"
    assert not domain.settled(fold(text))
    top = service.resolve(text).matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("huaweicloud", "AccessDenied")
    # A fix told is still a fix ("已经加了重试"), and "返回哪个状态" is a question, not a message.
    assert domain.settled(fold("接口 502，已经加了重试"))
    from bot.kinds.cloud.meaning import SAID_RE

    assert SAID_RE.search("这种情况规范里应该返回哪个状态") is None


def test_a_row_whose_table_names_no_api_is_no_other_apis(index: CloudIndex) -> None:
    from dataclasses import replace

    # Tencent's tables list codes without the APIs that return them: naming an API
    # ("StopInstances") says nothing against its rows, while it does against an Aliyun row
    # documented for other APIs only.
    meaning = index._meaning
    text = "腾讯云 CVM 报没有找到相应实例"
    hints = provider_hints(text)
    reading = meaning.read(text, hints)
    assert reading is not None
    tencent = next(i for i, r in enumerate(index.rows) if (r.provider, r.product, r.error_code) == ("tencentcloud", "CVM", "InvalidInstanceId.NotFound"))
    aliyun = next(i for i, r in enumerate(index.rows) if r.provider == "aliyun" and r.api and "stopinstances" not in r.api.lower())
    called = replace(hints, apis=frozenset({"stopinstances"}))
    assert meaning._fit(tencent, reading, called, frozenset()) == meaning._fit(tencent, reading, hints, frozenset())
    assert meaning._fit(aliyun, reading, called, frozenset()) < meaning._fit(aliyun, reading, hints, frozenset())


def test_how_sure_or_cross_an_english_retelling_is_says_nothing_of_the_fault(service) -> None:
    # "complains", "definitely": the asker's tone, not words a row should have to share.
    top = service.resolve("Tencent CVM StopInstances complains the instance id is not found, but it definitely exists").matches[0]
    assert (top.kind, top.answer.provider) == ("error", "tencentcloud")
    assert top.answer.error_code in ("InvalidInstanceId.NotFound", "ResourceNotFound.InvalidInstanceIdNotFound")


def test_the_code_a_vendor_names_as_the_one_returned_goes_first_among_alike_ones(service) -> None:
    # Aliyun's ECS documentation: a RAM user without the permission gets 403 Forbidden.RAM
    # (knowledge/cloud/commonest.toml); Forbidden.SubUser reads as much like "没有权限".
    top = service.resolve("阿里云 RAM 子账号调 DescribeImages 查镜像，返回说没有权限").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "Forbidden.RAM")
    # A code the question describes better still leads ("向主账号申请": Forbbiden.SubUser's own words).
    top = service.resolve("阿里云子账号查实例，提示您的账号没有操作此资源的权限，请向主账号申请相关的权限").matches[0]
    assert top.answer.error_code == "Forbbiden.SubUser"


def test_that_days_sends_are_the_daily_limit(service) -> None:
    # 当天 / 当日 is the daily window, not the hourly or thirty-second one.
    top = service.resolve("腾讯云短信说这个手机号当日发送条数超了上限").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "LimitExceeded.PhoneNumberDailyLimit")


def test_a_signature_that_failed_verification_is_an_authentication_failure(service) -> None:
    from bot.kinds.cloud.concepts import concepts_in

    # 签名验证 / 签名校验 is the API request's signature checked, not an SMS sign name.
    assert concepts_in("签名校验不通过")[0] == ["signature", "auth", "invalid"]
    top = service.resolve("腾讯云 API 返回签名校验不通过，请检查签名是否正确").matches[0]
    assert (top.answer.provider, top.answer.error_code.split(".")[0]) == ("tencentcloud", "AuthFailure")


def test_how_often_an_english_retelling_says_it_is_no_fault(service) -> None:
    # "keeps saying", "every second": how often, not what went wrong.
    top = service.resolve("tencent cloud api keeps saying the request frequency limit is exceeded, we call it every second").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "RequestLimitExceeded")


def test_the_status_code_of_the_instance_lifecycle_calls_goes_first(service) -> None:
    from bot.kinds.cloud.concepts import concepts_in

    # "状态不允许" is a state and a refusal, each read.
    assert {"state", "unsupported"} <= set(concepts_in("实例状态不允许重启")[0])
    # Aliyun's start / stop / reboot docs name IncorrectInstanceStatus (commonest.toml); the
    # table's InvalidInstanceStatus words it almost alike for a few other calls.
    top = service.resolve("阿里云 ECS 重启实例被拒，说实例眼下的状态不允许做这个操作").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "IncorrectInstanceStatus")


def test_a_credential_is_no_certificate_in_simplified_chinese(service) -> None:
    from bot.core.text import fold

    # 凭证 (mainland: a credential, "STS 临时凭证") is left as it is; Taiwan's 憑證 is a certificate.
    assert "证书" not in fold("临时凭证") and fold("憑證過期") == "证书过期"
    top = service.resolve("拿 STS 换来的临时凭证调阿里云 ECS，过一阵就说安全令牌过期了").matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "InvalidSecurityToken.Expired")


def test_where_the_asker_looked_says_nothing_of_the_fault(service) -> None:
    # A region's ID and "the console" are where, not what: they no longer thin the reading out.
    text = "Tencent CVM RebootInstances says the instance does not exist, yet I can see it in the console (ap-guangzhou)"
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.provider) == ("error", "tencentcloud")
    assert top.answer.error_code in ("InvalidInstanceId.NotFound", "ResourceNotFound.InvalidInstanceIdNotFound")


def test_a_value_found_in_the_wrong_format_is_quotable(service) -> None:
    # "…格式错误" names the value that was wrong, unlike "…失败": a vendor's message ending so is
    # quoted inside a longer question ("手机号格式错误" is Tencent SMS's own wording).
    text = "腾讯云短信接口回了个手机号格式错误，海外号码是不是要带国家码"
    top = service.resolve(text).matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "InvalidParameterValue.IncorrectPhoneNumber")
    assert top.tier == "message"


def test_one_phone_numbers_sends_are_not_the_same_content(service) -> None:
    from bot.kinds.cloud.concepts import concepts_in

    # "同一个手机号" is one number's sends (Tencent SMS: "单个手机号…"), not "相同内容".
    assert concepts_in("同一个手机号")[0] == ["onephone"]
    top = service.resolve("腾讯云短信给同一个手机号一天发了二十多条，后面都被拒了").matches[0]
    assert top.answer.error_code == "LimitExceeded.PhoneNumberDailyLimit"
    # The shorter windows are read by their length.
    top = service.resolve("腾讯云短信同一个号码半分钟内连发两条，第二条失败").matches[0]
    assert top.answer.error_code == "LimitExceeded.PhoneNumberThirtySecondLimit"
    top = service.resolve("腾讯云短信这个手机号一个小时内发的条数超过上限了").matches[0]
    assert top.answer.error_code == "LimitExceeded.PhoneNumberOneHourLimit"


def test_a_throttling_threshold_reached_is_the_gateways_limit(service) -> None:
    # 阈值 is the threshold of the throttling, 达到了 the limit reached: APIG's runtime 0308
    # ("The throttling threshold has been reached"), not a policy still bound to APIs.
    for text in ("华为云 API 网关提示达到了流控阈值，是 API 级别还是用户级别的限制", "华为云网关说已经达到了阈值，分不清是哪种流控"):
        top = service.resolve(text).matches[0]
        assert (top.answer.provider, top.answer.error_code) in (("huaweicloud", "APIG.0308"), ("huaweicloud", "APIGW.0308"))


def test_what_an_error_is_said_not_to_be_is_not_read_into_it(service) -> None:
    # "不是签名过期，是鉴权没通过": expiry is denied; the signature it is about stays.
    top = service.resolve("腾讯云 API 报错了，不是签名过期，是鉴权没通过").matches[0]
    assert top.answer.provider == "tencentcloud"
    assert top.answer.error_code in ("AuthFailure", "AuthFailure.SignatureFailure")
    # "是不是过期" asks: nothing is denied.
    top = service.resolve("腾讯云 API 报签名错误，是不是签名过期了").matches[0]
    assert top.answer.error_code == "AuthFailure.SignatureExpire"


def test_a_short_message_naming_a_thing_in_latin_is_quoted(service) -> None:
    # "token需要更新" has four Chinese characters and says as much as a longer one: quoted inside
    # a question, it is Huawei APIG's runtime 0307.
    top = service.resolve("华为云的接口说 token 需要更新，这是我们登录过期了吗").matches[0]
    assert top.answer.error_code in ("APIG.0307", "APIGW.0307") and top.tier == "message"
    # With a product named, such a quote is only that product's: ECS's "指定的Object不存在" (an
    # image import's) is not what OSS returned.
    top = service.resolve("阿里云 OSS GetObject 说指定的Object不存在，bucket 名没写错").matches[0]
    assert top.answer.error_code == "NoSuchKey"


def test_a_signature_the_server_could_not_verify_is_the_signature_failure(service) -> None:
    # Tencent's API 3.0 common error codes name AuthFailure.SignatureFailure for a signature
    # computed wrong (commonest.toml); each product's AuthFailure is the umbrella for any cause.
    for text in ("腾讯云接口说签名验证失败，密钥我没动过", "调腾讯云 API 一直报签名验证不通过，是不是签名串拼错了"):
        top = service.resolve(text).matches[0]
        assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "AuthFailure.SignatureFailure")
    # An expired signature is still the expiry.
    top = service.resolve("腾讯云接口返回签名过期，本机时间慢了十分钟").matches[0]
    assert top.answer.error_code == "AuthFailure.SignatureExpire"


def test_a_quoted_message_whose_longer_twin_is_told_around_it_is_the_twin(service) -> None:
    # Aliyun's Forbidden.RAM reads "User not authorized to operate on the specified resource, or
    # this API doesn't support RAM.": its first clause is Forbbiden's whole message. The RAM user
    # and the API told around the quote make it the longer one.
    top = service.resolve("用 RAM 用户调 API，接口回了 User not authorized to operate on the specified resource").matches[0]
    assert top.answer.error_code == "Forbidden.RAM"
    # Quoted alone, it is the shorter message's codes, as written.
    top = service.resolve("调 ECS 接口回了 User not authorized to operate on the specified resource").matches[0]
    assert top.answer.error_code != "Forbidden.RAM"


def test_a_call_whose_own_docs_list_the_commonest_code_outranks_another_codes_wording(service) -> None:
    # "当前实例状态不支持该操作" is InvalidOperation.InvalidEcsState's message word for word (a
    # network-interface call's), but StopInstance's and RebootInstance's docs list
    # IncorrectInstanceStatus for an instance in the wrong state (commonest.toml, calls).
    for text in ("阿里云 ECS 重启实例的时候报当前实例状态不支持该操作", "阿里云 RebootInstance 返回当前实例状态不支持该操作"):
        top = service.resolve(text).matches[0]
        assert top.answer.error_code == "IncorrectInstanceStatus", text
        assert "的文档列的是这个码" in top.why
    # A call those docs do not cover keeps the quote's own code.
    top = service.resolve("阿里云 ECS 给实例挂弹性网卡报当前实例状态不支持该操作").matches[0]
    assert top.answer.error_code == "InvalidOperation.InvalidEcsState"


def _answered(service, text: str) -> tuple[str, str]:
    top = service.resolve(text).matches[0]
    return top.answer.provider, top.answer.error_code


def test_permission_told_in_the_passive_is_the_ram_users_fault(service) -> None:
    # "没有被授权": 被 between the negation and the verb; still no permission.
    text = "阿里云 RAM 账号调 DescribeInstances，提示这个子账号没有被授权调用该接口"
    assert _answered(service, text) == ("aliyun", "Forbidden.RAM")


def test_a_dotted_code_with_an_acronym_part_typed_a_letter_off(service) -> None:
    # "Fobidden.RAM": capitalised parts, one an acronym, is no English word: checked against the codes.
    assert _answered(service, "调接口一直返回 Fobidden.RAM 怎么回事") == ("aliyun", "Forbidden.RAM")


def test_a_blacklisting_done_to_the_asker_is_trouble_not_a_block_they_set(service) -> None:
    # "拉黑" of one's own doing settles a thread ("那个 IP 我拉黑了"); "被拉黑" is what went wrong.
    text = "阿里云短信发不出去，SendSms 说签名不存在或者被拉黑"
    assert _answered(service, text) == ("aliyun", "isv.SMS_SIGNATURE_ILLEGAL")
    assert service.resolve("那个刷接口的 IP 我已经拉黑了").matches == ()


def test_the_cos_sdks_exception_names_cos(service) -> None:
    assert _answered(service, "python 脚本 CosClientError NoSuchBucket 是什么情况") == ("tencentcloud", "NoSuchBucket")
    # STS is every cloud's: beside COS it is Tencent's, not the Aliyun RAM the tables file it under.
    text = "coscmd 上传报 SignatureDoesNotMatch，我配的是 STS 临时凭证"
    assert _answered(service, text) == ("tencentcloud", "SignatureDoesNotMatch")


def test_sending_again_within_moments_is_the_rate_window(service) -> None:
    for text in ("腾讯云短信 30 秒内连着发了两条验证码，第二条被拦了，报什么码", "腾讯云短信给一个用户半分钟内点两次获取验证码，后一次被拒"):
        assert _answered(service, text) == ("tencentcloud", "LimitExceeded.PhoneNumberThirtySecondLimit"), text


def test_a_signing_algorithm_named_is_the_request_signature_not_an_sms_one(service) -> None:
    # "签名" of Tencent SMS is the sender's name; TC3-HMAC-SHA256 signs API requests.
    text = "腾讯云 API 签名失败，TC3-HMAC-SHA256 怎么排查"
    assert _answered(service, text) == ("tencentcloud", "AuthFailure.SignatureFailure")


def test_obs_permission_denied_is_the_code_its_docs_name(service) -> None:
    # Huawei's OBS error page names AccessDenied for any missing grant (commonest.toml); a
    # bucket without CORS (AccessForbidden) or the gateway's IAM user (APIGW.0302) is narrower.
    for text in ("华为云 OBS 里子用户读对象被拒绝访问，是哪个错误码", "华为云 OBS 子账号往桶里写对象报权限不足"):
        assert _answered(service, text) == ("huaweicloud", "AccessDenied"), text


def test_an_english_quote_after_a_capitalised_product_name_is_found_whole(service) -> None:
    # The sentence scan starts at the first capital ("ECS …"); the quote starts at "The".
    text = "aliyun ECS DescribeInstances keeps saying The specified InstanceId does not exist. but the id is right"
    top = service.resolve(text).matches[0]
    assert (top.answer.error_code, top.tier) == ("InvalidInstanceId.NotFound", "message")


def test_the_gateways_short_mixed_script_message_is_quoted_beside_any_product(service) -> None:
    # "token需要更新" is Huawei's API gateway answering a call to any product (ECS named here).
    top = service.resolve("华为云 ECS 创建云服务器的接口一直报 token 需要更新").matches[0]
    assert top.answer.error_code == "APIGW.0307" and "引用了错误信息原文" in top.why


def test_a_namespaced_capitals_code_typed_a_letter_off_inside_a_question(service) -> None:
    # Read as the code typed a letter off, not only retold by its words.
    top = service.resolve("阿里云发短信一直报 isv.BUSINESS_LIMIT_CONTRL，明明一天才发了几条").matches[0]
    assert (top.answer.error_code, top.tier) == ("isv.BUSINESS_LIMIT_CONTROL", "partial")


def test_what_the_asker_sees_on_their_side_is_not_the_error(service) -> None:
    # "但是我这边找不到这个桶": the asker's own view, set against the cloud's "已经存在".
    text = "华为云 OBS 建桶报桶已经存在，但是我这边找不到这个桶"
    assert _answered(service, text) == ("huaweicloud", "BucketAlreadyExists")


def test_the_way_that_works_is_the_contrast_not_the_error(service) -> None:
    # "切到主账号的 AK 就没问题": the main account is the way round, not what the error is about
    # (Forbbiden.SubUser's message sends the user to the main account).
    text = "阿里云子账号调 ECS 接口报没有被授权操作这个资源，切到主账号的 AK 就没问题"
    assert _answered(service, text) == ("aliyun", "Forbidden.RAM")
    # ... and another identity that works is no trouble settled.
    assert _answered(service, "RAM 子用户调 ECS 接口说没有被授权，主账号调是正常的") == ("aliyun", "Forbidden.RAM")


def test_not_yet_approved_by_the_review_is_its_own_concept(service) -> None:
    # Tencent SMS: "模板未审批或内容不匹配" is a template not approved; "与审核通过的模板内容不匹配"
    # is an approved one filled in wrong. "审核没过" says the first.
    text = "腾讯云发短信报模板审核没过或者内容对不上，我照着模板填的"
    assert _answered(service, text) == ("tencentcloud", "FailedOperation.TemplateIncorrectOrUnapproved")


def test_a_parameter_named_in_the_message_picks_the_code_about_it(service) -> None:
    # "The specified LoadBalancerId does not exist." reads as much like ZoneId's message; the
    # parameter it names is in InvalidLoadBalancerId.NotFound's code.
    top = service.resolve("The specified LoadBalancerId does not exist.").matches[0]
    assert top.answer.error_code == "InvalidLoadBalancerId.NotFound"


def test_sts_beside_another_clouds_product_is_that_clouds(service) -> None:
    # The tables file STS under Aliyun's RAM; every cloud has one, and CBS is Tencent's.
    top = service.resolve("STS 临时 token 调 CBS 接口说鉴权失败").matches[0]
    assert top.answer.provider == "tencentcloud"


def test_a_step_already_taken_is_told_beside_the_error(service) -> None:
    # "桶策略我都配了": what the asker set up, not what OBS said (not NoSuchBucketPolicy).
    assert _answered(service, "华为云 OBS 下载对象一直拒绝访问，桶策略我都配了") == ("huaweicloud", "AccessDenied")


def test_aliyuns_common_api_not_found_code_is_known(service) -> None:
    # InvalidApi.NotFound shares InvalidAction.NotFound's message in Aliyun's common error table.
    assert _answered(service, "InvalidApi.NotFound") == ("aliyun", "InvalidApi.NotFound")
    keys = [m.answer.error_code for m in service.resolve("阿里云返回 Specified api is not found, please check your url and method.").matches[:3]]
    assert {"InvalidApi.NotFound", "InvalidAction.NotFound"} <= set(keys)


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("tccli 调接口返回 InvalidAction 接口不存在，是不是 version 写错了", "tencentcloud"),  # Tencent's CLI
        ("hcloud 调接口报 SignatureDoesNotMatch", "huaweicloud"),  # Huawei's KooCLI
    ],
)
def test_a_clouds_command_line_tool_names_the_cloud(service, text, provider):
    assert service.resolve(text).matches[0].answer.provider == provider


@pytest.mark.parametrize(
    "text",
    [
        "腾讯云返回 your current request times equals to 21 in a second, which exceeds the frequency limit 20 for a second",
        "调腾讯云接口报 您当前每秒请求 8 次，超过了每秒频率上限 5，请稍后重试",
    ],
)
def test_tencents_rate_limit_message_with_its_figures_is_request_limit_exceeded(service, text):
    top = service.resolve(text).matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("tencentcloud", "RequestLimitExceeded")


@pytest.mark.parametrize(
    "text",
    [
        "调阿里云 OpenAPI 报错，意思是请求因为用户级别的流控被拒绝了，是不是我调用太频繁",
        "阿里云 API 批量查询的时候报 request denied because of user-level flow control，这个限制是多少 QPS",
    ],
)
def test_flow_control_counted_per_user_is_throttling_user(service, text):
    top = service.resolve(text).matches[0]
    assert (top.answer.provider, top.answer.error_code) == ("aliyun", "Throttling.User")


def test_flow_control_not_said_to_be_the_users_stays_throttling(service):
    top = service.resolve("阿里云接口被流控了").matches[0]
    assert top.answer.error_code == "Throttling"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Tencent's API answers in English when asked to: its own sentences, as pasted.
        (
            "TencentCloudSDKHttpException [Error]: The SecretId is not found, please ensure that your SecretId is correct.",
            "AuthFailure.SecretIdNotFound",
        ),
        (
            "sdk threw: You are not authorized to perform this operation. Check your CAM policies, and ensure that you are using the correct access keys.",
            "AuthFailure.UnauthorizedOperation",
        ),
    ],
)
def test_tencents_english_wording_of_its_common_errors(service, text, code) -> None:
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.error.provider, top.answer.error_code) == ("error", "tencentcloud", code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Aliyun's DNS service answers only when asked about (云解析, Alidns).
        ("阿里云云解析加记录时报这条解析记录已存在，我脚本跑了两遍", "DomainRecordDuplicate"),
        # RAM's own management errors, beside its STS ones.
        ("阿里云 RAM 创建子用户，返回说这个用户已经存在", "EntityAlreadyExists.User"),
    ],
)
def test_aliyun_dns_records_and_ram_users(service, text, code) -> None:
    top = service.resolve(text).matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == ("aliyun", code)


@pytest.mark.parametrize(
    ("text", "provider", "code"),
    [
        # 密钥 beside a SecretId is the API key, not an SSH key pair.
        ("腾讯云 CVM 接口回了一句 SecretId 不存在，叫我检查密钥对不对", "tencentcloud", "AuthFailure.SecretIdNotFound"),
        # Another operation still running on the instance, told in the asker's words.
        ("腾讯云的机器还在重启，我这边调了改配置的接口，结果报实例有操作正在进行中", "tencentcloud", "OperationDenied.InstanceOperationInProgress"),
        # Texts that will not go out to one phone after a day's worth of them; one number's
        # daily cap said as 单号码.
        ("腾讯云短信给同一个手机号一天发了十几次验证码，后面就发不出去了", "tencentcloud", "LimitExceeded.PhoneNumberDailyLimit"),
        ("腾讯云短信给一个用户发了一天验证码，后来发不出去了，是不是单号码日上限", "tencentcloud", "LimitExceeded.PhoneNumberDailyLimit"),
        # Serverless functions and Tencent's CDN, answered when named.
        ("阿里云函数计算调 InvokeFunction，说要调的函数不存在", "aliyun", "FunctionNotFound"),
        ("腾讯云云函数 SCF 调用时提示函数不存在，命名空间没填错", "tencentcloud", "ResourceNotFound.Function"),
        ("腾讯云 CDN 添加加速域名时说这个域名已经存在了", "tencentcloud", "ResourceInUse.CdnHostExists"),
        # ECS named and no cloud: Aliyun's and Huawei's rows, not Tencent's look-alike states.
        ("ECS 的 StopInstance 报实例当前状态不支持这个操作，控制台上还显示启动中", "aliyun", "IncorrectInstanceStatus"),
        # A bucket already in one's own account, created again.
        ("华为云 OBS 这个桶本来就在自己账号下，部署脚本又建了一次，报的什么", "huaweicloud", "BucketAlreadyOwnedByYou"),
        # A signature "not right" is one that does not match.
        ("阿里云 OpenAPI 老是回签名不对，参数是我自己拼的", "aliyun", "SignatureDoesNotMatch"),
        # A precondition just approved, and still refused: not a settled remark.
        ("阿里云短信报签名不合法，产品说签名刚批下来", "aliyun", "isv.SMS_SIGNATURE_ILLEGAL"),
    ],
)
def test_session_39_cloud_readings(service, text, provider, code) -> None:
    top = service.resolve(text).matches[0]
    assert (top.answer.error.provider, top.answer.error_code) == (provider, code)


def test_a_system_policy_by_name_makes_a_permission_question(service) -> None:
    text = "腾讯云子账号调 CVM 的 RunInstances 提示没有权限，它身上只挂了 QcloudCVMReadOnlyAccess"
    top = service.resolve(text).matches[0]
    assert top.answer.error.provider == "tencentcloud"
    assert top.answer.error_code.startswith(("UnauthorizedOperation", "AuthFailure.UnauthorizedOperation"))


def test_opening_a_pay_as_you_go_instance_is_creating_one() -> None:
    from bot.kinds.cloud.actions import implied_actions

    assert "runinstances" in implied_actions("开按量付费的 ecs 实例，提示余额不足")
    # Reopening one stopped for arrears, opening its page, booting it: no new instance.
    for text in ("重开按量付费实例", "打开按量付费的实例详情", "开机后实例连不上"):
        assert "runinstances" not in implied_actions(text), text


def test_the_function_and_database_products_stay_out_when_not_named(service) -> None:
    # Answered only when asked about: a plain 404 question about a missing function is HTTP's.
    for text in ("接口返回 404，说请求的函数不存在", "mysql 连接数满了，应用报 Too many connections"):
        for m in service.resolve(text).matches:
            assert m.kind != "error" or m.answer.error is None or m.answer.error.product not in ("FC", "SCF", "CDB", "CDN"), text


def test_a_system_policy_name_names_its_cloud() -> None:
    from bot.kinds.cloud.hints import provider_hints

    assert provider_hints("子账号只给了 QcloudCOSDataReadOnly，上传被拒").providers == {"tencentcloud"}
    assert provider_hints("RAM 用户挂了 AliyunECSFullAccess 还是不行").providers == {"aliyun"}


def test_every_button_id_leads_back_to_its_code_and_no_other_does(index: CloudIndex) -> None:
    for provider, code in index._groups:
        answer = index.answer_for(index.key_of(provider, code))
        assert answer is not None and answer.error.provider == provider, (provider, code)
    # Forged or stale callback data: wrong length, case, letters, or an id no code has.
    for key in ("", "0" * 12, "F" * 12, index.key_of("aliyun", "Throttling.User").upper(), "zzzzzzzzzzzz", "1" * 40):
        assert index.answer_for(key) is None, key


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("腾讯云释放弹性公网IP 说这个地址 ID 不存在", "InvalidAddressId.NotFound"),
        ("腾讯云私有网络下面新建子网，提示子网网段跟已有的冲突了", "InvalidParameterValue.SubnetConflict"),
    ],
)
def test_tencent_vpc_errors_are_answered_when_its_things_are_named(service, text, code) -> None:
    assert _answered(service, text) == ("tencentcloud", code)


def test_a_product_named_keeps_its_own_error_about_a_thing_another_product_sells(service) -> None:
    # Tencent's VPC sells private IPs too; CVM named, CVM's own "已被占用" is meant.
    text = "CVM 创建实例时指定了内网 IP，报这个私有网络 IP 已经被占用"
    assert _answered(service, text) == ("tencentcloud", "VpcIpIsUsed")


def test_a_messages_leading_sentences_pasted_without_its_example_are_that_message(service) -> None:
    # Tencent's message goes on with "例如实例ID长度错误ins-1122。"; the two sentences before it are quoted.
    for text in ("无效实例ID。指定的实例ID格式错误", "调 StopInstances 报 无效实例ID。指定的实例ID格式错误，传的是主机名"):
        top = service.resolve(text).matches[0]
        assert (top.kind, top.answer.error_code) == ("error", "InvalidInstanceId.Malformed")


@pytest.mark.parametrize(
    ("text", "provider"),
    [("开 ecs.c7.large 报库存不足", "aliyun"), ("S5.MEDIUM4 这个规格售罄了", "tencentcloud"), ("规格 s6.large.2 开不出来", "huaweicloud")],
)
def test_an_instance_type_names_its_cloud(text, provider) -> None:
    from bot.kinds.cloud.hints import provider_hints

    assert provider in provider_hints(text).providers


def test_the_ask_for_the_codes_name_is_no_part_of_what_went_wrong(service) -> None:
    # "这种情况…叫啥" asks for the name; read as words, it outweighed what was told.
    text = "运维把我 RAM 账号的 AccessKey 停用了，阿里云接口现在都调不通，这种情况下的错误码叫什么"
    top = service.resolve(text).matches[0]
    assert (top.kind, top.answer.provider) == ("error", "aliyun")


def test_characters_a_name_may_not_hold_make_it_invalid(service) -> None:
    text = "华为云 OBS 新建桶，名字里有下划线和大写字母，直接创建失败"
    assert _answered(service, text) == ("huaweicloud", "InvalidBucketName")


def test_an_internal_error_is_read_only_when_one_is_told(service) -> None:
    # Tencent's SMS words an internal failure as "不存在该 RESTAPI 接口"; the API's own InvalidAction
    # (接口不存在) is what a wrong Action name gets.
    top = service.resolve("腾讯云 API 返回接口不存在").matches[0]
    assert (top.kind, top.answer.error_code) == ("error", "InvalidAction")
    told = service.resolve("腾讯云短信接口返回内部错误").matches[0]
    assert told.kind == "error" and told.answer.error_code.startswith("InternalError")


def test_a_text_message_not_delivered_is_a_failure_told(service) -> None:
    top = service.resolve("腾讯云短信给同一个号码半分钟里连发两条验证码，后一条没收到").matches
    assert top and top[0].kind == "error" and top[0].answer.error_code == "LimitExceeded.PhoneNumberThirtySecondLimit"


def test_a_kms_key_is_kms_own_not_an_instance_key_pair(service) -> None:
    # KMS's "指定的密钥不存在" is its own key: asked of KMS, not ECS's KMSKeyId parameter error.
    assert _answered(service, "阿里云 KMS 加密接口报主密钥找不到") == ("aliyun", "Forbidden.KeyNotFound")


def test_huaweis_gateway_answers_a_typed_401_or_429_of_its_apis(service) -> None:
    # Every Huawei Cloud API but OBS's is called through the API gateway: its 401 and 429.
    assert _answered(service, "华为云的 EVS 接口调用返回 401，AK 是新建的") == ("huaweicloud", "APIGW.0301")
    assert _answered(service, "华为云 ELB 接口压测到一半开始回 429") == ("huaweicloud", "APIGW.0308")
    # A product's own error that the words tell stays first; IAM's token API answers for itself;
    # a gateway not named as Huawei's is anyone's.
    assert _answered(service, "华为云 ECS 接口 401，提示 token 不合法") == ("huaweicloud", "Common.0013")
    assert service.resolve("华为云 IAM 用账号密码获取 token 返回 401").matches[0].kind == "status"
    assert service.resolve("我们公司 API 网关一压测就回 429").matches[0].kind == "status"


def test_object_storage_refusing_for_want_of_permission_is_access_denied(service) -> None:
    # (Told with 授权 and a RAM role's words, the meaning layer still reads ECS's
    # InvalidUser.PassRoleForbidden first: a weakness left as it is.)
    assert _answered(service, "oss 传文件 403 了，RAM 权限我给过了") == ("aliyun", "AccessDenied")


def test_an_expired_sts_token_at_oss(service) -> None:
    text = "ali-oss 直传一小时后报 The security token you provided has expired."
    assert _answered(service, text) == ("aliyun", "SecurityTokenExpired")


def test_an_english_message_quoted_without_its_advice(service) -> None:
    # "The SecretId is not found, please ensure …": the gist before the advice.
    assert _answered(service, "The SecretId is not found") == ("tencentcloud", "AuthFailure.SecretIdNotFound")


def test_someone_taking_ones_key_away_is_still_asked_about(service) -> None:
    text = "SDK 报 Specified access key is disabled. 谁把我的 key 给停了"
    assert _answered(service, text) == ("aliyun", "InvalidAccessKeyId.Inactive")


def test_what_the_cloud_would_answer_is_asked(service) -> None:
    text = "腾讯云短信同一个手机号半分钟内发两次，第二条会报什么"
    assert _answered(service, text) == ("tencentcloud", "LimitExceeded.PhoneNumberThirtySecondLimit")


@pytest.mark.parametrize(
    "text",
    [
        "阿里云 OSS 是按存储量收费还是按请求次数",
        "阿里云香港节点建站还要备案吗",
        "阿里云年中大促有什么活动吗，想囤几台云服务器",
        # A status as a page's name, a feature's setup asked about.
        "阿里云 OSS 能不能托管静态网站，自定义 404 页面怎么配",
    ],
)
def test_billing_and_filing_asks_are_about_the_service(service, text) -> None:
    assert service.resolve(text).matches == ()


def test_the_go_sdks_error_tag_names_tencent(service) -> None:
    text = "[TencentCloudSDKError] Code=InternalError, Message=An internal error has occurred."
    assert _answered(service, text) == ("tencentcloud", "InternalError")


def test_a_short_test_instance_id_names_tencent(service) -> None:
    # ins-xxxxxxxx is Tencent CVM's instance ID; a test value of three characters still names it.
    text = "StopInstances 实例 ID 填了 ins-9zk，报实例ID格式错误"
    assert _answered(service, text) == ("tencentcloud", "InvalidInstanceId.Malformed")


def test_a_reason_phrase_after_the_status_is_the_status_line(service) -> None:
    # "429 Too Many Requests" is what any server says; Huawei's gateway says APIGW.0308.
    assert _answered(service, "华为云 EVS 批量查询，返回 429 Too Many Requests") == ("huaweicloud", "APIGW.0308")


def test_a_message_retold_after_the_word_that_reports_it(service) -> None:
    text = "短信验证码点了两下，后一条没发出去，提示单个手机号30秒内下发短信条数超过上限"
    assert _answered(service, text) == ("tencentcloud", "LimitExceeded.PhoneNumberThirtySecondLimit")


def test_an_english_message_quoted_whole_leads_the_phrase_inside_it(service) -> None:
    # 409's "Conflict" is a word of the message quoted; the message is what the cloud said.
    text = "并发建交换机，有两个报 Request was denied due to conflict with a previous request"
    assert _answered(service, text) == ("aliyun", "OperationConflict")


def test_an_sms_template_and_aliyuns_template_param_name_the_sms_service(service) -> None:
    text = "短信模板里有 ${name} 变量，TemplateParam 里没传它，发送失败了"
    assert _answered(service, text) == ("aliyun", "isv.TEMPLATE_MISSING_PARAMETERS")


def test_a_message_naming_which_id_was_wrong_is_quoted(service) -> None:
    # "…ID错误" says which value was wrong, as "…格式错误" does ("创建失败" alone says nothing):
    # quoted, it is that message, whatever the scene around it (监听器) reads like.
    assert _answered(service, "CLB 添加监听器时提示 负载均衡实例ID错误") == ("tencentcloud", "InvalidParameter.LBIdNotFound")


def test_a_tencent_only_api_action_names_cvm(service) -> None:
    # Aliyun's and Huawei's actions are named otherwise (ModifyInstanceAttribute, ResetServerPassword).
    assert _answered(service, "调 ResetInstancesPassword 改密码，新密码太简单被拒") == ("tencentcloud", "InvalidPassword")


def test_load_balancing_is_the_thing_beside_another_clouds_product() -> None:
    from bot.kinds.cloud.hints import provider_hints

    assert provider_hints("CLB 绑定后端服务器，负载均衡报错了").providers == {"tencentcloud"}
    assert provider_hints("负载均衡绑定后端服务器报错了").providers == {"aliyun"}  # alone: Aliyun's SLB, as before


def test_an_sdks_client_side_error_is_found_and_has_no_status(service) -> None:
    text = "com.aliyuncs.exceptions.ClientException: SDK.InvalidRegionId : Can not find endpoint to access."
    assert _answered(service, text) == ("aliyun", "SDK.InvalidRegionId")
    card = service.card(service.resolve(text).matches[0]).plain()
    assert "请求没有发出去" in card and "RegionId" in card  # no status claimed, the region advice given


def test_a_disabled_access_key_with_no_product_named_is_the_common_code(service) -> None:
    # Aliyun's common error for every API; ECS's own Forbidden.AccessKeyDisabled when ECS is named.
    assert _answered(service, "运维把我的 AccessKey 禁用了，调阿里云接口会报什么") == ("aliyun", "InvalidAccessKeyId.Inactive")
    assert _answered(service, "阿里云 ECS 接口报 AccessKey 被禁用") == ("aliyun", "Forbidden.AccessKeyDisabled")


def test_object_storage_403_told_with_permission_words_over_a_brushing_reading(service) -> None:
    assert _answered(service, "OBS 桶设成私有了，匿名访问对象就 403") == ("huaweicloud", "AccessDenied")


def test_a_code_naming_the_thing_a_parameter_is_for_counts_as_naming_it(service) -> None:
    # RoleArn is a role's name: EntityNotExist.Role (AssumeRole's own) is about it, not only
    # the codes that spell RoleArn out (EntityNotExist.RoleArn is AssumeRoleWithSAML's).
    assert _answered(service, "阿里云 STS 调 AssumeRole，RoleArn 填的角色提示不存在") == ("aliyun", "EntityNotExist.Role")
