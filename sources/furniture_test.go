package sources

import (
	"strings"
	"testing"
)

func TestIsFurniture(t *testing.T) {
	tests := []struct {
		paragraph string
		want      bool
	}{
		{"Read More: Afghan situation, TTP threat discussed with US pointman", true},
		{"Read more: Port authority posts record profit", true},
		{"READ MORE", true},
		{"Read more »", true},
		{"Also read: Bus drivers back night routes", true},
		{"Also Read | Council passes budget", true},
		{"PHOTO: Pakistan's Special Representative to Afghanistan Asif Durrani's X handle", true},
		{"Photo: Reuters", true},
		{"File photo", true},
		{"Image: A night bus at the depot", true},
		{"Advertisement", true},
		{"— Advertisement —", true},
		{"Share this article", true},
		{"Follow us on Twitter and Facebook", true},
		{"Subscribe to our morning newsletter", true},
		{"Subscribe", true},
		{"Read more about the budget on page 4, the editor wrote, and then left.\nA second line.", false},
		{"Photographers gathered outside the court: dozens of them.", false},
		{"The photo: a blurred image of the minister leaving the court, which the paper later withdrew.\nSecond line.", false},
		{"Subscribers to the service complained of outages on Monday.", false},
		{"Followers of the cleric gathered outside the mosque.", false},
		{"Imagery released by the ministry showed the damage.", false},
		{"“Read more books,” the minister told pupils.", false},
		{"Advertisement revenue fell by a third, the company said.", false},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.paragraph[:min(len(tt.paragraph), 40)], " ", "_"), func(t *testing.T) {
			if got := isFurniture(tt.paragraph); got != tt.want {
				t.Errorf("isFurniture(%q) = %v, want %v", tt.paragraph, got, tt.want)
			}
		})
	}
}

func TestIsSectionMarker(t *testing.T) {
	tests := []struct {
		paragraph string
		want      bool
	}{
		{"Must Read", true},
		{"RELATED", true},
		{"Related", true},
		{"Related Stories", true},
		{"Related stories:", true},
		{"Load Next Story", true},
		{"More from Dawn", true},
		{"More from The Express Tribune", true},
		{"Recommended", true},
		{"Most Read", true},
		{"Trending", true},
		{"Related concerns were raised by residents of Mill Lane.", false},
		{"Trending topics on social media included the strike.", false},
		{"More from the minister was expected on Friday, aides said.", false},
		{"More from the minister is expected", false},
		{"Must read the fine print, the judge warned.", false},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.paragraph[:min(len(tt.paragraph), 40)], " ", "_"), func(t *testing.T) {
			if got := isSectionMarker(tt.paragraph); got != tt.want {
				t.Errorf("isSectionMarker(%q) = %v, want %v", tt.paragraph, got, tt.want)
			}
		})
	}
}

func TestDropFurniture(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "section_marker_ends_the_story",
			text: "Headline\n\nFirst.\n\nRelated Stories\n\nTeaser one\n\nTeaser two",
			want: []string{"Headline", "First."},
		},
		{
			name: "furniture_lines_inside_the_story_are_dropped",
			text: "Headline\n\nFirst.\n\nRead more: Elsewhere\n\nPHOTO: A caption\n\nSecond.",
			want: []string{"Headline", "First.", "Second."},
		},
		{
			name: "prose_starting_with_related_is_kept",
			text: "Headline\n\nFirst.\n\nRelated concerns were raised by residents.\n\nLast.",
			want: []string{"Headline", "First.", "Related concerns were raised by residents.", "Last."},
		},
		{
			name: "marker_before_any_story_text_drops_only_itself",
			text: "Headline\n\nTrending\n\nFirst.\n\nSecond.",
			want: []string{"Headline", "First.", "Second."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{Text: tt.text, Paragraphs: splitParagraphs(tt.text, 0, false)}
			a.Paragraphs[0].Kind = Headline
			dropFurniture(a)
			if got := paragraphTexts(a); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if a.Text != tt.text {
				t.Errorf("Text changed")
			}
		})
	}
}
