package aws

import (
	"strings"
)

const (
	account           = "123456789012"
	webIdentityAction = "sts:AssumeRoleWithWebIdentity"
)

// providerPath is how AWS names the token's OIDC provider: iss without
// https://.
func providerPath(c Claims) string {
	iss, _ := c.Text("iss")
	return strings.TrimPrefix(iss, "https://")
}

func providerARN(path string) string {
	return "arn:aws:iam::" + account + ":oidc-provider/" + path
}

// otherProviders are issuers a policy may trust instead of the token's.
var otherProviders = []string{
	"token.actions.githubusercontent.com",
	"token.actions.githubusercontent.com/other-ent",
	"token.actions.octo.ghe.com",
	"accounts.google.com",
}

// document draws a trust policy for the token: 1–3 statements, mostly
// Allow, whose values come mostly from the token's own claims so that
// matches are frequent.
func (g *gen) document(c Claims) Document {
	n := 1 + g.r.IntN(3)
	d := Document{}
	for i := range n {
		effect := "Allow"
		if i > 0 && g.pct(45) {
			effect = "Deny"
		}
		d.Statements = append(d.Statements, g.statement(c, effect))
	}
	if g.pct(2) {
		g.breakDocument(&d)
	}
	return d
}

// breakDocument makes one statement into one IAM refuses to store (the
// simulator's validateTrustPolicy says why): oidcscope must then answer
// error, not allow or deny.
func (g *gen) breakDocument(d *Document) {
	s := &d.Statements[g.r.IntN(len(d.Statements))]
	switch g.r.IntN(4) {
	case 0:
		s.Effect = strings.ToLower(s.Effect)
	case 1:
		s.Resource = One("*")
	case 2:
		s.Action = One("AssumeRoleWithWebIdentity")
	default:
		if len(s.Conditions) > 0 {
			s.Conditions[0].Op = "ForSomeValues:" + baseOperator(s.Conditions[0].Op)
		} else {
			s.Resource = One("*")
		}
	}
}

func (g *gen) statement(c Claims, effect string) Statement {
	s := Statement{Effect: effect, Principal: g.principal(c, effect), Action: g.action()}
	if g.pct(5) {
		s.NotAction, s.Action = true, One("sts:AssumeRole")
	}
	if g.pct(20) {
		s.Sid = pick(g, "GitHub", "NoPullRequests", "Deploy1")
	}
	blocks := pick(g, 1, 1, 1, 2, 2, 3)
	if g.pct(5) {
		blocks = 0
	}
	seen := map[string]bool{}
	for range blocks {
		op := g.operator()
		if seen[op] { // one block per operator, as IAM's JSON allows
			continue
		}
		seen[op] = true
		b := Block{Op: op}
		keys := 1 + g.r.IntN(2)
		used := map[string]bool{}
		for range keys {
			key, claim := g.key(c)
			if used[strings.ToLower(key)] {
				continue
			}
			used[strings.ToLower(key)] = true
			b.Keys = append(b.Keys, KeyValues{Key: key, Values: g.values(c, op, key, claim)})
		}
		s.Conditions = append(s.Conditions, b)
	}
	if g.pct(3) {
		if b := g.contextCondition(); !seen[b.Op] {
			s.Conditions = append(s.Conditions, b)
		}
	}
	return s
}

// principal is mostly the token's provider; sometimes another provider, a
// list, "*", or (in a Deny) the account root.
func (g *gen) principal(c Claims, effect string) Principal {
	own := providerARN(providerPath(c))
	fed := func(v Strings) Principal { return Principal{Entries: []PrincipalEntry{{"Federated", v}}} }
	switch n := g.r.IntN(1000); {
	case n < 840:
		return fed(One(own))
	case n < 890:
		return fed(Many(providerARN(pick(g, otherProviders...)), own))
	case n < 930:
		return fed(One(providerARN(pick(g, otherProviders...))))
	case n < 950:
		return Principal{Star: true}
	case n < 960 && effect == "Deny":
		return Principal{Entries: []PrincipalEntry{{"AWS", One(pick(g, "arn:aws:iam::"+account+":root", account))}}}
	case n < 980:
		return Principal{Entries: []PrincipalEntry{{"AWS", One("*")}}}
	case n < 983:
		return fed(One("*"))
	}
	return fed(One(own))
}

func (g *gen) action() Strings {
	if g.pct(85) {
		return One(webIdentityAction)
	}
	return pick(g,
		Many(webIdentityAction, "sts:TagSession"),
		One("sts:*"),
		One("sts:AssumeRoleWith*"),
		One("STS:assumerolewithwebidentity"),
		One("*"),
		One("sts:AssumeRole"),
		Many("sts:AssumeRole", "sts:TagSession"),
	)
}

// operator draws every string operator, with IfExists and set prefixes
// sometimes, and Null.
func (g *gen) operator() string {
	base := pick(g,
		"StringEquals", "StringEquals", "StringEquals", "StringLike", "StringLike", "StringLike",
		"StringNotEquals", "StringNotLike", "StringNotLike", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
		"Null")
	if base == "Null" {
		return base
	}
	if g.pct(10) {
		base += "IfExists"
	}
	switch n := g.r.IntN(100); {
	case n < 6:
		return "ForAnyValue:" + base
	case n < 12:
		return "ForAllValues:" + base
	}
	return base
}

// Claims a condition may name: aud and sub most, then the keys AWS
// evaluates for GitHub, then claims it does not (the key is then missing
// from the request), then claims GitHub never sends.
var (
	evaluatedPool    = []string{"repository", "ref", "environment", "job_workflow_ref", "actor", "actor_id", "repository_id", "workflow", "enterprise_id", "repository_owner_id"}
	notEvaluatedPool = []string{"runner_environment", "workflow_ref", "event_name", "sha", "ref_type", "repository_owner"}
	neverSentPool    = []string{"azp", "amr"}
)

// key draws a condition key and the claim it names. The prefix is the
// token's provider, sometimes another one; its case sometimes varies (IAM
// compares key names case-insensitively).
func (g *gen) key(c Claims) (key, claim string) {
	switch n := g.r.IntN(100); {
	case n < 30:
		claim = "sub"
	case n < 50:
		claim = "aud"
	case n < 85:
		claim = pick(g, evaluatedPool...)
	case n < 97:
		claim = pick(g, notEvaluatedPool...)
	default:
		claim = pick(g, neverSentPool...)
	}
	prefix := providerPath(c)
	if g.pct(5) {
		prefix = pick(g, otherProviders...)
	}
	key = prefix + ":" + claim
	if g.pct(6) {
		key = pick(g, strings.ToUpper(key), strings.ToLower(key), strings.Replace(key, "token.actions", "Token.Actions", 1))
	}
	return key, claim
}

// contextCondition is a condition on an AWS request-context key that holds
// in the simulator's request (which carries no aws: keys); oidcscope
// cannot know such keys and takes them to hold.
func (g *gen) contextCondition() Block {
	return pick(g,
		Block{Op: "Null", Keys: []KeyValues{{"aws:PrincipalTag/team", One("true")}}},
		Block{Op: "StringNotEquals", Keys: []KeyValues{{"aws:PrincipalTag/team", One("blocked")}}},
		Block{Op: "StringEqualsIfExists", Keys: []KeyValues{{"sts:SourceIdentity", One("deployer")}}},
	)
}
