"""The central server's HTTP API (FastAPI, run by uvicorn): meta, register, push, pull, conflicts.

Errors are `{"error": {"code", "message"}}` with a 4xx status: 400 unsupported protocol, 401/403 bad or revoked
token, 413 body too large, 422 malformed body. A business refusal of one event is never a 4xx: it is a
per-event result inside a 200 answer, so one bad event cannot wedge a terminal's upload queue.
"""

from __future__ import annotations

import json
import os

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..clock import to_db, utcnow
from ..errors import LoyaltyError, NotFound, Refused
from ..messages import central as message_rows, pages
from ..sync import protocol
from . import models
from .storage import AuthError, Storage, Terminal

_ERRORS = {400: {"model": models.ErrorAnswer, "description": "unsupported protocol version"},
           401: {"model": models.ErrorAnswer, "description": "missing or unknown terminal token"},
           403: {"model": models.ErrorAnswer, "description": "revoked terminal or spent enrollment code"},
           413: {"model": models.ErrorAnswer, "description": "request body too large"},
           422: {"model": models.ErrorAnswer, "description": "malformed request"}}


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


class _BodyLimit:
    """Refuse bodies over the limit before they are read into memory, announced or chunked."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        too_big = error(413, "too_large", f"The request is larger than {self.limit} bytes: send smaller batches.")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await too_big(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await too_big(scope, receive, send)


class _TooLarge(Exception):
    pass


def create_app(storage: Storage | None) -> FastAPI:
    app = FastAPI(title="pos-loyalty sync server", version=__version__,
                  description="Offline-first sync for pos-loyalty terminals (protocol "
                              f"{protocol.PROTOCOL_MIN}-{protocol.PROTOCOL_MAX}). Authenticate with "
                              "`Authorization: Bearer <terminal token>` from /v1/register.")
    app.state.storage = storage

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        body = exc.body if isinstance(exc.body, dict) else None
        version = body.get("protocol") if body else None
        if isinstance(version, int) and not protocol.PROTOCOL_MIN <= version <= protocol.PROTOCOL_MAX:
            return error(400, "unsupported_protocol", protocol.protocol_error(version))
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return error(422, "malformed", f"Malformed request: {where or 'body'}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if isinstance(exc.__cause__, _TooLarge):  # a chunked body went over the limit while being parsed
            return error(413, "too_large", f"The request is larger than {protocol.MAX_BODY_BYTES} bytes: "
                                           "send smaller batches.")
        return error(exc.status_code, "http", str(exc.detail))

    @app.exception_handler(LoyaltyError)
    async def _refused(request: Request, exc: LoyaltyError):
        if isinstance(exc, AuthError):
            status = 403 if exc.code in ("revoked", "bad_code") else 401
        else:
            status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, Refused) else 400
        return error(status, exc.code, exc.message)

    bearer = HTTPBearer(auto_error=False, description="the terminal token from /v1/register")

    def terminal(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Terminal:
        if credentials is None or not credentials.credentials:
            raise AuthError("Send the terminal token as 'Authorization: Bearer <token>'.", code="unauthorized")
        return storage.authenticate(credentials.credentials.strip())

    def versioned(body: models.Versioned) -> None:
        if not protocol.PROTOCOL_MIN <= body.protocol <= protocol.PROTOCOL_MAX:
            raise LoyaltyError(protocol.protocol_error(body.protocol), code="unsupported_protocol")

    @app.get("/v1/meta", response_model=models.Meta, tags=["sync"])
    def meta():
        """Protocol range and the server's clock (the terminal warns when its own clock is off)."""
        return {"protocol_min": protocol.PROTOCOL_MIN, "protocol_max": protocol.PROTOCOL_MAX,
                "server_time": to_db(utcnow()), "server": f"pos-loyalty {__version__}"}

    @app.post("/v1/register", response_model=models.RegisterAnswer, responses=_ERRORS, tags=["sync"])
    def register(body: models.RegisterRequest):
        """Spend a one-time enrollment code: a terminal id and secret token (shown once), card keys uploaded."""
        versioned(body)
        return storage.register(body.code, body.name, [(k.key_id, bytes.fromhex(k.secret)) for k in body.card_keys])

    @app.post("/v1/push", response_model=None, responses={200: {"model": models.PushAnswer}} | _ERRORS,
              tags=["sync"])
    def push(body: models.PushRequest, term: Terminal = Depends(terminal)):
        """Store the terminal's events exactly once by id; per-event results. Retrying is always safe."""
        versioned(body)
        return _json(storage.push(term, body.model_dump()))

    @app.post("/v1/pull", response_model=None, responses={200: {"model": models.PullAnswer}} | _ERRORS,
              tags=["sync"])
    def pull(body: models.PullRequest, term: Terminal = Depends(terminal)):
        """Everything of the tenant after the cursor, in whole server commits; `more` says another page waits."""
        versioned(body)
        return _json(storage.pull(term, body.cursor, body.limit))

    @app.get("/v1/conflicts", response_model=models.ConflictList, responses=_ERRORS, tags=["sync"])
    def conflict_list(term: Terminal = Depends(terminal)):
        """Overspends and doubly claimed cards of the terminal's tenant, for the owner to settle."""
        return {"conflicts": storage.conflicts(term.tenant_id)}

    # The link in every customer e-mail: pages for people, not part of the sync API (so not in its schema).
    @app.get("/unsubscribe/{token}", response_class=HTMLResponse, include_in_schema=False)
    def unsubscribe_page(token: str):
        """Asks first: mail scanners open links, only the button unsubscribes."""
        try:
            found = message_rows.check_token(storage, token)
        except LoyaltyError:
            return HTMLResponse(pages.invalid(), status_code=404)
        return HTMLResponse(pages.confirm(found["language"], found["shop"]))

    @app.post("/unsubscribe/{token}", response_class=HTMLResponse, include_in_schema=False)
    def unsubscribe(token: str):
        """The page's button, or a mail app's one-click unsubscribe (RFC 8058)."""
        try:
            found = message_rows.unsubscribe(storage, token)
        except LoyaltyError:
            return HTMLResponse(pages.invalid(), status_code=404)
        return HTMLResponse(pages.done(found["language"], found["shop"]))

    app.add_middleware(_BodyLimit, limit=protocol.MAX_BODY_BYTES)
    return app


def _json(data: dict) -> Response:
    return Response(json.dumps(data, separators=(",", ":")), media_type="application/json")


def openapi_document() -> dict:
    """The API's schema as served at /openapi.json (kept in the repository as openapi.json)."""
    return create_app(None).openapi()


def app_from_env() -> FastAPI:
    """uvicorn factory for several worker processes: `POS_LOYALTY_DATABASE_URL` names the database."""
    return create_app(Storage(os.environ["POS_LOYALTY_DATABASE_URL"]))
