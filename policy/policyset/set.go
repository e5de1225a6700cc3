// Package policyset loads policy documents of every provider, detected by
// content, and evaluates a token against all of them at once. It is the
// one place that names the provider packages: Registrations lists what
// each offers (policy.Registration), and All, ByID and Lookup (which takes
// aliases such as azure and google) read that list.
package policyset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/oidcscope/oidcscope/policy"
)

// ErrNoStdin is the error for "-" where there is no standard input to
// read (the terminal UI's policy prompt).
var ErrNoStdin = errors.New(`"-" reads standard input, which is not available here; give a file path`)

// ErrUnrecognised is wrapped when no provider recognises a document.
var ErrUnrecognised = errors.New("not a policy document oidcscope recognises")

// MaxDocument caps one policy document; trust policies are kilobytes, and
// an `aws iam list-roles` dump of thousands of roles is a few megabytes.
const MaxDocument = 64 << 20

// Set is the loaded policies, each compiled once, plus the documents that
// could not be loaded (reported as error results, never dropped) and the
// files in folders that are not policies (Skipped).
type Set struct {
	policies []policy.Policy
	failed   []policy.Result
	skipped  []string
}

// Loader reads policy documents with a fixed list of providers.
type Loader struct {
	Providers []policy.Provider // nil: All()
	ReadFile  func(string) ([]byte, error)
}

func (l Loader) providers() []policy.Provider {
	if l.Providers != nil {
		return l.Providers
	}
	return All()
}

// Load reads files (each a path, or "-" for stdin) and directories (every
// .json, .yaml and .yml file below them, in name order). A file found in a
// directory that no provider recognises is skipped when it is well-formed
// (Skipped), and fails, saying where it breaks, when it is not.
func (l Loader) Load(files, dirs []string, stdin io.Reader) *Set {
	s := &Set{}
	read := l.ReadFile
	if read == nil {
		read = func(p string) ([]byte, error) { return readCapped(p) }
	}
	files = append([]string(nil), files...)
	named := len(files)
	for _, dir := range dirs {
		found, err := policyFiles(dir)
		if err != nil {
			s.failed = append(s.failed, failure(dir, "", err))
			continue
		}
		files = append(files, found...)
	}
	for i, f := range files {
		var data []byte
		var err error
		if f == "-" && stdin == nil {
			err = ErrNoStdin
		} else if f == "-" {
			data, err = io.ReadAll(io.LimitReader(stdin, MaxDocument+1))
		} else {
			data, err = read(f)
		}
		if err == nil && len(data) > MaxDocument {
			err = fmt.Errorf("larger than %d MiB", MaxDocument>>20)
		}
		if err != nil {
			s.failed = append(s.failed, failure(f, "", err))
			continue
		}
		s.add(l.providers(), sourceName(f), data, i >= named)
	}
	return s
}

// Add detects and parses one document.
func (s *Set) Add(providers []policy.Provider, source string, data []byte) {
	s.add(providers, source, data, false)
}

// add is Add; found says the document was found in a folder rather than
// named, so that it is skipped when no provider recognises it and it is
// well-formed.
func (s *Set) add(providers []policy.Provider, source string, data []byte, found bool) {
	var detected []policy.Provider
	for _, p := range providers {
		if p.Detect(data) {
			detected = append(detected, p)
		}
	}
	if len(detected) == 0 {
		s.unrecognised(source, data, found)
		return
	}
	var errs []error
	for _, p := range detected {
		pols, err := p.Parse(source, data)
		if err == nil {
			s.policies = append(s.policies, pols...)
			return
		}
		errs = append(errs, fmt.Errorf("as %s: %w", providerName(p.ID()), err))
	}
	s.failed = append(s.failed, failure(source, resultProvider(detected[0].ID()), errors.Join(errs...)))
}

// Merge returns a new Set holding s's policies and then o's; neither is
// changed, so a Set being evaluated elsewhere is never written to.
func (s *Set) Merge(o *Set) *Set {
	out := &Set{}
	for _, x := range []*Set{s, o} {
		if x != nil {
			out.policies = append(out.policies, x.policies...)
			out.failed = append(out.failed, x.failed...)
			out.skipped = append(out.skipped, x.skipped...)
		}
	}
	return out
}

// Len is the number of policies and failed documents.
func (s *Set) Len() int { return len(s.policies) + len(s.failed) }

// Failed reports whether a document could not be read or parsed.
func (s *Set) Failed() bool { return len(s.failed) > 0 }

// Failures are the documents that could not be read or parsed, as error
// results naming their source.
func (s *Set) Failures() []policy.Result { return append([]policy.Result(nil), s.failed...) }

// parallelFrom is the set size from which Evaluate spreads policies over
// the CPUs: a few policies take microseconds, less than starting workers
// costs; an account's thousands of roles take tens of milliseconds.
const parallelFrom = 256

// Evaluate runs every policy against the token. Results keep load order;
// Sorted orders them for the "which roles can this token assume" table.
// Compiled policies are read-only, so a large set is evaluated by one
// worker per CPU, each on its own share of the results slice. A policy
// that panics is that policy's error (policy.SafeEvaluate). When IAM OIDC
// provider documents are in the set, AWS trust policies' results then
// get the provider check (checkProviders).
func (s *Set) Evaluate(tok policy.Token) []policy.Result {
	out := s.evaluate(tok)
	checkProviders(s.policies, out, tok)
	return append(out, s.failed...)
}

// evaluate is every policy's own result, in load order.
func (s *Set) evaluate(tok policy.Token) []policy.Result {
	out := make([]policy.Result, len(s.policies), s.Len())
	workers := min(runtime.GOMAXPROCS(0), len(s.policies)/(parallelFrom/2))
	if len(s.policies) < parallelFrom || workers < 2 {
		for i, p := range s.policies {
			out[i] = policy.SafeEvaluate(p, tok)
		}
		return out
	}
	var wg sync.WaitGroup
	share := (len(s.policies) + workers - 1) / workers
	for from := 0; from < len(s.policies); from += share {
		to := min(from+share, len(s.policies))
		wg.Go(func() {
			for i := from; i < to; i++ {
				out[i] = policy.SafeEvaluate(s.policies[i], tok)
			}
		})
	}
	wg.Wait()
	return out
}

func failure(source, provider string, err error) policy.Result {
	return policy.Result{Source: source, Provider: provider, Name: source, Verdict: policy.Error,
		Error: err.Error(), Summary: "could not be read", Conditions: []policy.Condition{}, Lint: []policy.Finding{}}
}

func sourceName(f string) string {
	if f == "-" {
		return "(stdin)"
	}
	return f
}

func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxDocument+1))
}

// policyFiles lists the policy documents below dir, skipping hidden
// entries and READMEs.
func policyFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && strings.HasPrefix(name, ".") && name != ".github" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".json", ".yaml", ".yml":
			if !d.IsDir() {
				out = append(out, path)
			}
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}
