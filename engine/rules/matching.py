"""What a rule matcher returns, shared by the compiler and the reference interpreter.

Both ``compiling.CompiledRules.match`` (durable_rules) and ``reference.ReferenceMatcher``
(direct interpretation of the same conditions) answer, for each effect of a provision, which
condition of which doctrine held. The reference interpreter must not import the compiler
(an import-linter contract): this module is what they share.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Match", "Role"]

Role = Literal["when", "unless", "open_when"]
"""Which condition of a doctrine held: its ``when``, its ``unless`` or its ``open_when``."""

Match = frozenset[tuple[str, Role]]
"""(doctrine id, role) pairs that held on one effect."""
