"""``confidant verify``: page HMACs, SQLite structure, foreign keys and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.vault.audit import verify_chain


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def _rows(engine: Engine, pragma: str) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(pragma).fetchall()]


def cipher_integrity(engine: Engine) -> CheckResult:
    rows = _rows(engine, "PRAGMA cipher_integrity_check")
    if not rows:
        return CheckResult("cipher_integrity_check", True, "every page's HMAC is valid")
    return CheckResult("cipher_integrity_check", False, f"{len(rows)} damaged pages: {rows[:3]}")


def structure(engine: Engine) -> CheckResult:
    rows = _rows(engine, "PRAGMA integrity_check")
    ok = rows == [("ok",)]
    return CheckResult("integrity_check", ok, "structure is sound" if ok else str(rows[:5]))


def foreign_keys(engine: Engine) -> CheckResult:
    rows = _rows(engine, "PRAGMA foreign_key_check")
    if not rows:
        return CheckResult("foreign_key_check", True, "no broken references")
    return CheckResult(
        "foreign_key_check", False, f"{len(rows)} broken references, e.g. {rows[:3]}"
    )


def audit_chain(session: Session) -> CheckResult:
    report = verify_chain(session)
    if report.ok:
        return CheckResult("audit_chain", True, f"{report.events} events, chain intact")
    return CheckResult("audit_chain", False, "; ".join(report.problems))


def verify(engine: Engine, session: Session) -> list[CheckResult]:
    return [cipher_integrity(engine), structure(engine), foreign_keys(engine), audit_chain(session)]
