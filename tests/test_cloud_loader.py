"""knowledge/cloud/ is validated at load: one broken copy per defect, each reported precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.schema import KnowledgeError, Problems
from bot.kinds import load as load_knowledge
from bot.kinds.cloud.loader import TSV_COLUMNS, load_cloud

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
ALL_CODES = set(range(100, 600))
HEADER = "\t".join(TSV_COLUMNS)
GOOD = "aliyun\tECS\tCreateInstance\tAccount.Arrearage\t400\t403\t账号已经欠费。\tYour account has an outstanding payment.\tgithub.com/x/y@1:a.md#L1"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of knowledge/cloud only: load_cloud needs nothing else."""
    shutil.copytree(KNOWLEDGE / "cloud", tmp_path / "cloud")
    return tmp_path


def load(root: Path, codes: set[int] = ALL_CODES) -> tuple[tuple, tuple, list[str], list[str]]:
    problems = Problems()
    rows, families, files = load_cloud(root, problems, codes)
    return rows, families, files, problems.items


def write_aliyun(root: Path, *lines: str, header: str = HEADER) -> None:
    (root / "cloud" / "aliyun.tsv").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")


def one_problem(root: Path, codes: set[int] = ALL_CODES) -> str:
    rows, families, _, problems = load(root, codes)
    assert len(problems) == 1, problems
    assert rows == () and families == (), "nothing may be returned half-loaded"
    return problems[0]


def test_real_files_load_cleanly(root: Path) -> None:
    rows, families, files, problems = load(root)
    assert problems == []
    by_provider = {
        p: sum(1 for r in rows if r.provider == p) for p in ("aliyun", "huaweicloud", "tencentcloud")
    }
    # Each shared table, then scripts/cloud_sources (Aliyun 15 + 19 SMS + 263 KMS/CDN/RDS + 2
    # RunInstances balance rows, Huawei 66 VPC, Tencent 32 + 87 SMS + 24 CLB + 71 COS), then the seed (12);
    # session 39's Function Compute (28) and Tencent SCF, CDB and CDN (278); session 40's Tencent
    # VPC (146) and one more Aliyun common error's wording; session 41's OSS SecurityTokenExpired and the SDK's SDK.InvalidRegionId.
    assert by_provider == {
        "aliyun": 1262 + 34 + 263 + 2 + 12 + 22 + 28 + 1 + 1 + 1,
        "huaweicloud": 559 + 66 + 5 + 1,
        "tencentcloud": 500 + 147 + 71 + 278 + 146,
    }
    assert sum(1 for r in rows if r.seed_message) == 12
    assert files == [
        "knowledge/cloud/aliyun.tsv",
        "knowledge/cloud/huaweicloud.tsv",
        "knowledge/cloud/tencentcloud.tsv",
        "knowledge/cloud/aliyun_seed.toml",
        "knowledge/cloud/s3_wording.toml",
        "knowledge/cloud/families.toml",
    ]
    assert len(families) >= 20
    # Tencent's API 3.0 rows and Aliyun's SMS carry no HTTP status: they answer 200 with the error
    # in the body. Tencent's COS answers as S3 does, with a status.
    in_body = [
        r
        for r in rows
        if (r.provider == "tencentcloud" and r.product != "COS") or (r.provider, r.product) == ("aliyun", "SMS")
    ]
    assert all(r.status is None and r.other_statuses == () for r in in_body)
    body_ids = {id(r) for r in in_body}
    # An SDK's client-side errors have none either: no request was sent.
    client_side = [r for r in rows if (r.provider, r.product) == ("aliyun", "SDK")]
    assert [r.error_code for r in client_side] == ["SDK.InvalidRegionId"] and client_side[0].status is None
    body_ids |= {id(r) for r in client_side}
    assert all(r.status is not None for r in rows if id(r) not in body_ids)
    assert sum(1 for r in in_body if r.provider == "aliyun") == 19
    assert all(r.source for r in rows)


