"""The chat layer, free of any platform: the service (text or a button in, a reply out), the chat
policy (when to answer and what: bot.chat.policy, bot.chat.actions, bot.chat.texts), flood limits
and the per-group settings store."""
