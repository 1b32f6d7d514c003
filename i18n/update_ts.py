"""Gather the plugin's strings into i18n/ign_offline_<lang>.ts, keeping the translations already made.

usage: python i18n/update_ts.py [LANG ...]      (make translations; default: fr)

Translations waiting in i18n/pending/<LANG>/*.json are taken in (see `pending`).

Python: the literal first argument of every `tr(...)`, `self.tr(...)` or `marked(...)` call, in the context
i18n.CONTEXT. Designer forms: every <string> not marked notr, in the form's class name (what uic's
retranslateUi asks for). A string no longer in the sources is kept as "obsolete" (lrelease skips it).
Not run by the tests or the build: it rewrites a source file, like an editor.
"""

import ast
import json
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCES = ("__init__.py", "plugin.py", "algorithms", "toolbelt", "ui", "resources", "core")
CONTEXT = "IgnOffline"
CALLS = {"tr", "marked", "say", "Message"}
# core's exceptions take a template first (core.errors): every class whose name ends so.
ERROR_ENDINGS = ("Error", "Refused", "Failed", "InUse", "Full", "TooSlow")


def _files(suffix):
    for entry in SOURCES:
        path = os.path.join(ROOT, entry)
        if os.path.isfile(path) and path.endswith(suffix):
            yield path
        for folder, _, names in os.walk(path):
            for name in sorted(names):
                if name.endswith(suffix):
                    yield os.path.join(folder, name)


def python_strings(path):
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        # plural(count, one, other, ...): both forms; the others: the literal first argument.
        texts = node.args[1:3] if name == "plural" else node.args[:1]
        if name in CALLS or name == "plural" or (name or "").endswith(ERROR_ENDINGS):
            for text in texts:
                if isinstance(text, ast.Constant) and isinstance(text.value, str) and text.value:
                    yield CONTEXT, text.value, node.lineno


def form_strings(path):
    tree = ET.parse(path)
    context = tree.getroot().findtext("class")
    for element in tree.iter("string"):
        if element.get("notr") != "true" and element.text:
            yield context, element.text, 0


def gather():
    found = {}
    for path in _files(".py"):
        for context, text, line in python_strings(path):
            found.setdefault((context, text), (os.path.relpath(path, HERE), line))
    for path in _files(".ui"):
        for context, text, line in form_strings(path):
            found.setdefault((context, text), (os.path.relpath(path, HERE), line))
    return found


def read_translations(path):
    if not os.path.isfile(path):
        return {}
    known = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") not in ("unfinished",):
                known[(name, message.findtext("source"))] = translation.text
            elif translation is not None and translation.text:
                known.setdefault((name, message.findtext("source")), None)
    return known


def write_ts(path, language, found, known):
    root = ET.Element("TS", version="2.1", language=language)
    contexts = {}
    for (context, text) in sorted(found, key=lambda key: (key[0], found[key])):
        contexts.setdefault(context, []).append(text)
    obsolete = {key: value for key, value in known.items() if key not in found and value}
    for context, _ in obsolete:
        contexts.setdefault(context, [])
    for context in sorted(contexts):
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for text in contexts[context]:
            message = ET.SubElement(element, "message")
            file_name, line = found[(context, text)]
            location = ET.SubElement(message, "location", filename=file_name)
            if line:
                location.set("line", str(line))
            ET.SubElement(message, "source").text = text
            translation = ET.SubElement(message, "translation")
            if known.get((context, text)):
                translation.text = known[(context, text)]
            else:
                translation.set("type", "unfinished")
        for (name, text), value in sorted(obsolete.items()):
            if name == context:
                message = ET.SubElement(element, "message")
                ET.SubElement(message, "source").text = text
                ET.SubElement(message, "translation", type="obsolete").text = value
    ET.indent(root)
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")


def pending(language):
    """Translations waiting in i18n/pending/<language>/*.json ({"English": "translation"}, Python context; a form's
    strings under its class name: {"FieldPage": {"English": "translation"}}): written by work done in parallel, so
    that branches add strings without rewriting the same lines of the .ts."""
    folder = os.path.join(HERE, "pending", language)
    found = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else ():
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as source:
                for english, text in json.load(source).items():
                    pairs = text.items() if isinstance(text, dict) else [(english, text)]
                    context = english if isinstance(text, dict) else CONTEXT
                    found.update({(context, key): value for key, value in pairs if value})
    return found


def main(languages):
    found = gather()
    for language in languages or ["fr"]:
        path = os.path.join(HERE, "ign_offline_{}.ts".format(language))
        known = read_translations(path)
        waiting = pending(language)
        known.update(waiting)
        # A form's new string (its own context) takes the pending translation of the same English.
        known.update({key: waiting[(CONTEXT, key[1])] for key in found
                      if not known.get(key) and (CONTEXT, key[1]) in waiting})
        known = {key: text for key, text in known.items() if key in found or key not in waiting}  # not obsolete
        write_ts(path, language, found, known)
        missing = sum(1 for key in found if not known.get(key))
        print("{}: {} strings, {} to translate".format(os.path.relpath(path, ROOT), len(found), missing))


if __name__ == "__main__":
    main(sys.argv[1:])
