package sources

import (
	"net"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// knownOutlets names the outlets of well-known news sites, by domain. A
// host matches an entry for itself or for any domain it is under, down to
// its registrable domain.
var knownOutlets = map[string]string{
	"dawn.com":            "Dawn",
	"tribune.com.pk":      "The Express Tribune",
	"thenews.com.pk":      "The News",
	"geo.tv":              "Geo News",
	"arynews.tv":          "ARY News",
	"nation.com.pk":       "The Nation",
	"brecorder.com":       "Business Recorder",
	"app.com.pk":          "Associated Press of Pakistan",
	"thefridaytimes.com":  "The Friday Times",
	"samaa.tv":            "Samaa TV",
	"nytimes.com":         "The New York Times",
	"washingtonpost.com":  "The Washington Post",
	"wsj.com":             "The Wall Street Journal",
	"latimes.com":         "Los Angeles Times",
	"usatoday.com":        "USA Today",
	"bloomberg.com":       "Bloomberg",
	"npr.org":             "NPR",
	"cnn.com":             "CNN",
	"foxnews.com":         "Fox News",
	"nbcnews.com":         "NBC News",
	"cbsnews.com":         "CBS News",
	"abcnews.go.com":      "ABC News",
	"politico.com":        "Politico",
	"politico.eu":         "Politico",
	"axios.com":           "Axios",
	"apnews.com":          "AP News",
	"reuters.com":         "Reuters",
	"afp.com":             "AFP",
	"voanews.com":         "Voice of America",
	"theguardian.com":     "The Guardian",
	"guardian.co.uk":      "The Guardian",
	"bbc.co.uk":           "BBC News",
	"bbc.com":             "BBC News",
	"ft.com":              "Financial Times",
	"economist.com":       "The Economist",
	"independent.co.uk":   "The Independent",
	"telegraph.co.uk":     "The Telegraph",
	"thetimes.co.uk":      "The Times",
	"dailymail.co.uk":     "Daily Mail",
	"aljazeera.com":       "Al Jazeera",
	"aljazeera.net":       "Al Jazeera",
	"dw.com":              "DW",
	"france24.com":        "France 24",
	"thehindu.com":        "The Hindu",
	"hindustantimes.com":  "Hindustan Times",
	"indiatimes.com":      "The Times of India",
	"abc.net.au":          "ABC News",
	"smh.com.au":          "The Sydney Morning Herald",
	"scmp.com":            "South China Morning Post",
	"thenationalnews.com": "The National",
}

// OutletFromHost names the outlet of a web host: "www.dawn.com" gives
// "Dawn", "edition.cnn.com" gives "CNN". A host not in the table of
// well-known outlets is named by the label before its public suffix,
// capitalised: "www.example-times.co.uk" gives "Example Times". A port is
// ignored; an IP address, a bare name such as "localhost" or an empty
// host gives "".
func OutletFromHost(host string) string {
	if net.ParseIP(host) != nil {
		return ""
	}
	host = strings.TrimSuffix(strings.ToLower((&url.URL{Host: host}).Hostname()), ".")
	if host == "" || net.ParseIP(host) != nil {
		return ""
	}
	site, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return ""
	}
	for h := host; ; {
		if name, ok := knownOutlets[h]; ok {
			return name
		}
		if h == site {
			break
		}
		_, h, _ = strings.Cut(h, ".")
	}
	label, _, _ := strings.Cut(site, ".")
	return titleWords(label)
}

// titleWords turns a domain label into words: "example-times" gives
// "Example Times".
func titleWords(label string) string {
	words := strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
