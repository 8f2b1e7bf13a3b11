package extract

import (
	"net/url"
	"strings"
)

// Outlet is a news organisation: its display name, the domains it publishes
// on and the other names it goes by in bylines, markers and credits.
type Outlet struct {
	Name    string
	Domains []string
	Aliases []string
}

// outlets is a table of widely cited outlets and wires. Unknown outlets are
// still recognised from a URL (by registered domain) and from markers.
var outlets = []Outlet{
	{"Associated Press", []string{"apnews.com", "ap.org"}, []string{"AP", "The Associated Press", "Associated Press"}},
	{"Reuters", []string{"reuters.com"}, []string{"Reuters", "REUTER", "REUTERS", "Thomson Reuters"}},
	{"Agence France-Presse", []string{"afp.com"}, []string{"AFP", "Agence France-Presse", "Agence France Presse"}},
	{"Bloomberg", []string{"bloomberg.com"}, []string{"Bloomberg", "Bloomberg News"}},
	{"CNN", []string{"cnn.com"}, []string{"CNN"}},
	{"The Washington Post", []string{"washingtonpost.com"}, []string{"The Washington Post", "Washington Post", "the Post"}},
	{"The New York Times", []string{"nytimes.com"}, []string{"The New York Times", "New York Times", "NYT", "the Times"}},
	{"The Wall Street Journal", []string{"wsj.com"}, []string{"The Wall Street Journal", "Wall Street Journal", "WSJ", "the Journal"}},
	{"BBC", []string{"bbc.co.uk", "bbc.com"}, []string{"BBC", "BBC News"}},
	{"The Guardian", []string{"theguardian.com", "guardian.co.uk"}, []string{"The Guardian", "Guardian"}},
	{"NBC News", []string{"nbcnews.com"}, []string{"NBC News", "NBC"}},
	{"CBS News", []string{"cbsnews.com"}, []string{"CBS News", "CBS"}},
	{"ABC News", []string{"abcnews.go.com"}, []string{"ABC News", "ABC"}},
	{"Fox News", []string{"foxnews.com"}, []string{"Fox News"}},
	{"Fox Business", []string{"foxbusiness.com"}, []string{"Fox Business"}},
	{"NPR", []string{"npr.org"}, []string{"NPR"}},
	{"Politico", []string{"politico.com", "politico.eu"}, []string{"Politico", "POLITICO"}},
	{"Axios", []string{"axios.com"}, []string{"Axios"}},
	{"The Hill", []string{"thehill.com"}, []string{"The Hill"}},
	{"USA Today", []string{"usatoday.com"}, []string{"USA Today", "USA TODAY"}},
	{"Los Angeles Times", []string{"latimes.com"}, []string{"Los Angeles Times", "LA Times", "the Times"}},
	{"Al Jazeera", []string{"aljazeera.com", "aljazeera.net"}, []string{"Al Jazeera"}},
	{"Financial Times", []string{"ft.com"}, []string{"Financial Times", "FT"}},
	{"The Economist", []string{"economist.com"}, []string{"The Economist"}},
	{"The Telegraph", []string{"telegraph.co.uk"}, []string{"The Telegraph", "Telegraph"}},
	{"The Independent", []string{"independent.co.uk"}, []string{"The Independent"}},
	{"Sky News", []string{"news.sky.com", "sky.com"}, []string{"Sky News"}},
	{"Daily Express", []string{"express.co.uk"}, []string{"Daily Express", "Express.co.uk"}},
	{"The Sun", []string{"thesun.co.uk"}, []string{"The Sun"}},
	{"Daily Mail", []string{"dailymail.co.uk"}, []string{"Daily Mail", "MailOnline"}},
	{"RT", []string{"rt.com"}, []string{"RT"}},
	{"The Jerusalem Post", []string{"jpost.com"}, []string{"The Jerusalem Post", "Jerusalem Post"}},
	{"Times of Israel", []string{"timesofisrael.com"}, []string{"Times of Israel"}},
	{"Haaretz", []string{"haaretz.com"}, []string{"Haaretz"}},
	{"Deutsche Welle", []string{"dw.com"}, []string{"Deutsche Welle", "DW"}},
	{"France 24", []string{"france24.com"}, []string{"France 24"}},
	{"Euronews", []string{"euronews.com"}, []string{"Euronews"}},
	{"The Times of India", []string{"timesofindia.indiatimes.com"}, []string{"The Times of India", "Times of India"}},
	{"South China Morning Post", []string{"scmp.com"}, []string{"South China Morning Post", "SCMP"}},
	{"Xinhua", []string{"xinhuanet.com", "news.cn"}, []string{"Xinhua"}},
	{"Kyodo News", []string{"kyodonews.net"}, []string{"Kyodo", "Kyodo News"}},
	{"Yonhap", []string{"yna.co.kr", "en.yna.co.kr"}, []string{"Yonhap"}},
	{"Interfax", []string{"interfax.com", "interfax.ru"}, []string{"Interfax"}},
	{"TASS", []string{"tass.com", "tass.ru"}, []string{"TASS", "Tass"}},
	{"Anadolu Agency", []string{"aa.com.tr"}, []string{"Anadolu", "Anadolu Agency"}},
	{"CNBC", []string{"cnbc.com"}, []string{"CNBC"}},
	{"Business Insider", []string{"businessinsider.com", "insider.com"}, []string{"Business Insider", "Insider"}},
	{"The Atlantic", []string{"theatlantic.com"}, []string{"The Atlantic"}},
	{"Vox", []string{"vox.com"}, []string{"Vox"}},
	{"BuzzFeed News", []string{"buzzfeednews.com"}, []string{"BuzzFeed News"}},
	{"ProPublica", []string{"propublica.org"}, []string{"ProPublica"}},
	{"The Daily Beast", []string{"thedailybeast.com"}, []string{"The Daily Beast", "Daily Beast"}},
	{"Newsweek", []string{"newsweek.com"}, []string{"Newsweek"}},
	{"Time", []string{"time.com"}, []string{"TIME", "Time magazine"}},
	{"Barron's", []string{"barrons.com"}, []string{"Barron's", "Barron’s"}},
	{"MarketWatch", []string{"marketwatch.com"}, []string{"MarketWatch"}},
	{"CBS Sports", []string{"cbssports.com"}, []string{"CBS Sports"}},
	{"ESPN", []string{"espn.com"}, []string{"ESPN"}},
	{"Le Monde", []string{"lemonde.fr"}, []string{"Le Monde"}},
	{"Der Spiegel", []string{"spiegel.de"}, []string{"Der Spiegel", "Spiegel"}},
	{"El País", []string{"elpais.com"}, []string{"El País", "El Pais"}},
	{"ANSA", []string{"ansa.it"}, []string{"ANSA"}},
	{"dpa", []string{"dpa.com"}, []string{"dpa", "DPA", "Deutsche Presse-Agentur"}},
	{"United Press International", []string{"upi.com"}, []string{"UPI", "United Press International"}},
	{"Voice of America", []string{"voanews.com"}, []string{"Voice of America", "VOA"}},
	{"Radio Free Europe/Radio Liberty", []string{"rferl.org"}, []string{"RFE/RL", "Radio Free Europe"}},
}