def test_same_code_keeps_every_status(root: Path) -> None:
    rows, *_ = load(root)
    ecs = {r.status for r in rows if r.error_code == "InvalidImageId.NotFound" and r.product == "ECS"}
    assert ecs == {400, 403, 404}


def test_seed_rows_get_the_other_statuses_of_their_code(root: Path) -> None:
    rows, *_ = load(root)
    seed = next(r for r in rows if r.seed_message == "指定的镜像不存在。")
    assert (seed.error_code, seed.status, seed.api) == ("InvalidImageId.NotFound", 404, "CreateInstance")
    assert seed.other_statuses == (400, 403)
    forbbiden = next(r for r in rows if r.seed_message == "您暂时无法使用该资源。")
    assert (forbbiden.error_code, forbbiden.status) == ("Forbbiden", 403)


def test_wrong_header(root: Path) -> None:
    write_aliyun(root, GOOD, header=HEADER.replace("http_status", "status"))
    assert one_problem(root).startswith("knowledge/cloud/aliyun.tsv: entry (line 1): header must be:")


def test_wrong_column_count(root: Path) -> None:
    write_aliyun(root, GOOD, GOOD.rsplit("\t", 1)[0])
    assert one_problem(root) == "knowledge/cloud/aliyun.tsv: entry (line 3): has 8 columns, expected 9"


def test_empty_error_code(root: Path) -> None:
    write_aliyun(root, GOOD.replace("Account.Arrearage", ""))
    assert (
        one_problem(root)
        == "knowledge/cloud/aliyun.tsv: entry (line 2 (?)) field 'error_code': must not be empty"
    )


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("4OO", "'4OO' is not an integer"),
        ("--500", "'--500' is not an integer"),  # passed lstrip("-"), then int() raised
        ("5²3", "'5²3' is not an integer"),  # "²".isdigit() is True; int() raised
        ("٤٠٣", "'٤٠٣' is not an integer"),  # int() would take Arabic-Indic digits as 403
        ("999", "999 is outside 100–599"),
        ("418", "418 is not a status code in knowledge/status/"),
    ],
)
def test_bad_status(root: Path, status: str, message: str) -> None:
    write_aliyun(root, GOOD.replace("\t400\t", f"\t{status}\t"))
    codes = ALL_CODES - {418}
    expected = (
        f"knowledge/cloud/aliyun.tsv: entry (line 2 (Account.Arrearage)) field 'http_status': {message}"
    )
    assert one_problem(root, codes) == expected


def test_missing_status(root: Path) -> None:
    write_aliyun(root, GOOD.replace("\t400\t", "\t\t"))
    assert one_problem(root).endswith("field 'http_status': is missing")


def test_bad_other_status(root: Path) -> None:
    write_aliyun(root, GOOD.replace("\t403\t", "\t403,abc\t"))
    assert one_problem(root).endswith("field 'other_http_statuses': 'abc' is not an integer")


@pytest.mark.parametrize("others", ["403,,404", ",403", "403,"])
def test_empty_item_in_other_statuses(root: Path, others: str) -> None:
    # Passed validation (empty items were skipped), then int("") raised while building the row.
    write_aliyun(root, GOOD.replace("\t403\t", f"\t{others}\t"))
    assert one_problem(root).endswith(
        f"field 'other_http_statuses': {others!r} has an empty item between commas"
    )


def test_non_utf8_row(root: Path) -> None:
    path = root / "cloud" / "aliyun.tsv"
    path.write_bytes(f"{HEADER}\n{GOOD}\n".encode().replace("账号".encode(), b"\xc3\x28", 1))
    assert one_problem(root) == (
        "knowledge/cloud/aliyun.tsv: entry (line 2): is not UTF-8: byte(s) c3 at column 53"
    )


def test_status_missing_from_status_tables_is_reported_for_real_rows(root: Path) -> None:
    # Aliyun documents OSS CallbackFailed as 203 and SLB SystemBusy as 449.
    _, _, _, problems = load(root, ALL_CODES - {203, 449})
    assert any("(CallbackFailed)) field 'http_status': 203 is not a status code" in p for p in problems)
    assert any("(SystemBusy)) field 'http_status': 449 is not a status code" in p for p in problems)


