package k8s

import (
	"math/rand/v2"
	"strings"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
)

// fill puts the token's values, or now and then another's, into an
// expression template: {sub}, {owner}, {repo}, {ref}, {env}, {ownerID},
// {aud}.
func fill(r *rand.Rand, s shape, tmpl string) string {
	if r.IntN(4) == 0 {
		s = shape{sub: "repo:acme/other:ref:refs/heads/main", aud: "other",
			Repository: harness.Repository{Owner: "acme", Name: "other", Ref: "refs/heads/dev", Env: "prod", OwnerID: "99"}}
	}
	return strings.NewReplacer("{sub}", s.sub, "{owner}", s.Owner, "{repo}", s.Name, "{ref}", s.Ref,
		"{env}", s.Env, "{ownerID}", s.OwnerID, "{aud}", s.aud).Replace(tmpl)
}

// claimRules are claimValidationRules expressions: plain comparisons,
// presence, macros, comprehensions over claims, Kubernetes' CEL
// libraries, claim typing, and expressions that fail to compile or to
// evaluate.
var claimRules = []string{
	`claims.sub == "{sub}"`,
	`claims.sub.startsWith("repo:{owner}/")`,
	`claims.sub.endsWith(":ref:{ref}")`,
	`claims.repository_owner_id == "{ownerID}"`,
	`claims.repository_owner_id == {ownerID}`,
	`has(claims.environment)`,
	`!has(claims.environment)`,
	`has(claims.email) && claims.email_verified == true`,
	`claims.sub.matches("^repo:{owner}/[^:]+:ref:refs/heads/main$")`,
	`claims.ref in ["refs/heads/main", "refs/heads/dev"]`,
	`claims.event_name in ["push", "workflow_dispatch"]`,
	`["{owner}", "acme"].exists(o, claims.repository_owner == o)`,
	`["{owner}", "acme"].all(o, o != "")`,
	`["{owner}"].exists_one(o, o == claims.repository_owner)`,
	`claims.exists(v, v == "{owner}")`,
	`claims.exists(k, k == "sub")`,
	`claims.all(v, v != "")`,
	`claims.filter(v, v == "{owner}").size() == 1`,
	`size(claims) > 3`,
	`"sub" in claims`,
	`claims.aud.exists(a, a == "{aud}")`,
	`dyn(claims.aud) == "{aud}"`,
	`claims.aud == "{aud}"`,
	`"{aud}" in claims.aud`,
	`claims.exp % 2 == 0`,
	`type(claims.exp) == double`,
	`type(claims.exp) == int`,
	`claims.exp > 0`,
	`claims.exp > 0.0`,
	`int(claims.exp) > 0`,
	`claims.n == 1`,
	`claims.flag == true`,
	`claims.sub.split(":").size() >= 3`,
	`claims.sub.split(":")[0] == "repo"`,
	`[3, 1, 2].sort() == [1, 2, 3]`,
	`lists.range(3).size() == 3`,
	`[1, 2, 2].distinct().size() == 2`,
	`[[1], [2, 3]].flatten().size() == 3`,
	`[1, 2, 3].reverse()[0] == 3`,
	`[1, 2, 3].slice(1, 2) == [2]`,
	`[1, 2, 3].sum() == 6`,
	`[1, 2, 3].min() == 1`,
	`[1, 2, 3].max() == 3`,
	`["a", "b"].indexOf("b") == 1`,
	`["a", "b"].lastIndexOf("a") == 0`,
	`[1, 2, 3].isSorted()`,
	`["b", "a"].sortBy(x, x) == ["a", "b"]`,
	`url("https://github.com/" + claims.repository).getHost() == "github.com"`,
	`url("https://github.com/" + claims.repository).getEscapedPath() == "/{owner}/{repo}"`,
	`isURL("https://github.com/" + claims.repository)`,
	`claims.sub.find("[0-9]+") == ""`,
	`claims.sub.findAll(":").size() >= 2`,
	`ip("10.0.0.1").family() == 4`,
	`cidr("10.0.0.0/8").containsIP(ip("10.1.2.3"))`,
	`isIP("10.0.0.1")`,
	`isCIDR("10.0.0.0/8")`,
	`quantity("1Gi").isGreaterThan(quantity("1Mi"))`,
	`isQuantity("1Gi")`,
	`semver("1.2.3").isLessThan(semver("1.10.0"))`,
	`isSemver("1.2.3")`,
	`format.dns1123Label().validate(claims.repository_owner).hasValue()`,
	`!format.dns1123Label().validate(claims.repository_owner).hasValue()`,
	`sets.contains(["a", "b"], ["a"])`,
	`claims.?environment.orValue("none") == "{env}"`,
	`claims.?environment.hasValue()`,
	`claims.a__dot__b == "x"`,
	`claims["a.b"] == "x"`,
	`claims.missing == "x"`,
	`int(claims.sub) > 0`,
	`claims.sub.lowerAscii().contains("{owner}")`,
	`claims.sub.contains("{owner}")`,
	`claims.sub.size() < 200`,
	`claims.repository.charAt(0) == "o"`,
	`claims.sub`,
	`claims.sub ==`,
	`claims.sub + 1 == "x"`,
	`claims.ctx.team == "x"`,
	`claims.groups.exists(g, g == "admins")`,
	`dyn(claims.groups).exists(g, g == "admins")`,
	`lists.range(2000).all(i, claims.sub.matches("^repo:.*$"))`,
	`claims.sub.matches("^(a+)+$")`,
	`claims.sub.replace("repo:", "") != ""`,
	`claims.email == "octocat@example.com"`,
	`claims['email'] == "octocat@example.com"`,
	`"%s".format([claims.sub]) == claims.sub`,
	`claims.sub.upperAscii().startsWith("REPO:")`,
	`claims.sub.indexOf(":") == 4`,
	`claims.sub.substring(0, 4) == "repo"`,
	`[claims.repository_owner, claims.repository].join("/") != ""`,
	`strings.quote(claims.sub) != ""`,
	`claims.sub.trim() == claims.sub`,
	`base64.encode(bytes(claims.sub)) != ""`,
	`claims.?ctx.?team.orValue("") == "x"`,
	`has(claims.ctx.team)`,
	`claims.ctx.list.exists(x, x == "x")`,
	`claims.all(k, v, k != "")`,
	`claims.exists(k, v, k == "sub" && v == "{sub}")`,
	`{"a": 1}.exists(k, k == "a")`,
	`claims.sub.startsWith("repo:{owner}/") || claims.missing == "x"`,
	`claims.missing == "x" || true`,
	`claims.sub == "{sub}" ? true : claims.missing == "x"`,
	`optional.of(claims.sub).hasValue()`,
	`math.greatest(1, 2) == 2`,
	`math.ceil(1.5) == 2.0`,
	`claims.sub.split(":").map(x, x.size()).sum() > 0`,
	`lists.range(5).filter(i, i % 2 == 0).size() == 3`,
	`claims.sub.matches("(?i)^REPO:")`,
	`claims.iat < claims.exp`,
	`duration("1h") > duration("1m")`,
	`timestamp("2026-01-01T00:00:00Z") < timestamp("2027-01-01T00:00:00Z")`,
	`claims.exp > timestamp("2026-01-01T00:00:00Z")`,
	`claims.repository_owner_id.matches("^[0-9]+$")`,
	`claims.email_verified`,
	`claims.runner_environment != "self-hosted"`,
	`claims.sub.split(":").exists(p, p == "environment")`,
	`[claims.ref, claims.event_name].all(x, x.size() > 0)`,
	`lists.range(2000).all(i, i >= 0)`,
	`lists.range(300).all(i, claims.sub.matches("^repo:[a-zA-Z0-9-]+/.*$"))`,
	`lists.range(100).all(i, lists.range(100).all(j, i + j >= 0))`,
	`claims.sub.split("").all(c, c != " ")`,
	`claims.ref.size() > 10 && claims.ref.charAt(11) != "x"`,
	`url("https://github.com/" + claims.ref).getEscapedPath() != ""`,
	`format.dns1123Subdomain().validate(claims.ref.substring(11)).hasValue()`,
	`claims.ref.lowerAscii() == claims.ref`,
	`["a", "b"].includes("a")`,
	`claims.sub.matches("[")`,
	`claims.sub.find("(") == ""`,
	`url("not a url").getHost() == ""`,
	`ip("999.1.1.1").family() == 4`,
	`quantity("1Gx").isInteger()`,
	`semver("1.2").major() == 1`,
	`cidr("10.0.0.0/33").prefixLength() == 33`,
	`"a" + "b" == "ab"`,
	`claims.sub.matches("^repo:" + claims.repository_owner + "/")`,
	`claims.aud.size() > 0`,
	`size(claims.aud) > 0`,
	`[claims.repository_owner, "acme"].includes(claims.repository_owner)`,
}

