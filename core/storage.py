"""Checks on where files will be written."""

import contextlib
import json
import os
import shutil
import socket
import stat
import sys
import tempfile
import threading
import time

import filelock

from .errors import InputError
from .messages import Message, Size, os_reason


def check_writable_folder(folder):
    """Raise InputError unless `folder` exists and can be written to."""
    folder = os.path.abspath(folder or ".")
    if not os.path.isdir(folder):
        raise InputError("The folder '{}' does not exist: create it or choose another.", folder)
    # Try it rather than trust os.access, which says yes to root, on read-only
    # mounts it has not noticed, and ignores ACLs. O_TMPFILE: nothing is left.
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".ign_offline_probe_"):
            pass
    except OSError as exc:
        raise InputError("The folder '{}' is not writable ({}): choose a folder you can write to.",
            folder, os_reason(exc)) from exc
    return folder


def output_folder(path):
    """The folder a planned output lives in: `path` itself if it is a folder."""
    return path if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))


def check_output_file(path):
    """Raise InputError unless the file `path` can be written: its folder is writable, or missing (the library
    the first time) with a writable parent, in which the run makes it."""
    folder = output_folder(path)
    if os.path.isdir(folder):
        check_writable_folder(folder)
    elif os.path.isdir(os.path.dirname(folder)):
        # named itself, with the reason its parent takes no files; "The folder": no OUTPUT_FOLDER parameter here
        check_folder_can_be_made(folder, Message("The folder"))
    else:  # deeper than one missing folder: a typo more likely than a library to make
        check_writable_folder(os.path.dirname(folder))


def nearest_existing(path):
    """`path` itself if it exists, else its nearest existing parent: where a folder not made yet will be made."""
    path = os.path.abspath(path)
    while not os.path.exists(path) and os.path.dirname(path) != path:
        path = os.path.dirname(path)
    return path


def check_folder_can_be_made(folder, name="OUTPUT_FOLDER"):
    """Raise InputError unless `folder` is a writable folder, or can be made (with its missing parents) inside a
    writable one: refused before a run starts, not after its work."""
    found = nearest_existing(folder)
    if not os.path.isdir(found):
        raise InputError("{} '{}' cannot be made: '{}' is a file; choose a folder.", name, folder, found)
    if found == os.path.abspath(folder):
        check_writable_folder(found)
        return
    try:
        check_writable_folder(found)
    except InputError as exc:  # the folder asked for is named, and why it cannot be made
        raise InputError("The folder '{}' cannot be made: '{}' takes no files ({}). Choose a folder you can "
                         "write to.", os.path.abspath(folder), found,
                         os_reason(exc.__cause__) if isinstance(exc.__cause__, OSError) else exc) from exc


def free_bytes(path):
    """Free space where `path` goes (its nearest existing folder: a library not made yet lives on its parent's disk)."""
    folder = nearest_existing(output_folder(path))
    return shutil.disk_usage(folder if os.path.isdir(folder) else os.path.dirname(folder)).free


def human_size(size):
    """'80.6 MB' (a str that `i18n.say` writes in the user's units: '80,6 Mo')."""
    return Size(size)


def temporary_beside(folder, prefix=".saving-", suffix=".part"):
    """(file descriptor, path) of a new file of ours in `folder`, created with the permissions the user's umask
    allows (0644 for the usual 022): tempfile.mkstemp's are 0600, and a file renamed into the library from one
    would stay unreadable to another account sharing it (styles, plans, metadata)."""
    for _ in range(100):
        path = os.path.join(folder, "{}{}{}".format(prefix, os.urandom(6).hex(), suffix))
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(folder)


