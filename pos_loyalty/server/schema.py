"""The central server's tables (SQLAlchemy Core), the same on PostgreSQL and SQLite; every row is tenant-scoped.

`server_seq` is the tenant's gap-free sequence in commit order (see storage.Storage.push); pulls page by it.
Events, customer and card creations, card keys, programs and conflicts get one when written and keep it; a
customer or card field row gets a new one each time its value changes (pulls send the latest value).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

Seq = BigInteger().with_variant(Integer(), "sqlite")

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

tenants = Table(
    "tenants", metadata,
    Column("id", String(36), primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

# The per-tenant counter row: taken with a row lock inside each writing transaction, so sequence = commit order.
tenant_seq = Table(
    "tenant_seq", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("last", Seq, nullable=False),
)

# One row per server commit that wrote anything a pull returns: pages end on a commit's last sequence.
commits = Table(
    "commits", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("last_seq", Seq, primary_key=True),
    Column("first_seq", Seq, nullable=False),
)

shops = Table(
    "shops", metadata,
    Column("id", String(36), primary_key=True),
    Column("tenant_id", String(36), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

enrollment_codes = Table(
    "enrollment_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("tenant_id", String(36), nullable=False),
    Column("shop_id", String(36), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used_at", String(32)),
    Column("terminal_id", String(36)),
)

terminals = Table(
    "terminals", metadata,
    Column("id", String(36), primary_key=True),
    Column("tenant_id", String(36), nullable=False, index=True),
    Column("shop_id", String(36), nullable=False),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
    Column("last_seen_at", String(32)),
    Column("pushed_seq", Seq, nullable=False, default=0),  # the highest terminal sequence number the server holds
    Column("cursor", Seq, nullable=False, default=0),  # how far the terminal has pulled (for the admin's view)
)

events = Table(
    "events", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("server_seq", Seq, nullable=False),
    Column("origin", String(36), nullable=False),  # the terminal that pushed it first
    Column("terminal_seq", Seq, nullable=False),
    Column("customer_id", String(36), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("stamps", Integer, nullable=False),
    Column("points", Integer, nullable=False),
    Column("cashback", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("items", Text),
    Column("reason", Text, nullable=False),
    Column("detail", Text),
    Column("ref", String(36)),
    Column("staff_id", String(36)),
    Column("shop_id", String(36)),
    Column("terminal_id", String(36)),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32)),
    Column("program_version", Integer),
)
Index("events_seq", events.c.tenant_id, events.c.server_seq)
Index("events_customer", events.c.tenant_id, events.c.customer_id)

balances = Table(
    "balances", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("customer_id", String(36), primary_key=True),
    Column("stamps", BigInteger, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("cashback", BigInteger, nullable=False),
)

customers = Table(
    "customers", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("server_seq", Seq, nullable=False),
    Column("referred_by", String(36)),
    Column("home_shop", String(36)),
    Column("enrolled_by", String(36)),
    Column("created_at", String(32), nullable=False),
)
Index("customers_seq", customers.c.tenant_id, customers.c.server_seq)

cards = Table(
    "cards", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("token", String(64), primary_key=True),
    Column("server_seq", Seq, nullable=False),
    Column("customer_id", String(36), nullable=False),  # its first owner; the 'customer_id' field says the current
    Column("issued_at", String(32), nullable=False),
)
Index("cards_seq", cards.c.tenant_id, cards.c.server_seq)

# Last writer wins per field, by (hlc, node): a hybrid logical clock, ties broken by the writing terminal's id.
fields = Table(
    "fields", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("entity", String(16), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("field", String(32), primary_key=True),
    Column("value", Text),
    Column("hlc", BigInteger, nullable=False),
    Column("node", String(36), nullable=False),
    Column("server_seq", Seq, nullable=False),
)
Index("fields_seq", fields.c.tenant_id, fields.c.server_seq)

card_keys = Table(
    "card_keys", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("key_id", Integer, primary_key=True),
    Column("secret", LargeBinary, nullable=False),
    Column("terminal_id", String(36)),
    Column("server_seq", Seq, nullable=False),
)

programs = Table(
    "programs", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("uploaded_at", String(32), nullable=False),
    Column("server_seq", Seq, nullable=False),
)

# Overspends (a balance taken below zero) and cards claimed by two accounts: the owner sees and settles them.
conflicts = Table(
    "conflicts", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("kind", String(24), nullable=False),
    Column("customer_id", String(36)),
    Column("detail", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("server_seq", Seq, nullable=False),
)
Index("conflicts_seq", conflicts.c.tenant_id, conflicts.c.server_seq)

# Customer messages (pos_loyalty.messages): one row per message id in the tenant, whoever planned it first; its
# `sender` ('server' or the terminal that claimed it) is fixed then and is the only one that sends it.
messages = Table(
    "messages", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("server_seq", Seq, nullable=False),  # renewed on each change: pulls send the latest state
    Column("customer_id", String(36), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("occasion", String(80), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("language", String(8), nullable=False),
    Column("shop_id", String(36)),
    Column("facts", Text, nullable=False),
    Column("planned_at", String(32), nullable=False),
    Column("not_before", String(32), nullable=False),
    Column("send_by", String(32), nullable=False),
    Column("status", String(12), nullable=False),
    Column("reason", String(32)),
    Column("detail", Text),
    Column("attempts", Integer, nullable=False),
    Column("sent_at", String(32)),
    Column("sender", String(36), nullable=False),
    Column("updated_at", String(32), nullable=False),
)
Index("messages_seq", messages.c.tenant_id, messages.c.server_seq)
Index("messages_customer", messages.c.tenant_id, messages.c.customer_id)
Index("messages_due", messages.c.sender, messages.c.status, messages.c.not_before)

# Terminals that send their shop's messages themselves (they said so with their last push): the server leaves
# those shops alone.
message_senders = Table(
    "message_senders", metadata,
    Column("terminal_id", String(36), primary_key=True),
    Column("tenant_id", String(36), nullable=False),
    Column("shop_id", String(36), nullable=False),
    Column("declared_at", String(32), nullable=False),
)

# How far the server's own planner has read each tenant's events, and the day of its last daily scan.
message_planner = Table(
    "message_planner", metadata,
    Column("tenant_id", String(36), primary_key=True),
    Column("cursor", Seq, nullable=False),
    Column("scanned_on", String(10)),
)
