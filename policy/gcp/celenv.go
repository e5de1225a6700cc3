package gcp

import (
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"
)

// costLimit bounds one evaluation of one expression, so a hostile token
// (huge strings, long lists) cannot make an expression run long. Google
// Cloud's own limit is not published; this one is generous for any
// realistic mapping or condition.
const costLimit = 1_000_000

// The CEL variables of a provider's expressions [G1]: mappings read
// assertion (the token's claims); the attribute condition reads assertion,
// google (google.subject, google.groups) and attribute (attribute.<key>).
const (
	varAssertion = "assertion"
	varGoogle    = "google"
	varAttribute = "attribute"
)

// sharedEnv is the one CEL environment of the package, built on the first
// Parse (so a run that reads no Google Cloud document never initialises
// CEL) and shared by every Parse: a cel.Env is immutable and safe for
// concurrent use once built. Mapping expressions are compiled in it too
// and refused when they read google or attribute.
var sharedEnv = sync.OnceValues(func() (*cel.Env, error) {
	return cel.NewEnv(
		cel.Variable(varAssertion, cel.MapType(cel.StringType, cel.DynType)),
		cel.Variable(varGoogle, cel.MapType(cel.StringType, cel.DynType)),
		cel.Variable(varAttribute, cel.MapType(cel.StringType, cel.DynType)),
		ext.Strings(),
	)
})

// googleOnlyFunctions are functions Google Cloud documents for attribute
// mappings and conditions that cel-go does not provide.
var googleOnlyFunctions = []string{"extract"}
