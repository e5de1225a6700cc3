package remote

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Serve is the helper's side: it answers requests from r on w with
// providers' own code until r ends (oidcscope exited or closed it), and
// returns nil then. version is the helper's release, compared with
// oidcscope's at hello.
func Serve(r io.Reader, w io.Writer, version string, providers ...policy.Provider) error {
	s := &server{providers: map[string]policy.Provider{}, version: version}
	for _, p := range providers {
		s.providers[p.ID()] = p
	}
	return serveWith(s, r, w)
}

func serveWith(s *server, r io.Reader, w io.Writer) error {
	br := bufio.NewReader(r)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for {
		var req request
		if err := readMessage(br, &req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading a request: %w", err)
		}
		if err := enc.Encode(s.answer(req)); err != nil {
			return fmt.Errorf("writing an answer: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing an answer: %w", err)
		}
	}
}

// server holds what the helper has parsed: the policies by handle (their
// index + 1) and the last token sent.
type server struct {
	providers map[string]policy.Provider
	version   string
	policies  []policy.Policy
	tokenID   uint64
	token     policy.Token
}

// answer runs one request. A panic in a provider becomes that request's
// error, so one document cannot take the helper, and every other
// verdict, down; evaluations recover inside policy.SafeEvaluate, as the
// set does in-process.
func (s *server) answer(req request) (resp response) {
	defer func() {
		if r := recover(); r != nil {
			resp = response{Error: fmt.Sprintf("oidcscope-cel failed on this request (a bug: please report it): %s", policy.Shorten(fmt.Sprint(r), 200))}
		}
	}()
	for _, h := range req.Release {
		if h >= 1 && h <= len(s.policies) {
			s.policies[h-1] = nil
		}
	}
	if req.Payload != nil {
		s.tokenID, s.token = req.TokenID, policy.NewToken(fromWire(*req.Payload))
	}
	switch req.Op {
	case opHello:
		return response{Protocol: Protocol, Version: s.version}
	case opEvaluate:
		if req.Policy < 1 || req.Policy > len(s.policies) || s.policies[req.Policy-1] == nil {
			return response{Error: fmt.Sprintf("oidcscope-cel holds no policy %d", req.Policy)}
		}
		if !s.holds(req.TokenID) {
			return response{Error: "oidcscope-cel was not sent the token"}
		}
		res := policy.SafeEvaluate(s.policies[req.Policy-1], s.token)
		return response{Result: &res}
	}
	p, ok := s.providers[req.Provider]
	if !ok {
		return response{Error: "oidcscope-cel has no provider " + escape.Quoted(req.Provider)}
	}
	switch req.Op {
	case opDetect:
		return response{Detected: p.Detect(req.Data)}
	case opParse:
		return s.parse(p, req)
	case opSuggest:
		if !s.holds(req.TokenID) {
			return response{Error: "oidcscope-cel was not sent the token"}
		}
		sug, err := p.Suggest(s.token, req.Scope)
		if err != nil {
			return response{Error: err.Error()}
		}
		return response{Suggestion: &sug}
	}
	return response{Error: "oidcscope-cel does not know the request " + escape.Quoted(req.Op)}
}

func (s *server) holds(id uint64) bool { return id != 0 && id == s.tokenID }

// parse keeps every policy of the document and describes it to oidcscope.
func (s *server) parse(p policy.Provider, req request) response {
	pols, err := p.Parse(req.Source, req.Data)
	if err != nil {
		return response{Error: err.Error()}
	}
	resp := response{Policies: make([]policyInfo, len(pols))}
	for i, pol := range pols {
		s.policies = append(s.policies, pol)
		info := policyInfo{Handle: len(s.policies), Provider: pol.Provider(), Source: pol.Source(), Name: pol.Name()}
		if h, ok := pol.(policy.AudienceHinter); ok {
			info.Hints, info.Audiences = true, h.Audiences()
		}
		resp.Policies[i] = info
	}
	return resp
}
