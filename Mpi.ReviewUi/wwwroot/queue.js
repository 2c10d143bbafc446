// Keyboard navigation of the review queue: j/k or arrows move between tasks, Enter opens, c claims, o opens the oldest
// task nobody holds (a row with a claim button): the oldest row may be another reviewer's claim.
(() => {
  const links = () => Array.from(document.querySelectorAll('#queue .task-link'));
  const typing = (e) => e.target.closest('input, select, textarea');
  const move = (step) => {
    const all = links();
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement);
    const next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step));
    all[next].focus();
  };
  document.addEventListener('keydown', (e) => {
    if (typing(e) || e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === 'j' || e.key === 'ArrowDown') { move(1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { move(-1); e.preventDefault(); }
    else if (e.key === 'o') {
      const open = Array.from(document.querySelectorAll('#queue tr[data-task]')).find((row) => row.querySelector('button.claim'));
      const link = open && open.querySelector('.task-link');
      if (link) { window.location.href = link.href; }
    }
    else if (e.key === 'c') {
      const row = document.activeElement && document.activeElement.closest('tr[data-task]');
      const claim = row && row.querySelector('button.claim');
      if (claim) { claim.click(); }
    }
  });
  const first = links()[0];
  if (first) first.focus();
})();
