package sources

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/text/encoding/htmlindex"
)

// Limits on fetching a URL.
const (
	fetchTimeout = 20 * time.Second
	maxRedirects = 5
)

// acceptHeader lists the content types the Loader reads.
const acceptHeader = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/json;q=0.8"

// kindByMediaType maps the content types the Loader reads to formats.
var kindByMediaType = map[string]string{
	"text/html":             kindHTML,
	"application/xhtml+xml": kindHTML,
	"text/plain":            kindTxt,
	"text/markdown":         kindMD,
	"text/x-markdown":       kindMD,
	"application/json":      kindJSON,
	"application/x-ndjson":  kindJSONL,
	"application/jsonl":     kindJSONL,
}

// StatusError reports an HTTP response whose status is not a success.
type StatusError struct {
	// StatusCode is the response's status code, such as 404.
	StatusCode int
	// Status is the status line as the server sent it: "404 Not Found".
	Status string
}

// Error returns "HTTP status 404 Not Found".
func (e *StatusError) Error() string { return "HTTP status " + e.Status }

// loadURL fetches rawURL and loads the article it holds.
func (l *Loader) loadURL(ctx context.Context, rawURL string, r *Result) {
	data, kind, final, err := l.fetch(ctx, rawURL)
	if err != nil {
		r.Errors = append(r.Errors, failure(rawURL, err))
		return
	}
	l.loadData(source{origin: rawURL, base: final, kind: kind}, data, r)
}

// fetch gets rawURL and returns the body, its format ("" to sniff) and
// the final URL after redirects. Text formats in a declared character set
// other than UTF-8 are converted to UTF-8; HTML is returned as sent.
func (l *Loader) fetch(ctx context.Context, rawURL string) ([]byte, string, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, "", "", err
	}
	req.Header.Set("User-Agent", cmp.Or(l.UserAgent, defaultUserAgent))
	req.Header.Set("Accept", acceptHeader)
	resp, err := l.client().Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the origin already names the URL
		}
		return nil, "", "", fmt.Errorf("get: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", "", &StatusError{StatusCode: resp.StatusCode, Status: resp.Status}
	}
	kind, charset, err := contentKind(resp.Header.Get("Content-Type"))
	if err != nil {
		return nil, "", "", err
	}
	if resp.ContentLength > maxSize {
		return nil, "", "", ErrTooLarge
	}
	data, err := readCapped(resp.Body)
	if err != nil {
		return nil, "", "", err
	}
	if kind != kindHTML {
		if data, err = decodeCharset(data, charset); err != nil {
			return nil, "", "", err
		}
	}
	return data, kind, resp.Request.URL.String(), nil
}

// client returns the HTTP client to fetch with: l.Client, or a new one,
// with the default timeout and redirect limit where it sets none.
func (l *Loader) client() *http.Client {
	c := &http.Client{}
	if l.Client != nil {
		*c = *l.Client
	}
	if c.Timeout == 0 {
		c.Timeout = cmp.Or(l.timeout, fetchTimeout)
	}
	if c.CheckRedirect == nil {
		c.CheckRedirect = limitRedirects
	}
	return c
}

// limitRedirects stops a request after maxRedirects redirects.
func limitRedirects(_ *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return ErrTooManyRedirects
	}
	return nil
}

// contentKind returns the format and character set a Content-Type header
// names. An empty header gives "", meaning the content is sniffed.
func contentKind(contentType string) (string, string, error) {
	if contentType == "" {
		return "", "", nil
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", "", fmt.Errorf("%w %q", ErrUnsupportedType, contentType)
	}
	kind, ok := kindByMediaType[mediaType]
	if !ok {
		return "", "", fmt.Errorf("%w %s", ErrUnsupportedType, mediaType)
	}
	return kind, params["charset"], nil
}

// decodeCharset converts data from the named character set to UTF-8. Data in
// UTF-8, in no named character set or in an unknown one is returned
// unchanged (and checked as UTF-8 later).
func decodeCharset(data []byte, charset string) ([]byte, error) {
	if charset == "" {
		return data, nil
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return data, nil
	}
	if name, _ := htmlindex.Name(enc); name == "utf-8" {
		return data, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", charset, err)
	}
	return out, nil
}
