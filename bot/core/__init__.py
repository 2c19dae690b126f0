"""The pure core: types, text normalisation, schema checks, scores and the kind protocol.

Nothing under ``bot.core`` knows which kinds of answer exist or imports ``telegram``.
"""
