"""Import the public cloud error tables into knowledge/cloud/*.tsv.

Reads ../shared/data/cloud-errors/{aliyun,huaweicloud,tencentcloud}.tsv (relative to the
repository) or --src, and writes one normalised TSV per provider with the same columns,
so the loader needs one parser. The output is sorted and byte-for-byte reproducible:
running the script twice gives identical files.

scripts/cloud_sources/<provider>.tsv (in the shared tables' layout, each row with its source)
adds facts those tables lack: Tencent Cloud's common error codes (AuthFailure.SignatureExpire,
RequestLimitExceeded: the ones every Tencent API returns), from its API documentation; Aliyun's
common errors the product tables lack (Throttling.User, InvalidSecurityToken.Expired), from its
error centre, Auto Scaling's InvalidLoadBalancerId.NotFound, and the two balance errors
RunInstances' own table lists (the shared table names five APIs per code, not that one);
Huawei's VPC table, and the reasons Huawei's API gateway runtime writes after APIG.0301's and
APIG.0303's message ("Incorrect IAM authentication information: verify aksk signature fail"),
from its FAQ pages; Aliyun Function Compute's errors from its error-code pages, and Tencent's
SCF, CDB and CDN errors from tencentcloud-sdk-go's errors.go files (session 39).

    python scripts/import_cloud_errors.py [--src DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from a checkout

from bot.kinds.cloud.loader import TSV_COLUMNS  # noqa: E402

DEFAULT_SRC = REPO.parent / "shared" / "data" / "cloud-errors"
DEFAULT_OUT = REPO / "knowledge" / "cloud"
EXTRA_SRC = REPO / "scripts" / "cloud_sources"

# The one layout every knowledge/cloud/*.tsv uses, defined where the loader checks it.
COLUMNS = TSV_COLUMNS
PROVIDERS = ("aliyun", "huaweicloud", "tencentcloud")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _clean(value: str | None) -> str:
    # The sources are TSV already; tabs or newlines inside a cell would break ours.
    return " ".join((value or "").split())


def _statuses(text: str) -> list[int]:
    return sorted({int(s) for s in text.replace(";", ",").split(",") if s.strip()})


def _aliyun(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    out = []
    for r in rows:
        out.append(
            {
                "provider": "aliyun",
                "product": _clean(r["product"]),
                # apis_sample names up to five APIs whose tables hold this (code, status).
                "api": ";".join(a.strip() for a in r["apis_sample"].split(";") if a.strip()),
                "error_code": _clean(r["error_code"]),
                "http_status": _clean(r["http_status"]),
                "other_http_statuses": ",".join(str(s) for s in _statuses(r["other_http_statuses_for_code"])),
                "message_zh": _clean(r["message_zh"]),
                "message_en": _clean(r["message_en"]),
                "source": _clean(r["source"]),
            }
        )
    return out


def _statuses_by_code(rows: list[dict[str, str]]) -> dict[tuple[str, str], set[int]]:
    """Each (product, code)'s statuses among the rows that give one: a source with no per-code
    list of other statuses has them derived from these."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in rows:
        if r.get("http_status"):
            seen[(r["product"], r["error_code"])].add(int(r["http_status"]))
    return seen


def _huaweicloud(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    seen = _statuses_by_code(rows)
    out = []
    for r in rows:
        own = int(r["http_status"])
        others = sorted(seen[(r["product"], r["error_code"])] - {own})
        out.append(
            {
                "provider": "huaweicloud",
                "product": _clean(r["product"]),
                "api": _clean(r["api"]),
                "error_code": _clean(r["error_code"]),
                "http_status": str(own),
                "other_http_statuses": ",".join(map(str, others)),
                "message_zh": _clean(r["message_zh"]),
                "message_en": _clean(r["message_en"]),
                "source": _clean(r["source"]),
            }
        )
    return out


def _tencentcloud(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    # API 3.0 answers HTTP 200 and puts the error in Response.Error: no status to record. COS
    # answers as S3 does, with the status its table gives (the code's other statuses beside it).
    seen = _statuses_by_code(rows)
    out = []
    for r in rows:
        own = _clean(r.get("http_status"))
        others = sorted(seen[(r["product"], r["error_code"])] - {int(own)}) if own else []
        out.append(
            {
                "provider": "tencentcloud",
                "product": _clean(r["product"]),
                "api": "",
                "error_code": _clean(r["error_code"]),
                "http_status": own,
                "other_http_statuses": ",".join(map(str, others)),
                "message_zh": _clean(r["message_zh"]),
                "message_en": _clean(r.get("message_en")),  # the documented wording, where known
                "source": _clean(r["source"]),
            }
        )
    return out


CONVERTERS = {"aliyun": _aliyun, "huaweicloud": _huaweicloud, "tencentcloud": _tencentcloud}


def _sort_key(row: dict[str, str]) -> tuple:
    status = int(row["http_status"]) if row["http_status"] else 0
    return (
        row["product"],
        row["error_code"].lower(),
        row["error_code"],
        status,
        row["api"],
        row["message_zh"],
        row["message_en"],
        row["source"],
    )


def render(rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(row[c] for c in COLUMNS) for row in sorted(rows, key=_sort_key)]
    return "\n".join(lines) + "\n"


def convert(src: Path, extra: Path = EXTRA_SRC) -> dict[str, str]:
    """File name → TSV text, for every provider: the shared table and this repository's
    additions (``extra``), if any."""
    out = {}
    for provider in PROVIDERS:
        rows = _read(src / f"{provider}.tsv")
        if (extra / f"{provider}.tsv").is_file():
            rows += _read(extra / f"{provider}.tsv")
        out[f"{provider}.tsv"] = render(CONVERTERS[provider](rows))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC, help="shared cloud-errors folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    if not (args.src / "aliyun.tsv").is_file():
        print(f"no aliyun.tsv under {args.src}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in convert(args.src).items():
        (args.out / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"{args.out / name}: {text.count(chr(10)) - 1} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
