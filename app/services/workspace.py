"""``Workspace``: one open vault and the services that work on it.

Built by ``Workspace.create`` or ``Workspace.open`` in the composition root (the CLI's
``main`` or the app's), and passed down; there is no global. It owns the engine, the
session factory (with the outbox hook installed) and the audit trail, and hands out
the sub-services. A Workspace is used from one thread at a time.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.ids import new_id
from app.services import config
from app.vault import audit, backup, integrity, outbox, search_index, store
from app.vault.keys import DEFAULT_KDF, KdfParams
from app.vault.models import OutboxEntry, VaultMeta
from app.vault.store import OpenVault
from app.vault.types import utc_now
from app.vault.unlock_key import UnlockedKey, open_key

if TYPE_CHECKING:
    from app.services.banker import BankerService
    from app.services.briefs import BriefService
    from app.services.client_events import ClientEventService
    from app.services.complaints import ComplaintService
    from app.services.contacts import ContactService
    from app.services.documents import DocumentService
    from app.services.meetings import MeetingService
    from app.services.notes import NoteService
    from app.services.packs import PackService
    from app.services.plans import PlanService
    from app.services.search import SearchService
    from app.services.tasks import TaskService
    from app.services.timeline import TimelineService


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "banker"


class Workspace:
    """An unlocked vault. Close it (or use it as a context manager) to lock."""

    def __init__(self, vault: OpenVault, actor: str | None = None) -> None:
        from app.services.book import BookService
        from app.services.client_edits import ClientEdits
        from app.services.clients import ClientService
        from app.services.home import HomeService
        from app.services.portfolio import PortfolioService
        from app.services.risk import RiskService
        from app.services.suitability import SuitabilityService

        self.vault = vault
        self.actor = actor or _actor()
        self._sessions = sessionmaker(vault.engine, expire_on_commit=False)
        outbox.install(self._sessions)
        search_index.install(self._sessions)
        self.device_id = self._ensure_device_id()
        self.clients = ClientService(self)
        self.edits = ClientEdits(self)
        self.portfolio = PortfolioService(self)
        self.book = BookService(self)
        self.home = HomeService(self)
        self.risk = RiskService(self)
        self.suitability = SuitabilityService(self)

    # The relationship side (issue 5), built on first use: most sessions never touch
    # all of them, and each import costs start-up time.

    @cached_property
    def search(self) -> SearchService:
        from app.services.search import SearchService

        return SearchService(self)

    @cached_property
    def meetings(self) -> MeetingService:
        from app.services.meetings import MeetingService

        return MeetingService(self)

    @cached_property
    def notes(self) -> NoteService:
        from app.services.notes import NoteService

        return NoteService(self)

    @cached_property
    def tasks(self) -> TaskService:
        from app.services.tasks import TaskService

        return TaskService(self)

    @cached_property
    def timeline(self) -> TimelineService:
        from app.services.timeline import TimelineService

        return TimelineService(self)

    @cached_property
    def contacts(self) -> ContactService:
        from app.services.contacts import ContactService

        return ContactService(self)

    @cached_property
    def events(self) -> ClientEventService:
        from app.services.client_events import ClientEventService

        return ClientEventService(self)

    @cached_property
    def complaints(self) -> ComplaintService:
        from app.services.complaints import ComplaintService

        return ComplaintService(self)

    @cached_property
    def banker(self) -> BankerService:
        from app.services.banker import BankerService

        return BankerService(self)

    @cached_property
    def packs(self) -> PackService:
        from app.services.packs import PackService

        return PackService(self)

    @cached_property
    def briefs(self) -> BriefService:
        from app.services.briefs import BriefService

        return BriefService(self)

    @cached_property
    def plans(self) -> PlanService:
        from app.services.plans import PlanService

        return PlanService(self)

    @cached_property
    def documents(self) -> DocumentService:
        from app.services.documents import DocumentService

        return DocumentService(self)

    # --- opening and closing ------------------------------------------------------

    @classmethod
    def create(
        cls, folder: Path, passphrase: str, kdf: KdfParams = DEFAULT_KDF, actor: str | None = None
    ) -> Workspace:
        ws = cls(store.create(folder, passphrase, kdf), actor)
        with ws.begin() as s:
            s.add(VaultMeta(key="created_at", value=utc_now().isoformat()))
            ws.record(s, "vault.created", str(folder.name), {"kdf": kdf.__dict__})
        return ws

    @classmethod
    def open(
        cls,
        folder: Path,
        passphrase: str,
        state_dir: Path,
        actor: str | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ) -> Workspace:
        """Check the passphrase (throttled), then open the vault; see ``open_unlocked``."""
        key = open_key(folder, passphrase, state_dir, clock)
        return cls.open_unlocked(key, passphrase, actor)

    @classmethod
    def open_unlocked(
        cls, key: UnlockedKey, passphrase: str, actor: str | None = None
    ) -> Workspace:
        """Open the vault whose key ``unlock_key.open_key`` found (the app checks the
        passphrase first, shows cached figures, then opens); ``passphrase`` encrypts the
        backup taken before a schema upgrade."""

        def backup_first(vault: OpenVault) -> None:
            stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
            target = vault.paths.backups / f"before-upgrade-{stamp}.cbak"
            backup.write_backup(vault, passphrase, target, vault.key_file.slots[0].kdf)

        vault = store.open_unlocked(key, before_migration=backup_first)
        ws = cls(vault, actor)
        with ws.begin() as s:
            details: dict[str, Any] = {}
            if vault.failed_tries_before:
                details["failed_tries_before"] = vault.failed_tries_before
            if vault.migrated_from:
                details["upgraded_from"] = vault.migrated_from
            ws.record(s, "vault.unlocked", str(vault.paths.folder.name), details)
        return ws

    def close(self) -> None:
        if self.vault.data_key:
            with self.begin() as s:
                self.record(s, "vault.locked", self.vault.paths.folder.name)
            self.vault.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions and the audit trail ---------------------------------------

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on error."""
        with self._sessions.begin() as session:
            session.info[outbox.DEVICE] = self.device_id
            yield session

    def record(
        self, session: Session, action: str, subject: str, details: dict[str, Any] | None = None
    ) -> None:
        """Append an audit event in ``session``'s transaction."""
        audit.append(
            session,
            actor=self.actor,
            device=self.device_id,
            action=action,
            subject=subject,
            details=details,
        )

    def _ensure_device_id(self) -> str:
        with self._sessions.begin() as s:
            meta = s.get(VaultMeta, "device_id")
            if meta is None:
                meta = VaultMeta(key="device_id", value=str(new_id()))
                s.add(meta)
            return meta.value

    # --- vault-wide operations ------------------------------------------------------

    def pending_changes(self) -> int:
        with self.begin() as s:
            return (
                s.scalar(
                    select(func.count())
                    .select_from(OutboxEntry)
                    .where(OutboxEntry.state == "pending")
                )
                or 0
            )

    def verify(self) -> list[integrity.CheckResult]:
        with self.begin() as s:
            results = integrity.verify(self.vault.engine, s)
        with self.begin() as s:
            self.record(
                s, "vault.verified", self.vault.paths.folder.name, {r.name: r.ok for r in results}
            )
        return results

    def backup(self, passphrase: str, out: Path, kdf: KdfParams | None = None) -> backup.BackupInfo:
        """Write an encrypted backup; ``passphrase`` must be the vault's (it is checked)."""
        self.vault.key_file.unlock(passphrase)
        kdf = kdf or self.vault.key_file.slots[0].kdf
        with self.begin() as s:
            self.record(s, "vault.backup", out.name, {"path": str(out)})
        return backup.write_backup(self.vault, passphrase, out, kdf)

    def change_passphrase(self, old: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
        self.vault.key_file.unlock(old)
        store.change_passphrase(self.vault, new, kdf)
        with self.begin() as s:
            self.record(s, "vault.passphrase_changed", self.vault.paths.folder.name)


def vault_exists(folder: Path) -> bool:
    return config.vault_exists(folder)


def restore(
    source: Path, folder: Path, passphrase: str, state_dir: Path, kdf: KdfParams = DEFAULT_KDF
) -> Workspace:
    """Make a working vault in ``folder`` from a backup file, and open it."""
    backup.restore_backup(source, folder, passphrase, kdf)
    ws = Workspace.open(folder, passphrase, state_dir)
    with ws.begin() as s:
        ws.record(s, "vault.restored", folder.name, {"from": source.name})
    return ws


def shred(folder: Path) -> list[Path]:
    """Destroy the key slots and the database files (crypto-shredding)."""
    return store.shred(folder)


__all__ = ["DEFAULT_KDF", "KdfParams", "Workspace", "restore", "shred", "vault_exists"]
