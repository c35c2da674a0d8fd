package sources

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// maxSize is the largest input the Loader reads: 10 MB.
const maxSize = 10 << 20

// defaultUserAgent is sent with every request when Loader.UserAgent is empty.
const defaultUserAgent = "quoth/0.1 (+https://github.com/quoth-dev/quoth)"

// Errors a Loader reports, wrapped in an *InputError; test for them with
// errors.Is.
var (
	// ErrBinary: the input holds NUL bytes or too many control characters.
	ErrBinary = errors.New("binary file")
	// ErrEmpty: the input, or a JSON record, has no text.
	ErrEmpty = errors.New("empty")
	// ErrTooLarge: the input is over 10 MB; it is refused, not truncated.
	ErrTooLarge = errors.New("larger than 10 MB")
	// ErrNotUTF8: a warning; the text was decoded with U+FFFD for each
	// invalid byte.
	ErrNotUTF8 = errors.New("not UTF-8 text")
	// ErrUnsupportedType: a URL answered with a content type that is not
	// HTML, plain text, Markdown or JSON.
	ErrUnsupportedType = errors.New("unsupported content type")
	// ErrTooManyRedirects: a URL redirected more than 5 times.
	ErrTooManyRedirects = errors.New("stopped after 5 redirects")
	// ErrNoStdin: the input "-" was given to a Loader without Stdin.
	ErrNoStdin = errors.New("no standard input")
)

// The formats an input can have. Article.Format holds all but kindJSONL,
// whose articles say "json".
const (
	kindTxt   = "txt"
	kindMD    = "md"
	kindHTML  = "html"
	kindJSON  = "json"
	kindJSONL = "jsonl"
)

// kindByExt maps a file extension (lower case) to its format.
var kindByExt = map[string]string{
	".txt": kindTxt, ".text": kindTxt,
	".md": kindMD, ".markdown": kindMD,
	".html": kindHTML, ".htm": kindHTML,
	".json": kindJSON, ".jsonl": kindJSONL, ".ndjson": kindJSONL,
}

// Loader loads articles. The zero value is ready to use.
type Loader struct {
	// Outlet overrides every article's outlet when set (the --outlet flag).
	Outlet string
	// Client fetches URLs. Nil means a client with a 20 s timeout that
	// follows at most 5 redirects; a client without a Timeout or a
	// CheckRedirect gets those limits too.
	Client *http.Client
	// Stdin is read for the input "-".
	Stdin io.Reader
	// UserAgent is sent with every request; empty means
	// "quoth/0.1 (+https://github.com/quoth-dev/quoth)".
	UserAgent string

	// timeout replaces the 20 s fetch timeout when non-zero (for tests).
	timeout time.Duration
}

// Result is what Load returns for one input.
type Result struct {
	// Articles lists every article loaded, in input order.
	Articles []*Article
	// Errors holds one *InputError per file, URL or record that failed,
	// and one per warning (see InputError.Warning).
	Errors []error
	// Skipped counts the files and directories a directory walk passed
	// over: hidden ones, and files of unknown extension. Sidecar ".meta"
	// files are not counted.
	Skipped int
}

// InputError reports a problem with one input: a file, a URL, standard
// input or one record of a JSON file.
type InputError struct {
	// Origin names the input: a path, a URL, "-", or a path with "#N"
	// for the Nth record of a JSON array.
	Origin string
	// Line is the 1-based line of the problem, or 0 when unknown.
	Line int
	// Offset is the byte offset of the problem in the input, or -1 when
	// unknown.
	Offset int
	// Warning is set when the input was loaded anyway (text that is not
	// valid UTF-8, an unrecognised date); the articles it concerns are in
	// Result.Articles.
	Warning bool
	// Err is the underlying error.
	Err error
}

// Error returns "load ORIGIN: [line N: ]ERR".
func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("load ")
	b.WriteString(e.Origin)
	b.WriteString(": ")
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(": ")
	}
	if e.Err == nil {
		b.WriteString("unknown error")
	} else {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// failure returns an InputError for an input that could not be loaded.
func failure(origin string, err error) *InputError {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the origin already names the path
	}
	return &InputError{Origin: origin, Offset: -1, Err: err}
}

// warning returns an InputError for a problem in an input that loaded
// anyway.
func warning(origin string, line, offset int, err error) *InputError {
	e := failure(origin, err)
	e.Line, e.Offset, e.Warning = line, offset, true
	return e
}

// source describes one input on its way through the loader.
type source struct {
	origin string // what the caller named: path, URL, "-"
	base   string // URL the content was fetched from (after redirects), if any
	kind   string // format; "" means sniff the content
	side   meta   // sidecar metadata
}

