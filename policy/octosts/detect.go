package octosts

import (
	"bytes"

	"sigs.k8s.io/yaml"
)

// maxDetect caps what Detect will parse: a trust policy is a few hundred
// bytes, and an `aws iam list-roles` dump of megabytes is not ours.
const maxDetect = 256 << 10

// Detect reports whether data is an octo-sts trust policy (YAML or JSON):
// a mapping with issuer/issuer_pattern or subject/subject_pattern whose
// other keys are octo-sts keys or near misses of them, and none of the keys
// that mark another provider's document. octo-sts's org-level
// trusted-token-issuers.yaml (issuers, issuer_patterns, mode) is not
// claimed.
func (p *Provider) Detect(data []byte) bool {
	if len(data) > maxDetect || !(bytes.Contains(data, []byte("issuer")) || bytes.Contains(data, []byte("subject"))) {
		return false
	}
	var top map[string]any
	if err := yaml.Unmarshal(data, &top); err != nil || len(top) == 0 {
		return false
	}
	anchor := false
	for k := range top {
		switch {
		case foreignKeys[k]:
			return false
		case k == "issuer" || k == "issuer_pattern" || k == "subject" || k == "subject_pattern":
			anchor = true
		case isPolicyKey(k) || closestKey(k) != "":
		default:
			return false
		}
	}
	return anchor
}
