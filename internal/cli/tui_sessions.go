package cli

import (
	"github.com/oidcscope/oidcscope/inspect"
)

// tuiStart is what the terminal inspector starts with: the session for
// the tokens the user pastes or opens, and the demo's, built the first
// time the demo shows. Neither has the demo's sample policies: the
// inspector adds them to the demo's session in the background
// (withDemoSamples), and a token pasted after the demo is checked
// against the demo's policies by then, the samples among them.
type tuiStart struct {
	pasted inspect.Session
	demo   func() (inspect.Session, error)
}

// tuiStartOf builds it from opts (pipeline's). Without --demo, opts are
// the pasted tokens' and the demo has its own keys. With --demo, opts
// are the demo's, with any --policy; a token pasted later is checked as
// the flags say, without the demo's keys, issuer and audience.
func tuiStartOf(o *inspectOptions, opts inspect.Options, getenv env) (tuiStart, error) {
	if !o.demo.on() {
		return tuiStart{pasted: inspect.NewSession(opts), demo: demoSession}, nil
	}
	pasted, err := o.checkOptions(getenv)
	if err != nil {
		return tuiStart{}, err
	}
	pasted.Policies, pasted.PoliciesAny = opts.Policies, opts.PoliciesAny
	demo := inspect.NewSession(opts)
	return tuiStart{
		pasted: inspect.NewSession(pasted),
		demo:   func() (inspect.Session, error) { return demo, nil },
	}, nil
}
