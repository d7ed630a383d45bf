"""What a CI gate adds around a check: configuration, inline suppressions, baselines.

``config`` reads ``numcheck.toml`` or ``[tool.numcheck]``; ``suppressions`` drops the
findings an editor silenced next to the sentence; ``baseline`` drops the findings a
newsroom accepted by id. ``numcheck.run`` applies them, for the CLI and the API alike.
"""
