package verify

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

// loopbackOnly fails the test if any request would leave the machine, so a
// broken rule shows up as a test failure rather than real network traffic.
type loopbackOnly struct {
	t    *testing.T
	base http.RoundTripper
}

func (l loopbackOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if !isLoopback(r.URL.Hostname()) {
		l.t.Errorf("request to non-loopback host %q reached the transport", r.URL.Host)
		return nil, errors.New("blocked by test: non-loopback host")
	}
	return l.base.RoundTrip(r)
}

// guardedClient is srv's own client behind loopbackOnly.
func guardedClient(t *testing.T, srv *httptest.Server) *http.Client {
	return &http.Client{Transport: loopbackOnly{t: t, base: srv.Client().Transport}}
}

// testHandler serves the paths the fetch tests use.
func testHandler(t *testing.T) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"keys":[]}`)
	})
	// /size/N writes N bytes in one go (Content-Length is set for small N).
	mux.HandleFunc("/size/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		w.Write([]byte(strings.Repeat("a", n)))
	})
	mux.HandleFunc("/chunked/{n}", serveChunked)
	mux.HandleFunc("/redirect/{n}", serveRedirects)
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://example.com/jwks", http.StatusFound)
	})
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, "boom: "+strings.Repeat("x", 1000))
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	})
	return mux
}

// serveChunked, at a path ending in {n}, writes n bytes in two flushed
// pieces, so with no Content-Length: the reader, not the header, has to
// find a body too large. limitServer serves it too.
func serveChunked(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PathValue("n"))
	w.Write([]byte(strings.Repeat("a", n/2)))
	w.(http.Flusher).Flush()
	w.Write([]byte(strings.Repeat("a", n-n/2)))
}

// serveRedirects, at /redirect/{n}, redirects n times before answering
// "arrived". limitServer serves it too.
func serveRedirects(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PathValue("n"))
	if n == 0 {
		fmt.Fprint(w, "arrived")
		return
	}
	http.Redirect(w, r, "/redirect/"+strconv.Itoa(n-1), http.StatusFound)
}

func TestFetchGet(t *testing.T) {
	srv := httptest.NewServer(testHandler(t))
	defer srv.Close()

	tests := []struct {
		name     string
		url      string // relative URLs are resolved against srv
		maxBody  int64
		wantBody string
		wantErr  error
		wantMsg  []string // substrings of the error message
	}{
		{name: "success", url: "/ok", wantBody: `{"keys":[]}`},
		{name: "exactly cap", url: "/size/64", maxBody: 64, wantBody: strings.Repeat("a", 64)},
		{name: "cap plus one", url: "/size/65", maxBody: 64, wantErr: ErrBodyTooLarge, wantMsg: []string{"/size/65", "64 bytes"}},
		{name: "chunked exactly cap", url: "/chunked/64", maxBody: 64, wantBody: strings.Repeat("a", 64)},
		{name: "chunked cap plus one", url: "/chunked/65", maxBody: 64, wantErr: ErrBodyTooLarge},
		{name: "default cap exactly", url: "/size/" + strconv.Itoa(1<<20), wantBody: strings.Repeat("a", 1<<20)},
		{name: "default cap plus one", url: "/chunked/" + strconv.Itoa(1<<20+1), wantErr: ErrBodyTooLarge, wantMsg: []string{"1 MiB"}},
		{name: "three redirects", url: "/redirect/3", wantBody: "arrived"},
		{name: "four redirects", url: "/redirect/4", wantErr: ErrTooManyRedirects},
		{name: "redirect to plain http elsewhere", url: "/away", wantErr: ErrNotHTTPS, wantMsg: []string{"http://example.com/jwks"}},
		{name: "status 500", url: "/fail", wantErr: ErrHTTPStatus, wantMsg: []string{"500", "boom"}},
		{name: "status 404", url: "/missing", wantErr: ErrHTTPStatus, wantMsg: []string{"404"}},
		{name: "plain http non-loopback", url: "http://example.com/jwks", wantErr: ErrNotHTTPS, wantMsg: []string{"http://example.com/jwks"}},
		{name: "other scheme", url: "ftp://127.0.0.1/jwks", wantErr: ErrNotHTTPS},
		{name: "no scheme", url: "example.com/jwks", wantErr: ErrNotHTTPS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Fetcher{Client: guardedClient(t, srv), Timeout: 2 * time.Second, MaxBody: tt.maxBody}
			u := tt.url
			if strings.HasPrefix(u, "/") {
				u = srv.URL + u
			}
			body, err := typedGet(f, u)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Get: %v", err)
				}
				if string(body) != tt.wantBody {
					t.Fatalf("body = %.40q (len %d), want %.40q (len %d)", body, len(body), tt.wantBody, len(tt.wantBody))
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if body != nil {
				t.Errorf("body = %d bytes on error, want nil", len(body))
			}
			for _, s := range tt.wantMsg {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
			if len(err.Error()) > 400 {
				t.Errorf("error message is %d bytes; body snippet not capped?", len(err.Error()))
			}
		})
	}
}

func TestFetchTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Return when the client gives up so srv.Close does not wait.
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()

	f := Fetcher{Client: guardedClient(t, srv), Timeout: 200 * time.Millisecond}
	start := time.Now()
	_, err := typedGet(f, srv.URL+"/slow")
	t.Logf("Get returned after %v with a 200ms timeout: %v", time.Since(start), err)
	if !errors.Is(err, ErrFetchTimeout) {
		t.Fatalf("err = %v, want ErrFetchTimeout", err)
	}
	for _, s := range []string{srv.URL, "timed out", "limit 200ms"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not mention %q", err, s)
		}
	}
}

func TestFetchSendsNothingOfTheToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			t.Errorf("method = %s, want GET", r.Method)
		}
		for _, h := range []string{"Authorization", "Cookie", "Proxy-Authorization"} {
			if v := r.Header.Get(h); v != "" {
				t.Errorf("request carries %s: %q", h, v)
			}
		}
		if r.URL.RawQuery != "" || r.URL.ForceQuery {
			t.Errorf("request has query %q", r.URL.RawQuery)
		}
		if got := r.Header.Get("Accept"); got != "application/json" {
			t.Errorf("Accept = %q", got)
		}
		if got := r.Header.Get("User-Agent"); got != "oidcscope" {
			t.Errorf("User-Agent = %q", got)
		}
		if r.ContentLength > 0 {
			t.Errorf("request has a body of %d bytes", r.ContentLength)
		}
		// A cookie set here must not come back on the next hop.
		http.SetCookie(w, &http.Cookie{Name: "s", Value: "1"})
		if r.URL.Path == "/first" {
			http.Redirect(w, r, "/second", http.StatusFound)
			return
		}
		fmt.Fprint(w, "{}")
	}))
	defer srv.Close()

	// A caller client with a jar already holding a cookie for the server.
	jar, _ := cookiejar.New(nil)
	su, _ := url.Parse(srv.URL)
	jar.SetCookies(su, []*http.Cookie{{Name: "session", Value: "secret"}})
	client := guardedClient(t, srv)
	client.Jar = jar

	f := Fetcher{Client: client, Timeout: 2 * time.Second}
	if _, err := typedGet(f, srv.URL+"/first"); err != nil {
		t.Fatalf("Get: %v", err)
	}
}

func TestFetchDefaultClient(t *testing.T) {
	// Client nil: the built client must work on loopback http.
	srv := httptest.NewServer(testHandler(t))
	defer srv.Close()

	f := Fetcher{Timeout: 2 * time.Second}
	body, err := typedGet(f, srv.URL+"/redirect/3")
	if err != nil || string(body) != "arrived" {
		t.Fatalf("Get = %q, %v", body, err)
	}
	if _, err := typedGet(f, srv.URL+"/redirect/4"); !errors.Is(err, ErrTooManyRedirects) {
		t.Fatalf("err = %v, want ErrTooManyRedirects", err)
	}
}

func TestFetchRejectsURLCredentials(t *testing.T) {
	srv := httptest.NewServer(testHandler(t))
	defer srv.Close()

	u := strings.Replace(srv.URL, "http://", "http://user:hunter2@", 1) + "/ok"
	f := Fetcher{Client: guardedClient(t, srv), Timeout: 2 * time.Second}
	_, err := typedGet(f, u)
	if err == nil {
		t.Fatal("Get with userinfo succeeded; it would have sent an Authorization header")
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("error %q shows the password", err)
	}
}

// TestFetchTLSCallerClient uses the TLS server's own client as Fetcher.Client:
// its default redirect policy (10 hops, any scheme) must be replaced by ours,
// and the caller's client must be left as it was.
func TestFetchTLSCallerClient(t *testing.T) {
	srv := httptest.NewTLSServer(testHandler(t))
	defer srv.Close()

	client := guardedClient(t, srv)
	permissive := func(*http.Request, []*http.Request) error { return nil }
	client.CheckRedirect = permissive

	f := Fetcher{Client: client, Timeout: 2 * time.Second}
	tests := []struct {
		name     string
		path     string
		wantBody string
		wantErr  error
	}{
		{name: "success", path: "/ok", wantBody: `{"keys":[]}`},
		{name: "three redirects", path: "/redirect/3", wantBody: "arrived"},
		{name: "four redirects", path: "/redirect/4", wantErr: ErrTooManyRedirects},
		{name: "redirect to plain http elsewhere", path: "/away", wantErr: ErrNotHTTPS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := typedGet(f, srv.URL+tt.path)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(body) != tt.wantBody {
				t.Fatalf("Get = %q, %v; want %q", body, err, tt.wantBody)
			}
		})
	}
	if client.CheckRedirect == nil || client.Jar != nil {
		t.Error("caller's client was modified")
	}
}

func TestFetchURLRule(t *testing.T) {
	tests := []struct {
		url   string
		typed string // the URL the user typed; "" for none
		want  error  // nil: allowed
	}{
		{"https://token.actions.githubusercontent.com/.well-known/jwks", "", nil},
		{"HTTPS://example.com/jwks", "", nil},
		{"http://example.com/jwks", "", ErrNotHTTPS},
		{"http://127.0.0.1.example.com/jwks", "", ErrNotHTTPS},
		{"http://localhost.example.com/jwks", "", ErrNotHTTPS},
		{"http://10.0.0.1/jwks", "", ErrNotHTTPS},
		{"http://10.0.0.1/jwks", "http://10.0.0.1/jwks", ErrNotHTTPS}, // naming a host never allows clear text
		{"http://[::2]/jwks", "", ErrNotHTTPS},
		{"ftp://localhost/jwks", "", ErrNotHTTPS},
		{"ftp://127.0.0.1/jwks", "ftp://127.0.0.1/jwks", ErrNotHTTPS},
		{"https:///jwks", "", ErrNotHTTPS},
		{"/jwks", "", ErrNotHTTPS},
		{"", "", ErrNotHTTPS},

		// Loopback only at the exact origin the user typed (issue 13).
		{"http://127.0.0.1:8080/jwks", "", ErrRefusedAddress},
		{"http://127.1.2.3/jwks", "", ErrRefusedAddress},
		{"http://[::1]:8080/jwks", "", ErrRefusedAddress},
		{"http://[::ffff:127.0.0.1]/jwks", "", ErrRefusedAddress},
		{"http://localhost/jwks", "", ErrRefusedAddress},
		{"http://LocalHost:9/jwks", "", ErrRefusedAddress},
		{"https://127.0.0.1:8443/jwks", "", ErrRefusedAddress},
		{"https://127.0.0.2:8443/jwks", "https://127.0.0.1:8443/jwks", ErrRefusedAddress},
		{"http://127.0.0.1:9001/admin", "http://127.0.0.1:8080/jwks", ErrRefusedAddress},
		{"http://127.0.0.1:8443/jwks", "https://127.0.0.1:8443/jwks", ErrRefusedAddress},
		{"https://127.0.0.1:8080/jwks", "http://127.0.0.1:8080/jwks", ErrRefusedAddress},
		{"http://localhost:8080/jwks", "http://127.0.0.1:8080/jwks", ErrRefusedAddress},
		{"http://127.0.0.1/jwks", "https://keys.example/jwks", ErrRefusedAddress},
		{"http://127.0.0.1:8080/other", "http://127.0.0.1:8080/jwks", nil},
		{"http://127.0.0.1/jwks", "http://127.0.0.1:80/jwks", nil},
		{"https://[::1]/jwks", "https://[::1]:443/keys", nil},
		{"http://LocalHost:9/jwks", "http://localhost:9/jwks", nil},

		// DNS names only, unless the user named the host.
		{"https://169.254.169.254/latest/meta-data/", "", ErrIPLiteralHost},
		{"https://[fd00:ec2::254]/latest/meta-data/", "", ErrIPLiteralHost},
		{"https://100.100.100.200/latest/meta-data/", "", ErrIPLiteralHost},
		{"https://[fe80::1%25eth0]/jwks", "", ErrIPLiteralHost},
		{"https://[::ffff:169.254.169.254]/jwks", "", ErrIPLiteralHost},
		{"https://10.0.0.5/jwks", "", ErrIPLiteralHost},
		{"https://203.0.113.7/jwks", "", ErrIPLiteralHost},
		{"https://10.0.0.5/jwks", "https://10.0.0.5/keys", nil},
		{"https://10.0.0.5:8443/jwks", "https://10.0.0.5/keys", nil},
		{"https://169.254.169.254/jwks", "https://169.254.169.254/", nil},
		{"https://169.254.169.254/jwks", "https://10.0.0.5/", ErrIPLiteralHost},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatalf("parse %q: %v", tt.url, err)
		}
		err = checkURL(u, typed(tt.typed))
		if tt.want == nil {
			if err != nil {
				t.Errorf("checkURL(%q, typed %q) = %v, want allowed", tt.url, tt.typed, err)
			}
			continue
		}
		if !errors.Is(err, tt.want) {
			t.Errorf("checkURL(%q, typed %q) = %v, want %v", tt.url, tt.typed, err, tt.want)
		}
	}
}

// discoveryServer serves doc(serverURL) at wantPath and 404 elsewhere.
func discoveryServer(t *testing.T, tls bool, wantPath string, doc func(base string) string) *httptest.Server {
	var srv *httptest.Server
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != wantPath {
			t.Errorf("fetched %q, want %q", r.URL.Path, wantPath)
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, doc(srv.URL))
	})
	if tls {
		srv = httptest.NewTLSServer(h)
	} else {
		srv = httptest.NewServer(h)
	}
	return srv
}

func TestDiscover(t *testing.T) {
	okDoc := func(iss string) func(string) string {
		return func(base string) string {
			return fmt.Sprintf(`{"issuer":%q,"jwks_uri":%q,"id_token_signing_alg_values_supported":["RS256"]}`,
				iss, base+"/jwks")
		}
	}
	tests := []struct {
		name     string
		tls      bool
		suffix   string // issuer = server URL + suffix
		wantPath string
		doc      func(base string) string // base is the server URL
		wantErr  []error
		wantMsg  []string
	}{
		{
			name: "success", suffix: "", wantPath: "/.well-known/openid-configuration",
			doc: func(base string) string { return okDoc(base)(base) },
		},
		{
			name: "success over TLS", tls: true, suffix: "", wantPath: "/.well-known/openid-configuration",
			doc: func(base string) string { return okDoc(base)(base) },
		},
		{
			name: "issuer with trailing slash", suffix: "/", wantPath: "/.well-known/openid-configuration",
			doc: func(base string) string { return okDoc(base + "/")(base) },
		},
		{
			name: "issuer with path and trailing slash", suffix: "/tenant/", wantPath: "/tenant/.well-known/openid-configuration",
			doc: func(base string) string { return okDoc(base + "/tenant/")(base) },
		},
		{
			name: "document issuer has extra trailing slash", suffix: "", wantPath: "/.well-known/openid-configuration",
			doc:     func(base string) string { return okDoc(base + "/")(base) },
			wantErr: []error{ErrIssuerMismatch, ErrDiscovery},
		},
		{
			name: "document issuer lacks trailing slash", suffix: "/", wantPath: "/.well-known/openid-configuration",
			doc:     func(base string) string { return okDoc(base)(base) },
			wantErr: []error{ErrIssuerMismatch, ErrDiscovery},
		},
		{
			name: "document issuer is another host", suffix: "", wantPath: "/.well-known/openid-configuration",
			doc:     func(base string) string { return okDoc("https://evil.example")(base) },
			wantErr: []error{ErrIssuerMismatch},
			wantMsg: []string{`"https://evil.example"`},
		},
		{
			name: "missing jwks_uri", wantPath: "/.well-known/openid-configuration",
			doc:     func(base string) string { return fmt.Sprintf(`{"issuer":%q}`, base) },
			wantErr: []error{ErrDiscovery}, wantMsg: []string{"jwks_uri"},
		},
		{
			name: "empty jwks_uri", wantPath: "/.well-known/openid-configuration",
			doc:     func(base string) string { return fmt.Sprintf(`{"issuer":%q,"jwks_uri":""}`, base) },
			wantErr: []error{ErrDiscovery}, wantMsg: []string{"jwks_uri"},
		},
		{
			name: "not JSON", wantPath: "/.well-known/openid-configuration",
			doc:     func(string) string { return "<html>hello</html>" },
			wantErr: []error{ErrDiscovery},
		},
		{
			name: "jwks_uri plain http non-loopback", wantPath: "/.well-known/openid-configuration",
			doc: func(base string) string {
				return fmt.Sprintf(`{"issuer":%q,"jwks_uri":"http://example.com/jwks"}`, base)
			},
			wantErr: []error{ErrNotHTTPS, ErrDiscovery}, wantMsg: []string{"http://example.com/jwks"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := discoveryServer(t, tt.tls, tt.wantPath, tt.doc)
			defer srv.Close()
			issuer := srv.URL + tt.suffix

			f := Fetcher{Client: guardedClient(t, srv), Timeout: 2 * time.Second}
			d, err := typedDiscover(f, issuer)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Discover: %v", err)
				}
				if d.Issuer != issuer || d.JWKSURI != srv.URL+"/jwks" {
					t.Errorf("Discovery = %+v", d)
				}
				if want := srv.URL + tt.wantPath; d.URL != want {
					t.Errorf("URL = %q, want %q", d.URL, want)
				}
				if len(d.Algs) != 1 || d.Algs[0] != "RS256" {
					t.Errorf("Algs = %q", d.Algs)
				}
				return
			}
			for _, want := range tt.wantErr {
				if !errors.Is(err, want) {
					t.Errorf("err = %v, want it to match %v", err, want)
				}
			}
			if err == nil {
				return
			}
			// Mismatch messages show both values.
			if errors.Is(err, ErrIssuerMismatch) && !strings.Contains(err.Error(), strconv.Quote(issuer)) {
				t.Errorf("error %q does not show the expected issuer", err)
			}
			for _, s := range tt.wantMsg {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

func TestDiscoverRejectsBadIssuer(t *testing.T) {
	for _, issuer := range []string{
		"http://example.com",       // plain http, not loopback
		"https://example.com?x=1",  // query
		"https://example.com#frag", // fragment
		"",                         // nothing
	} {
		// A refusing transport: none of these may reach the network.
		f := Fetcher{Client: &http.Client{Transport: loopbackOnly{t: t, base: http.DefaultTransport}}}
		if _, err := f.Discover(context.Background(), issuer); err == nil {
			t.Errorf("Discover(%q) succeeded", issuer)
		}
	}
}