def test_unknown_provider(root: Path) -> None:
    write_aliyun(root, GOOD.replace("aliyun\t", "aws\t", 1))
    assert one_problem(root).endswith(
        "field 'provider': unknown provider 'aws' (allowed: aliyun, huaweicloud, tencentcloud)"
    )


def test_provider_in_the_wrong_file(root: Path) -> None:
    write_aliyun(root, GOOD.replace("aliyun\t", "huaweicloud\t", 1))
    assert one_problem(root).endswith("field 'provider': 'huaweicloud' rows belong in huaweicloud.tsv")


def test_missing_source(root: Path) -> None:
    write_aliyun(root, GOOD.rsplit("\t", 1)[0] + "\t")
    assert one_problem(root) == (
        "knowledge/cloud/aliyun.tsv: entry (line 2 (Account.Arrearage)) field 'source': "
        "is missing: every row must say where it comes from"
    )


def test_no_message_at_all(root: Path) -> None:
    write_aliyun(root, GOOD.replace("账号已经欠费。\tYour account has an outstanding payment.", "\t"))
    assert one_problem(root).endswith("field 'message_zh': the row needs a Chinese or an English message")


def test_white_space_around_a_cell(root: Path) -> None:
    write_aliyun(root, GOOD.replace("\tECS\t", "\tECS \t"))
    assert one_problem(root).endswith("field 'product': has leading or trailing white space")


def test_duplicate_row(root: Path) -> None:
    write_aliyun(root, GOOD, GOOD)
    assert one_problem(root) == (
        "knowledge/cloud/aliyun.tsv: entry (line 3 (Account.Arrearage)) field 'error_code': "
        "duplicate row: same as knowledge/cloud/aliyun.tsv line 2"
    )


def test_same_key_with_another_message_is_not_a_duplicate(root: Path) -> None:
    # Huawei documents OBS AccessDenied 403 twice with two meanings: both rows stay.
    write_aliyun(root, GOOD, GOOD.replace("账号已经欠费。", "账户余额不足。"))
    write_wording(root, WORDING)  # its Aliyun-only OSS codes left with the table
    rows, _, _, problems = load(root)
    assert problems == []
    assert sum(1 for r in rows if r.provider == "aliyun" and not r.seed_message) == 2


def test_tencent_rows_must_not_invent_a_status(root: Path) -> None:
    path = root / "cloud" / "tencentcloud.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split("\t")
    cells[4] = "400"
    lines[1] = "\t".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert one_problem(root).endswith(
        f"field 'http_status': must be empty: tencentcloud {cells[1]} returns errors inside an HTTP 200 body"
    )


def test_tencent_cos_rows_carry_their_status(root: Path) -> None:
    # COS is an S3-style XML API: unlike Tencent's API 3.0, it answers with a real status.
    path = root / "cloud" / "tencentcloud.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.split("\t")[1] == "COS")
    cells = lines[at].split("\t")
    assert cells[4].isdigit()
    cells[4] = ""
    lines[at] = "\t".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert one_problem(root).endswith("field 'http_status': is missing")


def test_aliyun_sms_rows_carry_no_status_and_other_products_must(root: Path) -> None:
    # Aliyun's SMS API answers HTTP 200 with the error in the body's Code, as Tencent's APIs do.
    sms = "aliyun\tSMS\t\tisv.MOBILE_NUMBER_ILLEGAL\t\t\t非法手机号\t\tgithub.com/x/y@1:sms.go"
    path = root / "cloud" / "aliyun.tsv"
    path.write_text(path.read_text(encoding="utf-8") + sms.replace("MOBILE", "MOBILE_X") + "\n", encoding="utf-8")
    rows, _, _, problems = load(root)
    assert problems == [] and any(r.error_code == "isv.MOBILE_X_NUMBER_ILLEGAL" and r.status is None for r in rows)
    write_aliyun(root, GOOD, sms.replace("\t\t\t非法", "\t400\t\t非法"))
    assert one_problem(root).endswith(
        "field 'http_status': must be empty: aliyun SMS returns errors inside an HTTP 200 body"
    )
    write_aliyun(root, GOOD.replace("\t400\t", "\t\t"), sms)
    assert one_problem(root).endswith("field 'http_status': is missing")


