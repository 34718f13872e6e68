"""E-mail out through SMTP (smtplib): the settings, their password kept out of the database, and one delivery whose
outcome says whether trying again is safe.

What can be retried and what not: a refusal or a dropped connection before the message text went out means it
was not delivered (retry later; a 5xx answer is final). Once the text is on its way, a dropped connection leaves
it unknown whether the server took it: that message is never sent again (at most once, see outbox.py).
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from dataclasses import dataclass, replace
from email import policy
from email.message import EmailMessage
from email.headerregistry import Address
from email.utils import formatdate
from pathlib import Path

import keyring
import keyring.errors

from ..errors import LoyaltyError
from ..keys import FOLDER, keyring_usable, write_private

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
KEYRING_SERVICE = "pos-loyalty-smtp"
ENV = "POS_LOYALTY_SMTP_"  # the server's settings: POS_LOYALTY_SMTP_HOST, _PORT, _SECURITY, _USER, _PASSWORD, _FROM


class SmtpError(LoyaltyError):
    code = "bad_smtp"


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    sender: str  # the From address
    port: int = 587
    security: str = "starttls"
    username: str = ""
    password: str = ""
    sender_name: str = ""  # shown as the From name; the shop's name when empty
    timeout: float = 20.0

    def checked(self) -> "SmtpSettings":
        host, sender = self.host.strip(), self.sender.strip()
        if not host:
            raise SmtpError("Enter the mail server (SMTP host), e.g. smtp.example.com.")
        if self.security not in SECURITY:
            raise SmtpError(f"Security must be one of {', '.join(SECURITY)}.")
        if not 0 < self.port < 65536:
            raise SmtpError(f"{self.port} is not a port number (587 for STARTTLS, 465 for SSL).")
        if "@" not in sender or " " in sender:
            raise SmtpError(f"'{sender}' is not an e-mail address to send from.")
        return replace(self, host=host, sender=sender, username=self.username.strip(),
                       sender_name=self.sender_name.strip())

    def public(self) -> dict:
        """Everything but the password (for screens and --json)."""
        return {"host": self.host, "port": self.port, "security": self.security, "username": self.username,
                "sender": self.sender, "sender_name": self.sender_name, "password_set": bool(self.password)}


# ---- where a till keeps them: the database's meta, the password in the keyring or a private file ----

_META = ("host", "port", "security", "username", "sender", "sender_name")


def _entry(db) -> str:
    return db.meta("database_id") or db.meta("terminal_id") or "default"


def _password_file(db) -> Path:
    return Path(db.path).parent / FOLDER / f"smtp-{_entry(db)}.secret"


def load(db) -> SmtpSettings | None:
    """This till's settings, or None when it has none (then it sends nothing)."""
    values = {key: db.meta(f"smtp_{key}") for key in _META}
    if not values["host"]:
        return None
    return SmtpSettings(host=values["host"], sender=values["sender"] or "", port=int(values["port"] or 587),
                        security=values["security"] or "starttls", username=values["username"] or "",
                        password=_load_password(db), sender_name=values["sender_name"] or "")


def save(db, settings: SmtpSettings, *, keep_password: bool = False) -> SmtpSettings:
    """Store checked settings; keep_password: an empty password field means "unchanged"."""
    settings = settings.checked()
    if keep_password and not settings.password:
        settings = replace(settings, password=_load_password(db))
    with db.write():
        for key in _META:
            db.set_meta(f"smtp_{key}", str(getattr(settings, key)))
    _store_password(db, settings.password)
    return settings


def clear(db) -> None:
    with db.write() as conn:
        conn.execute("DELETE FROM meta WHERE key LIKE 'smtp\\_%' ESCAPE '\\'")
    _store_password(db, "")


def _load_password(db) -> str:
    if keyring_usable():
        try:
            stored = keyring.get_password(KEYRING_SERVICE, _entry(db))
            if stored is not None:
                return stored
        except keyring.errors.KeyringError:
            pass
    path = _password_file(db)
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _store_password(db, password: str) -> None:
    path = _password_file(db)
    if keyring_usable():
        try:
            if password:
                keyring.set_password(KEYRING_SERVICE, _entry(db), password)
            else:
                keyring.delete_password(KEYRING_SERVICE, _entry(db))
            path.unlink(missing_ok=True)
            return
        except keyring.errors.KeyringError:
            pass  # no usable keyring after all: the private file below
    if not password:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(path, password)


