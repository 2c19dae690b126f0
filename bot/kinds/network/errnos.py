"""errno numbers as programs print them ("errno 111", "[Errno 104]", "WinError 10061"): Linux's
(include/uapi/asm-generic/errno-base.h and errno.h, the same on x86 and arm) and Winsock's
(winerror.h) for the names the cards carry. Only names a card exists for are read."""

from __future__ import annotations

import re

LINUX = {
    1: "EPERM", 2: "ENOENT", 4: "EINTR", 5: "EIO", 9: "EBADF", 11: "EAGAIN", 12: "ENOMEM",
    13: "EACCES", 17: "EEXIST", 22: "EINVAL", 23: "ENFILE", 24: "EMFILE", 28: "ENOSPC", 32: "EPIPE",
    98: "EADDRINUSE", 99: "EADDRNOTAVAIL", 100: "ENETDOWN", 101: "ENETUNREACH", 103: "ECONNABORTED",
    104: "ECONNRESET", 105: "ENOBUFS", 110: "ETIMEDOUT", 111: "ECONNREFUSED", 112: "EHOSTDOWN",
    113: "EHOSTUNREACH",
}
# Python's socket.gaierror numbers (glibc's EAI_* values). Not -2 ("[Errno -2] Name or service
# not known"): its wording is read as the ENOTFOUND card, Node's name for the same fault.
GAI = {-3: "EAI_AGAIN", -5: "EAI_NODATA"}
WINSOCK = {
    10048: "EADDRINUSE", 10049: "EADDRNOTAVAIL", 10051: "ENETUNREACH", 10053: "ECONNABORTED",
    10054: "ECONNRESET", 10060: "ETIMEDOUT", 10061: "ECONNREFUSED", 10065: "EHOSTUNREACH",
}
# "errno 111", "errno=104", "errno: 110", "[Errno 111]", "WinError 10061", "socket error 10054".
NUMBER_RE = re.compile(r"(?:errno|winerror|wsaerror|socket error)\s?[=:：#]?\s?(-?[0-9]{1,5})(?![0-9])")


def name_of(number: int) -> str | None:
    """The errno name a printed number stands for, or None."""
    return WINSOCK.get(number) if number >= 10000 else GAI.get(number) if number < 0 else LINUX.get(number)
