package quotes

import "testing"

func TestQuoteContext(t *testing.T) {
	tests := []struct {
		name, text, before, after string
	}{
		{"fragment mid-sentence",
			`Before wrapping up his visit, the envoy on Saturday in a statement acknowledged the "grave threat" posed by the TTP to Pakistan.`,
			"wrapping up his visit, the envoy on Saturday in a statement acknowledged the", "posed by the TTP to Pakistan."},
		{"long paragraph keeps whole words",
			`The committee, which met for eleven hours on Tuesday and again on Wednesday morning before the vote, called the plan “a betrayal of patients” in a report published late on Thursday evening after a long delay.`,
			"on Tuesday and again on Wednesday morning before the vote, called the plan", "in a report published late on Thursday evening after a long delay."},
		{"quote opens the paragraph", `“We will rebuild,” the mayor said.`, "", "the mayor said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Extract(Document{Text: tt.text, Blocks: []Block{{Start: 0, End: len(tt.text)}}})
			if len(qs) != 1 {
				t.Fatalf("%d quotes, want 1", len(qs))
			}
			if qs[0].Before != tt.before || qs[0].After != tt.after {
				t.Errorf("context %q / %q, want %q / %q", qs[0].Before, qs[0].After, tt.before, tt.after)
			}
		})
	}
}
