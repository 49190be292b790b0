"""The domain model: provisions, effects, doctrines, cases, findings and verdicts.

Everything here is a small frozen attrs class or a closed vocabulary. The loader
(``loading``) is the only place that builds these from files; validators here guard
the invariants that do not depend on where the data came from.

Vocabularies are closed on purpose: a misspelt value in a bill (``kind: bann``) or in a
doctrine must be a load error, never a value that silently matches nothing. New values
may be added; existing ones are never renamed (the file-format contract in DESIGN.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Literal

import attrs

from tarazy.engine.model.conditions import Condition

# --------------------------------------------------------------------------- vocabularies
# Each vocabulary maps an id to a one-line English description (used in the published
# schemas and in `tarazy` help). Order matters where a vocabulary is ordered (stated).

INSTRUMENTS: dict[str, str] = {
    # Highest rank first (Law on Legal Acts, art. 10). The first three are "laws" for
    # Art. 39(1) of the 1995 Constitution and Art. 41(1) of the 2026 Constitution.
    "constitutional_law": "constitutional law",
    "code": "code",
    "law": "law",
    # 2026 Art. 60(4) (K2026, third-party copy of the official text): the Government may adopt,
    # on its own responsibility, temporary normative acts having the force of law on matters
    # of Art. 60(3). No 1995 counterpart. Whether such an act is a "law" for Art. 41(1) is
    # open: no ruling has decided it (case-review.md, section 6).
    "government_temporary_act": "temporary normative act of the Government having the force "
    "of law (2026 Art. 60(4))",
    "presidential_decree": "decree of the President",
    "supreme_court_resolution": "normative resolution of the Supreme Court",
    "government_resolution": "resolution of the Government",
    "ministerial_order": "order of a minister or normative act of a central state body "
    "(including a regulator's model contract)",
    "local_decision": "decision of a maslikhat or akimat",
}
LAW_INSTRUMENTS = frozenset({"constitutional_law", "code", "law"})
# An act with the force of law is neither a law nor a by-law (its standing is open).
FORCE_OF_LAW_INSTRUMENTS = frozenset({"government_temporary_act"})
BYLAW_INSTRUMENTS = tuple(
    i for i in INSTRUMENTS if i not in LAW_INSTRUMENTS and i not in FORCE_OF_LAW_INSTRUMENTS
)

EFFECT_KINDS: dict[str, str] = {
    "denial": "no access to the right at all",
    "condition": "access subject to a fee or a requirement",
    "ban": "excludes a group from something (an office, a service, an activity)",
    "deprivation": "ends an entitlement already held (a pension, a status, property)",
    "procedural_limit": "narrows how the right is exercised but leaves an avenue open",
    "differentiation": "treats a group differently from others in a comparable position",
    "sanction": "attaches a penalty (fine, custody, criminal liability) to conduct",
}

LEGAL_GROUNDS: dict[str, str] = {
    # Ordered from the strongest ground to none.
    "express": "a law expressly provides this effect",
    "implied": "the effect is inferred from another rule",
    "none": "no rule provides it",
}

SAFEGUARDS: dict[str, str] = {
    "deferral": "payment or performance may be deferred",
    "installment": "payment in installments",
    "exemption": "exemption, e.g. for persons of low income",
    "reduction": "reduction of the amount, e.g. for persons of low income",
    "individual_assessment": "the decision weighs the individual case",
    "judicial_review": "a court may review the measure",
    "hearing": "the person affected is heard before the measure",
    "time_limit": "the measure lapses after a set time",
    "periodic_review": "the measure is reviewed at intervals",
    "alternative_avenue": "another avenue to exercise the right stays open",
}

GROUNDS_OF_DISTINCTION: dict[str, str] = {
    # Art. 14(2) of the 1995 Constitution (Art. 16 of the 2026 text) and the "other
    # circumstances" the Court has examined.
    "origin": "origin",
    "social_status": "social status",
    "official_position": "official position",
    "property_status": "property status",
    "sex": "sex",
    "race": "race",
    "nationality": "nationality",
    "language": "language",
    "religion": "attitude to religion",
    "beliefs": "beliefs",
    "place_of_residence": "place of residence",
    "marital_status": "marital status",
    "occupation": "occupation or organisational form",
    "age": "age",
    "manner_of_succession": "manner of succession (by will or by law)",
    "category_of_offence": "category of the offence",
    "other": "any other circumstance",
}

BASES: dict[str, str] = {
    "disciplinary_dismissal": "dismissal for a disciplinary offence",
    "dismissal_on_negative_grounds": "dismissal on negative grounds (service law)",
    "criminal_conviction": "a criminal conviction",
    "loss_of_special_rank": "loss of a special or military rank",
    "administrative_offence": "an administrative offence",
    "non_payment": "non-payment of a fee or a debt",
    "lack_of_registration": "acting without state registration",
    "lack_of_notification": "acting without prior notification",
    "status": "belonging to a category of persons (no conduct triggers it)",
    "conduct": "conduct the provision describes",
    "criminal_suspicion": "being suspected or accused of an offence",
    "other": "another trigger",
}

SECTORS: dict[str, str] = {
    "general_civil_service": "the general (administrative) civil service",
    "law_enforcement": "law-enforcement service",
    "military": "military service",
    "special_state_bodies": "special state bodies",
    "judiciary": "the judiciary",
    "penal_system": "institutions enforcing criminal sentences",
    "criminal_procedure": "criminal proceedings",
    "civil_procedure": "civil and administrative court proceedings",
    "land": "land use",
    "religion": "religious activity",
    "assembly": "peaceful assemblies",
    "associations": "public associations",
    "family": "family and civil status",
    "insurance": "insurance and pensions",
    "business": "entrepreneurship",
    "other": "another sector",
}

TRIGGER_SEVERITIES: dict[str, str] = {
    # Ordered from the least to the most serious.
    "minor": "a minor offence",
    "discrediting": "an offence discrediting the service",
    "criminal": "a criminal offence",
}

CLARITIES: dict[str, str] = {
    # Ordered from the clearest.
    "clear": "clear and foreseeable",
    "open_to_arbitrary_reading": "open to arbitrary reading, or states grounds without "
    "the mechanism of applying them",
    "self_contradictory": "self-contradictory",
}

JUSTIFICATIONS: dict[str, str] = {
    "stated": "an objective and reasonable justification is stated",
    "none": "no objective and reasonable justification",
}

REQUIREMENTS: dict[str, str] = {
    "fee": "a fee or duty",
    "registration": "prior state registration",
    "notification": "prior notification",
    "permit": "a permit",
    "personal_filing": "filing in person (no representative)",
    "residence": "residence for a period",
    "other": "another requirement",
}

ADDRESSEE_BREADTHS: dict[str, str] = {
    # Ordered from the narrowest.
    "individual": "named or individually determined persons",
    "specific_group": "a narrow, defined group",
    "broad_group": "a broad category of persons",
    "everyone": "everyone",
}

MAGNITUDES: dict[str, str] = {
    "fee_percent": "fee as a percentage of the claim",
    "fee_cap_mci": "cap on a fee, in monthly calculation indices (MCI)",
    "fine_mci": "fine, in MCI",
    "notice_working_days": "advance notice required, in working days",
    "min_members": "minimum number of founders or members",
    "residence_years": "years of residence required or rewarded",
    "calls_per_month": "permitted number of calls or contacts per month",
    "custody_months": "term of custody, in months",
}

STAGES: dict[str, str] = {
    # The proportionality test, in the order reports walk it.
    "legality": "restricted only by a law, with an express legal ground",
    "absolute_rights": "never-restrictable rights; no restriction on political grounds",
    "legitimate_aim": "an aim the restriction clause admits",
    "necessity": "the least restrictive means",
    "balance": "proportionality in the strict sense",
    "equality": "no distinction without objective and reasonable justification",
    "certainty": "clear and foreseeable rules",
}

DOCTRINE_OUTCOMES: dict[str, str] = {
    "violation": "the provision does not conform",
    "concern": "the provision conforms, with a recommendation",
}

VERDICT_OUTCOMES = ("does_not_conform", "conforms_with_concerns", "conforms", "open")
VerdictOutcome = Literal["does_not_conform", "conforms_with_concerns", "conforms", "open"]
# "open": no stage fails, but at least one stage of one effect is settled by nothing - no
# doctrine and no decided case; the report lists the questions (DESIGN.md, "Verdict and
# report"). It replaces 0.1.0's "not_assessed" (which said the same of whole effects).

STAGE_STATUSES: dict[str, str] = {
    "fails": "a doctrine's violation fires on the facts, or a case held not to conform is "
    "no less restrictive",
    "passes": "a doctrine covering the stage is satisfied on the facts, or a case held to "
    "conform is no more restrictive",
    "open": "nothing settles the stage; the question and the nearest cases are given",
    "not_applicable": "the stage does not concern this effect",
}
StageStatus = Literal["fails", "passes", "open", "not_applicable"]

ORDERING_AUTHORITIES: dict[str, str] = {
    # Who decides a deprivation of liberty (or another measure a court may have to order):
    # 1995 Art. 16(2) and 2026 Art. 18(2) turn on whether it is a court.
    "court": "a court (a judge)",
    "prosecutor": "a prosecutor",
    "investigator": "an investigator or inquiry body",
    "police": "the police or another law-enforcement body",
    "official": "another official or state body",
}

DURATION_UNITS: dict[str, float] = {
    # Hours in one unit. A month is 730.5 hours and a year 8766 hours (365.25 days): the
    # only use of these factors is to order terms and to compare them with a textual limit
    # stated in hours (1995 Art. 16(2): 72 hours), never to compute a date.
    "hours": 1.0,
    "days": 24.0,
    "months": 730.5,
    "years": 8766.0,
}

HOLDINGS: dict[str, str] = {
    "does_not_conform": "does not conform to the Constitution",
    "conforms": "conforms to the Constitution",
    "conforms_in_interpretation": "conforms in the Court's interpretation",
    "conforms_with_recommendations": "conforms, with recommendations",
}

READINGS: dict[str, str] = {
    # Which reading of a provision the Court interpreted a case file encodes.
    "literal": "the provision as written, before the Court's interpretation",
    "interpreted": "the provision as the Court interpreted it",
}

LANGUAGES = ("en", "ru", "kk")


# --------------------------------------------------------------------------- provisions


def _one_of(vocabulary: Mapping[str, str]) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: the value is an id of ``vocabulary`` (ValueError otherwise)."""

    def check(_instance: Any, attribute: Any, value: Any) -> None:
        if value not in vocabulary:
            raise ValueError(
                f"unknown value {value!r} for {attribute.name!r} "
                f"(expected one of: {', '.join(vocabulary)})"
            )

    return check


