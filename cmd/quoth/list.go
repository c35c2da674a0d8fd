package main

import (
	"fmt"
	"strconv"
	"time"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// articlesCommand lists the stored articles.
func articlesCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:  "articles",
		Usage: "list the stored articles",
		Description: `Lists stored articles, newest first: key, outlet, date, title, number of
quotes and URL. Use the key (or the start of the content hash) with
"quoth show".

Examples:
   quoth articles
   quoth articles --outlet Dawn --format json
   quoth articles --limit 20 --format csv > articles.csv`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "outlet", Usage: "only articles from outlet `NAME`"},
			&cli.IntFlag{Name: "limit", Usage: "show at most `N` articles (0: all)"},
		},
		Action: withDB(func(c *cli.Context, db *store.DB, format string) error {
			arts, err := db.Articles(c.Context, store.ArticleFilter{Outlet: c.String("outlet"), Limit: c.Int("limit")})
			if err != nil {
				return err
			}
			return articleListing(arts).write(newOutput(c, io.stdout), format)
		}),
	}
}

// articleJSON is the stable JSON form of a stored article in listings.
type articleJSON struct {
	Key       int64  `json:"key"`
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Published string `json:"published,omitempty"`
	Title     string `json:"title"`
	Byline    string `json:"byline,omitempty"`
	URL       string `json:"url,omitempty"`
	Quotes    int    `json:"quotes"`
	Origin    string `json:"origin"`
}

// articleListing is the listing of stored articles.
func articleListing(arts []store.StoredArticle) *listing {
	l := &listing{header: []string{"key", "outlet", "date", "title", "quotes", "url"}}
	for _, a := range arts {
		v := articleJSON{
			Key: a.Key, ID: a.ID, Outlet: a.Outlet, Published: day(a.Published),
			Title: a.Title, Byline: a.Byline, URL: a.URL, Quotes: a.Quotes, Origin: a.Origin,
		}
		l.add(v, strconv.FormatInt(a.Key, 10), a.Outlet, day(a.Published), a.Title, strconv.Itoa(a.Quotes), a.URL)
	}
	return l
}

// quotesCommand lists the stored quotes.
func quotesCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:  "quotes",
		Usage: "list the stored quotes",
		Description: `Lists stored quotes with their speaker, outlet and date. --search finds
quotes by their words (full-text search; every word must appear).

Examples:
   quoth quotes --speaker "Tom West"
   quoth quotes --speaker West --outlet "The Express Tribune"
   quoth quotes --search "grave threat" --format csv
   quoth quotes --outlet Dawn --limit 10`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "speaker", Usage: "only quotes by `NAME` (canonical name, alias or surname)"},
			&cli.StringFlag{Name: "outlet", Usage: "only quotes from outlet `NAME`"},
			&cli.StringFlag{Name: "search", Usage: "only quotes containing the words of `TEXT`"},
			&cli.IntFlag{Name: "limit", Usage: "show at most `N` quotes (0: all)"},
		},
		Action: withDB(func(c *cli.Context, db *store.DB, format string) error {
			f := store.QuoteFilter{Speaker: c.String("speaker"), Outlet: c.String("outlet"), Search: c.String("search"), Limit: c.Int("limit")}
			if f.Search != "" && db.FTSHint() != "" && !c.Bool("quiet") {
				fmt.Fprintln(io.stderr, db.FTSHint())
			}
			qs, err := db.Quotes(c.Context, f)
			if err != nil {
				return err
			}
			return quoteListing(qs).write(newOutput(c, io.stdout), format)
		}),
	}
}

// quoteJSON is the stable JSON form of a stored quote.
type quoteJSON struct {
	Key        int64   `json:"key,omitempty"`
	Article    int64   `json:"article_key,omitempty"`
	Text       string  `json:"text"`
	Kind       string  `json:"kind"`
	Speaker    string  `json:"speaker,omitempty"`
	Role       string  `json:"role,omitempty"`
	Mention    string  `json:"mention,omitempty"`
	Cue        string  `json:"cue,omitempty"`
	Channel    string  `json:"channel,omitempty"`
	Method     string  `json:"method,omitempty"`
	Confidence float64 `json:"confidence"`
	Paragraph  int     `json:"paragraph"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Unclosed   bool    `json:"unclosed,omitempty"`
	Title      bool    `json:"title_like,omitempty"`
	Outlet     string  `json:"outlet"`
	Published  string  `json:"published,omitempty"`
	URL        string  `json:"url,omitempty"`
}

// quoteToJSON returns the JSON form of a stored quote.
func quoteToJSON(q store.StoredQuote) quoteJSON {
	j := quoteFields(q.Quote)
	j.Key, j.Article = q.Key, q.ArticleKey
	j.Outlet, j.Published, j.URL = q.Outlet, day(q.Published), q.URL
	return j
}

// quoteFields fills the fields of a quote's JSON form that the quote
// itself holds.
func quoteFields(q quotes.Quote) quoteJSON {
	s := q.Speaker
	return quoteJSON{
		Text: q.Text, Kind: string(q.Kind),
		Speaker: s.Name, Role: s.Role, Mention: s.Mention, Cue: s.Cue, Channel: s.Channel,
		Method: string(s.Method), Confidence: s.Confidence,
		Paragraph: q.Block, Start: q.Start, End: q.End, Unclosed: q.Unclosed, Title: q.Title,
	}
}

// quoteListing is the listing of stored quotes.
func quoteListing(qs []store.StoredQuote) *listing {
	l := &listing{header: []string{"key", "speaker", "quote", "kind", "channel", "outlet", "date", "article"}}
	for _, q := range qs {
		l.add(quoteToJSON(q), strconv.FormatInt(q.Key, 10), speakerName(q.Speaker.Name), q.Text, string(q.Kind),
			q.Speaker.Channel, q.Outlet, day(q.Published), strconv.FormatInt(q.ArticleKey, 10))
	}
	return l
}

// speakerName shows an unknown speaker as a dash.
func speakerName(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// day formats t as a date, or "" when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
