"""The demo book's meeting notes and consents.

Notes are short Chinese texts assembled from the phrase templates in
``resources/demo/notes.json``: each opens with the meeting, says two or three things
about one topic (资产配置, 理财到期, 保险规划, 子女教育, 家族信托, 风险测评), naming
the client's own products and codes, and closes with a next step. Consents record what
each client agreed to, how, and when (a few are withdrawn).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from app.services.demo_data import PersonDraft, load_resource
from app.services.demo_market import Market, Product

BEIJING = timezone(timedelta(hours=8))
MIN_CHARS, MAX_CHARS = 80, 300
WEALTHY = 3_000_000  # family trusts come up only with clients this rich
MATURING = ("wmp", "deposit", "structured", "trust")  # products with a term that ends


def at_beijing(day: date, rng: random.Random) -> datetime:
    """A working-hours moment of ``day`` in Beijing, as an aware UTC datetime."""
    local = datetime(
        day.year,
        day.month,
        day.day,
        rng.randint(9, 17),
        rng.randrange(60),
        rng.randrange(60),
        tzinfo=BEIJING,
    )
    return local.astimezone(UTC)


@dataclass(frozen=True)
class Template:
    text: str
    fields: tuple[str, ...]  # in order of appearance, so draws do not depend on hashing

    @classmethod
    def of(cls, text: str) -> Template:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name]
        return cls(text, tuple(dict.fromkeys(names)))


class NoteWriter:
    """Writes 2-6 notes per client about the client's own holdings."""

    def __init__(self, rng: random.Random, market: Market, today: date) -> None:
        doc = load_resource("notes.json")
        self.rng = rng
        self.market = market
        self.today = today
        self.doc = doc
        self.openings = [Template.of(t) for t in doc["openings"]]
        self.closings = [Template.of(t) for t in doc["closings"]]
        self.topics = {
            name: ([Template.of(t) for t in topic["sentences"]], topic["titles"])
            for name, topic in doc["topics"].items()
        }
        cny = [p for p in market.products if p.currency == "CNY"]
        self.shelf: dict[str, list[Product]] = {
            "new_product": [
                p
                for p in cny
                if p.type in ("wmp", "mutual_fund", "structured")
                and p.asset_class in ("cash", "fixed_income")
            ],
            "maturing": [p for p in cny if p.lockup > 0 and p.type in MATURING],
            "policy": [p for p in cny if p.type == "insurance"],
            "private_product": [p for p in cny if p.type in ("trust", "private_fund")],
        }

    def _values(
        self, person: PersonDraft, held: list[Product], day: date
    ) -> dict[str, Callable[[], str]]:
        rng = self.rng
        doc = self.doc
        wan = max(1, round(person.target_cny * rng.uniform(0.05, 0.3) / 10_000))
        later = day + timedelta(days=rng.randint(3, 60))
        return {
            "who": lambda: person.salutation,
            "amount": lambda: f"{wan}万元",
            "date": lambda: f"{later.month}月{later.day}日",
            "rate": lambda: f"{rng.uniform(1.8, 6.5):.1f}%",
            "pct": lambda: str(rng.randint(45, 80)),
            "pct2": lambda: str(rng.randint(20, 40)),
            "risk": lambda: rng.choice(doc["risks"]),
            "child": lambda: rng.choice(doc["children"]),
            "year": lambda: str(day.year + rng.randint(1, 5)),
            "degree": lambda: rng.choice(doc["degrees"]),
            "place": lambda: rng.choice(doc["places"]),
            "rm": lambda: person.data.relationship_manager or "客户经理",
            "trust_code": lambda: (
                person.trust_code or f"TR-{day.year}-{rng.randrange(1, 10000):04d}"
            ),
        }

    def _product(self, field: str, held: list[Product]) -> Product:
        """The client's own product of the kind a placeholder asks for, else one on offer."""
        own = {
            "product": held,
            "maturing": [p for p in held if p.lockup > 0 and p.type in MATURING],
            "policy": [p for p in held if p.type == "insurance"],
        }.get(field)
        return self.rng.choice(own or self.shelf.get(field) or self.shelf["new_product"])

    def _fill(
        self, template: Template, values: dict[str, Callable[[], str]], held: list[Product]
    ) -> str:
        chosen: dict[str, Product] = {}
        out: dict[str, str] = {}
        for name in template.fields:
            key = {
                "code": "new_product",
                "r": "private_product" if "private_product" in template.fields else "product",
            }.get(name, name)
            if key in values:
                out[name] = values[key]()
                continue
            if key not in chosen:
                chosen[key] = self._product(key, held)
            product = chosen[key]
            out[name] = (
                product.code
                if name == "code"
                else str(product.risk)
                if name == "r"
                else product.name
            )
        return template.text.format_map(out)

    def _body(self, topic: str, person: PersonDraft, held: list[Product], day: date) -> str:
        rng = self.rng
        values = self._values(person, held, day)
        sentences, _ = self.topics[topic]
        opening = self._fill(rng.choice(self.openings), values, held)
        closing = self._fill(rng.choice(self.closings), values, held)
        middle: list[str] = []
        for template in rng.sample(sentences, min(3, len(sentences))):
            sentence = self._fill(template, values, held)
            if len(opening) + len("".join(middle)) + len(sentence) + len(closing) > MAX_CHARS:
                break
            middle.append(sentence)
            if (
                len(opening) + len("".join(middle)) + len(closing) >= MIN_CHARS
                and rng.random() < 0.4
            ):
                break
        body = opening + "".join(middle) + closing
        while len(body) < MIN_CHARS:
            body += self._fill(rng.choice(self.topics["资产配置"][0]), values, held)
        return body[:MAX_CHARS]

    def notes(self, person: PersonDraft, held: list[Product]) -> list[dict[str, Any]]:
        """Note rows (without ids or client) written since the client came to the bank."""
        rng = self.rng
        begin = max(
            person.data.onboarded_on or self.today - timedelta(days=120), self.market.days[0]
        )
        end = self.today - timedelta(days=300 if person.data.status == "dormant" else 0)
        span = max(1, (end - begin).days)
        topics = [
            t
            for t in self.topics
            if t != "家族信托" or person.target_cny >= WEALTHY or person.trust_code
        ]
        rows = []
        for _ in range(rng.randint(2, 6)):
            day = begin + timedelta(days=rng.randrange(span))
            topic = rng.choice(topics)
            rows.append(
                {
                    "written_at": at_beijing(day, rng),
                    "title": rng.choice(self.topics[topic][1]),
                    "body": self._body(topic, person, held, day),
                }
            )
        rows.sort(key=lambda r: r["written_at"])
        return rows


