"""Doctrine conditions → durable_rules rulesets. The only module that imports durable.

One doctrine set compiles to one ruleset with two rules per doctrine (its ``when`` and,
if it has one, its ``unless``) and a sentinel rule that every effect matches. Each rule's
action records, in the session state, which effect it matched; the evaluator reads
the returned state. Conditions compile to durable's JSON condition language after
negation is pushed down to the leaves.

The sharp edges of durable_rules 2.0.28 (docs/durable-rules.md, section 2) and how
this adapter handles each:

* ruleset names are global to a host and cannot be unregistered: every compiled set
  gets a host of its own, so loading the same doctrines twice works, and ``close()``
  frees the C ruleset;
* the host's background threads can take an action before the caller: this host never
  starts them (``_run`` is a no-op), so every action runs inside ``assert_facts``;
* an exception inside an action is swallowed into ``state['exception']``, an unmatched
  fact raises, and identical facts raise: each fact carries its effect's index and the
  sentinel rule matches every fact; a result without the sentinel's mark for every
  effect, or with an exception, raises ``EngineError`` instead of becoming a verdict;
* one fresh session per provision, deleted in ``finally``: nothing leaks between
  provisions, the 1,024-session cap is never reached, and the 32-bit fact-hash
  collisions seen in huge sessions cannot occur;
* loose typing (``'3' == 3``): facts are typed by the loader before they get here;
  list fields are asserted as one boolean per value a condition tests, so no array
  operator (with its empty-list quirks) is ever used.

Only the fields the doctrines' conditions read are asserted: bench/bench.py measures
a fact of every field at about a third more time per provision.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import durable_rules_engine
from durable import engine as durable_engine

from tarazy.engine.model import DoctrineSet
from tarazy.engine.model.conditions import AllOf, AnyOf, Condition, FieldSpec, Not, Test, tests_of
from tarazy.engine.model.errors import EngineError
from tarazy.engine.model.facts import Facts
from tarazy.engine.rules.matching import Match, Role

Json = dict[str, Any]

_TYPE_FIELD = "t"
_INDEX_FIELD = "i"
_SENTINEL = "seen"
_sessions = itertools.count(1)
_rulesets = itertools.count(1)

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


class _Network:
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


def _operators(expr: Json) -> int:
    ((name, value),) = expr.items()
    if name in ("$and", "$or"):
        return 1 + sum(_operators(part) for part in value)
    return 0


def _rule_fits(expr: Json) -> bool:
    if 2 * _operators(expr) >= MAX_SEQUENCE_EXPRESSIONS:
        return False
    network = _Network()
    network.add({_TYPE_FIELD: "effect"}, _SENTINEL)
    network.add(expr, "k")
    return network.fits()


def _conjuncts(expr: Json) -> list[Json]:
    return [c for part in expr["$and"] for c in _conjuncts(part)] if "$and" in expr else [expr]


def _flat_and(parts: Sequence[Json]) -> Json:
    return _and(_unique([c for part in parts for c in _conjuncts(part)]))


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
        if _rule_fits(current):
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


def _rule_expression(condition: Condition, rank: Rank | None) -> Json:
    return _flat_and([{_TYPE_FIELD: "effect"}, to_durable(condition, rank=rank)])


def check_condition(condition: Condition) -> None:
    """Raise ``LimitError`` when a doctrine condition cannot be compiled at all (the loader
    turns it into a load error with file and line); every condition that passes compiles."""
    split_rule(_rule_expression(condition, None))


class _QuietHost(durable_engine.Host):  # type: ignore[misc]
    """A durable host that never starts its background dispatch threads.

    Without them no action can run outside the caller's ``assert_facts``; the timers they
    drive are not used by tarazy."""

    def _run(self) -> None:
        pass


@attrs.frozen
class RulePart:
    doctrine: str
    role: Role


# --------------------------------------------------------------------------- conditions


def _set_key(field: str, value: str) -> str:
    return f"{field}__{value}"


def _or(parts: list[Json]) -> Json:
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _and(parts: list[Json]) -> Json:
    return parts[0] if len(parts) == 1 else {"$and": parts}


_NUMBER_OPS = {"gt": "$gt", "ge": "$gte", "lt": "$lt", "le": "$lte"}
_NUMBER_NEGATION = {"gt": "le", "ge": "lt", "lt": "ge", "le": "gt"}


Rank = Callable[[str, float], int]


def _test(test: Test, negated: bool) -> Json:
    field, op, value = test.field, test.op, test.value
    if op in ("eq", "ne"):
        equal = (op == "eq") != negated
        return {field: value} if equal else {"$neq": {field: value}}
    if op in ("in", "not_in"):
        assert isinstance(value, tuple)
        inside = (op == "in") != negated
        if inside:
            return _or([{field: v} for v in value])
        return _and([{"$neq": {field: v}} for v in value])
    if op in _NUMBER_OPS:
        if not negated:
            return {_NUMBER_OPS[op]: {field: value}}
        # Not (x > v) holds when x <= v, or when the provision states no x at all.
        return _or([{_NUMBER_OPS[_NUMBER_NEGATION[op]]: {field: value}}, {"$nex": {field: 1}}])
    assert isinstance(value, tuple)
    present = [{_set_key(field, v): True} for v in value]
    absent = [{_set_key(field, v): False} for v in value]
    if op == "has_any":
        return _and(absent) if negated else _or(present)
    if op == "has_all":
        return _or(absent) if negated else _and(present)
    if op == "has_none":
        return _or(present) if negated else _and(absent)
    raise ValueError(f"unknown operator {op}")


def to_durable(condition: Condition, negated: bool = False, rank: Rank | None = None) -> Json:
    """A condition as a durable_rules JSON expression, negation pushed to the leaves.

    With ``rank``, numbers are written as their ranks among the thresholds (see
    ``Thresholds``), which durable's parser always reads."""
    if isinstance(condition, Test):
        expr = _test(condition, negated)
        return expr if rank is None else _ranked(expr, rank)
    if isinstance(condition, Not):
        return to_durable(condition.part, not negated, rank)
    parts = [to_durable(p, negated, rank) for p in condition.parts]
    conjunctive = isinstance(condition, AllOf) != negated
    assert isinstance(condition, AllOf | AnyOf)
    return _and(parts) if conjunctive else _or(parts)


