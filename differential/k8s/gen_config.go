package k8s

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// genConfig builds an AuthenticationConfiguration for a token of shape s:
// usually one authenticator for the token's issuer, sometimes a second
// one, and now and then a document kube-apiserver's validation refuses.
func genConfig(r *rand.Rand, s shape) node {
	api := pick(r, []string{"v1", "v1", "v1beta1", "v1beta1", "v1alpha1"})
	ms := []member{m("apiVersion", str("apiserver.config.k8s.io/"+api)), m("kind", str("AuthenticationConfiguration"))}
	var auths []node
	auths = append(auths, genAuthenticator(r, s, s.iss))
	switch x := r.IntN(400); {
	case x < 60:
		auths = append(auths, genAuthenticator(r, s, pick(r, []string{enterpriseIssuer, enterpriseIssuer, GitHubIssuer, "https://issuer.example", "https://issuer.example"})))
		if x < 10 {
			auths[0], auths[1] = auths[1], auths[0]
		}
	case x < 62: // more than kube-apiserver's 64
		for i := range 64 {
			auths = append(auths, obj(m("issuer", obj(m("url", str(fmt.Sprintf("https://issuer-%d.example", i))), m("audiences", arr(str("x"))))),
				m("claimMappings", obj(m("username", obj(m("claim", str("sub")), m("prefix", str(""))))))))
		}
	}
	if len(auths) == 2 && r.IntN(6) == 0 { // one discoveryURL for both: refused
		for i := range auths {
			auths[i] = setIssuer(auths[i], "discoveryURL", str("https://discovery.example/.well-known/openid-configuration"))
		}
	}
	ms = append(ms, m("jwt", arr(auths...)))
	if r.IntN(50) == 0 {
		anon := []member{m("enabled", scalar(pick(r, []string{"true", "false"})))}
		if r.IntN(2) == 0 {
			anon = append(anon, m("conditions", arr(obj(m("path", str("/healthz"))))))
		}
		ms = append(ms, m("anonymous", obj(anon...)))
	}
	if r.IntN(200) == 0 {
		ms = append(ms, m(pick(r, []string{"jwts", "Jwt", "authorizers"}), arr()))
	}
	config := obj(ms...)
	if r.IntN(50) == 0 {
		config = oddSpelling(r, config)
	}
	return config
}

// oddSpelling renames one member to another case, or gives it twice:
// kube-apiserver's strict decoder refuses both.
func oddSpelling(r *rand.Rand, config node) node {
	return forEachAuthenticator(config, func(a node) node {
		i := r.IntN(len(a.Members))
		switch r.IntN(3) {
		case 0:
			a.Members[i].Key = strings.ToUpper(a.Members[i].Key[:1]) + a.Members[i].Key[1:]
		case 1:
			a.Members[i].Key = strings.ToLower(a.Members[i].Key)
		default:
			a.Members = append(a.Members, a.Members[i])
		}
		return a
	})
}

// genAuthenticator builds one jwt[] entry whose issuer is url (or a
// variant of it).
func genAuthenticator(r *rand.Rand, s shape, url string) node {
	return obj(
		m("issuer", genIssuer(r, s, url)),
		m("claimValidationRules", genClaimRules(r, s)),
		m("claimMappings", genMappings(r, s)),
		m("userValidationRules", genUserRules(r, s)),
	).DropEmpty()
}

func genIssuer(r *rand.Rand, s shape, url string) node {
	switch r.IntN(80) {
	case 0:
		url += "/"
	case 1:
		url = pick(r, []string{"http://token.actions.githubusercontent.com", "HTTPS://token.actions.githubusercontent.com", "https://token.actions.githubusercontent.com:443"})
	case 2:
		url = pick(r, []string{GitHubIssuer + "#frag", GitHubIssuer + "?x=1", "https://user@token.actions.githubusercontent.com", "token.actions.githubusercontent.com"})
	}
	ms := []member{m("url", str(url))}
	var auds []node
	for _, i := range r.Perm(len(audiences))[:1+r.IntN(3)*r.IntN(2)] {
		auds = append(auds, str(audiences[i]))
	}
	if r.IntN(30) != 0 && !slices.ContainsFunc(auds, func(a node) bool { return unquote(a.Raw) == s.aud }) {
		auds[r.IntN(len(auds))] = str(s.aud)
	}
	switch r.IntN(100) {
	case 0:
		auds = append(auds, str(""))
	case 1:
		auds = append(auds, auds[0])
	}
	ms = append(ms, m("audiences", arr(auds...)))
	switch x := r.IntN(40); {
	case len(auds) > 1 && x < 38, x == 0:
		ms = append(ms, m("audienceMatchPolicy", str("MatchAny")))
	case x == 39 && r.IntN(3) == 0:
		ms = append(ms, m("audienceMatchPolicy", str(pick(r, []string{"MatchAll", "matchany"}))))
	}
	switch r.IntN(80) {
	case 0:
		ms = append(ms, m("discoveryURL", str(pick(r, []string{"https://discovery.example/.well-known/openid-configuration", url, "http://discovery.example/x", "https://discovery.example/x?y=1"}))))
	case 1:
		ms = append(ms, m("egressSelectorType", str(pick(r, []string{"controlplane", "cluster", "ControlPlane", "etcd"}))))
	case 2:
		ms = append(ms, m("certificateAuthority", str(pick(r, []string{testCA(), "not a certificate", ""}))))
	case 3:
		if r.IntN(3) == 0 {
			ms = append(ms, m("audience", str("x")))
		}
	}
	return obj(ms...)
}

