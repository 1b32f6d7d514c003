"""French to the last word: every string the sources hand to tr(), say(), a Message or an error (what
i18n/update_ts.py gathers) has a finished French translation in i18n/ign_offline_fr.ts. A message reworded in the
code without `make translations` was said in English to French users, and no other test saw it."""

import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_update_ts():
    spec = importlib.util.spec_from_file_location("update_ts", os.path.join(ROOT, "i18n", "update_ts.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_of_the_sources_has_its_french_translation():
    update_ts = load_update_ts()
    found = update_ts.gather()
    known = update_ts.read_translations(os.path.join(ROOT, "i18n", "ign_offline_fr.ts"))
    missing = sorted("{}:{}: {}".format(where[0], where[1], text[:90]) for (context, text), where in found.items()
                     if not known.get((context, text)))
    assert len(found) > 1000
    assert missing == [], "untranslated (add them to i18n/pending/fr/*.json, then `.venv/bin/python " \
                          "i18n/update_ts.py fr`):\n" + "\n".join(missing)
