"""Every German rule's own examples resolve to their expected values (the rules' corpus)."""

import pytest

import timeline
from timeline.lang.de.rules import RULES

EXAMPLES = [(rule.name, ex) for rule in RULES for ex in rule.examples]


def test_every_rule_has_examples():
    assert all(rule.examples for rule in RULES), [r.name for r in RULES if not r.examples]


@pytest.mark.parametrize("rule_name, example", EXAMPLES, ids=[f"{r}:{e.expression}" for r, e in EXAMPLES])
def test_rule_example(rule_name, example):
    mentions = timeline.tag(example.text, published=example.published, mode=example.mode)
    found = {m.text: m for m in mentions}
    assert example.expression in found, f"{example.expression!r} not found; got {[m.text for m in mentions]}"
    m = found[example.expression]
    assert m.value == example.value, (m.value, m.rule)
    if example.mod is not None:
        assert m.mod == example.mod
    if example.type is not None:
        assert m.type == example.type
