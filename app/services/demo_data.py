"""The demo book's people: names, resident ID numbers, contacts, occupations, households.

Word lists live in ``resources/demo/people.json``. Everything is drawn from the one
``random.Random`` passed in, so a seed and a day give the same people every time; ids
(UUIDs) are made later and are not part of that promise.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from statistics import NormalDist
from typing import Any, TypeVar

from app.domain import validation
from app.domain.names import name_pinyin
from app.services.clients import NewClient, validate_new_client
from app.services.config import resources_dir

T = TypeVar("T")
# Household shapes (roles besides the head); about a quarter of people live in one.
HOUSEHOLD_SHAPES: tuple[tuple[str, ...], ...] = (
    ("head", "spouse"),
    ("head", "spouse"),
    ("head", "spouse", "child"),
    ("head", "spouse", "child"),
    ("head", "spouse", "parent"),
    ("head", "child"),
    ("head", "spouse", "child", "parent"),
    ("head", "spouse", "child", "child"),
)
HOUSEHOLD_SHARE = 0.25
# Financial assets at the bank are log-normal: median ≈ 600,000 CNY, so every tier
# of resources/tiers.json appears even in a book of 20.
ASSETS = NormalDist(mu=13.3, sigma=1.9)
HEAD_SEGMENTS = (
    "entrepreneur",
    "executive",
    "doctor",
    "lawyer",
    "professor",
    "accountant",
    "investor",
)


def load_resource(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((resources_dir() / "demo" / name).read_text("utf-8"))
    return doc


class Weighted[T]:
    """Items with weights, drawn with ``random.choices`` on precomputed cumulative weights."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        self.cum = list(accumulate(weight for _, weight in items))

    def draw(self, rng: random.Random) -> T:
        return rng.choices(self.items, cum_weights=self.cum)[0]


CHANNELS = Weighted([("wechat", 55), ("phone", 25), ("visit", 15), ("email", 5)])


@dataclass(frozen=True)
class District:
    name: str
    code: str
    roads: tuple[str, ...]


@dataclass(frozen=True)
class City:
    name: str
    prefix: str
    districts: tuple[District, ...]
    hospitals: tuple[str, ...]
    universities: tuple[str, ...]


@dataclass(frozen=True)
class Occupation:
    segment: str
    ages: tuple[int, int]
    employer: str
    titles: tuple[str, ...]
    wealth: tuple[str, ...]


@dataclass(frozen=True)
class Words:
    doc: dict[str, Any]
    surnames: Weighted[str]
    cities: Weighted[City]
    occupations: dict[str, Occupation]
    segments: Weighted[str]

    def strings(self, key: str) -> list[str]:
        values: list[str] = self.doc[key]
        return values


def _city(raw: dict[str, Any]) -> City:
    districts = tuple(District(n, c, tuple(r)) for n, c, r in raw["districts"])
    return City(
        raw["name"], raw["prefix"], districts, tuple(raw["hospitals"]), tuple(raw["universities"])
    )


@lru_cache(maxsize=1)
def load_words() -> Words:
    doc = load_resource("people.json")
    occupations = {
        o["segment"]: Occupation(
            o["segment"], tuple(o["ages"]), o["employer"], tuple(o["titles"]), tuple(o["wealth"])
        )
        for o in doc["occupations"]
    }
    return Words(
        doc=doc,
        surnames=Weighted([(s, w) for s, w in doc["surnames"]]),
        cities=Weighted([(_city(c), c["weight"]) for c in doc["cities"]]),
        occupations=occupations,
        segments=Weighted([(o["segment"], o["weight"]) for o in doc["occupations"]]),
    )


@dataclass(frozen=True)
class PersonDraft:
    """One person of the book, before ids: the validated client and what the book needs."""

    data: NewClient
    surname: str
    segment: str
    id_expires: date | None
    target_cny: float
    role: str | None = None
    trust_code: str | None = None

    @property
    def salutation(self) -> str:
        titles = {
            "entrepreneur": "总",
            "executive": "总",
            "doctor": "主任",
            "lawyer": "律师",
            "professor": "教授",
        }
        title = titles.get(self.segment)
        if title is None:
            title = "先生" if self.data.gender == "M" else "女士"
        return self.surname + title


