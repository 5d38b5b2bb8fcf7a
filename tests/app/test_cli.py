"""The command line as bank IT and scripts use it: real processes, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "test passphrase 123"
CHEAP = ["--kdf-memory-mib", "8", "--kdf-passes", "1"]


def run(
    *args: str,
    passphrase: str | None = PASS,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CONFIDANT_PASS")}
    full_env.update({"CONFIDANT_STATE_DIR": os.environ["CONFIDANT_STATE_DIR"]})
    if passphrase is not None:
        full_env["CONFIDANT_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin or "",
        timeout=120,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_user_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "v"
    ok(run("init", "--vault", str(folder), *CHEAP))
    return folder


def test_init_then_verify_with_vault_before_or_after(vault: Path) -> None:
    after = ok(run("verify", "--vault", str(vault)))
    before = ok(run("--vault", str(vault), "verify"))
    for out in (after, before):
        assert [line.split()[0] for line in out.splitlines()] == ["ok"] * 4
    report = json.loads(ok(run("verify", "--json", "--vault", str(vault))))
    assert report["ok"] is True and len(report["checks"]) == 4


def test_vault_from_environment(vault: Path) -> None:
    out = ok(run("clients", "list", "--json", env={"CONFIDANT_VAULT": str(vault)}))
    assert json.loads(out) == []


def test_init_refuses_an_existing_vault_and_weak_passphrases(vault: Path, tmp_path: Path) -> None:
    assert_user_error(run("init", "--vault", str(vault), *CHEAP), "already exists")
    assert_user_error(
        run("init", "--vault", str(tmp_path / "w"), *CHEAP, passphrase="short"), "too weak"
    )
    assert not (tmp_path / "w" / "keys.json").exists()


def test_wrong_or_missing_passphrase(vault: Path) -> None:
    assert_user_error(
        run("verify", "--vault", str(vault), passphrase="wrong passphrase!"),
        "does not open this vault",
    )
    assert_user_error(run("verify", "--vault", str(vault), passphrase=None), "CONFIDANT_PASSPHRASE")


def test_missing_vault_and_unknown_client(vault: Path, tmp_path: Path) -> None:
    assert_user_error(run("clients", "list", "--vault", str(tmp_path / "none")), "confidant init")
    assert_user_error(run("clients", "show", "无此人", "--vault", str(vault)), "No client")


def test_group_without_command_is_a_usage_error(vault: Path) -> None:
    result = run("clients", "--vault", str(vault))
    assert result.returncode == 2 and "needs a command" in result.stderr


def test_backup_and_restore(vault: Path, tmp_path: Path) -> None:
    backup = tmp_path / "book.cbak"
    ok(run("backup", "--out", str(backup), "--vault", str(vault)))
    assert_user_error(run("backup", "--out", str(backup), "--vault", str(vault)), "already exists")
    assert_user_error(run("restore", str(backup), env={"CONFIDANT_VAULT": ""}), "--vault")
    restored = tmp_path / "restored"
    out = ok(run("restore", str(backup), "--vault", str(restored), *CHEAP))
    assert "Restored 0 clients" in out
    ok(run("verify", "--vault", str(restored)))
    assert_user_error(
        run(
            "restore",
            str(backup),
            "--vault",
            str(tmp_path / "r2"),
            *CHEAP,
            passphrase="another passphrase",
        ),
        "does not open this backup",
    )


def test_passwd(vault: Path) -> None:
    ok(
        run(
            "passwd",
            "--vault",
            str(vault),
            *CHEAP,
            env={"CONFIDANT_NEW_PASSPHRASE": "the new passphrase 456"},
        )
    )
    assert_user_error(run("verify", "--vault", str(vault)), "does not open")
    ok(
        run(
            "verify",
            "--vault",
            str(vault),
            passphrase="the new passphrase 456",
            env={"CONFIDANT_STATE_DIR": str(vault.parent / "fresh-state")},
        )
    )


def test_shred_needs_confirmation(vault: Path) -> None:
    assert_user_error(run("shred", "--vault", str(vault)), "--yes")
    assert (vault / "keys.json").exists()
    out = ok(run("shred", "--yes", "--vault", str(vault), passphrase=None))
    assert "never be read again" in out
    assert not (vault / "keys.json").exists() and not (vault / "vault.db").exists()
    assert_user_error(run("verify", "--vault", str(vault)), "no vault")


def test_help_lists_the_contract() -> None:
    out = ok(run("--help", passphrase=None))
    for command in (
        "init",
        "demo",
        "passwd",
        "verify",
        "backup",
        "restore",
        "shred",
        "import",
        "clients",
    ):
        assert command in out


def test_banker_shows_sets_and_refuses(vault: Path) -> None:
    where = ("--vault", str(vault))
    assert "(not set" in ok(run("banker", *where))
    shown = ok(run("banker", *where, "--name", "周雅琴", "--licence", "F3021456"))
    assert "周雅琴" in shown and "F3021456" in shown and "Branch:" in shown
    kept = json.loads(ok(run("banker", *where, "--json")))
    assert kept == {"name": "周雅琴", "licence": "F3021456", "branch": ""}
    assert_user_error(run("banker", *where, "--branch", "分" * 61), "at most 60 characters")
    assert json.loads(ok(run("banker", *where, "--json"))) == kept  # nothing kept
    cleared = json.loads(ok(run("banker", *where, "--licence", "", "--json")))
    assert cleared["licence"] == "" and cleared["name"] == "周雅琴"
