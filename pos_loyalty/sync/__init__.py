"""Offline-first sync with the central server: protocol shapes, the client, the lock, backoff and the nightly run."""
