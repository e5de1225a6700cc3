package cli

import "github.com/oidcscope/oidcscope/internal/setting"

// flagNames words the settings that library messages point to as the
// flags (and the environment variable) that set them. The libraries word
// them neutrally; on the command line they read as what the user types
// ("key source unusable: --jwks: open keys.json").
func flagNames(id setting.ID) string {
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
	}
	return ""
}
