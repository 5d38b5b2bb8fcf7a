"""The demo book's relationship side: interactions, meetings, tasks, care dates, client
events with invitations, and complaints.

Texts come from ``resources/demo/relationship.json``. Every contact the demo writes
(an interaction, a held meeting, attending an event) lies on or before the client's
latest demo note, so the note stays the record of the latest contact and the book's
"last contact" (notes, interactions and held meetings) is the latest note's time.
Planned meetings fall in the next two weeks; open tasks around today (a few overdue,
one due today); complaints mostly resolved. Complaint references are numbered per year
in order of receipt, as ``ComplaintService.receive`` numbers them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app.domain.ids import new_id
from app.services import complaints as cp
from app.services.client_events import attendance_summary
from app.services.demo_data import PersonDraft, Weighted, load_resource
from app.services.demo_market import Product
from app.services.demo_notes import BEIJING, at_beijing

CHANNELS = Weighted([("wechat", 40), ("phone", 30), ("visit", 10), ("email", 10), ("sms", 10)])
MEETING_CHANNELS = Weighted(
    [("branch", 40), ("client_office", 25), ("phone", 15), ("video", 10), ("wechat", 10)]
)
COMPLAINT_CHANNELS = Weighted(
    [("phone", 30), ("hotline", 20), ("wechat", 15), ("branch", 20), ("email", 10), ("letter", 5)]
)
COMPLAINT_CATEGORIES = Weighted(
    [
        ("service", 30),
        ("fees", 20),
        ("product", 20),
        ("transaction", 15),
        ("privacy", 5),
        ("system", 5),
        ("other", 5),
    ]
)
REPLIES = Weighted([("yes", 50), ("no", 22), ("maybe", 13), ("none", 15)])
PRIORITIES = Weighted([("high", 20), ("normal", 65), ("low", 15)])
MILESTONE_DAYS = {"高考": (6, 7), "中考": (6, 20), "毕业": (6, 28), "留学": (8, 25), "入学": (9, 1)}
HELD_SHARE, PLANNED_SHARE, CANCELLED_SHARE = 0.3, 0.08, 0.03
TASK_SHARE, DONE_SHARE = 0.35, 0.45
COMPLAINT_SHARE, OPEN_COMPLAINT_SHARE = 0.05, 0.25
WEALTHY = 500_000  # events invite wealth-tier clients and above (tiers.json)
EVENT_SEATS = 80
FIRST_OPEN_TASK_DAYS = (0, -5, 3)  # due today, overdue, this week: every book shows each


@dataclass
class PersonRows:
    """One person's rows (without the sync stamp)."""

    interactions: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    care_dates: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class EventRows:
    events: list[dict[str, Any]] = field(default_factory=list)
    invitations: list[dict[str, Any]] = field(default_factory=list)
    interactions: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Guest:
    """A person events may invite: the draft, its id and the latest note's time."""

    person: PersonDraft
    client_id: Any
    last_note: datetime


def _beijing(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), BEIJING).astimezone(UTC)


def _local_day(at: datetime) -> date:
    return at.astimezone(BEIJING).date()


