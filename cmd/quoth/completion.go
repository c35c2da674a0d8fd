package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// The shells "quoth completion" writes scripts for.
var shells = []string{"bash", "zsh", "fish"}

// completionCommand prints a shell completion script.
func completionCommand(io streams) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: `Prints a script that completes quoth's commands, flags, the values of
--format and --color, and file names where a command or flag reads
files. The script is made from quoth's own commands and flags and does
not call quoth when completing.

Examples:
   source <(quoth completion bash)
   quoth completion bash > ~/.local/share/bash-completion/completions/quoth
   quoth completion zsh > "${fpath[1]}/_quoth"
   quoth completion fish > ~/.config/fish/completions/quoth.fish`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("completion: want one shell (%s), got %d arguments", strings.Join(shells, ", "), c.NArg())
			}
			spec := completionSpec(c.App)
			var script string
			switch c.Args().First() {
			case "bash":
				script = spec.bash()
			case "zsh":
				script = spec.zsh()
			case "fish":
				script = spec.fish()
			default:
				return usagef("completion: unknown shell %q (want %s)", c.Args().First(), strings.Join(shells, ", "))
			}
			_, err := fmt.Fprint(io.stdout, script)
			return err
		},
	}
}

// complFlag is a flag as completion scripts see it.
type complFlag struct {
	long, short []string // names without dashes: several letters, one letter
	usage       string   // the usage without the backquotes around the placeholder
	value       bool     // takes a value
	values      []string // the values it takes, when they are few and known
	files       bool     // its value is a file name
	repeat      bool     // may be given again
}

// complCommand is a command as completion scripts see it.
type complCommand struct {
	names []string // name, then aliases
	usage string
	flags []complFlag // its own flags and the global ones
	args  string      // what its arguments are: "files", "commands", "shells" or "" (nothing to complete)
}

// complSpec is what completion scripts complete.
type complSpec struct {
	global   []complFlag
	commands []complCommand
}

// flagValues are the values of the flags that take one of a few.
var flagValues = map[string][]string{"format": formats, "color": colorModes}

// fileWords in a placeholder or ArgsUsage mean file names.
var fileWords = regexp.MustCompile(`FILE|PATH|DIR|DRAFT|\.jsonl`)

// completionSpec reads the commands and flags of app.
func completionSpec(app *cli.App) complSpec {
	var s complSpec
	s.global = complFlags(app.VisibleFlags())
	for _, c := range app.VisibleCommands() {
		cc := complCommand{names: append([]string{c.Name}, c.Aliases...), usage: c.Usage}
		for _, f := range complFlags(c.VisibleFlags()) {
			if !slices.ContainsFunc(s.global, f.same) {
				cc.flags = append(cc.flags, f)
			}
		}
		cc.flags = append(cc.flags, s.global...)
		switch {
		case c.Name == "help":
			cc.args = "commands"
		case c.Name == "completion":
			cc.args = "shells"
		case fileWords.MatchString(c.ArgsUsage):
			cc.args = "files"
		}
		s.commands = append(s.commands, cc)
	}
	return s
}

// complFlags describes flags for completion.
func complFlags(flags []cli.Flag) []complFlag {
	var out []complFlag
	for _, f := range flags {
		var cf complFlag
		for _, n := range f.Names() {
			if len(n) == 1 {
				cf.short = append(cf.short, n)
			} else {
				cf.long = append(cf.long, n)
			}
		}
		if d, ok := f.(cli.DocGenerationFlag); ok {
			var placeholder string
			placeholder, cf.usage = unquoteUsage(d.GetUsage())
			cf.value = d.TakesValue()
			cf.files = cf.value && fileWords.MatchString(placeholder)
		}
		if sf, ok := f.(cli.DocGenerationSliceFlag); ok {
			cf.repeat = sf.IsSliceFlag()
		}
		if len(cf.long) > 0 {
			cf.values = flagValues[cf.long[0]]
		}
		out = append(out, cf)
	}
	return out
}

// unquoteUsage returns the placeholder of a flag's usage, the word in
// backquotes, and the usage without the backquotes, as urfave/cli shows
// it in help.
func unquoteUsage(usage string) (placeholder, text string) {
	before, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "", usage
	}
	name, after, ok := strings.Cut(rest, "`")
	if !ok {
		return "", usage
	}
	return name, before + name + after
}

// same reports whether f and g have the same names.
func (f complFlag) same(g complFlag) bool {
	return slices.Equal(f.long, g.long) && slices.Equal(f.short, g.short)
}

// dashed returns the flag's names with their dashes: "--format", "-f".
func (f complFlag) dashed() []string {
	var out []string
	for _, n := range f.long {
		out = append(out, "--"+n)
	}
	for _, n := range f.short {
		out = append(out, "-"+n)
	}
	return out
}

