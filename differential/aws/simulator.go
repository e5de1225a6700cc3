package aws

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// Why the simulator cannot start; the tests skip on these unless Node is
// required.
var (
	ErrNoNode    = errors.New("node is not installed (the AWS differential test runs @cloud-copilot/iam-simulate under Node)")
	ErrNoModules = errors.New("the simulator's node_modules are missing (run `npm ci` in differential/aws/sim)")
	// ErrSimulator wraps an answer the simulator gave up on.
	ErrSimulator = errors.New("the simulator failed")
)

// Simulator is one long-lived sim/evaluate.mjs process. It is not safe for
// concurrent use.
type Simulator struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *bytes.Buffer
	nextID int
	broken bool // a reply went missing or wrong: answers are out of step
}

// Request is one question for the simulator.
type Request struct {
	ID      int      `json:"id"`
	Op      string   `json:"op"` // eval or keys
	Policy  Document `json:"policy"`
	Claims  Claims   `json:"claims"`
	Explain bool     `json:"explain,omitempty"`
}

// Answer is the simulator's reply to one Request.
type Answer struct {
	ID int `json:"id"`
	// Decision is Allowed, ImplicitlyDenied or ExplicitlyDenied, or
	// NotEvaluated for an invalid document.
	Decision string `json:"decision"`
	// Invalid lists the trust policy's syntax errors (validateTrustPolicy):
	// a document IAM would not store.
	Invalid []string `json:"invalid"`
	// The request the simulator evaluated: the caller and the request
	// context built from the claims (a string or, for a multivalued key,
	// an array of strings).
	Principal string         `json:"principal,omitempty"`
	Context   map[string]any `json:"context,omitempty"`
	// With Explain: which statements match on their own.
	Statements []StatementMatch `json:"statements,omitempty"`
	// For keys: the condition keys of sts:AssumeRoleWithWebIdentity in the
	// simulator's IAM data, and that data's version and date.
	Keys          []string `json:"keys,omitempty"`
	DataVersion   string   `json:"dataVersion,omitempty"`
	DataUpdatedAt string   `json:"dataUpdatedAt,omitempty"`
	Error         string   `json:"error,omitempty"`
}

// StatementMatch says whether one statement's principal, action and
// conditions all match the request.
type StatementMatch struct {
	Index   int    `json:"index"`
	Effect  string `json:"effect"`
	Matches bool   `json:"matches"`
}

// StartSimulator runs sim/evaluate.mjs under dir (the package folder).
func StartSimulator(dir string) (*Simulator, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoNode, err)
	}
	simDir := filepath.Join(dir, "sim")
	if _, err := os.Stat(filepath.Join(simDir, "node_modules", "@cloud-copilot", "iam-simulate", "package.json")); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoModules, err)
	}
	cmd := exec.Command(node, "evaluate.mjs")
	cmd.Dir = simDir
	s := &Simulator{cmd: cmd, stderr: &bytes.Buffer{}}
	cmd.Stderr = s.stderr
	if s.in, err = cmd.StdinPipe(); err != nil {
		return nil, fmt.Errorf("simulator stdin: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("simulator stdout: %w", err)
	}
	s.out = bufio.NewReaderSize(stdout, 1<<16)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the simulator: %w", err)
	}
	return s, nil
}

// Close ends the process: stdin closes, the loop ends, node exits. After
// a protocol failure the process may be blocked writing answers nobody
// reads, so it is killed.
func (s *Simulator) Close() error {
	s.in.Close()
	if s.broken {
		s.cmd.Process.Kill()
		s.cmd.Wait()
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		return fmt.Errorf("the simulator did not exit; killed: %w", <-done)
	}
}

// Keys asks for the IAM data's condition keys of AssumeRoleWithWebIdentity.
func (s *Simulator) Keys() (Answer, error) {
	as, err := s.ask([]Request{{Op: "keys"}})
	if err != nil {
		return Answer{}, err
	}
	return as[0], nil
}

// Eval asks for the decisions on many cases at once: one writer feeds the
// process while this goroutine reads, so a large batch cannot fill both
// pipes and stall.
func (s *Simulator) Eval(cases []Case, explain bool) ([]Answer, error) {
	reqs := make([]Request, len(cases))
	for i, c := range cases {
		reqs[i] = Request{Op: "eval", Policy: c.Doc, Claims: c.Claims, Explain: explain}
	}
	return s.ask(reqs)
}

// EvalOne asks for one case.
func (s *Simulator) EvalOne(c Case, explain bool) (Answer, error) {
	as, err := s.Eval([]Case{c}, explain)
	if err != nil {
		return Answer{}, err
	}
	return as[0], nil
}

func (s *Simulator) ask(reqs []Request) ([]Answer, error) {
	if s.broken {
		return nil, fmt.Errorf("%w: an earlier answer was lost", ErrSimulator)
	}
	out, err := s.exchange(reqs)
	if err != nil {
		s.broken = true
	}
	return out, err
}

func (s *Simulator) exchange(reqs []Request) ([]Answer, error) {
	first := s.nextID
	for i := range reqs {
		reqs[i].ID = s.nextID
		s.nextID++
	}
	werr := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(s.in, 1<<16)
		for _, r := range reqs {
			line, err := marshal(r)
			if err != nil {
				werr <- fmt.Errorf("encoding request %d: %w", r.ID, err)
				return
			}
			w.Write(line)
			w.WriteByte('\n')
		}
		werr <- w.Flush()
	}()
	out := make([]Answer, len(reqs))
	for i := range out {
		line, err := s.out.ReadBytes('\n')
		if err != nil {
			return nil, fmt.Errorf("%w: reading answer %d: %w (stderr: %s)", ErrSimulator, first+i, err, s.stderr.String())
		}
		if err := json.Unmarshal(line, &out[i]); err != nil {
			return nil, fmt.Errorf("%w: answer %q: %w", ErrSimulator, line, err)
		}
		if out[i].ID != first+i {
			return nil, fmt.Errorf("%w: answer for request %d came in place of %d", ErrSimulator, out[i].ID, first+i)
		}
		if out[i].Error != "" {
			return nil, fmt.Errorf("%w on request %d: %s", ErrSimulator, out[i].ID, out[i].Error)
		}
	}
	if err := <-werr; err != nil {
		return nil, fmt.Errorf("writing to the simulator: %w", err)
	}
	return out, nil
}
