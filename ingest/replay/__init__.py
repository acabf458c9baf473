"""Replay of a bundled snapshot site on 127.0.0.1, so crawls run offline against real HTTP."""
