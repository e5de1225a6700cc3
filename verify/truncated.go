package verify

import (
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
)

// truncated is the signature of a token cut short: no key can check what
// is missing, so it is unverified, never invalid; why adds what gave the
// cut away when the decoder could not see it.
func truncated(sig Signature, notes keyNotes, cut *decode.Error, why string) (Signature, keyNotes) {
	sig.Status, sig.Err = StatusUnverified, cut
	sig.Reason = fmt.Sprintf("the token %v (%s), so its signature cannot be checked", decode.ErrTruncated, cut.Detail)
	if why != "" {
		sig.Reason += ": " + why
	}
	return sig, notes
}

// cutECDSA says why an ECDSA signature looks cut short, or "": it is
// shorter than the curve's raw r||s and not the DER form a library emits.
func cutECDSA(alg string, sig []byte) string {
	want, ok := ecdsaSize[alg]
	if !ok || len(sig) == 0 || len(sig) >= want || isDER(sig) {
		return ""
	}
	return fmt.Sprintf("its signature is %d bytes, and %s signatures are %d", len(sig), alg, want)
}
