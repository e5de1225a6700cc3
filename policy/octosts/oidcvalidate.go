package octosts

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
)

// The shape rules octo-sts applies to a token's iss, sub and each aud
// before any trust policy decides (octo-sts/app @cb87fc17
// pkg/oidcvalidate/validate.go: IsValidIssuer, IsValidSubject,
// IsValidAudience; added in v0.5.3, June 2025). Each function below says
// what breaks the rule, "" when nothing does, so the diagnosis can name it.

// maxClaimRunes caps iss, sub and each aud, counted in characters (runes).
const maxClaimRunes = 255

// maxIssuerSegment caps one segment of the issuer's path, in bytes.
const maxIssuerSegment = 150

// refusedInSubject and refusedInAudience are the punctuation octo-sts
// refuses outright (validate.go: "injection-prone characters"); audiences
// also lose "|" and "@", which subjects keep for GitHub and Auth0 forms.
const (
	refusedInSubject  = "\"'`\\<>;&$(){}[]"
	refusedInAudience = "\"'`\\<>;|&$(){}[]@"
)

// subjectProblem follows IsValidSubject.
func subjectProblem(sub string) string {
	if sub == "" {
		return "the subject is empty"
	}
	return textProblem("subject", sub, refusedInSubject)
}

// audienceProblem follows IsValidAudience, for one element of aud.
func audienceProblem(aud string) string {
	if aud == "" {
		return "an audience is empty"
	}
	return textProblem("audience", aud, refusedInAudience)
}

// textProblem: at most 255 characters; no C0 control or space; none of
// refused; only printable characters (unicode.IsPrint, which also refuses
// DEL, C1 controls, format characters such as bidi overrides and every
// space but U+0020).
func textProblem(what, s, refused string) string {
	if n := utf8.RuneCountInString(s); n > maxClaimRunes {
		return fmt.Sprintf("the %s is %d characters long; octo-sts allows at most %d", what, n, maxClaimRunes)
	}
	for _, r := range s {
		switch {
		case r == ' ':
			return fmt.Sprintf("the %s contains a space", what)
		case r < 0x20:
			return fmt.Sprintf("the %s contains the control character %s", what, escape.Quoted(string(r)))
		case strings.ContainsRune(refused, r):
			return fmt.Sprintf("the %s contains %s, one of the characters octo-sts refuses (%s)", what, escape.Quoted(string(r)), refused)
		case !unicode.IsPrint(r):
			// The code point too: a view escapes only what a terminal must
			// not draw, and a no-break space would read as a space.
			return fmt.Sprintf("the %s contains %s (U+%04X), which is not a printable character", what, escape.Quoted(string(r)), r)
		}
	}
	return ""
}

// issuerProblem follows IsValidIssuer: an https URL (http only to
// localhost, 127.0.0.1 or ::1), at most 255 characters, no query, no
// fragment, no user info, an ASCII host name, and a plain path.
func issuerProblem(iss string) string {
	if iss == "" {
		return "the issuer is empty"
	}
	if n := utf8.RuneCountInString(iss); n > maxClaimRunes {
		return fmt.Sprintf("the issuer is %d characters long; octo-sts allows at most %d", n, maxClaimRunes)
	}
	u, err := url.Parse(iss)
	if err != nil {
		return "the issuer is not a URL (" + err.Error() + ")"
	}
	switch host := u.Hostname(); {
	case u.Scheme == "http" && host != "localhost" && host != "127.0.0.1" && host != "::1":
		return "the issuer uses http; octo-sts requires https (http only to localhost, 127.0.0.1 or ::1)"
	case u.Scheme != "https" && u.Scheme != "http":
		return "the issuer is not an https URL"
	case u.RawQuery != "" || strings.Contains(iss, "?"):
		return "the issuer has a query (\"?\")"
	case u.Fragment != "" || strings.Contains(iss, "#"):
		return "the issuer has a fragment (\"#\")"
	case u.Host == "":
		return "the issuer has no host"
	case u.User != nil:
		return "the issuer carries user information (user@host)"
	}
	if p := hostProblem(u.Hostname()); p != "" {
		return p
	}
	if u.Path != "" {
		return issuerPathProblem(u.Path)
	}
	return ""
}

func hostProblem(host string) string {
	if host == "" {
		return "the issuer has no host"
	}
	for _, r := range host {
		switch {
		case r <= 0x20:
			return "the issuer's host contains " + escape.Quoted(string(r))
		case r > unicode.MaxASCII:
			return fmt.Sprintf("the issuer's host contains %s (U+%04X): octo-sts accepts only ASCII host names (against look-alike domains)", escape.Quoted(string(r)), r)
		}
	}
	return ""
}

// issuerPathProblem checks the decoded path, as url.Parse leaves it (so
// %2F..%2F counts as "/../").
func issuerPathProblem(p string) string {
	switch {
	case strings.Contains(p, ".."):
		return "the issuer's path contains \"..\""
	case !strings.HasPrefix(p, "/"):
		return "the issuer's path does not start with \"/\""
	case strings.Contains(p, "//"):
		return "the issuer's path contains \"//\""
	case strings.Contains(p, "~~"):
		return "the issuer's path contains \"~~\""
	case strings.HasSuffix(p, "~"):
		return "the issuer's path ends with \"~\""
	}
	for _, r := range p {
		if !isIssuerPathRune(r) {
			return "the issuer's path contains " + escape.Quoted(string(r)) + "; octo-sts allows only letters, digits and - . _ ~ /"
		}
	}
	for _, seg := range strings.Split(p, "/") {
		switch {
		case seg == "." || seg == "~":
			return "the issuer's path has a " + escape.Quoted(seg) + " segment"
		case len(seg) > maxIssuerSegment:
			return fmt.Sprintf("a segment of the issuer's path is %d bytes long; octo-sts allows at most %d", len(seg), maxIssuerSegment)
		}
	}
	return ""
}

func isIssuerPathRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~/", r)
}
