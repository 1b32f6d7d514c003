"""i18n.say: core messages in the user's language and locale (numbers, sizes, plurals), English as the fallback."""


from ign_offline import i18n
from ign_offline.core.errors import InputError
from ign_offline.core.messages import Message, Size, plural


def test_english_is_said_as_written():
    assert i18n.say(Message("{:,} tiles, {:.1f} %, {}", 1943, 80.63, Size(80_600_000))) == \
        "1,943 tiles, 80.6 %, 80.6 MB"
    assert i18n.say(plural(0, "{} tile", "{} tiles", 0)) == "0 tiles"
    assert i18n.say("no template") == "no template"


def test_french_numbers_sizes_and_plurals(french):
    said = i18n.say(Message("{:,} tiles, {:.1f} %, {}; port {}, year {}", 1943, 80.63, Size(80_600_000), 8711, 2026))
    assert said.replace("\u202f", " ").replace("\xa0", " ") == "1 943 tiles, 80,6 %, 80,6 Mo; port 8711, year 2026"
    assert i18n.say(plural(0, "{} tile", "{} tiles", 0)) == "0 tile"  # French: 0 takes the singular
    assert i18n.say(plural(2, "{} tile", "{} tiles", 2)) == "2 tiles"
    assert i18n.size(512) == "512 o"


def test_french_translation_of_a_known_template(french):
    # "Cancelling…" is translated in ign_offline_fr.ts; a Message of it is said in French, and so is its
    # use as an argument of another.
    assert i18n.say(Message("Cancelling…")) != "Cancelling…"
    error = InputError("{} ({})", Message("Cancelling…"), Size(1500))
    assert i18n.say(error.message).endswith("(1,5 ko)")


def test_a_translation_that_does_not_fit_its_template_falls_back_to_english():
    assert i18n.say(Message("{} and {}", "a", "b")) == "a and b"
