package k8s

import "github.com/oidcscope/oidcscope/differential/internal/jsonnode"

// The generator's JSON tree is the one every differential package shares.
type (
	node   = jsonnode.Node
	member = jsonnode.Member
)

var (
	scalar = jsonnode.Scalar
	str    = jsonnode.Str
	obj    = jsonnode.Obj
	arr    = jsonnode.Arr
	m      = jsonnode.M
)
var unquote = jsonnode.Unquote