class Thresholds:
    """Numbers as durable_rules can read them: each number as its rank among the thresholds
    the doctrines compare that field with.

    durable's JSON parser (json.c, ``getNumber``) reads an exponent only after a decimal
    point, so Python's ``1e-05`` or ``1e+16`` crashes the process or fails the ruleset (r1);
    it stores integers as C ``long`` and doubles through ``atof``. A rank is a small integer
    that preserves every comparison a doctrine makes: for thresholds t0 < t1 < ..., a value
    below t0 is 0, t0 itself 1, between t0 and t1 2, t1 3, and so on — so ``x > t`` holds
    exactly when ``rank(x) > rank(t)``, for any finite float, however written."""

    def __init__(self, conditions: Sequence[Condition | None]) -> None:
        found: dict[str, set[float]] = {}
        for condition in conditions:
            for test in tests_of(condition):
                if test.op in _NUMBER_OPS:
                    assert isinstance(test.value, int | float)
                    found.setdefault(test.field, set()).add(float(test.value))
        self.points = {k: sorted(v) for k, v in found.items()}

    def rank(self, field: str, value: float) -> int:
        """The rank of ``value`` among ``field``'s thresholds (odd when equal to one)."""
        points = self.points.get(field, [])
        i = bisect.bisect_left(points, float(value))
        return 2 * i + 1 if i < len(points) and points[i] == value else 2 * i


_COMPARISONS = frozenset(_NUMBER_OPS.values())


