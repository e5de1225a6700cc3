// Package gcpinfo is the part of the Google Cloud provider's registration
// that needs no CEL: its entry in the provider table, what it reads, and
// the byte test every one of its documents passes. policy/gcp builds its
// Registration from it; a release build, which evaluates Google Cloud
// documents in the oidcscope-cel helper (policy/remote), links this
// package and not policy/gcp, which brings cel-go and its start-up cost.
package gcpinfo

import (
	"bytes"

	"github.com/oidcscope/oidcscope/policy"
)

// Registration is the provider's entry without a constructor (New is nil):
// the caller says whether the provider runs here or in the helper.
func Registration() policy.Registration {
	return policy.Registration{
		ProviderInfo: policy.InfoOf(policy.GCP),
		Documents:    "a Google Cloud workload identity provider",
	}
}

// marks: every workload identity pool provider document holds one.
var marks = [][]byte{[]byte("attributeMapping"), []byte("issuerUri"), []byte("/workloadIdentityPools/"), []byte("workloadIdentityPoolProviders")}

// Mentions reports whether data holds one of the marks. When it does not,
// the provider's Detect is false without parsing anything.
func Mentions(data []byte) bool {
	for _, m := range marks {
		if bytes.Contains(data, m) {
			return true
		}
	}
	return false
}
