"""Inline keyboards: built once per set of buttons, sent in PTB's exact wire form, and never
the reason an answer stays in memory."""

from __future__ import annotations

import gc
import weakref

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions

from bot.frontends.telegram.handlers import NO_PREVIEW, _build_keyboard, _Keyboard, keyboard
from bot.render.reply import Button, Reply
from bot.render.richtext import Doc


def _reply(*actions: str) -> Reply:
    return Reply(Doc().add("card"), [[Button(f"open {a}", a) for a in actions], [Button("简略", "status:503:b")]])


def test_the_same_buttons_share_one_markup_and_answers_are_not_kept():
    _build_keyboard.cache_clear()
    first, second = _reply("status:502", "status:504"), _reply("status:502", "status:504")
    markup = keyboard(first)
    assert markup is not None and keyboard(second) is markup
    assert keyboard(_reply("status:500")) is not markup
    gone = weakref.ref(first)
    del first, second
    gc.collect()
    assert gone() is None  # the keyboard cache holds the buttons, not the Reply


def test_a_reply_without_buttons_has_no_keyboard():
    assert keyboard(Reply(Doc().add("x"))) is None


def test_wire_forms_are_ptb_s_own_and_fresh_copies():
    rows = [
        [InlineKeyboardButton("502 网关错误", callback_data="hc:status:502"), InlineKeyboardButton("b", url="https://x.y")],
        [InlineKeyboardButton("简略", callback_data="hc:status:503:b")],
    ]
    ours, plain = _Keyboard(rows), InlineKeyboardMarkup(rows)
    assert ours.to_dict() == plain.to_dict()
    assert ours.to_dict(recursive=False) == plain.to_dict(recursive=False)
    sent = ours.to_dict()
    sent["inline_keyboard"][0][0]["text"] = "changed"
    sent["inline_keyboard"].append([])
    assert ours.to_dict() == plain.to_dict()  # what one send did to its copy does not stick
    assert LinkPreviewOptions(is_disabled=True) == NO_PREVIEW
    assert NO_PREVIEW.to_dict() == LinkPreviewOptions(is_disabled=True).to_dict()
    NO_PREVIEW.to_dict()["is_disabled"] = False
    assert NO_PREVIEW.to_dict() == {"is_disabled": True}
