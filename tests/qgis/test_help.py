"""Every algorithm of the provider has its help in English and in French (issue 20), naming each parameter."""

import os
import re

from qgis.core import QgsProcessingParameterDefinition

from ign_offline.resources import help_text, resource_path


def names_of(text, algorithm):
    """The algorithm's parameters that `text` names as a whole word (AREA in AREA_LAYER does not count)."""
    return {p.name() for p in algorithm.parameterDefinitions()
            if re.search(r"(?<![A-Za-z0-9_]){}(?![A-Za-z0-9_])".format(re.escape(p.name())), text)}


def test_every_algorithm_has_help_in_english_and_french(provider):
    algorithms = provider.algorithms()
    assert len(algorithms) >= 11
    for algorithm in algorithms:
        name = algorithm.name()
        for path in (resource_path("help", name + ".md"), resource_path("help", "fr", name + ".md")):
            assert os.path.isfile(path), "{}: no help file {}".format(name, path)
        english, french = help_text(name, "en"), help_text(name, "fr")
        assert english.strip() and french.strip(), "{}: an empty help text".format(name)
        assert english != french, "{}: the French help is the English one".format(name)
        assert algorithm.shortHelpString() in (english, french)
        # Hidden parameters (the dock's own, e.g. AREA_TITLE) are not the user's to give: not documented.
        every = {p.name() for p in algorithm.parameterDefinitions()
                 if not p.flags() & QgsProcessingParameterDefinition.FlagHidden}
        for language, text in (("English", english), ("French", french)):
            missing = every - names_of(text, algorithm)
            assert not missing, "{}: the {} help does not name {}".format(name, language, sorted(missing))
