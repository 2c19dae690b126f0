"""Words typed by their sound ("账户欠废" → 欠费, "服物器" → 服务器): one character swapped for
another that reads the same, as a pinyin input method does.

Only the words a Respeller is given (two to four characters) are known, and only a swap of one
character counts: two characters off is a different word ("全线" is not "权限"). A sound shared
by two of the words says neither. One pass over the text with at most three dict lookups per
character: linear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.core.match import Match
from bot.core.pinyin import syllable

_SIZES = (4, 3, 2)  # window lengths, longest first


class Respeller:
    def __init__(self, words: Iterable[str]) -> None:
        by_sound: dict[tuple[str, ...], set[str]] = {}
        known = set()
        for word in words:
            sound = tuple(map(syllable, word))
            if 2 <= len(word) <= 4 and all(sound):
                known.add(word)
                by_sound.setdefault(sound, set()).add(word)
        self._known = frozenset(known)
        self._by_sound = {sound: next(iter(ws)) for sound, ws in by_sound.items() if len(ws) == 1}
        # The syllables a known word opens with: only where one is heard may a word start.
        self._firsts = frozenset(sound[0] for sound in self._by_sound)

    def respell(self, text: str) -> tuple[str, list[str]]:
        """``text`` with each sound-alike of a known word replaced by the word, and the words
        put in (none: ``text`` itself)."""
        sounds = list(map(syllable, text))
        if sum(map(bool, sounds)) < 2 or self._firsts.isdisjoint(sounds):
            return text, []
        out: list[str] = []
        put: list[str] = []
        i, n = 0, len(text)
        while i < n:
            found = self._word_at(text, sounds, i) if sounds[i] in self._firsts else None
            if found is None:
                out.append(text[i])
                i += 1
            else:
                out.append(found)
                put.append(found)
                i += len(found)
        return ("".join(out), put) if put else (text, [])

    def _word_at(self, text: str, sounds: list[str], i: int) -> str | None:
        """The known word one character off the text at ``i`` that reads the same, if any
        (None when the text there is a known word as typed)."""
        for size in _SIZES:
            sound = tuple(sounds[i : i + size])
            word = self._by_sound.get(sound) if len(sound) == size and all(sound) else None
            if word is None:
                continue
            window = text[i : i + size]
            if window in self._known:
                return None
            if sum(a != b for a, b in zip(word, window, strict=True)) == 1:
                return word
        return None


def noting_heard(matches: Iterable[Match], words: list[str], how: str = "读音") -> list[Match]:
    """``matches`` with the words read by sound (or pinyin) told in their "why"."""
    heard = "、".join(f"「{word}」" for word in words)
    return [replace(m, why=f"{m.why}（按{how}读作{heard}）") for m in matches]
