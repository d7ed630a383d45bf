"""The rule reference (docs/rules.md), generated from the rule files so the two cannot drift.

Run ``python -m numcheck.rules.reference > docs/rules.md``; a test fails when the file
is out of date.
"""

from __future__ import annotations

import sys
from typing import Any

from numcheck.rules.load import RulePack, load_rules
from numcheck.rules.schema import Rule

INTRO = """\
# Rules

numcheck's checks are configured by rule files: YAML, one rule a file, validated against
the schema that `numcheck schema rules` prints. The bundled pack lives in `rules/`; pass
`--rules FILE_OR_FOLDER` (repeatable) to use your own. A folder may hold a `vocabulary/`
folder whose files extend the bundled vocabularies, and a `cases/` folder of rule cases.

## A rule file

```yaml
id: value-conflict            # stable id: reports, baselines and ignore comments use it
version: 1                    # bump when the rule's behaviour changes
check: value-conflict         # one of the closed set of checks below
severity: error               # error | warning | info
category: conflict            # conflict | possible-update | inconsistency
summary: one line
description: why it matters and how it decides
examples: {fail: [...], pass: [...]}
applies: both                 # within one document, across documents, or both
options: {...}                # the check's own settings
```

Rule files are data: the safe YAML loader is used (no tags that build objects), no
expression is evaluated and no regular expression is read from them. An invalid file is
an error that names the file and line (exit code 2).

## Vocabularies

`rules/vocabulary/measures.yaml` (synonym sets, population nouns, outcome verbs, vague
nouns such as "occasions") and `rules/vocabulary/places.yaml` (aliases, demonyms,
regions and what they contain) open with a guide to their format. Entries in a user
pack's `vocabulary/` extend the bundled ones.

## Testing rules

Each rule has a case file, `rules/cases/<rule-id>.yaml`: small texts and the findings
the rule must (and must not) produce. `numcheck.testing` runs them, and runs yours the
same way:

```python
import pytest
from numcheck import load_rules
from numcheck.testing import assert_case, load_cases

PACK = load_rules("my-rules/")
CASES = load_cases("my-rules/cases")

@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    assert_case(case, PACK)
```

## Rule reference
"""


def _rule_section(rule: Rule[Any]) -> str:
    lines = [
        f"### `{rule.id}` (v{rule.version})",
        "",
        f"{rule.summary}",
        "",
        f"- check: `{rule.check}`; severity: `{rule.severity.value}`; "
        f"category: `{rule.category.value}`; applies: `{rule.applies}`",
        "",
        rule.description.strip(),
        "",
    ]
    for title, texts in (("Fails", rule.examples.fail), ("Passes", rule.examples.passes)):
        if texts:
            lines.append(f"**{title}:**")
            lines.append("")
            lines.extend(f"- {text}" for text in texts)
            lines.append("")
    options = rule.options.model_dump(mode="json")
    if options:
        lines.append("Options (as shipped):")
        lines.append("")
        lines.append("```yaml")
        for key, value in options.items():
            lines.append(f"{key}: {value}")
        lines.append("```")
        lines.append("")
    return "\n".join(lines)


def render_reference(pack: RulePack | None = None) -> str:
    pack = pack or load_rules()
    sections = [_rule_section(r) for r in sorted(pack.rules, key=lambda r: r.id)]
    return INTRO + "\n" + "\n".join(sections)


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render_reference())
