"""Rule files read with line numbers (the reader itself lives in ``numcheck.safe_yaml``)."""

from numcheck.safe_yaml import RuleFileError, YamlSource, read_yaml

__all__ = ["RuleFileError", "YamlSource", "read_yaml"]
