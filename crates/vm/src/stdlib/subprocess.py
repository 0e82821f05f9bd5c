# gilvm's subprocess: Popen, run, call, check_call, check_output, getoutput and
# getstatusoutput over the native _spawn (std::process::Command: fork and exec) and _waitpid,
# with the pipes as file objects over os.read/os.write. The API and messages are CPython's.

import os
import select as _select
import time as _time

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput", "getoutput",
           "check_output", "run", "CalledProcessError", "DEVNULL", "SubprocessError",
           "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3
_INHERIT = -100
_PIPE_BUF = 512


class SubprocessError(Exception):
    pass


def _signal_repr(number):
    import signal
    for name in dir(signal):
        if name.startswith("SIG") and not name.startswith("SIG_") and \
                getattr(signal, name) == number and name not in ("SIGIOT", "SIGPOLL", "SIGCLD"):
            return "<Signals.%s: %d>" % (name, number)
    return "unknown signal %d" % number


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            return "Command '%s' died with %s." % (self.cmd, _signal_repr(-self.returncode))
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            args.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            args.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


class _PipeFile:
    """One end of a pipe to the child: unbuffered bytes over os.read/os.write, decoded and
    encoded when the Popen is in text mode."""

    def __init__(self, fd, mode, encoding=None, errors=None):
        self._fd = fd
        self.mode = mode
        self.closed = False
        self._encoding = encoding
        self._errors = errors or "strict"
        self._pending = b""

    def fileno(self):
        self._check()
        return self._fd

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _text(self, data):
        if self._encoding is None:
            return data
        return data.decode(self._encoding, self._errors).replace("\r\n", "\n").replace("\r", "\n")

    def _read_all(self):
        chunks = [self._pending]
        self._pending = b""
        while True:
            chunk = os.read(self._fd, 65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            return self._text(self._read_all())
        while len(self._pending) < size:
            chunk = os.read(self._fd, max(size - len(self._pending), 8192))
            if not chunk:
                break
            self._pending += chunk
        data, self._pending = self._pending[:size], self._pending[size:]
        return self._text(data)

    def readline(self):
        self._check()
        while b"\n" not in self._pending:
            chunk = os.read(self._fd, 8192)
            if not chunk:
                break
            self._pending += chunk
        end = self._pending.find(b"\n") + 1 or len(self._pending)
        line, self._pending = self._pending[:end], self._pending[end:]
        return self._text(line)

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check()
        if self._encoding is not None:
            data = data.encode(self._encoding, self._errors)
        view = bytes(data)
        while view:
            view = view[os.write(self._fd, view):]
        return len(data)

    def flush(self):
        self._check()

    def close(self):
        if not self.closed:
            self.closed = True
            os.close(self._fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except OSError:
            pass


def _mode(value, name):
    if value is None:
        return _INHERIT
    if value in (PIPE, DEVNULL) or (value == STDOUT and name == "stderr"):
        return value
    if isinstance(value, int):
        if value < 0:
            raise ValueError("bad value for %s: %d" % (name, value))
        return value
    return value.fileno()


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        if preexec_fn is not None:
            raise NotImplementedError("gilvm's subprocess does not run preexec_fn")
        self.args = args
        self.returncode = None
        text_mode = bool(encoding or errors or text or universal_newlines)
        if text is not None and universal_newlines is not None and \
                bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines "
                                  "are supplied but different. Pass one or the other.")
        self.text_mode = text_mode
        self.encoding = encoding
        self.errors = errors
        if isinstance(args, (str, bytes)) or hasattr(args, "__fspath__"):
            argv = [args.decode() if isinstance(args, bytes) else os.fspath(args)]
        else:
            argv = [a.decode() if isinstance(a, bytes) else os.fspath(a) for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable is not None:
                argv[0] = executable
        if executable is not None:
            executable = os.fspath(executable)
        if cwd is not None:
            cwd = os.fspath(cwd)
        env_pairs = None
        if env is not None:
            env_pairs = [(os.fspath(k), os.fspath(v)) for k, v in env.items()]
        pid, in_fd, out_fd, err_fd = _spawn(
            argv, executable, cwd, env_pairs, _mode(stdin, "stdin"), _mode(stdout, "stdout"),
            _mode(stderr, "stderr"))
        self.pid = pid
        enc = (encoding or "utf-8") if text_mode else None
        self.stdin = _PipeFile(in_fd, "wb", enc, errors) if in_fd >= 0 else None
        self.stdout = _PipeFile(out_fd, "rb", enc, errors) if out_fd >= 0 else None
        self.stderr = _PipeFile(err_fd, "rb", enc, errors) if err_fd >= 0 else None

    def __repr__(self):
        return "<%s: returncode: %s args: %r>" % (type(self).__name__, self.returncode,
                                                  self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f:
                f.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    def poll(self):
        if self.returncode is None:
            self.returncode = _waitpid(self.pid, False)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            self.returncode = _waitpid(self.pid, True)
            return self.returncode
        end = _time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            remaining = end - _time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            _time.sleep(delay)
        return self.returncode

    def send_signal(self, sig):
        self.poll()
        if self.returncode is None:
            os.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    def communicate(self, input=None, timeout=None):
        if input is not None and self.stdin is None:
            raise ValueError("Popen.communicate() input without a stdin pipe")
        end = None if timeout is None else _time.monotonic() + timeout
        if self.stdin is not None and self.text_mode and input is not None:
            input = input.encode(self.stdin._encoding, self.stdin._errors)
        readers = {f._fd: f for f in (self.stdout, self.stderr) if f is not None and not f.closed}
        chunks = {fd: [] for fd in readers}
        pending = bytes(input) if input else b""
        writer = self.stdin if self.stdin is not None and not self.stdin.closed else None
        if writer is not None and not pending:
            writer.close()
            writer = None
        while readers or writer is not None:
            wait = None
            if end is not None:
                wait = end - _time.monotonic()
                if wait <= 0:
                    raise TimeoutExpired(self.args, timeout)
            rlist, wlist, _ = _select.select(list(readers), [writer._fd] if writer else [], [],
                                             wait)
            if writer is not None and wlist:
                try:
                    sent = os.write(writer._fd, pending[:_PIPE_BUF])
                except BrokenPipeError:
                    sent = len(pending)
                pending = pending[sent:]
                if not pending:
                    writer.close()
                    writer = None
            for fd in rlist:
                data = os.read(fd, 32768)
                if data:
                    chunks[fd].append(data)
                else:
                    readers.pop(fd).close()
        results = []
        for f in (self.stdout, self.stderr):
            if f is None:
                results.append(None)
            else:
                results.append(f._text(f._pending + b"".join(chunks.get(f._fd, []))))
        self.wait(None if end is None else max(end - _time.monotonic(), 0))
        return tuple(results)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ("stdout", "check"):
        if kw in kwargs:
            raise ValueError("%s argument not allowed, it will be overridden." % kw)
    if "input" in kwargs and kwargs["input"] is None:
        kwargs["input"] = "" if kwargs.get("universal_newlines") or kwargs.get("text") \
            or kwargs.get("encoding") or kwargs.get("errors") else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding,
                            errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def _args_from_interpreter_flags():
    """The command-line options that give a child interpreter this one's sys.flags
    (multiprocessing.util imports it)."""
    import sys
    flag_opt_map = {"debug": "d", "dont_write_bytecode": "B", "no_site": "S",
                    "verbose": "v", "bytes_warning": "b", "quiet": "q"}
    args = []
    optimize = getattr(sys.flags, "optimize", 0)
    if optimize > 0:
        args.append("-" + "O" * optimize)
    for flag, opt in flag_opt_map.items():
        value = getattr(sys.flags, flag, 0)
        if value > 0:
            args.append("-" + opt * value)
    return args
