package vault

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
	"github.com/oidcscope/oidcscope/policy"
)

// runner drives one plugin mount per bound_issuer and oidcscope.
type runner struct {
	signer  *harness.Signer
	plugins map[string]*plugin
	configs map[string]map[string]any // each mount's config, as `vault read` shows it
	serial  int                       // for unique role names
}

func newRunner(ctx context.Context, issuers []string) (*runner, error) {
	s, err := harness.NewSigner()
	if err != nil {
		return nil, err
	}
	pubPEM, err := s.PublicPEM()
	if err != nil {
		return nil, err
	}
	rn := &runner{signer: s, plugins: map[string]*plugin{}, configs: map[string]map[string]any{}}
	for _, iss := range issuers {
		p, err := newPlugin(ctx, pubPEM, iss)
		if err != nil {
			return nil, err
		}
		cfg, err := p.readConfig(ctx)
		if err != nil {
			return nil, err
		}
		rn.plugins[iss], rn.configs[iss] = p, cfg
	}
	return rn, nil
}

// outcome is what Vault and oidcscope answer for one case.
type outcome struct {
	vault    policy.Verdict // Error: the role endpoint refused the role
	vaultMsg string         // Vault's refusal, of the role or of the login
	readBack string         // the stored role, `vault read -format=json`; "" when refused
	written  scopeAnswer    // oidcscope on the role as written
	read     scopeAnswer    // oidcscope on the read-back (when stored)
}

// run writes the role, reads it back, logs in, and asks oidcscope.
func (rn *runner) run(ctx context.Context, c testCase) (outcome, error) {
	var out outcome
	p, ok := rn.plugins[c.issuer]
	if !ok {
		return out, fmt.Errorf("no mount for bound_issuer %q", c.issuer)
	}
	rn.serial++
	name := fmt.Sprintf("c%d-%d", c.index, rn.serial)
	defer p.deleteRole(ctx, name)

	jwt, err := rn.signer.Sign(c.claims.Text())
	if err != nil {
		return out, err
	}
	refusal, err := p.writeRole(ctx, name, c.role.Text())
	if err != nil {
		return out, err
	}
	if refusal != "" {
		out.vault, out.vaultMsg = policy.Error, refusal
	} else {
		if out.readBack, err = p.readRole(ctx, name); err != nil {
			return out, err
		}
		allowed, why, err := p.login(ctx, name, jwt)
		if err != nil {
			return out, err
		}
		if h := harnessProblem(why); h != "" && !unreadable(c.claims.Text()) {
			return out, fmt.Errorf("case %d: Vault refused the login for a reason the harness must rule out (%s): %s", c.index, h, why)
		}
		out.vault, out.vaultMsg = policy.Deny, why
		if allowed {
			out.vault = policy.Allow
		}
	}
	cfg := rn.configs[c.issuer]
	if out.written, err = evaluate(cfg, name, c.role.Text(), jwt); err != nil {
		return out, err
	}
	if out.readBack != "" {
		if out.read, err = evaluate(cfg, name, out.readBack, jwt); err != nil {
			return out, err
		}
	}
	return out, nil
}

// harnessProblem names a login refusal that says the harness, not the
// role, is wrong: the signature, the algorithm or the clock.
func harnessProblem(msg string) string {
	for _, s := range []string{"error verifying token signature", "invalid algorithm", "token is expired", "not yet valid", "issued in the future", "no issued at"} {
		if strings.Contains(msg, s) {
			return s
		}
	}
	return ""
}

// unreadable reports whether go-jose's JSON decoder, which Vault reads
// the claims with, refuses them: a number past float64 or a duplicate key
// at any depth. Vault then blames the signature, which is no fault of the
// harness.
func unreadable(payload string) bool {
	var m map[string]any
	return json.Unmarshal([]byte(payload), &m) != nil || duplicateKeys(json.NewDecoder(strings.NewReader(payload)))
}

// duplicateKeys walks a JSON text and reports an object naming a key
// twice.
func duplicateKeys(dec *json.Decoder) bool {
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return false
			}
			key, _ := k.(string)
			if seen[key] || duplicateKeys(dec) {
				return true
			}
			seen[key] = true
		}
		_, _ = dec.Token() // '}'
	case json.Delim('['):
		for dec.More() {
			if duplicateKeys(dec) {
				return true
			}
		}
		_, _ = dec.Token() // ']'
	}
	return false
}