def test_an_sdks_client_side_rows_carry_no_status(root: Path) -> None:
    # The SDK raises them before sending anything: a status on such a row is a mistake.
    sdk = "aliyun\tSDK\t\tSDK.InvalidProfile\t\t\t\tNo active profile found.\tgithub.com/x/y@1:client.cs"
    path = root / "cloud" / "aliyun.tsv"
    path.write_text(path.read_text(encoding="utf-8") + sdk + "\n", encoding="utf-8")
    rows, _, _, problems = load(root)
    assert problems == [] and any(r.error_code == "SDK.InvalidProfile" and r.status is None for r in rows)
    write_aliyun(root, GOOD, sdk.replace("\t\t\t\tNo", "\t400\t\t\tNo"))
    assert one_problem(root).endswith(
        "field 'http_status': must be empty: aliyun SDK errors are raised on the client, before any request"
    )


def test_missing_tsv(root: Path) -> None:
    (root / "cloud" / "huaweicloud.tsv").unlink()
    assert one_problem(root) == (
        "knowledge/cloud/huaweicloud.tsv: is missing (run scripts/import_cloud_errors.py)"
    )


FAMILY = """
[[family]]
name = "not_found"
patterns = ["*.NotFound"]
title = "资源不存在"
meaning = "找不到。"
fixes = ["核对 ID"]
typical_status = 404
"""


def write_families(root: Path, text: str) -> None:
    (root / "cloud" / "families.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("*", "'*' has no literal part: it would match every code"),
        ("Foo Bar*", "'Foo Bar*' may only hold letters, digits, '.', '_', '-' and the wildcards * ? [ ]"),
        ("Foo[0-9", "'Foo[0-9' has unbalanced [ ]"),
    ],
)
def test_family_bad_pattern(root: Path, pattern: str, message: str) -> None:
    write_families(root, FAMILY.replace('"*.NotFound"', f'"{pattern}"'))
    assert (
        one_problem(root)
        == f"knowledge/cloud/families.toml: entry (name=not_found) field 'patterns'[0]: {message}"
    )


def test_family_unknown_key(root: Path) -> None:
    write_families(root, FAMILY + "http_status = 404\n")
    assert one_problem(root).startswith(
        "knowledge/cloud/families.toml: entry (name=not_found) field 'http_status': unknown key"
    )


def test_family_missing_fixes(root: Path) -> None:
    write_families(root, FAMILY.replace('fixes = ["核对 ID"]\n', ""))
    assert (
        one_problem(root) == "knowledge/cloud/families.toml: entry (name=not_found) field 'fixes': is missing"
    )


def test_family_duplicate_name(root: Path) -> None:
    write_families(root, FAMILY + FAMILY)
    assert (
        one_problem(root)
        == "knowledge/cloud/families.toml: entry (name=not_found) field 'name': duplicate family name"
    )


def test_family_status_must_exist(root: Path) -> None:
    write_families(root, FAMILY.replace("typical_status = 404", "typical_status = 418"))
    assert one_problem(root, ALL_CODES - {418}) == (
        "knowledge/cloud/families.toml: entry (name=not_found) field 'typical_status': "
        "418 is not a status code in knowledge/status/"
    )


@pytest.mark.parametrize(
    ("phrases", "message"),
    [
        ('["了"]', "'了' is too short to name a family (2 characters or more once normalised)"),
        ('["找不到资源", "找不到资源"]', "'找不到资源' is already listed by family 'not_found'"),
        ('["签名", 3]', "expected a string, got int"),
    ],
)
def test_family_phrases_are_checked(root: Path, phrases: str, message: str) -> None:
    write_families(root, FAMILY + f"phrases = {phrases}\n")
    problem = one_problem(root)
    assert problem.startswith("knowledge/cloud/families.toml: entry (name=not_found) field 'phrases'[")
    assert problem.endswith(message)


