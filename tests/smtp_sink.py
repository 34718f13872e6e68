"""A real SMTP server on loopback (aiosmtpd) for the message tests: it keeps what arrives, and can be told to
refuse, delay or drop the way real mail servers do."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from pos_loyalty.messages.smtp import SmtpSettings


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return self.message["Subject"]

    def text(self) -> str:
        return self.message.get_body(("plain",)).get_content()

    def html(self) -> str:
        return self.message.get_body(("html",)).get_content()


class Sink:
    """The handler: `refuse[address]` answers RCPT with that reply; `next_data` replies to the next DATA commands in
    turn: an SMTP reply such as "451 try later", "drop" (close the connection after the text arrived) or "hang"
    (keep the client waiting for the answer until `release()`)."""

    def __init__(self):
        self.received: list[Received] = []
        self.refuse: dict[str, str] = {}
        self.next_data: list[str] = []
        self.changed = threading.Condition()
        self._release: asyncio.Event | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        answer = self.next_data.pop(0) if self.next_data else "250 Message accepted for delivery"
        if answer.startswith(("4", "5")):
            return answer
        self._keep(envelope)
        if answer == "drop":
            server.transport.close()
            return "250 never seen"
        if answer == "hang":
            self._release = asyncio.Event()
            await self._release.wait()
        return "250 Message accepted for delivery" if answer in ("hang", "drop") else answer

    def _keep(self, envelope) -> None:
        with self.changed:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                          message_from_bytes(envelope.content, policy=policy.default)))
            self.changed.notify_all()

    def release(self) -> None:
        if self._release is not None:
            self.loop.call_soon_threadsafe(self._release.set)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.received) >= count, timeout), \
                f"{len(self.received)} message(s) arrived, expected {count}"
            return list(self.received)


class _Controller(Controller):
    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]  # port 0: the one the system gave
        super()._trigger_server()


class SmtpServer:
    """Sink served on 127.0.0.1 at a free port, in its own thread."""

    def __init__(self):
        self.sink = Sink()
        self.controller = _Controller(self.sink, hostname="127.0.0.1", port=0)
        self.controller.start()
        self.sink.loop = self.controller.loop
        self.port = self.controller.port

    @property
    def received(self) -> list[Received]:
        return self.sink.received

    def settings(self, sender: str = "shop@example.org", **over) -> SmtpSettings:
        return SmtpSettings(host="127.0.0.1", port=self.port, security="none", sender=sender, **over)

    def stop(self) -> None:
        if self.controller.loop.is_running():
            self.sink.release()
            self.controller.stop()


@pytest.fixture
def smtp_server():
    """A fresh SmtpServer for the test (import this fixture into a test module to use it)."""
    server = SmtpServer()
    yield server
    server.stop()
