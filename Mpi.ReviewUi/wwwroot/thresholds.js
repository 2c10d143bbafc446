// The threshold preview: counts per band, a histogram coloured by band and precision/recall by threshold, all
// recomputed in the browser as the sliders move, before anything is saved.
(() => {
  const data = JSON.parse(document.getElementById('preview-data').textContent);
  const review = document.getElementById('review');
  const autoLink = document.getElementById('autolink');
  const bins = 50;
  const colour = { new: '#8a93a0', review: '#e0a000', link: '#1e7b3c' };
  const bandOf = (p, r, a) => (p >= a ? 'link' : p >= r ? 'review' : 'new');
  const counts = (r, a) => {
    const c = { new: 0, review: 0, link: 0 };
    for (const s of data.scores) c[bandOf(s, r, a)]++;
    return c;
  };
  const before = counts(data.review, data.autoLink);

  const histogram = new Array(bins).fill(0);
  for (const s of data.scores) histogram[Math.min(bins - 1, Math.floor(s * bins))]++;
  const centres = histogram.map((_, i) => (i + 0.5) / bins);
  const histogramChart = typeof Chart === 'undefined' ? null : new Chart(document.getElementById('histogram'), {
    type: 'bar',
    data: { labels: centres.map((c) => c.toFixed(2)), datasets: [{ label: 'match scores', data: histogram, backgroundColor: [] }] },
    options: {
      maintainAspectRatio: false, animation: false, plugins: { legend: { display: false }, title: { display: true, text: 'Recent match scores by band' } },
      scales: { y: { type: 'logarithmic', title: { display: true, text: 'scores' } }, x: { title: { display: true, text: 'probability' } } },
    },
  });

  const thresholds = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const precisionRecall = thresholds.map((t) => {
    let tp = 0, fp = 0, fn = 0;
    for (const [p, same] of data.reviewed) {
      if (p >= t) { if (same) tp++; else fp++; } else if (same) fn++;
    }
    return { t, precision: tp + fp > 0 ? tp / (tp + fp) : null, recall: tp + fn > 0 ? tp / (tp + fn) : null };
  });
  const prChart = typeof Chart === 'undefined' ? null : new Chart(document.getElementById('precision-recall'), {
    type: 'line',
    data: {
      labels: thresholds.map((t) => t.toFixed(2)),
      datasets: [
        { label: 'precision', data: precisionRecall.map((x) => x.precision), borderColor: '#1f5fbf', pointRadius: 0, spanGaps: true },
        { label: 'recall', data: precisionRecall.map((x) => x.recall), borderColor: '#b3261e', pointRadius: 0, spanGaps: true },
        { label: 'review threshold', type: 'bar', data: [], backgroundColor: '#e0a000', barThickness: 2 },
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false,
      plugins: { title: { display: true, text: 'Precision / recall by threshold (reviewers\' answers)' } },
      scales: { y: { min: 0, max: 1 }, x: { title: { display: true, text: 'threshold' } } },
    },
  });

  const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `${n}` : '±0');
  const update = () => {
    let r = Number(review.value), a = Number(autoLink.value);
    if (r > a) { if (document.activeElement === review) { autoLink.value = r; a = r; } else { review.value = a; r = a; } }
    document.getElementById('review-value').textContent = r.toFixed(2);
    document.getElementById('autolink-value').textContent = a.toFixed(2);
    const c = counts(r, a);
    for (const band of ['new', 'review', 'link']) {
      document.getElementById(`count-${band}`).textContent = c[band];
      document.getElementById(`delta-${band}`).textContent = ` (${signed(c[band] - before[band])})`;
    }
    const at = precisionRecall[Math.round(r * 100) - 1];
    document.getElementById('pr-summary').textContent = data.reviewed.length === 0 ? 'No reviewed task yet: precision and recall appear once reviewers have answered.'
      : `At review threshold ${r.toFixed(2)}: precision ${at.precision === null ? 'n/a' : at.precision.toFixed(2)}, recall ${at.recall === null ? 'n/a' : at.recall.toFixed(2)} (from ${data.reviewed.length} reviewed task(s)).`;
    if (histogramChart) {
      histogramChart.data.datasets[0].backgroundColor = centres.map((p) => colour[bandOf(p, r, a)]);
      histogramChart.update();
    }
    if (prChart) {
      prChart.data.datasets[2].data = thresholds.map((t) => (Math.abs(t - r) < 0.005 ? 1 : null));
      prChart.update();
    }
  };
  review.addEventListener('input', update);
  autoLink.addEventListener('input', update);
  update();
})();