// commandNames lists the commands, without their aliases.
func (s complSpec) commandNames() []string {
	var out []string
	for _, c := range s.commands {
		out = append(out, c.names[0])
	}
	return out
}

// bash returns the bash completion script.
func (s complSpec) bash() string {
	var b strings.Builder
	b.WriteString(`# bash completion for quoth. Load it in this shell with
#   source <(quoth completion bash)
# or for good with
#   quoth completion bash > ~/.local/share/bash-completion/completions/quoth

_quoth() {
    local cur prev cmd flags i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
`)
	var globalValued []string
	for _, f := range s.global {
		if f.value {
			globalValued = append(globalValued, f.dashed()...)
		}
	}
	if len(globalValued) > 0 {
		fmt.Fprintf(&b, "        %s) ((i++)) ;;\n", strings.Join(globalValued, "|"))
	}
	b.WriteString(`        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    case $prev in
`)
	// The flags with values, grouped by what completes them: a name
	// means one thing throughout quoth, so the first flag of a name decides.
	var byValue caseGroups
	seen := map[string]bool{}
	for _, f := range s.allFlags() {
		if !f.value || seen[f.dashed()[0]] {
			continue
		}
		seen[f.dashed()[0]] = true
		switch {
		case len(f.values) > 0:
			byValue.add(bashWords(f.values), f.dashed()...)
		case f.files:
			byValue.add(bashFiles, f.dashed()...)
		default:
			byValue.add(bashNothing, f.dashed()...)
		}
	}
	byValue.write(&b, "    ", "\n        return ;;")
	b.WriteString("    esac\n    if [[ $cur == -* ]]; then\n        case $cmd in\n")
	var byFlags caseGroups
	for _, c := range s.commands {
		byFlags.add(fmt.Sprintf("flags=%q ;;", strings.Join(dashedAll(c.flags), " ")), c.names...)
	}
	byFlags.write(&b, "        ", "")
	fmt.Fprintf(&b, "        *)\n            flags=%q ;;\n", strings.Join(dashedAll(s.global), " "))
	b.WriteString(`        esac
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
        return
    fi
    case $cmd in
`)
	var byArgs caseGroups
	byArgs.add(bashWords(s.commandNames()), "''")
	for _, c := range s.commands {
		switch c.args {
		case "commands":
			byArgs.add(bashWords(s.commandNames()), c.names...)
		case "shells":
			byArgs.add(bashWords(shells), c.names...)
		case "files":
			byArgs.add(bashFiles, c.names...)
		default:
			byArgs.add(bashNothing, c.names...)
		}
	}
	byArgs.write(&b, "    ", " ;;")
	b.WriteString(`    esac
}

complete -F _quoth quoth
`)
	return b.String()
}

// What the bash script does to complete a word: offer some words,
// file names, or nothing.
const (
	bashFiles   = "compopt -o filenames 2>/dev/null\n        COMPREPLY=($(compgen -f -- \"$cur\"))"
	bashNothing = "COMPREPLY=()"
)

// bashWords is the bash line that offers words for completion.
func bashWords(words []string) string {
	return fmt.Sprintf("COMPREPLY=($(compgen -W %q -- \"$cur\"))", strings.Join(words, " "))
}

// caseGroups are the branches of a bash case statement: patterns that
// share one body are joined in one branch, in the order first seen.
type caseGroups struct {
	bodies   []string
	patterns map[string][]string
}

// add puts patterns in the branch of body, a new one if need be.
func (g *caseGroups) add(body string, patterns ...string) {
	if g.patterns == nil {
		g.patterns = map[string][]string{}
	}
	if _, ok := g.patterns[body]; !ok {
		g.bodies = append(g.bodies, body)
	}
	g.patterns[body] = append(g.patterns[body], patterns...)
}

// write prints the branches, each body indented under its patterns and
// followed by end.
func (g *caseGroups) write(b *strings.Builder, indent, end string) {
	for _, body := range g.bodies {
		fmt.Fprintf(b, "%s%s)\n%s    %s%s\n", indent, strings.Join(g.patterns[body], "|"), indent, body, end)
	}
}

// allFlags returns the global flags, then every command's.
func (s complSpec) allFlags() []complFlag {
	all := slices.Clone(s.global)
	for _, c := range s.commands {
		all = append(all, c.flags...)
	}
	return all
}

// dashedAll lists the dashed names of flags.
func dashedAll(flags []complFlag) []string {
	var out []string
	for _, f := range flags {
		out = append(out, f.dashed()...)
	}
	return out
}

