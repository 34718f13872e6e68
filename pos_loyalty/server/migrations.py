"""Numbered schema steps for the server database, on PostgreSQL and SQLite alike; never edit a released step.

Why not Alembic: the schema is small, both databases run every step inside one transaction (PostgreSQL has
transactional DDL), and the local store already upgrades with numbered steps; Alembic would add an ini file, an
env.py and a script folder that have to ship with the app and be found at run time. The contract is the same:
ordered steps, each applied atomically and recorded. Several server processes starting at once over one
PostgreSQL serialize on an advisory lock, so each step runs once.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, func, insert, select, text, update

from ..errors import StorageError
from . import schema


def _v1(conn: Connection) -> None:
    # Version 1 is the schema module as first released; a later change adds a step here with its own DDL.
    schema.metadata.create_all(conn, tables=[t for t in schema.metadata.sorted_tables if t.name != "schema_version"])


def _v2(conn: Connection) -> None:
    # Customer messages (with their indexes). _v1 creates every table of the schema module: a new database has them.
    for table in (schema.messages, schema.message_senders, schema.message_planner):
        table.create(conn, checkfirst=True)


STEPS: list[Callable[[Connection], None]] = [_v1, _v2]
LATEST = len(STEPS)
_LOCK_KEY = 0x706F736C  # "posl"


def upgrade(engine) -> int:
    """Bring the database to the latest step; returns the version it was at."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        schema.schema_version.create(conn, checkfirst=True)
        current = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
        if current is None:
            conn.execute(insert(schema.schema_version).values(version=0))
            current = 0
        if current > LATEST:
            raise StorageError(f"The server database is at schema {current}, newer than this server knows ({LATEST}). "
                               "Update the server.", code="newer_schema")
        for number in range(current + 1, LATEST + 1):
            STEPS[number - 1](conn)
            conn.execute(update(schema.schema_version).values(version=number))
        return current