// costlyRule passes kube-apiserver's runtime cost limit (1,000,000 per
// expression) in about half a second: rare, to keep the run short.
// (Kubernetes' lists.range(n).all(...) takes time quadratic in n: 20,000
// took 4 s and 300,000 over 3 minutes before the limit stopped it.)
const costlyRule = `lists.range(200).all(i, lists.range(200).all(j, lists.range(20).all(k, i + j + k >= 0)))`

// usernameExprs are claimMappings.username.expression values: the
// first ones give a username for every GitHub token.
var usernameExprs = []string{
	`claims.sub`, `"github:" + claims.sub`, `claims.repository + ":" + claims.ref`, `string(claims.run_number)`,
	`"gh:" + claims.repository_owner + "/" + claims.repository_owner_id`,
	// the rest fail for some tokens, or for every one
	`claims.email`, `claims['email']`, `claims.?email.orValue("")`, `claims.email_verified ? claims.email : "unverified"`,
	`"system:" + claims.actor`, `claims.repository_owner_id`, `claims.exp`, `claims.sub.split(":")[1]`,
	`claims.?environment.orValue("")`, `claims.sub.replace("repo:", "")`, `claims.a__dot__b`,
}

// safeUsernames is how many of usernameExprs give a username for every
// GitHub token.
const safeUsernames = 5

