"""Request and answer bodies of the sync API (pydantic): validation at the door and the OpenAPI schema."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..program import MESSAGE_KINDS
from ..sync import protocol

# No NUL characters (PostgreSQL text cannot hold them) and integers that fit the columns: a 422, never a 500.
_PRINTABLE = r"^[^\x00]*$"
Id = Annotated[str, Field(min_length=1, max_length=36, pattern=_PRINTABLE)]
Time = Annotated[str, Field(min_length=20, max_length=32, pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")]
Text = Annotated[str, Field(max_length=10_000, pattern=_PRINTABLE)]
Int32 = Annotated[int, Field(ge=-(2**31) + 1, le=2**31 - 1)]
Money = Annotated[int, Field(ge=-(2**53), le=2**53)]
SeqNo = Annotated[int, Field(ge=0, le=2**53)]  # exact in JSON numbers everywhere


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Versioned(_Strict):
    protocol: int = Field(ge=protocol.PROTOCOL_MIN, le=protocol.PROTOCOL_MAX,
                          description="sync protocol version of the terminal; another one gets a 400 saying which "
                                      "versions this server speaks")


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorAnswer(BaseModel):
    error: ErrorBody


class Meta(BaseModel):
    protocol_min: int
    protocol_max: int
    server_time: str
    server: str


class CardKey(_Strict):
    key_id: int = Field(ge=0, lt=2**16)
    secret: str = Field(pattern=r"^([0-9a-f]{2}){16,64}$", description="hex, 16 to 64 bytes")

    @field_validator("secret")
    @classmethod
    def _hex(cls, value: str) -> str:
        bytes.fromhex(value)  # a ValueError here is a 422
        return value


class RegisterRequest(Versioned):
    code: str = Field(min_length=4, max_length=64, pattern=_PRINTABLE)
    name: str = Field(default="Terminal", max_length=100, pattern=_PRINTABLE)
    card_keys: list[CardKey] = Field(default_factory=list, max_length=100)


class RegisterAnswer(BaseModel):
    terminal_id: str
    token: str
    tenant_id: str
    tenant: str
    shop_id: str
    shop: str
    keys_rejected: list[int]


class Event(_Strict):
    id: Id
    seq: SeqNo = Field(description="the terminal's own sequence number (the server stores a batch in this order)")
    customer_id: Id
    kind: str = Field(min_length=1, max_length=16, pattern=_PRINTABLE)
    stamps: Int32 = 0
    points: Int32 = 0
    cashback: Money = 0
    amount: Money = 0
    items: Text | None = None
    reason: Text = ""
    detail: Text | None = None
    ref: Id | None = None
    staff_id: Id | None = None
    shop_id: Id | None = None
    terminal_id: Id | None = None
    created_at: Time
    expires_at: Time | None = None
    program_version: int | None = Field(default=None, ge=0, le=2**31 - 1)


class CustomerCreated(_Strict):
    id: Id
    referred_by: Id | None = None
    home_shop: Id | None = None
    enrolled_by: Id | None = None
    created_at: Time


class CardCreated(_Strict):
    token: str = Field(min_length=1, max_length=64, pattern=_PRINTABLE)
    customer_id: Id
    issued_at: Time


class FieldChange(_Strict):
    entity: Literal["customer", "card"]
    key: str = Field(min_length=1, max_length=64, pattern=_PRINTABLE)
    field: str = Field(min_length=1, max_length=32, pattern=_PRINTABLE)
    value: Text | None = Field(default=None, description="JSON text of the value; null clears it")
    hlc: int = Field(ge=0, le=2**53, description="hybrid logical clock: milliseconds * 1000 + counter")
    node: Id


class MessageRow(_Strict):
    """A customer message in the outbox (pos_loyalty.messages); `facts` is JSON text of what the text says."""

    id: Id
    customer_id: Id
    kind: Literal[MESSAGE_KINDS]
    occasion: str = Field(min_length=1, max_length=80, pattern=_PRINTABLE)
    channel: Literal["email"] = "email"
    language: Literal["en", "de"]
    shop_id: Id | None = None
    facts: Text = "{}"
    planned_at: Time
    not_before: Time
    send_by: Time
    status: Literal["queued", "sending", "sent", "held", "failed"]
    reason: str | None = Field(default=None, max_length=32, pattern=_PRINTABLE)
    detail: Text | None = None
    attempts: int = Field(default=0, ge=0, le=1000)
    sent_at: Time | None = None


class MessageClaim(BaseModel):
    id: str
    sender: str = Field(description="'server' or the terminal that sends this message (only it ever does)")
    status: str
    reason: str | None


class PulledMessage(MessageRow):
    sender: str


class PushRequest(Versioned):
    after: SeqNo = Field(description="the highest own sequence number the terminal knows the server holds")
    events: list[Event] = Field(default_factory=list, max_length=protocol.MAX_PUSH_EVENTS)
    customers: list[CustomerCreated] = Field(default_factory=list, max_length=protocol.MAX_PUSH_CHANGES)
    cards: list[CardCreated] = Field(default_factory=list, max_length=protocol.MAX_PUSH_CHANGES)
    fields: list[FieldChange] = Field(default_factory=list, max_length=protocol.MAX_PUSH_CHANGES)
    card_keys: list[CardKey] = Field(default_factory=list, max_length=100)
    messages: list[MessageRow] = Field(default_factory=list, max_length=protocol.MAX_PUSH_CHANGES,
                                       description="outbox rows this terminal planned or moved on; a new one is "
                                                   "its to send unless the server or another terminal has it")
    message_sender: bool | None = Field(default=None, description="true: this terminal sends its shop's messages "
                                                                  "itself; false: it stopped; null: unchanged")


class EventResult(BaseModel):
    id: str
    status: Literal["applied", "duplicate", "rejected"]
    code: str | None = None
    message: str | None = None


class PushAnswer(BaseModel):
    status: Literal["ok", "resend"]
    pushed_seq: int
    results: list[EventResult]
    keys_rejected: list[int]
    server_time: str
    messages: list[MessageClaim] = []


class PullRequest(Versioned):
    cursor: SeqNo = 0
    limit: int = Field(default=protocol.PULL_LIMIT_DEFAULT, ge=1, le=protocol.PULL_LIMIT_MAX)


class PulledEvent(BaseModel):
    id: str
    customer_id: str
    kind: str
    stamps: int
    points: int
    cashback: int
    amount: int
    items: str | None
    reason: str
    detail: str | None
    ref: str | None
    staff_id: str | None
    shop_id: str | None
    terminal_id: str | None
    created_at: str
    expires_at: str | None
    program_version: int | None


class PulledField(BaseModel):
    entity: str
    key: str
    field: str
    value: str | None
    hlc: int
    node: str


class Program(BaseModel):
    version: int
    name: str
    source: str


class Conflict(BaseModel):
    id: str
    kind: str
    customer_id: str | None
    detail: dict
    created_at: str


class PullAnswer(BaseModel):
    cursor: int
    more: bool
    server_time: str
    customers: list[CustomerCreated]
    cards: list[CardCreated]
    fields: list[PulledField]
    events: list[PulledEvent]
    card_keys: list[CardKey]
    programs: list[Program]
    conflicts: list[Conflict]
    messages: list[PulledMessage] = []


class ConflictList(BaseModel):
    conflicts: list[Conflict]