@dataclass(frozen=True)
class HouseholdDraft:
    name: str
    members: tuple[tuple[int, str], ...]  # (index into the people list, role)
    entities: tuple[tuple[str, str], ...]  # (kind "company" | "trust", name)


def asset_targets(rng: random.Random, n: int) -> list[float]:
    """``n`` stratified log-normal amounts (CNY), shuffled: every quantile band is hit."""
    values = [math.exp(ASSETS.inv_cdf((i + 0.001 + 0.998 * rng.random()) / n)) for i in range(n)]
    values = [min(max(v, 3_000.0), 300_000_000.0) for v in values]
    rng.shuffle(values)
    return values


def plan_units(rng: random.Random, n: int) -> list[tuple[str, ...]]:
    """Households (tuples of roles) and singles (``("single",)``) covering ``n`` people."""
    units: list[tuple[str, ...]] = []
    in_households = 0
    while n - in_households >= 2 and in_households < round(n * HOUSEHOLD_SHARE):
        shape = rng.choice(HOUSEHOLD_SHAPES)[: n - in_households]
        units.append(shape)
        in_households += len(shape)
    units += [("single",)] * (n - in_households)
    rng.shuffle(units)
    return units


def _birth(rng: random.Random, today: date, age: int) -> date:
    latest = (
        today.replace(year=today.year - age)
        if (today.month, today.day) != (2, 29)
        else date(today.year - age, 2, 28)
    )
    return latest - timedelta(days=rng.randrange(365))


