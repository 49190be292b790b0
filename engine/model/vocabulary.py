"""The closed vocabularies of the model: each maps an id to a one-line English description.

The descriptions are used in the published schemas and in `tarazy` help. Order matters where
a vocabulary is ordered (stated at the vocabulary). Vocabularies are closed on purpose: a
misspelt value in a bill (``kind: bann``) or in a doctrine must be a load error, never a value
that silently matches nothing. New values may be added; existing ones are never renamed (the
file-format contract).
"""

from __future__ import annotations

from typing import Literal

INSTRUMENTS: dict[str, str] = {
    # Highest rank first (Law on Legal Acts, art. 10). The first three are "laws" for
    # Art. 39(1) of the 1995 Constitution and Art. 41(1) of the 2026 Constitution.
    "constitutional_law": "constitutional law",
    "code": "code",
    "law": "law",
    # 2026 Art. 60(4) (K2026, third-party copy of the official text): the Government may adopt,
    # on its own responsibility, temporary normative acts having the force of law on matters
    # of Art. 60(3). No 1995 counterpart. Whether such an act is a "law" for Art. 41(1) is
    # open: no ruling has decided it (docs/sources.md, section 6).
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

TRIGGERS: dict[str, str] = {
    # What triggers an effect (the bill key ``trigger``; before 0.3 ``basis``).
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
# doctrine and no decided case; the report lists the questions (docs/design.md, "The
# verdict and the report"). It replaces 0.1.0's "not_assessed" (which said the same of
# whole effects).

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
