// The threshold preview: counts per band, a histogram coloured by band and precision/recall by threshold, all
// recomputed in the browser as the sliders move, before anything is saved. Each recent registration is decided again
// the way the service decides (IncomingRecordDecision): a guard holds a pair at review, a rival candidate makes an
// automatic link a review, the learned re-scorer's verdict on a review-band pair stands, and a link may open a merge
// question or a quality check — so the review count is the tasks the queue would hold, not just the band's scores.
(() => {
  const data = JSON.parse(document.getElementById('preview-data').textContent);
  const review = document.getElementById('review');
  const autoLink = document.getElementById('autolink');
  const bins = 50;
  const colour = { new: '#8a93a0', review: '#e0a000', link: '#1e7b3c' };
  const bandOf = (p, r, a) => (p >= a ? 'link' : p >= r ? 'review' : 'new');
  const has = (traits, name) => (traits & data.bits[name]) !== 0;
  // What one registration would become: 'new', 'link', or the cause of its review task.
  // A rival sends a link to review unless the persons it matched cohere with the best one (bridged: merged, or a merge
  // question asked, the record linked); a review task's cause is the guard, else a rival, else the band (ReviewCauses).
  const rivalled = (traits) => has(traits, 'ambiguous') && !has(traits, 'bridged');
  const decide = (p, traits, r, a) => {
    if (has(traits, 'rule')) return rivalled(traits) ? 'rival' : 'link';
    const guarded = has(traits, 'guarded');
    const band = p >= a && !guarded ? 'link' : p >= r ? 'review' : 'new';
    if (band === 'link') return rivalled(traits) ? 'rival' : 'link';
    if (band === 'new') return 'new';
    if (has(traits, 'learnedLink')) return 'link';
    if (has(traits, 'learnedNew')) return 'new';
    return guarded && p >= a ? 'guard' : has(traits, 'ambiguous') ? 'rival' : 'band';
  };
  const counts = (r, a) => {
    const c = { new: 0, review: 0, link: 0, band: 0, guard: 0, rival: 0, merge: 0, check: 0 };
    for (const [p, traits] of data.decisions) {
      const kind = decide(p, traits, r, a);
      if (kind === 'new' || kind === 'link') c[kind]++;
      else { c.review++; c[kind]++; }
      if (kind !== 'link') continue;
      // A linked record still opens a task: a merge question, or (an automatic link only) a sampled quality check.
      if (has(traits, 'mergeQuestion')) { c.review++; c.merge++; }
      else if (!has(traits, 'rule') && has(traits, 'qualitySampled')) { c.review++; c.check++; }
    }
    return c;
  };
  const before = counts(data.review, data.autoLink);

  const histogram = new Array(bins).fill(0);
  for (const [s] of data.decisions) histogram[Math.min(bins - 1, Math.floor(s * bins))]++;
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
  // Two decimals where they say it all, four where the threshold has more (0.9995 must not read 1.00).
  const shown = (x) => (Math.abs(x * 100 - Math.round(x * 100)) < 1e-9 ? x.toFixed(2) : x.toFixed(4));
  // Until a slider moves, its threshold is the active one exactly (a slider holds four decimals; a version may hold more).
  const update = () => {
    let r = review.dataset.moved ? Number(review.value) : data.review, a = autoLink.dataset.moved ? Number(autoLink.value) : data.autoLink;
    if (r > a) {
      // The other slider is pushed along: it moved too.
      if (document.activeElement === review) { autoLink.value = r; a = r; autoLink.dataset.moved = 'true'; moved.autolink.value = 'true'; }
      else { review.value = a; r = a; review.dataset.moved = 'true'; moved.review.value = 'true'; }
    }
    document.getElementById('review-value').textContent = shown(r);
    document.getElementById('autolink-value').textContent = shown(a);
    const c = counts(r, a);
    for (const band of ['new', 'review', 'link']) {
      document.getElementById(`count-${band}`).textContent = c[band];
      document.getElementById(`delta-${band}`).textContent = ` (${signed(c[band] - before[band])})`;
    }
    document.getElementById('review-causes').textContent = `${c.band} in the review band, ${c.guard} held by a guard, ${c.rival} with a close rival, `
      + `${c.merge} merge question(s), ${c.check} quality check(s); the queue holds ${data.openTasks} open task(s) now.`;
    const at = precisionRecall[Math.min(98, Math.max(0, Math.round(r * 100) - 1))];
    document.getElementById('pr-summary').textContent = data.reviewed.length === 0 ? 'No reviewed task yet: precision and recall appear once reviewers have answered.'
      : `At review threshold ${shown(r)}: precision ${at.precision === null ? 'n/a' : at.precision.toFixed(2)}, recall ${at.recall === null ? 'n/a' : at.recall.toFixed(2)} (from ${data.reviewed.length} reviewed task(s)).`;
    if (histogramChart) {
      histogramChart.data.datasets[0].backgroundColor = centres.map((p) => colour[bandOf(p, r, a)]);
      histogramChart.update();
    }
    if (prChart) {
      prChart.data.datasets[2].data = thresholds.map((t) => (Math.abs(t - r) < 0.005 ? 1 : null));
      prChart.update();
    }
  };
  // A moved slider says so with the form: one left alone keeps the active threshold exactly when the other is saved.
  const moved = { review: document.getElementById('review-moved'), autolink: document.getElementById('autolink-moved') };
  for (const slider of [review, autoLink]) {
    slider.addEventListener('input', () => { slider.dataset.moved = 'true'; moved[slider.id].value = 'true'; update(); });
  }
  update();
})();
