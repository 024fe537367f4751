"""Live fetching: polite, time-limited, retried with backoff, one source's failure kept to itself."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_exponential

from assistant.corpus.listings.sources import CONNECTORS
from assistant.settings import Settings

RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Response:
    origin: str  # the URL, shown in the summary
    content: bytes
    fetched_at: datetime


def endpoints(settings: Settings) -> dict[str, list[str]]:
    """The URLs each source polls: its connector's defaults, unless `settings.endpoints` overrides the board's
    (tests point them at loopback)."""
    return {
        source: settings.endpoints.get(source, connector.default_urls(settings))
        for source, connector in CONNECTORS.items()
    }


def _retryable(error: BaseException) -> bool:
    if isinstance(error, httpx.HTTPStatusError):
        return error.response.status_code in RETRY_STATUSES
    return isinstance(error, httpx.TransportError)


def make_getter(client: httpx.Client, settings: Settings) -> Callable[[str], Response]:
    @retry(
        retry=retry_if_exception(_retryable),
        stop=stop_after_attempt(max(1, settings.http_retries)),
        wait=wait_exponential(multiplier=settings.http_backoff, max=30),
        reraise=True,
    )
    def get(url: str) -> Response:
        reply = client.get(url)
        reply.raise_for_status()
        return Response(origin=url, content=reply.content, fetched_at=datetime.now(UTC))

    return get


def client_for(settings: Settings) -> httpx.Client:
    return httpx.Client(
        timeout=settings.http_timeout,
        headers={"User-Agent": settings.user_agent, "Accept": "application/json, application/rss+xml, */*"},
        follow_redirects=True,
    )


def describe_error(error: Exception) -> str:
    if isinstance(error, httpx.HTTPStatusError):
        return f"HTTP {error.response.status_code} from {error.request.url}"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out: {error.request.url}" if error.request else "timed out"
    return f"{type(error).__name__}: {error}"


def offline_reason(settings: Settings, timeout: float = 3.0) -> str | None:
    """Why a live refresh cannot run now (no board answers a connection), or None when one can."""
    failures = []
    for urls in endpoints(settings).values():
        url = httpx.URL(urls[0])
        try:
            socket.create_connection((url.host, url.port or (443 if url.scheme == "https" else 80)), timeout).close()
            return None
        except OSError as error:
            failures.append(f"{url.host}: {error.strerror or error}")
    return "offline: no job board can be reached (" + "; ".join(failures) + ")"
