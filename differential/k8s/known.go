package k8s

import (
	"fmt"
	"regexp"
)

// knownClass is a kind of disagreement that is understood: what
// kube-apiserver does, and where its code does it (v0.37.2). A
// disagreement belongs to a class only if taking the class's feature out
// of the case makes both sides agree, so that a class cannot hide an
// unrelated disagreement.
type knownClass struct {
	id      string
	what    string // kube-apiserver's behaviour, in one sentence
	fits    func(testCase) bool
	without func(testCase) testCase
}

// celClass is a class whose feature is a pattern in rule and mapping
// texts.
func celClass(id, what, pattern string) knownClass {
	re := regexp.MustCompile(pattern)
	return knownClass{
		id:   id,
		what: what,
		fits: func(c testCase) bool {
			for _, t := range exprTexts(c.config) {
				if re.MatchString(t) {
					return true
				}
			}
			return false
		},
		without: func(c testCase) testCase { return withoutExprs(c, re) },
	}
}

// issuerClass is a class whose feature is one issuer member.
func issuerClass(id, what, key string) knownClass {
	return knownClass{
		id:      id,
		what:    what,
		fits:    func(c testCase) bool { return issuerHas(c, key) },
		without: func(c testCase) testCase { return withoutIssuerMember(c, key) },
	}
}

// knownClasses is the table, most specific first (issue 21's classes).
var knownClasses = []knownClass{
	celClass("claims-comprehension",
		"the claims map is lazy: comprehensions iterate its values, and it has no size() or in (pkg/authentication/cel, lazy.MapValue)",
		`claims\.(exists|all|exists_one|filter|map)\(|size\(claims\)|in claims\b`),
	celClass("cel-cost",
		"CEL cost is Kubernetes' estimator and its runtime limit of 1,000,000 per expression (pkg/cel/environment/base.go, celconfig.PerCallLimit)",
		`range\([0-9]{4,}\)|range\([0-9]+\)\.all\(i, lists\.range|\(a\+\)\+`),
	celClass("kubernetes-cel-library",
		"Kubernetes' CEL libraries (lists, URL, regex find, IP, CIDR, quantity, semver, format, sets) are in the authentication environment (pkg/cel/environment/base.go)",
		`\b(url|isURL|ip|isIP|cidr|isCIDR|quantity|isQuantity|semver|isSemver)\(|format\.|sets\.|lists\.range|\.(find|findAll|sort|sortBy|distinct|flatten|reverse|slice|sum|min|max|indexOf|lastIndexOf|isSorted|includes)\(`),
	celClass("claim-typing",
		"claims is map(string, any), and JSON numbers are double (pkg/authentication/cel/compile.go, oidc.go newClaimsValue)",
		`claims\.(exp|iat|nbf|aud|n|flag|groups|ctx)\b|\btype\(|claims\.repository_owner_id == [0-9]|claim:(exp|aud|groups|n|ctx|flag|email_verified)$`),
	celClass("credential-id",
		"user.extra carries authentication.kubernetes.io/credential-id JTI=<jti> when the token has a jti (oidc.go getExtra)",
		`user\.extra`),
	celClass("email-verified",
		"the email_verified rule applies to claims.email and claims.?email selections, not claims['email'] (validation.go usesEmailClaim)",
		`email`),
	celClass("dotted-claim",
		"claims.a__dot__b reads the claim a.b (CEL field escaping)",
		`a__dot__b|"a\.b"`),
	celClass("groups-extra-expression",
		"groups and extra expressions must return a string or a list of strings as Kubernetes' converter reads them (oidc.go convertCELValueToStringList)",
		`\.split\(|dyn\(claims\.aud\)|orValue\(\[\]\)|^\[\]$|claims\.missing$`),
	issuerClass("egress-selector", "issuer.egressSelectorType must be controlplane or cluster (validation.go validateEgressSelector)", "egressSelectorType"),
	issuerClass("certificate-authority", "issuer.certificateAuthority must be PEM certificates (validation.go validateCertificateAuthority)", "certificateAuthority"),
	issuerClass("discovery-url", "issuer.discoveryURL must be https, differ from url, and be unique (validation.go validateIssuerDiscoveryURL)", "discoveryURL"),
	{
		id:   "extra-key",
		what: "extra keys must be lower-case domain-prefixed paths outside kubernetes.io and k8s.io (validation.go validateClaimMappings)",
		fits: func(c testCase) bool {
			seen := map[string]bool{}
			for _, k := range extraKeysOf(c.config) {
				if seen[k] || !plainExtraKey.MatchString(k) {
					return true
				}
				seen[k] = true
			}
			return false
		},
		without: func(c testCase) testCase {
			i := 0
			c.config = forEachAuthenticator(c.config, func(a node) node {
				cm, _ := a.Get("claimMappings")
				x, ok := cm.Get("extra")
				if !ok {
					return a
				}
				for j, it := range x.Items {
					for k, mb := range it.Members {
						if mb.Key == "key" {
							i++
							x.Items[j].Members[k].Val = str(fmt.Sprintf("example.com/key-%d", i))
						}
					}
				}
				return a
			})
			return c
		},
	},
	{
		id:      "anonymous",
		what:    "anonymous.conditions need anonymous.enabled: true (validation.go ValidateAuthenticationConfiguration)",
		fits:    func(c testCase) bool { _, ok := c.config.Get("anonymous"); return ok },
		without: func(c testCase) testCase { c.config = c.config.Without("anonymous"); return c },
	},
	{
		id:   "too-many-authenticators",
		what: "more than 64 jwt authenticators are refused (validation.go ValidateAuthenticationConfiguration)",
		fits: func(c testCase) bool { j, _ := c.config.Get("jwt"); return len(j.Items) > 64 },
		without: func(c testCase) testCase {
			c.config = c.config.Clone()
			for i, mb := range c.config.Members {
				if mb.Key == "jwt" {
					c.config.Members[i].Val.Items = mb.Val.Items[:1]
				}
			}
			return c
		},
	},
	{
		id:      "token-decoding",
		what:    "Go's JSON decoding keeps the last duplicate member and matches registered names regardless of case; go-oidc needs a string sub (go-oidc v2 verify.go, oidc.go claims)",
		fits:    func(c testCase) bool { return len(tokenOddities(c.claims)) > 0 },
		without: func(c testCase) testCase { c.claims = canonicalClaims(c.claims); return c },
	},
}

