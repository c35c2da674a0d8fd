package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestHoistFlags(t *testing.T) {
	app := newApp(streams{})
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"flags_before_the_command_stay", "quoth --db x.db show 12", "quoth --db x.db show 12"},
		{"global_flag_after_argument_moves_before_command", "quoth show 12 --format json", "quoth --format json show 12"},
		{"global_flag_with_equals_moves_too", "quoth show 12 --format=json", "quoth --format=json show 12"},
		{"bool_global_flag_takes_no_value", "quoth ingest a.txt -q b.txt", "quoth -q ingest a.txt b.txt"},
		{"command_flag_after_arguments_moves_before_them", "quoth ingest a.txt --outlet Dawn b.txt", "quoth ingest --outlet Dawn a.txt b.txt"},
		{"stdin_dash_is_an_argument", "quoth ingest - --outlet Dawn", "quoth ingest --outlet Dawn -"},
		{"double_dash_keeps_flag_like_arguments", "quoth ingest --outlet Dawn -- -odd.txt", "quoth ingest --outlet Dawn -- -odd.txt"},
		{"unknown_command_is_left_alone", "quoth frobnicate --x 1", "quoth frobnicate --x 1"},
		{"no_arguments", "quoth", "quoth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hoistFlags(app, strings.Fields(tt.in))
			if want := strings.Fields(tt.want); !reflect.DeepEqual(got, want) {
				t.Errorf("hoistFlags(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func TestReportExitCodes(t *testing.T) {
	tests := []struct {
		name string
		err  error
		code int
		out  string
	}{
		{"success_prints_nothing", nil, 0, ""},
		{"findings_exit_1_silently", fmt.Errorf("audit: %w", errFindings), 1, ""},
		{"usage_error_exits_2", usagef("unknown format %q", "xml"), 2, "quoth: unknown format \"xml\"\n"},
		{"multi_line_error_is_one_line", errors.New("load x.html:\n  no body"), 2, "quoth: load x.html: no body\n"},
		{"interrupt", context.Canceled, 2, "quoth: interrupted\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if code := report(&buf, tt.err); code != tt.code || buf.String() != tt.out {
				t.Errorf("report(%v) = %d, %q; want %d, %q", tt.err, code, buf.String(), tt.code, tt.out)
			}
		})
	}
}

// TestCheckingCommandsExitCodes runs verify, audit and diff on the seeds
// and checks the documented exit codes: 0 clean, 1 findings, 2 errors.
func TestCheckingCommandsExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "quoth.db")
	tribune := filepath.Join("..", "..", "testdata", "articles", "003_9e22b0ab6b0482b3.txt")
	dawn := filepath.Join("..", "..", "testdata", "articles", "000_2942939cbf4b7cb5.txt")
	quoth := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append([]string{"quoth", "--db", db, "-q"}, args...), strings.NewReader(""), &stdout, &stderr)
		return code, stderr.String()
	}
	if code, errs := quoth("ingest", filepath.Join("..", "..", "testdata", "articles")); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"verify_excerpt_is_clean", []string{"verify", "strong partnership"}, 0},
		{"verify_grave_threat_is_a_finding", []string{"verify", "grave threat", "--speaker", "Tom West"}, 1},
		{"verify_unknown_words_are_a_finding", []string{"verify", "The harbour will reopen in May"}, 1},
		{"verify_without_text_is_usage", []string{"verify"}, 2},
		{"audit_tribune_finds_grave_threat", []string{"audit", tribune}, 1},
		{"audit_dawn_is_clean", []string{"audit", dawn}, 0},
		{"audit_missing_draft", []string{"audit", filepath.Join(dir, "missing.md")}, 2},
		{"audit_missing_source", []string{"audit", dawn, "--against", filepath.Join(dir, "missing.txt")}, 2},
		{"diff_is_not_a_check", []string{"diff", "grave security challenges posed by TTP", "grave threat"}, 0},
		{"diff_unknown_key", []string{"diff", "999", "10"}, 2},
		{"variants_lists", []string{"variants"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, errs := quoth(tt.args...); code != tt.code {
				t.Errorf("quoth %s: exit %d, want %d (stderr %q)", strings.Join(tt.args, " "), code, tt.code, errs)
			}
		})
	}
}
