package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nastyArticles are two outlets' reports of one council meeting, with
// quotes and titles full of commas, straight and curly quotation marks
// and line breaks.
var nastyArticles = map[string]string{
	"gazette.txt": `Title: Council, "budget", and ‘cuts’
Outlet: The Gazette, Evening
Published: 2026-03-02
Byline: Ana Ruiz

The mayor, Ana Ruiz, spoke on Monday.

“We will cut, trim, and shave the budget, "line by line", as ‘promised’ — no more, no less,” Ruiz said.

“It is a “hard” year,
and we know it,” said Ruiz.
`,
	"klaxon.txt": `Title: "Cuts, cuts, cuts": the mayor’s budget
Outlet: "Daily" Klaxon
Published: 2026-03-03

The mayor, Ana Ruiz, spoke on Monday.

“We will cut, trim and shave the budget, "line by line", as ‘promised’,” Ruiz said.
`,
}

// TestListingCSVRoundTrip runs every listing command with --format csv
// on the nasty articles and reads the CSV back with encoding/csv: a
// header row, then one record per JSON value (per rendering for
// variants), each field exactly as in the JSON output.
func TestListingCSVRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for name, text := range nastyArticles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "quoth.db")
	quoth := func(t *testing.T, args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append([]string{"quoth", "--db", db, "-q"}, args...), strings.NewReader(""), &stdout, &stderr)
		if code > 1 {
			t.Fatalf("quoth %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
		}
		return stdout.String()
	}
	quoth(t, "ingest", dir)
	gazette, klaxon := filepath.Join(dir, "gazette.txt"), filepath.Join(dir, "klaxon.txt")

	// The renderings of variants, flattened from the families.
	renderings := func(v map[string]any) []map[string]any {
		var out []map[string]any
		for _, r := range v["renderings"].([]any) {
			out = append(out, r.(map[string]any))
		}
		return out
	}
	tests := []struct {
		name    string
		args    []string
		header  string
		columns map[string]string // CSV column: JSON field
		flatten func(map[string]any) []map[string]any
	}{
		{"extract", []string{"extract", gazette, klaxon}, "article,para,speaker,quote,kind,channel,method",
			map[string]string{"quote": "text", "speaker": "speaker", "kind": "kind"}, nil},
		{"articles", []string{"articles"}, "key,outlet,date,title,quotes,url",
			map[string]string{"title": "title", "outlet": "outlet", "date": "published"}, nil},
		{"quotes", []string{"quotes"}, "key,speaker,quote,kind,channel,outlet,date,article",
			map[string]string{"quote": "text", "outlet": "outlet", "speaker": "speaker"}, nil},
		{"audit", []string{"audit", gazette, "--against", klaxon}, "para,speaker,verdict,quote,closest,diff",
			map[string]string{"quote": "text", "closest": "closest"}, nil},
		{"variants", []string{"variants"}, "family,key,outlet,date,speaker,relation,similarity,quote,diff",
			map[string]string{"quote": "text", "outlet": "outlet", "relation": "relation"}, renderings},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := quoth(t, append(tt.args, "--format", "csv")...)
			records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("reading the CSV back: %v\n%s", err, out)
			}
			if len(records) == 0 || strings.Join(records[0], ",") != tt.header {
				t.Fatalf("header %q, want %q", records, tt.header)
			}
			var values []map[string]any
			for line := range strings.SplitSeq(strings.TrimSpace(quoth(t, append(tt.args, "--format", "json")...)), "\n") {
				var v map[string]any
				if err := json.Unmarshal([]byte(line), &v); err != nil {
					t.Fatalf("JSON line %q: %v", line, err)
				}
				if tt.flatten != nil {
					values = append(values, tt.flatten(v)...)
				} else {
					values = append(values, v)
				}
			}
			if len(records)-1 != len(values) || len(values) < 2 {
				t.Fatalf("%d CSV records, %d JSON values; want as many, at least 2", len(records)-1, len(values))
			}
			nasty := false
			for i, v := range values {
				rec := map[string]string{}
				for k, h := range records[0] {
					rec[h] = records[i+1][k]
				}
				for col, field := range tt.columns {
					want, _ := v[field].(string)
					if col == "speaker" && want == "" {
						want = "-"
					}
					if rec[col] != want {
						t.Errorf("record %d: %s = %q, want %q", i+1, col, rec[col], want)
					}
					nasty = nasty || strings.ContainsAny(want, ",\"“\n")
				}
			}
			if !nasty {
				t.Errorf("no field with a comma, a quotation mark or a line break was checked")
			}
		})
	}
}
