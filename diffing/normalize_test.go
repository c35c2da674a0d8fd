package diffing

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“Grave threat,” he said.", `"grave threat," he said.`},
		{"don’t — can't – won‘t", "don't - can't - won't"},
		{"  many\n\n  spaces\tand tabs  ", "many spaces and tabs"},
		{"«Nous resterons» „wir bleiben“ 「残る」", `"nous resterons" "wir bleiben" "残る"`},
		{"ﬁnal Ｆｕｌｌ width…", "final full width..."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
