package entra

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy/policytest"
)

func TestDetectAccepts(t *testing.T) {
	policytest.CheckDetect(t, New(), true, map[string]string{
		"standard credential":      standardFIC(gh, "repo:o/r:ref:refs/heads/main", azureAud),
		"flexible credential":      flexibleFIC(gh, goodFlexExpr),
		"graph list":               `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#x","value":[` + standardFIC(gh, "s", azureAud) + `]}`,
		"az array":                 `[` + standardFIC(gh, "s", azureAud) + `,` + flexibleFIC(gh, goodFlexExpr) + `]`,
		"ARM properties":           `{"name":"n-cred","id":"/subscriptions/x/federatedIdentityCredentials/n","properties":{"issuer":"` + gh + `","subject":"s","audiences":` + azureAud + `}}`,
		"ARM list":                 `{"value":[{"name":"n-cred","properties":{"issuer":"` + gh + `","claimsMatchingExpression":{"value":"x","languageVersion":1},"audiences":` + azureAud + `}}]}`,
		"BOM and whitespace":       "\xef\xbb\xbf\n  " + standardFIC(gh, "s", azureAud),
		"broken JSON, Entra shape": `{"name":"x","issuer":"` + gh + `","subject":"s","audiences":["api://AzureADTokenExchange"],}`,
		"credential missing name":  `{"issuer":"` + gh + `","subject":"s","audiences":` + azureAud + `}`,
	})
}

func TestDetectRejects(t *testing.T) {
	policytest.CheckDetect(t, New(), false, map[string]string{
		"AWS trust policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}}]}`,
		"AWS get-role":     `{"Role":{"RoleName":"deploy","Arn":"arn:aws:iam::111122223333:role/deploy","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}}`,
		"GCP provider":     `{"name":"projects/123/locations/global/workloadIdentityPools/github/providers/gh","oidc":{"issuerUri":"` + gh + `","allowedAudiences":["https://iam.googleapis.com/x"]},"attributeMapping":{"google.subject":"assertion.sub"},"attributeCondition":"assertion.repository_owner_id == '65'"}`,
		"Vault role":       `{"role_type":"jwt","bound_audiences":["https://github.com/octo-org"],"user_claim":"sub","bound_subject":"repo:o/r:ref:refs/heads/main","bound_claims":{"repository_id":"74"}}`,
		"Vault envelope":   `{"request_id":"x","data":{"role_type":"jwt","bound_audiences":["a"],"user_claim":"actor","bound_claims_type":"glob","bound_claims":{"sub":"repo:o/*"}}}`,
		"octo-sts YAML":    "issuer: https://token.actions.githubusercontent.com\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\npermissions:\n  contents: read\n",
		"octo-sts JSON":    `{"issuer":"` + gh + `","subject_pattern":"repo:octo-org/.*","audience":"octo-sts.dev","permissions":{"contents":"read"}}`,
		"k8s YAML":         "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://token.actions.githubusercontent.com\n    audiences: [\"https://k8s.example.com\"]\n",
		"k8s JSON":         `{"apiVersion":"apiserver.config.k8s.io/v1beta1","kind":"AuthenticationConfiguration","jwt":[{"issuer":{"url":"` + gh + `","audiences":["https://k8s.example.com"]},"claimValidationRules":[{"claim":"sub","requiredValue":"x"}]}]}`,
		"empty":            ``,
		"null":             `null`,
		"string":           `"issuer subject audiences"`,
		"number":           `42`,
		"empty object":     `{}`,
		"empty array":      `[]`,
		"empty list":       `{"value":[]}`,
		"array of numbers": `[1,2,3]`,
		"claims payload":   `{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main","aud":"api://AzureADTokenExchange"}`,
		"mixed array":      `[` + standardFIC(gh, "s", azureAud) + `, 5]`,
		"not JSON at all":  `issuer = "x"`,
	})
}

// TestDetectRandomJSON: random JSON built from unrelated keys is never
// taken for an Entra document.
func TestDetectRandomJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := []string{"name", "id", "value", "type", "description", "issuer", "Statement", "oidc", "bound_claims", "kind", "data", "properties", "subjects", "audience"}
	var gen func(depth int) string
	gen = func(depth int) string {
		switch n := r.IntN(6); {
		case depth > 3 || n == 0:
			return strconv.Quote(keys[r.IntN(len(keys))])
		case n == 1:
			return strconv.Itoa(r.IntN(1000))
		case n == 2:
			items := []string{}
			for range r.IntN(4) {
				items = append(items, gen(depth+1))
			}
			return "[" + strings.Join(items, ",") + "]"
		default:
			members := []string{}
			for range r.IntN(5) {
				members = append(members, strconv.Quote(keys[r.IntN(len(keys))])+":"+gen(depth+1))
			}
			return "{" + strings.Join(members, ",") + "}"
		}
	}
	for range 2000 {
		doc := gen(0)
		if New().Detect([]byte(doc)) {
			t.Errorf("Detect(random JSON without audiences/subject) = true: %s", doc)
		}
	}
}
