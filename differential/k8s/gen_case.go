package k8s

import "math/rand/v2"

// testCase is one generated comparison: an AuthenticationConfiguration
// and a claim set, both JSON.
type testCase struct {
	index  int
	config node
	claims node
	format string // "json", "yaml" (strings quoted) or "yaml-plain" (plain where YAML allows)
}

// document is the configuration file's text.
func (c testCase) document() []byte {
	switch c.format {
	case "yaml":
		return []byte(c.config.YAMLText(false))
	case "yaml-plain":
		return []byte(c.config.YAMLText(true))
	}
	return []byte(c.config.Text())
}

// genCase builds case i of a seeded run; each case has its own stream, so
// one can be regenerated alone from (seed, i).
func genCase(seed uint64, i int, now int64) testCase {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	s := genShape(r)
	claims := genClaims(r, s, now)
	return testCase{index: i, config: genConfig(r, s), claims: claims, format: pick(r, []string{"json", "json", "yaml", "yaml-plain"})}
}
