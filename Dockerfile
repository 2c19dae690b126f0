# syntax=docker/dockerfile:1
FROM python:3.12-slim AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HTTPCODE_DATA_DIR=/data \
    HTTPCODE_INDEX_CACHE=/app/index-cache

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
# check validates the knowledge and writes the index cache that one-shot commands
# (docker run ... ask 503) read; it stays root's and read-only to the runtime user.
RUN pip install --no-cache-dir . \
    && mkdir -m 0755 /app/index-cache \
    && httpcode-bot check \
    && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin httpcode \
    && mkdir -p /data \
    && chown httpcode /data

USER 10001
VOLUME ["/data"]
# The token comes only from the runtime environment: docker run -e TELEGRAM_BOT_TOKEN=...
ENTRYPOINT ["httpcode-bot"]
CMD ["run"]
