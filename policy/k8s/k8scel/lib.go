package k8scel

import (
	"cel.dev/cel-go/cel"
)

// library is the cel.Lib every constructor returns: a name (so adding the
// same library twice is a no-op, as in cel-go) and its declarations.
type library struct {
	name    string
	compile []cel.EnvOption
	program []cel.ProgramOption
}

func (l library) LibraryName() string                 { return "oidcscope.k8scel." + l.name }
func (l library) CompileOptions() []cel.EnvOption     { return l.compile }
func (l library) ProgramOptions() []cel.ProgramOption { return l.program }
