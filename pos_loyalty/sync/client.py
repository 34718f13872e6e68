"""The terminal's side of sync: register, then push (meta, batches) and pull (pages) over HTTP with httpx.

Retry only what may succeed again (network errors, 5xx, 429, an answer cut short); a 4xx is a clear error to
show. Nothing is marked synced before the server's answer is parsed, and every request is safe to repeat.
A SyncClient owns its own SQLite connection: create it in the thread that syncs.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

import httpx

from .. import __version__, program as program_file
from ..clock import from_db, to_db, utcnow
from ..errors import LoyaltyError
from ..messages import store as message_store
from ..store import Database
from ..store import setup as setup_sql, staff as staff_sql, sync as sync_sql
from . import protocol
from .backoff import Backoff

PUSH_EVENTS = 2000  # the server takes up to protocol.MAX_PUSH_EVENTS; fewer, larger commits
PUSH_CHANGES = 2000


class SyncError(LoyaltyError):
    """Sync did not finish. `retry` says whether trying again later may help (offline, server trouble)."""

    code = "sync_failed"

    def __init__(self, message: str, *, code: str | None = None, retry: bool = False):
        super().__init__(message, code=code)
        self.retry = retry


@dataclass
class SyncReport:
    ok: bool = True
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    changes_pushed: int = 0
    pulled: int = 0
    fields_pulled: int = 0
    programs: int = 0
    conflicts: int = 0
    unsynced: int = 0
    seconds: float = 0.0
    clock_skew_s: float | None = None
    warnings: list[str] = field(default_factory=list)
    error: dict | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        if not self.ok:
            return f"sync failed: {self.error['message'].rstrip('.')}"
        text = (f"synced: pushed {self.pushed} event(s)" + (f" ({self.duplicates} already there)" if self.duplicates
                                                            else "")
                + f", pulled {self.pulled}, {self.unsynced} unsynced, {self.seconds:.2f} s")
        if self.rejected:
            text += f"; {self.rejected} refused by the server"
        if self.conflicts:
            text += f"; {self.conflicts} new conflict(s) for the owner"
        return text + "".join(f"; {w}" for w in self.warnings)


class SyncClient:
    def __init__(self, data_dir: str | Path, *, transport: httpx.BaseTransport | None = None,
                 timeout: float = 30.0, attempts: int = 4, backoff: Backoff | None = None):
        self.data_dir = Path(data_dir)
        self.db = Database.in_dir(self.data_dir)
        self._transport = transport
        self._timeout = timeout
        self.attempts = attempts
        self.backoff = backoff or Backoff(base=0.3, cap=3.0)
        self._http: httpx.Client | None = None
        self._server_hlc = 0

    def close(self) -> None:
        if self._http:
            self._http.close()
        self.db.close()

    def __enter__(self) -> "SyncClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- state ----

    @property
    def url(self) -> str | None:
        return self.db.meta("sync_url")

    @property
    def registered(self) -> bool:
        return bool(self.db.meta("sync_token"))

    def status(self) -> dict:
        """What the status bar shows; reads only the local database."""
        conn = self.db.conn
        counts = sync_sql.pending_counts(conn)
        return {"registered": self.registered, "url": self.url, "tenant": self.db.meta("sync_tenant"),
                "shop": self.db.meta("sync_shop"), "terminal_id": self.db.meta("terminal_id"),
                "unsynced": counts["events"], "changes": counts["changes"],
                "last_ok": self.db.meta("sync_last_ok"), "last_error": self.db.meta("sync_last_error"),
                "cursor": int(self.db.meta("sync_cursor", "0")), "conflicts": len(sync_sql.conflicts(conn)),
                "rejected": len(sync_sql.rejects(conn))}

    # ---- HTTP ----

    def _client(self, url: str) -> httpx.Client:
        if self._http is None or str(self._http.base_url).rstrip("/") != url.rstrip("/"):
            if self._http:
                self._http.close()
            self._http = httpx.Client(base_url=url, transport=self._transport,
                                      timeout=httpx.Timeout(self._timeout, connect=5.0),
                                      headers={"User-Agent": f"pos-loyalty/{__version__}"})
        return self._http

    def _call(self, method: str, path: str, body: dict | None = None, *, url: str | None = None,
              auth: bool = True) -> dict:
        """One request with retries on what may pass later; the parsed JSON answer or SyncError."""
        url = url or self.url
        if not url:
            raise SyncError("This terminal is not connected to a server yet (register it first).",
                            code="not_registered")
        headers = {"Authorization": f"Bearer {self.db.meta('sync_token')}"} if auth else {}
        last = None
        for attempt in range(self.attempts):
            if attempt:
                time.sleep(self.backoff.delay(attempt - 1))
            try:
                answer = self._client(url).request(method, path, json=body, headers=headers)
                if answer.status_code >= 500 or answer.status_code == 429:
                    last = SyncError(f"The server has a problem (HTTP {answer.status_code}); will try again.",
                                     code="server_error", retry=True)
                    continue
                data = answer.json()
            except httpx.InvalidURL:
                raise SyncError(f"'{url}' is not a server address like https://loyalty.example.com.",
                                code="bad_url") from None
            except (httpx.HTTPError, ValueError) as exc:  # network, cut-off or undecodable answer
                last = SyncError(f"The server cannot be reached ({type(exc).__name__}); working offline.",
                                 code="offline", retry=True)
                if self._http:  # a half-read connection must not be reused
                    self._http.close()
                    self._http = None
                continue
            if answer.status_code >= 400:
                err = data.get("error") if isinstance(data, dict) else None
                err = err if isinstance(err, dict) else {}
                raise SyncError(err.get("message") or f"The server refused the request (HTTP {answer.status_code}).",
                                code=err.get("code") or "refused")
            if not isinstance(data, dict):
                last = SyncError("The server's answer was not understood.", code="bad_answer", retry=True)
                continue
            return data
        raise last

    # ---- registration ----

    def register(self, url: str, code: str, name: str = "Terminal") -> dict:
        url = url.strip().rstrip("/")
        if not url.lower().startswith(("http://", "https://")):
            raise SyncError(f"'{url}' is not a server address: write it with http:// or https://.", code="bad_url")
        keys = [{"key_id": k, "secret": s.hex()} for k, s in setup_sql.card_keys(self.db.conn).items()]
        answer = self._call("POST", "/v1/register", {"protocol": protocol.PROTOCOL, "code": code, "name": name,
                                                     "card_keys": keys}, url=url, auth=False)
        with self.db.write() as conn:
            sync_sql.save_registration(conn, url, answer)
            sync_sql.put(conn, "sync_keys_sent", json.dumps([k["key_id"] for k in keys
                                                             if k["key_id"] not in answer["keys_rejected"]]))
            if answer["keys_rejected"]:
                self._new_signing_key(conn, set(answer["keys_rejected"]))
        return {k: answer[k] for k in ("terminal_id", "tenant", "shop", "shop_id", "keys_rejected")} | {"url": url}

    def _new_signing_key(self, conn, taken: set[int]) -> None:
        """Our key id is another terminal's in this chain: sign new cards with a fresh key (old ones work here)."""
        from .. import cards  # noqa: PLC0415

        held = set(setup_sql.card_keys(conn)) | taken
        key_id, secret = cards.new_key()
        while key_id in held:
            key_id, secret = cards.new_key()
        conn.execute("INSERT INTO card_keys (key_id, secret, created_at) VALUES (?, ?, ?)",
                     (key_id, secret, to_db(utcnow())))

    # ---- sync ----

    def sync(self, *, pull: bool = True) -> SyncReport:
        """Meta, push everything, pull everything (pull=False: a quick push only, e.g. right after a booking).
        Raises SyncError (and records it) when it cannot finish."""
        started = time.monotonic()
        report = SyncReport()
        try:
            self._meta(report)
            self._push(report)
            if pull:
                self._pull(report)
        except LoyaltyError as exc:
            with self.db.write() as conn:
                sync_sql.put(conn, "sync_last_error", exc.message)
            raise
        report.seconds = round(time.monotonic() - started, 3)
        with self.db.write() as conn:
            conn.execute("UPDATE meta SET value = MAX(CAST(value AS INTEGER), ?) WHERE key = 'hlc'",
                         (self._server_hlc,))
            sync_sql.put(conn, "sync_last_ok", to_db(utcnow()))
            sync_sql.put(conn, "sync_last_error", None)
            report.unsynced = sync_sql.pending_counts(conn)["events"]
        return report

    def _meta(self, report: SyncReport) -> None:
        sent = utcnow()
        meta = self._call("GET", "/v1/meta", auth=False)
        back = utcnow()
        if not (isinstance(meta.get("protocol_min"), int) and isinstance(meta.get("protocol_max"), int)):
            raise _not_understood()
        if not meta["protocol_min"] <= protocol.PROTOCOL <= meta["protocol_max"]:
            raise SyncError(f"The server speaks sync protocol {meta.get('protocol_min')} to {meta.get('protocol_max')}"
                            f"; this app speaks {protocol.PROTOCOL}. Update the app or the server.",
                            code="unsupported_protocol")
        try:
            server = from_db(meta["server_time"])
        except (KeyError, TypeError, ValueError):
            raise _not_understood() from None
        skew = (sent + (back - sent) / 2 - server).total_seconds()
        report.clock_skew_s = round(skew, 3)
        if abs(skew) > protocol.CLOCK_SKEW_WARN_S:
            report.warnings.append(f"this computer's clock is {abs(skew) / 60:.0f} minutes "
                                   f"{'ahead' if skew > 0 else 'behind'}: please set the time")
        # A clock that is behind still edits after what the server has seen (hybrid logical clock); saved with
        # the sync's last write.
        self._server_hlc = protocol.hlc_from_ms(int(server.timestamp() * 1000))

    def _push(self, report: SyncReport) -> None:
        resends, unheard = 0, False
        while True:
            with self.db.write() as conn:
                changes, outbox = sync_sql.pending_changes(conn, PUSH_CHANGES)
                # An event's customer is queued before it: send events only once every queued change fits.
                events = sync_sql.pending_events(conn, PUSH_EVENTS) if len(outbox) < PUSH_CHANGES else []
                keys = sync_sql.unsent_keys(conn)
                after = int(sync_sql.get(conn, "sync_pushed", "0"))
                # Customer messages: rows this till offers or moved on, and whether it sends its shop's messages.
                rows, revs = message_store.pending(conn, PUSH_CHANGES) if not unheard else ([], {})
                sends = message_store.declaration(conn, utcnow())
            if not (events or outbox or keys or rows or sends is not None):
                return
            body = {"protocol": protocol.PROTOCOL, "after": after, "events": events, "card_keys": keys,
                    "messages": rows, "message_sender": sends} | changes
            answer = self._call("POST", "/v1/push", body)
            if answer.get("status") == "resend":
                resends += 1
                if resends > 3:
                    raise SyncError("The server keeps asking for events again; giving up for now.", code="resend",
                                    retry=True)
                with self.db.write() as conn:
                    sync_sql.resend_after(conn, int(answer["pushed_seq"]))
                continue
            results = answer.get("results")
            if (not isinstance(results, list) or not isinstance(answer.get("pushed_seq"), int)
                    or not all(isinstance(r, dict) and r.get("status") in protocol.STATUSES for r in results)
                    or {r.get("id") for r in results} != {e["id"] for e in events}):
                raise SyncError("The server's answer does not cover what was sent.", code="bad_answer", retry=True)
            with self.db.write() as conn:
                counts = sync_sql.mark_pushed(conn, answer, outbox, keys, utcnow())
                answered = answer.get("messages") or []
                message_store.apply_answer(conn, answered, revs, sync_sql.get(conn, "terminal_id"))
                unheard = bool(rows) and not answered  # a server without messages: do not offer them again now
                if sends is not None:
                    message_store.declared(conn, sends, utcnow())
                if answer.get("keys_rejected"):
                    self._new_signing_key(conn, set(answer["keys_rejected"]))
            report.pushed += counts[protocol.APPLIED]
            report.duplicates += counts[protocol.DUPLICATE]
            report.rejected += counts[protocol.REJECTED]
            report.changes_pushed += len(outbox)

    def _pull(self, report: SyncReport, limit: int = protocol.PULL_LIMIT_DEFAULT) -> None:
        system = staff_sql.system(self.db.conn)["id"]
        while True:
            cursor = int(self.db.meta("sync_cursor", "0"))
            page = self._call("POST", "/v1/pull", {"protocol": protocol.PROTOCOL, "cursor": cursor, "limit": limit})
            if not isinstance(page.get("cursor"), int) or page["cursor"] < cursor:
                raise SyncError("The server went back in time (its cursor moved backwards).", code="bad_answer")
            try:
                with self.db.write() as conn:  # all of the page and its cursor, or nothing
                    applied = sync_sql.apply_page(conn, page, utcnow(), system, _valid_program)
                    message_store.apply_pulled(conn, page.get("messages") or [], sync_sql.get(conn, "terminal_id"),
                                               utcnow())
            except (KeyError, TypeError, ValueError, AttributeError):
                raise _not_understood() from None
            report.pulled += applied["events"]
            report.fields_pulled += applied["fields"]
            report.programs += applied["programs"]
            report.conflicts += applied["conflicts"]
            if not page.get("more"):
                return
            if page["cursor"] == cursor:  # "more" without progress would loop for ever
                raise SyncError("The server's answer does not move on.", code="bad_answer", retry=True)


def _not_understood() -> SyncError:
    return SyncError("The server's answer was not understood: is this address a pos-loyalty server?",
                     code="bad_answer", retry=True)


def _valid_program(source: str) -> bool:
    try:
        program_file.loads(source)
    except LoyaltyError:
        return False
    return True


def last_sync_age(db: Database, now: datetime | None = None) -> float | None:
    """Seconds since the last successful sync, None if never."""
    last = db.meta("sync_last_ok")
    return None if last is None else ((now or utcnow()) - from_db(last)).total_seconds()
