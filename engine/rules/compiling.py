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

The translation of conditions and facts is ``translating``; durable's fixed limits and the
splitting of a condition to fit them are ``limits`` (neither imports durable_rules).
``LimitError`` and ``check_condition`` are re-exported here for the loader.
"""

from __future__ import annotations

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
from tarazy.engine.model.conditions import FieldSpec, tests_of
from tarazy.engine.model.errors import EngineError
from tarazy.engine.model.facts import Facts
from tarazy.engine.rules.limits import (
    MAX_OBJECT_PROPERTIES,
    STATE_OVERHEAD,
    LimitError,
    Network,
    check_condition,
    rule_expression,
    split_rule,
)
from tarazy.engine.rules.matching import Match, Role
from tarazy.engine.rules.translating import (
    INDEX_FIELD,
    SENTINEL,
    TYPE_FIELD,
    Json,
    Thresholds,
    encode,
    fields_of,
)

_sessions = itertools.count(1)
_rulesets = itertools.count(1)


class _QuietHost(durable_engine.Host):  # type: ignore[misc]
    """A durable host that never starts its background dispatch threads.

    Without them no action can run outside the caller's ``assert_facts``; the timers they
    drive are not used by tarazy."""

    def _run(self) -> None:
        pass


__all__ = ["CompiledRules", "LimitError", "RulePart", "check_condition"]


@attrs.frozen
class RulePart:
    """Which doctrine condition a compiled rule stands for: the doctrine's id and the
    condition's role (``when``, ``unless`` or ``open_when``)."""

    doctrine: str
    role: Role


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
    return str(key), int(body["m"][INDEX_FIELD])


@attrs.frozen
class _Closure:
    """What an action sees of durable's closure: the session state and the matched fact."""

    s: dict[str, Any]
    m: dict[str, Any]


def _recorder(key: str) -> Callable[[Any], None]:
    # durable calls an action with one argument (two would make it asynchronous).
    def action(c: Any) -> None:
        c.s[f"{key}_{c.m[INDEX_FIELD]}"] = 1

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
    as durable's fixed lists need (``Network``); effects are asserted in sessions small
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
                    pieces = split_rule(rule_expression(condition, self.thresholds.rank))
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
    def _new_network() -> Network:
        network = Network()
        network.add({TYPE_FIELD: "effect"}, SENTINEL)
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
            SENTINEL: {"all": [{"m": {TYPE_FIELD: "effect"}}], "run": _recorder(SENTINEL)}
        }
        keys: set[int] = set()
        read: dict[str, set[str]] = {}
        for n, (k, expr) in enumerate(group):
            keys.add(k)
            definition[f"r{k}_{n}"] = {"all": [{"m": expr}], "run": _recorder(f"r{k}")}
            for field in fields_of(expr):
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
                read={f: frozenset(v) for f, v in read.items() if f != TYPE_FIELD},
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
            closure = _Closure(state, {INDEX_FIELD: index})
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
        missing = [i for i in indices if f"{SENTINEL}_{i}" not in state]
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