def test_a_phrase_names_one_family(root: Path) -> None:
    other = FAMILY.replace('name = "not_found"', 'name = "gone"')
    write_families(root, FAMILY + 'phrases = ["资源找不到"]\n' + other + 'phrases = ["資源找不到"]\n')
    assert one_problem(root) == (
        "knowledge/cloud/families.toml: entry (name=gone) field 'phrases'[0]: "
        "'資源找不到' is already listed by family 'not_found'"
    )


def test_family_file_is_not_toml(root: Path) -> None:
    write_families(root, "[[family]\nname = 1")
    assert one_problem(root).startswith("knowledge/cloud/families.toml: is not valid TOML")


def test_seed_missing_source(root: Path) -> None:
    path = root / "cloud" / "aliyun_seed.toml"
    text = path.read_text(encoding="utf-8")
    first = text.index("source = ")
    path.write_text(text[:first] + text[text.index("\n", first) + 1 :], encoding="utf-8")
    assert one_problem(root) == (
        "knowledge/cloud/aliyun_seed.toml: entry (#0 (Account.Arrearage)) field 'source': is missing"
    )


def test_seed_status_must_be_an_integer(root: Path) -> None:
    path = root / "cloud" / "aliyun_seed.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status = 400", 'status = "400"', 1), encoding="utf-8"
    )
    assert one_problem(root) == (
        "knowledge/cloud/aliyun_seed.toml: entry (#0 (Account.Arrearage)) field 'status': expected an integer, got str"
    )


def test_load_knowledge_refuses_a_broken_cloud_file(knowledge_copy: Path) -> None:
    tsv = knowledge_copy / "cloud" / "aliyun.tsv"
    tsv.write_text(
        tsv.read_text(encoding="utf-8").replace("\t400\t", "\tfour hundred\t", 1), encoding="utf-8"
    )
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(root=knowledge_copy)
    assert any(
        p.startswith("knowledge/cloud/aliyun.tsv: entry (line ") and "'four hundred' is not an integer" in p
        for p in info.value.problems
    ), info.value.problems


def test_real_knowledge_base_carries_the_cloud_data(kb) -> None:
    # Also proves every status the vendors use (203, 449, 494 ...) is in knowledge/status/.
    assert len(kb["error"].rows) == 1262 + 34 + 263 + 2 + 22 + 28 + 1 + 1 + 1 + 559 + 66 + 5 + 1 + 500 + 147 + 71 + 278 + 146 + 12
    assert kb["error"].families
    assert "knowledge/cloud/aliyun.tsv" in kb.files


WORDING = '''
[[message]]
code = "NoSuchBucket"
message = "The specified bucket does not exist."
source = "https://example.com/s3"
'''


def write_wording(root: Path, text: str) -> None:
    (root / "cloud" / "s3_wording.toml").write_text(text, encoding="utf-8")


def test_s3_wording_fills_only_object_storage_rows_without_english(root: Path) -> None:
    write_wording(root, WORDING)
    rows, _, files, problems = load(root)
    assert problems == [] and "knowledge/cloud/s3_wording.toml" in files
    filled = [r for r in rows if r.message_en_source]
    storage = {("aliyun", "OSS"), ("huaweicloud", "OBS"), ("tencentcloud", "COS")}
    assert filled and all(r.error_code == "NoSuchBucket" and (r.provider, r.product) in storage for r in filled)
    assert {(r.provider, r.product) for r in filled} == storage
    assert all(r.message_en == "The specified bucket does not exist." for r in filled)
    # A row whose table gives its own English keeps it.
    assert all(r.message_en_source == "" for r in rows if r.error_code != "NoSuchBucket")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (WORDING.replace('"NoSuchBucket"', '"InvalidInstanceId.NotFound"'), "'code': InvalidInstanceId.NotFound is not an OSS or OBS error code in the tables"),
        (WORDING + WORDING, "'code': duplicate code"),
        (WORDING.replace('source = "https://example.com/s3"\n', ""), "'source': is missing"),
    ],
)
def test_s3_wording_is_checked(root: Path, text: str, message: str) -> None:
    write_wording(root, text)
    assert one_problem(root).endswith(message)


