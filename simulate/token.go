package simulate

import (
	"encoding/json"
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// Payload is the simulated token's payload as JSON, keys sorted like
// GitHub's.
func (s Simulation) Payload() ([]byte, error) {
	data, err := json.Marshal(s.Claims)
	if err != nil {
		return nil, fmt.Errorf("simulated payload: %w", err)
	}
	return data, nil
}

// Token is the simulation as the policies read a token.
func (s Simulation) Token() (policy.Token, error) {
	data, err := s.Payload()
	if err != nil {
		return policy.Token{}, err
	}
	v, errs := decode.ParseJSON("payload", data)
	if len(errs) > 0 {
		return policy.Token{}, fmt.Errorf("simulated payload: %w", errs[0])
	}
	return policy.NewToken(v), nil
}
