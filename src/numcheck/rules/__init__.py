"""Rule files (schema, loading), the checks they configure, and the engine that runs them."""

from numcheck.rules.load import RulePack, load_rules
from numcheck.rules.yaml_source import RuleFileError

__all__ = ["RuleFileError", "RulePack", "load_rules"]
