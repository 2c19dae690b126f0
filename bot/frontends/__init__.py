"""Front-ends: thin adapters from a transport (Telegram, a terminal) to the chat layer."""