def from_env(environ=os.environ, **flags) -> SmtpSettings | None:
    """The server's settings: command-line flags win over POS_LOYALTY_SMTP_* variables; None without a host."""
    def pick(name: str, default: str = "") -> str:
        value = flags.get(name.lower())
        return str(value) if value not in (None, "") else environ.get(ENV + name, default)

    host = pick("HOST")
    if not host:
        return None
    security = pick("SECURITY", "starttls")
    password = environ.get(ENV + "PASSWORD", "")
    if flags.get("password_file"):
        password = Path(flags["password_file"]).read_text(encoding="utf-8").strip()
    try:
        port = int(pick("PORT", str(DEFAULT_PORTS.get(security, 587))))
    except ValueError:
        raise SmtpError(f"SMTP port {pick('PORT')!r} is not a number.") from None
    return SmtpSettings(host=host, sender=pick("FROM"), port=port, security=security, username=pick("USER"),
                        password=password, sender_name=pick("FROM_NAME")).checked()


# ---- one message ----

def build(settings: SmtpSettings, *, to: str, subject: str, text: str, html: str, language: str, message_id: str,
          from_name: str, unsubscribe_url: str | None, unsubscribe_mailto: str | None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = Address(display_name=settings.sender_name or from_name, addr_spec=settings.sender)
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = f"<{message_id}@pos-loyalty>"  # the same id on a resend: receivers can drop a copy
    links = [f"<{link}>" for link in (unsubscribe_url, unsubscribe_mailto) if link]
    if links:
        message["List-Unsubscribe"] = ", ".join(links)
    if unsubscribe_url:
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058: mail apps' unsubscribe button
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    message["Content-Language"] = language  # after the content: set_content() clears Content-* headers
    return message


@dataclass(frozen=True)
class Outcome:
    """sent; temporary (not delivered, try again later); permanent (refused for good); uncertain (may have been)."""

    status: str
    detail: str = ""


class Mailer:
    """One connection for a run of messages, opened on first use and again after any failure."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self._conn: smtplib.SMTP | None = None

    def __enter__(self) -> "Mailer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.quit()
            except (smtplib.SMTPException, OSError):
                self._conn.close()
            self._conn = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context()
        if s.security == "ssl":
            conn = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            conn = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        try:
            conn.ehlo()
            if s.security == "starttls":
                conn.starttls(context=context)
                conn.ehlo()
            if s.username:
                conn.login(s.username, s.password)
        except BaseException:
            conn.close()
            raise
        return conn

    def send(self, message: EmailMessage) -> Outcome:
        try:
            if self._conn is None:
                self._conn = self._connect()
            conn = self._conn
            code, answer = conn.mail(self.settings.sender)
            if code == 250:
                code, answer = conn.rcpt(message["To"])
            if code not in (250, 251):
                self._reset()
                return _refused(code, answer)
        except smtplib.SMTPAuthenticationError as exc:
            self._drop()
            return Outcome("temporary", f"the mail server refused the login ({exc.smtp_code} "
                                        f"{_text(exc.smtp_error)}): check the user name and password")
        except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
            self._drop()
            return Outcome("temporary", _network(exc))
        try:
            code, answer = conn.data(message.as_bytes(policy=policy.SMTP))  # CRLF line ends, as SMTP wants
        except smtplib.SMTPDataError as exc:  # DATA itself was refused: the text never went out
            self._reset()
            return _refused(exc.smtp_code, exc.smtp_error)
        except (smtplib.SMTPException, OSError) as exc:
            self._drop()
            return Outcome("uncertain", _network(exc))
        if code != 250:
            return _refused(code, answer)
        return Outcome("sent", f"{code} {_text(answer)}")

    def _reset(self) -> None:
        """After a refusal: ready for the next message, or a new connection if this one is gone."""
        try:
            self._conn.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _text(answer) -> str:
    return (answer.decode(errors="replace") if isinstance(answer, bytes) else str(answer)).strip()


def _refused(code: int, answer) -> Outcome:
    return Outcome("permanent" if 500 <= code < 600 else "temporary", f"{code} {_text(answer)}")


def _network(exc: BaseException) -> str:
    if isinstance(exc, socket.gaierror):
        return "the mail server's name was not found"
    if isinstance(exc, ConnectionRefusedError):
        return "the mail server refused the connection"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return "the mail server did not answer in time"
    if isinstance(exc, ssl.SSLError):
        return f"secure connection failed ({exc.reason or exc})"
    return f"{type(exc).__name__}: {exc}".rstrip(": ")
