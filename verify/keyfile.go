package verify

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"
)

// maxKeyFile caps what --jwks, --key and --secret-file read: a JWK Set of
// 10,000 keys is about 800 KiB, and the network cap is the same 1 MiB.
const maxKeyFile = 1 << 20

// pipeWait bounds reading a pipe (--jwks <(curl …)): its writer may be slow
// to start, but one that never writes nor closes must not hang the tool.
const pipeWait = 10 * time.Second

// readKeyFile reads a key file the user named: a regular file, or a pipe
// (process substitution, --jwks <(curl …)) read until its writer closes,
// for at most pipeWait. Anything else (a device such as /dev/zero, a
// directory, a socket) is refused, and so is more than maxKeyFile, so a
// wrong path is a clear error, never a hang or running out of memory. The
// open does not block: O_NONBLOCK lets a FIFO with no writer open at once
// (and read as empty), and the check is on the opened file, so nothing can
// swap the path between a check and the read.
func readKeyFile(path string) ([]byte, error) {
	return readKeyFileWithin(path, pipeWait)
}

// readKeyFileWithin is readKeyFile with the pipe deadline given.
func readKeyFileWithin(path string, wait time.Duration) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	pipe := info.Mode()&os.ModeNamedPipe != 0
	switch {
	case pipe:
		// A pipe opened non-blocking goes through Go's poller, so a
		// deadline ends a read that would otherwise wait forever.
		if err := f.SetReadDeadline(time.Now().Add(wait)); err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrKeyFile, path, err)
		}
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%w: %s is not a regular file or a pipe (%s)", ErrKeyFile, path, fileKind(info.Mode()))
	case info.Size() > maxKeyFile:
		return nil, fmt.Errorf("%w: %s is %s, over the %s limit", ErrKeyFile, path, formatSize(info.Size()), formatSize(maxKeyFile))
	}
	// A file may grow after Stat, and a pipe has no size: read one byte
	// past the cap to know.
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return nil, fmt.Errorf("%w: %s is a pipe whose writer sent nothing to end within %v", ErrKeyFile, path, wait)
	}
	if err != nil {
		return nil, err
	}
	if len(data) > maxKeyFile {
		return nil, fmt.Errorf("%w: %s is over the %s limit", ErrKeyFile, path, formatSize(maxKeyFile))
	}
	return data, nil
}

// fileKind names a non-regular file's type for the message.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.String()
}
