package remote

import (
	"errors"
	"runtime"

	"github.com/oidcscope/oidcscope/policy"
)

// Dialer gives the connection to the helper, starting it on the first
// call; every provider of a process shares one (Shared).
type Dialer func() (*Conn, error)

// Local is what a provider answers without CEL, so without the helper:
// every report lists every provider's snippets, and every document is
// offered to every provider, and neither should start a process.
type Local struct {
	// Mentions is the provider's byte test: a document without its mark
	// is not the provider's.
	Mentions func([]byte) bool
	// Snippets are the provider's ready-to-paste conditions.
	Snippets func(policy.Token) []policy.Snippet
}

// Registration is reg (a provider's registration without a constructor,
// such as gcpinfo's) with a constructor whose provider answers from local
// what it can and asks the helper that dial reaches for the rest.
func Registration(reg policy.Registration, local Local, dial Dialer) policy.Registration {
	reg.New = func() policy.Provider { return &Provider{id: reg.ID, local: local, dial: dial} }
	return reg
}

// Provider stands for the provider id in the helper.
type Provider struct {
	id    string
	local Local
	dial  Dialer
}

// ID is the provider's id.
func (p *Provider) ID() string { return p.id }

// Detect is the provider's own Detect, run by the helper for a document
// with the provider's mark. When the helper cannot be reached, a marked
// document counts as detected, so that Parse says why it was not read
// rather than it being called nobody's.
func (p *Provider) Detect(data []byte) bool {
	if !p.local.Mentions(data) {
		return false
	}
	c, err := p.dial()
	if err != nil {
		return true
	}
	resp, err := c.call(request{Op: opDetect, Provider: p.id, Data: data})
	return err != nil || resp.Detected
}

// Parse has the helper parse the document and keeps a handle per policy.
func (p *Provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	c, err := p.dial()
	if err != nil {
		return nil, err
	}
	wire := wireSource(source)
	resp, err := c.call(request{Op: opParse, Provider: p.id, Source: wire, Data: data})
	if err != nil {
		return nil, err
	}
	resp = restoreSource(resp, wire, source)
	if resp.Error != "" {
		return nil, &providerError{msg: resp.Error}
	}
	pols := make([]policy.Policy, len(resp.Policies))
	for i, info := range resp.Policies {
		rp := remotePolicy{info: info, conn: c, wire: wire, source: source}
		if info.Hints {
			h := &hintingPolicy{rp}
			runtime.AddCleanup(h, c.release, info.Handle)
			pols[i] = h
		} else {
			runtime.AddCleanup(&rp, c.release, info.Handle)
			pols[i] = &rp
		}
	}
	return pols, nil
}

// Suggest is the provider's own suggestion, made by the helper.
func (p *Provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	c, err := p.dial()
	if err != nil {
		return policy.Suggestion{}, err
	}
	resp, err := c.withToken(request{Op: opSuggest, Provider: p.id, Scope: scope}, tokenID(c, tok), tok.Payload)
	switch {
	case err != nil:
		return policy.Suggestion{}, err
	case resp.Error != "":
		return policy.Suggestion{}, &providerError{msg: resp.Error}
	case resp.Suggestion == nil:
		return policy.Suggestion{}, errors.Join(ErrHelper, errors.New("no suggestion in the answer"))
	}
	return *resp.Suggestion, nil
}

// Snippets are the provider's own, made here (Local).
func (p *Provider) Snippets(tok policy.Token) []policy.Snippet { return p.local.Snippets(tok) }

// tokenKey is the memo key of a token's number on one connection.
type tokenKey struct{ conn *Conn }

// tokenID numbers tok once per connection (policy.Token.Memo), so every
// policy of a set evaluated on the same token sends its claims once.
func tokenID(c *Conn, tok policy.Token) uint64 {
	return tok.Memo(tokenKey{c}, func() any { return c.newTokenID() }).(uint64)
}

// providerError is the provider's own error message, as the helper
// reported it: the text is the provider's, the kind is lost on the way.
type providerError struct{ msg string }

func (e *providerError) Error() string { return e.msg }
