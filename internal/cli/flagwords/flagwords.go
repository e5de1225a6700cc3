// Package flagwords words the settings that library messages point to as
// the command line's flags (and the environment variable) that set them.
// The libraries word them neutrally; the command layer passes Names, and
// so do the renderers' golden tests, whose reports stand for what the
// command line shows ("key source unusable: --jwks: open keys.json").
// It imports no command code, so that those tests may import it.
package flagwords

import "github.com/oidcscope/oidcscope/internal/setting"

// Names is the flag for id, or "" for none.
func Names(id setting.ID) string {
	switch id {
	case setting.JWKS:
		return "--jwks"
	case setting.Key:
		return "--key"
	case setting.SecretFile:
		return "--secret-file"
	case setting.SecretEnv:
		return "OIDCSCOPE_SECRET"
	case setting.Discover:
		return "--discover"
	case setting.Offline:
		return "--offline"
	case setting.Issuer:
		return "--issuer"
	case setting.Audience:
		return "--audience"
	case setting.Algs:
		return "--algs"
	case setting.Highlight:
		return "--highlight"
	case setting.MaxSize:
		return "--max-size"
	}
	return ""
}
