package remote

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/oidcscope/oidcscope/decode"
)

// ErrHelper is wrapped by every failure to reach the helper or to
// understand it, as opposed to a provider's own answer.
var ErrHelper = errors.New("the oidcscope-cel helper")

// Conn is oidcscope's side of one helper: calls are answered in turn, so
// a policy set evaluating on several goroutines shares it safely.
type Conn struct {
	mu     sync.Mutex
	enc    *json.Encoder
	w      *bufio.Writer
	r      *bufio.Reader
	closer io.Closer
	broken error // once set, every call fails with it
	// held is the token the helper holds (TokenID), 0 for none.
	held uint64
	// tokens numbers the tokens sent, under mu.
	tokens uint64
	// released are handles whose policies were dropped here, sent with
	// the next call (relMu, not mu: a cleanup must never wait on a call).
	relMu    sync.Mutex
	released []int
	// fail ends a helper that stopped answering and adds what is known of
	// it to the failure (its path, what it wrote to stderr).
	fail func(error) error
}

// NewConn speaks the protocol over r (the helper's stdout) and w (its
// stdin), and greets the helper: it fails unless the helper speaks this
// Protocol and is the same release (version). closer, if not nil, is
// closed by Close.
func NewConn(r io.Reader, w io.Writer, closer io.Closer, version string) (*Conn, error) {
	return newConn(r, w, closer, version, func(err error) error { return err })
}

func newConn(r io.Reader, w io.Writer, closer io.Closer, version string, fail func(error) error) (*Conn, error) {
	bw := bufio.NewWriter(w)
	c := &Conn{enc: json.NewEncoder(bw), w: bw, r: bufio.NewReader(r), closer: closer, fail: fail}
	resp, err := c.call(request{Op: opHello, Version: version})
	if err != nil {
		return nil, err
	}
	if resp.Protocol != Protocol || resp.Version != version {
		return nil, fmt.Errorf("%w is release %s (protocol %d), this oidcscope is %s (protocol %d): install both from the same release",
			ErrHelper, resp.Version, resp.Protocol, version, Protocol)
	}
	return c, nil
}

// Close ends the helper's input, which ends the helper.
func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.broken == nil {
		c.broken = fmt.Errorf("%w: closed", ErrHelper)
	}
	if c.closer == nil {
		return nil
	}
	return c.closer.Close()
}

// call sends req and reads its response; a transport failure breaks the
// connection for good (a helper that died mid-answer is not trusted again).
func (c *Conn) call(req request) (response, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.callLocked(req)
}

func (c *Conn) callLocked(req request) (response, error) {
	if c.broken != nil {
		return response{}, c.broken
	}
	req.Release = c.takeReleased()
	var resp response
	err := c.enc.Encode(req)
	if err == nil {
		err = c.w.Flush()
	}
	if err == nil {
		err = readMessage(c.r, &resp)
	}
	if err != nil {
		c.broken = c.fail(fmt.Errorf("%w stopped answering (%s): %w", ErrHelper, req.Op, err))
		return response{}, c.broken
	}
	return resp, nil
}

// withToken makes a call about a token: the payload goes along only when
// the helper does not hold that token already.
func (c *Conn) withToken(req request, id uint64, payload decode.Value) (response, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	req.TokenID = id
	if c.held != id {
		w := toWire(payload)
		req.Payload = &w
	}
	resp, err := c.callLocked(req)
	if err == nil {
		c.held = id
	}
	return resp, err
}

// newTokenID numbers a token oidcscope has not sent before.
func (c *Conn) newTokenID() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tokens++
	return c.tokens
}

// release notes that the policy behind handle was dropped.
func (c *Conn) release(handle int) {
	c.relMu.Lock()
	defer c.relMu.Unlock()
	c.released = append(c.released, handle)
}

func (c *Conn) takeReleased() []int {
	c.relMu.Lock()
	defer c.relMu.Unlock()
	out := c.released
	c.released = nil
	return out
}
