package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCompletionScripts writes the script for each shell, checks that
// it names every command and the values of --format and --color, and
// has the shell check its syntax when the shell is installed.
func TestCompletionScripts(t *testing.T) {
	var commands []string
	for _, c := range newApp(streams{}).Commands {
		commands = append(commands, c.Name)
	}
	commands = append(commands, "help")
	tests := []struct {
		shell string
		check []string // the shell's syntax check, the script's path last
		has   []string
	}{
		{"bash", []string{"bash", "-n"}, []string{"complete -F _quoth quoth", `"table json csv markdown"`, `"auto always never"`, "--only-findings", "--against|-a"}},
		{"zsh", []string{"zsh", "-n"}, []string{"#compdef quoth", "compdef _quoth quoth", "(table json csv markdown)", "(auto always never)", "'*--against=[", "'*-a[", "'-f[output FORMAT"}},
		{"fish", []string{"fish", "--no-execute"}, []string{"complete -c quoth -f", "-a 'table json csv markdown'", "-a 'auto always never'", "-s a -l against -r -F"}},
	}
	for _, tt := range tests {
		t.Run(tt.shell, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), []string{"quoth", "completion", tt.shell}, nil, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			script := stdout.String()
			for _, c := range commands {
				if !strings.Contains(script, c) {
					t.Errorf("the %s script does not name %s", tt.shell, c)
				}
			}
			for _, s := range tt.has {
				if !strings.Contains(script, s) {
					t.Errorf("the %s script has no %q", tt.shell, s)
				}
			}
			if _, err := exec.LookPath(tt.check[0]); err != nil {
				t.Skipf("%s is not installed: the script's syntax is not checked", tt.check[0])
			}
			path := filepath.Join(t.TempDir(), "quoth."+tt.shell)
			if err := os.WriteFile(path, stdout.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(tt.check[0], append(tt.check[1:], path)...).CombinedOutput(); err != nil {
				t.Errorf("%s rejects the script: %v\n%s", strings.Join(tt.check, " "), err, out)
			}
		})
	}
}

// TestBashCompletion runs the bash script's function on command lines
// as bash would and checks what it offers.
func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	var script bytes.Buffer
	if code := run(context.Background(), []string{"quoth", "completion", "bash"}, nil, &script, &bytes.Buffer{}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "quoth.bash")
	if err := os.WriteFile(path, script.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "draft.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		line []string // the words, the one being completed last
		want string
	}{
		{"commands", []string{"quoth", ""}, "extract ingest articles quotes show variants report diff verify audit eval completion help"},
		{"command_prefix", []string{"quoth", "ve"}, "verify"},
		{"command_after_a_global_flag_with_a_value", []string{"quoth", "--db", "x.db", "var"}, "variants"},
		{"a_command's_flags_and_the_global_ones", []string{"quoth", "verify", "--"}, "--speaker --db --format --quiet --color --help"},
		{"format_values", []string{"quoth", "quotes", "--format", ""}, "table json csv markdown"},
		{"color_values", []string{"quoth", "--color", "a"}, "auto always"},
		{"shells", []string{"quoth", "completion", ""}, "bash zsh fish"},
		{"help_names_commands", []string{"quoth", "help", "au"}, "audit"},
		{"files_for_a_source", []string{"quoth", "audit", "--against", "dr"}, "draft.md"},
		{"files_for_a_draft", []string{"quoth", "audit", "d"}, "draft.md"},
		{"nothing_for_a_name", []string{"quoth", "quotes", "--speaker", "d"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := make([]string, len(tt.line))
			for i, w := range tt.line {
				words[i] = "'" + w + "'"
			}
			prog := "source " + path + "\nCOMP_WORDS=(" + strings.Join(words, " ") + ")\nCOMP_CWORD=" +
				strconv.Itoa(len(tt.line)-1) + "\n_quoth\necho \"${COMPREPLY[*]}\"\n"
			cmd := exec.Command("bash", "--norc", "--noprofile", "-c", prog)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, out)
			}
			if got := strings.TrimSpace(string(out)); got != tt.want {
				t.Errorf("completing %q: got %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}
