package sources

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// txtStory is the plain-text article the test server sends.
const txtStory = "Ferry service resumes after storm\n\nFerries to the outer islands resumed on Saturday, the operator said.\n"

// htmlStory is the HTML article the test server sends.
const htmlStory = `<!DOCTYPE html>
<html><head><title>Ferry service resumes after storm | Northfield Courier</title></head>
<body><article>
<h1>Ferry service resumes after storm</h1>
<p>Ferries to the outer islands resumed on Saturday, two days after a storm damaged the pier at Kell Point, the operator said in a statement.</p>
<p>“Safety comes first, and the pier is safe,” operations manager Rhea Tomlin told reporters at the harbour, adding that repairs had been finished overnight.</p>
<p>The first sailing left at 7 a.m. with more than two hundred passengers on board, many of them islanders who had been stranded on the mainland since Thursday.</p>
<p>The operator said it would add two extra sailings on Sunday to clear the backlog, and that tickets for cancelled crossings would be honoured until the end of the month.</p>
</article></body></html>`

// newFetchServer starts a test server with one handler per case.
func newFetchServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/story.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, txtStory)
	})
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, htmlStory)
	})
	mux.HandleFunc("/canonical.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, strings.Replace(htmlStory, "</head>", `<link rel="canonical" href="https://www.dawn.com/news/1801234">`+"</head>", 1))
	})
	mux.HandleFunc("/latin1.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		fmt.Fprint(w, "Caf\xe9 reopens\n\nThe caf\xe9 on Mill Lane reopened.\n")
	})
	mux.HandleFunc("/wire.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"title": "A", "text": "A\n\nBody A."}, {"title": "B", "text": "B\n\nBody B."}]`)
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no header, no sniffing by the server
		fmt.Fprint(w, "# Ferry service resumes\n\nFerries resumed.\n")
	})
	mux.HandleFunc("/agent", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "User agent\n\n%s\n", r.UserAgent())
	})
	mux.HandleFunc("/redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			http.Redirect(w, r, "/story.txt", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/redirect/"+strconv.Itoa(n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := []byte(strings.Repeat("All work and no play. ", 3000))
		for sent := 0; sent <= maxSize; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", strconv.Itoa(maxSize+1))
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		fmt.Fprint(w, "\x89PNG")
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchFailures(t *testing.T) {
	srv := newFetchServer(t)
	tests := []struct {
		name    string
		path    string
		timeout time.Duration
		wantIs  error
		status  int
		wantMsg string
	}{
		{"six_redirects_are_too_many", "/redirect/5", 0, ErrTooManyRedirects, 0, "get: stopped after 5 redirects"},
		{"slow_server_times_out", "/slow", 50 * time.Millisecond, context.DeadlineExceeded, 0, ""},
		{"streamed_body_over_10_mb_is_refused", "/huge", 0, ErrTooLarge, 0, "larger than 10 MB"},
		{"declared_length_over_10_mb_is_refused", "/huge-declared", 0, ErrTooLarge, 0, "larger than 10 MB"},
		{"image_is_an_unsupported_content_type", "/photo.png", 0, ErrUnsupportedType, 0, "unsupported content type image/png"},
		{"not_found_reports_the_status", "/missing", 0, nil, 404, "HTTP status 404 Not Found"},
		{"server_error_reports_the_status", "/broken", 0, nil, 500, "HTTP status 500 Internal Server Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Loader{timeout: tt.timeout}
			u := srv.URL + tt.path
			r := l.Load(context.Background(), u)
			if len(r.Articles) != 0 || len(r.Errors) != 1 {
				t.Fatalf("got %d articles, errors %v; want one error", len(r.Articles), r.Errors)
			}
			err := r.Errors[0]
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			var se *StatusError
			if tt.status != 0 && (!errors.As(err, &se) || se.StatusCode != tt.status) {
				t.Errorf("error %v is not a StatusError %d", err, tt.status)
			}
			if tt.wantMsg != "" && err.Error() != "load "+u+": "+tt.wantMsg {
				t.Errorf("got %q, want %q", err.Error(), "load "+u+": "+tt.wantMsg)
			}
		})
	}
}

func TestFetchFollowsFiveRedirectsAndKeepsTheFinalURL(t *testing.T) {
	srv := newFetchServer(t)
	var l Loader
	u := srv.URL + "/redirect/4" // 4 hops to /redirect/0, a fifth to /story.txt
	r := l.Load(context.Background(), u)
	if len(r.Articles) != 1 || len(r.Errors) != 0 {
		t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
	}
	a := r.Articles[0]
	if a.URL != srv.URL+"/story.txt" || a.Origin != u || a.Format != "txt" || a.Text != txtStory {
		t.Errorf("got URL %q, origin %q, format %q, text %q", a.URL, a.Origin, a.Format, a.Text)
	}
	if a.Outlet != "unknown" {
		t.Errorf("got outlet %q for an IP address, want unknown", a.Outlet)
	}
}

func TestFetchContentTypes(t *testing.T) {
	srv := newFetchServer(t)
	tests := []struct {
		name     string
		path     string
		format   string
		articles int
		first    string // text of the last paragraph of the first article
	}{
		{"plain_text_is_txt", "/story.txt", "txt", 1, "Ferries to the outer islands resumed on Saturday, the operator said."},
		{"declared_latin1_is_converted", "/latin1.txt", "txt", 1, "The café on Mill Lane reopened."},
		{"json_array_gives_each_record", "/wire.json", "json", 2, "Body A."},
		{"missing_content_type_is_sniffed", "/untyped", "md", 1, "Ferries resumed."},
		{"html_goes_to_the_html_loader", "/page.html", "html", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l Loader
			r := l.Load(context.Background(), srv.URL+tt.path)
			if len(r.Articles) != tt.articles || len(r.Errors) != 0 {
				t.Fatalf("got %d articles, errors %v; want %d", len(r.Articles), r.Errors, tt.articles)
			}
			a := r.Articles[0]
			if a.Format != tt.format {
				t.Errorf("got format %q, want %q", a.Format, tt.format)
			}
			if last := a.ParagraphText(len(a.Paragraphs) - 1); tt.first != "" && last != tt.first {
				t.Errorf("got last paragraph %q, want %q", last, tt.first)
			}
		})
	}
}

