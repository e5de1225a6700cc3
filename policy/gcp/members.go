package gcp

import (
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Kinds of IAM members that name a workload identity pool's identities
// [G1][G2].
const (
	memberSubject   = "subject"   // principal://…/subject/<google.subject>
	memberGroup     = "group"     // principalSet://…/group/<one of google.groups>
	memberAttribute = "attribute" // principalSet://…/attribute.<key>/<value>
	memberAll       = "all"       // principalSet://…/* (every identity of the pool)
	memberOther     = "other"     // not a workload identity pool principal
)

// member is a parsed IAM member.
type member struct {
	ref   memberRef
	kind  string
	pool  string // projects/<number>/locations/<location>/workloadIdentityPools/<pool>
	key   string // attribute key (attribute.<key>)
	value string
	note  string // why kind is memberOther, when it looks like a pool principal
}

var poolPrincipal = lazyre.New(`^(principal|principalSet)://` + regexp.QuoteMeta(IAMHost) + `/(projects/[^/]+/locations/[^/]+/workloadIdentityPools/[^/]+)/(.*)$`)

// parseMember reads a member; anything that is not a workload identity
// pool principal (user:, serviceAccount:, a workforce pool…) is memberOther.
func parseMember(ref memberRef) member {
	m := member{ref: ref, kind: memberOther}
	g := poolPrincipal().FindStringSubmatch(ref.text)
	if g == nil {
		if strings.Contains(ref.text, "/workloadIdentityPools/") {
			m.note = "it names a workload identity pool but is not principal://" + IAMHost + "/projects/<number>/locations/<location>/workloadIdentityPools/<pool>/subject/<s> nor a principalSet://…/group/, /attribute.<key>/ or /* member"
		}
		return m
	}
	scheme, rest := g[1], g[3]
	m.pool = g[2]
	switch {
	case scheme == "principal" && strings.HasPrefix(rest, "subject/"):
		m.kind, m.value = memberSubject, strings.TrimPrefix(rest, "subject/")
	case scheme == "principalSet" && strings.HasPrefix(rest, "group/"):
		m.kind, m.value = memberGroup, strings.TrimPrefix(rest, "group/")
	case scheme == "principalSet" && strings.HasPrefix(rest, "attribute."):
		key, value, ok := strings.Cut(strings.TrimPrefix(rest, "attribute."), "/")
		if !ok || key == "" {
			m.note = "an attribute member is principalSet://…/attribute.<key>/<value>"
			return m
		}
		m.kind, m.key, m.value = memberAttribute, key, value
	case scheme == "principalSet" && rest == "*":
		m.kind = memberAll
	default:
		m.note = "for a workload identity pool, principal:// takes /subject/<google.subject> and principalSet:// takes /group/<g>, /attribute.<key>/<value> or /*"
	}
	return m
}

// target is the mapped attribute a member compares with.
func (m member) target() string {
	switch m.kind {
	case memberSubject:
		return "google.subject"
	case memberGroup:
		return "google.groups"
	case memberAttribute:
		return "attribute." + m.key
	}
	return ""
}
