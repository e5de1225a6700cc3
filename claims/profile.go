package claims

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Profile is what oidcscope knows about one kind of issuer. Each profile is
// one JSON file in profiles/: adding an issuer means adding a file (and
// running go generate ./claims).
type Profile struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Issuers []IssuerPattern `json:"issuers,omitempty"`
	// DetectClaims recognises tokens of self-hosted instances, whose issuer
	// is any URL: all these claims present means this profile.
	DetectClaims []string `json:"detect_claims,omitempty"`
	Claims       []Entry  `json:"claims"`
	// SubjectKeys are the keys that may appear in "key:value" subjects;
	// SubjectFlags stand alone without a value (GitHub's "pull_request").
	SubjectKeys  []string    `json:"subject_keys,omitempty"`
	SubjectFlags []string    `json:"subject_flags,omitempty"`
	Risks        []ValueRisk `json:"risks,omitempty"`
	// Audiences maps well-known aud values to who asks for them.
	Audiences map[string]string `json:"audiences,omitempty"`
	// Sources resolves the tags in Entry.Sources to what they cite.
	Sources map[string]string `json:"sources,omitempty"`
}

// IssuerPattern recognises one deployment variant by its iss.
type IssuerPattern struct {
	Variant string `json:"variant"`
	Pattern string `json:"pattern"` // RE2, anchored by the loader
	// SelfHosted: the pattern admits any host (GitHub Enterprise Server),
	// so a token matching it is only what it claims until verified.
	SelfHosted bool                  `json:"self_hosted,omitempty"`
	matches    func(iss string) bool // Pattern anchored, set by newCatalog (see issuerMatcher)
}

// ValueRisk flags a claim value that deserves a second look.
type ValueRisk struct {
	Claim  string   `json:"claim"`
	Equals []string `json:"equals,omitempty"`
	Empty  bool     `json:"empty,omitempty"` // present but ""
	Detail string   `json:"detail"`
}

// Catalog is every profile, loaded once from the embedded files.
type Catalog struct {
	profiles []*Profile // issuer-specific, in file-name order
	generic  *Profile
}

// GenericID is the profile for any issuer no other profile recognises.
const GenericID = "generic"

// Default returns the catalog of the profiles in profiles/, built once
// from their Go form in profiles_gen.go; the result is never modified.
// (Decoding 140 KB of JSON cost milliseconds at every start of the
// program; `go generate ./claims` rewrites the Go form from the JSON files,
// and TestGeneratedProfilesMatchFiles fails when they differ.)
// The built-in issuer patterns compile on first use: a token's issuer
// usually matches the first one tried, and the rest would cost every run
// their compilation (TestBuiltinIssuerPatternsCompile keeps that first use
// from failing).
var Default = sync.OnceValues(func() (*Catalog, error) { return newCatalog(builtinProfiles, lazily) })

//go:generate go run ./internal/gencatalog -o profiles_gen.go profiles

// Load reads every *.json profile under dir of fsys.
func Load(fsys fs.FS, dir string) (*Catalog, error) {
	profiles, err := ReadProfiles(fsys, dir)
	if err != nil {
		return nil, err
	}
	return newCatalog(profiles, now)
}

// ReadProfiles decodes every *.json profile under dir of fsys, in file
// name order, without checking them (newCatalog does).
func ReadProfiles(fsys fs.FS, dir string) ([]*Profile, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var out []*Profile
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields() // a typo in a field name must not silently drop data
		var p Profile
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("profile %s: %w", e.Name(), err)
		}
		out = append(out, &p)
	}
	return out, nil
}

// compileWhen is when newCatalog compiles the issuer patterns: now, so a
// profile read from files reports a bad pattern as it loads, or lazily,
// for the built-in ones, which tests compile.
type compileWhen bool

const (
	now    compileWhen = false
	lazily compileWhen = true
)

