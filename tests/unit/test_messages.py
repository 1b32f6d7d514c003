"""core.messages: English text as before, with the template and arguments kept for translation."""

import copy
import pickle

from core.errors import InputError
from core.messages import Message, Size, english_size, plural
from core.storage import human_size


def test_a_message_reads_as_its_english_text_and_keeps_its_parts():
    message = Message("{:,} tiles in {}", 1943, "Toulouse")
    assert message == "1,943 tiles in Toulouse" and isinstance(message, str)
    assert message.template == "{:,} tiles in {}" and message.args == (1943, "Toulouse")
    assert Message("{not formatted} without arguments") == "{not formatted} without arguments"


def test_copies_and_pickles_keep_the_template():
    message = plural(1, "{} tile", "{} tiles", 1)
    for again in (copy.copy(message), pickle.loads(pickle.dumps(message))):
        assert again == "1 tile" and again.template == "{} tile" and again.forms == (1, "{} tile", "{} tiles")
    assert pickle.loads(pickle.dumps(Size(80_600_000))).bytes == 80_600_000


def test_plural_follows_the_english_rule():
    assert plural(0, "{} tile", "{} tiles", 0) == "0 tiles"
    assert plural(1, "{} tile", "{} tiles", 1) == "1 tile"
    assert plural(2, "{} tile", "{} tiles", 2) == "2 tiles"


def test_sizes():
    assert human_size(80_600_000) == "80.6 MB" and human_size(80_600_000).bytes == 80_600_000
    assert english_size(512) == "512 B" and english_size(3.2e15) == "3.2 PB" and english_size(5e18) == "5000.0 PB"


def test_errors_carry_a_message():
    error = InputError("ZOOM_MIN {} is greater than ZOOM_MAX {}: swap them.", 14, 8)
    assert str(error) == "ZOOM_MIN 14 is greater than ZOOM_MAX 8: swap them."
    assert error.message.template == "ZOOM_MIN {} is greater than ZOOM_MAX {}: swap them."
    assert error.message.args == (14, 8)
    plain = InputError("already formatted {braces} kept")
    assert str(plain) == "already formatted {braces} kept" and plain.message.args == ()
    given = Message("{} is missing", "x")
    assert InputError(given).message is given
