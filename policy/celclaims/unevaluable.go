package celclaims

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// unknownFunction is how cel-go's checker reports a function it does not
// know at all, or not for these argument types.
var unknownFunction = lazyre.New(`undeclared reference to '([^']+)'|found no matching overload for '([^']+)'`)

// Unimplemented lists, once per mention, the names among providerOnly
// that a compilation error (cel.Issues' text) reports as unknown: the
// provider's CEL has these functions and cel-go does not, so the
// expression may well be valid for the provider, and the failure is
// oidcscope's limit rather than the policy's fault.
func Unimplemented(issues string, providerOnly []string) []string {
	var out []string
	for _, m := range unknownFunction().FindAllStringSubmatch(issues, -1) {
		if name := m[1] + m[2]; slices.Contains(providerOnly, name) {
			out = append(out, name)
		}
	}
	return out
}

// Blame words, for a Result, who stops a policy from being evaluated:
// the provider (it would refuse the policy) or oidcscope (its CEL lacks a
// function the provider has, or the document lacks what oidcscope needs
// to evaluate it). Users act differently on each, so the two must never
// read alike.
type Blame struct {
	Error   string // Result.Error: this, then every problem
	Summary string // Result.Summary: this, then the first problem's first line
}

// Unevaluable makes res an Error verdict for a policy's problems. The
// summary keeps to one line (a CEL error spans several, with a caret
// under the fault) and counts the problems it leaves out.
func Unevaluable(res *policy.Result, problems []string, blame Blame) {
	if len(problems) == 0 {
		return
	}
	res.Verdict = policy.Error
	more := ""
	if len(problems) > 1 {
		more = fmt.Sprintf(" (+%d more)", len(problems)-1)
	}
	first, _, _ := strings.Cut(problems[0], "\n")
	res.Error = blame.Error + strings.Join(problems, "; ")
	res.Summary = blame.Summary + first + more
}

// Stopped is the Blame for a policy whose evaluation oidcscope's CEL
// bounds stopped (errors wrapping ErrCostLimit): its verdict is unknown,
// and the problems name the expressions. what names the policy ("this
// provider", "this configuration").
func Stopped(what string) Blame {
	return Refusal("oidcscope stopped evaluating " + what + ": ")
}

// Refusal is the Blame whose Summary is its Error marked as an error.
func Refusal(why string) Blame {
	return Blame{Error: why, Summary: "error: " + why}
}
