"""Score the resolver on a blind question set (tests/eval/blind/*.tsv) and print a report.

Blind sets are written by someone who never read the knowledge base or the tuned eval
sets; their first-run figures are recorded in docs/evaluation.md and the rows are never
used for tuning. Usage: ``python scripts/eval_blind.py tests/eval/blind/unanticipated_v1.tsv``.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.chat.service import Service
from bot.core.match import Match


def key_of(m: Match) -> str:
    """The answer as a blind set writes it: a status number or provider:ErrorCode."""
    if m.kind == "error":
        provider = m.answer.provider  # a family reading's, when the question named its cloud
        return f"{provider}:{m.answer.error_code}"
    if m.kind == "network":
        return f"network:{m.answer.name}"
    return str(m.status)


def keys_of(m: Match) -> list[str]:
    """Every way a set may write this answer: :func:`key_of`, and for a network error its
    family (``family:cors``, ``family:tls``), for problems with no single standard name.

    A set may write ``any:Code`` for a cloud error asked about with no cloud named: any
    provider's row with that code, or the card of the family asked about in plain words when
    it lists that code among each cloud's codes."""
    keys = [key_of(m)]
    if m.kind == "network":
        keys.append(f"family:{m.answer.family}")
        if m.answer.name.startswith(_OPENSSL_PREFIX):
            # Node reports OpenSSL's verify errors without the prefix (err.code CERT_HAS_EXPIRED
            # is X509_V_ERR_CERT_HAS_EXPIRED): one error, two spellings.
            keys.append(f"network:{m.answer.name.removeprefix(_OPENSSL_PREFIX)}")
    if m.kind == "error":
        if m.answer.error is not None:
            keys.append(f"any:{m.answer.error_code}")
            error = m.answer.error
            if error.error_code != m.answer.error_code:
                # One error under two spellings, both on its card: Huawei's gateway returns
                # APIGW.0301 for what its error table lists as APIG.0301.
                keys += [f"{error.provider}:{error.error_code}", f"any:{error.error_code}"]
        keys.extend(f"any:{code}" for _, code in getattr(m.answer, "members", ()))
    return keys


_OPENSSL_PREFIX = "X509_V_ERR_"

# Two sets (session 35) were told to write the clouds' short names: the same answer, spelled
# as our provider keys.
_OUR_PROVIDER_NAMES = {"tencent": "tencentcloud", "huawei": "huaweicloud"}


def _our_spelling(answer: str) -> str:
    provider, colon, code = answer.partition(":")
    return f"{_OUR_PROVIDER_NAMES[provider]}:{code}" if colon and provider in _OUR_PROVIDER_NAMES else answer


def expected(row: dict[str, str]) -> tuple[list[str], str]:
    """(acceptable answers, category) for either blind-set format.

    unanticipated_v1: ``expect`` is a status, ``provider:Code``, ``network:NAME``,
    ``family:cors`` or ``none`` (a tuned set may also write a comparison as ``301 302``:
    those codes first, in that order).
    network_v1: ``expect_kind`` network/status/none with ``expect_code`` (a|b alternatives)
    and ``family``; network answers are keyed ``network:NAME``.
    """
    if "expect" in row:
        want = [w.strip() for w in row["expect"].split("|") if w.strip()]
        return [_our_spelling(w) for w in want], row["category"]
    kind, codes = row["expect_kind"], [c.strip() for c in row["expect_code"].split("|") if c.strip()]
    if kind == "none":
        return ["none"], "none"
    if kind == "status":
        return codes, "status (control)"
    return [f"network:{c}" for c in codes], f"network/{row['family']}"


def main(path: str) -> int:
    svc = Service.load()
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # answered rows: n, top1, top3
    misses: list[str] = []
    for row in rows:
        want, cat = expected(row)
        found = [keys_of(m) for m in svc.resolve(row["query"]).matches]
        got = [keys[0] for keys in found]
        stats = per[cat]
        stats[0] += 1
        if want == ["none"]:
            ok1 = ok3 = not got
        elif len(want) == 1 and " " in want[0]:  # a comparison: these codes first, in order
            codes = want[0].split()
            ok1 = ok3 = got[: len(codes)] == codes
        else:
            ok1 = bool(found) and any(k in want for k in found[0])
            ok3 = any(k in want for keys in found[:3] for k in keys)
        stats[1] += ok1
        stats[2] += ok3
        if not ok1:
            misses.append(f"[{cat}] {row['query']!r}: want {'|'.join(want)}, got {got[:3]}")
    answerable = [0, 0, 0]
    for cat, (n, t1, t3) in sorted(per.items()):
        print(f"{cat:24} {n:4}  top-1 {t1 / n:6.1%}  top-3 {t3 / n:6.1%}")
        if cat not in ("chatter", "number_chatter", "none"):
            answerable = [a + b for a, b in zip(answerable, (n, t1, t3), strict=True)]
    rejected = sum(per[c][1] for c in ("chatter", "number_chatter", "none"))
    chatter = sum(per[c][0] for c in ("chatter", "number_chatter", "none"))
    n, t1, t3 = answerable
    print(f"{'answerable':24} {n:4}  top-1 {t1 / n:6.1%}  top-3 {t3 / n:6.1%}")
    network = [per[c] for c in per if c.startswith("network/")]
    if network:
        n, t1, t3 = (sum(col) for col in zip(*network, strict=True))
        print(f"{'network (all families)':24} {n:4}  top-1 {t1 / n:6.1%}  top-3 {t3 / n:6.1%}")
    if chatter:
        print(f"{'chatter rejected':24} {chatter:4}  {rejected / chatter:6.1%}")
    if "-v" in sys.argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
