package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit codes, as documented in the README.
const (
	exitOK       = 0
	exitFindings = 1 // audit or verify found a problem
	exitError    = 2 // usage, input or any other error
)

// errFindings is returned by commands that found what they look for
// problems in (audit, verify); it exits 1 and prints nothing more.
var errFindings = errors.New("findings")

// errReported is returned by commands that already printed their errors
// on stderr (one line per bad input); it exits 2 and prints nothing more.
var errReported = errors.New("errors reported")

// usageError marks an error in how quoth was called.
type usageError struct{ msg string }

// Error returns the message.
func (e *usageError) Error() string { return e.msg }

// usagef returns a usage error with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// streams are the standard streams a run reads and writes.
type streams struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// run runs quoth with args (args[0] is the program name) and returns the
// exit code. Everything is read from and written to the given streams.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	io := streams{stdin: stdin, stdout: stdout, stderr: stderr}
	var notFound string
	app := newApp(io)
	app.CommandNotFound = func(_ *cli.Context, name string) { notFound = name }
	err := app.RunContext(ctx, hoistFlags(app, args))
	if err == nil && notFound != "" {
		err = usagef("unknown command %q (run 'quoth help' for the list)", notFound)
	}
	return report(stderr, err)
}

// report prints err as one line on stderr and returns its exit code.
func report(stderr io.Writer, err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.Is(err, errReported):
		return exitError
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "quoth: interrupted")
		return exitError
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	fmt.Fprintf(stderr, "quoth: %s\n", msg)
	return exitError
}

// newApp builds the command-line application.
func newApp(io streams) *cli.App {
	app := &cli.App{
		Name:  "quoth",
		Usage: "find, attribute and compare the quotations in news articles",
		Description: `quoth pulls every direct quotation out of news articles, links it to its
speaker, channel and source article, stores it in SQLite, and compares the
renderings of one utterance across outlets: word by word, with a verdict
on what changed.

Examples:
   quoth ingest testdata/articles
   quoth --quiet ingest testdata/articles
   quoth quotes --speaker "Tom West"
   quoth quotes --search "grave threat" --format json
   quoth show 2
   quoth variants --only-findings
   quoth verify "grave threat" --speaker "Tom West"
   quoth audit draft.md --against transcript.txt
   quoth report --html report.html
   quoth --db desk.db variants --color always | less -R
   quoth audit draft.md --against statement.txt --color never`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "db", Value: defaultDB, EnvVars: []string{"QUOTH_DB"}, Usage: "SQLite database `PATH`"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT` of listings: table, json, csv or markdown"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only data and errors, no summaries or progress"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour relations, verdicts and word diffs: `WHEN` is auto (on a terminal unless NO_COLOR is set), always or never"},
		},
		Before: func(c *cli.Context) error { return checkColor(c.String("color")) },
		Commands: []*cli.Command{
			extractCommand(io),
			ingestCommand(io),
			articlesCommand(io),
			quotesCommand(io),
			showCommand(io),
			variantsCommand(io),
			reportCommand(io),
			diffCommand(io),
			verifyCommand(io),
			auditCommand(io),
			evalCommand(io),
			completionCommand(io),
		},
		Reader:         io.stdin,
		Writer:         io.stdout,
		ErrWriter:      io.stderr,
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
	}
	for _, c := range app.Commands {
		c.OnUsageError = onUsageError
	}
	return app
}

// onUsageError turns a flag-parsing error into a usage error (exit 2).
func onUsageError(_ *cli.Context, err error, _ bool) error {
	return usagef("%v", err)
}

// hoistFlags reorders args so that flags work in any position. urfave/cli
// stops reading flags at the first positional argument, so
// "quoth show 12 --format json" would silently ignore the flag: global flags
// found anywhere are moved before the command, and the command's flags
// before its positional arguments. "--" ends flag reading as usual.
func hoistFlags(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	global, rest := splitFlags(app.Flags, nil, args[1:], true)
	if len(rest) == 0 {
		return args
	}
	cmd := app.Command(rest[0])
	if cmd == nil {
		return args
	}
	g2, local := splitFlags(app.Flags, cmd.Flags, rest[1:], false)
	out := append([]string{args[0]}, global...)
	out = append(out, g2...)
	out = append(out, rest[0])
	return append(out, local...)
}

// splitFlags separates the global flags in args from the rest. With
// stopAtArg it stops at the first positional argument (the command name)
// and returns it and everything after it as rest. Otherwise it returns the
// command's own flags first, then "--" if needed, then the positionals.
func splitFlags(globals, locals []cli.Flag, args []string, stopAtArg bool) (global, rest []string) {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !isFlag(a) {
			if stopAtArg {
				return global, args[i:]
			}
			positional = append(positional, a)
			continue
		}
		n := 1
		if takesValue(globals, a) || takesValue(locals, a) {
			n = 2
		}
		end := min(i+n, len(args))
		if lookup(globals, a) != nil {
			global = append(global, args[i:end]...)
		} else {
			flags = append(flags, args[i:end]...)
		}
		i = end - 1
	}
	rest = flags
	for _, p := range positional {
		if isFlag(p) {
			rest = append(rest, "--")
			break
		}
	}
	return global, append(rest, positional...)
}

// isFlag reports whether a looks like a flag ("-x", "--name", "--name=v").
// A lone "-" is an argument (standard input).
func isFlag(a string) bool {
	return len(a) > 1 && a[0] == '-'
}

// flagName returns the name in "--name=value".
func flagName(a string) string {
	name := strings.TrimLeft(a, "-")
	if i := strings.IndexByte(name, '='); i >= 0 {
		name = name[:i]
	}
	return name
}

// lookup returns the flag in flags that a names, or nil.
func lookup(flags []cli.Flag, a string) cli.Flag {
	name := flagName(a)
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

// takesValue reports whether flag a is one of flags and reads the next
// argument as its value.
func takesValue(flags []cli.Flag, a string) bool {
	if strings.Contains(a, "=") {
		return false
	}
	f := lookup(flags, a)
	if f == nil {
		return false
	}
	_, isBool := f.(*cli.BoolFlag)
	return !isBool
}
