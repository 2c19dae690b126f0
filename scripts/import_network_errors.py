"""Import the public network-error tables into knowledge/network/facts.tsv.

Reads ../shared/data/network-errors/*.tsv (relative to the repository) or --src, and writes one
TSV of every identifier the bot must recognise: Chromium net errors, curl codes, gRPC codes,
WebSocket close codes, libuv errno names met on sockets and in DNS, and OpenSSL X509_V_ERR_*
verify errors. Facts only (name, number, the source's own short string, where it comes from);
the explanations live in the hand-written cards next to it.

The output is sorted by (family, name) and byte-for-byte reproducible: running the script twice
gives an identical file. Do not edit facts.tsv by hand; change this script and re-run it.

    python scripts/import_network_errors.py [--src DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SRC = REPO.parent / "shared" / "data" / "network-errors"
DEFAULT_OUT = REPO / "knowledge" / "network" / "facts.tsv"

COLUMNS = ("family", "name", "number", "message", "source")
FAMILIES = ("browser", "curl", "dns", "grpc", "tcp", "tls", "websocket")

# Chromium keeps ERR_CERT_END only to mark where the certificate range stops.
CHROMIUM_SKIP = frozenset({"ERR_CERT_END"})

# libuv names people meet on sockets (connect, listen, accept, read, write). File-system-only
# errors (ENOENT, EISDIR, EROFS ...) have no family here and are left out.
LIBUV_TCP = frozenset(
    {
        "EACCES",  # listen EACCES: binding a port below 1024 without privileges
        "EADDRINUSE",
        "EADDRNOTAVAIL",
        "EAFNOSUPPORT",
        "EALREADY",
        "ECANCELED",
        "ECONNABORTED",
        "ECONNREFUSED",
        "ECONNRESET",
        "EDESTADDRREQ",
        "EHOSTDOWN",
        "EHOSTUNREACH",
        "EISCONN",
        "EMFILE",  # accept EMFILE: every socket is a file descriptor
        "ENOSPC",  # no space (disk or inotify watches): pasted from the same servers and builds
        "EMSGSIZE",
        "ENETDOWN",
        "ENETUNREACH",
        "ENFILE",
        "ENOBUFS",
        "ENONET",
        "ENOPROTOOPT",
        "ENOTCONN",
        "ENOTSOCK",
        "ENOTSUP",
        "EPIPE",
        "EPROTO",
        "EPROTONOSUPPORT",
        "EPROTOTYPE",
        "ESHUTDOWN",
        "ESOCKTNOSUPPORT",
        "ETIMEDOUT",
    }
)
# getaddrinfo results (EAI_*) and Node's ENOTFOUND, which it fabricates from EAI_NONAME/EAI_NODATA.
LIBUV_DNS_EXTRA = frozenset({"ENOTFOUND"})

WEBSOCKET_CODES = range(1000, 1016)
CURL_CODES = range(1, 102)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _clean(value: str | None) -> str:
    # The sources are TSV already; tabs or newlines inside a cell would break ours.
    return " ".join((value or "").split())


def _row(family: str, name: str, number: str, message: str, source: str) -> dict[str, str]:
    return {
        "family": family,
        "name": _clean(name),
        "number": _clean(number),
        "message": _clean(message),
        "source": _clean(source),
    }


def _chromium(src: Path) -> list[dict[str, str]]:
    # The source has only long comments, no short literal string: message stays empty.
    return [
        _row("browser", r["name"], r["number"], "", r["source"])
        for r in _read(src / "chromium_net_errors.tsv")
        if r["name"] not in CHROMIUM_SKIP
    ]


def _curl(src: Path) -> list[dict[str, str]]:
    # Obsolete codes keep their CURLE_OBSOLETE* name; their strerror text is empty.
    return [
        _row("curl", r["name"], r["exit_code"], r["strerror"], r["source"])
        for r in _read(src / "curl_errors.tsv")
        if int(r["exit_code"]) in CURL_CODES
    ]


def _grpc(src: Path) -> list[dict[str, str]]:
    # OK (0) stays: people ask about it too.
    return [
        _row("grpc", r["name"].upper(), r["code"], "", r["source"])
        for r in _read(src / "grpc_status_codes.tsv")
    ]


def _websocket(src: Path) -> list[dict[str, str]]:
    # The 3000-3999 and 4000-4999 rows are ranges, not codes.
    out = []
    for r in _read(src / "websocket_close_codes.tsv"):
        if r["code"].isdigit() and int(r["code"]) in WEBSOCKET_CODES:
            out.append(_row("websocket", r["code"], r["code"], r["name"], r["source"]))
    return out


def _libuv(src: Path) -> list[dict[str, str]]:
    out = []
    for r in _read(src / "libuv_errno.tsv"):
        name = r["name"]
        if name.startswith("EAI_") or name in LIBUV_DNS_EXTRA:
            family = "dns"
        elif name in LIBUV_TCP:
            family = "tcp"
        else:
            continue
        # Node's ENOTFOUND "message" is a template (${syscall} ENOTFOUND ${hostname}), not a string.
        message = "" if "${" in r["message"] else r["message"]
        out.append(_row(family, name, "", message, r["source"]))
    return out


def _openssl(src: Path) -> list[dict[str, str]]:
    return [
        _row("tls", r["constant"], r["number"], r["message"], r["source"])
        for r in _read(src / "openssl_x509_verify.tsv")
        if r["constant"] != "X509_V_OK"
    ]


def collect(src: Path) -> list[dict[str, str]]:
    rows = _chromium(src) + _curl(src) + _grpc(src) + _websocket(src) + _libuv(src) + _openssl(src)
    problems = []
    seen: dict[str, str] = {}
    for row in rows:
        if row["family"] not in FAMILIES:
            problems.append(f"{row['name']}: unknown family {row['family']!r}")
        if not row["name"] or not row["source"]:
            problems.append(f"{row!r}: empty name or source")
        if row["number"] and not row["number"].lstrip("-").isdigit():
            problems.append(f"{row['name']}: number {row['number']!r} is not an integer")
        if row["name"] in seen:
            problems.append(f"{row['name']}: both in {seen[row['name']]} and {row['family']}")
        seen[row["name"]] = row["family"]
    wanted = LIBUV_TCP | LIBUV_DNS_EXTRA
    missing = sorted(n for n in wanted if n not in seen)
    if missing:
        problems.append(f"libuv names not in the source: {', '.join(missing)}")
    if problems:
        raise SystemExit("import_network_errors: " + "; ".join(problems))
    return sorted(rows, key=lambda r: (r["family"], r["name"]))


def render(rows: list[dict[str, str]]) -> str:
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(row[c] for c in COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC, help="shared network-errors folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV file")
    args = parser.parse_args(argv)
    if not (args.src / "chromium_net_errors.tsv").is_file():
        print(f"no chromium_net_errors.tsv under {args.src}", file=sys.stderr)
        return 2
    rows = collect(args.src)
    text = render(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    counts = {f: sum(r["family"] == f for r in rows) for f in FAMILIES}
    print(f"{args.out}: {len(rows)} rows (" + ", ".join(f"{f} {n}" for f, n in counts.items()) + ")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
