package policytest

// ShellCase is a value from outside that a printed command would hold,
// and whether the command may be printed with it.
type ShellCase struct {
	Name, Value string
	Printed     bool
}

// HostileIssuers are issuers made to break out of a printed command. The
// ones a POSIX shell reads safely in single quotes are printed; one the
// report would escape (a control or format character, a backslash or a
// single quote), a backquote (which would end the `…` a command is
// printed in) and an @file reference (which az and vault read as a file)
// leave the command out.
func HostileIssuers() []ShellCase {
	return []ShellCase{
		{"plain", "https://token.actions.githubusercontent.com", true},
		{"command substitution", "https://issuer.example/$(touch p)", true},
		{"command separator and redirection", "https://issuer.example/;touch q>r", true},
		{"variables, globs and double quotes", `https://issuer.example/"$HOME"*{a,b}`, true},
		{"spaces", "https://issuer.example/a b", true},
		{"single quote", "https://issuer.example/it's", false},
		{"backquotes", "https://issuer.example/`touch s`", false},
		{"newline", "https://issuer.example/\ntouch t", false},
		{"escape sequence", "https://issuer.example/\x1b]8;;https://attacker.example\x1b\\", false},
		{"bidi override", "https://issuer.example/\u202e", false},
		{"file reference", "@/etc/passwd", false},
	}
}
