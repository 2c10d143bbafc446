// The reviewers page: tasks opened and answered per day, drawn with Chart.js from the page's own figures.
(() => {
  const data = JSON.parse(document.getElementById('flow-data').textContent);
  if (typeof Chart === 'undefined' || data.days.length === 0) return;
  new Chart(document.getElementById('flow-chart'), {
    type: 'bar',
    data: {
      labels: data.days,
      datasets: [
        { label: 'opened', data: data.inflow, backgroundColor: '#c2410c' },
        { label: 'answered', data: data.outflow, backgroundColor: '#1f5fbf' },
      ],
    },
    options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
})();
