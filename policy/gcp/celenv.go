package gcp

import (
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"

	"github.com/oidcscope/oidcscope/policy/celclaims"
)

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
// and refused when they read google or attribute. Its programs get
// celclaims' bounds (the cost limit, the guard, the deadline); ext.Strings
// at its latest version prices its own functions.
var sharedEnv = sync.OnceValues(func() (*celclaims.Runtime, error) {
	env, err := cel.NewEnv(
		cel.Variable(varAssertion, cel.MapType(cel.StringType, cel.DynType)),
		cel.Variable(varGoogle, cel.MapType(cel.StringType, cel.DynType)),
		cel.Variable(varAttribute, cel.MapType(cel.StringType, cel.DynType)),
		ext.Strings(),
	)
	if err != nil {
		return nil, err
	}
	return celclaims.NewRuntime(env)
})
