"""The rule reference (docs/rules.md), generated from the rule files so the two cannot drift.

Run ``python -m numcheck.rules.reference > docs/rules.md``; a test fails when the file
is out of date.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Any

import yaml
from pydantic import BaseModel

from numcheck.rules.kinds import KINDS, RuleKind
from numcheck.rules.load import RulePack, load_rules
from numcheck.rules.schema import MESSAGE_FIELDS, Rule

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
examples: {fail: [...], pass: [...]}   # run as cases: see Testing rules
applies: both                 # within one document, across documents, or both
select: {kinds: [count], measures: [troop]}   # optional: only these claims
message: "$message"           # optional template: $message $quotes $documents $rule
options: {...}                # the kind's own settings (see Rule kinds)
```

An example is a text, or a list of documents checked together, each a text or a mapping
`{text: ..., published: 2024-01-05, archive: true}` (an archive document is checked
against, not checked).

Rule files are data: the safe YAML loader is used (no tags that build objects), no
expression is evaluated and no regular expression is read from them. An invalid file is
an error that names the file and line (exit code 2).

Every YAML file numcheck reads (rule files, vocabularies, `--meta` files, Markdown front
matter) goes through one reader, `numcheck/safe_yaml.py`, which also refuses anchors and
aliases (a few hundred bytes of aliases expand to gigabytes), duplicate keys, impossible
dates (`2024-02-30`), nesting deeper than 64 levels, more than 200,000 values and files
over 2 MB, each with its line. Rule options are bounded: tolerances are finite shares
(relative at most 1), day counts at most a century, ids at most 64 characters, and
summaries, descriptions and examples carry no control characters (ANSI escapes).
Vocabulary files are validated too: `version: 1` is required, unknown keys and wrong
types are errors, and a lemma may belong to one synonym set only (across the bundled and
your files); a dangling vocabulary symlink is an error, not a missing file.

## Vocabularies

`rules/vocabulary/measures.yaml` (synonym sets, outcome verbs, cumulative tolls, vague
nouns such as "occasions") and `rules/vocabulary/places.yaml` (aliases, demonyms,
regions and what they contain, abbreviations such as "Wis.") open with a guide to their
format. Entries in a user pack's `vocabulary/` extend the bundled ones.

## Testing rules

Each rule has a case file, `rules/cases/<rule-id>.yaml`: small texts and the findings
the rule must (and must not) produce. `numcheck.testing` runs them, and runs yours the
same way:

```python
import pytest
from numcheck import load_rules
from numcheck.testing import assert_case, example_cases, load_cases

PACK = load_rules("my-rules/")
CASES = load_cases("my-rules/cases") + example_cases(PACK)

@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    assert_case(case, PACK)
```

A case may set the rule's options for itself (`options: {tolerance: {relative: 0.5}}`,
nested mappings merge); `example_cases` turns each rule's `examples` into cases (a fail
example must draw a finding of its rule, a pass example none).

"""


def _options_yaml(options: BaseModel, model: type[BaseModel]) -> list[str]:
    """Options as YAML, each under a comment with its description."""
    lines = ["```yaml"]
    for name, value in options.model_dump(mode="json").items():
        description = model.model_fields[name].description
        if description:
            lines.extend(f"# {line}" for line in textwrap.wrap(description, 86))
        nested = isinstance(value, (dict, list))  # leaves in flow style, scalars plain
        dumped = yaml.safe_dump(
            {name: value}, sort_keys=False, default_flow_style=None if nested else False
        )
        lines.extend(dumped.rstrip("\n").split("\n"))
    lines.append("```")
    return lines


def _kind_section(kind: RuleKind[Any]) -> str:
    lines = [f"### `{kind.name}`", "", kind.summary, "", f"Applies by default: `{kind.applies}`."]
    if kind.options.model_fields:
        lines += [
            "",
            "Options and their defaults:",
            "",
            *_options_yaml(kind.options(), kind.options),
        ]
    else:
        lines += ["", "No options."]
    return "\n".join([*lines, ""])


def _instance_lines(rule: Rule[Any]) -> list[str]:
    """What the rule sets beyond its kind: the claims it selects, its message."""
    lines = []
    if rule.select.kinds or rule.select.measures:
        selected = yaml.safe_dump(rule.select.model_dump(mode="json"), default_flow_style=True)
        lines.append(f"- selects: `{selected.strip()}`")
    if rule.message is not None:
        lines.append(f"- message: `{rule.message}`")
    return lines


def _rule_section(rule: Rule[Any]) -> str:
    lines = [
        f"### `{rule.id}` (v{rule.version})",
        "",
        f"{rule.summary}",
        "",
        f"- check: `{rule.check}`; severity: `{rule.severity.value}`; "
        f"category: `{rule.category.value}`; applies: `{rule.applies}`",
        *_instance_lines(rule),
        "",
        rule.description.strip(),
        "",
    ]
    for title, examples in (("Fails", rule.examples.fail), ("Passes", rule.examples.passes)):
        if examples:
            lines += [f"**{title}:**", ""]
            lines += ["- " + " / ".join(d.describe() for d in example) for example in examples]
            lines.append("")
    if rule.options.model_dump():
        lines += ["Options (as shipped):", ""]
        lines += [*_options_yaml(rule.options, type(rule.options)), ""]
    return "\n".join(lines)


def render_reference(pack: RulePack | None = None) -> str:
    """docs/rules.md: the format, the kinds from the registry, each rule of ``pack``."""
    pack = pack or load_rules()
    placeholders = "\n".join(f"- `${name}`: {what}" for name, what in MESSAGE_FIELDS.items())
    kinds = "\n".join(_kind_section(kind) for kind in KINDS.values())
    rules = "\n".join(_rule_section(r) for r in sorted(pack.rules, key=lambda r: r.id))
    return (
        INTRO
        + "\n## Message templates\n\nA rule's `message` replaces the check's own; its "
        + "placeholders:\n\n"
        + placeholders
        + "\n\n## Rule kinds\n\nThe closed set of checks a rule file can configure "
        + "(`check:`),\nwith every option a rule of the kind may set.\n\n"
        + kinds
        + "\n## Rule reference\n\n"
        + rules
    )


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(render_reference())
