package oidcprovider

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// getDocument is `aws iam get-open-id-connect-provider` output: one
// provider, named by its URL (the output carries no ARN).
type getDocument struct {
	source      string
	url         string // as IAM prints it, without https://
	clientIDs   []string
	thumbprints []string
	lint        []policy.Finding
}

func (d *getDocument) Provider() string { return policy.AWS }
func (d *getDocument) Source() string   { return d.source }
func (d *getDocument) Name() string     { return "OIDC provider " + d.url }

// listDocument is `aws iam list-open-id-connect-providers` output: the
// ARNs of an account's providers, and nothing else about them.
type listDocument struct {
	source    string
	providers []providerARN
}

func (d *listDocument) Provider() string { return policy.AWS }
func (d *listDocument) Source() string   { return d.source }

// Name says whose providers these are when the list tells.
func (d *listDocument) Name() string {
	if len(d.providers) == 0 {
		return "OIDC providers (the list is empty)"
	}
	account := d.providers[0].account
	for _, p := range d.providers[1:] {
		if p.account != account {
			return fmt.Sprintf("OIDC provider list (%d providers)", len(d.providers))
		}
	}
	return "OIDC providers of account " + account
}