class PeopleMaker:
    """Draws people one at a time, keeping ID numbers and mobiles unique."""

    def __init__(self, rng: random.Random, words: Words, today: date) -> None:
        self.rng = rng
        self.w = words
        self.today = today
        self.id_numbers: set[str] = set()
        self.mobiles: set[str] = set()

    # --- names and numbers ----------------------------------------------------------

    def given_name(self, gender: str, born: date) -> str:
        era = "_old" if born.year < 1970 else "_young" if born.year >= 1990 else ""
        pool = self.w.doc["given"][("male" if gender == "M" else "female") + era]
        if self.rng.random() < (0.35 if era == "_old" else 0.15):
            return str(self.rng.choice(pool))
        return str(self.rng.choice(pool) + self.rng.choice(pool))

    def resident_id(self, area: str, born: date, gender: str) -> str:
        while True:
            seq = self.rng.randrange(1000)
            if (seq % 2 == 1) != (gender == "M"):  # the 17th digit is odd for men
                seq ^= 1
            first17 = f"{area}{born:%Y%m%d}{seq:03d}"
            number = first17 + validation.resident_id_check_char(first17)
            if number not in self.id_numbers:
                self.id_numbers.add(number)
                return number

    def mobile(self) -> str:
        while True:
            number = (
                self.rng.choice(self.w.strings("mobile_prefixes"))
                + f"{self.rng.randrange(10**8):08d}"
            )
            if number not in self.mobiles:
                self.mobiles.add(number)
                return number

    def email(self, surname: str, name: str, born: date, english: bool) -> str | None:
        rng = self.rng
        if rng.random() < 0.12:
            return None
        words = name_pinyin(name).split()
        family, given = "".join(words[: len(surname)]), "".join(words[len(surname) :])
        domain = rng.choice(self.w.strings("email_domains_en" if english else "email_domains"))
        style = rng.randrange(4)
        if style == 0:
            return f"{family}{given}{born:%y}@{domain}"
        if style == 1:
            return f"{given}.{family}@{domain}"
        if style == 2 and not english:
            return f"{rng.randrange(10**7, 10**10)}@qq.com"
        return f"{''.join(w[0] for w in words)}{rng.randrange(100, 10000)}@{domain}"

    def id_expiry(self, born: date) -> date | None:
        """Cards issued at 16-25 last 10 years, at 26-45 20 years, later for life."""
        age = self.today.year - born.year
        if age >= 46 and self.rng.random() < 0.7:
            return None
        years = 10 if age < 26 else 20
        issued_ago = self.rng.randrange(30, years * 365 - 20)
        issued = self.today - timedelta(days=issued_ago)
        return (
            issued.replace(year=issued.year + years)
            if (issued.month, issued.day) != (2, 29)
            else date(issued.year + years, 2, 28)
        )

    # --- where they live and work ---------------------------------------------------

    def address(self, city: City, district: District) -> str:
        rng = self.rng
        road = rng.choice(district.roads)
        estate = rng.choice(self.w.strings("estates"))
        return (
            f"{city.prefix}{district.name}{road}{rng.randrange(1, 400)}号{estate}"
            f"{rng.randrange(1, 30)}栋{rng.randrange(2, 33)}{rng.randrange(1, 9):02d}室"
        )

    def company(self, city: City) -> str:
        return (
            f"{city.name}{self.rng.choice(self.w.strings('company_brands'))}"
            f"{self.rng.choice(self.w.strings('company_industries'))}有限公司"
        )

    def employer(self, kind: str, city: City) -> str | None:
        rng = self.rng
        if kind == "company":
            return self.company(city)
        if kind == "corporation":
            return (
                f"{rng.choice(self.w.strings('company_brands'))}"
                f"{rng.choice(self.w.strings('company_industries'))}股份有限公司"
            )
        if kind == "hospital":
            return rng.choice(city.hospitals)
        if kind == "university":
            return rng.choice(city.universities)
        if kind in ("law_firm", "audit_firm"):
            return rng.choice(self.w.strings(kind + "s"))
        if kind == "former" and rng.random() < 0.5:
            before = self.employer(rng.choice(("corporation", "hospital", "university")), city)
            return f"原{before}"
        return None

    def onboarding(self, born: date, near: date | None) -> date:
        """When the client came to the bank: as an adult, at least a month ago."""
        adult = born + timedelta(days=18 * 365 + 5)
        if near is None:
            span = max(61, min(15 * 365, (self.today - adult).days))
            near = self.today - timedelta(days=self.rng.randrange(60, span))
        return min(max(near, adult), self.today - timedelta(days=30))

    # --- whole people ---------------------------------------------------------------

    def person(
        self,
        *,
        gender: str,
        age: int,
        segment: str,
        city: City,
        district: District,
        target: float,
        surname: str | None = None,
        address: str | None = None,
        onboarded: date | None = None,
        rm: str | None = None,
        role: str | None = None,
    ) -> PersonDraft:
        rng = self.rng
        born = _birth(rng, self.today, age)
        surname = surname or self.w.surnames.draw(rng)
        name = surname + self.given_name(gender, born)
        occupation = self.w.occupations.get(segment)
        english = rng.random() < 0.07
        status = "active"
        if role is None and target < 2_000_000 and rng.random() < 0.04:
            status = "prospect"
        elif rng.random() < 0.07:
            status = "dormant"
        data = NewClient(
            name=name,
            gender=gender,
            birth_date=born,
            id_type="resident_id",
            id_number=self.resident_id(district.code, born, gender),
            mobile=self.mobile(),
            email=self.email(surname, name, born, english),
            address=address or self.address(city, district),
            city=city.name,
            occupation=rng.choice(occupation.titles)
            if occupation
            else rng.choice(self.w.strings("child_titles")),
            employer=self.employer(occupation.employer if occupation else "corporation", city),
            source_of_wealth=rng.choice(occupation.wealth) if occupation else "父母赠与",
            preferred_channel="email" if english and rng.random() < 0.5 else CHANNELS.draw(rng),
            preferred_language="en" if english else "zh",
            relationship_manager=rm or rng.choice(self.w.strings("relationship_managers")),
            onboarded_on=None if status == "prospect" else self.onboarding(born, onboarded),
            status=status,
            needs="、".join(rng.sample(self.w.strings("needs"), rng.randint(1, 3))),
            preferences=rng.choice(self.w.strings("preferences")) if rng.random() < 0.6 else None,
            observes_lunar_birthday=rng.random() < (0.45 if born.year < 1965 else 0.12),
        )
        clean, errors = validate_new_client(data)
        if errors:  # a bug in the word lists, not bad luck
            raise ValueError(f"demo person {name} is invalid: {errors}")
        return PersonDraft(clean, surname, segment, self.id_expiry(born), target, role)

    def single(self, target: float) -> PersonDraft:
        rng = self.rng
        city = self.w.cities.draw(rng)
        segment = self.w.segments.draw(rng)
        low, high = self.w.occupations[segment].ages
        return self.person(
            gender="M" if rng.random() < 0.58 else "F",
            age=rng.randint(low, high),
            segment=segment,
            city=city,
            district=rng.choice(city.districts),
            target=target,
        )


