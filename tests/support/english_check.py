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
connection connections connect refused denied permission reach reached reachable unreachable network
timed timeout answer answers answered resolved resolve address addresses system read-only readonly locked
extent extents polygons typed drawn canvas estimate estimated expected sampled parallel requests request
per each tick ticked untick saved save cancel stopped stop tried retry later enough left
kb mb gb tb
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
# Removed before looking for numbers: the same, but "7.5" is no identifier there.
NOT_NUMBERS = re.compile(NOT_WORDS.pattern.rsplit("|", 1)[0], re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)?", re.UNICODE)  # "can't", "read-only"


def english_words(text):
    """The English words of `text`, in order (lower case); none for French text."""
    plain = NOT_WORDS.sub(" ", text)
    return [word.lower() for word in WORD.findall(plain) if word.lower() in ENGLISH_WORDS]


# A number written the English way: "7.5", "1,943" (French writes "7,5" and "1 943"); a coordinate or a version
# inside a path or an identifier is removed before.
ENGLISH_NUMBER = re.compile(r"(?<![\w.,])\d+\.\d+(?![\w.])|(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])")


def english_numbers(text):
    """The numbers of `text` written the English way ("7.5 kB", "1,943 tiles"); none in French text."""
    return ENGLISH_NUMBER.findall(NOT_NUMBERS.sub(" ", text))


# A count of 10 000 or more written without the locale's grouping ("5022" where French writes "5 022"): four digits
# or more, not a year (1900-2099), a port, an EPSG code, or part of a path, a name in quotes or an identifier.
UNGROUPED = re.compile(r"(?<![\w.,:-])(?!(?:19|20)\d\d\b)\d{4,}(?![\w.,°\u202f\xa0])")


def ungrouped_numbers(text):
    """The counts of `text` written with no thousands separator ("5022 tiles"); none in text said in the locale."""
    plain = NOT_NUMBERS.sub(" ", re.sub(r"EPSG:\d+|:\d+\b", " ", text))
    return UNGROUPED.findall(plain)


# An exception said by its class name ("(ConnectionError)", "KeyError: 'x'") where a person reads a cause.
EXCEPTION_NAME = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b|Traceback")


def exception_names(text):
    """The exception class names `text` shows, paths and quoted names left out; none in a message said well."""
    return EXCEPTION_NAME.findall(NOT_NUMBERS.sub(" ", text))


def english(texts):
    """The strings of `texts` that hold English words, each with the words found: [(text, [words])]."""
    flagged = []
    for text in texts:
        words = english_words(text) + english_numbers(text)
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
