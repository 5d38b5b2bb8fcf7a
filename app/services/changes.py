"""What a mutation changed, so that each view refreshes only what it shows.

Every mutating service returns a ``Changes`` (or a result carrying one); the app
broadcasts it once (``operation_did_execute``) and views look at the flags they need.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.ids import ClientId


@dataclass(frozen=True)
class Changes:
    clients: bool = False
    holdings: bool = False
    consents: bool = False
    settings: bool = False
    notes: bool = False
    meetings: bool = False
    tasks: bool = False
    contacts: bool = False  # interactions and care dates (last contact, Home reminders)
    events: bool = False  # client events, invitations, replies, attendance
    complaints: bool = False
    plans: bool = False  # plans, their goals, flows, allocation and recommendations
    documents: bool = False  # documents kept in the vault (advice packs, records, briefs)
    client_ids: frozenset[ClientId] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            clients=self.clients or other.clients,
            holdings=self.holdings or other.holdings,
            consents=self.consents or other.consents,
            settings=self.settings or other.settings,
            notes=self.notes or other.notes,
            meetings=self.meetings or other.meetings,
            tasks=self.tasks or other.tasks,
            contacts=self.contacts or other.contacts,
            events=self.events or other.events,
            complaints=self.complaints or other.complaints,
            plans=self.plans or other.plans,
            documents=self.documents or other.documents,
            client_ids=self.client_ids | other.client_ids,
        )

    @property
    def any(self) -> bool:
        return (
            self.clients
            or self.holdings
            or self.consents
            or self.settings
            or self.notes
            or self.meetings
            or self.tasks
            or self.contacts
            or self.events
            or self.complaints
            or self.plans
            or self.documents
        )
