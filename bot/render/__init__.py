"""Rendering: rich text, replies with abstract buttons, and the dispatch of answers to the
kinds that render them. Nothing here knows about Telegram or names a kind."""
