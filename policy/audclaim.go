package policy

// ReadAudience reads the token's aud for a condition on it, the way the
// providers that decode aud as a string or a list of strings (Google
// Cloud, Kubernetes) do. A token that carries aud more than once, as
// another type, or not at all fails c with the reason and returns false;
// ambiguous words the repeated case, since each provider says in its own
// words why it does not read one of the values.
func ReadAudience(tok Token, c *Condition, ambiguous func(Token, []string) []string) ([]string, bool) {
	auds, ok := tok.Strings("aud")
	switch {
	case tok.Duplicated("aud"):
		c.Result, c.Diagnosis = Fail, ambiguous(tok, []string{"aud"})
		return nil, false
	case !ok:
		c.Result = Fail
		if _, present := tok.Claim("aud"); present {
			c.Diagnosis = []string{"aud must be a string or a list of strings"}
		} else {
			c.Absent, c.Diagnosis = true, []string{Absent("aud")}
		}
		return nil, false
	}
	return auds, true
}