class RelationshipMaker:
    """Draws each person's relationship rows from one ``random.Random``; events and
    complaints are made once every person has been seen."""

    def __init__(self, rng: random.Random, today: date, shelf: Sequence[Product]) -> None:
        self.rng = rng
        self.today = today
        self.doc = load_resource("relationship.json")
        self.shelf = [p for p in shelf if p.currency == "CNY" and p.type != "deposit"]
        self.guests: list[Guest] = []
        self.complaints: list[tuple[date, int, dict[str, Any]]] = []
        self.seen = 0
        self.open_tasks = 0

    # --- text ------------------------------------------------------------------------

    def _fill(self, text: str, person: PersonDraft, held: Sequence[Product]) -> str:
        rng = self.rng
        values: dict[str, Callable[[], str]] = {
            "who": lambda: person.salutation,
            "product": lambda: rng.choice(list(held) or self.shelf).name,
            "date": lambda: _md(self.today + timedelta(days=rng.randint(3, 45))),
            "amount": lambda: (
                f"{max(1, round(person.target_cny * rng.uniform(0.05, 0.3) / 10_000))}万元"
            ),
            "child": lambda: rng.choice(("儿子", "女儿")),
            "country": lambda: rng.choice(self.doc["care"]["countries"]),
        }
        names = [n for n in values if "{" + n + "}" in text]
        return text.format_map({n: values[n]() for n in names})

    # --- per person ------------------------------------------------------------------

    def person(
        self,
        person: PersonDraft,
        client_id: Any,
        held: Sequence[Product],
        last_note: datetime | None,
    ) -> PersonRows:
        """Rows for one person; ``last_note`` bounds every contact (None: no contacts)."""
        self.seen += 1
        rows = PersonRows()
        if last_note is not None:
            self.guests.append(Guest(person, client_id, last_note))
            rows.interactions = self._interactions(person, client_id, held, last_note)
            rows.meetings = self._past_meetings(person, client_id, held, last_note)
        rows.meetings += self._planned_meeting(person, client_id, held)
        rows.tasks = self._tasks(person, client_id, held)
        rows.care_dates = self._care_dates(person, client_id)
        self._maybe_complaint(person, client_id, held)
        return rows

    def _window(self, person: PersonDraft, last_note: datetime, days: int) -> tuple[date, int]:
        """The first day and length of the ``days`` before the latest note."""
        end = _local_day(last_note)
        start = max(end - timedelta(days=days), person.data.onboarded_on or end)
        return start, max(0, (end - start).days)

    def _interactions(
        self, person: PersonDraft, client_id: Any, held: Sequence[Product], last_note: datetime
    ) -> list[dict[str, Any]]:
        rng = self.rng
        start, span = self._window(person, last_note, 365)
        preferred = person.data.preferred_channel
        texts = self.doc["interactions"]
        out = []
        for _ in range(rng.randint(2, 8)):
            channel = CHANNELS.draw(rng)
            if preferred is not None and preferred in texts and rng.random() < 0.5:
                channel = preferred
            direction = "outbound" if rng.random() < 0.65 else "inbound"
            at = min(at_beijing(start + timedelta(days=rng.randint(0, span)), rng), last_note)
            summary = self._fill(rng.choice(texts[channel][direction]), person, held)
            out.append(
                {
                    "id": new_id(),
                    "client_id": client_id,
                    "at": at,
                    "channel": channel,
                    "direction": direction,
                    "summary": summary,
                }
            )
        return out

    def _meeting(
        self,
        person: PersonDraft,
        client_id: Any,
        held: Sequence[Product],
        starts: datetime,
        status: str,
    ) -> dict[str, Any]:
        rng = self.rng
        doc = self.doc["meetings"]
        channel = MEETING_CHANNELS.draw(rng)
        items = rng.sample(doc["agenda"], rng.randint(2, 4))
        agenda = "\n".join(f"{i}. {self._fill(t, person, held)}" for i, t in enumerate(items, 1))
        minutes = 30 if channel in ("phone", "wechat") else 60
        return {
            "id": new_id(),
            "client_id": client_id,
            "title": rng.choice(doc["titles"]),
            "starts_at": starts,
            "ends_at": starts + timedelta(minutes=minutes),
            "channel": channel,
            "location": rng.choice(doc["places"][channel]) or None,
            "agenda": agenda,
            "status": status,
        }

    def _past_meetings(
        self, person: PersonDraft, client_id: Any, held: Sequence[Product], last_note: datetime
    ) -> list[dict[str, Any]]:
        rng = self.rng
        out = []
        start, span = self._window(person, last_note, 180)
        for status, share in (("held", HELD_SHARE), ("cancelled", CANCELLED_SHARE)):
            if span < 1 or rng.random() >= share:
                continue
            day = start + timedelta(days=rng.randrange(span))  # before the note's day
            starts = _beijing(day, rng.choice((10, 14, 16)), rng.choice((0, 30)))
            out.append(self._meeting(person, client_id, held, starts, status))
        return out

    def _planned_meeting(
        self, person: PersonDraft, client_id: Any, held: Sequence[Product]
    ) -> list[dict[str, Any]]:
        rng = self.rng
        if self.seen != 1 and rng.random() >= PLANNED_SHARE:
            return []
        day = self.today + timedelta(days=rng.randint(1, 14))
        starts = _beijing(day, rng.choice((10, 14, 16)), rng.choice((0, 30)))
        return [self._meeting(person, client_id, held, starts, "planned")]

    def _tasks(
        self, person: PersonDraft, client_id: Any, held: Sequence[Product]
    ) -> list[dict[str, Any]]:
        rng = self.rng
        if self.seen != 1 and rng.random() >= TASK_SHARE:
            return []
        out = []
        for _ in range(rng.randint(1, 2)):
            title = self._fill(rng.choice(self.doc["tasks"]), person, held)
            done = rng.random() < DONE_SHARE
            completed = None
            if done:
                due = self.today - timedelta(days=rng.randint(5, 120))
                finished = min(due + timedelta(days=rng.randint(-4, 3)), self.today - timedelta(1))
                completed = at_beijing(finished, rng)
            elif self.open_tasks < len(FIRST_OPEN_TASK_DAYS):
                due = self.today + timedelta(days=FIRST_OPEN_TASK_DAYS[self.open_tasks])
            else:
                due = self.today + timedelta(days=rng.randint(-20, 21))
            if not done:
                self.open_tasks += 1
            out.append(
                {
                    "id": new_id(),
                    "client_id": client_id,
                    "note_id": None,
                    "title": title,
                    "owner": person.data.relationship_manager or "客户经理",
                    "due_on": due,
                    "priority": PRIORITIES.draw(rng),
                    "status": "done" if done else "open",
                    "completed_at": completed,
                }
            )
        return out

    def _care_dates(self, person: PersonDraft, client_id: Any) -> list[dict[str, Any]]:
        rng = self.rng
        born = person.data.birth_date
        if born is None or person.role not in (None, "head"):
            return []
        age = (self.today - born).days // 365
        out = []
        married = 0.8 if person.role == "head" else 0.45
        if age >= 30 and rng.random() < married:
            year = born.year + rng.randint(24, min(33, age))
            wedding = date(year, rng.randint(1, 12), rng.randint(1, 28))
            label = rng.choice(self.doc["care"]["anniversary"])
            out.append(_care(client_id, "anniversary", label, min(wedding, self.today), True))
        if 42 <= age <= 62 and rng.random() < 0.3:
            label = self._fill(rng.choice(self.doc["care"]["milestones"]), person, ())
            month, day = next(v for k, v in MILESTONE_DAYS.items() if k in label)
            on = date(self.today.year, month, day)
            if on < self.today - timedelta(days=60):
                on = on.replace(year=on.year + 1)
            out.append(_care(client_id, "milestone", label, on, False))
        return out

    def _maybe_complaint(
        self, person: PersonDraft, client_id: Any, held: Sequence[Product]
    ) -> None:
        rng = self.rng
        forced = self.seen in (2, 5) and len(self.complaints) < 2
        if not forced and rng.random() >= COMPLAINT_SHARE:
            return
        number = len(self.complaints)
        is_open = number == 0 or (number > 1 and rng.random() < OPEN_COMPLAINT_SHARE)
        category = COMPLAINT_CATEGORIES.draw(rng)
        description, resolution = rng.choice(self.doc["complaints"][category])
        first = person.data.onboarded_on or self.today - timedelta(days=700)
        if is_open:
            received = self.today - timedelta(days=rng.randint(1, 40))
        else:
            received = self.today - timedelta(days=rng.randint(20, 700))
        received = max(received, min(first, self.today))
        resolved = None
        if not is_open:
            resolved = min(received + timedelta(days=rng.randint(1, 25)), self.today)
        row = {
            "id": new_id(),
            "client_id": client_id,
            "received_on": received,
            "channel": COMPLAINT_CHANNELS.draw(rng),
            "category": category,
            "description": self._fill(description, person, held),
            "status": "resolved" if resolved else rng.choice(cp.OPEN_STATUSES),
            "owner": person.data.relationship_manager or "客户经理",
            "resolution": self._fill(resolution, person, held) if resolved else None,
            "resolved_on": resolved,
        }
        self.complaints.append((received, number, row))

    # --- once every person is seen -----------------------------------------------------

    def complaint_rows(self) -> list[dict[str, Any]]:
        """The complaints with references numbered per year in order of receipt."""
        per_year: dict[int, int] = {}
        out = []
        for received, _, row in sorted(self.complaints, key=lambda c: (c[0], c[1])):
            per_year[received.year] = per_year.get(received.year, 0) + 1
            out.append(
                {**row, "reference": cp.reference_for(received.year, per_year[received.year])}
            )
        return out

    def events(self) -> EventRows:
        """The client events of relationship.json, relative to today, with invitations,
        replies and (for past events) attendance logged as "event" interactions."""
        rng = self.rng
        out = EventRows()
        wealthy = [g for g in self.guests if g.person.target_cny >= WEALTHY] or self.guests
        now = _beijing(self.today, 23, 59)
        for spec in self.doc["events"]:
            starts = _beijing(self.today + timedelta(days=spec["days"]), spec["hour"])
            title = spec["title"].format(year=_local_day(starts).year)
            event_id = new_id()
            out.events.append(
                {
                    "id": event_id,
                    "title": title,
                    "kind": spec["kind"],
                    "starts_at": starts,
                    "location": spec["location"],
                }
            )
            # Bankers invite the clients they are in touch with: for a past event, those
            # with a note since (so attending stays before the latest note).
            pool = [g for g in wealthy if g.last_note >= starts]
            if len(pool) < 3:
                pool = wealthy
            seats = min(len(pool), EVENT_SEATS, max(3, round(len(pool) * 0.6)))
            for guest in rng.sample(pool, seats):
                reply = REPLIES.draw(rng)
                came = starts < now and guest.last_note >= starts
                came = came and rng.random() < {"yes": 0.85, "maybe": 0.35}.get(reply, 0.0)
                invited = min(starts - timedelta(days=rng.randint(12, 21)), now)
                out.invitations.append(
                    {
                        "id": new_id(),
                        "event_id": event_id,
                        "client_id": guest.client_id,
                        "invited_at": invited,
                        "reply": reply,
                        "attended": came,
                    }
                )
                if came:
                    out.interactions.append(
                        {
                            "id": new_id(),
                            "client_id": guest.client_id,
                            "at": starts,
                            "channel": "event",
                            "direction": "outbound",
                            "summary": attendance_summary(title),
                        }
                    )
        return out


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _care(client_id: Any, kind: str, label: str, on: date, recurs: bool) -> dict[str, Any]:
    return {
        "id": new_id(),
        "client_id": client_id,
        "kind": kind,
        "label": label,
        "on": on,
        "recurs": recurs,
    }
