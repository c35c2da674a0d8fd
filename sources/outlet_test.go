package sources

import "testing"

func TestOutletFromHost(t *testing.T) {
	tests := []struct {
		host, want string
	}{
		{"www.dawn.com", "Dawn"},
		{"dawn.com", "Dawn"},
		{"DAWN.COM.", "Dawn"},
		{"tribune.com.pk", "The Express Tribune"},
		{"www.nytimes.com", "The New York Times"},
		{"m.washingtonpost.com", "The Washington Post"},
		{"www.theguardian.com", "The Guardian"},
		{"www.bbc.co.uk", "BBC News"},
		{"www.bbc.com", "BBC News"},
		{"edition.cnn.com", "CNN"},
		{"www.reuters.com:443", "Reuters"},
		{"apnews.com", "AP News"},
		{"www.aljazeera.com", "Al Jazeera"},
		{"www.geo.tv", "Geo News"},
		{"www.thenews.com.pk", "The News"},
		{"abcnews.go.com", "ABC News"},
		{"www.example-times.co.uk", "Example Times"},
		{"news.valleytimes.com.au", "Valleytimes"},
		{"courier.example.com.pk", "Example"},
		{"localhost", ""},
		{"127.0.0.1", ""},
		{"127.0.0.1:8080", ""},
		{"[::1]:8080", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			if got := OutletFromHost(tt.host); got != tt.want {
				t.Errorf("OutletFromHost(%q) = %q, want %q", tt.host, got, tt.want)
			}
		})
	}
}
