package policy

import "fmt"

// NeedClaim reads a claim a suggestion cannot be written without: one
// non-empty string, carried once. Otherwise the error wraps refused (the
// provider's "cannot suggest" error) and says why the suggestion needs
// the claim. The Google Cloud and Kubernetes suggestions word it so; the
// others say more about the claim (AWS's GitHub-only keys, Entra's sub).
func NeedClaim(tok Token, claim, why string, refused error) (string, error) {
	v, ok := tok.String(claim)
	if !ok || v == "" || tok.Duplicated(claim) {
		return "", fmt.Errorf("%w: %s (the token has no single non-empty string %s claim)", refused, why, claim)
	}
	return v, nil
}
