"""Editing a client's profile and revealing masked data: validated, audited, synced.

An edit checks every changed field with the same rules as a new client, writes only
what changed (the outbox then carries a patch of those fields) and records which
fields changed — never their values — in the audit trail. Revealing a C2 field is an
audited act too (JR/T 0171: masked by default, shown on purpose).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain import masking, names, validation
from app.domain.errors import ValidationError
from app.domain.ids import ClientId
from app.services.changes import Changes
from app.services.clients import STATUSES, FieldError, NewClient, validate_new_client
from app.vault.models import Client, IdentityDocument

if TYPE_CHECKING:
    from app.services.workspace import Workspace

EDITABLE = (
    "name",
    "gender",
    "birth_date",
    "mobile",
    "email",
    "address",
    "city",
    "occupation",
    "employer",
    "source_of_wealth",
    "preferred_channel",
    "preferred_language",
    "relationship_manager",
    "onboarded_on",
    "status",
    "needs",
    "preferences",
)
REVEALABLE = ("mobile", "email", "address", "id_number")
DATE_FIELDS = ("birth_date", "onboarded_on")


class EditRejected(ValidationError):
    """Some fields failed validation; ``errors`` says which and why (nothing was saved)."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(" ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


def _parse_dates(values: Mapping[str, Any], errors: list[FieldError]) -> dict[str, Any]:
    parsed = dict(values)
    for key in DATE_FIELDS:
        raw = parsed.get(key)
        if isinstance(raw, str):
            try:
                parsed[key] = validation.parse_date(raw) if raw.strip() else None
            except ValidationError as exc:
                errors.append(FieldError(key, str(exc)))
                parsed.pop(key)
    return parsed


def check_edit(
    current: NewClient, values: Mapping[str, Any]
) -> tuple[dict[str, Any], list[FieldError]]:
    """The normalised new values of the edited fields, and every problem found."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    errors: list[FieldError] = []
    parsed = _parse_dates(values, errors)
    candidate, problems = validate_new_client(replace(current, **parsed))
    errors += [p for p in problems if p.field in parsed or p.field == "id_number"]
    if candidate.birth_date and candidate.birth_date > date.today():
        errors.append(FieldError("birth_date", "The birth date is in the future."))
    clean = {key: getattr(candidate, key) for key in parsed}
    return clean, errors


def _as_new_client(c: Client, id_number: str | None, id_type: str | None) -> NewClient:
    return NewClient(
        **{key: getattr(c, key) for key in EDITABLE}, id_number=id_number, id_type=id_type
    )


class ClientEdits:
    def __init__(self, ws: Workspace) -> None:
        self._ws = ws

    def update(self, client_id: ClientId, values: Mapping[str, Any]) -> Changes:
        """Save the changed profile fields; raises EditRejected listing every problem."""
        with self._ws.begin() as s:
            client = self._ws.clients.resolve(s, str(client_id))
            doc = next((d for d in client.documents if d.deleted_at is None), None)
            current = _as_new_client(
                client, doc.number if doc else None, doc.doc_type if doc else None
            )
            clean, errors = check_edit(current, values)
            if errors:
                raise EditRejected(errors)
            changed = [k for k, v in clean.items() if getattr(client, k) != v]
            for key in changed:
                setattr(client, key, clean[key])
            if "name" in changed:
                client.name_pinyin = names.name_pinyin(client.name)
                client.name_initials = names.name_initials(client.name)
                client.search_keys = names.name_search_keys(client.name)
            if changed:
                self._ws.record(s, "client.edited", str(client.id), {"fields": changed})
        return Changes(clients=bool(changed), client_ids=frozenset({client_id}))

    def set_vulnerable(self, client_id: ClientId, vulnerable: bool, reason: str = "") -> Changes:
        """Flag (or unflag) a client as vulnerable: their risk assessment then needs the
        extra-care step. Sensitive, so every change is recorded with its reason."""
        with self._ws.begin() as s:
            client = self._ws.clients.resolve(s, str(client_id))
            if client.vulnerable == vulnerable:
                return Changes()
            client.vulnerable = vulnerable
            self._ws.record(
                s, "client.vulnerable_flag", str(client.id), {"set": vulnerable, "reason": reason}
            )
        return Changes(clients=True, client_ids=frozenset({client_id}))

    def reveal(self, client_id: ClientId, field: str, reason: str = "") -> str:
        """The unmasked value of one C2 field; the reveal is recorded in the audit trail."""
        if field not in REVEALABLE:
            raise ValueError(f"{field} is not a masked field")
        with self._ws.begin() as s:
            client = self._ws.clients.resolve(s, str(client_id))
            if field == "id_number":
                docs = [d for d in client.documents if d.deleted_at is None]
                value = docs[0].number if docs else ""
            else:
                value = getattr(client, field) or ""
            self._ws.record(
                s,
                "client.revealed",
                str(client.id),
                {"field": field, "class": str(masking.field_class(field)), "reason": reason},
            )
        return str(value)

    def update_document(self, client_id: ClientId, doc_type: str, number: str) -> Changes:
        """Replace the client's identity document (the old one is tombstoned)."""
        with self._ws.begin() as s:
            client = self._ws.clients.resolve(s, str(client_id))
            clean = validation.check_document(doc_type, number, client.birth_date)
            if self._ws.clients.existing_id_numbers(s, [clean]) - {
                d.number for d in client.documents if d.deleted_at is None
            }:
                raise ValidationError("id_number: another client already has this number.")
            from app.vault.types import utc_now

            for old in client.documents:
                if old.deleted_at is None:
                    old.deleted_at = utc_now()
            s.add(IdentityDocument(client_id=client.id, doc_type=doc_type, number=clean))
            self._ws.record(s, "client.edited", str(client.id), {"fields": ["id_number"]})
        return Changes(clients=True, client_ids=frozenset({client_id}))


__all__ = ["EDITABLE", "REVEALABLE", "STATUSES", "ClientEdits", "EditRejected", "check_edit"]