def _member_spec(
    rng: random.Random, role: str, head: PersonDraft, head_age: int
) -> tuple[str, int, str]:
    """Gender, age and segment of a household member next to its head."""
    if role == "spouse":
        age = max(24, head_age + rng.randint(-6, 3))
        gender = "F" if head.data.gender == "M" else "M"
        segment = (
            "retiree"
            if age >= 62
            else rng.choice(("executive", "doctor", "professor", "investor", "young"))
        )
        return gender, age, segment if segment != "young" or age <= 36 else "investor"
    if role == "child":
        return rng.choice("MF"), max(19, head_age - rng.randint(24, 32)), "child"
    return rng.choice("MF"), min(90, head_age + rng.randint(24, 32)), "retiree"


def make_family(
    maker: PeopleMaker, roles: tuple[str, ...], targets: list[float]
) -> list[PersonDraft]:
    """The people of one household, head first, richest first."""
    rng = maker.rng
    city = maker.w.cities.draw(rng)
    district = rng.choice(city.districts)
    segment = rng.choice(HEAD_SEGMENTS)
    head_age = rng.randint(46, 62) if "child" in roles else rng.randint(35, 58)
    head = maker.person(
        gender="M" if rng.random() < 0.75 else "F",
        age=head_age,
        segment=segment,
        city=city,
        district=district,
        target=targets[0],
        role="head",
    )
    family = [head]
    father = head.surname if head.data.gender == "M" else None
    for role, target in zip(roles[1:], targets[1:], strict=True):
        gender, age, member_segment = _member_spec(rng, role, head, head_age)
        surname = None
        if role == "child":
            surname = father or head.surname
        elif role == "parent" and gender == "M":
            surname = head.surname
        onboarded = head.data.onboarded_on or maker.today
        member = maker.person(
            gender=gender,
            age=age,
            segment=member_segment,
            city=city,
            district=district,
            target=target,
            surname=surname,
            address=head.data.address,
            onboarded=onboarded + timedelta(days=rng.randrange(0, 720)),
            rm=head.data.relationship_manager,
            role=role,
        )
        if role == "spouse" and gender == "M":
            father = member.surname
        family.append(member)
    return family


def _household(
    maker: PeopleMaker, family: list[PersonDraft], first: int
) -> tuple[HouseholdDraft, list[PersonDraft]]:
    rng = maker.rng
    head = family[0]
    entities: list[tuple[str, str]] = []
    if head.segment == "entrepreneur" and head.data.employer and rng.random() < 0.6:
        entities.append(("company", head.data.employer))
    trust_code = None
    if head.target_cny >= 6_000_000 and rng.random() < 0.5:
        issuer = rng.choice(maker.w.strings("family_trust_issuers"))
        entities.append(("trust", f"{issuer}·{head.surname}氏家族信托"))
        trust_code = f"TR-{maker.today.year - rng.randint(0, 3)}-{rng.randrange(1, 10000):04d}"
        family = [replace(p, trust_code=trust_code) for p in family]
    members = tuple((first + i, p.role or "head") for i, p in enumerate(family))
    return HouseholdDraft(f"{head.data.name}家庭", members, tuple(entities)), family


def make_people(
    rng: random.Random, n: int, today: date
) -> tuple[list[PersonDraft], list[HouseholdDraft]]:
    """``n`` people, about a quarter of them in households."""
    maker = PeopleMaker(rng, load_words(), today)
    units = plan_units(rng, n)
    targets = asset_targets(rng, n)
    people: list[PersonDraft] = []
    households: list[HouseholdDraft] = []
    for roles in units:
        share = sorted(targets[len(people) : len(people) + len(roles)], reverse=True)
        if roles == ("single",):
            people.append(maker.single(share[0]))
            continue
        household, family = _household(maker, make_family(maker, roles, share), len(people))
        households.append(household)
        people += family
    return people, households