func TestFetchHTMLPageURL(t *testing.T) {
	srv := newFetchServer(t)
	tests := []struct {
		name, path, url, outlet string
	}{
		{"page_without_canonical_link_gets_the_final_url", "/page.html", srv.URL + "/page.html", "unknown"},
		{"canonical_link_wins_and_names_the_outlet", "/canonical.html", "https://www.dawn.com/news/1801234", "Dawn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l Loader
			r := l.Load(context.Background(), srv.URL+tt.path)
			if len(r.Articles) != 1 {
				t.Fatalf("got %d articles, errors %v", len(r.Articles), r.Errors)
			}
			a := r.Articles[0]
			if a.URL != tt.url || a.Outlet != tt.outlet || a.Origin != srv.URL+tt.path || a.Format != "html" {
				t.Errorf("got URL %q, outlet %q, origin %q, format %q", a.URL, a.Outlet, a.Origin, a.Format)
			}
		})
	}
}

func TestFetchSendsTheUserAgent(t *testing.T) {
	srv := newFetchServer(t)
	tests := []struct {
		name, agent, want string
	}{
		{"default_user_agent", "", "quoth/0.1 (+https://github.com/quoth-dev/quoth)"},
		{"custom_user_agent", "newsroom-bot/2.0", "newsroom-bot/2.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Loader{UserAgent: tt.agent}
			r := l.Load(context.Background(), srv.URL+"/agent")
			if len(r.Articles) != 1 {
				t.Fatalf("got errors %v", r.Errors)
			}
			if got := r.Articles[0].ParagraphText(1); got != tt.want {
				t.Errorf("server saw %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFetchNamesTheOutletFromTheHost(t *testing.T) {
	srv := newFetchServer(t)
	addr := srv.Listener.Addr().String()
	tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	t.Cleanup(tr.CloseIdleConnections)
	l := Loader{Client: &http.Client{Transport: tr}}
	r := l.Load(context.Background(), "http://www.dawn.com/story.txt")
	if len(r.Articles) != 1 {
		t.Fatalf("got errors %v", r.Errors)
	}
	if a := r.Articles[0]; a.Outlet != "Dawn" || a.URL != "http://www.dawn.com/story.txt" {
		t.Errorf("got outlet %q, URL %q", a.Outlet, a.URL)
	}
}

func TestFetchRespectsContext(t *testing.T) {
	srv := newFetchServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var l Loader
	start := time.Now()
	r := l.Load(ctx, srv.URL+"/slow")
	if len(r.Errors) != 1 || !errors.Is(r.Errors[0], context.DeadlineExceeded) {
		t.Errorf("got errors %v, want a deadline error", r.Errors)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v after the context ended", elapsed)
	}
}

func TestLoaderKeepsACallersClientLimits(t *testing.T) {
	c := &http.Client{Timeout: time.Second}
	l := Loader{Client: c}
	got := l.client()
	if got == c || got.Timeout != time.Second || got.CheckRedirect == nil || c.CheckRedirect != nil {
		t.Errorf("client() must copy the caller's client, keep its timeout and add the redirect limit")
	}
}