// zsh returns the zsh completion script.
func (s complSpec) zsh() string {
	var b strings.Builder
	b.WriteString(`#compdef quoth
# zsh completion for quoth. Save it as _quoth in a directory of $fpath:
#   quoth completion zsh > "${fpath[1]}/_quoth"
# or load it in this shell (after compinit) with
#   source <(quoth completion zsh)

_quoth() {
  local curcontext=$curcontext state line ret=1
  local -a global commands
  global=(
`)
	for _, f := range s.global {
		for _, spec := range zshFlag(f) {
			fmt.Fprintf(&b, "    %s\n", spec)
		}
	}
	b.WriteString("  )\n  commands=(\n")
	for _, c := range s.commands {
		fmt.Fprintf(&b, "    %s\n", shQuote(c.names[0]+":"+c.usage))
	}
	b.WriteString(`  )
  _arguments -C $global '1: :->command' '*:: :->argument' && ret=0
  case $state in
  command)
    _describe -t commands 'quoth command' commands && ret=0
    ;;
  argument)
    curcontext=${curcontext%:*:*}:quoth-$words[1]:
    case $words[1] in
`)
	for _, c := range s.commands {
		fmt.Fprintf(&b, "    %s)\n      _arguments \\\n", strings.Join(c.names, "|"))
		for _, f := range c.flags {
			for _, spec := range zshFlag(f) {
				fmt.Fprintf(&b, "        %s \\\n", spec)
			}
		}
		switch c.args {
		case "commands":
			fmt.Fprintf(&b, "        %s", shQuote("1:command:("+strings.Join(s.commandNames(), " ")+")"))
		case "shells":
			fmt.Fprintf(&b, "        %s", shQuote("1:shell:("+strings.Join(shells, " ")+")"))
		case "files":
			fmt.Fprintf(&b, "        %s", shQuote("*:file:_files"))
		default:
			fmt.Fprintf(&b, "        %s", shQuote("*: :( )"))
		}
		b.WriteString(" && ret=0\n      ;;\n")
	}
	b.WriteString(`    esac
    ;;
  esac
  return ret
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _quoth "$@"
else
  compdef _quoth quoth
fi
`)
	return b.String()
}

// zshFlag returns the _arguments specs of a flag, one for each name.
func zshFlag(f complFlag) []string {
	desc := "[" + zshEscape(f.usage) + "]"
	arg := ""
	if f.value {
		switch {
		case len(f.values) > 0:
			arg = ":value:(" + strings.Join(f.values, " ") + ")"
		case f.files:
			arg = ":file:_files"
		default:
			arg = ":value:( )"
		}
	}
	rep := ""
	if f.repeat {
		rep = "*"
	}
	var out []string
	for _, n := range f.long {
		eq := ""
		if f.value {
			eq = "="
		}
		out = append(out, shQuote(rep+"--"+n+eq+desc+arg))
	}
	for _, n := range f.short {
		out = append(out, shQuote(rep+"-"+n+desc+arg))
	}
	return out
}

// zshEscape escapes what ends or splits a description in _arguments.
func zshEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, ":", `\:`).Replace(s)
}

// shQuote quotes s for sh and zsh in single quotes.
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fish returns the fish completion script.
func (s complSpec) fish() string {
	var b strings.Builder
	b.WriteString(`# fish completion for quoth. Save it with
#   quoth completion fish > ~/.config/fish/completions/quoth.fish
# or load it in this shell with
#   quoth completion fish | source

complete -c quoth -f
`)
	for _, c := range s.commands {
		fmt.Fprintf(&b, "complete -c quoth -n __fish_use_subcommand -a %s -d %s\n", fishQuote(c.names[0]), fishQuote(c.usage))
	}
	for _, f := range s.global {
		fmt.Fprintf(&b, "complete -c quoth%s\n", fishFlag(f))
	}
	for _, c := range s.commands {
		cond := " -n " + fishQuote("__fish_seen_subcommand_from "+strings.Join(c.names, " "))
		for _, f := range c.flags {
			if slices.ContainsFunc(s.global, f.same) {
				continue
			}
			fmt.Fprintf(&b, "complete -c quoth%s%s\n", cond, fishFlag(f))
		}
		switch c.args {
		case "commands":
			fmt.Fprintf(&b, "complete -c quoth%s -x -a %s\n", cond, fishQuote(strings.Join(s.commandNames(), " ")))
		case "shells":
			fmt.Fprintf(&b, "complete -c quoth%s -x -a %s\n", cond, fishQuote(strings.Join(shells, " ")))
		case "files":
			fmt.Fprintf(&b, "complete -c quoth%s -F\n", cond)
		}
	}
	return b.String()
}

// fishFlag returns the options of a fish complete line for a flag.
func fishFlag(f complFlag) string {
	var b strings.Builder
	for _, n := range f.short {
		b.WriteString(" -s " + n)
	}
	for _, n := range f.long {
		b.WriteString(" -l " + n)
	}
	switch {
	case len(f.values) > 0:
		b.WriteString(" -x -a " + fishQuote(strings.Join(f.values, " ")))
	case f.files:
		b.WriteString(" -r -F")
	case f.value:
		b.WriteString(" -x")
	}
	b.WriteString(" -d " + fishQuote(f.usage))
	return b.String()
}

// fishQuote quotes s for fish in single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