def _ranked(expr: Json, rank: Rank) -> Json:
    """``expr`` with every number it compares replaced by its rank."""
    ((name, value),) = expr.items()
    if name in ("$and", "$or"):
        return {name: [_ranked(part, rank) for part in value]}
    if name in _COMPARISONS:
        ((field, number),) = value.items()
        return {name: {field: rank(field, number)}}
    return expr


def encode(
    facts: Facts,
    index: int,
    fields: Mapping[str, FieldSpec],
    read: Mapping[str, frozenset[str]] | None = None,
    thresholds: Thresholds | None = None,
) -> Json:
    """One effect's facts as a durable fact: list fields become one boolean per value,
    an unstated number is left out (so ``$nex`` sees it as absent). With ``read`` (field →
    the list values tested), only what some condition reads is asserted; with
    ``thresholds``, numbers are asserted as their ranks."""
    fact: Json = {_TYPE_FIELD: "effect", _INDEX_FIELD: index}
    for name, spec in fields.items():
        if read is not None and name not in read:
            continue
        value = facts[name]
        if spec.type == "set":
            assert isinstance(value, frozenset)
            members = spec.values if read is None else sorted(read[name])
            for member in members:
                fact[_set_key(name, member)] = member in value
        elif value is not None:
            if spec.type == "number" and thresholds is not None:
                assert isinstance(value, int | float)
                value = thresholds.rank(name, value)
            fact[name] = value
    return fact


# --------------------------------------------------------------------------- rulesets


# An action's message starts with its rule and the matched fact, whose first fields are
# the type and the index (encode writes them first; durable echoes the fact as asserted).
_MESSAGE = re.compile(r'\{"(\w+)":\{"m":\{"t": ?"effect", ?"i": ?(\d+)[,}]')


def _action(message: str) -> tuple[str, int]:
    """(rule key, effect index) of one action message from durable."""
    found = _MESSAGE.match(message)
    if found:
        return found.group(1), int(found.group(2))
    ((key, body),) = json.loads(message).items()  # any other layout: read it in full
    return str(key), int(body["m"][_INDEX_FIELD])


@attrs.frozen
class _Closure:
    """What an action sees of durable's closure: the session state and the matched fact."""

    s: dict[str, Any]
    m: dict[str, Any]


def _recorder(key: str) -> Callable[[Any], None]:
    # durable calls an action with one argument (two would make it asynchronous).
    def action(c: Any) -> None:
        c.s[f"{key}_{c.m[_INDEX_FIELD]}"] = 1

    return action


@attrs.frozen
class _Ruleset:
    name: str
    host: Any
    handle: Any  # durable's C handle of the ruleset
    actions: dict[str, Callable[[Any], None]]  # rule key -> its recorder
    keys: tuple[int, ...]  # the indices of the parts this ruleset records
    read: dict[str, frozenset[str]]
    per_session: int  # effects asserted per session, so the state stays within its limit


