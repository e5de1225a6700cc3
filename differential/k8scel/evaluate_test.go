package k8scel

// The two cel-go forks (cel.dev/cel-go, ours; github.com/google/cel-go,
// kube-apiserver's) have the same API in different types; these
// constraints let one function drive either.

// celIssues are a fork's compile issues.
type celIssues interface{ Err() error }

// celProgram is a fork's program: Eval gives a value V and details D.
type celProgram[V, D any] interface {
	Eval(input any) (V, D, error)
}

// celEnv is a fork's environment: Compile gives an AST A, Program a P
// (O are its program options).
type celEnv[A any, I celIssues, P any, O any] interface {
	Compile(expr string) (A, I)
	Program(ast A, opts ...O) (P, error)
}

// evaluate compiles and evaluates expr in env with no variables, and
// writes a value with format.
func evaluate[A any, I celIssues, O any, V, D any, P celProgram[V, D]](env celEnv[A, I, P, O], vars any, expr string,
	format func(V) string) outcome {
	ast, iss := env.Compile(expr)
	if err := iss.Err(); err != nil {
		return outcome{kind: compileErr, text: err.Error()}
	}
	prg, err := env.Program(ast)
	if err != nil {
		return outcome{kind: compileErr, text: err.Error()}
	}
	v, _, err := prg.Eval(vars)
	if err != nil {
		return outcome{kind: runtimeErr, text: err.Error()}
	}
	return outcome{kind: value, text: format(v)}
}
