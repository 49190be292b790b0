"""Stage 2 of the pipeline: doctrine conditions matched against the facts of effects.

``compiling`` compiles a doctrine set to durable_rules rulesets (the only module that
imports durable_rules), from the translation in ``translating`` and within the fixed limits
modelled in ``limits``; ``reference`` is an independent interpreter of the same conditions
(the differential oracle: it imports neither the compiler nor durable_rules); ``matching``
is the one shape both return. Imports only ``model``.
"""