var (
	outletByDomain = map[string]*Outlet{}
	outletByAlias  = map[string]*Outlet{}
)

func init() {
	for i := range outlets {
		o := &outlets[i]
		for _, d := range o.Domains {
			outletByDomain[d] = o
		}
		if _, dup := outletByAlias[o.Name]; !dup && len(o.Domains) > 0 {
			outletByAlias[o.Name] = o
		}
		for _, a := range o.Aliases {
			if _, dup := outletByAlias[a]; !dup {
				outletByAlias[a] = o
			}
		}
	}
}

// LookupOutlet finds an outlet by its name or one of its aliases, exactly as
// written (aliases such as "AP" and "the Post" are case-sensitive).
func LookupOutlet(name string) (Outlet, bool) {
	o, ok := outletByAlias[strings.TrimSpace(name)]
	if !ok {
		return Outlet{}, false
	}
	return *o, true
}

// OutletForURL names the outlet a URL belongs to: the table's name when its
// domain is known, else the host without "www.". The empty string when the
// URL has no host.
func OutletForURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for h := host; h != ""; {
		if o, ok := outletByDomain[h]; ok {
			return o.Name
		}
		i := strings.IndexByte(h, '.')
		if i < 0 || !strings.Contains(h[i+1:], ".") {
			break
		}
		h = h[i+1:]
	}
	return strings.TrimPrefix(host, "www.")
}