# --- consents ------------------------------------------------------------------------

# Consents beyond the service itself were collected again when PIPL took effect.
PIPL = date(2021, 11, 1)
CONSENTS = (("service", 1.0), ("sensitive_pi", 0.92), ("marketing", 0.6), ("recording", 0.5))
METHODS = {
    "service": ("counter", "paper"),
    "sensitive_pi": ("paper", "app", "counter"),
    "marketing": ("app", "paper"),
    "recording": ("app", "counter"),
}


def consents(rng: random.Random, person: PersonDraft, today: date) -> list[dict[str, Any]]:
    """Consent rows (without ids) for one person: service always, the rest often."""
    start = person.data.onboarded_on or today - timedelta(days=rng.randrange(7, 120))
    rows = []
    for purpose, chance in CONSENTS:
        if rng.random() >= chance or (
            person.data.status == "prospect" and purpose in ("marketing", "recording")
        ):
            continue
        method = rng.choice(METHODS[purpose])
        day = start + timedelta(days=rng.randrange(0, 3))
        if purpose != "service" and day < PIPL:
            day = PIPL + timedelta(days=rng.randrange(0, 240))
        granted = at_beijing(min(day, today), rng)
        withdrawn = None
        days = (today - granted.date()).days
        if purpose in ("marketing", "recording") and days > 1 and rng.random() < 0.07:
            withdrawn = granted + timedelta(days=rng.randrange(1, days))
        proof = (
            f"{method[:2].upper()}-{granted:%Y%m%d}-{rng.randrange(10**6):06d}"
            if method != "app"
            else f"APP-{rng.getrandbits(48):012X}"
        )
        expires = granted + timedelta(days=3 * 365) if purpose == "recording" else None
        rows.append(
            {
                "purpose": purpose,
                "method": method,
                "proof_ref": proof,
                "granted_at": granted,
                "expires_at": expires,
                "withdrawn_at": withdrawn,
            }
        )
    return rows
