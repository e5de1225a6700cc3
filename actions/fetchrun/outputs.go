package fetchrun

import (
	"strings"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// StepOutputs are the step's outputs: sub of the first token (every token
// of a job has the same), aud of every token joined with commas in the
// order requested, and the verdict. They are the real values, not
// redacted: outputs feed later steps, they are not shown.
func StepOutputs(reports []*inspect.Report, verdict string) []actions.Output {
	var sub string
	var auds []string
	for _, r := range reports {
		if r.Token == nil {
			continue
		}
		if s, ok := r.Token.Payload.Str("sub"); ok && sub == "" {
			sub = s
		}
		if v, ok := r.Token.Payload.Get("aud"); ok {
			if list, ok := policy.StringList(v); ok {
				auds = policy.AppendAudiences(auds, list...)
			}
		}
	}
	return []actions.Output{{Name: "sub", Value: sub}, {Name: "aud", Value: strings.Join(auds, ",")}, {Name: "verdict", Value: verdict}}
}

// FailedOutputs are the step's outputs when no token could be inspected:
// the verdict "error", so a later step that runs anyway (if: always())
// can tell.
func FailedOutputs() []actions.Output {
	return []actions.Output{{Name: "verdict", Value: VerdictError}}
}
