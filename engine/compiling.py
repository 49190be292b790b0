"""Doctrine conditions → durable_rules rulesets. The only module that imports durable.

One doctrine set compiles to one ruleset with two rules per doctrine (its ``when`` and,
if it has one, its ``unless``) and a sentinel rule that every effect matches. Each rule's
action records which effect it matched; the evaluator reads the marks. Conditions compile
to durable's JSON condition language after negation is pushed down to the leaves.

Matching drives durable's C entry points directly (``assert_facts``, then
``start_action_for_state`` / ``complete_and_start_action`` for each action, then
``delete_state``) - what ``Host.assert_facts`` does, less its Python layer, which cost
three quarters of the time (a closure per action, the whole session state serialised to
JSON and back, ``update_state``). The same recorder actions run, on a plain dict of marks
kept outside durable's session state.

The sharp edges of durable_rules 2.0.28 (see ../shared/durable-rules-notes.md) and how
this adapter handles each:

* ruleset names are global to a host and cannot be unregistered: every compiled set
  gets a host of its own, so loading the same doctrines twice works, and ``close()``
  frees the C ruleset;
* the host's background threads can take an action before the caller: this host never
  starts them (``_run`` is a no-op), so every action is taken inside ``match``;
* an exception inside an action would be swallowed: it is recorded as the marks'
  ``exception``; an unmatched fact and identical facts are refused (codes 1 and 2 of
  ``assert_facts``): each fact carries its effect's index and the sentinel rule matches
  every fact; a result without the sentinel's mark for every effect, or with an exception,
  raises ``EngineError`` instead of becoming a verdict;
* a session state holds at most 255 properties (error 302): the marks are not written
  into it, so the number of effects of one provision is not bounded by it;
* one fresh session per provision, deleted in ``finally``: nothing leaks between
  provisions, the 1,024-session cap is never reached, and the 32-bit fact-hash
  collisions seen in huge sessions cannot occur;
* loose typing (``'3' == 3``): facts are typed by the loader before they get here;
  list fields are asserted as one boolean per value a condition tests, so no array
  operator (with its empty-list quirks) is ever used.

Only the fields the doctrines' conditions read are asserted: a fact of every field costs
about a third more time per provision (measured with the former tests/benchmark.py).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import attrs
import durable_rules_engine
from durable import engine as durable_engine

from .conditions import AllOf, AnyOf, Condition, FieldSpec, Not, Test, tests_of
from .errors import EngineError
from .facts import Facts
from .model import DoctrineSet

Role = Literal["when", "unless"]
Match = frozenset[tuple[str, Role]]  # (doctrine id, which condition) matched on one effect
Json = dict[str, Any]

_TYPE_FIELD = "t"
_INDEX_FIELD = "i"
_SENTINEL = "seen"
_sessions = itertools.count(1)
_rulesets = itertools.count(1)


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


def to_durable(condition: Condition, negated: bool = False) -> Json:
    """A condition as a durable_rules JSON expression, negation pushed to the leaves."""
    if isinstance(condition, Test):
        return _test(condition, negated)
    if isinstance(condition, Not):
        return to_durable(condition.part, not negated)
    parts = [to_durable(p, negated) for p in condition.parts]
    conjunctive = isinstance(condition, AllOf) != negated
    assert isinstance(condition, AllOf | AnyOf)
    return _and(parts) if conjunctive else _or(parts)


def encode(
    facts: Facts,
    index: int,
    fields: Mapping[str, FieldSpec],
    read: Mapping[str, frozenset[str]] | None = None,
) -> Json:
    """One effect's facts as a durable fact: list fields become one boolean per value,
    an unstated number is left out (so ``$nex`` sees it as absent). With ``read`` (field →
    the list values tested), only what some condition reads is asserted."""
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


class CompiledRules:
    """A doctrine set compiled to a durable_rules ruleset on a host of its own."""

    def __init__(self, doctrines: DoctrineSet, fields: Mapping[str, FieldSpec]) -> None:
        self.fields = dict(fields)
        parts: list[RulePart] = []
        definition: Json = {
            _SENTINEL: {"all": [{"m": {_TYPE_FIELD: "effect"}}], "run": _recorder(_SENTINEL)}
        }
        for doctrine in doctrines.doctrines:
            for role, condition in (("when", doctrine.when), ("unless", doctrine.unless)):
                if condition is None:
                    continue
                key = f"r{len(parts)}"
                parts.append(RulePart(doctrine.id, role))  # type: ignore[arg-type]
                expression = {"$and": [{_TYPE_FIELD: "effect"}, to_durable(condition)]}
                definition[key] = {"all": [{"m": expression}], "run": _recorder(key)}
        self.parts = tuple(parts)
        # Only the fields (and list values) some condition tests are asserted: a smaller fact
        # is a faster one, and a field no rule reads cannot change a match.
        read: dict[str, set[str]] = {}
        for doctrine in doctrines.doctrines:
            for test in (*tests_of(doctrine.when), *tests_of(doctrine.unless)):
                values = read.setdefault(test.field, set())
                if isinstance(test.value, tuple):
                    values.update(test.value)
        self.read = {k: frozenset(v) for k, v in read.items()}
        self.name = f"tarazy_{doctrines.digest}_{next(_rulesets)}"
        self._actions = {key: rule["run"] for key, rule in definition.items()}
        self._host = _QuietHost()
        self._host.register_rulesets({self.name: definition})
        self._handle = self._host.get_ruleset(self.name)._handle
        self._closed = False

    def match(self, effects: Sequence[Facts]) -> list[Match]:
        """For each effect, the (doctrine, when/unless) conditions it satisfies."""
        if self._closed:
            raise EngineError("the compiled ruleset was closed")
        sid = str(next(_sessions))
        batch = [
            {**encode(f, i, self.fields, self.read), "sid": sid} for i, f in enumerate(effects)
        ]
        try:
            state = self._run(sid, json.dumps(batch, ensure_ascii=False))
        except EngineError:
            raise
        except Exception as exc:  # durable's own exceptions carry no useful type
            raise EngineError(f"durable_rules refused the facts: {exc}") from exc
        finally:
            with contextlib.suppress(Exception):  # a state already gone is fine
                durable_rules_engine.delete_state(self._handle, sid)
        return self._read(state, sid, len(effects))

    def _run(self, sid: str, facts: str) -> dict[str, Any]:
        """Assert the facts and take every action they trigger, through durable's C entry
        points: what ``Host.assert_facts`` does, less its per-action cost (a closure, the
        whole session state serialised to JSON and back, ``update_state``) - the actions
        only record a mark, so they write it into a plain dict here instead."""
        handle = self._handle
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
                self._actions[key](closure)
            except Exception as exc:  # the action's failure, as durable would record it
                state["exception"] = f"{type(exc).__name__}: {exc}"
            message = durable_rules_engine.complete_and_start_action(handle, state_handle)
        return state

    def _read(self, state: object, sid: str, count: int) -> list[Match]:
        if not isinstance(state, dict) or str(state.get("sid")) != sid:
            raise EngineError(f"durable_rules returned no usable state ({state!r})")
        if "exception" in state:
            raise EngineError(f"a rule action failed inside durable_rules: {state['exception']}")
        missing = [i for i in range(count) if f"{_SENTINEL}_{i}" not in state]
        if missing:
            raise EngineError(
                f"durable_rules did not run every action (effects {missing} unmarked); "
                "the result is not trusted"
            )
        hits: list[set[tuple[str, Role]]] = [set() for _ in range(count)]
        for k, part in enumerate(self.parts):
            for i in range(count):
                if f"r{k}_{i}" in state:
                    hits[i].add((part.doctrine, part.role))
        return [frozenset(h) for h in hits]

    def close(self) -> None:
        """Free the C ruleset. The object cannot match afterwards."""
        if not self._closed:
            self._closed = True
            ruleset = self._host.get_ruleset(self.name)
            durable_rules_engine.delete_ruleset(ruleset._handle)

    def __enter__(self) -> CompiledRules:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
