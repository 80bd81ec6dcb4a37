# Median of the n values v[1..n] (insertion sort: n, the number of benchmark rounds, is small).
# The bench scripts put this in front of their own awk programs.
function median(v, n,   i, j, x) {
  for (i = 2; i <= n; i++) { x = v[i]; for (j = i - 1; j > 0 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
  return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
