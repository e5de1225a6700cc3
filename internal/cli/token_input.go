package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/internal/shellquote"
)

// readToken takes the token from the argument, a file (@FILE), or stdin
// ("-" or no argument), reading at most max+1 bytes so an oversized input is
// reported, not swallowed.
func readToken(positional []string, stdin io.Reader, max int) ([]byte, error) {
	arg := "-"
	if len(positional) == 1 {
		arg = positional[0]
	}
	var r io.Reader
	switch {
	case arg == "-":
		if stdinIsTerminal(stdin) {
			return nil, errors.New("no token given: pass TOKEN, @FILE or pipe it on stdin (or try --demo)")
		}
		r = stdin
	case strings.HasPrefix(arg, "@"):
		f, err := os.Open(arg[1:])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	default:
		if namesAFile(arg) {
			return nil, fmt.Errorf("no token in the argument %s, which names a file: did you mean %s?", quoted(arg), shellquote.Quote("@"+arg))
		}
		return []byte(arg), nil
	}
	if max <= 0 {
		max = decode.DefaultMaxSize
	}
	return io.ReadAll(io.LimitReader(r, int64(max)+1))
}

// namesAFile is whether arg, given as the token itself, is a path to a
// file instead: it holds no "eyJ", which starts every JWT's header and so
// every pasted token, in any wrapping, and a regular file is there.
func namesAFile(arg string) bool {
	if strings.Contains(arg, "eyJ") {
		return false
	}
	fi, err := os.Stat(arg)
	return err == nil && fi.Mode().IsRegular()
}

// isTerminal asks the terminal itself: a mode check would take /dev/null,
// a character device too, for one.
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// stdinIsTerminal is true when nothing was piped in: the user is at a
// keyboard.
func stdinIsTerminal(stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	return ok && isTerminal(f)
}