// Load loads one input: a file, a directory (walked recursively, in
// sorted order), an http or https URL, or "-" for l.Stdin. It returns
// every article it could load, one error per input that failed (an
// *InputError that names the path or URL and, where known, the line and
// byte offset), warnings for inputs loaded despite a problem, and the
// count of files skipped in directories.
func (l *Loader) Load(ctx context.Context, input string) Result {
	var r Result
	switch {
	case input == "-":
		l.loadStdin(&r)
	case isURL(input):
		l.loadURL(ctx, input, &r)
	case strings.Contains(input, "://"):
		r.Errors = append(r.Errors, failure(input, errors.New("unsupported URL scheme")))
	default:
		l.loadPath(ctx, input, &r)
	}
	return r
}

// isURL reports whether s is an http or https URL.
func isURL(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// loadStdin loads l.Stdin, sniffing its format.
func (l *Loader) loadStdin(r *Result) {
	if l.Stdin == nil {
		r.Errors = append(r.Errors, failure("-", ErrNoStdin))
		return
	}
	data, err := readCapped(l.Stdin)
	if err != nil {
		r.Errors = append(r.Errors, failure("-", err))
		return
	}
	l.loadData(source{origin: "-"}, data, r)
}

// loadPath loads a file or walks a directory.
func (l *Loader) loadPath(ctx context.Context, path string, r *Result) {
	info, err := os.Stat(path)
	if err != nil {
		r.Errors = append(r.Errors, failure(path, err))
		return
	}
	if info.IsDir() {
		l.walk(ctx, path, r)
		return
	}
	l.loadFile(path, kindByExt[strings.ToLower(filepath.Ext(path))], r)
}

// walk loads every article file under root, in lexical order. Hidden
// files and directories, non-regular files and files of unknown extension
// are skipped and counted; sidecar ".meta" files are passed over silently.
func (l *Loader) walk(ctx context.Context, root string, r *Result) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			r.Errors = append(r.Errors, failure(path, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path == root {
			return nil
		}
		return l.visit(path, d, r)
	})
	if err != nil {
		r.Errors = append(r.Errors, failure(root, err))
	}
}

// visit handles one entry of a directory walk.
func (l *Loader) visit(path string, d fs.DirEntry, r *Result) error {
	name := d.Name()
	if strings.HasPrefix(name, ".") {
		r.Skipped++
		if d.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	if d.IsDir() {
		return nil
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".meta" {
		return nil
	}
	kind := kindByExt[ext]
	if kind == "" || !(d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0) {
		r.Skipped++
		return nil
	}
	l.loadFile(path, kind, r)
	return nil
}

// loadFile loads one file with its sidecar metadata.
func (l *Loader) loadFile(path, kind string, r *Result) {
	data, err := readFile(path)
	if err != nil {
		r.Errors = append(r.Errors, failure(path, err))
		return
	}
	side, errs := readSidecar(path)
	r.Errors = append(r.Errors, errs...)
	l.loadData(source{origin: path, kind: kind, side: side}, data, r)
}

// readFile reads a file of at most maxSize bytes; a larger file is
// refused without being read.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errors.New("is a directory")
	}
	if info.Mode().IsRegular() && info.Size() > maxSize {
		return nil, ErrTooLarge
	}
	return readCapped(f)
}