class CompiledRules:
    """A doctrine set compiled to durable_rules rulesets, each on a host of its own.

    Usually one ruleset. A condition too large for one durable rule is split into several
    rules recording the same key (``split_rule``); rules are packed into as many rulesets
    as durable's fixed lists need (``_Network``); effects are asserted in sessions small
    enough that every match fits the 255-property session state. Each ruleset has its own
    sentinel, so a result missing any action's mark is still refused."""

    def __init__(self, doctrines: DoctrineSet, fields: Mapping[str, FieldSpec]) -> None:
        self.fields = dict(fields)
        conditions = [c for d in doctrines.doctrines for c in (d.when, d.unless, d.open_when)]
        self.thresholds = Thresholds(conditions)
        parts: list[RulePart] = []
        rules: list[tuple[int, Json]] = []
        for doctrine in doctrines.doctrines:
            for role, condition in (
                ("when", doctrine.when),
                ("unless", doctrine.unless),
                ("open_when", doctrine.open_when),
            ):
                if condition is None:
                    continue
                k = len(parts)
                parts.append(RulePart(doctrine.id, role))  # type: ignore[arg-type]
                try:
                    pieces = split_rule(_rule_expression(condition, self.thresholds.rank))
                except LimitError as exc:  # the loader refuses these first
                    raise EngineError(f"doctrine {doctrine.id}, {role}: {exc}") from exc
                rules += [(k, piece) for piece in pieces]
        self.parts = tuple(parts)
        # Only the fields (and list values) some condition tests are asserted: a smaller fact
        # is a faster one, and a field no rule reads cannot change a match.
        read: dict[str, set[str]] = {}
        for doctrine in doctrines.doctrines:
            for test in (
                *tests_of(doctrine.when),
                *tests_of(doctrine.unless),
                *tests_of(doctrine.open_when),
            ):
                values = read.setdefault(test.field, set())
                if isinstance(test.value, tuple):
                    values.update(test.value)
        self.read = {k: frozenset(v) for k, v in read.items()}
        self.name = f"tarazy_{doctrines.digest}_{next(_rulesets)}"
        self._rulesets: list[_Ruleset] = []
        self._closed = False
        try:
            for group in self._pack(rules):
                self._register(group)
        except BaseException:
            self.close()
            raise

    @staticmethod
    def _new_network() -> _Network:
        network = _Network()
        network.add({_TYPE_FIELD: "effect"}, _SENTINEL)
        return network

    def _pack(self, rules: Sequence[tuple[int, Json]]) -> list[list[tuple[int, Json]]]:
        """Rules in groups durable can hold, in order; a new group when one would overflow."""
        groups: list[list[tuple[int, Json]]] = [[]]
        network = self._new_network()
        for k, expr in rules:
            network.add(expr, f"r{k}")
            if network.fits():
                groups[-1].append((k, expr))
                continue
            network = self._new_network()  # the rule starts a ruleset of its own
            network.add(expr, f"r{k}")
            groups.append([(k, expr)])
        return groups

    def _register(self, group: Sequence[tuple[int, Json]]) -> None:
        definition: Json = {
            _SENTINEL: {"all": [{"m": {_TYPE_FIELD: "effect"}}], "run": _recorder(_SENTINEL)}
        }
        keys: set[int] = set()
        read: dict[str, set[str]] = {}
        for n, (k, expr) in enumerate(group):
            keys.add(k)
            definition[f"r{k}_{n}"] = {"all": [{"m": expr}], "run": _recorder(f"r{k}")}
            for field in _fields_of(expr):
                base, _, member = field.partition("__")
                values = read.setdefault(base, set())
                if member:
                    values.add(member)
        name = f"{self.name}_{len(self._rulesets)}"
        actions = {key: rule["run"] for key, rule in definition.items()}  # before durable's
        host = _QuietHost()  # registration takes them out of the definition
        host.register_rulesets({name: definition})
        budget = MAX_OBJECT_PROPERTIES - STATE_OVERHEAD
        self._rulesets.append(
            _Ruleset(
                name=name,
                host=host,
                handle=host.get_ruleset(name)._handle,
                actions=actions,
                keys=tuple(sorted(keys)),
                read={f: frozenset(v) for f, v in read.items() if f != _TYPE_FIELD},
                per_session=max(1, budget // (1 + len(keys))),
            )
        )

    @property
    def ruleset_count(self) -> int:
        """How many durable rulesets the doctrine set needed (1 unless it is very large)."""
        return len(self._rulesets)

    def match(self, effects: Sequence[Facts]) -> list[Match]:
        """For each effect, the (doctrine, when/unless) conditions it satisfies."""
        if self._closed:
            raise EngineError("the compiled ruleset was closed")
        hits: list[set[tuple[str, Role]]] = [set() for _ in effects]
        for ruleset in self._rulesets:
            for start in range(0, len(effects), ruleset.per_session):
                chunk = range(start, min(len(effects), start + ruleset.per_session))
                sid = str(next(_sessions))
                batch = [
                    {
                        **encode(effects[i], i, self.fields, ruleset.read, self.thresholds),
                        "sid": sid,
                    }
                    for i in chunk
                ]
                try:
                    state = self._run(ruleset, sid, json.dumps(batch, ensure_ascii=False))
                except EngineError:
                    raise
                except Exception as exc:  # durable's own exceptions carry no useful type
                    raise EngineError(f"durable_rules refused the facts: {exc}") from exc
                finally:
                    with contextlib.suppress(Exception):  # a state already gone is fine
                        durable_rules_engine.delete_state(ruleset.handle, sid)
                for i, found in zip(
                    chunk, self._read(state, sid, chunk, ruleset.keys), strict=True
                ):
                    hits[i] |= found
        return [frozenset(h) for h in hits]

    def _run(self, ruleset: _Ruleset, sid: str, facts: str) -> dict[str, Any]:
        """Assert the facts and take every action they trigger, through durable's C entry
        points: what ``Host.assert_facts`` does, less its per-action cost (a closure, the
        whole session state serialised to JSON and back, ``update_state``) - the actions
        only record a mark, so they write it into a plain dict here instead."""
        handle = ruleset.handle
        code, state_handle = durable_rules_engine.assert_facts(handle, facts)[:2]
        if code in (1, 2):  # not handled / already observed, as Host.assert_facts raises
            kind = "no rule took the facts" if code == 1 else "a fact was already observed"
            raise EngineError(f"durable_rules refused the facts: {kind}")
        state: dict[str, Any] = {"sid": sid}
        started = durable_rules_engine.start_action_for_state(handle, state_handle)
        message = started[1] if started else None
        while message:
            key, index = _action(message)
            closure = _Closure(state, {_INDEX_FIELD: index})
            try:
                ruleset.actions[key](closure)
            except Exception as exc:  # the action's failure, as durable would record it
                state["exception"] = f"{type(exc).__name__}: {exc}"
            message = durable_rules_engine.complete_and_start_action(handle, state_handle)
        return state

    def _read(
        self,
        state: object,
        sid: str,
        effects: int | Sequence[int],
        keys: Sequence[int] | None = None,
    ) -> list[Match]:
        """The matches recorded in one session's state for ``effects`` (a count, or the
        indices asserted), refusing a state without every sentinel mark."""
        indices = range(effects) if isinstance(effects, int) else effects
        if not isinstance(state, dict) or str(state.get("sid")) != sid:
            raise EngineError(f"durable_rules returned no usable state ({state!r})")
        if "exception" in state:
            raise EngineError(f"a rule action failed inside durable_rules: {state['exception']}")
        missing = [i for i in indices if f"{_SENTINEL}_{i}" not in state]
        if missing:
            raise EngineError(
                f"durable_rules did not run every action (effects {missing} unmarked); "
                "the result is not trusted"
            )
        parts = range(len(self.parts)) if keys is None else keys
        hits: list[set[tuple[str, Role]]] = [set() for _ in indices]
        for k in parts:
            part = self.parts[k]
            for n, i in enumerate(indices):
                if f"r{k}_{i}" in state:
                    hits[n].add((part.doctrine, part.role))
        return [frozenset(h) for h in hits]

    def close(self) -> None:
        """Free the C rulesets. The object cannot match afterwards."""
        if not self._closed:
            self._closed = True
            for ruleset in self._rulesets:
                with contextlib.suppress(Exception):
                    durable_rules_engine.delete_ruleset(ruleset.handle)

    def __enter__(self) -> CompiledRules:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _fields_of(expr: Json) -> set[str]:
    """The fact properties an expression reads."""
    ((name, value),) = expr.items()
    if name in ("$and", "$or"):
        return set().union(*(_fields_of(p) for p in value))
    if name.startswith("$"):
        return set(value)
    return {name}
