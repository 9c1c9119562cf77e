"""Request size limits answered with a status, not a reset connection.

- A request line longer than ``MAX_URL`` bytes is answered ``414 URI Too Long`` and a
  request head longer than ``MAX_HEAD`` bytes ``431``, by :class:`LimitedH11Protocol`
  (uvicorn's h11 protocol would drop the connection with a 400 while the client is still
  sending, which the client sees as a reset).
- A body announced longer than ``MAX_BODY`` bytes is answered ``413`` by
  :class:`BodyLimit` before any of it is read; the rest of it is then read and thrown
  away (up to ``DRAIN``), so the client, still sending, gets the answer instead of a reset.
  Bodies without a length are cut at ``MAX_BODY`` by the protocol reader.

In both cases the connection is closed after the answer.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["DRAIN", "MAX_BODY", "MAX_HEAD", "MAX_URL", "BodyLimit", "LimitedH11Protocol"]

MAX_URL = 64 * 1024
MAX_HEAD = 128 * 1024
MAX_BODY = 1_000_000
DRAIN = 64 * 1024 * 1024
_LINGER = 5.0  # seconds to wait for the rest of a refused request head


def _answer(status: int, reason: str, message: str) -> bytes:
    body = (message + "\n").encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: text/plain; charset=utf-8\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class LimitedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, answering oversized request lines and heads itself."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._discarding = False
        self._tail = b""
        self._dropped = 0

    def data_received(self, data: bytes) -> None:
        if self._discarding:
            self._discard(data)
            return
        if self.conn.their_state is h11.IDLE:
            pending = self.conn.trailing_data[0] + data
            refusal = _oversized(pending)
            if refusal is not None:
                self._refuse(refusal, pending)
                return
        super().data_received(data)

    def _refuse(self, answer: bytes, pending: bytes) -> None:
        self.transport.write(answer)
        self._discarding = True
        asyncio.get_running_loop().call_later(_LINGER, self.transport.close)
        self._discard(pending)

    def _discard(self, data: bytes) -> None:
        """Read and drop the rest of the refused head; close once it has all come."""
        self._dropped += len(data)
        seen = self._tail + data
        self._tail = seen[-3:]
        if b"\r\n\r\n" in seen or self._dropped > DRAIN:
            self.transport.close()


def _oversized(pending: bytes) -> bytes | None:
    """The answer to a request whose line or head is already too long, else None."""
    line_end = pending.find(b"\r\n", 0, MAX_URL + 2)
    if line_end < 0 and len(pending) > MAX_URL:
        return _answer(414, "URI Too Long", f"request line longer than {MAX_URL} bytes")
    if pending.find(b"\r\n\r\n", 0, MAX_HEAD + 4) < 0 and len(pending) > MAX_HEAD:
        return _answer(
            431, "Request Header Fields Too Large", f"request head longer than {MAX_HEAD} bytes"
        )
    return None


class BodyLimit:
    """ASGI middleware: 413 for a body whose Content-Length is over ``MAX_BODY``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        length = _content_length(scope) if scope["type"] == "http" else None
        if length is None or length <= MAX_BODY:
            await self.app(scope, receive, send)
            return
        message = f"request body of {length} bytes is longer than {MAX_BODY} bytes\n".encode()
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(message)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await _drain(receive, min(length, DRAIN))
        await send({"type": "http.response.body", "body": message})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _drain(receive: Receive, limit: int) -> None:
    """Receive and drop body chunks until the body ends or ``limit`` bytes went by."""
    seen = 0
    while seen < limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return
