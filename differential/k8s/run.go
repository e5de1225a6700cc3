package k8s

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
)

// runner asks kube-apiserver's code and oidcscope about cases.
type runner struct {
	signer *harness.Signer
	kube   *kube
	signed map[string]string // payload → token: shrinking signs the same claims again and again
}

func newRunner() (*runner, error) {
	s, err := harness.NewSigner()
	if err != nil {
		return nil, err
	}
	return &runner{signer: s, kube: newKube(newKeySet(s)), signed: map[string]string{}}, nil
}

// outcome is both answers to one case.
type outcome struct {
	kube  kubeAnswer
	scope scopeAnswer
}

// run signs the claims and asks both sides.
func (rn *runner) run(ctx context.Context, c testCase) (outcome, error) {
	payload := c.claims.Text()
	jwt, ok := rn.signed[payload]
	if !ok {
		var err error
		if jwt, err = rn.signer.Sign(payload); err != nil {
			return outcome{}, err
		}
		rn.signed[payload] = jwt
	}
	doc := c.document()
	k := rn.kube.answer(ctx, doc, jwt)
	if h := harnessProblem(k.msg); h != "" {
		return outcome{}, fmt.Errorf("case %d: kube-apiserver refused the token for a reason the harness must rule out (%s): %s", c.index, h, k.msg)
	}
	s, err := evaluate(doc, jwt)
	if err != nil {
		return outcome{}, fmt.Errorf("case %d: %w", c.index, err)
	}
	return outcome{kube: k, scope: s}, nil
}

// harnessProblem names a refusal that says the harness, not the case, is
// wrong: the signature, the algorithm or the clock.
func harnessProblem(msg string) string {
	for _, s := range []string{errSignature.Error(), "unsupported signing alg", "token is expired", "before the nbf", "not initialized"} {
		if strings.Contains(msg, s) {
			return s
		}
	}
	return ""
}

var (
	quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|\[[^\]]*\]`)
	digits = regexp.MustCompile(`[0-9]+`)
)

// family is a message with its quoted values, lists and numbers blanked,
// so that refusals of one kind tally together.
func family(msg string) string {
	msg = quoted.ReplaceAllString(msg, `"…"`)
	msg = digits.ReplaceAllString(msg, "N")
	if len(msg) > 160 {
		msg = msg[:160] + "…"
	}
	return msg
}