def _optional_one_of(vocabulary: Mapping[str, str]) -> Callable[[Any, Any, Any], None]:
    """As ``_one_of``, None allowed (the fact is not stated)."""
    check = _one_of(vocabulary)

    def optional(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _each_of(vocabulary: Mapping[str, str]) -> Callable[[Any, Any, Any], None]:
    """As ``_one_of``, for every member of a tuple."""
    check = _one_of(vocabulary)

    def each(instance: Any, attribute: Any, value: Any) -> None:
        for member in value:
            check(instance, attribute, member)

    return each


@attrs.frozen
class Location:
    """Where something was read from, for messages (1-based line)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@attrs.frozen
class Citation:
    act: str | None = None
    article: str | None = None
    paragraph: str | None = None
    subparagraph: str | None = None

    def __str__(self) -> str:
        parts = [self.act or ""]
        if self.article:
            ref = f"art. {self.article}"
            if self.paragraph:
                ref += f"({self.paragraph})"
            if self.subparagraph:
                ref += f"({self.subparagraph})"
            parts.append(ref)
        elif self.paragraph:
            parts.append(f"para. {self.paragraph}")
        return ", ".join(p for p in parts if p)


@attrs.frozen
class Duration:
    """How long an effect lasts: not time-bound, indefinite, a fixed (maximum) term, or until
    a condition.

    A fixed term is ``amount`` ``unit`` (hours, days, months or years; bill files write
    ``{hours: 72}`` or ``{years: 3}``); ``years`` is the same term in years, kept because
    doctrines and 0.1.0 bills read it. ``hours`` gives the term in hours, exactly for a term
    stated in hours or days."""

    kind: Literal["none", "indefinite", "fixed", "until_condition"] = "none"
    years: float | None = None
    until: str | None = None
    unit: str = attrs.field(default="years", validator=attrs.validators.in_(DURATION_UNITS))
    amount: float | None = None

    def __attrs_post_init__(self) -> None:
        if (self.kind == "fixed") != (self.years is not None):
            raise ValueError("a fixed duration has years, and only a fixed duration has them")
        if self.kind == "fixed" and self.amount is None:
            object.__setattr__(self, "amount", self.years)

    @classmethod
    def term(cls, amount: float, unit: str) -> Duration:
        """A fixed term of ``amount`` ``unit``; ValueError for an unknown unit."""
        if unit not in DURATION_UNITS:
            raise ValueError(f"unknown unit {unit!r}")
        years = amount * DURATION_UNITS[unit] / DURATION_UNITS["years"]
        return cls("fixed", years=years, unit=unit, amount=amount)

    @property
    def hours(self) -> float | None:
        """The fixed term in hours (None unless fixed)."""
        if self.kind != "fixed" or self.amount is None:
            return None
        return self.amount * DURATION_UNITS[self.unit]

    def __str__(self) -> str:
        if self.kind == "fixed":
            amount = f"{self.amount:g}"
            unit = self.unit[:-1] if amount == "1" else self.unit
            return f"{amount} {unit}"
        if self.kind == "until_condition":
            return f"until {self.until}"
        return {"none": "not time-bound", "indefinite": "indefinite"}[self.kind]


@attrs.frozen
class Addressees:
    label: str | None = None
    category: str | None = None
    breadth: str | None = None


@attrs.frozen
class Effect:
    """One effect of a provision on one constitutional right.

    Every closed vocabulary is checked here, whoever builds the effect (the loader, the
    strategies, a test): ``Effect(right="x", kind="bann")`` raises ValueError rather than
    evaluating to an open verdict. ``right`` and ``aims`` are checked against the catalogue
    by the loader (the catalogue is data, not part of the model)."""

    right: str
    kind: str = attrs.field(validator=_one_of(EFFECT_KINDS))
    addressees: Addressees = Addressees()
    basis: str | None = attrs.field(default=None, validator=_optional_one_of(BASES))
    duration: Duration = Duration()
    aims: tuple[str, ...] = ()
    legal_ground: str = attrs.field(default="express", validator=_one_of(LEGAL_GROUNDS))
    safeguards: tuple[str, ...] = attrs.field(default=(), validator=_each_of(SAFEGUARDS))
    grounds_of_distinction: tuple[str, ...] = attrs.field(
        default=(), validator=_each_of(GROUNDS_OF_DISTINCTION)
    )
    political_grounds: bool = False
    magnitude: tuple[tuple[str, float], ...] = ()  # sorted (name, value) pairs
    sector: str | None = attrs.field(default=None, validator=_optional_one_of(SECTORS))
    trigger_severity: str | None = attrs.field(
        default=None, validator=_optional_one_of(TRIGGER_SEVERITIES)
    )
    # None: not stated (the certainty stage then stays open)
    clarity: str | None = attrs.field(default=None, validator=_optional_one_of(CLARITIES))
    justification: str | None = attrs.field(
        default=None, validator=_optional_one_of(JUSTIFICATIONS)
    )
    requirement: str | None = attrs.field(default=None, validator=_optional_one_of(REQUIREMENTS))
    # a by-law the law leaves the substance of the effect to
    delegated_to: str | None = attrs.field(default=None, validator=_optional_one_of(INSTRUMENTS))
    # who decides the measure
    ordered_by: str | None = attrs.field(
        default=None, validator=_optional_one_of(ORDERING_AUTHORITIES)
    )
    location: Location | None = attrs.field(default=None, eq=False)

    def label(self) -> str:
        return f"{self.right}, {self.kind}"

    def magnitude_of(self, name: str) -> float | None:
        """The magnitude called ``name``, or None when the effect does not state it."""
        for key, value in self.magnitude:
            if key == name:
                return value
        return None


@attrs.frozen
class Provision:
    """A provision of a law (real or drafted), described by facts, not by its text."""

    id: str
    instrument: str = attrs.field(validator=_one_of(INSTRUMENTS))
    effects: tuple[Effect, ...] = attrs.field()
    title: str | None = None
    citation: Citation = Citation()
    text: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)

    @effects.validator
    def _has_effects(self, _attr: object, value: tuple[Effect, ...]) -> None:
        if not value:
            raise ValueError("a provision needs at least one effect")


@attrs.frozen
class Bill:
    provisions: tuple[Provision, ...]
    path: str
    title: str | None = None
    as_of: dt.date | None = None


# --------------------------------------------------------------------------- doctrines


@attrs.frozen
class Texts:
    """A text in English and Russian, and Kazakh where the author gave it."""

    en: str
    ru: str
    kk: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``; Kazakh missing, the Russian text behind the visible marker
        ``[ru] `` (``tarazy doctrine lint`` warns of it: no-kk)."""
        if lang == "kk" and self.kk:
            return self.kk
        if lang == "kk":
            return "[ru] " + self.ru
        if lang == "ru":
            return self.ru
        return self.en


@attrs.frozen
class EditionBasis:
    """What a doctrine rests on under one edition of the Constitution."""

    edition: str
    articles: tuple[str, ...]
    status: Literal["same", "changed", "lapsed"] = "same"
    note: str | None = None
    carried_by: tuple[str, ...] = ()  # doctrines that still carry results this basis lost

    @property
    def applies(self) -> bool:
        return self.status != "lapsed"


@attrs.frozen(cache_hash=True)  # a dict key on the hot path; its conditions hash deep
class Doctrine:
    """One rule drawn from the Court's rulings, as data (see DESIGN.md, "Doctrine")."""

    id: str
    title: Texts
    stage: str
    outcome: Literal["violation", "concern"]
    basis: tuple[EditionBasis, ...]
    rulings: tuple[str, ...]
    effective: dt.date
    when: Condition
    reason: Texts
    remedy: Texts
    unless: Condition | None = None
    dimensions: tuple[str, ...] = ()
    not_decided: str | None = None
    # Where the facts the doctrine needs are not stated, it settles nothing: ``open_when``
    # holds, and the stage stays open with ``question`` put to the drafter.
    open_when: Condition | None = None
    question: Texts | None = None
    # General doctrines at the same stage that this special one displaces wherever its
    # ``when`` holds (the special over the general); they are reported as defeated.
    specialises: tuple[str, ...] = ()
    location: Location | None = attrs.field(default=None, eq=False)

    def basis_for(self, edition: str) -> EditionBasis | None:
        return next((b for b in self.basis if b.edition == edition), None)

    def applies_under(self, edition: str) -> bool:
        basis = self.basis_for(edition)
        return basis is not None and basis.applies


@attrs.frozen
class DoctrineSet:
    """The doctrines loaded from one directory, in file-name order."""

    doctrines: tuple[Doctrine, ...]
    source: str
    digest: str  # content hash of the files, for naming compiled rulesets

    def __attrs_post_init__(self) -> None:
        ids = [d.id for d in self.doctrines]
        if len(ids) != len(set(ids)):
            raise ValueError("doctrine ids must be unique")

    def get(self, doctrine_id: str) -> Doctrine:
        for doctrine in self.doctrines:
            if doctrine.id == doctrine_id:
                return doctrine
        raise KeyError(doctrine_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.doctrines)


@attrs.frozen
class DoctrineExample:
    """One example next to a doctrine: a provision and what the doctrine must do with it."""

    doctrine: str
    why: str
    as_of: dt.date
    expect: Literal["fires", "open", "passes", "does_not_apply"]
    provision: Provision
    location: Location | None = attrs.field(default=None, eq=False)
    # the verdict of the whole doctrine set (with the case base) the example expects, when it
    # states one: what the rulings say of the provision, not only what its doctrine does
    verdict: str | None = None


# --------------------------------------------------------------------------- verdicts


@attrs.frozen
class Finding:
    """A doctrine that fired on one effect of a provision, or a decided case that settles a
    stage against it (then ``doctrine`` is ``precedent:<case id>`` and ``case`` names it)."""

    doctrine: str
    stage: str
    outcome: Literal["violation", "concern"]
    effect: int  # 0-based index into Provision.effects
    reason: str
    articles: tuple[str, ...]
    rulings: tuple[str, ...]
    remedy: str
    case: str | None = None


@attrs.frozen
class Passed:
    """A doctrine that applied to an effect (0-based) and did not fire: in
    ``Verdict.passed`` its exception held, in ``Verdict.opened`` its ``open_when`` did."""

    doctrine: str
    stage: str
    effect: int


@attrs.frozen
class Defeated:
    """A doctrine that applied to an effect but does not count, and why: displaced by a
    special doctrine, or a concern on an effect that already fails a stage."""

    doctrine: str
    stage: str
    effect: int
    by: str  # the doctrine (or "violation") that defeated it
    why: str


@attrs.frozen
class NearestCase:
    """The most on-point decided case on one side of an open question."""

    case: str
    holding: str
    effect: int  # 0-based effect of the case
    distinctions: tuple[str, ...]  # the fields or dimensions on which the two differ
    note: str | None = None


@attrs.frozen
class StageResult:
    """One stage of the proportionality test for one effect: its status and what settled it.

    ``source`` is ``doctrine`` (``doctrines`` lists them, ``facts`` the facts they read),
    ``precedent`` (``cases`` lists the decided cases, ``dimensions`` what was compared) or
    ``none``. An open stage carries its ``questions`` and the ``nearest`` case each side."""

    stage: str
    status: StageStatus
    source: Literal["doctrine", "precedent", "none"] = "none"
    doctrines: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    dimensions: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    nearest: tuple[NearestCase, ...] = ()
    concerns: tuple[str, ...] = ()  # doctrines or cases whose concern is attached here


@attrs.frozen
class EffectStages:
    """The stage table of one effect (0-based ``effect``), in the order of STAGES."""

    effect: int
    stages: tuple[StageResult, ...]

    def status(self, stage: str) -> StageStatus:
        """The status of one stage; KeyError for an unknown stage."""
        for result in self.stages:
            if result.stage == stage:
                return result.status
        raise KeyError(stage)

    @property
    def open(self) -> tuple[str, ...]:
        return tuple(r.stage for r in self.stages if r.status == "open")


@attrs.frozen
class Verdict:
    """What the test gives for one provision: the outcome, the stage table of each effect,
    the findings (violations and concerns, doctrines or precedents), the doctrines that
    applied and passed, and those defeated. ``unassessed`` lists the effects (0-based) with at
    least one open stage."""

    provision: Provision
    outcome: VerdictOutcome
    edition: str
    as_of: dt.date
    findings: tuple[Finding, ...]
    passed: tuple[Passed, ...]
    unassessed: tuple[int, ...]
    stages: tuple[EffectStages, ...] = ()
    defeated: tuple[Defeated, ...] = ()
    opened: tuple[Passed, ...] = ()  # doctrines that applied but lacked the facts they need

    @property
    def fired(self) -> frozenset[str]:
        return frozenset(f.doctrine for f in self.findings if f.case is None)


# --------------------------------------------------------------------------- cases


@attrs.frozen
class Remedy:
    text: str | None = None
    deadline_months: int | None = None


@attrs.frozen
class Case:
    """One decided ruling of the Court (see DESIGN.md, "A case file")."""

    id: str
    court: str
    number: str
    date: dt.date
    title: str
    source: str
    constitution: str
    holding: str
    relied_on: tuple[str, ...]
    provision: Provision
    remedy: Remedy = Remedy()
    assumptions: tuple[str, ...] = ()
    petitioner: str | None = None
    scope: str | None = None
    notes: str | None = None
    models_reading: str | None = None  # READINGS; for conforms_in_interpretation holdings
    open_reason: str | None = None  # why the engine's result is a known open one
    location: Location | None = attrs.field(default=None, eq=False)
