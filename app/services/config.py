"""Where things live: the vault folder, the app's state folder, bundled resources.

The vault path resolves once, in a fixed order: ``--vault``, then ``CONFIDANT_VAULT``,
then the platform's user data folder. The state folder (unlock throttling, never client
data) is ``CONFIDANT_STATE_DIR`` or the platform's user state folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs

from app.domain.tiers import TierTable

APP_NAME = "Confidant"
DEMO_PASSPHRASE = "confidant-demo-vault"


def resources_dir() -> Path:
    override = os.environ.get("CONFIDANT_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources"


@dataclass(frozen=True)
class AppPaths:
    vault: Path
    state: Path

    @classmethod
    def resolve(
        cls, vault: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
    ) -> AppPaths:
        env = os.environ if env is None else env
        chosen = vault or env.get("CONFIDANT_VAULT") or default_vault()
        state = env.get("CONFIDANT_STATE_DIR") or platformdirs.user_state_dir(APP_NAME, False)
        return cls(vault=Path(chosen).expanduser().resolve(), state=Path(state))


def default_vault() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, False)) / "vault"


def default_demo_vault() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, False)) / "demo-vault"


@lru_cache(maxsize=1)
def tier_table() -> TierTable:
    doc = json.loads((resources_dir() / "tiers.json").read_text("utf-8"))
    return TierTable.from_config(doc)


def vault_exists(folder: Path) -> bool:
    """Whether ``folder`` holds a vault (cheap: looks at file names only)."""
    from app.vault.paths import VaultPaths

    return VaultPaths(folder).exists()
