"""The ``tarazy`` command line (click): it parses arguments and calls the engine.

``main`` holds the group, the top-level guard and the registration of the commands;
``options`` the options and parameter types they share; each other module one family of
commands. Output is built by renderers in ``tarazy.engine.reports``, never here.
"""
