package vault

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// Documents oidcscope is given.
const (
	docWritten = "as written"
	docRead    = "as read back"
)

// disagreement is one document on which oidcscope and Vault differ.
type disagreement struct {
	doc      string // docWritten or docRead
	vault    policy.Verdict
	vaultMsg string
	scope    scopeAnswer
	what     string // "verdict", or "message" when both say error but oidcscope lacks Vault's words
}

// signature identifies a disagreement for shrinking: a smaller case must
// keep it.
func (d disagreement) signature() string {
	return fmt.Sprintf("%s|%s|%s|%s|%s", d.doc, d.what, d.vault, d.scope.verdict, family(d.vaultMsg))
}

// disagreements compares both documents with Vault's answer.
func disagreements(o outcome) []disagreement {
	var out []disagreement
	if d, ok := compareDoc(docWritten, o, o.written); !ok {
		out = append(out, d)
	}
	if o.readBack != "" {
		if d, ok := compareDoc(docRead, o, o.read); !ok {
			out = append(out, d)
		}
	}
	return out
}

func compareDoc(doc string, o outcome, a scopeAnswer) (disagreement, bool) {
	d := disagreement{doc: doc, vault: o.vault, vaultMsg: o.vaultMsg, scope: a, what: "verdict"}
	if a.verdict != o.vault {
		return d, false
	}
	if o.vault == policy.Error && !mentionsRefusal(a, o.vaultMsg) {
		d.what = "message"
		return d, false
	}
	return d, true
}

// orderDependent are the role endpoint's refusals whose detail depends on
// Go's map iteration order (which bound claim or mapping it names first):
// only their fixed start is required.
var orderDependent = []string{"claim is not a string: ", "claim is not a string or list: ", "multiple keys are mapped to metadata key "}

// mentionsRefusal reports whether oidcscope's answer carries Vault's
// refusal of the role in Vault's own words.
func mentionsRefusal(a scopeAnswer, msg string) bool {
	if a.mentions(msg) {
		return true
	}
	for _, prefix := range orderDependent {
		if strings.HasPrefix(msg, prefix) && a.mentions(prefix) {
			return true
		}
	}
	return false
}
