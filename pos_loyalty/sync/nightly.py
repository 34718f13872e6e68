"""The nightly run (`pos-loyalty sync`): sync under the shared lock, then points expiry and a rotated backup."""

from __future__ import annotations

from pathlib import Path

from ..clock import utcnow
from ..errors import LoyaltyError
from ..service import Loyalty
from .client import SyncClient, SyncReport
from .lock import SyncLock

BACKUPS_KEPT = 7
BACKUP_DIR = "backups"


def sync_once(data_dir: str | Path, client: SyncClient | None = None) -> SyncReport:
    """One sync under the data folder's lock; the report says ok=False (with the error) instead of raising."""
    own = client is None
    client = client or SyncClient(data_dir)
    try:
        with SyncLock(data_dir):
            return client.sync()
    except LoyaltyError as exc:
        return SyncReport(ok=False, error={"code": exc.code, "message": exc.message,
                                           "retry": bool(getattr(exc, "retry", False))},
                          unsynced=client.status()["unsynced"])
    finally:
        if own:
            client.close()


def rotate_backup(app: Loyalty, keep: int = BACKUPS_KEPT) -> Path:
    folder = app.data_dir / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = app.backup(folder / f"loyalty-{utcnow():%Y%m%d-%H%M%S}.db")
    for old in sorted(folder.glob("loyalty-*.db"))[:-keep]:
        old.unlink()
    return path


def nightly(data_dir: str | Path, *, chores: bool = True, keep: int = BACKUPS_KEPT) -> dict:
    """Sync (if registered), expire points, sync the expiries, back up. ok is False when any part failed."""
    data_dir = Path(data_dir)
    out: dict = {"ok": True}
    with SyncClient(data_dir) as client:
        registered = client.registered
        report = sync_once(data_dir, client) if registered else None
        out["sync"] = report.as_dict() if report else {"ok": True, "skipped": "not registered with a server"}
        out["summary"] = report.summary() if report else "sync skipped: not registered with a server"
        if report and not report.ok:
            out["ok"] = False
        if not chores:
            return out
        app = Loyalty(data_dir)
        try:
            try:
                out["expired"] = app.expire()
            except LoyaltyError as exc:  # no program loaded yet: nothing can expire
                out["expired"] = {"skipped": exc.message}
            if registered and report and report.ok and out["expired"].get("points_expired"):
                second = sync_once(data_dir, client)
                out["sync"]["pushed"] += second.pushed
                out["ok"] = out["ok"] and second.ok
            out["backup"] = str(rotate_backup(app, keep))
        finally:
            app.close()
    return out