def write_atomically(path, text):
    """`text` (str or bytes) into `path` through a temporary file in the same folder and os.replace: a reader sees
    the old file or the new one, never half of one (a crash mid-write leaves the old one). The file is readable as
    the user's umask allows."""
    temporary = None
    try:
        handle, temporary = temporary_beside(os.path.dirname(os.path.abspath(path)),
                                             "." + os.path.basename(path) + ".", ".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary and os.path.exists(temporary):
            os.remove(temporary)
        raise InputError("'{}' cannot be written ({}): choose a folder you can write to.", path,
                         os_reason(exc)) from None


# -- outputs are never inputs --------------------------------------------------------------------------------------

def same_file(first, second):
    """True if two paths name one file, however spelled (`./`, relative, symlink, hard link): by inode, not text.
    A path that does not exist yet is no file: it cannot be any input."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


def refuse_output_among_inputs(output, inputs, what="OUTPUT"):
    """Raise InputError if `output` is the same file as one of `inputs`: writing it would destroy what is read."""
    for path in inputs:
        if path and output and same_file(output, path):
            raise InputError("{} '{}' is the same file as the input '{}': writing it would destroy what is read. "
                             "Choose a new file (the inputs are only read).", what, output, path)


def is_within(path, folder):
    """True if `path` is `folder` or lies inside it, symlinks resolved (a folder's other spellings included)."""
    path, folder = (os.path.normcase(os.path.realpath(p)) for p in (path, folder))
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# -- one run per output file ---------------------------------------------------------------------------------------

class OutputInUse(InputError):
    """Another run (this process or another) writes the file."""


# Locks this process holds: {key: [FileLock, depth, thread id]}. An OS lock is per open file, not per process, so
# the same thread taking the same file again (a download that opens its writer) must not lock itself out.
_held = {}
_held_guard = threading.Lock()


def lock_key(path):
    """One name per file whatever the spelling: the lock lives beside the real file (symlinks resolved)."""
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def lock_paths(path):
    """(lock file, owner sidecar) of the output `path`."""
    key = lock_key(path)
    return key + ".lock", key + ".lock-owner"


@contextlib.contextmanager
def output_lock(path, purpose=Message("a run of IGN Offline")):
    """Hold the output `path` for the whole block: any other run on it is refused at once (OutputInUse).

    An OS lock on `<file>.lock` (filelock: fcntl/msvcrt), so the kernel frees it when the process ends, even by
    kill -9: a crash never leaves the file locked. The owner writes who it is to `<file>.lock-owner`, read by the
    run it refuses. Reentrant in the thread that holds it.
    """
    key = lock_key(path)
    me = threading.get_ident()
    with _held_guard:
        entry = _held.get(key)
        if entry is not None and entry[2] == me:
            entry[1] += 1
        elif entry is not None:
            raise OutputInUse(_in_use_message(path))
        else:
            _held[key] = [_acquire(path, purpose), 1, me]
    try:
        yield
    finally:
        with _held_guard:
            entry = _held[key]
            entry[1] -= 1
            if not entry[1]:
                del _held[key]
                _release(entry[0], path)


def _acquire(path, purpose):
    lock_file, owner_file = lock_paths(path)
    if not os.path.isdir(os.path.dirname(lock_file)):
        check_writable_folder(os.path.dirname(lock_file))  # filelock would make the folder: refuse, as writers do
    for _ in range(5):
        _refuse_planted(lock_file)
        lock = filelock.FileLock(lock_file, timeout=0, thread_local=False)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            raise OutputInUse(_in_use_message(path)) from None
        except OSError as exc:  # a read-only or missing folder: say so, as any writer would
            check_writable_folder(os.path.dirname(lock_file))
            raise InputError("Cannot lock '{}' ({}): choose another output file.",
                path, os_reason(exc)) from None
        if _still_named(lock, lock_file):
            break
        lock.release()  # its owner removed that lock file while we waited on it: lock the new one
    else:
        raise OutputInUse(_in_use_message(path))
    _write_owner(owner_file, purpose)
    return lock


def _refuse_planted(lock_file):
    """The lock file is opened for writing (and truncated): a link or special file planted under its name would
    have that done to whatever it points at, so it is refused, never followed."""
    try:
        mode = os.lstat(lock_file).st_mode
    except OSError:
        return  # no lock file yet: filelock makes a regular one
    if not stat.S_ISREG(mode):
        raise InputError("'{}' is not a lock file of IGN Offline ({}): remove it, then run again.",
            lock_file, "a link" if stat.S_ISLNK(mode) else "not a regular file")


def _still_named(lock, lock_file):
    """True unless the file we locked was unlinked meanwhile (its owner's clean-up): only then is the lock ours."""
    fd = getattr(getattr(lock, "_context", None), "lock_file_fd", None)
    if fd is None or os.name == "nt":  # Windows cannot unlink an open file: nothing to check
        return True
    try:
        return os.path.samestat(os.fstat(fd), os.stat(lock_file))
    except OSError:
        return False


def _release(lock, path):
    lock_file, owner_file = lock_paths(path)
    with contextlib.suppress(OSError):
        os.remove(owner_file)
    if os.name != "nt":
        # Unlinked while still locked: a run that opened it meanwhile sees it unlinked and locks afresh
        # (_still_named). Windows: filelock removes it itself on release.
        with contextlib.suppress(OSError):
            os.remove(lock_file)
    lock.release()


def _write_owner(owner_file, purpose):
    program = os.path.basename((sys.argv[0] if sys.argv else "") or _executable()) or "python"
    owner = {"purpose": str(purpose), "pid": os.getpid(), "program": program, "host": socket.gethostname(),
             "since": time.strftime("%Y-%m-%d %H:%M:%S")}
    if isinstance(purpose, Message) and purpose.forms is None:  # so that the run it refuses says it in its language
        owner["purpose_template"] = purpose.template
        owner["purpose_args"] = [str(argument) for argument in purpose.args]
    temporary = "{}.{}".format(owner_file, os.getpid())
    try:
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(owner, stream)
        os.replace(temporary, owner_file)  # whole or absent for a reader
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(temporary)


def _executable():
    """The running program: embedded Python (QGIS, qgis_process) has an empty argv[0], and its sys.executable
    names python3; Linux says which binary hosts it."""
    try:
        return os.readlink("/proc/self/exe")
    except OSError:  # not Linux
        return sys.executable or ""


def _read_owner(path, wait=2.0):
    """The owner sidecar of a locked `path`; a run that has just taken the lock writes it a moment later, so
    wait up to `wait` seconds for it rather than call its owner unknown."""
    deadline = time.monotonic() + wait
    while True:
        with contextlib.suppress(OSError, ValueError):
            with open(lock_paths(path)[1], encoding="utf-8") as stream:
                owner = json.load(stream)
            if isinstance(owner, dict) and owner.get("pid"):
                return owner
        if time.monotonic() >= deadline:
            return {}
        time.sleep(0.1)


def _purpose(owner):
    """What the run holding a lock does, as its owner sidecar says: a Message when written as one (translated in
    the refused run's language), else its words as they are."""
    template, args = owner.get("purpose_template"), owner.get("purpose_args")
    if isinstance(template, str) and isinstance(args, list) and all(isinstance(a, str) for a in args):
        try:
            return Message(template, *args)
        except (IndexError, KeyError, ValueError):
            pass  # not one of ours: its plain words
    return str(owner.get("purpose", "a run"))


def _in_use_message(path):
    owner = _read_owner(path)
    if owner:
        who = Message("{} — {} process {} on {}, since {}",
            _purpose(owner), owner.get("program", "?"), owner.get("pid"), owner.get("host", "?"),
            owner.get("since", "?"))
    else:
        who = Message("a run that is just starting")
    return Message("'{}' is being written by another run ({}): wait for it to end, or choose another output file.",
                   path, who)
