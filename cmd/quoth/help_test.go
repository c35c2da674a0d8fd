package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestHelpText checks that every command and every flag says what it is
// for, and that every command's help ends with examples of its use.
func TestHelpText(t *testing.T) {
	app := newApp(streams{})
	checkFlags := func(t *testing.T, flags []cli.Flag) {
		t.Helper()
		for _, f := range flags {
			d, ok := f.(cli.DocGenerationFlag)
			if !ok {
				t.Errorf("flag %v: no usage string", f.Names())
				continue
			}
			if strings.TrimSpace(d.GetUsage()) == "" {
				t.Errorf("flag --%s has no usage string", f.Names()[0])
			}
		}
	}
	t.Run("app", func(t *testing.T) {
		if app.Usage == "" || !hasExamples(app.Description, "") {
			t.Errorf("quoth: want a usage and an Examples: block of quoth command lines")
		}
		checkFlags(t, app.Flags)
	})
	if len(app.Commands) < 12 {
		t.Fatalf("only %d commands", len(app.Commands))
	}
	for _, c := range app.Commands {
		t.Run(c.Name, func(t *testing.T) {
			if strings.TrimSpace(c.Usage) == "" {
				t.Errorf("quoth %s has no usage string", c.Name)
			}
			if !hasExamples(c.Description, c.Name) {
				t.Errorf("quoth %s: its description has no Examples: block with a line running \"quoth %s\"", c.Name, c.Name)
			}
			checkFlags(t, c.Flags)
		})
	}
}

// hasExamples reports whether a description has an "Examples:" block
// whose indented lines run quoth (with command name, when given).
func hasExamples(desc, name string) bool {
	_, block, ok := strings.Cut(desc, "\nExamples:\n")
	if !ok {
		return false
	}
	want := "quoth "
	if name != "" {
		want += name
	}
	n := 0
	for line := range strings.SplitSeq(block, "\n") {
		if strings.TrimSpace(line) == "" {
			break
		}
		if !strings.HasPrefix(line, "   ") {
			return false
		}
		if strings.Contains(line, want) {
			n++
		}
	}
	return n > 0
}

func TestHasExamples(t *testing.T) {
	tests := []struct {
		name, desc, cmd string
		want            bool
	}{
		{"block", "Does things.\n\nExamples:\n   quoth diff a b\n   quoth diff 1 2", "diff", true},
		{"no_block", "Does things. For example quoth diff a b.", "diff", false},
		{"other_command_only", "Does things.\n\nExamples:\n   quoth verify x", "diff", false},
		{"unindented_line", "Does things.\n\nExamples:\nquoth diff a b", "diff", false},
		{"piped_example", "Prints.\n\nExamples:\n   source <(quoth completion bash)", "completion", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasExamples(tt.desc, tt.cmd); got != tt.want {
				t.Errorf("hasExamples(%q, %q) = %v, want %v", tt.desc, tt.cmd, got, tt.want)
			}
		})
	}
}

// examplesToCome are the flags whose command's help has no example of
// them yet, in files being worked on elsewhere. Remove an entry when
// its example is written; the test fails on a stale one.
var examplesToCome = map[string]bool{}

// TestEveryFlagHasAnExample checks that the Examples: block of each
// command shows each of its flags, and quoth's own help each global flag.
func TestEveryFlagHasAnExample(t *testing.T) {
	app := newApp(streams{})
	check := func(t *testing.T, cmd, desc string, flags []cli.Flag) {
		t.Helper()
		_, examples, _ := strings.Cut(desc, "\nExamples:\n")
		for _, f := range flags {
			key := strings.TrimSpace(cmd + " --" + f.Names()[0])
			shown := false
			for _, n := range f.Names() {
				dashed := "--" + n
				if len(n) == 1 {
					dashed = "-" + n
				}
				shown = shown || regexp.MustCompile(`(^|\s)`+regexp.QuoteMeta(dashed)+`(\s|=|$)`).MatchString(examples)
			}
			switch {
			case !shown && !examplesToCome[key]:
				t.Errorf("%s: no example shows it", key)
			case shown && examplesToCome[key]:
				t.Errorf("%s has an example now: remove it from examplesToCome", key)
			}
		}
	}
	check(t, "", app.Description, app.Flags)
	for _, c := range app.Commands {
		check(t, c.Name, c.Description, c.Flags)
	}
}
