"""tests/support/english_check.py: English sentences are found, French ones (with paths and identifiers) are not."""

from tests.support.english_check import english, english_words


def test_english_sentences_are_flagged():
    assert english_words("The folder '/tmp/x' is not writable: choose another.") == ["the", "folder", "is", "not",
                                                                                      "choose"]
    assert english_words("Le téléchargement a échoué : The server has no layer 'X'.") == ["the", "server", "has", "no",
                                                                                          "layer"]
    assert english_words("1,943 tiles failed") == ["tiles", "failed"]


def test_french_sentences_paths_and_identifiers_are_not():
    french = [
        "Le dossier « C:/Users/the file/tiles » n'est pas accessible en écriture : choisissez-en un autre.",
        "1 943 tuiles téléchargées (80,6 Mo), 0 en échec ; zoom 8-14 ou plan IGN.",
        "Le serveur n'a pas de couche « ORTHOIMAGERY.ORTHOFOTOS ». Vouliez-vous dire ORTHOIMAGERY.ORTHOPHOTOS ?",
        "https://data.geopf.fr/wmts?SERVICE=WMTS&the=tiles : injoignable, user@example.com",
        "plan_ign_the_tiles.mbtiles est à jour.",
    ]
    assert english(french) == []
    assert english(french + ["Nothing was stored."]) == [("Nothing was stored.", ["nothing", "was", "stored"])]


def test_error_words_and_english_numbers_are_flagged():
    """What the review of issue 21 found in the French dock (F2): OS reasons, the area's title, English numbers."""
    flagged = dict(english([
        "Impossible de joindre le serveur FTP x (Connection refused) : vérifiez HOST.",
        "Le dossier « /mnt » n'est pas accessible en écriture (Read-only file system).",
        "Zone : Extent (2,33000, 43,18000, 2,36000, 43,20000)",
        "Estimation : 10 tuiles, environ 7.5 kB, environ 1 s pour 1 couche.",
        "Estimation : 1,943 tuiles",
    ]))
    assert [words for words in flagged.values()] == [
        ["connection", "refused"], ["read-only", "file", "system"], ["extent"], ["kb", "7.5"], ["1,943"]]
    assert not english(["Estimation : 10 tuiles, environ 7,5 ko, environ 1 s pour 1 couche.",
                        "Zone : Zone saisie (2,33000, 43,18000, 2,36000, 43,20000)", "1 943 tuiles"])


def test_counts_without_the_locales_grouping_are_found():
    from tests.support.english_check import ungrouped_numbers

    assert ungrouped_numbers("5022 tuiles, 1349 requêtes") == ["5022", "1349"]
    assert ungrouped_numbers("5 022 tuiles, 1\u202f349 requêtes, 80,6 Mo, 999 fichiers") == []
    # not counts: a year, a port, an EPSG code, a path, a quoted name
    assert ungrouped_numbers("BD ORTHO 2021 à http://127.0.0.1:55873/wmts en EPSG:2154, « 61234 », /tmp/12345") == []


def test_exception_class_names_are_found():
    from tests.support.english_check import exception_names

    assert exception_names("Impossible de joindre le serveur (ConnectionError)") == ["ConnectionError"]
    assert exception_names("Traceback (most recent call last)") == ["Traceback"]
    assert exception_names("le serveur ne répond pas ; « MyError.txt » /tmp/ValueError") == []
