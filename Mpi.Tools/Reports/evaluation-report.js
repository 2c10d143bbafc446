// Draws the evaluation report's two charts with the inlined Chart.js from the JSON block the server wrote.
// The thresholds are drawn as two-point line datasets, so the markers are chart data rather than drawing code.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const t = data.thresholds;
  const colours = { match: "#1b7f3b", nonMatch: "#b3261e", autoLink: "#1f4e9e", review: "#c77700", f1: "#555555" };
  // Animation off: the report is read, printed and screenshotted, and a half-drawn chart helps none of those.
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  function marker(label, x, yFrom, yTo, colour) {
    return {
      type: "line", label: label, data: [{ x: x, y: yFrom }, { x: x, y: yTo }], borderColor: colour,
      borderDash: [6, 4], borderWidth: 2, pointRadius: 0, order: 0,
    };
  }

  function histogram() {
    const bins = data.histogram;
    const centre = (b) => (b.from + b.to) / 2;
    const top = Math.max(1, ...bins.map((b) => Math.max(b.matches, b.nonMatches))) * 2;
    // A log axis cannot show zero: empty bars are left out rather than drawn at a fake height.
    const bars = (key) => bins.filter((b) => b[key] > 0).map((b) => ({ x: centre(b), y: b[key] }));
    new Chart(document.getElementById("histogram"), {
      type: "bar",
      data: {
        datasets: [
          { label: "true matches", data: bars("matches"), backgroundColor: colours.match + "cc", barPercentage: 1, categoryPercentage: 1, order: 1 },
          { label: "non-matches", data: bars("nonMatches"), backgroundColor: colours.nonMatch + "99", barPercentage: 1, categoryPercentage: 1, order: 2 },
          marker("auto-link " + t.autoLink, t.autoLinkWeight, 0.8, top, colours.autoLink),
          marker("review " + t.review, t.reviewWeight, 0.8, top, colours.review),
        ],
      },
      options: {
        parsing: true,
        scales: {
          x: { type: "linear", min: bins[0].from, max: bins[bins.length - 1].to, title: { display: true, text: "match weight (log2 odds)" } },
          y: {
            type: "logarithmic", min: 0.8, max: top, title: { display: true, text: "candidate pairs (log scale)" },
            // Powers of ten only: the in-between ticks a log axis adds read as clutter.
            ticks: { callback: (v) => (Math.log10(v) % 1 === 0 ? Number(v).toLocaleString("en") : "") },
          },
        },
        plugins: { tooltip: { mode: "nearest", intersect: false } },
      },
    });
  }

  function curve() {
    const points = data.curve;
    const line = (label, key, colour) => ({
      type: "line", label: label, data: points.map((p) => ({ x: p.threshold, y: p[key] })), borderColor: colour,
      backgroundColor: colour, pointRadius: 0, borderWidth: 2, order: 1,
    });
    const low = Math.min(...points.map((p) => Math.min(p.precision, p.recall)));
    const bottom = Math.max(0, Math.floor(low * 20) / 20);
    new Chart(document.getElementById("precision-recall"), {
      type: "line",
      data: {
        datasets: [
          line("precision", "precision", colours.match),
          line("recall", "recall", colours.nonMatch),
          line("F1", "f1", colours.f1),
          marker("auto-link " + t.autoLink, t.autoLink, bottom, 1, colours.autoLink),
          marker("review " + t.review, t.review, bottom, 1, colours.review),
        ],
      },
      options: {
        scales: {
          x: { type: "linear", min: 0, max: 1, title: { display: true, text: "match probability threshold" } },
          y: { min: bottom, max: 1, title: { display: true, text: "share of candidate pairs" } },
        },
        interaction: { mode: "index", intersect: false },
      },
    });
  }

  histogram();
  curve();
  document.body.dataset.chartsRendered = "true";
})();