// readCapped reads r to the end, failing with ErrTooLarge once more than
// maxSize bytes have come.
func readCapped(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > maxSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

// loadData checks, decodes and parses one input's content and finishes
// every article it holds.
func (l *Loader) loadData(src source, data []byte, r *Result) {
	if isBinary(data) {
		r.Errors = append(r.Errors, failure(src.origin, ErrBinary))
		return
	}
	if len(bytes.TrimFunc(data, isSpace)) == 0 {
		r.Errors = append(r.Errors, failure(src.origin, ErrEmpty))
		return
	}
	if src.kind == "" {
		src.kind = sniff(data)
	}
	arts, errs := l.parse(src, data)
	r.Errors = append(r.Errors, errs...)
	for _, a := range arts {
		l.finish(src, a)
		r.Articles = append(r.Articles, a)
	}
}

// parse runs the parser for src.kind. Everything but HTML, which may
// declare its own character set, is decoded as UTF-8 first.
func (l *Loader) parse(src source, data []byte) ([]*Article, []error) {
	if src.kind == kindHTML {
		a, err := loadHTML(data, cmp.Or(src.base, src.origin))
		if err == nil && a == nil {
			err = ErrNoBody
		}
		if err != nil {
			return nil, []error{failure(src.origin, err)}
		}
		a.Origin = src.origin
		return []*Article{a}, nil
	}
	text, bad := decodeUTF8(data)
	var errs []error
	if bad >= 0 {
		err := fmt.Errorf("%w at byte %d", ErrNotUTF8, bad)
		errs = append(errs, warning(src.origin, 0, bad, err))
	}
	var arts []*Article
	var more []error
	switch src.kind {
	case kindMD:
		arts, more = parseMarkdown(text, src.origin)
	case kindJSON:
		arts, more = parseJSON(text, src.origin)
	case kindJSONL:
		arts, more = parseJSONLines(text, src.origin)
	default:
		arts, more = parseTxt(text, src.origin)
	}
	return arts, append(errs, more...)
}

// finish applies what every article gets whatever its format: origin,
// sidecar metadata, outlet, furniture filtering and Seal.
func (l *Loader) finish(src source, a *Article) {
	if a.Origin == "" {
		a.Origin = src.origin
	}
	a.Format = cmp.Or(a.Format, src.kind)
	if a.URL == "" && src.kind != kindJSON && src.kind != kindJSONL {
		a.URL = src.base
	}
	src.side.fill(a)
	a.Outlet = l.outlet(a)
	dropFurniture(a)
	a.Seal()
}

// outlet resolves an article's outlet: the Loader's override, else the
// article's own metadata, else the outlet its URL's host names, else
// "unknown".
func (l *Loader) outlet(a *Article) string {
	if l.Outlet != "" {
		return l.Outlet
	}
	if a.Outlet != "" && a.Outlet != "unknown" {
		return a.Outlet
	}
	if name := OutletFromHost(hostOf(a.URL)); name != "" {
		return name
	}
	return "unknown"
}

// isBinary reports whether data looks like a binary file: it holds a NUL
// byte, or more than a tenth of its first 8 KB are control characters
// that text does not use.
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data[:min(len(data), 8<<10)]
	controls := 0
	for _, c := range head {
		if c < 0x20 && !strings.ContainsRune("\t\n\v\f\r\x1b", rune(c)) {
			controls++
		}
	}
	return controls*10 > len(head)
}

// decodeUTF8 returns data as a string and -1 when it is valid UTF-8.
// Otherwise each invalid byte becomes U+FFFD and the offset of the first
// one is returned.
func decodeUTF8(data []byte) (string, int) {
	if utf8.Valid(data) {
		return string(data), -1
	}
	first := -1
	var b strings.Builder
	b.Grow(len(data) + 16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.String(), first
}

// isSpace reports whether r is white space, counting the byte order mark.
func isSpace(r rune) bool {
	return r == '\ufeff' || unicode.IsSpace(r)
}

// readSidecar reads the metadata file that may accompany path: "x.meta"
// beside "x.txt", with "Key: value" lines. A missing sidecar is no error;
// one that cannot be read gives a warning, since the article loads anyway.
func readSidecar(path string) (meta, []error) {
	side := strings.TrimSuffix(path, filepath.Ext(path)) + ".meta"
	f, err := os.Open(side)
	if errors.Is(err, fs.ErrNotExist) {
		return meta{}, nil
	}
	if err != nil {
		return meta{}, []error{warning(side, 0, -1, err)}
	}
	defer f.Close()
	var m meta
	var errs []error
	sc := bufio.NewScanner(io.LimitReader(f, 64<<10))
	for n := 1; sc.Scan(); n++ {
		key, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		if err := m.set(key, value); err != nil {
			errs = append(errs, warning(side, n, -1, err))
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, warning(side, 0, -1, err))
	}
	return m, errs
}

// hostOf returns the host of rawURL, or "" if it has none.
func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return u.Host
}

// mdMarkers are line starts that mark a Markdown document.
var mdMarkers = []string{"# ", "## ", "### ", "#### ", "> ", "```", "~~~"}

// sniff guesses the format of content that has no telling extension:
// HTML if it starts with "<", JSON if it starts with "{" (or is a JSON
// array), Markdown if it has front matter, headings, block quotes, code
// fences or links, plain text otherwise.
func sniff(data []byte) string {
	head := bytes.TrimLeftFunc(data[:min(len(data), 64<<10)], isSpace)
	switch {
	case bytes.HasPrefix(head, []byte("<")):
		return kindHTML
	case bytes.HasPrefix(head, []byte("{")):
		if json.Valid(data) {
			return kindJSON
		}
		return kindJSONL
	case bytes.HasPrefix(head, []byte("[")) && json.Valid(data):
		return kindJSON
	case bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")):
		return kindMD
	}
	for line := range bytes.Lines(head) {
		for _, m := range mdMarkers {
			if bytes.HasPrefix(line, []byte(m)) {
				return kindMD
			}
		}
		if bytes.Contains(line, []byte("](")) {
			return kindMD
		}
	}
	return kindTxt
}
