// A small line diff (longest common subsequence) for comparing two versions of a document, without a library.
// Definitions are at most a few hundred lines (ADR 0023 caps routes and items), so the quadratic table is cheap;
// beyond LIMIT cells the middle is shown as removed and added whole rather than freezing the page.

const LIMIT = 4_000_000;

/** The edit script turning {@code a} into {@code b}: [{op: ' ' | '-' | '+', text}] in order. */
export function lineDiff(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text) => ({ op: ' ', text }));
  const tail = a.slice(endA).map((text) => ({ op: ' ', text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const n = x.length;
  const m = y.length;
  if ((n + 1) * (m + 1) > LIMIT) {
    return [...head, ...x.map((text) => ({ op: '-', text })), ...y.map((text) => ({ op: '+', text })), ...tail];
  }
  // lengths[i][j]: the longest common subsequence of x[i..] and y[j..]
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = x[i] === y[j] ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const middle = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      middle.push({ op: ' ', text: x[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      middle.push({ op: '-', text: x[i++] });
    } else {
      middle.push({ op: '+', text: y[j++] });
    }
  }
  while (i < n) middle.push({ op: '-', text: x[i++] });
  while (j < m) middle.push({ op: '+', text: y[j++] });
  return [...head, ...middle, ...tail];
}

/** The script with unchanged runs longer than twice {@code context} folded into {op: '…', count}. */
export function withContext(lines, context = 3) {
  const near = lines.map(() => false);
  lines.forEach((l, index) => {
    if (l.op === ' ') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) near[k] = true;
  });
  const out = [];
  let folded = 0;
  lines.forEach((l, index) => {
    if (near[index]) {
      if (folded) out.push({ op: '…', count: folded });
      folded = 0;
      out.push(l);
    } else {
      folded++;
    }
  });
  if (folded) out.push({ op: '…', count: folded });
  return out;
}
