"""The closed set of comparisons a rule file can configure, one module each."""
