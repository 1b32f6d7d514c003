"""Core raises and logs templates with their arguments (core.messages), never a sentence already filled in with
.format(): only a template can be translated (i18n.say) and its numbers written in the user's locale."""

import ast
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORE = os.path.join(ROOT, "core")
ERROR_ENDINGS = ("Error", "Refused", "Failed", "InUse", "Full", "TooSlow")
SAYING = {"log", "_say", "say", "Message", "plural"}


def core_files():
    for folder, _, names in os.walk(CORE):
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith(".py"):
                yield path


def formatted_sentences(path):
    """(line, called name) of each error constructor or log call given a "...".format(...) sentence."""
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read(), path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if not (name.endswith(ERROR_ENDINGS) or name in SAYING):
            continue
        for argument in node.args:
            if isinstance(argument, ast.Call) and getattr(argument.func, "attr", "") == "format":
                yield node.lineno, name


def test_the_walk_finds_a_formatted_sentence(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('raise InputError("{} is wrong".format(x))\nlog("{} done".format(n))\n'
                      'raise InputError("{} is right", x)\nlog(Message("{} done", n))\n')
    assert list(formatted_sentences(str(sample))) == [(1, "InputError"), (2, "log")]


@pytest.mark.parametrize("path", list(core_files()), ids=lambda p: os.path.relpath(p, CORE))
def test_core_raises_and_logs_templates(path):
    assert list(formatted_sentences(path)) == [], "give the template and its arguments, not .format()"
