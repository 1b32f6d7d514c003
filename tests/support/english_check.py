"""Finds English sentences among strings meant to be French (what the dock shows with LANG=fr_FR.UTF-8).

    from tests.support.english_check import english, english_words
    assert not english(shown_texts), english(shown_texts)

A string is flagged when it holds, as a whole word, one of a short list of common English words that French never
uses as words of its own (function words, and the plugin's own English nouns and verbs). Paths, URLs, layer
identifiers, e-mail addresses and quoted names are removed first: "C:/the/tiles" or "ORTHOIMAGERY.ORTHOPHOTOS" are
no English.

Also a command line tool: `python tests/support/english_check.py FILE…` lists the flagged lines of text files.
"""

import re
import sys

# Common English words that are not French words too ("a", "on", "or", "but", "zoom", "plan", "format"… are left
# out: French uses them as well).
ENGLISH_WORDS = frozenset("""
the is are was were be been has have had does did not cannot can't don't isn't won't will would should could
of with from into onto than then this that these those there their they them it its which what when where who
why how and if only also any some every each no yes all none
file files folder folders tile tiles layer layers area areas give choose check run again download downloaded
downloading write written read found failed cancelled canceled cancelling error warning skipped kept left
stored server servers size free space disk done nothing something already about under over
must may might need needs needed use used using unknown missing empty invalid
""".split())

# Removed before looking for words: quoted names, URLs, paths, e-mail addresses, identifiers with dots or underscores.
NOT_WORDS = re.compile(
    r"«[^»]*»|“[^”]*”|\"[^\"]*\"|(?<!\w)'[^'\n]*'(?!\w)"  # quoted: a name or a path as the user gave it
    r"|"
    r"[a-z][a-z0-9+.-]*://\S+"          # URLs
    r"|(?:[A-Za-z]:)?(?:[\\/][^\s\\/'\"«»()]+)+[\\/]?"  # paths
    r"|\S+@\S+"                          # e-mail addresses
    r"|\b\w+(?:[._]\w+)+\b",             # identifiers: ORTHOIMAGERY.ORTHOPHOTOS, plan_ign, x.mbtiles
    re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def english_words(text):
    """The English words of `text`, in order (lower case); none for French text."""
    plain = NOT_WORDS.sub(" ", text)
    return [word.lower() for word in WORD.findall(plain) if word.lower() in ENGLISH_WORDS]


def english(texts):
    """The strings of `texts` that hold English words, each with the words found: [(text, [words])]."""
    flagged = []
    for text in texts:
        words = english_words(text)
        if words:
            flagged.append((text, words))
    return flagged


def main(paths):
    found = 0
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                words = english_words(line)
                if words:
                    found += 1
                    print("{}:{}: {} [{}]".format(path, number, line.rstrip(), ", ".join(words)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
