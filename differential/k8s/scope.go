package k8s

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// scopeAnswer is oidcscope's answer to one case.
type scopeAnswer struct {
	verdict policy.Verdict
	result  policy.Result
	user    string // the username the allow summary names
	groups  string // the groups it names, "a, b"; "" when none
}

// reason is the error, or the summary.
func (a scopeAnswer) reason() string {
	if a.verdict == policy.Error {
		return a.result.Error
	}
	return a.result.Summary
}

// configName is the file name oidcscope is given the document under.
const configName = "authentication-config.json"

// evaluate runs the document through policyset, as the CLI loads a
// --policy file (every provider detects, the Kubernetes one parses), and
// evaluates the token as the pipeline does.
func evaluate(doc []byte, jwt string) (scopeAnswer, error) {
	tok, err := decode.Parse(jwt)
	if err != nil {
		return scopeAnswer{}, fmt.Errorf("oidcscope cannot decode the test token: %w", err)
	}
	set := &policyset.Set{}
	set.Add(policyset.All(), configName, doc)
	results := set.Evaluate(policy.NewToken(tok.Payload))
	if len(results) != 1 {
		return scopeAnswer{}, fmt.Errorf("oidcscope made %d results of one document", len(results))
	}
	res := results[0]
	if res.Provider != policy.K8s && res.Verdict != policy.Error {
		return scopeAnswer{}, fmt.Errorf("oidcscope read the document as %s", res.Provider)
	}
	a := scopeAnswer{verdict: res.Verdict, result: res}
	if res.Verdict == policy.Allow {
		a.user, a.groups = summaryUser(res.Summary)
	}
	return a, nil
}

// allowSummary is how policy/k8s names the user it authenticates: the
// username raw between quotes (escape.Quoted; the view escapes it once),
// so the quote that closes it is the last before the groups or the end.
var allowSummary = regexp.MustCompile(`(?s)authenticates the token as user "(.*?)"(?: with groups \[(.*)\])?$`)

// summaryUser reads the username and groups from an allow summary.
func summaryUser(summary string) (user, groups string) {
	m := allowSummary.FindStringSubmatch(summary)
	if m == nil {
		return "", ""
	}
	return m[1], m[2]
}

// groupsText renders kube-apiserver's groups as oidcscope's summary does.
func groupsText(groups []string) string { return strings.Join(groups, ", ") }
