"""core.messages.os_reason: translatable reasons for the common OS errors, the OS's text otherwise."""

import errno

from ign_offline.core.messages import Message, os_reason


def test_common_errors_are_messages():
    for number, text in ((errno.ECONNREFUSED, "the connection was refused"),
                         (errno.EROFS, "the file system is read-only"), (errno.EACCES, "permission denied"),
                         (errno.EPERM, "permission denied"), (errno.ENOSPC, "no space left on the disk")):
        reason = os_reason(OSError(number, "whatever the OS says"))
        assert isinstance(reason, Message) and reason == text and reason.template == text


def test_others_keep_the_os_text():
    assert os_reason(OSError(errno.EBUSY, "Device or resource busy")) == "Device or resource busy"
    assert os_reason(OSError("no errno")) == "no errno"


def test_an_unwritable_folder_says_the_reason_as_a_message(tmp_path, monkeypatch):
    import tempfile

    import pytest

    from ign_offline.core import storage
    from ign_offline.core.errors import InputError

    def refused(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    with pytest.raises(InputError) as raised:
        storage.check_writable_folder(str(tmp_path))
    message = raised.value.args[0]
    assert isinstance(message.args[1], Message) and message.args[1].template == "the file system is read-only"


def test_an_output_file_under_a_file_names_the_folder_not_a_parameter(tmp_path):
    import pytest

    from ign_offline.core import storage
    from ign_offline.core.errors import InputError

    (tmp_path / "afile").write_text("")
    with pytest.raises(InputError) as raised:
        storage.check_output_file(str(tmp_path / "afile" / "x.mbtiles"))  # its folder is a file
    message = raised.value.args[0]
    assert message.startswith("The folder '"), message
    assert message.args[0].template == "The folder"


def test_an_unreachable_ftp_server_gives_a_translatable_reason():
    import socket

    import pytest

    from ign_offline.core.ftp.client import FtpError, FtpServer, connect

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FtpError) as raised:
        connect(FtpServer(host="127.0.0.1", port=port, timeout=5))
    reason = raised.value.args[0].args[1]
    assert isinstance(reason, Message) and reason.template == "the connection was refused"
