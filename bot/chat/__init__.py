"""The chat layer: the service (text or a button in, a reply out), flood limits, settings."""
