// Builds internal/server/land.txt, the land outline drawn under the story
// page's map of places, from the npm package world-atlas@2.0.2 (ISC
// licence; Natural Earth 1:110m land, public domain).
// Run once when the data should change:
//   cd tools/worldmap && npm install --no-save world-atlas@2.0.2 && node build.js
// Lines: one ring each, "lon,lat" pairs separated by spaces, one decimal.
const fs = require("fs");
const topo = require("world-atlas/land-110m.json");

const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
// Arcs are delta-encoded, quantised positions.
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx; y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});
const arcPoints = (i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
const rings = [];
const addPolygon = (poly) => {
  for (const ring of poly) {
    const pts = [];
    for (const i of ring) {
      const a = arcPoints(i);
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    rings.push(pts);
  }
};
for (const geom of topo.objects.land.geometries) {
  if (geom.type === "Polygon") addPolygon(geom.arcs);
  if (geom.type === "MultiPolygon") geom.arcs.forEach(addPolygon);
}
const lines = rings.map((pts) => {
  const out = [];
  let last = "";
  for (const [x, y] of pts) {
    const p = x.toFixed(1) + "," + y.toFixed(1);
    if (p !== last) out.push(p);
    last = p;
  }
  return out.join(" ");
});
fs.writeFileSync("../../internal/server/land.txt", lines.join("\n") + "\n");
console.log(rings.length + " rings, " + lines.reduce((n, l) => n + l.split(" ").length, 0) + " points");
