"""Stage 4 of the pipeline: a provision's verdict, stage by stage.

``evaluating.Evaluator`` walks each effect through the seven stages (legality, absolute
rights, legitimate aim, necessity, balance, equality, certainty; docs/stage-model.md), each
settled by a doctrine, by a decided case (``casebase``) or by nothing (open); ``explaining``
fills the placeholders of reasons and remedies. Imports ``model``, ``rules`` and ``input``.
"""
