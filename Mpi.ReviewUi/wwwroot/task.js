// The task page: keyboard shortcuts for every action, and the waterfall of match weights drawn with Chart.js.
(() => {
  const typing = (e) => e.target.closest('input, select, textarea');
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    if (typing(e)) { if (e.key === 'Escape') e.target.blur(); return; }
    const button = document.querySelector(`#actions button[data-key="${e.key}"]:not([disabled])`);
    if (button) { e.preventDefault(); button.click(); return; }
    if (e.key === 'r') { const reason = document.getElementById('reason'); if (reason) { e.preventDefault(); reason.focus(); } }
    else if (e.key === 'n') { const next = document.getElementById('next-task'); if (next) window.location.href = next.href; }
    else if (e.key === 'q') { window.location.href = '/queue'; }
    else if (/^[1-9]$/.test(e.key)) {
      const radios = document.querySelectorAll('#actions input[name="personId"][type="radio"]');
      const radio = radios[Number(e.key) - 1];
      if (radio) radio.checked = true;
    }
  });

  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('.candidate').forEach((section) => {
    const data = section.querySelector('.waterfall-data');
    const canvas = section.querySelector('canvas.waterfall');
    if (!data || !canvas) return;
    const w = JSON.parse(data.textContent);
    const labels = ['prior'];
    const bars = [[0, w.prior]];
    const colours = ['#8a93a0'];
    let at = w.prior;
    for (const step of w.steps) {
      labels.push(`${step.name}: ${step.label}`);
      bars.push([at, at + step.weight]);
      colours.push(step.weight >= 0 ? '#1e7b3c' : '#b3261e');
      at += step.weight;
    }
    labels.push(`final (p = ${w.probability.toFixed(3)})`);
    bars.push([0, w.final]);
    colours.push('#1f5fbf');
    new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ label: 'match weight (log2 m/u)', data: bars, backgroundColor: colours }] },
      options: {
        indexAxis: 'y', maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { title: { display: true, text: 'cumulative match weight' } } },
      },
    });
  });
})();
