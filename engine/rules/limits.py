"""durable_rules 2.0.28's fixed limits, and a condition split into rules that fit them.

durable's C core keeps its alpha network in fixed-size lists; some overflows it checks (an
error code), others write past the list (random crashes). ``Network`` models the network
``createAlpha`` (rete.c) builds, node for node, so that a ruleset that would overflow one
of them is never given to durable; ``split_rule`` cuts a condition too large for one rule
into rules whose disjunction it is. Imports nothing of durable_rules: the limits are read
from its C sources and probed by tests/test_limits.py.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import attrs

from tarazy.engine.model.conditions import Condition
from tarazy.engine.rules.translating import (
    SENTINEL,
    TYPE_FIELD,
    Json,
    Rank,
    conjunction,
    to_durable,
)

# durable_rules 2.0.28's fixed limits, read from its C sources (src/rules/ of the sdist) and
# probed by tests/test_limits.py just below and just above each:
MAX_SEQUENCE_EXPRESSIONS = 32  # rete.h; rete.c: a rule whose $and/$or operators give 32
#   entries (two per operator) fails with ERR_EXPRESSION_LIMIT_EXCEEDED (113)
BETA_LIST_LENGTH = 256  # rules.h: rules ending at one alpha node; the 257th: error 108
NEXT_LIST_LENGTH = 128  # rules.h: $or and $nex links from one alpha node; the 129th: error 107
NEXT_BUCKET_LENGTH = 512  # rules.h: distinct tests below one alpha node; then error 106
MAX_STACK_SIZE = 64  # events.c: alpha nodes pending while one fact is matched; error 303
MAX_OBJECT_PROPERTIES = 255  # state.h: properties of one fact or one session state; error 302
STATE_OVERHEAD = 4  # measured: a state holds sid, id, $s and 251 keys; the 252nd key fails
#   (302), and many more can crash the process (SIGSEGV), so sessions stay within 251
FACT_OVERHEAD = 3  # t, i and sid on every fact
MAX_KEYS_PER_RULESET = 200  # record keys (doctrine conditions) per ruleset: one effect's
#   worst case (every key matched) stays well inside a session state
MAX_PIECES = 512  # rules one condition may be split into before it is refused at load


class LimitError(ValueError):
    """A condition durable_rules cannot hold even alone, split as far as it can be."""


@attrs.define
class _Alpha:
    op: str = ""
    children: dict[tuple[str, str, str], int] = attrs.Factory(dict)
    nexts: list[int] = attrs.Factory(list)
    betas: int = 0


class Network:
    """A model of the alpha network durable's ``createAlpha`` (rete.c) builds, node for node,
    to count what its fixed-size lists would hold before durable is given a ruleset: a
    ruleset that would overflow one of them is never registered (some overflows are
    checked by durable, others write past the list: R11's random crashes)."""

    def __init__(self) -> None:
        self.alphas = [_Alpha()]  # the root
        self.keys: set[str] = set()
        self.read: set[str] = set()

    def _new(self, op: str) -> int:
        self.alphas.append(_Alpha(op))
        return len(self.alphas) - 1

    def _link(self, parent: int, child: int | None) -> None:
        if child is None:
            self.alphas[parent].betas += 1
        elif self.alphas[child].op in ("$nex", "forward"):
            self.alphas[parent].nexts.append(child)

    def _create(self, expr: Json, parent: int, link_beta: bool) -> int:
        ((name, value),) = expr.items()
        if name == "$and":
            result = parent
            for part in value:
                result = self._create(part, result, False)
        elif name == "$or":
            result = self._new("forward")
            for part in value:
                self._link(self._create(part, parent, False), result)
        else:
            op, (field, operand) = (
                (name, next(iter(value.items())))
                if name.startswith("$")
                else ("$eq", (name, value))
            )
            self.read.add(field)
            key = (field, op, json.dumps(operand))
            found = self.alphas[parent].children.get(key)
            if found is None:
                found = self._new(op)
                self.alphas[parent].children[key] = found
                self._link(parent, found)
            result = found
        if link_beta:
            self._link(result, None)
        return result

    def add(self, expr: Json, key: str) -> None:
        """Add one rule (its ``m`` expression), recording ``key``."""
        self._create(expr, 0, True)
        self.keys.add(key)

    def fits(self) -> bool:
        """Whether durable can hold this network and match any fact through it."""
        if len(self.keys) > MAX_KEYS_PER_RULESET:
            return False
        if len(self.read) + FACT_OVERHEAD > MAX_OBJECT_PROPERTIES:
            return False
        for alpha in self.alphas:
            if alpha.betas > BETA_LIST_LENGTH or len(alpha.nexts) > NEXT_LIST_LENGTH:
                return False
            if sum(op != "$nex" for _, op, _ in alpha.children) > NEXT_BUCKET_LENGTH:
                return False
        return self._stack(0, {}) <= MAX_STACK_SIZE

    def _stack(self, node: int, memo: dict[int, int]) -> int:
        """An upper bound of the stack ``handleAlpha`` (events.c) needs below ``node``:
        every child that can match at once is pushed — one per field for equality tests,
        all of the others — and every $or/$nex link."""
        if node in memo:
            return memo[node]
        alpha = self.alphas[node]
        fields_eq: set[str] = set()
        pushed = len(alpha.nexts)
        for field, op, _ in alpha.children:
            if op == "$eq":
                fields_eq.add(field)
            elif op != "$nex":  # $nex children are pushed through ``nexts``
                pushed += 1
        pushed += len(fields_eq)
        hashed = [c for (_, op, _), c in alpha.children.items() if op != "$nex"]
        below = [*hashed, *alpha.nexts]
        deepest = max((self._stack(c, memo) for c in below), default=0)
        memo[node] = max(pushed, pushed - 1 + deepest) if below else 0
        return memo[node]


def operators(expr: Json) -> int:
    """The number of ``$and``/``$or`` operators in ``expr`` (durable stores two entries
    per operator, ``MAX_SEQUENCE_EXPRESSIONS`` in all)."""
    ((name, value),) = expr.items()
    if name in ("$and", "$or"):
        return 1 + sum(operators(part) for part in value)
    return 0


def rule_fits(expr: Json) -> bool:
    """Whether ``expr``, as the one rule of a ruleset with the sentinel rule, fits every
    fixed limit of durable_rules (``MAX_SEQUENCE_EXPRESSIONS`` and ``Network.fits``)."""
    if 2 * operators(expr) >= MAX_SEQUENCE_EXPRESSIONS:
        return False
    network = Network()
    network.add({TYPE_FIELD: "effect"}, SENTINEL)
    network.add(expr, "k")
    return network.fits()


def _conjuncts(expr: Json) -> list[Json]:
    return [c for part in expr["$and"] for c in _conjuncts(part)] if "$and" in expr else [expr]


def _flat_and(parts: Sequence[Json]) -> Json:
    return conjunction(_unique([c for part in parts for c in _conjuncts(part)]))


def _unique(parts: Sequence[Json]) -> list[Json]:
    seen: set[str] = set()
    kept = []
    for part in parts:
        text = json.dumps(part, sort_keys=True)
        if text not in seen:
            seen.add(text)
            kept.append(part)
    return kept


def split_rule(expr: Json) -> list[Json]:
    """A rule's expression as rules durable can hold, whose disjunction it is: kept whole
    if it fits, else its top $or split into one rule per alternative, or the first $or
    inside its top $and distributed over it, as far as needed (at most ``MAX_PIECES``)."""
    pending, done = [expr], []
    while pending:
        current = pending.pop()
        if rule_fits(current):
            done.append(current)
            continue
        ((name, value),) = current.items()
        if name == "$and":
            flat = _flat_and(value)  # nested $and inline: one operator each saved
            value = _conjuncts(flat)
        if name == "$or":
            pending += _unique(value)
        elif name == "$and" and any("$or" in part for part in value):
            i = next(k for k, part in enumerate(value) if "$or" in part)
            pending += [
                _flat_and([*value[:i], alt, *value[i + 1 :]]) for alt in _unique(value[i]["$or"])
            ]
        else:
            raise LimitError("a condition too large for durable_rules even when split")
        if len(done) + len(pending) > MAX_PIECES:
            raise LimitError(
                f"a condition that durable_rules can hold only as more than {MAX_PIECES} rules"
            )
    return done[::-1]


def rule_expression(condition: Condition, rank: Rank | None) -> Json:
    """A condition as the ``m`` expression of its rule: the effect-type test and the
    condition (numbers as their ranks when ``rank`` is given), nested ``$and`` flattened."""
    return _flat_and([{TYPE_FIELD: "effect"}, to_durable(condition, rank=rank)])


def check_condition(condition: Condition) -> None:
    """Raise ``LimitError`` when a doctrine condition cannot be compiled at all (the loader
    turns it into a load error with file and line); every condition that passes compiles."""
    split_rule(rule_expression(condition, None))