// newCatalog checks the profiles, compiles their issuer patterns (now or
// lazily) and orders them.
func newCatalog(profiles []*Profile, when compileWhen) (*Catalog, error) {
	c := &Catalog{profiles: make([]*Profile, 0, len(profiles))}
	for _, p := range profiles {
		// A copy, with its own issuer patterns to compile: the built-in
		// profiles are package data, shared by every catalog.
		cp := *p
		cp.Issuers = slices.Clone(p.Issuers)
		p = &cp
		if err := checkProfile(p, when); err != nil {
			return nil, fmt.Errorf("profile %s: %w", p.ID, err)
		}
		if p.ID == GenericID {
			c.generic = p
		} else {
			c.profiles = append(c.profiles, p)
		}
	}
	if c.generic == nil {
		return nil, fmt.Errorf("no %q profile", GenericID)
	}
	sort.Slice(c.profiles, func(i, j int) bool { return c.profiles[i].ID < c.profiles[j].ID })
	return c, nil
}

func checkProfile(p *Profile, when compileWhen) error {
	if p.ID == "" || p.Name == "" {
		return fmt.Errorf("id and name are required")
	}
	for i := range p.Issuers {
		m, err := issuerMatcher(p.Issuers[i].Pattern, when)
		if err != nil {
			return fmt.Errorf("issuer %q: %w", p.Issuers[i].Variant, err)
		}
		p.Issuers[i].matches = m
	}
	for i, e := range p.Claims {
		if e.Name == "" || e.Summary == "" {
			return fmt.Errorf("a claim without name or summary: %+v", e)
		}
		// Compared pairwise rather than through a map: a profile lists a
		// few dozen claims, and the built-in ones are checked at every start.
		for _, before := range p.Claims[:i] {
			if before.Name == e.Name {
				return fmt.Errorf("claim %q listed twice", e.Name)
			}
		}
	}
	return nil
}

// anchor makes an issuer pattern match the whole iss.
func anchor(pattern string) string { return "^(?:" + pattern + ")$" }

// Profiles returns the issuer-specific profiles and then the generic one.
func (c *Catalog) Profiles() []*Profile {
	return append(append([]*Profile{}, c.profiles...), c.generic)
}

// Profile returns the profile with this id, or nil.
func (c *Catalog) Profile(id string) *Profile {
	for _, p := range c.Profiles() {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Match picks the profile for a token from its issuer, falling back to the
// claim shape for self-hosted instances, then to the generic profile.
func (c *Catalog) Match(iss string, has func(claim string) bool) (*Profile, string) {
	m := c.match(iss, has)
	return m.profile, m.variant
}

// matched is what match found: the profile, the deployment variant, and
// whether that deployment is self-hosted (any host may claim to be one).
type matched struct {
	profile    *Profile
	variant    string
	selfHosted bool
}

func (c *Catalog) match(iss string, has func(claim string) bool) matched {
	if gitHubLookalike(iss) {
		return matched{profile: c.generic}
	}
	for _, p := range c.profiles {
		for _, ip := range p.Issuers {
			if ip.matches(iss) {
				return matched{p, ip.Variant, ip.SelfHosted}
			}
		}
	}
	for _, p := range c.profiles {
		if len(p.DetectClaims) == 0 {
			continue
		}
		all := true
		for _, name := range p.DetectClaims {
			all = all && has(name)
		}
		if all {
			return matched{p, "self-managed", true}
		}
	}
	return matched{profile: c.generic}
}

// Lookup finds a claim's entry in p, then in the generic profile; an entry
// of p with Family set matches every name it prefixes.
func (c *Catalog) Lookup(p *Profile, name string) (*Entry, bool) {
	for _, prof := range []*Profile{p, c.generic} {
		if prof == nil {
			continue
		}
		for i := range prof.Claims {
			e := &prof.Claims[i]
			if e.Name == name || e.Family && strings.HasPrefix(name, e.Name) && len(name) > len(e.Name) {
				return e, true
			}
		}
	}
	return nil, false
}
