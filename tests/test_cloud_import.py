"""The generated data files are reproducible from their inputs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT.parent / "shared" / "data" / "cloud-errors"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SRC / "aliyun.tsv").is_file(), reason="shared/data/cloud-errors is not here")
def test_import_reproduces_the_committed_files(tmp_path: Path) -> None:
    importer = _script("import_cloud_errors")
    first, second = tmp_path / "a", tmp_path / "b"
    assert importer.main(["--src", str(SRC), "--out", str(first)]) == 0
    assert importer.main(["--src", str(SRC), "--out", str(second)]) == 0
    for name in ("aliyun.tsv", "huaweicloud.tsv", "tencentcloud.tsv"):
        made = (first / name).read_bytes()
        assert made == (second / name).read_bytes(), f"{name} differs between two runs"
        assert made == (ROOT / "knowledge" / "cloud" / name).read_bytes(), (
            f"knowledge/cloud/{name} is stale: run scripts/import_cloud_errors.py"
        )


@pytest.mark.skipif(not (SRC / "aliyun.tsv").is_file(), reason="shared/data/cloud-errors is not here")
def test_import_keeps_every_row_and_its_source() -> None:
    importer = _script("import_cloud_errors")
    out = importer.convert(SRC)
    # Each provider's shared table plus this repository's additions from scripts/cloud_sources:
    # Tencent's 32 common errors, its SMS (87), CLB (24) and COS (71, from its documentation page)
    # errors, and RequestLimitExceeded's message with the figures filled in and the API's own wording of
    # AuthFailure.SecretIdNotFound and AuthFailure.UnauthorizedOperation (as users pasted them); Aliyun's 14 common errors (13 from its error center, InvalidApi.NotFound from the
    # same table on its developer site), Auto Scaling's missing-SLB error, 19 SMS errors and
    # KMS (41), CDN (87) and RDS (135) errors, RunInstances' two balance rows, RAM's user and group
    # errors (3) and Alidns (19) from their API reference pages; Huawei's VPC
    # errors (66), the five reasons its API gateway writes after two of its messages (FAQ pages)
    # and OBS's generic AccessDenied (拒绝访问, from its SDK's error table page); session 39's
    # Function Compute errors (28, its error-code pages) and Tencent's SCF (101), CDB (85) and
    # CDN (92) errors met in use (from tencentcloud-sdk-go's errors.go files); session 40's Tencent
    # VPC errors (146, the same way) and Aliyun's InvalidAccessKeyId.NotFound as its API words it
    # (a public issue that pasted the SDK's output); session 41's OSS SecurityTokenExpired (its
    # 403 troubleshooting page in AlibabaCloudDocs/oss) and the Aliyun SDK's own SDK.InvalidRegionId
    # (raised by its client, from the .NET SDK's source).
    pages = {"aliyun.tsv": 14 + 22 + 28, "huaweicloud.tsv": 5 + 1, "tencentcloud.tsv": 32 + 71}
    for name, expected in (
        ("aliyun.tsv", 1262 + 15 + 19 + 41 + 87 + 135 + 2 + 3 + 19 + 28 + 1 + 1 + 1),
        ("huaweicloud.tsv", 559 + 66 + 5 + 1),
        ("tencentcloud.tsv", 500 + 32 + 1 + 3 + 87 + 24 + 71 + 101 + 85 + 92 + 146),
    ):
        lines = out[name].splitlines()
        assert len(lines) - 1 == expected
        sources = [line.rsplit("\t", 1)[1] for line in lines[1:]]
        # A repository file, or for the common errors the documentation page listing them.
        docs = (
            "cloud.tencent.com/document/",
            "error-center.alibabacloud.com/",
            "developer.aliyun.com/",
            "help.aliyun.com/",
            "www.alibabacloud.com/help/",
            "support.huaweicloud.com/",
        )
        assert all(s.startswith(("github.com/", *docs)) for s in sources)
        assert sum(s.startswith(docs) for s in sources) == pages[name]
        # No HTML markup of the pages the messages were read from (the shared Tencent table keeps
        # a few Markdown links, as its source comments write them).
        assert not any("<a " in line for line in lines), name


def test_eval_set_is_reproducible() -> None:
    maker = _script("make_cloud_eval")
    from bot.core.schema import Problems
    from bot.kinds.cloud.loader import load_cloud

    rows, _, _ = load_cloud(ROOT / "knowledge", Problems(), set(range(100, 600)))
    text = maker.render(maker.sample(list(rows)) + maker.read_hand_rows(maker.EVAL_FILE))
    assert text == maker.EVAL_FILE.read_text(encoding="utf-8"), "run scripts/make_cloud_eval.py"


NETWORK_SRC = ROOT.parent / "shared" / "data" / "network-errors"


@pytest.mark.skipif(
    not (NETWORK_SRC / "curl_errors.tsv").is_file(), reason="shared/data/network-errors is not here"
)
def test_network_facts_are_reproducible_and_keep_their_sources(tmp_path: Path) -> None:
    importer = _script("import_network_errors")
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    for out in (first, second):
        assert importer.main(["--src", str(NETWORK_SRC), "--out", str(out)]) == 0
    made = first.read_bytes()
    assert made == second.read_bytes()
    assert made == (ROOT / "knowledge" / "network" / "facts.tsv").read_bytes(), (
        "knowledge/network/facts.tsv is stale: run scripts/import_network_errors.py"
    )
    rows = [line.split("\t") for line in made.decode().splitlines()[1:]]
    assert all(row[4].startswith("github.com/") for row in rows)
    names = {row[1] for row in rows}
    assert {"ERR_CONNECTION_REFUSED", "CURLE_COULDNT_CONNECT", "UNAVAILABLE", "1006", "ECONNREFUSED"} <= names
    assert "ERR_CERT_END" not in names  # a range marker, not an error