func genClaimRules(r *rand.Rand, s shape) node {
	var rules []node
	for range r.IntN(3) {
		if r.IntN(4) == 0 {
			claim := pick(r, []string{"repository_owner", "ref", "environment", "sub", "repository_owner_id", "n", "missing", "aud", "flag", "email_verified"})
			want := pick(r, []string{s.Owner, s.Ref, s.Env, "acme", "refs/heads/main", "1", ""})
			ms := []member{m("claim", str(claim)), m("requiredValue", str(want))}
			if r.IntN(40) == 0 {
				ms = append(ms, m("expression", str(`claims.sub != ""`)))
			}
			rules = append(rules, obj(ms...))
			continue
		}
		expr := fill(r, s, pick(r, claimRules))
		if r.IntN(500) == 0 {
			expr = costlyRule
		}
		ms := []member{m("expression", str(expr))}
		if r.IntN(2) == 0 {
			ms = append(ms, m("message", str("the token is not from the expected repository")))
		}
		rules = append(rules, obj(ms...))
	}
	return arr(rules...)
}

func genMappings(r *rand.Rand, s shape) node {
	var ms []member
	switch x := r.IntN(60); {
	case x < 24:
		claim := pick(r, []string{"sub", "sub", "sub", "repository", "repository_owner_id", "actor", "job_workflow_ref"})
		if r.IntN(6) == 0 {
			claim = pick(r, []string{"email", "missing", "exp", "Sub", "a.b"})
		}
		u := []member{m("claim", str(claim))}
		switch r.IntN(20) {
		case 0: // no prefix: refused
		case 1:
			u = append(u, m("prefix", str("system:")))
		default:
			u = append(u, m("prefix", str(pick(r, []string{"", "github:", "gh#"}))))
		}
		ms = append(ms, m("username", obj(u...)))
	case x < 59 || r.IntN(3) != 0:
		expr := pick(r, usernameExprs[:safeUsernames])
		if r.IntN(3) == 0 {
			expr = pick(r, usernameExprs[safeUsernames:])
		}
		ms = append(ms, m("username", obj(m("expression", str(expr)))))
	default:
		ms = append(ms, m("username", obj(m("claim", str("sub")), m("expression", str("claims.sub")))))
	}
	switch r.IntN(5) {
	case 0:
		ms = append(ms, m("groups", obj(m("claim", str(pick(r, []string{"repository_owner", "groups", "aud", "missing", "n", "ctx"}))), m("prefix", str(pick(r, []string{"", "gh:"}))))))
	case 1, 2:
		ms = append(ms, m("groups", obj(m("expression", str(pick(r, groupsExprs))))))
	}
	switch r.IntN(6) {
	case 0:
		ms = append(ms, m("uid", obj(m("claim", str(pick(r, []string{"actor_id", "repository_id", "exp", "missing"}))))))
	case 1:
		ms = append(ms, m("uid", obj(m("expression", str(pick(r, uidExprs))))))
	}
	if r.IntN(4) == 0 {
		var extra []node
		keys := map[string]bool{}
		for range 1 + r.IntN(2) {
			k := extraKey(r)
			if keys[k] && r.IntN(5) != 0 {
				continue // a key given twice is refused: now and then
			}
			keys[k] = true
			extra = append(extra, obj(m("key", str(k)), m("valueExpression", str(pick(r, extraExprs)))))
		}
		ms = append(ms, m("extra", arr(extra...)))
	}
	return obj(ms...)
}

func genUserRules(r *rand.Rand, s shape) node {
	var rules []node
	if r.IntN(3) == 0 {
		rule := pick(r, userRules[:len(userRules)-2])
		if r.IntN(10) == 0 {
			rule = pick(r, userRules[len(userRules)-2:]) // not a bool, or reads claims
		}
		ms := []member{m("expression", str(fill(r, s, rule)))}
		if r.IntN(2) == 0 {
			ms = append(ms, m("message", str("user not allowed")))
		}
		rules = append(rules, obj(ms...))
	}
	return arr(rules...)
}

// extraKey picks an extra key, one Kubernetes refuses now and then.
func extraKey(r *rand.Rand) string {
	if r.IntN(6) == 0 {
		return pick(r, extraKeys[3:])
	}
	return pick(r, extraKeys[:3])
}

// setIssuer sets a member of an authenticator's issuer.
func setIssuer(a node, key string, v node) node {
	a = a.Clone()
	for i, mb := range a.Members {
		if mb.Key == "issuer" {
			a.Members[i].Val = mb.Val.Without(key)
			a.Members[i].Val.Members = append(a.Members[i].Val.Members, m(key, v))
		}
	}
	return a
}
