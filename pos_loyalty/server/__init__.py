"""The central server: ASGI app, storage for PostgreSQL or SQLite, terminal auth, admin operations."""