def test_s3_wording_file_is_required(root: Path) -> None:
    (root / "cloud" / "s3_wording.toml").unlink()
    assert one_problem(root) == "knowledge/cloud/s3_wording.toml: is missing"


COMMONEST = '''
[[code]]
provider = "aliyun"
code = "Forbidden.RAM"
says = ["subuser", "forbidden|authorize"]
source = "https://example.com/ram"
'''


def load_commonest_of(root: Path) -> tuple[tuple, list[str]]:
    from bot.kinds.cloud.loader import load_commonest

    rows, _, _, problems = load(root)
    assert problems == []
    found = Problems()
    return load_commonest(root, found, rows), found.items


def test_the_commonest_codes_load_with_their_concepts(root: Path) -> None:
    (root / "cloud" / "commonest.toml").write_text(COMMONEST, encoding="utf-8")
    entries, problems = load_commonest_of(root)
    assert problems == []
    assert [(e.provider, e.code, e.says) for e in entries] == [
        ("aliyun", "Forbidden.RAM", (frozenset({"subuser"}), frozenset({"forbidden", "authorize"})))
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (COMMONEST.replace('"Forbidden.RAM"', '"Forbidden.Ram"'), "entry (aliyun:Forbidden.Ram) field 'code': Forbidden.Ram is not a aliyun error code in the tables"),
        (COMMONEST.replace('provider = "aliyun"', 'provider = "aws"'), "field 'provider': unknown provider 'aws' (allowed: aliyun, huaweicloud, tencentcloud)"),
        (COMMONEST.replace("forbidden|authorize", "forbidden|authorise"), "field 'says'[1]: 'authorise' is not a concept in bot/kinds/cloud/concepts.py"),
        (COMMONEST.replace("https://example.com/ram", "example.com/ram"), "field 'source': must be an https:// address"),
        (COMMONEST.replace('says = ["subuser", "forbidden|authorize"]\n', ""), "field 'says': is missing"),
        (COMMONEST + COMMONEST, "field 'code': duplicate code"),
        (COMMONEST + 'calls = ["stop instance"]\n', "field 'calls'[0]: 'stop instance' is not an API action name (CamelCase letters)"),
        (COMMONEST + "calls = []\n", "field 'calls': needs at least 1 item(s)"),
    ],
)
def test_the_commonest_codes_are_checked(root: Path, text: str, message: str) -> None:
    (root / "cloud" / "commonest.toml").write_text(text, encoding="utf-8")
    entries, problems = load_commonest_of(root)
    assert entries == (), "nothing may be returned half-loaded"
    assert len(problems) == 1 and problems[0].startswith("knowledge/cloud/commonest.toml: ")
    assert problems[0].endswith(message), problems[0]


def test_the_calls_whose_docs_list_a_commonest_code_load(root: Path) -> None:
    (root / "cloud" / "commonest.toml").write_text(COMMONEST + 'calls = ["StopInstance", "RebootInstances"]\n', encoding="utf-8")
    entries, problems = load_commonest_of(root)
    assert problems == [] and entries[0].calls == ("StopInstance", "RebootInstances")


def test_load_knowledge_refuses_a_broken_commonest_file(knowledge_copy: Path) -> None:
    path = knowledge_copy / "cloud" / "commonest.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"subuser"', '"sub-user"'), encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(root=knowledge_copy)
    assert info.value.problems == [
        "knowledge/cloud/commonest.toml: entry (aliyun:Forbidden.RAM) field 'says'[0]: 'sub-user' is not a concept in bot/kinds/cloud/concepts.py"
    ]
    (knowledge_copy / "cloud" / "commonest.toml").unlink()
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(root=knowledge_copy)
    assert info.value.problems == ["knowledge/cloud/commonest.toml: is missing"]