// plainExtraKey is an extra key every kube-apiserver accepts: a
// lower-case domain outside Kubernetes' own, a slash, a lower-case name.
var plainExtraKey = regexp.MustCompile(`^(example\.com|acme\.io)/[a-z0-9-]+$`)

// extraKeysOf lists the extra keys of every authenticator.
func extraKeysOf(config node) []string {
	var keys []string
	forEachAuthenticator(config, func(a node) node {
		cm, _ := a.Get("claimMappings")
		x, _ := cm.Get("extra")
		for _, it := range x.Items {
			if k, ok := it.Get("key"); ok {
				keys = append(keys, unquote(k.Raw))
			}
		}
		return a
	})
	return keys
}

// classify returns the class whose feature, taken out, makes both sides
// agree; agree runs a changed case. nil: nothing explains it.
func classify(c testCase, agree func(testCase) (bool, error)) (*knownClass, error) {
	for i := range knownClasses {
		k := &knownClasses[i]
		if !k.fits(c) {
			continue
		}
		ok, err := agree(k.without(c))
		if err != nil {
			return nil, err
		}
		if ok {
			return k, nil
		}
	}
	return nil, nil
}

func knownByID(id string) *knownClass {
	for i := range knownClasses {
		if knownClasses[i].id == id {
			return &knownClasses[i]
		}
	}
	return nil
}
