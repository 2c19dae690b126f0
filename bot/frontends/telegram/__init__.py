"""The Telegram front-end: the application, its handlers, delivery with retries, polling
that confirms updates only once handled, and the webhook receiver."""