// groupsExprs are claimMappings.groups.expression values.
var groupsExprs = []string{
	`claims.sub.split(":")`, `claims.sub.split(":").map(x, x)`, `[claims.repository_owner]`,
	`"gh:" + claims.repository_owner`, `claims.?groups.orValue([])`, `dyn(claims.aud)`, `[]`, `claims.missing`,
	`claims.groups`, `[claims.repository_owner, claims.exp]`, `claims.sub.split(":").filter(x, x != "repo")`,
}

// uidExprs are claimMappings.uid.expression values.
var uidExprs = []string{`claims.repository_id`, `claims.run_number`, `claims.exp`, `claims.?environment.orValue("")`, `claims.actor_id`}

// extraExprs are claimMappings.extra valueExpression values.
var extraExprs = []string{
	`claims.repository`, `[claims.ref, claims.ref_type]`, `claims.?environment.orValue("")`, `claims.exp`,
	`claims.sub.split(":")`, `[]`, `claims.job_workflow_ref`,
}

// extraKeys are claimMappings.extra keys: domain-prefixed paths, and keys
// Kubernetes refuses (reserved domains, no domain, upper case).
var extraKeys = []string{
	"example.com/repository", "example.com/ref", "acme.io/workflow", "kubernetes.io/repo", "k8s.io/x",
	"sub.kubernetes.io/x", "repository", "Example.com/Repo", "example.com/a b", "example.com/",
}

// userRules are userValidationRules expressions.
var userRules = []string{
	`!user.username.startsWith("system:")`, `size(user.extra) == 0`, `size(user.groups) > 0`, `user.uid != ""`,
	`"gh:{owner}" in user.groups`, `user.username.contains("{owner}")`,
	`user.extra.exists(k, k.startsWith("authentication.kubernetes.io"))`, `!("example.com/repository" in user.extra)`,
	`user.groups.all(g, !g.startsWith("system:"))`,
	`user.extra["authentication.kubernetes.io/credential-id"][0].startsWith("JTI=")`, `user.uid == ""`,
	`"authentication.kubernetes.io/credential-id" in user.extra`, `user.username.size() < 100`,
	`user.username`, `claims.sub == "x"`,
}
