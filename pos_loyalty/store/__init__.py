"""The local SQLite store: the truth at the counter."""

from ..errors import StorageError
from .db import Database

__all__ = ["Database", "StorageError"]
