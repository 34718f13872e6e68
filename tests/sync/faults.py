"""A small HTTP proxy for tests that injects faults between the sync client and the server, one per request.

Faults: drop (close before forwarding), lost_reply (forward, the server commits, close without answering),
duplicate (forward twice, answer the second), delay, truncate (half the answer, then close), reset (forward, then
a TCP reset), error503 (answer 503 without forwarding), error502_after (forward, then answer 502).
"""

from __future__ import annotations

import collections
import socket
import struct
import threading
import time

FAULTS = ("drop", "lost_reply", "duplicate", "delay", "truncate", "reset", "error503", "error502_after")


def _read_request(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    lines = head.split(b"\r\n")
    kept = [lines[0]]
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"connection":
            continue
        kept.append(line)
    kept.append(b"Connection: close")
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return b"\r\n".join(kept) + b"\r\n\r\n" + body


def _forward(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as upstream:
        upstream.sendall(request)
        out = b""
        while True:
            chunk = upstream.recv(65536)
            if not chunk:
                return out
            out += chunk


def _reset(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


class FaultProxy:
    """Listens on 127.0.0.1:<port>; each request takes the next planned fault (none when the plan is empty)."""

    def __init__(self, upstream_port: int):
        self.upstream = upstream_port
        self.plan: collections.deque[str] = collections.deque()
        self.seen: list[str] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.1)  # closing a socket does not wake a blocked accept(): poll the stop flag
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            # One request at a time: the client is sequential, and this keeps the plan's order exact.
            try:
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                conn.settimeout(30)
                self._handle(conn)
            except OSError:
                pass
            finally:
                try:
                    conn.close()
                except OSError:
                    pass

    def _handle(self, conn: socket.socket) -> None:
        request = _read_request(conn)
        if request is None:
            return
        fault = self.plan.popleft() if self.plan else "none"
        self.seen.append(fault)
        if fault == "drop":
            return
        if fault == "error503":
            conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        if fault == "delay":
            time.sleep(0.05)
        if fault == "duplicate":
            _forward(self.upstream, request)
        answer = _forward(self.upstream, request)
        if fault == "lost_reply":
            return
        if fault == "reset":
            _reset(conn)
            return
        if fault == "truncate":
            conn.sendall(answer[: max(1, len(answer) // 2)])
            return
        if fault == "error502_after":
            conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        conn.sendall(answer)
