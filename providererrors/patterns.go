package providererrors

import "github.com/oidcscope/oidcscope/internal/lazyre"

// The expressions normalising pasted lines uses, compiled on first use.
var (
	// timestampPrefix: GitHub's raw log lines start with an RFC 3339
	// timestamp with up to seven fractional digits.
	timestampPrefix = lazyre.New(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\s*`)
	// logCommandPrefix: "##[error]", "##[warning]", "::error::", and
	// "::error file=…::" annotations.
	logCommandPrefix = lazyre.New(`^(?:##\[[a-z]+\]|::[a-z]+(?: [^:]*)?::)`)
	// ansiSequence: CSI (ESC [ … final byte) and OSC (ESC ] … BEL or ST).
	ansiSequence = lazyre.New(`\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)`)
)

// printedClaim is one line of the claim list the PyPI publish action
// prints: * `name`: `value`.
var printedClaim = lazyre.New("\\*\\s+`([a-z_]+)`:\\s+`([^`]*)`")
